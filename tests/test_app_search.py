"""Hyperparameter search in the app: "Search This…" on a right-click, the Search dialog
checked by the engine, a search on its own thread filling the Search page, Stop, Apply Best
with one undo, and Open Run. Tiny synthetic data, one epoch per trial, two or three trials."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QThread, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from test_app_training import tiny_project

from studio.project import save_project
from studio.search import COMPLETE, STOPPED, Search, SearchOptions
from studio.search_space import SearchSpaceError, default_spec
from widgets.search.space_table import CHECK, KIND, VALUES
from widgets.search.worker import SearchWorker

pytest_plugins = ["app_fixtures"]

RUN_MS = 120_000


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


@pytest.fixture
def limits(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "192")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "64")


def saved(tmp_path, epochs: int = 1):
    project = tiny_project(epochs)
    project.graph.set_params("dense_1", {"units": 16})
    project.graph.set_params("dense_2", {"units": 16})
    path = tmp_path / "mlp.json"
    save_project(project, path)
    return project, path


def right_click(widget, qtbot) -> list[str]:
    """Right-click `widget`, choose "Search This…" in the menu that opens; the menu's texts."""
    seen: list[str] = []

    def choose():
        menu = QApplication.activePopupWidget()
        assert menu is not None, "no context menu opened"
        seen.extend(a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.objectName() == "searchThis")
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                              widget.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(widget, event)
    return seen


# The engine's part --------------------------------------------------------------------------


def test_a_first_spec_lies_around_the_current_value():
    project = tiny_project()
    project.training["learning_rate"] = 0.001
    project.graph.set_params("dense_1", {"units": 128})
    assert default_spec("learning_rate", project) == "learning_rate=0.0001..0.01:log"
    assert default_spec("dense_1.units", project) == "dense_1.units=64,128,256"
    assert default_spec("optimizer", project) == "optimizer=adam,adamw,sgd,rmsprop"
    assert default_spec("weight_decay", project).endswith(":log")  # 0 now: a light penalty on
    assert default_spec("batch_size", project) == "batch_size=16,32,64"
    with pytest.raises(SearchSpaceError, match="epochs is the search's own budget"):
        default_spec("epochs", project)
    with pytest.raises(SearchSpaceError, match="Input cannot be searched"):
        default_spec("input_1.shape", project)


def test_the_engine_says_when_a_trial_starts_and_stops_from_another_thread(tmp_path, limits):
    """The window stops a search from the GUI thread: the trial under way stops (and is
    queued again), no other begins. Each trial says its values as it begins."""
    project, path = saved(tmp_path, epochs=2)
    started = []
    search = Search(project, path, SearchOptions(["dense_1.units=8,16,32"], trials=3,
                                                 sampler="grid", epochs=2, train_limit=192,
                                                 test_limit=64),
                    on_epoch=lambda number, report: number == 1 and _stop_elsewhere(search),
                    on_trial_start=lambda number, values: started.append((number, values)))
    trials = search.run()
    assert [t.state for t in trials] == [COMPLETE, STOPPED, "waiting"]  # queued again
    assert [n for n, _ in started] == [0, 1]
    assert [v["dense_1.units"] for _, v in started] == [t.params["dense_1.units"]
                                                        for t in trials[:2]]


def _stop_elsewhere(search) -> None:
    thread = threading.Thread(target=search.stop)
    thread.start()
    thread.join()


# Choosing what to search --------------------------------------------------------------------


def test_right_click_search_this_adds_a_dimension_and_opens_the_dialog(make_window, qtbot):
    window = make_window(tiny_project())
    window.inspector.show_node(window.document.graph, "dense_1")
    editor = window.inspector.editors["units"]
    texts = right_click(editor, qtbot)
    assert "Search This…" in texts
    assert window.search.controller.pending == ["dense_1.units=64,128,256"]
    dialog = window.search.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.specs() == ["dense_1.units=64,128,256"]
    # A training setting too, while the dialog is open: it gets the row.
    window.show_page(1)
    label = window.training_panel.form.labels["learning_rate"]
    right_click(label, qtbot)
    lr = window.document.project.training["learning_rate"]
    assert window.search.controller.pending[1] == default_spec("learning_rate",
                                                               window.document.project)
    assert f"{lr / 10:g}" in dialog.table.specs()[1]
    assert dialog.table.cellWidget(1, KIND).currentData() == "log"
    # Right-clicking a setting a search cannot vary says why in the status bar.
    right_click(window.training_panel.form.labels["epochs"], qtbot)
    assert "epochs is the search's own budget" in window.statusBar().currentMessage()
    assert len(window.search.controller.pending) == 2


