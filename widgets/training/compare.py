"""Compare optimizers: train the current model once per chosen optimizer, one run after another,
on the same data with the same seed, and lay the finished runs over the plots as they come.

It only drives what exists: the TrainingController trains each run (saved like any run, in a
folder tagged by its optimizer), the runs list ticks the finished ones so the plots overlay them,
and a table of their final numbers is shown at the end. Stop (the window's, or `stop()`) ends
the whole comparison; the runs already finished are kept.

Needs from the window: training (the controller), results, training_panel, document,
runs_folder(), show_page(), statusBar().
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction

from studio.params import ParamError
from studio.project import Project
from studio.runs.location import new_run_dir
from studio.settings import OPTIMIZER_VARIANTS, optimizer_variant
from widgets.training.compare_dialog import CompareDialog, ComparisonTable
from widgets.training.controller import IDLE, STOPPING, snapshot
from widgets.training.optimizer_names import optimizer_title
from widgets.training.runs import RunInfo, read_run
from widgets.training.worker import RunOutcome

DEFAULT_CHOICES = ("sgd", "sgd-momentum", "adam")


@dataclass
class ComparedRun:
    key: str  # an OPTIMIZER_VARIANTS key
    run: RunInfo  # as saved: history, test accuracy, status


class OptimizerComparison(QObject):
    started = Signal(list)  # the optimizer keys, in the order they train
    runBegun = Signal(int, str)  # index (0-based), optimizer key
    ended = Signal(list)  # the ComparedRuns that finished or stopped, in order

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.training
        self.action = QAction(self.tr("&Compare Optimizers…"), window)
        self.action.setStatusTip(
            self.tr("Train the model once per optimizer, same data and seed, curves overlaid")
        )
        self.action.triggered.connect(lambda checked=False: self.open_dialog())
        self.dialog: CompareDialog | None = None
        self.table: ComparisonTable | None = None
        self.queue: list[str] = []
        self.done: list[ComparedRun] = []
        self.active = False
        self._project: Project | None = None
        self._root: Path | None = None
        self._current: str | None = None
        self._stopping = False
        # The next run starts from the event loop, after every slot of runEnded has run.
        self._next_timer = QTimer(self)
        self._next_timer.setSingleShot(True)
        self._next_timer.timeout.connect(self._next)
        c = self.controller
        c.stateChanged.connect(self._on_state)
        c.runFinished.connect(self._on_finished)
        c.runFailed.connect(self._on_failed)
        c.runCancelled.connect(self._on_cancelled)
        c.runEnded.connect(self._on_ended)

    # Commands -------------------------------------------------------------------------------

    def open_dialog(self) -> CompareDialog:
        settings = self.window.document.project.training
        self.dialog = CompareDialog(settings, DEFAULT_CHOICES, self.window)
        self.dialog.startRequested.connect(self._start_from_dialog)
        self.dialog.open()
        return self.dialog

    def _start_from_dialog(self, keys: list[str]) -> None:
        self.start(keys)

    def start(self, keys: list[str]) -> bool:
        """Compare these optimizers on the project as it is now; False when it cannot start
        (the reason is shown in the training panel)."""
        w = self.window
        panel = w.training_panel
        if self.active or self.controller.busy:
            return False
        if not keys:
            panel.show_error(self.tr("Tick at least one optimizer to compare."))
            return False
        if w.refuse_unfit_model():  # it shows the Model page and says what to fix
            return False
        # One copy for all the runs: edits made meanwhile must not make them differ.
        project = snapshot(w.document.project)
        try:
            for key in keys:
                optimizer_variant(project.training, key)
        except ParamError as exc:
            panel.show_error(str(exc))
            return False
        panel.clear_message()
        w.follow_runs_of_shown_project()  # else its runs would count as another project's
        self._project, self._root = project, w.runs_folder()
        self.queue, self.done = [k for k in OPTIMIZER_VARIANTS if k in keys], []
        self.active, self._stopping = True, False
        self.action.setEnabled(False)
        w.results.runs.auto_overlay = False  # this comparison decides what is overlaid
        w.results.runs.set_ticked(set())
        self.started.emit(list(self.queue))
        self._next()
        w.show_page(1)
        return True

    def stop(self) -> None:
        if self.active:
            self._stopping = True
            self.queue = []
            self.controller.stop()

    # Following the runs ---------------------------------------------------------------------

    def _next(self) -> None:
        if not self.active:
            return
        if self._stopping or not self.queue or self.controller.busy:
            self._finish()
            return
        key = self.queue.pop(0)
        project = snapshot(self._project)
        project.training = optimizer_variant(project.training, key)
        try:
            out_dir = new_run_dir(self._root, key)
        except OSError as exc:
            self.window.training_panel.show_error(
                self.tr("Cannot create the run folder: %1").replace("%1", str(exc))
            )
            self._finish()
            return
        self._current = key
        index = len(self.done)
        total = index + 1 + len(self.queue)
        self.window.statusBar().showMessage(
            self.tr("Comparing optimizers: run %1 of %2, %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(total))
            .replace("%3", optimizer_title(key) or key)
        )
        self.runBegun.emit(index, key)
        self.controller.start(project, out_dir, self.window.document.path)

    def _on_state(self, state: str) -> None:
        if self.active and state == STOPPING:
            self._stopping = True  # the window's Stop ends the comparison, not only this run
        self.action.setEnabled(state == IDLE and not self.active)

    def _on_finished(self, outcome: RunOutcome) -> None:
        if not self.active or self._current is None:
            return
        run = read_run(outcome.run_dir)
        if run is not None:
            self.done.append(ComparedRun(self._current, run))
        if outcome.result.status == "stopped":
            self._stopping = True
        results = self.window.results
        results.set_outcome(outcome)
        results.runs.refresh()
        results.runs.set_ticked({str(r.run.path) for r in self.done})

    def _on_failed(self, message: str) -> None:
        if self.active:
            self._stopping = True  # the panel shows the message; the others would fail too

    def _on_cancelled(self) -> None:
        if self.active:
            self._stopping = True

    def _on_ended(self) -> None:
        if self.active:
            self._current = None
            self._next_timer.start(0)

    def _finish(self) -> None:
        self.active, self._current, self.queue = False, None, []
        w = self.window
        w.results.runs.auto_overlay = True
        self.action.setEnabled(not self.controller.busy)
        if self.done:
            w.results.plots.clear_live()  # every run is overlaid now, each in its colour
            rows = [(optimizer_title(r.key) or r.key, r.run) for r in self.done]
            self.table = ComparisonTable(rows, self._stopping, w)
            self.table.show()
        text = (
            self.tr("Comparison stopped after %1 runs.")
            if self._stopping
            else self.tr("Compared %1 optimizers.")
        )
        w.statusBar().showMessage(text.replace("%1", str(len(self.done))), 8000)
        self.ended.emit(list(self.done))
