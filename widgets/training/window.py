"""The training side of the main window, as a mixin so main_window.py stays about the editor:
the Train / Pause / Stop / Export actions, the Run menu, and the wiring between the Document,
the TrainingController and the training views.

One set of training controls: the Train / Pause / Stop actions, shown in the toolbar, the
panel and the Run menu alike (so their enabled states are one), and one "Training" page,
chosen by the centre tab; the side (inspector | training settings) follows that tab and
shows no tabs of its own.

A run trains a deep copy of the project taken when Train is pressed, so the graph can be
edited meanwhile: the edits apply to the next run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QTabWidget

from studio.runs.location import new_run_dir
from studio.shapes import Problem
from widgets.i18n import count as count_text
from widgets.i18n import layer_title, plural, tr_message
from widgets.training import style
from widgets.training.compare import OptimizerComparison
from widgets.training.controller import IDLE, PAUSED, RUNNING, STOPPING, TrainingController
from widgets.training.data_fit import DataFitWatcher
from widgets.training.export_dialog import ExportDialog
from widgets.training.panel import LiveText, TrainingPanel, format_duration
from widgets.training.results import TrainingResults
from widgets.training.runs import (
    adopt_runs,
    list_runs,
    read_run,
    runs_root,
    unsaved_key,
    unsaved_runs_dir,
)
from widgets.training.transfer_demo import TransferDemo, builds_on_pretrained
from widgets.training.worker import RunOutcome

MODEL_PAGE, TRAINING_PAGE = 0, 1
Button = QMessageBox.StandardButton


class TrainingSide:
    """Needs from the window: document, interactive, statusBar, menuBar, toolbar, tr."""

    def _init_training(self) -> None:
        self.training = TrainingController(self)
        self.training_panel = TrainingPanel(self.document, self.training)
        self.results = TrainingResults()
        self.export_dialog: ExportDialog | None = None
        self._training_project = None
        self._edit_noted = False
        # The runs folder of the document while it has no file: its own, never shared.
        self._unsaved_runs = unsaved_key(self.document.project.name)
        self._runs_of = self.document.project
        self._adopt_from: Path | None = None  # unsaved runs to move once the run ends

    def _pages(self, model_center, inspector_side) -> tuple[QTabWidget, QTabWidget]:
        """The centre (model canvas | training results) and the side (inspector | training
        settings) as tabs that switch together."""
        center, side = QTabWidget(), QTabWidget()
        center.setObjectName("centerTabs")
        side.setObjectName("sideTabs")
        for tabs in (center, side):
            tabs.setDocumentMode(True)
            tabs.setStyleSheet(style.TABS)
        self.training_panel.setStyleSheet(style.PANEL)
        self.results.setStyleSheet(style.PANEL + style.RESULTS)
        center.addTab(model_center, self.tr("Model"))
        center.addTab(self.results, self.tr("Training"))
        center.setTabToolTip(MODEL_PAGE, self.tr("The model's graph and its problems (Ctrl+1)"))
        center.setTabToolTip(
            TRAINING_PAGE, self.tr("Training settings, progress and results (Ctrl+2)")
        )
        side.addTab(inspector_side, self.tr("Inspector"))
        side.addTab(self.training_panel, self.tr("Training"))
        # The centre tab chooses the page; the side follows it without a second tab bar.
        side.tabBar().hide()
        center.currentChanged.connect(side.setCurrentIndex)
        self.center_tabs, self.side_tabs = center, side
        return center, side

    def _init_training_actions(self) -> None:
        qstyle = self.style()
        icon = QStyle.StandardPixmap

        def action(text, slot, keys=(), pixmap=None, tip=""):
            a = QAction(text, self)
            if pixmap is not None:
                a.setIcon(qstyle.standardIcon(pixmap))
            if keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
            if tip:
                a.setStatusTip(tip)
                a.setToolTip(tip)
            a.triggered.connect(lambda checked=False: slot())
            self.addAction(a)
            return a

        a = self.actions
        a.train = action(
            self.tr("&Train"),
            self.start_training,
            ["F5"],
            icon.SP_MediaPlay,
            self.tr("Train the model on the data set (F5)"),
        )
        a.pause = action(
            self.tr("&Pause"),
            self.training.toggle_pause,
            ["F6"],
            icon.SP_MediaPause,
            self.tr("Pause or resume the training (F6)"),
        )
        a.stop = action(
            self.tr("S&top"),
            self.training.stop,
            ["Shift+F5"],
            icon.SP_MediaStop,
            self.tr("Stop the training; the model keeps what it has learnt"),
        )
        a.export = action(
            self.tr("&Export Trained Model…"),
            self.open_export_dialog,
            ["Ctrl+E"],
            None,
            self.tr("Save the trained model as ONNX, PyTorch files or a Python package"),
        )
        a.show_model = action(
            self.tr("Show &Model"), lambda: self.show_page(MODEL_PAGE), ["Ctrl+1"]
        )
        a.show_training = action(
            self.tr("Show T&raining"), lambda: self.show_page(TRAINING_PAGE), ["Ctrl+2"]
        )
        self.comparison = OptimizerComparison(self)
        a.compare = self.comparison.action
        self.transfer_demo = TransferDemo(self)
        a.transfer_demo = self.transfer_demo.action
        bar = self.menuBar()
        # "Run", not a fourth "Training" beside the tab, the panel and the Train button.
        menu = QMenu(self.tr("&Run"), self)
        menu.setObjectName("runMenu")
        bar.insertMenu(bar.actions()[-1], menu)  # before Help
        for item in (a.train, a.pause, a.stop, None, a.compare, a.transfer_demo, None, a.export):
            menu.addSeparator() if item is None else menu.addAction(item)
        self.run_menu = menu
        self.toolbar.addSeparator()
        for item in (a.train, a.pause, a.stop):
            self.toolbar.addAction(item)
            # Disabled looks disabled here as in the panel (the app's style sheet gives tool
            # buttons no disabled colour, so their text stayed black).
            self.toolbar.widgetForAction(item).setStyleSheet(style.TOOLBAR_TRAINING)
        self.training_panel.set_actions(a.train, a.pause, a.stop)
        self.training_status = LiveText(1)
        self.training_status.setObjectName("trainingStatusBar")
        sample = (
            self.tr("Training: epoch %1/%2 · %3 left")
            .replace("%1", "888")
            .replace("%2", "888")
            .replace("%3", "88:88:88")
        )
        self.training_status.setFixedWidth(self.fontMetrics().horizontalAdvance(sample) + 12)
        self.statusBar().addPermanentWidget(self.training_status)
        self.training_status.hide()
        self._on_training_state(IDLE)

    def _connect_training(self) -> None:
        c, r = self.training, self.results
        c.stateChanged.connect(self._on_training_state)
        c.runStarted.connect(self._on_run_started)
        c.batchReported.connect(self._on_batch)
        c.epochReported.connect(self._on_epoch)
        c.evaluating.connect(self._on_evaluating)
        c.runFinished.connect(self._on_run_finished)
        c.runFailed.connect(self._on_run_failed)
        c.runCancelled.connect(self._on_run_cancelled)
        c.runEnded.connect(self._on_run_ended)
        r.runs.follow(c)  # the last run stays overlaid when the next one starts
        r.runs.exportRequested.connect(self.open_export_dialog)
        r.follow(c)
        r.expect(self.document.graph)
        self.document.analysisChanged.connect(lambda analysis: r.expect(self.document.graph))
        self.document.analysisChanged.connect(self._note_edit_during_run)
        self.document.projectReplaced.connect(self._on_training_project_replaced)
        self.document.pathChanged.connect(self._on_training_path_changed)
        self.document.settingsChanged.connect(self._on_training_settings)
        # After the window's own analysis handler: it adds the data set's fit to its marks.
        self.data_fit = DataFitWatcher(self)
        self._on_training_settings()
        self.training_panel.demoRequested.connect(self.transfer_demo.open)
        self.document.analysisChanged.connect(lambda analysis: self._show_demo_link())
        self._show_demo_link()

    # Commands -------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.center_tabs.setCurrentIndex(page)

    def start_training(self) -> bool:
        """Train a copy of the project as it is now; False when it cannot start."""
        if self.training.busy:
            return False
        panel = self.training_panel
        if self.refuse_unfit_model():
            return False
        try:
            out_dir = new_run_dir(self.runs_folder())
        except OSError as exc:
            panel.show_error(self.tr("Cannot create the run folder: %1").replace("%1", str(exc)))
            return False
        panel.clear_message()
        self.follow_runs_of_shown_project()
        self.training.start(self.document.project, out_dir, self.document.path)
        self.show_page(TRAINING_PAGE)
        self.statusBar().showMessage(
            self.tr("Training a copy of the model: changes you make now apply to the next run."),
            8000,
        )
        return True

    def train_and_wait(self) -> bool:
        """Start a run and return when it has ended (for --train --screenshot and scripts)."""
        loop = QEventLoop()
        self.training.runEnded.connect(loop.quit)
        started = self.start_training()
        if started:
            loop.exec()
        self.training.runEnded.disconnect(loop.quit)
        return started and self.training.outcome is not None

    def unfit_problems(self) -> list[Problem]:
        """What keeps the model from training: its own problems, then its fit to the data set.
        While the window is still being built the Problems list can already report the model's
        own problems, before the data set's watcher exists."""
        watcher = getattr(self, "data_fit", None)
        fit = watcher.problems if watcher is not None else []
        return [*self.document.analysis.problems, *fit]

    def refuse_unfit_model(self) -> bool:
        """True (and says where) when the model cannot train as it is: the Model page comes
        up with its Problems list, the first node at fault is selected, and the status bar
        and the training panel name the problem."""
        problems = self.unfit_problems()
        if not problems:
            return False
        first = problems[0]
        where = first.node_id
        graph = self.document.graph
        if where in graph.nodes:
            where = f"{where} ({layer_title(graph.nodes[where].layer)})"
        text = (
            self.tr("Cannot train yet. %1: %2 (the Problems list on the Model page shows it)")
            .replace("%1", where or self.tr("Model"))
            .replace("%2", tr_message(first.message))
        )
        self.training_panel.show_error(text)
        self.show_page(MODEL_PAGE)
        if first.node_id:
            self.focus_node(first.node_id)
        # Short enough for the status bar; the Problems list, now in view, has the details.
        self.statusBar().showMessage(
            "✗ "
            + self.tr(
                "Cannot train yet: fix %1, as the Problems list under the model says."
            ).replace("%1", where or self.tr("the model")),
            12000,
        )
        return True

    def runs_folder(self) -> Path:
        return runs_root(self.document.path, self._unsaved_runs)

    @property
    def unsaved_runs_key(self) -> str:
        """The name of this unsaved document's runs folder (for the autosave to keep)."""
        return self._unsaved_runs

    def use_unsaved_runs(self, key: str) -> None:
        """Restored unsaved work: its runs are those of the folder `key` names again."""
        if key and "/" not in key and "\\" not in key and key not in (".", ".."):
            self._unsaved_runs = key
            self.results.runs.set_root(self.runs_folder())
            self._update_export_action()

    def open_export_dialog(self, run_dir: Path | None = None) -> ExportDialog | None:
        """The export dialog over the project's runs: `run_dir` preselected (the Runs tab's
        Export This Run), else the best finished run."""
        runs = list_runs(self.runs_folder())
        if run_dir is not None and all(r.path != run_dir for r in runs):
            # A run from outside the runs folder (a search trial's, opened on the Runs tab).
            outside = read_run(run_dir)
            runs = [outside, *runs] if outside is not None else runs
        if not any(r.has_weights for r in runs):
            self.statusBar().showMessage(self.tr("Train the model first, then export it."), 6000)
            return None
        folder = self.document.path.parent if self.document.path else Path.home()
        self.export_dialog = ExportDialog(
            runs, self.document.project.name, folder, self, selected=run_dir
        )
        self.export_dialog.open()
        return self.export_dialog

    def stop_training_and_wait(self) -> None:
        self.training.shutdown()
        self.transfer_demo.shutdown()
        if self.export_dialog is not None:
            self.export_dialog.done(0)

    def unfinished_work(self) -> tuple[str, str] | None:
        """(title, question) when closing now would stop work under way, else None."""
        if self.training.busy:
            return (self.tr("Training in progress"),
                    self.tr("A model is training. Stop the training and close?"))
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        work = self.unfinished_work()
        if work is not None and self.interactive and not self._closing:
            title, question = work
            answer = QMessageBox.question(self, title, question, Button.Yes | Button.No, Button.No)
            if answer != Button.Yes:
                event.ignore()
                return
        super().closeEvent(event)

    def select_for_activations(self, node_ids: list[str]) -> None:
        if len(node_ids) == 1 and self.results.outcome is not None:
            self.results.activations.select_node(node_ids[0])

    # Following the run ----------------------------------------------------------------------

    def _on_training_state(self, state: str) -> None:
        a = self.actions
        busy = state != IDLE
        a.train.setEnabled(not busy)
        a.pause.setEnabled(busy and state != STOPPING)
        a.stop.setEnabled(busy and state != STOPPING)
        paused = state == PAUSED
        a.pause.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        a.pause.setIcon(
            self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaPlay
                if paused
                else QStyle.StandardPixmap.SP_MediaPause
            )
        )
        self._update_export_action()
        self.training_status.setVisible(busy)
        if paused:
            self.training_status.setText(self.tr("Training paused"))
        elif state == STOPPING:
            self.training_status.setText(self.tr("Stopping…"))
        elif state == RUNNING:
            self.training_status.setText(self.tr("Training…"))

    def _update_export_action(self) -> None:
        runs = self.results.runs.runs.values()
        ready = self.training.outcome is not None or any(r.has_weights for r in runs)
        self.actions.export.setEnabled(ready)

    def follow_runs_of_shown_project(self) -> None:
        """The runs started now (a training, a comparison's) train the project shown: the
        page follows them and shows their results."""
        self._training_project = self.document.project
        self._edit_noted = False

    def _following(self) -> bool:
        """Whether the run under way trains the project shown (not one replaced since)."""
        return self._training_project is self.document.project

    def _on_run_started(self, info: dict) -> None:
        if not self._following():
            return
        project = info.get("project") or self.document.project
        validation = float(project.training.get("validation_split") or 0) > 0
        self.results.plots.begin_run(int(info["epochs"]), validation)
        self.training_panel.form.chooser.note_used(project.dataset["name"], info["dataset"])

    def _on_batch(self, r: dict) -> None:
        if self._following():
            self.results.plots.add_batch(r)
            self._on_batch_status(r)

    def _on_epoch(self, r: dict) -> None:
        if self._following():
            self.results.plots.add_epoch(r)

    def _on_evaluating(self, count: int) -> None:
        self.training_status.setText(
            plural(self.tr("Evaluating on %1 test sample(s)…", "", count), count).replace(
                "%1", count_text(count)
            )
        )

    def _on_batch_status(self, r: dict) -> None:
        if self.training.state_name in (PAUSED, STOPPING):
            return
        self.training_status.setText(
            self.tr("Training: epoch %1/%2 · %3 left")
            .replace("%1", str(r["epoch"]))
            .replace("%2", str(self.results.plots.epochs))
            .replace("%3", format_duration(r["eta_s"]))
        )

    def _on_run_finished(self, outcome: RunOutcome) -> None:
        if not self._following():
            # A run of the project shown before: its results are not this one's.
            self.training_panel.reset()
            return
        self.results.end_run()
        self.results.set_outcome(outcome)
        self.results.runs.refresh()
        self._update_export_action()
        self.statusBar().showMessage(self.training_panel.status.text().split("\n")[0], 8000)

    def _on_run_failed(self, message: str) -> None:
        self.results.end_run()
        self._remove_empty_run()

    def _on_run_cancelled(self) -> None:
        self.results.end_run()
        self._remove_empty_run()
        self.training_panel.status.setText(self.tr("Stopped before training began."))

    def _remove_empty_run(self) -> None:
        run_dir = self.training.run_dir
        if run_dir is not None and run_dir.is_dir() and not any(run_dir.iterdir()):
            run_dir.rmdir()  # nothing was written: leave no empty run behind

    def _on_run_ended(self) -> None:
        self.training_panel.form.chooser.refresh_lists()  # a download adds a data set
        self.training_panel.form.refresh()
        if self._adopt_from is not None:  # the run that kept them back has ended
            old, self._adopt_from = self._adopt_from, None
            self._adopt_unsaved_runs(old)

    def _note_edit_during_run(self, analysis) -> None:
        if self.training.busy and not self._edit_noted:
            self._edit_noted = True
            self.statusBar().showMessage(
                self.tr(
                    "The running training keeps the model as it was when it started; this change "
                    "applies to the next run."
                ),
                8000,
            )

    def _on_training_project_replaced(self, old, graph) -> None:
        # Another project: its own runs, and nothing of the previous one's (curves, accuracy,
        # predictions, notes, export), even from a run of it still stopping.
        if self.training.busy and not self._following():
            self.training.stop()
        self.training.outcome = None
        self._runs_of, self._adopt_from = self.document.project, None
        if self.document.path is None:
            self._unsaved_runs = unsaved_key(self.document.project.name)
        self.statusBar().clearMessage()  # e.g. the last run's "Finished: … Test accuracy"
        self.results.set_outcome(None)
        self.results.plots.reset()
        self.results.gan_losses.begin_run(1)  # empty: the last project's GAN losses go
        self.results.gan_losses.end_run()
        self.training_panel.reset()
        self.results.live = False
        self.results.expect(self.document.graph)
        self.results.runs.set_root(self.runs_folder())
        self._update_export_action()

    def _on_training_path_changed(self) -> None:
        old, new = self.results.runs.root, self.runs_folder()
        if old == new:
            return
        # Saved for the first time (or under a new name while unsaved runs are here): the
        # unsaved document's runs belong to the file now and move beside it.
        unsaved = old is not None and old.parent == unsaved_runs_dir()
        if unsaved and self._runs_of is self.document.project:
            self._adopt_unsaved_runs(old)
        self.results.runs.set_root(new)

    def _adopt_unsaved_runs(self, old: Path) -> None:
        busy = self.training.busy and self.training.run_dir is not None
        keep = {self.training.run_dir} if busy else set()
        try:
            adopt_runs(old, self.runs_folder(), keep)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("Could not move the runs beside the project: %1").replace("%1", str(exc)),
                10000,
            )
            return
        if keep:
            self._adopt_from = old
        self.results.runs.refresh()

    def _show_demo_link(self) -> None:
        """A model built on a pretrained backbone or an earlier run (the transfer-learning
        template) gets a link to the demo of what that is worth."""
        self.training_panel.demo_link.setVisible(builds_on_pretrained(self.document.graph))

    def _on_training_settings(self) -> None:
        """Before a run: the legend names a validation curve only with a validation split."""
        if not self.training.busy:
            split = self.document.project.training.get("validation_split") or 0
            self.results.plots.set_validation(float(split) > 0)
