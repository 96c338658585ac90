"""The app's runs go through the engine's one pipeline: a streamed image folder trains and is
evaluated, the panel is told the samples the run really trains on, and the run folder is the
same as `netstudio train` leaves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

import studio.data.folder as folder_mod
from studio.runs import RECORD_FILE
from studio.templates import load_template
from widgets.training.controller import TrainingController

RUN_MS = 120_000


def class_folder(root: Path, per_class: int = 12) -> Path:
    for k, name in enumerate(["cat", "dog", "fox"]):
        for i in range(per_class):
            path = root / name / f"{i:02d}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            Image.new("L", (28, 28), 60 * k + i).save(path)
    return root


def folder_project(root: Path):
    project = load_template("seed-mlp")
    project.graph.set_params("dense_3", {"units": 3})
    project.dataset.update(name="image-folder", path=str(root))
    project.training.update(epochs=2, batch_size=8, validation_split=0.25)
    return project


@pytest.fixture
def controller(qtbot):
    c = TrainingController()
    yield c
    c.shutdown()


def test_a_streamed_image_folder_trains_and_is_evaluated_in_the_app(
    controller, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(folder_mod, "MEMORY_FRACTION", 1e-12)  # too large: stream it
    root = class_folder(tmp_path / "pets")
    started, notes, evaluating = [], [], []
    controller.runStarted.connect(started.append)
    controller.note.connect(notes.append)
    controller.evaluating.connect(evaluating.append)
    failed = []
    controller.runFailed.connect(failed.append)
    with qtbot.waitSignal(controller.runEnded, timeout=RUN_MS):
        assert controller.start(folder_project(root), tmp_path / "run")
    assert not failed, failed
    outcome = controller.outcome
    assert any("read from disk batch by batch" in n for n in notes)
    # 36 images: 29 for training after the test part, a quarter of them for validation.
    info = started[0]
    assert info["samples"] + info["validation"] + info["test"] == 36
    assert info["validation"] == int((36 - info["test"]) * 0.25)
    assert evaluating == [info["test"]]
    assert outcome.result.status == "finished" and outcome.kind == "classifier"
    assert outcome.evaluation is not None and len(outcome.evaluation.truth) == info["test"]
    assert outcome.x_test.shape[1:] == (1, 28, 28)
    record = json.loads((tmp_path / "run" / RECORD_FILE).read_text())
    assert record["status"] == "finished" and record["dataset"]["used"] == "image-folder"


def test_the_panel_hears_the_samples_after_limit_and_validation(controller, qtbot, tmp_path):
    project = load_template("seed-mlp")
    project.dataset["name"] = "synthetic-shapes"
    project.training.update(epochs=1, batch_size=64, validation_split=0.2, train_limit=300)
    started = []
    controller.runStarted.connect(started.append)
    with qtbot.waitSignal(controller.runEnded, timeout=RUN_MS):
        assert controller.start(project, tmp_path / "run")
    assert started[0]["samples"] == 300 and started[0]["validation"] > 0
