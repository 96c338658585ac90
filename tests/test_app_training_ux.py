"""The Training page as a new user meets it (issue 13, items 3 and 6–13): the data set's fit to
the model before Train, what stands in for a missing data set, notes that stack, a layout that
does not move, Pause and Resume, the evaluation after the last batch, another project's results
cleared, one set of controls in step, the export dialog's choice of run, and the small texts.

Runs use a small subset of the built-in synthetic shapes (NETSTUDIO_TRAIN_LIMIT) and the seed
MLP, so that each takes a second or two on a slow two-core machine."""

from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from test_app_training import tiny_project

from studio.data import DatasetInfo
from studio.project import save_project
from studio.runs import METRICS_FILE, WEIGHTS_FILE
from studio.templates import load_template
from widgets.training.controller import IDLE, PAUSED, RUNNING

pytest_plugins = ["app_fixtures"]

RUN_MS = 60_000
MODEL_PAGE, TRAINING_PAGE = 0, 1


@pytest.fixture
def limits(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "256")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "120")


@pytest.fixture
def offline_listing(monkeypatch):
    """A machine without MNIST and with Fashion-MNIST, whatever this one has."""

    def listing():
        def info(name, title, available, shape=(1, 28, 28), classes=10):
            detail = "found here" if available else "not on this machine; downloads about 11 MB"
            return DatasetInfo(name, title, "torchvision", available, detail, shape, classes)

        return [
            DatasetInfo(
                "synthetic-shapes", "Synthetic shapes", "synthetic", True, "", (1, 28, 28), 10
            ),
            DatasetInfo(
                "synthetic-waveforms", "Synthetic waveforms", "synthetic", True, "", (64, 1), 6
            ),
            info("mnist", "MNIST", False),
            info("fashion-mnist", "Fashion-MNIST", True),
            DatasetInfo("csv", "CSV table", "user", True, "your own table", None, None),
        ]

    monkeypatch.setattr("widgets.training.settings_form.list_datasets", listing)


def train(qtbot, window) -> None:
    with qtbot.waitSignal(window.training.runEnded, timeout=RUN_MS):
        assert window.start_training()


def node_state(window, node_id: str) -> str:
    return window.scene.nodes[node_id].state


# 6: the data set's fit, before Train ---------------------------------------------------------


def test_a_class_count_mismatch_is_a_problem_on_the_output_node_before_train(make_window):
    window = make_window(tiny_project())
    problems = window.problems
    assert not problems.data_problems and node_state(window, "output_1") == "ok"

    assert window.set_param("dense_3", "units", 7)
    # At once, in the Problems list and on the Output node: nobody has pressed Train.
    (text,) = [t for t in problems.messages() if "output_1" in t]
    assert "7 outputs" in text and "10 classes" in text
    assert node_state(window, "output_1") == "error"
    assert "7 outputs" in window.scene.nodes["output_1"].error_text()

    # Train is refused, and the user is shown where the problem is.
    window.show_page(TRAINING_PAGE)
    assert not window.start_training()
    assert window.center_tabs.currentIndex() == MODEL_PAGE
    assert window.problems.isVisible()
    assert window.scene.selected_node_ids() == ["output_1"]
    assert "Problems list" in window.statusBar().currentMessage()
    assert "7 outputs" in window.training_panel.message.text()

    assert window.set_param("dense_3", "units", 10)
    assert not problems.data_problems and node_state(window, "output_1") == "ok"


def test_choosing_another_data_set_shows_its_misfit_at_once_and_undo_takes_it_back(
    make_window,
):
    window = make_window(tiny_project())
    window.document.set_dataset({"name": "synthetic-waveforms"})  # 64×1 sequences, 6 classes
    nodes = {p.node_id for p in window.problems.data_problems}
    assert nodes == {"input_1", "output_1"}
    assert node_state(window, "input_1") == "error"
    assert window.problems_heading.text().endswith("(2)")
    window.document.undo()
    assert not window.problems.data_problems
    assert node_state(window, "input_1") == "ok" and node_state(window, "output_1") == "ok"


def test_the_data_set_list_says_what_will_stand_in_for_a_missing_set(make_window, offline_listing):
    project = tiny_project()
    project.dataset["name"] = "mnist"
    window = make_window(project)
    chooser = window.training_panel.form.chooser
    shown = chooser.dataset.currentText()
    assert "MNIST" in shown and "Fashion-MNIST" in shown  # not a bare "MNIST (download)"
    assert "Fashion-MNIST" in chooser.detail.text()
    assert "downloads about 11 MB" in chooser.detail.toolTip()

    # A run that fell back: the list and the hint say what was really used from then on.
    chooser.note_used("mnist", "Fashion-MNIST")
    assert chooser.dataset.currentText().endswith("→ Fashion-MNIST")
    assert "last run" in chooser.detail.text()
    assert chooser.dataset.itemText(chooser.dataset.findData("fashion-mnist")).startswith("✓")


