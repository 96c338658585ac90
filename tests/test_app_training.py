"""Training in the app: a run on its QThread fills the plots and the result views; pause, stop,
editing during a run, errors, settings, and `--train --screenshot`.

Runs use a small subset of the built-in synthetic shapes (NETSTUDIO_TRAIN_LIMIT) and the seed
MLP, so that each takes a second or two on a slow two-core machine."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtGui import QImage

from studio.project import Project, save_project
from studio.runs import METRICS_FILE, WEIGHTS_FILE, load_trained
from studio.templates import load_template
from widgets.training.controller import IDLE, PAUSED, RUNNING

pytest_plugins = ["app_fixtures"]

RUN_MS = 60_000


def tiny_project(epochs: int = 2) -> Project:
    project = load_template("seed-mlp")
    project.dataset["name"] = "synthetic-shapes"
    project.training.update(epochs=epochs, batch_size=32, validation_split=0.25)
    return project


@pytest.fixture
def limits(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "256")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "120")


def train(qtbot, window) -> None:
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        assert window.start_training()


def test_a_short_run_fills_the_plots_predictions_confusion_and_runs(
    make_window, qtbot, limits, config_dir
):
    window = make_window(tiny_project())
    assert not window.actions.export.isEnabled()
    window.actions.train.trigger()
    assert window.training.busy and not window.actions.train.isEnabled()
    assert window.center_tabs.currentWidget() is window.results
    assert "copy" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        pass
    outcome = window.training.outcome
    assert outcome is not None and outcome.result.status == "finished"
    assert window.training.state_name == IDLE and window.actions.train.isEnabled()

    plots = window.results.plots
    assert plots.points > 0 and len(plots.series["loss", "batch"]) > 0
    assert len(plots.series["loss", "train"]) == 2 and len(plots.series["accuracy", "val"]) == 2
    x, y = plots.curves["loss", "train"].getData()
    assert x.dtype == np.float64 and list(x) == [1.0, 2.0] and np.isfinite(y).all()

    grid = window.results.predictions.grid
    assert len(grid.indices) == 60
    assert window.results.confusion.matrix.sum() == 120
    assert "Test accuracy" in window.training_panel.status.text()
    assert window.actions.export.isEnabled()

    # The run is kept beside the project (here: unsaved, so in the config folder), listed,
    # and its curves can be laid over the plots.
    assert outcome.run_dir.parent.parent == config_dir / "runs"
    assert (outcome.run_dir / METRICS_FILE).is_file()
    runs = window.results.runs
    assert runs.list.count() == 1
    runs.set_ticked({str(outcome.run_dir)})
    assert len(plots.overlays) == 4  # loss and accuracy, training and validation
    assert "run " in plots.legend.text()


def test_pause_resume_and_stop_mid_epoch_keep_a_usable_model(make_window, qtbot, monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "6000")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "100")
    window = make_window(tiny_project(epochs=3))
    controller = window.training
    controller.report_every_s = 0.0  # a report per batch: the test waits for one
    with qtbot.waitSignal(controller.batchReported, timeout=RUN_MS):
        window.start_training()
    window.actions.pause.trigger()
    assert controller.state_name == PAUSED and window.actions.pause.text() == "&Resume"
    # The batch in flight ends and reports; then the trainer waits.
    qtbot.waitUntil(lambda: controller._state.status == "paused", timeout=RUN_MS)
    qtbot.wait(50)
    seen = window.results.plots.points
    qtbot.wait(300)
    assert window.results.plots.points == seen  # nothing trains while paused
    window.actions.pause.trigger()
    assert controller.state_name == RUNNING
    with qtbot.waitSignal(controller.batchReported, timeout=RUN_MS):
        pass
    with qtbot.waitSignal(controller.runEnded, timeout=RUN_MS):
        window.actions.stop.trigger()
    outcome = controller.outcome
    assert outcome.result.status == "stopped" and outcome.result.epochs_done < 3
    # The stopped model predicts, fills the views, and is saved where export finds it.
    with torch.no_grad():
        out = outcome.model(torch.zeros(2, 1, 28, 28))
    assert out.shape == (2, 10) and torch.allclose(out.sum(1), torch.ones(2))
    assert len(window.results.predictions.grid.indices) > 0
    assert window.actions.export.isEnabled()
    _, weights = load_trained(outcome.run_dir)
    for name, tensor in outcome.model.state_dict().items():
        assert torch.equal(weights[name], tensor)


def test_editing_the_graph_during_a_run_applies_to_the_next_run(make_window, qtbot, limits):
    window = make_window(tiny_project(epochs=1))
    graph = window.document.graph
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        window.start_training()
        assert window.set_param("dense_1", "units", 7)
        window.document.remove(["dense_2"], [])
        assert "next run" in window.statusBar().currentMessage()
    trained = window.training.outcome
    assert trained.project.graph.nodes["dense_1"].params["units"] != 7
    assert "dense_2" in trained.project.graph.nodes
    assert trained.model.state_dict()["dense_1.weight"].shape[0] != 7
    assert graph.nodes["dense_1"].params["units"] == 7 and "dense_2" not in graph.nodes
    # A layer the trained model lacks has no activations to show, and says why.
    added = window.document.add_node("Dropout", (0.0, 400.0))
    window.scene.select_nodes([added])
    assert "not in the trained model" in window.results.activations.info.text()
    window.scene.select_nodes(["dense_1"])
    assert window.results.activations.layer.currentData() == "dense_1"


def test_predictions_confusion_drawing_and_activations(make_window, qtbot, limits):
    window = make_window(tiny_project(epochs=1))
    train(qtbot, window)
    outcome, results = window.training.outcome, window.results
    evaluation = outcome.evaluation

    predictions = results.predictions
    predictions.show_combo.setCurrentIndex(predictions.show_combo.findData("wrong"))
    shown = predictions.grid.indices
    assert len(shown) and (evaluation.predicted[shown] != evaluation.truth[shown]).all()
    results.tabs.setCurrentWidget(predictions)
    assert not window.grab().toImage().isNull()

    confusion = results.confusion
    assert confusion.image.image.shape == (10, 10)
    assert confusion.image.getLevels() == pytest.approx((0.0, 1.0))
    assert len(confusion.bar_texts) == 10 and confusion.cell_texts

    drawing = results.drawing
    results.tabs.setCurrentWidget(drawing)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    pad = drawing.pad
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(60, 60))
    for x in range(60, 200, 20):
        QTest.mouseMove(pad, QPoint(x, 60 + (x - 60) // 2))
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 130)
    )
    qtbot.waitUntil(
        lambda: drawing.probabilities is not None and "looks like" in drawing.answer.text(),
        timeout=5000,
    )
    assert drawing.probabilities.sum() == pytest.approx(1.0, abs=1e-4)
    assert drawing.pad.array().max() == 255

    activations = results.activations
    window.scene.select_nodes(["dense_1"])
    assert activations.layer.currentData() == "dense_1"
    predictions.grid.sampleActivated.emit(5)
    assert activations.sample.value() == 5 and results.tabs.currentWidget() is activations
    assert len(activations.grid.images) == 1  # 512 values folded into one square map


def test_export_dialog_writes_every_format_that_loads(make_window, qtbot, limits, tmp_path):
    onnx = pytest.importorskip("onnx")
    window = make_window(tiny_project(epochs=1))
    train(qtbot, window)
    dialog = window.open_export_dialog()
    x = torch.rand(3, 1, 28, 28)
    with torch.no_grad():
        expected = window.training.outcome.model(x)
    for fmt in dialog.buttons:
        dialog.set_format(fmt)
        dialog.path.setText(str(tmp_path / f"model_{fmt}"))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog.status.text()[:1] in "✓✗", timeout=RUN_MS)
        assert dialog.status.text().startswith("✓"), dialog.status.text()
        written = dialog.written
        assert written and all(p.exists() for p in written)
        dialog.status.clear()
        if fmt == "safetensors":
            _, weights = load_trained(written[0])
            assert set(weights) == set(window.training.outcome.model.state_dict())
        elif fmt == "pt":
            state = torch.load(written[0], weights_only=True)
            assert torch.equal(
                state["dense_1.weight"],
                window.training.outcome.model.state_dict()["dense_1.weight"],
            )
        elif fmt == "pt2":
            program = torch.export.load(str(written[0]))
            assert torch.allclose(program.module()(x), expected, atol=1e-5)
        elif fmt == "onnx":
            onnx.checker.check_model(onnx.load(str(written[0])))
        elif fmt == "py":
            assert any(p.name == "model.py" for p in written)
    dialog.reject()


def test_a_training_error_is_a_plain_message_in_the_panel(make_window, qtbot, limits, tmp_path):
    project = tiny_project(epochs=1)
    missing = tmp_path / "no-such-table.csv"
    project.dataset.update(name="csv", path=str(missing))  # found out only when loading
    window = make_window(project)
    with qtbot.waitSignal(window.training.runFailed, timeout=RUN_MS) as failed:
        window.start_training()
    message = window.training_panel.message
    assert message.isVisible() and message.text().startswith("✗ ")
    assert "no-such-table.csv" in failed.args[0] and "Traceback" not in message.text()
    assert window.training.outcome is None and not window.actions.export.isEnabled()
    assert window.results.runs.list.count() == 0  # the empty run folder was removed


def test_a_model_with_problems_is_not_trained(make_window):
    window = make_window(tiny_project())
    window.document.remove(["flatten_1"], [])
    assert not window.start_training()
    assert "Problems" in window.training_panel.message.text()


def test_settings_edits_are_undoable_and_mark_the_project_modified(make_window):
    window = make_window(tiny_project())
    form = window.training_panel.form
    epochs = form.editors["epochs"]
    epochs.setValue(9)
    assert window.document.project.training["epochs"] == 9
    assert window.document.is_modified()
    form.editors["optimizer"].activated.emit(form.editors["optimizer"].findData("sgd"))
    assert window.document.project.training["optimizer"] == "sgd"
    assert form.editors["momentum"].isEnabled()  # momentum matters for SGD
    window.document.undo()
    window.document.undo()
    assert window.document.project.training["epochs"] == 2 and epochs.value() == 2
    assert not window.document.is_modified()
    assert not form.editors["momentum"].isEnabled()  # Adam: momentum does not apply

    chooser = form.chooser
    names = [chooser.dataset.itemData(i) for i in range(chooser.dataset.count())]
    assert "synthetic-shapes" in names and "mnist" in names
    assert any(chooser.dataset.itemText(i).startswith("✓") for i in range(len(names)))
    chooser.dataset.activated.emit(chooser.dataset.findData("fashion-mnist"))
    assert window.document.project.dataset["name"] == "fashion-mnist"
    devices = [chooser.device.itemData(i) for i in range(chooser.device.count())]
    assert devices[:2] == ["auto", "cpu"]
    chooser.device.activated.emit(1)
    assert window.document.project.training["device"] == "cpu"


def test_closing_the_window_during_a_run_stops_it(make_window, qtbot, monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "6000")
    window = make_window(tiny_project(epochs=5))
    controller = window.training
    with qtbot.waitSignal(controller.batchReported, timeout=RUN_MS):
        window.start_training()
    window._closing = True
    window.close()  # stops the run and waits for its thread: no abort at exit
    assert controller._thread is None and controller._state.stop_requested


def test_train_and_screenshot_from_the_command_line(qtbot, limits, config_dir, tmp_path):
    from studio.cli import main

    path = tmp_path / "shapes.json"
    save_project(tiny_project(epochs=1), path)
    png = tmp_path / "shot.png"
    assert main([str(path), "--train", "--screenshot", str(png)]) == 0
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1000
    runs = list((tmp_path / "shapes.runs").iterdir())
    assert len(runs) == 1 and (runs[0] / WEIGHTS_FILE).is_file()


def test_installed_pyside_keeps_its_references_to_none_and_true(qapp):
    """PySide6 6.12.0 on Python 3.11 took a reference from None on every call that returns
    nothing and from True on every emit, until the interpreter aborted mid-training;
    pyproject.toml keeps that version out. This fails if an install brings it back."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(object)

    emitter = Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20_000):
        emitter.setObjectName("x")
        emitter.fired.emit(1)
    assert sys.getrefcount(None) > none_before - 1000
    assert sys.getrefcount(True) > true_before - 1000


