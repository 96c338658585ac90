"""A finished run with a pretrained backbone is used without the backbone's weights file (another
machine has no cache): loaded, exported, probed and reused as a block. The exported package's
train.py trains what NetStudio trains: frozen weights stay as they were, and a module's
lr_factor scales its learning rate."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
import torchvision

from studio import pretrained_weights
from studio.cli import main
from studio.compiler import compile_graph
from studio.data import load_dataset
from studio.evaluation import ActivationProbe
from studio.export import export, inference_model
from studio.graph import Graph
from studio.layers.run_block_modules import trained_body
from studio.project import Project
from studio.runs import load_trained, load_weights
from studio.training import TrainingState, train

ARCH, WEIGHTS = "mobilenet_v3_small", "IMAGENET1K_V1"
SUBPROCESS_ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def chain(*nodes: tuple[str, str, dict]) -> Graph:
    graph = Graph()
    added = [graph.add_node(layer, params, node_id=node_id) for node_id, layer, params in nodes]
    for a, b in itertools.pairwise(added):
        graph.connect(a.id, b.id)
    return graph


def backbone_project(**backbone) -> Project:
    """Gray 28×28 shapes → MobileNetV3Small (at 32 px) → Dense(10) → Output."""
    graph = chain(
        ("pixels", "Input", {"shape": [1, 28, 28]}),
        ("backbone", "MobileNetV3Small", {"image_size": 32, **backbone}),
        ("scores", "Dense", {"units": 10, "activation": "softmax"}),
        ("out", "Output", {}),
    )
    project = Project(name="Backbone run", graph=graph)
    project.dataset["name"] = "synthetic-shapes"
    project.training.update({"epochs": 1, "batch_size": 32, "validation_split": 0.0, "seed": 1})
    return project


@pytest.fixture
def torch_home(tmp_path, monkeypatch) -> Path:
    """A fresh $TORCH_HOME (as tests/test_pretrained_weights.py); returns its checkpoints
    folder, where the weights files are cached."""
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch-home"))
    monkeypatch.setattr(torch.hub, "_hub_dir", None)
    monkeypatch.delenv(pretrained_weights.MIRROR_ENV, raising=False)
    return tmp_path / "torch-home" / "hub" / "checkpoints"


def cache_fake_weights(arch: str, weights: str) -> Path:
    """A stand-in for the downloaded file: a seeded random model's state_dict, saved under the
    name torchvision's file has in the cache (no download works here)."""
    path = pretrained_weights.weights_file(arch, weights).path
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(123)
    torch.save(torchvision.models.get_model(arch).state_dict(), path)
    return path


@pytest.fixture
def run_without_cache(torch_home, tmp_path):
    """A run trained with the (fake) pretrained weights, frozen; then the cache emptied."""
    cached = cache_fake_weights(ARCH, WEIGHTS)
    project = backbone_project(weights=WEIGHTS, freeze="all")
    data = load_dataset("synthetic-shapes").subset(96, 32)
    run = tmp_path / "run"
    result = train(project, data, TrainingState(), out_dir=run)
    assert result.status == "finished"
    pretrained = torch.load(cached, weights_only=True)
    cached.unlink()
    # Building the model as a fresh one needs the file now: the cache is really empty.
    with pytest.raises(pretrained_weights.WeightsMissingError):
        compile_graph(project.graph)
    return run, pretrained