def test_the_data_set_really_used_is_shown_during_and_after_the_run(make_window, qtbot, limits):
    window = make_window(tiny_project(epochs=1))
    panel = window.training_panel
    seen = []
    window.training.runStarted.connect(lambda info: seen.append(panel.status.text()))
    train(qtbot, window)
    assert "Synthetic shapes" in seen[0]
    assert "Data set: Synthetic shapes" in panel.status.text()


def test_a_finished_run_on_a_stand_in_says_which_set_it_stood_in_for(make_window):
    window = make_window(tiny_project())
    result = SimpleNamespace(
        status="finished", epochs_done=1, test_accuracy=0.8, test_loss=0.5, seconds=3.0
    )
    outcome = SimpleNamespace(
        result=result,
        data_title="Fashion-MNIST",
        project=SimpleNamespace(dataset={"name": "mnist"}),
    )
    window.training_panel._on_finished(outcome)
    assert window.training_panel.status.text().endswith(
        "Data set: Fashion-MNIST, standing in for MNIST"
    )


# 6 and 9: notes stack, fields stay put -------------------------------------------------------


def test_notes_stack_newest_last_and_a_new_run_starts_them_afresh(make_window, qtbot, limits):
    window = make_window(tiny_project(epochs=1))
    panel, notes = window.training_panel, window.training_panel.message
    window.training.note.emit("MNIST is not here. Training on Fashion-MNIST instead.")
    window.training.note.emit("Mixed precision is off on the CPU.")
    panel.show_error("Cannot create the run folder: disk full")
    assert notes.texts() == [
        "MNIST is not here. Training on Fashion-MNIST instead.",
        "Mixed precision is off on the CPU.",
        "✗ Cannot create the run folder: disk full",
    ]
    assert notes.kinds() == ["note", "note", "error"] and notes.isVisibleTo(panel)
    for i in range(6):
        panel.show_note(f"note {i}")
    assert len(notes.texts()) == 4 and notes.texts()[-1] == "note 5"  # the oldest go first
    train(qtbot, window)
    assert "note 5" not in notes.text()


def test_notes_errors_and_data_set_hints_move_no_field(make_window, offline_listing):
    window = make_window(tiny_project())
    window.show_page(TRAINING_PAGE)
    panel = window.training_panel
    batch = panel.form.editors["batch_size"]
    device = panel.form.chooser.device

    def places():
        QApplication.processEvents()  # layouts settle, as they would before the next click
        return [w.mapTo(panel, QPoint(0, 0)) for w in (batch, device, panel.train_button)]

    before = places()
    panel.show_note("MNIST is not here. Training on Fashion-MNIST instead (same shape).")
    panel.show_error("The run failed: " + "a long explanation " * 12)
    window.document.set_dataset({"name": "mnist"})  # a three-line hint instead of none
    window.document.set_dataset({"name": "synthetic-shapes"})
    panel.form.chooser.detail.setText("x")
    assert places() == before
    # The hint has its lines, whatever it says, and says all of it in its tooltip.
    window.document.set_dataset({"name": "mnist"})
    detail = panel.form.chooser.detail
    assert detail.heightForWidth(detail.width()) <= detail.height()


# 8 and 10: Pause, Resume, evaluation ---------------------------------------------------------


def test_paused_goes_on_resume_and_toolbar_and_panel_stay_in_step(make_window, qtbot, monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "6000")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "100")
    window = make_window(tiny_project(epochs=2))
    controller, panel = window.training, window.training_panel
    controller.report_every_s = 0.0
    a = window.actions
    toolbar = {x: window.toolbar.widgetForAction(x) for x in (a.train, a.pause, a.stop)}
    in_panel = {
        window.actions.train: panel.train_button,
        window.actions.pause: panel.pause_button,
        window.actions.stop: panel.stop_button,
    }

    def in_step():
        return all(toolbar[a].isEnabled() == in_panel[a].isEnabled() for a in in_panel)

    assert in_step() and not toolbar[window.actions.pause].isEnabled()
    with qtbot.waitSignal(controller.batchReported, timeout=RUN_MS):
        window.start_training()
    assert in_step() and toolbar[window.actions.pause].isEnabled()
    window.actions.pause.trigger()
    assert controller.state_name == PAUSED and in_step()
    assert panel.status.text().startswith("Paused")
    window.actions.pause.trigger()
    assert controller.state_name == RUNNING
    assert not panel.status.text().startswith("Paused")  # at once, before the next report
    assert window.training_status.text() != "Training paused"
    with qtbot.waitSignal(controller.runEnded, timeout=RUN_MS):
        pass
    assert controller.state_name == IDLE and in_step()
    assert not panel.status.text().startswith("Paused")
    assert panel.status.text().startswith("Finished")