def test_download_progress_and_fallback_note_reach_the_panel(
    make_window, qtbot, monkeypatch, limits
):
    from studio.data import load_dataset
    from studio.runs import pipeline

    def fake_load(settings, *, name=None, progress=None, seed=0, **options):
        for done in (0, 40, 80):  # as the downloader reports, from the worker thread
            progress("Downloading MNIST…", done, 80)
        return load_dataset("synthetic-shapes", seed=seed), "MNIST is not here: shapes instead."

    monkeypatch.setattr(pipeline, "load_for_project", fake_load)
    window = make_window(tiny_project(epochs=1))
    window.document.set_dataset({"name": "mnist"})
    seen = []
    window.training.dataProgress.connect(lambda m, done, total: seen.append((m, done, total)))
    train(qtbot, window)
    # Passed on at most ten times a second, and always the last.
    assert seen[0] == ("Downloading MNIST…", 0, 80) and seen[-1] == ("Downloading MNIST…", 80, 80)
    assert "shapes instead" in window.training_panel.message.text()
    assert window.training.outcome.result.status == "finished"


def test_stop_during_a_download_cancels_it(make_window, qtbot, monkeypatch, limits):
    import time

    from studio.runs import pipeline

    def slow_load(settings, *, name=None, progress=None, seed=0, **options):
        for done in range(500):  # the downloader's loop; progress raises when Stop is pressed
            progress("Downloading MNIST…", done, 500)
            time.sleep(0.01)
        raise AssertionError("the download was not stopped")

    monkeypatch.setattr(pipeline, "load_for_project", slow_load)
    window = make_window(tiny_project(epochs=1))
    controller = window.training
    with qtbot.waitSignal(controller.dataProgress, timeout=RUN_MS):
        window.start_training()
    with qtbot.waitSignal(controller.runCancelled, timeout=RUN_MS):
        window.actions.stop.trigger()
    assert controller.outcome is None and not controller.busy
    assert window.training_panel.status.text() == "Stopped before training began."
    assert not window.training_panel.message.isVisible()
    assert window.results.runs.list.count() == 0 and not any(window.runs_folder().iterdir())


def test_the_gui_thread_computes_on_one_thread_while_a_window_is_open(make_window):
    configured = torch.get_num_threads()
    window = make_window(tiny_project())
    assert torch.get_num_threads() == 1  # no OpenMP pool on the GUI thread
    assert window.training.torch_threads == configured  # what each training thread sets
    window._closing = True
    window.close()
    assert torch.get_num_threads() == configured