def test_a_finished_runs_model_loads_and_exports_without_the_weights_file(
    run_without_cache, tmp_path, capsys
):
    run, pretrained = run_without_cache
    project, weights = load_trained(run)
    # The frozen backbone kept the pretrained weights: the run's file has them.
    first_conv = "features.0.0.weight"
    assert torch.equal(weights[f"backbone.net.{first_conv}"], pretrained[first_conv])

    target = tmp_path / "model.onnx"
    assert main(["export", str(run), "--format", "onnx", "-o", str(target)]) == 0
    assert target.stat().st_size > 1_000_000  # MobileNetV3Small's 1 M weights are in it

    # The app's activations view and a TrainedModel block built from the run.
    model = inference_model(project, weights)
    probe = ActivationProbe(project.graph, model)
    values = probe.run(torch.rand(2, 1, 28, 28))
    assert values["scores"].shape == (2, 10)
    body = trained_body(str(run), "backbone")
    assert torch.equal(body.state_dict()[f"backbone.net.{first_conv}"], pretrained[first_conv])

    # The exported package predicts from its own weights file, with no pretrained file (nor a
    # download) needed.
    package = tmp_path / "package"
    assert main(["export", str(run), "--format", "py", "-o", str(package)]) == 0
    result = subprocess.run(
        [sys.executable, "predict.py", "--count", "2"],
        cwd=package, capture_output=True, text=True, timeout=300,
        env={**os.environ, "TORCH_HOME": str(tmp_path / "empty-torch-home")},
    )
    assert result.returncode == 0, result.stderr
    capsys.readouterr()


# The exported package's train.py ---------------------------------------------------------


@pytest.fixture
def partly_frozen_package(tmp_path):
    """A run whose backbone trains only its last block (at a tenth of the learning rate),
    exported as a package. Random backbone weights: no file is needed."""
    project = backbone_project(weights="none", freeze="all_but_last_blocks",
                               trainable_blocks=1, lr_factor=0.1)
    data = load_dataset("synthetic-shapes").subset(64, 16)
    run = tmp_path / "run"
    assert train(project, data, TrainingState(), out_dir=run).status == "finished"
    folder = tmp_path / "package"
    export(run, "py", folder, note=lambda _: None)
    return folder, load_weights(run / "model.safetensors")


def test_package_train_py_keeps_frozen_weights_and_scales_the_backbones_rate(
    partly_frozen_package, tmp_path
):
    folder, exported = partly_frozen_package
    final = tmp_path / "trained.pt"
    result = subprocess.run(
        [sys.executable, "train.py", "--samples", "64", "--batch-size", "16", "--epochs", "1",
         "--lr", "0.05", "--optimizer", "sgd", "--init-weights", "model.safetensors",
         "--save-final", str(final), "--checkpoint-dir", str(tmp_path / "checkpoints")],
        cwd=folder, capture_output=True, text=True, timeout=300, env=SUBPROCESS_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    trained = torch.load(final, weights_only=True)

    # MobileNetV3Small's features 0-11 are frozen, 12 (the last block) trains.
    frozen = [k for k in exported if k.startswith("backbone.net.features.")
              and not k.startswith("backbone.net.features.12.")]
    assert any(k.endswith("running_mean") for k in frozen)  # BatchNorm statistics too
    changed = [k for k in frozen if not torch.equal(trained[k], exported[k])]
    assert changed == []
    for name in ("backbone.net.features.12.0.weight", "scores.weight"):
        assert not torch.equal(trained[name], exported[name]), f"{name} did not train"

    # The optimizer's groups, as train.py makes them: the head at lr, the last block at lr/10.
    show_groups = (
        "import torch, train; from common import build_model\n"
        "net = build_model(training=True)\n"
        "for g in train.parameter_groups(net, 0.05):\n"
        "    print(round(g['lr'], 6), sum(p.numel() for p in g['params']))\n"
    )
    groups = subprocess.run(
        [sys.executable, "-c", show_groups], cwd=folder, capture_output=True, text=True,
        timeout=120, env=SUBPROCESS_ENV,
    )
    assert groups.returncode == 0, groups.stderr
    lines = sorted(tuple(map(float, line.split())) for line in groups.stdout.split("\n") if line)
    block = sum(v.numel() for k, v in exported.items()
                if k.startswith("backbone.net.features.12.") and "running" not in k
                and "num_batches" not in k)
    head = exported["scores.weight"].numel() + exported["scores.bias"].numel()
    assert lines == [(0.005, block), (0.05, head)]
