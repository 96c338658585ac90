"""The exported package's train.py measures Normalization layers as NetStudio does: from scratch,
before the first epoch, each layer on what reaches it; never when it starts from given weights."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from studio.adapt import adapt_normalization
from studio.compiler import compile_graph
from studio.export import export
from studio.graph import Graph
from studio.project import Project, save_project
from studio.runs import save_weights

SUBPROCESS_ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}
NORMS = ("norm_pixels", "norm_features")


def normalized_cnn() -> Project:
    """Input 1×6×6 → Normalization → Conv2D → Normalization → Flatten → Dense → Output: the
    second Normalization sees what the first one and the convolution made of the data."""
    graph = Graph()
    chain = [
        graph.add_node("Input", {"shape": [1, 6, 6]}, node_id="pixels"),
        graph.add_node("Normalization", node_id="norm_pixels"),
        graph.add_node("Conv2D", {"filters": 2, "kernel_size": 3}, node_id="conv"),
        graph.add_node("Normalization", node_id="norm_features"),
        graph.add_node("Flatten", node_id="flat"),
        graph.add_node("Dense", {"units": 3, "activation": "softmax"}, node_id="scores"),
        graph.add_node("Output", {"loss": "cross_entropy"}, node_id="out"),
    ]
    for a, b in itertools.pairwise(chain):
        graph.connect(a.id, b.id)
    return Project(name="Normalized CNN", graph=graph)


def images(count: int, mean: float, std: float, seed: int) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return mean + std * torch.randn(count, 1, 6, 6, generator=generator)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """A run whose Normalization layers NetStudio adapted to pixels of mean 10, exported."""
    torch.manual_seed(0)
    project = normalized_cnn()
    model = compile_graph(project.graph)
    seen = images(64, mean=10.0, std=2.0, seed=1)
    adapt_normalization(model, lambda: iter([seen]))
    run = tmp_path_factory.mktemp("run")
    save_weights(run / "model.safetensors", model.state_dict(), project)
    save_project(project, run / "project.json")
    folder = tmp_path_factory.mktemp("export") / "package"
    export(run, "py", folder, note=lambda _: None)
    return folder, model.state_dict()


def train_py(folder: Path, data: Path, final: Path, *flags: str) -> str:
    args = ["train.py", "--data", str(data), "--batch-size", "16", "--save-final", str(final)]
    args += ["--checkpoint-dir", str(final.parent / "checkpoints"), *flags]
    result = subprocess.run(
        [sys.executable, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def save_data(path: Path, x: torch.Tensor) -> Path:
    y = torch.arange(len(x)) % 3
    np.savez(path, x_train=x.numpy(), y_train=y.numpy())
    return path


def test_train_py_from_scratch_measures_each_normalization_before_training(package, tmp_path):
    folder, _ = package
    x = images(40, mean=3.0, std=5.0, seed=2)  # fewer than a batch of measuring: all are used
    data = save_data(tmp_path / "d.npz", x)
    final = tmp_path / "measured.pt"
    # No epochs: the weights are the fresh ones the statistics were measured with.
    printed = train_py(folder, data, final, "--epochs", "0")
    assert "Normalization norm_pixels: measured on 40 samples" in printed
    assert "Normalization norm_features: measured on 40 samples" in printed
    weights = torch.load(final, weights_only=True)
    # The first layer sees the data itself: its statistics are the data's, per channel.
    torch.testing.assert_close(weights["norm_pixels.mean"].flatten(), x.mean((0, 2, 3)))
    torch.testing.assert_close(
        weights["norm_pixels.variance"].flatten(), x.var((0, 2, 3), unbiased=False)
    )
    # Both layers hold what NetStudio's own measuring finds for the same model and data,
    # the second measured after the first was set.
    model = compile_graph(normalized_cnn().graph, logits=True)
    model.load_state_dict(weights)
    for name in NORMS:
        model.get_submodule(name).mean.zero_()
        model.get_submodule(name).variance.fill_(1.0)
    adapt_normalization(model, lambda: iter([x]))
    for key, value in model.state_dict().items():
        torch.testing.assert_close(weights[key], value, rtol=1e-5, atol=1e-6)
    # What leaves the second layer has mean 0 and variance 1 per channel on the data.
    with torch.no_grad():
        features = model.norm_features(model.conv(model.norm_pixels(x)))
    torch.testing.assert_close(features.mean((0, 2, 3)), torch.zeros(2), atol=1e-5, rtol=0)
    torch.testing.assert_close(features.var((0, 2, 3), unbiased=False), torch.ones(2))


def test_train_py_from_given_weights_keeps_their_statistics(package, tmp_path):
    folder, netstudio_weights = package
    data = save_data(tmp_path / "d.npz", images(32, mean=3.0, std=5.0, seed=3))
    final = tmp_path / "trained.pt"
    printed = train_py(folder, data, final, "--epochs", "1", "--init-weights", "model.safetensors")
    assert "epoch 1/1" in printed and "measured" not in printed
    weights = torch.load(final, weights_only=True)
    for name in NORMS:  # adapted by NetStudio to pixels of mean 10, not to this data's 3
        for buffer in ("mean", "variance"):
            key = f"{name}.{buffer}"
            assert torch.equal(weights[key], netstudio_weights[key]), key
    assert weights["norm_pixels.mean"].flatten()[0] > 9