def test_the_dialog_refuses_an_invalid_range_with_the_engines_message(make_window, qtbot):
    project = tiny_project()
    project.training["validation_split"] = 0.0
    window = make_window(project)
    dialog = window.search.open_dialog()
    dialog.table.add_spec("learning_rate=0.001..20:log")
    check = dialog.table.item(0, CHECK).text()
    assert check.startswith("✗") and "must be between 1e-08 and 10, not 20" in check
    assert not dialog.start_button.isEnabled()
    dialog.table.item(0, VALUES).setText("0.001..0.1")
    assert dialog.table.item(0, CHECK).text() == "✓ log scale"
    assert dialog.start_button.isEnabled()
    # The engine's note: the project holds out no validation data, the search does.
    assert "holds out 10% of the training data" in dialog.note.text()
    # A grid takes lists: the engine's message names the range.
    dialog.sampler.setCurrentIndex(dialog.sampler.findData("grid"))
    assert "A grid search takes lists of values; learning_rate is a range" in dialog.problem.text()
    assert not dialog.start_button.isEnabled()
    # As a list, the grid's size is the number of trials.
    combo = dialog.table.cellWidget(0, KIND)
    combo.setCurrentIndex(combo.findData("list"))
    combo.activated.emit(combo.currentIndex())
    assert dialog.table.specs() == ["learning_rate=0.001,0.01,0.1"]
    assert dialog.trials.value() == 3 and not dialog.trials.isEnabled()
    assert dialog.start_button.isEnabled()
    dialog.reject()


# Running a search ---------------------------------------------------------------------------


def start(window, qtbot, specs, trials, **choices):
    dialog = window.search.open_dialog()
    dialog.table.set_specs(specs)
    dialog.trials.setValue(trials)
    for name, key in choices.items():
        combo = getattr(dialog, name)
        combo.setCurrentIndex(combo.findData(key))
    assert dialog.start_button.isEnabled(), dialog.problem.text()
    dialog.start_button.click()
    return window.search.controller


def test_a_search_runs_on_its_thread_fills_the_page_and_applies_the_best(
    make_window, qtbot, tmp_path, limits, monkeypatch
):
    threads = []
    original = SearchWorker.on_epoch

    def on_epoch(self, number, report):
        threads.append(QThread.currentThread())
        original(self, number, report)

    monkeypatch.setattr(SearchWorker, "on_epoch", on_epoch)
    project, path = saved(tmp_path)
    window = make_window(project, path)
    before_lr = window.document.project.training["learning_rate"]
    with qtbot.waitSignal(window.search.controller.ended, timeout=RUN_MS) as ended:
        c = start(window, qtbot, ["dense_1.units=8,32", "learning_rate=0.0005..0.05:log"],
                  trials=2, sampler="random")
        assert c.busy and window.center_tabs.currentWidget() is window.search.view
        # One training at a time: Train and Compare wait for the search.
        assert not window.actions.train.isEnabled() and not window.actions.compare.isEnabled()
        assert not window.training_panel.train_button.isEnabled()
    assert ended.args == [False]
    assert window.actions.train.isEnabled() and window.actions.compare.isEnabled()
    assert threads and all(t is not QApplication.instance().thread() for t in threads)
    view = window.search.view
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    view.redraw()
    headers = [view.table.horizontalHeaderItem(i).text() for i in range(view.table.columnCount())]
    assert headers == ["Trial", "dense_1.units", "learning_rate", "Score", "Epochs", "State",
                       "Time"]
    assert [view.table.item(r, 5).text() for r in range(2)] == ["complete", "complete"]
    assert all(view.table.item(r, 3).text().endswith("%") for r in range(2))
    best = c.best_row()
    assert best is not None and best.state == COMPLETE
    assert best.score == max(r.score for r in c.trials.values())
    best_row = [view.table.item(r, 0).text() for r in range(2)].index(str(best.number))
    assert view.table.item(best_row, 0).font().bold()
    assert f"best: trial {best.number}" in view.status.text()
    # Each trial's validation curve, a line per trial across the axes, a point per trial.
    assert len(view.curves.curves) == 2
    assert all(len(curve.xData) == 1 for curve in view.curves.curves.values())
    assert len(view.parallel.lines) == 2
    assert all(len(line.yData) == 3 for line in view.parallel.lines)  # two values + the score
    assert len(view.scatter.points.data) == 2
    view.scatter.choice.setCurrentIndex(1)
    assert view.scatter.plot.getPlotItem().getAxis("bottom").labelText == "learning_rate"
    # Every trial is a run folder beside the project.
    assert (tmp_path / "mlp.search").is_dir() and c.folder.parent == tmp_path / "mlp.search"

    # Apply Best: the best trial's values, one undo step back.
    assert view.apply_button.isEnabled()
    view.apply_button.click()
    doc = window.document
    assert doc.graph.nodes["dense_1"].params["units"] == best.params["dense_1.units"]
    assert doc.project.training["learning_rate"] == best.params["learning_rate"]
    assert doc.undo_stack.undoText() == f"Apply Best Trial {best.number}"
    doc.undo()
    assert doc.graph.nodes["dense_1"].params["units"] == 16
    assert doc.project.training["learning_rate"] == before_lr

    # Open Run: the trial's run on the Training page, listed, ticked and overlaid.
    other = next(n for n in c.trials if n != best.number)
    view.select_trial(other)
    assert view.open_button.isEnabled()
    view.open_button.click()
    assert window.center_tabs.currentWidget() is window.results
    runs = window.results.runs
    run_dir = str(c.folder / c.trials[other].run)
    assert runs.list.currentItem().data(0x0100) == run_dir
    assert runs.list.currentItem().text().startswith(f"Search trial {other} · finished")
    assert [str(r.path) for r in runs.ticked()] == [run_dir]
    assert window.results.plots.overlays  # its curves lie over the plots
    runs.refresh()  # as when a run ends: the trial's run stays listed and ticked
    assert runs.list.item(0).text().startswith(f"Search trial {other} · finished")
    assert [str(r.path) for r in runs.ticked()] == [run_dir]
    # Export This Run… on it offers that trial's run, not the project's best.
    runs.list.setCurrentRow(0)
    runs.export_button.click()
    assert window.export_dialog.run_list.currentData() == run_dir
    window.export_dialog.done(0)
    # Closing while a search trains asks first, as while a model trains.
    window.search.controller.state_name = "searching"
    assert window.unfinished_work()[0] == "Search in progress"
    window.search.controller.state_name = "idle"


