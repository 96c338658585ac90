"""A photo folder streamed from disk: as many decoding workers as the machine sensibly gives, the
batches an in-memory folder gives for the same seed, and a frozen backbone's features cached
from the stream (decoded once, not every epoch) with the weights of the uncached run."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from studio import supervised
from studio.data import StreamingImageFolder
from studio.data.folder import MAX_STREAM_WORKERS, load_image_folder, stream_workers
from studio.graph import Graph
from studio.project import Project
from studio.runs import load_weights
from studio.supervised import TensorSource
from studio.training import Trainer, TrainingState


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """Two classes of 20 photos of a few sizes, each its own colour; one cut-off JPEG."""
    root = tmp_path / "photos"
    rng = np.random.default_rng(0)
    for cls in ("bright", "dark"):
        (root / cls).mkdir(parents=True)
        for i in range(20):
            base = 150 if cls == "bright" else 20
            pixels = rng.integers(base, base + 90, (36 + i % 3 * 8, 48, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / cls / f"{cls}{i:02d}.jpg", quality=90)
    buffer = io.BytesIO()
    Image.fromarray(rng.integers(0, 256, (240, 320, 3), dtype=np.uint8)).save(buffer, "JPEG")
    (root / "dark" / "cut.jpg").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    return root


@pytest.mark.parametrize(("cpus", "workers"),
                         [(1, 1), (2, 2), (4, 3), (8, 7), (16, 8), (128, 8)])
def test_decoding_workers_follow_the_cores(cpus, workers):
    assert stream_workers(cpus) == workers <= MAX_STREAM_WORKERS
    assert 1 <= stream_workers() <= MAX_STREAM_WORKERS  # this machine's


def test_a_seeded_stream_gives_the_in_memory_batches(photos):
    (photos / "dark" / "cut.jpg").unlink()  # decoded in memory, it would be left out there
    stream = StreamingImageFolder(photos, image_size=(24, 24), seed=3)
    memory = load_image_folder(photos, image_size=(24, 24), seed=3)
    streamed = stream.loader(8, shuffle=True, workers=0, generator=torch.Generator().manual_seed(7))
    held = TensorSource(memory.x_train, memory.y_train, torch.device("cpu"))
    pairs = list(zip(streamed, held.batches(8, torch.Generator().manual_seed(7)), strict=True))
    assert len(pairs) == 4  # 32 training photos
    for (xs, ys), (xm, ym) in pairs:
        assert torch.equal(xs, xm) and torch.equal(ys, ym)


def test_a_streamed_batch_becomes_the_floats_an_in_memory_one_does():
    x = torch.arange(256, dtype=torch.uint8).repeat(2, 3, 4, 1)
    floats = StreamingImageFolder.float_x(x)
    assert floats.dtype == torch.float32 and floats.shape == x.shape
    assert torch.equal(floats, x.to(torch.float32).div_(255.0))
    assert floats.min() == 0 and floats.max() == 1


def _project() -> Project:
    graph, previous = Graph(), None
    for layer_id, params in (
        ("Input", {"shape": [3, 32, 32]}),
        ("MobileNetV3Small", {"weights": "none", "freeze": "all", "image_size": 32}),
        ("Dense", {"units": 2, "activation": "softmax"}),
        ("Output", {}),
    ):
        node = graph.add_node(layer_id, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    project = Project(name="Streamed and cached", graph=graph)
    # One batch an epoch: the cached and the streamed run see the same samples in each step
    # whatever order the stream's workers shuffle them in.
    project.training.update({"epochs": 2, "batch_size": 64, "validation_split": 0.0,
                             "seed": 2, "learning_rate": 0.01})
    return project


def test_a_streamed_folders_backbone_features_are_cached_with_the_same_weights(
        photos, tmp_path, monkeypatch):
    project = _project()
    stream = StreamingImageFolder(photos, image_size=(32, 32))
    said: list[str] = []
    cached = Trainer(project, stream, TrainingState(on_message=said.append), tmp_path / "cached")
    assert cached.run().status == "finished"
    assert any("Computing the frozen backbone's features once (41 samples)" in s for s in said)
    assert any("Training the head on cached features" in s for s in said)
    features = cached.task.features
    rows = len(features.of(cached.task.train_split)) + len(features.of(cached.task.test_split))
    assert rows == 40  # the cut-off photo left out, and named in the notes
    assert "cut.jpg (image file is truncated" in " ".join(stream.notes)

    with monkeypatch.context() as m:
        m.setattr(supervised, "feature_cache_for", lambda task: None)
        plain = Trainer(project, StreamingImageFolder(photos, image_size=(32, 32)),
                        TrainingState(), tmp_path / "plain")
        assert plain.run().status == "finished"
    a = load_weights(tmp_path / "cached" / "model.safetensors")
    b = load_weights(tmp_path / "plain" / "model.safetensors")
    assert set(a) == set(b)
    for key in a:
        torch.testing.assert_close(a[key], b[key], rtol=1e-4, atol=1e-5, msg=key)
