"""The transfer-learning demo's engine (studio.transfer_demo): its data, its new task's
splits, the pretrained body kept and reused between demos, Stop, and the gaps."""

from __future__ import annotations

import dataclasses

import pytest
import torch

from studio.data import list_datasets, load_dataset
from studio.runs.folder import read_record
from studio.supervised import training_splits
from studio.training import TrainingState
from studio.transfer_demo import (
    MEASURED,
    VARIANTS,
    DemoData,
    DemoSettings,
    demo_source,
    gaps_of,
    new_task_data,
    run_demo,
)

TINY = DemoSettings(per_class=3, pretrain_samples=64, pretrain_epochs=1, steps=2,
                    val_per_class=4, test_limit=30)


@pytest.fixture(scope="module")
def shapes():
    return DemoData(load_dataset("synthetic-shapes").subset(1000, 300), None)


def test_fashion_mnist_when_here_else_the_stand_in_the_registry_names():
    infos = list_datasets()
    here = {i.name: i for i in infos}
    used, stand_in_for = demo_source(infos)
    if here["fashion-mnist"].available:
        assert (used.name, stand_in_for) == ("fashion-mnist", None)
    gone = [dataclasses.replace(i, available=False) if i.name == "fashion-mnist" else i
            for i in infos]
    used, stand_in_for = demo_source(gone)
    assert used.name == "synthetic-shapes" and stand_in_for == "Fashion-MNIST"


def test_the_new_task_validates_on_other_images_of_its_classes(shapes):
    settings = DemoSettings(per_class=5, val_per_class=7)
    task, split = new_task_data(shapes.data, settings)
    assert task.classes == [shapes.data.classes[c] for c in settings.target]
    assert len(task.x_train) == 5 * 5 + 5 * 7
    train, val, _ = training_splits(task, {"validation_split": split}, torch.device("cpu"))
    # The validation split takes exactly the held-out images: the model learns from 5 per
    # class, never from those it is validated on.
    assert (len(train), len(val)) == (5 * 5, 5 * 7)
    assert sorted(train.y.tolist()) == sorted(list(range(5)) * 5)
    assert sorted(val.y.tolist()) == sorted(list(range(5)) * 7)
    seen = {tuple(x.flatten()[:64].tolist()) for x in train.x}
    assert not any(tuple(x.flatten()[:64].tolist()) in seen for x in val.x)
    # Test images of every class come first and last: a test limit takes each class.
    assert set(task.y_test[:60].tolist()) == set(range(5))


def test_the_pretrained_body_is_kept_and_reused_and_stop_keeps_what_finished(tmp_path, shapes):
    stages: list[str] = []

    def state(stage: str) -> TrainingState:
        stages.append(stage)
        return TrainingState()

    first = run_demo(tmp_path, TINY, state, demo_data=shapes)
    assert stages == ["pretrain", *VARIANTS] and not first.reused and not first.stopped
    assert read_record(first.pretrained)["status"] == "finished"
    assert [r.variant for r in first.runs] == list(VARIANTS)
    assert all(r.run_dir.parent == tmp_path / "runs" for r in first.runs)
    assert set(first.gaps()) == {"fine_tuned", "frozen"}
    # The second demo starts at the three models; stopped after the first, it keeps that one.
    stages.clear()
    seen = []
    second = run_demo(tmp_path, TINY, state, demo_data=shapes, on_run=seen.append,
                      stopped=lambda: bool(seen))
    assert second.reused and second.pretrained == first.pretrained
    assert stages == ["frozen"] and second.stopped
    assert [r.variant for r in second.runs] == ["frozen"] and second.gaps() == {}


def test_gaps_are_each_pretrained_model_against_scratch():
    gaps = gaps_of({"frozen": 0.5, "fine_tuned": 0.9, "scratch": 0.8})
    assert gaps == pytest.approx({"frozen": -0.3, "fine_tuned": 0.1})
    assert gaps_of({"frozen": 0.5, "fine_tuned": 0.9, "scratch": None}) == {}


def test_the_measured_figures_cover_both_data_sets_and_sizes():
    for dataset in ("fashion-mnist", "synthetic-shapes"):
        for per_class in (20, 5):
            figures = MEASURED[dataset, per_class]
            assert set(figures) == set(VARIANTS)
            assert all(0.2 < v <= 1 for v in figures.values())  # above chance for 5 classes