def test_after_the_last_batch_the_bar_says_the_test_set_is_evaluated(make_window):
    window = make_window(tiny_project())
    panel = window.training_panel
    window.training.evaluating.emit(10_000)
    assert panel.status.text() == "Evaluating on 10,000 test samples…"
    assert panel.progress.maximum() == 0  # the bar runs on instead of sitting full
    assert window.training_status.text() == "Evaluating on 10,000 test samples…"


def test_a_run_with_evaluation_reports_it_before_it_finishes(make_window, qtbot, limits):
    window = make_window(tiny_project(epochs=1))
    counts = []
    window.training.evaluating.connect(counts.append)
    train(qtbot, window)
    assert counts == [120]
    assert window.training_panel.progress.maximum() > 0  # no busy bar after the end


# 7: another project ---------------------------------------------------------------------------


def test_opening_another_project_clears_the_last_ones_results(make_window, qtbot, limits, tmp_path):
    window = make_window(tiny_project(epochs=1))
    train(qtbot, window)
    results = window.results
    assert len(results.predictions.grid.indices) and results.confusion.matrix.sum()
    assert len(results.plots.series["loss", "train"])

    other = tiny_project(epochs=1)
    other.name = "Another model"
    path = tmp_path / "another.json"
    save_project(other, path)
    assert window.open_path(path, ask=False)

    assert window.training.outcome is None and not window.actions.export.isEnabled()
    assert len(results.predictions.grid.indices) == 0
    assert results.confusion.matrix.size == 0 and not results.confusion.bar_texts
    assert "right on" not in results.predictions.summary.text()
    assert "Test accuracy" not in results.confusion.summary.text()
    assert all(len(s) == 0 for s in results.plots.series.values())
    assert "Test accuracy" not in window.training_panel.status.text()
    assert not window.training_panel.message.texts()
    # Its own runs, here none.
    assert results.runs.root == tmp_path / "another.runs" and results.runs.list.count() == 0


# 11: one set of controls -----------------------------------------------------------------------


def test_training_is_one_tab_and_the_menu_is_run(make_window):
    window = make_window(tiny_project())
    assert window.side_tabs.tabBar().isHidden()  # the centre tab chooses the page alone
    window.center_tabs.setCurrentIndex(TRAINING_PAGE)
    assert window.side_tabs.currentWidget() is window.training_panel
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Run" in menus and "&Training" not in menus
    run_items = [a.text() for a in window.run_menu.actions() if a.text()]
    assert run_items[:3] == ["&Train", "&Pause", "S&top"]
    assert not any("Show" in t for t in run_items)
    # "Training" names one thing the user sees: the page (not its side, menu or a section).
    shown_tabs = [w for w in (window.center_tabs, window.side_tabs) if w.tabBar().isVisible()]
    tabs = [w.tabText(i) for w in shown_tabs for i in range(w.count())]
    sections = [s.header.text() for s in window.training_panel.form.sections.values()]
    texts = [*tabs, *menus, *sections]
    assert [t for t in texts if t.replace("&", "") == "Training"] == ["Training"]


# 12: the export dialog ------------------------------------------------------------------------


def fake_run(root, name: str, status: str, accuracy: float | None, weights: bool = True):
    path = root / name
    path.mkdir(parents=True)
    metrics = {
        "status": status,
        "epochs": 3,
        "test_accuracy": accuracy,
        "test_loss": 0.5,
        "dataset": "synthetic-shapes",  # runs record the data set's id
        "history": [{"epoch": 1, "loss": 1.0, "accuracy": accuracy or 0.0}],
    }
    (path / METRICS_FILE).write_text(json.dumps(metrics), encoding="utf-8")
    if weights:
        (path / WEIGHTS_FILE).write_bytes(b"")
    return path


