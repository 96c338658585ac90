"""Features of a frozen backbone larger than the memory limit are written to a file on disk and
memory-mapped: the same weights as in memory, nothing left behind; a disk without room, or a
folder that cannot be written, trains the full model and says so. Mixed precision caches float32
features of the backbone run as the uncached model runs it."""

from __future__ import annotations

import errno

import pytest
import torch

from studio import feature_cache, feature_disk
from studio.data import load_dataset
from studio.errors import StudioError
from studio.feature_disk import MappedSource
from studio.graph import Graph
from studio.project import Project
from studio.runs import load_weights
from studio.supervised import TensorSource
from studio.training import Trainer, TrainingState

# MobileNetV3-Small's 576 features × 160 samples × 4 bytes: 368.6 KB.
SMALL_LIMIT = 100_000


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(120, 40)


def _chain(*nodes: tuple[str, dict]) -> Graph:
    graph, previous = Graph(), None
    for layer_id, params in nodes:
        node = graph.add_node(layer_id, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    return graph


HEAD = (("Dense", {"units": 16, "activation": "relu"}),
        ("Dense", {"units": 10, "activation": "softmax"}),
        ("Output", {}))


def _project(graph: Graph | None = None, **training) -> Project:
    graph = graph or _chain(
        ("Input", {"shape": [1, 28, 28]}),
        ("MobileNetV3Small", {"weights": "none", "freeze": "all", "image_size": 32}),
        *HEAD,
    )
    project = Project(name="Feature cache on disk", graph=graph)
    project.training.update({"epochs": 2, "batch_size": 32, "validation_split": 0.2,
                             "seed": 5, "learning_rate": 0.01, **training})
    return project


def _trained(project, data, folder) -> tuple[Trainer, list[str]]:
    said: list[str] = []
    trainer = Trainer(project, data, TrainingState(on_message=said.append), folder)
    assert trainer.run().status == "finished"
    return trainer, said


def _assert_same_weights(a_folder, b_folder, **tolerance) -> None:
    a = load_weights(a_folder / "model.safetensors")
    b = load_weights(b_folder / "model.safetensors")
    assert set(a) == set(b)
    for key in a:
        torch.testing.assert_close(a[key], b[key], msg=key, **tolerance)


def test_features_over_the_memory_limit_go_to_disk_with_the_same_weights(
        shapes, tmp_path, monkeypatch):
    project = _project()
    in_memory, _ = _trained(project, shapes, tmp_path / "memory")
    assert isinstance(in_memory.task.features.of(in_memory.task.train_split), TensorSource)

    where = tmp_path / "features"
    monkeypatch.setenv(feature_disk.FEATURES_ENV, str(where))
    monkeypatch.setattr(feature_cache, "MEMORY_LIMIT", SMALL_LIMIT)
    on_disk, said = _trained(project, shapes, tmp_path / "disk")

    assert any(f"The frozen backbone's features take 368.6 KB, more than the 100.0 KB kept in "
               f"memory: they are written to a file in {where}" in s for s in said), said
    assert any("Training the head on cached features" in s for s in said)
    source = on_disk.task.features.of(on_disk.task.train_split)
    assert isinstance(source, MappedSource) and len(source) == 96
    _assert_same_weights(tmp_path / "memory", tmp_path / "disk", rtol=0, atol=0)
    assert list(where.iterdir()) == []  # the file has no name: nothing is left behind


def test_no_room_on_disk_trains_the_full_model_and_says_so(shapes, tmp_path, monkeypatch):
    monkeypatch.setenv(feature_disk.FEATURES_ENV, str(tmp_path / "features"))
    monkeypatch.setattr(feature_cache, "MEMORY_LIMIT", SMALL_LIMIT)
    monkeypatch.setattr(feature_disk, "free_bytes", lambda folder: 500_000_000)
    trainer, said = _trained(_project(epochs=1), shapes.subset(40, 10), tmp_path / "run")
    assert trainer.task.features is None
    assert any("The frozen backbone's features would take 115.2 KB, more than the 100.0 KB "
               "kept in memory, and more than the disk holding" in s and "(500.0 MB)" in s
               and "the whole model runs every epoch" in s for s in said), said
    assert not any("cached features" in s for s in said)


def test_a_features_folder_that_cannot_be_made_trains_the_full_model(shapes, tmp_path,
                                                                     monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(feature_disk.FEATURES_ENV, str(blocker / "features"))
    monkeypatch.setattr(feature_cache, "MEMORY_LIMIT", SMALL_LIMIT)
    trainer, said = _trained(_project(epochs=1), shapes.subset(40, 10), tmp_path / "run")
    assert trainer.task.features is None
    assert any(f"{blocker / 'features'} cannot be written" in s and
               "NETSTUDIO_FEATURES names another folder" in s for s in said), said


class _FullDisk:
    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self):
        pass


def test_a_disk_that_fills_up_while_writing_stops_the_run_plainly(shapes, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setenv(feature_disk.FEATURES_ENV, str(tmp_path / "features"))
    monkeypatch.setattr(feature_cache, "MEMORY_LIMIT", SMALL_LIMIT)
    monkeypatch.setattr(feature_disk.tempfile, "TemporaryFile", lambda **kw: _FullDisk())
    trainer = Trainer(_project(epochs=1), shapes, TrainingState(), tmp_path / "run")
    with pytest.raises(StudioError, match=r"could not be written to .*No space left on device"):
        trainer.run()


@pytest.fixture(scope="module")
def own_run(tmp_path_factory, shapes):
    """A small trained model of one's own, the backbone of the mixed-precision test (bfloat16
    emulated on a CPU without it is too slow for MobileNet)."""
    graph = _chain(
        ("Input", {"shape": [1, 28, 28]}),
        ("Conv2D", {"filters": 8, "kernel_size": 3, "activation": "relu"}),
        ("MaxPooling2D", {}),
        ("Flatten", {}),
        ("Dense", {"units": 32, "activation": "relu"}),
        *HEAD[1:],
    )
    folder = tmp_path_factory.mktemp("own_run")
    _trained(_project(graph, epochs=1, validation_split=0.0), shapes, folder)
    return folder


def test_mixed_precision_caches_what_the_uncached_model_computes(own_run, shapes, tmp_path,
                                                                 monkeypatch):
    graph = _chain(
        ("Input", {"shape": [1, 28, 28]}),
        ("TrainedModel", {"run": str(own_run), "until": "dense_1", "freeze": "all"}),
        *HEAD,
    )
    # bfloat16 autocast on this CPU even without native support (slow, but exact to check).
    monkeypatch.setattr("studio.devices.cpu_has_bf16", lambda: True)
    project = _project(graph, mixed_precision=True)
    cached, said = _trained(project, shapes, tmp_path / "cached")
    assert any("Training the head on cached features" in s for s in said)
    features = cached.task.features.of(cached.task.train_split).x
    assert features.dtype == torch.float32
    with monkeypatch.context() as m:
        m.setattr("studio.supervised.feature_cache_for", lambda task: None)
        _trained(project, shapes, tmp_path / "plain")
    _assert_same_weights(tmp_path / "cached", tmp_path / "plain", rtol=1e-3, atol=1e-4)

    # Mixed precision really ran: full precision gives other features.
    monkeypatch.undo()
    full, _ = _trained(_project(graph), shapes, tmp_path / "full")
    full_features = full.task.features.of(full.task.train_split).x
    assert not torch.equal(features, full_features)
    torch.testing.assert_close(features, full_features, rtol=0.05, atol=0.05)