def test_stop_keeps_the_finished_trials(make_window, qtbot, tmp_path, limits, monkeypatch):
    # The second trial waits after its first epoch until Stop was pressed, so that Stop comes
    # while it trains however slow the machine.
    pressed = threading.Event()
    original = SearchWorker.on_epoch

    def on_epoch(self, number, report):
        original(self, number, report)
        if number == 1:
            pressed.wait(30)

    monkeypatch.setattr(SearchWorker, "on_epoch", on_epoch)
    project, path = saved(tmp_path, epochs=2)
    window = make_window(project, path)
    c = window.search.controller

    def stop_in_second(number):
        if number == 1 and c.trials[1].epochs >= 1 and not pressed.is_set():
            window.search.view.stop_button.click()
            pressed.set()

    c.trialChanged.connect(stop_in_second)
    with qtbot.waitSignal(c.ended, timeout=RUN_MS) as ended:
        start(window, qtbot, ["dense_1.units=8,16,32"], trials=3, sampler="grid")
    assert ended.args == [True]
    # The first trial finished; the one under way when Stop came stopped; no other began.
    states = [c.trials[n].state for n in sorted(c.trials)]
    assert states == [COMPLETE, STOPPED]
    view = window.search.view
    view.redraw()
    assert [view.table.item(r, 4).text() for r in range(2)] == ["complete", "stopped"]
    assert view.apply_button.isEnabled() and view.new_button.isEnabled()
    assert not view.stop_button.isEnabled()
    assert "Search stopped" in window.statusBar().currentMessage()


def test_the_parallel_axes_order_numbers_and_follow_a_log_scale():
    from studio.search_space import Dimension
    from widgets.search.plots import position

    kernel = Dimension("conv2d_1.kernel_size", "conv2d_1", "kernel_size", values=(3, 40, 5))
    assert [position(kernel, v) for v in (3, 5, 40)] == [0.0, 0.5, 1.0]  # not as typed
    optimizer = Dimension("optimizer", None, "optimizer", values=("sgd", "adam"))
    assert [position(optimizer, v) for v in ("sgd", "adam")] == [0.0, 1.0]
    lr = Dimension("learning_rate", None, "learning_rate", low=1e-4, high=1e-2, log=True)
    assert position(lr, 1e-3) == pytest.approx(0.5)