def test_the_export_dialog_lists_runs_and_preselects_the_best_finished_one(make_window, tmp_path):
    path = tmp_path / "mlp.json"
    save_project(tiny_project(), path)
    root = tmp_path / "mlp.runs"
    fake_run(root, "20261129-080000", "finished", 0.80)
    best = fake_run(root, "20261129-081000", "finished", 0.85)
    fake_run(root, "20261129-082000", "stopped", 0.90)  # newest and higher, but stopped
    fake_run(root, "20261129-083000", "finished", 0.99, weights=False)  # nothing to export
    window = make_window(load_template("seed-mlp"), path)
    window.results.runs.refresh()
    assert window.actions.export.isEnabled()  # runs on disk are enough, no run this session

    dialog = window.open_export_dialog()
    assert dialog.current_run().path == best
    items = [dialog.run_list.itemText(i) for i in range(dialog.run_list.count())]
    assert len(items) == 3
    # Newest first, each with its status and test accuracy.
    assert "stopped" in items[0] and "90.0%" in items[0]
    assert "finished" in items[1] and "85.0%" in items[1] and "3 epochs" in items[1]
    assert items[1].endswith("Synthetic shapes")  # its title, not its id
    assert "2026-11-29 08:10" in items[1] or "29/11/2026" in items[1] or "2026/11/29" in items[1]
    assert dialog.source == best and dialog.path.text().endswith(".safetensors")
    dialog.done(0)

    # From the Runs tab's "Export This Run…": that run, whatever is best.
    stopped = root / "20261129-082000"
    dialog = window.open_export_dialog(stopped)
    assert dialog.current_run().path == stopped
    dialog.done(0)


# 3: runs of an unsaved project ------------------------------------------------------------------


def test_unsaved_projects_never_share_runs_and_their_runs_follow_the_first_save(
    make_window, qtbot, limits, tmp_path, message_boxes
):
    first = make_window(tiny_project(epochs=1))
    second = make_window(tiny_project(epochs=1))  # same name, "Seed MLP (MNIST)", unsaved
    assert first.runs_folder() != second.runs_folder()
    train(qtbot, first)
    second.results.runs.refresh()
    assert first.results.runs.list.count() == 1 and second.results.runs.list.count() == 0

    run = first.training.outcome.run_dir
    path = tmp_path / "my-mlp.json"
    assert first.save_to(path)
    moved = tmp_path / "my-mlp.runs" / run.name
    assert moved.is_dir() and not run.exists()
    assert first.results.runs.root == tmp_path / "my-mlp.runs"
    assert first.results.runs.list.count() == 1

    # A new unsaved project gets a folder of its own again.
    before = first.runs_folder()
    first.show_project(tiny_project(), None)
    assert first.runs_folder() != before and first.results.runs.list.count() == 0

    # Restored unsaved work finds its runs again by the key its autosave kept.
    key = second.unsaved_runs_key
    fake_run(second.runs_folder(), "20261129-090000", "finished", 0.5)
    first.show_project(tiny_project(), None)
    first.use_unsaved_runs(key)
    assert first.runs_folder() == second.runs_folder()
    assert first.results.runs.list.count() == 1 and first.actions.export.isEnabled()
    first.use_unsaved_runs("../elsewhere")  # never a folder outside the runs folder
    assert first.runs_folder() == second.runs_folder()


# 13: small texts ------------------------------------------------------------------------------


def test_the_legend_names_validation_only_with_a_validation_split(make_window):
    project = tiny_project()
    project.training["validation_split"] = 0.0
    window = make_window(project)
    legend = window.results.plots.legend
    assert "training, per epoch" in legend.text() and "validation" not in legend.text()
    window.document.set_training({"validation_split": 0.2})
    assert "validation, per epoch" in legend.text()


def test_long_class_names_fit_their_cell_or_are_in_the_tooltip(qtbot):
    from widgets.training.drawing import ProbabilityBars
    from widgets.training.predictions import PredictionGrid

    grid = PredictionGrid()
    qtbot.addWidget(grid)
    classes = ["T-shirt/top", "Ankle boot", "Sandal"]
    grid.set_samples(SimpleNamespace(classes=classes, data_title=""), np.zeros(0, np.int64))
    bold = QFont(grid.font())
    bold.setBold(True)
    assert grid.cell.width() - 8 >= QFontMetrics(bold).horizontalAdvance("Ankle boot  100%")

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    bars.resize(400, 200)
    bars.set_values(classes, np.array([0.1, 0.8, 0.1]))
    assert bars.name_width() >= QFontMetrics(bold).horizontalAdvance("T-shirt/top")


def test_the_drawing_names_the_data_set_the_model_learnt_from(qtbot):
    from widgets.training.drawing import DrawingView

    view = DrawingView()
    qtbot.addWidget(view)
    assert "MNIST" not in view.center.text()
    outcome = SimpleNamespace(evaluation=None, data_title="Fashion-MNIST", is_image=True)
    view.set_outcome(outcome)
    assert "Fashion-MNIST" in view.center.text()


def test_dates_follow_the_locale_and_never_read_as_c_locale_numbers():
    from widgets.i18n import format_datetime

    moment = datetime(2026, 11, 29, 8, 45)
    for language in ("en", "zh_CN"):
        text = format_datetime(moment, language)
        assert text != "29 11 2026 08:45"
        assert "2026" in text and ("8:45" in text or "08:45" in text)
