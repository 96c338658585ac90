"""The training side of the main window, as a mixin so main_window.py stays about the editor:
the Train / Pause / Stop / Export actions, the Training menu, and the wiring between the
Document, the TrainingController and the training views.

A run trains a deep copy of the project taken when Train is pressed, so the graph can be
edited meanwhile: the edits apply to the next run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QTabWidget

from studio.gan import GENERATOR_WEIGHTS, exported_part
from widgets.training import style
from widgets.training.compare import OptimizerComparison
from widgets.training.controller import IDLE, PAUSED, STOPPING, TrainingController
from widgets.training.export_dialog import ExportDialog
from widgets.training.panel import LiveText, TrainingPanel, format_duration
from widgets.training.results import TrainingResults
from widgets.training.runs import new_run_dir, runs_root
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
        side.addTab(inspector_side, self.tr("Inspector"))
        side.addTab(self.training_panel, self.tr("Training"))
        center.currentChanged.connect(side.setCurrentIndex)
        side.currentChanged.connect(center.setCurrentIndex)
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
        bar = self.menuBar()
        menu = QMenu(self.tr("&Training"), self)
        bar.insertMenu(bar.actions()[-1], menu)  # before Help
        items = (a.train, a.pause, a.stop, None, a.compare, None, a.export, None, a.show_model)
        for item in (*items, a.show_training):
            menu.addSeparator() if item is None else menu.addAction(item)
        self.toolbar.addSeparator()
        for item in (a.train, a.pause, a.stop):
            self.toolbar.addAction(item)
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
        c.batchReported.connect(r.plots.add_batch)
        c.batchReported.connect(self._on_batch_status)
        c.epochReported.connect(r.plots.add_epoch)
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

    # Commands -------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.center_tabs.setCurrentIndex(page)

    def start_training(self) -> bool:
        """Train a copy of the project as it is now; False when it cannot start."""
        if self.training.busy:
            return False
        panel = self.training_panel
        if not self.document.analysis.ok:
            panel.show_error(
                self.tr(
                    "The model does not fit together yet: fix what the Problems list shows, then "
                    "train."
                )
            )
            self.show_page(TRAINING_PAGE)
            return False
        try:
            out_dir = new_run_dir(self.runs_folder())
        except OSError as exc:
            panel.show_error(self.tr("Cannot create the run folder: %1").replace("%1", str(exc)))
            return False
        panel.clear_message()
        self._training_project = self.document.project
        self._edit_noted = False
        self.training.start(self.document.project, out_dir)
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

    def runs_folder(self) -> Path:
        return runs_root(self.document.path, self.document.project.name)

    def open_export_dialog(self, run_dir: Path | None = None) -> ExportDialog | None:
        outcome = self.training.outcome
        source = run_dir or (outcome.run_dir if outcome is not None else None)
        if source is None:
            self.statusBar().showMessage(self.tr("Train the model first, then export it."), 6000)
            return None
        folder = self.document.path.parent if self.document.path else Path.home()
        name = self.document.project.name
        part = exported_part(source)  # a GAN run: its generator
        if part.name == GENERATOR_WEIGHTS:
            name = self.tr("%1 generator").replace("%1", name)
        self.export_dialog = ExportDialog(part, name, folder, self)
        if part.name == GENERATOR_WEIGHTS:
            self.export_dialog.status.setText(
                self.tr(
                    "This run trained a GAN: what is exported is its generator, which turns a "
                    "vector of random numbers into a new image. The discriminator only served "
                    "the training; it stays in the run folder."
                )
            )
            dialog = self.export_dialog
            dialog.resize(dialog.width(), dialog.sizeHint().height())  # room for the note
        self.export_dialog.open()
        return self.export_dialog

    def stop_training_and_wait(self) -> None:
        self.training.shutdown()
        if self.export_dialog is not None:
            self.export_dialog.done(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.training.busy and self.interactive and not self._closing:
            answer = QMessageBox.question(
                self,
                self.tr("Training in progress"),
                self.tr("A model is training. Stop the training and close?"),
                Button.Yes | Button.No,
                Button.No,
            )
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
        a.export.setEnabled(self.training.outcome is not None)
        self.training_status.setVisible(busy)
        if paused:
            self.training_status.setText(self.tr("Training paused"))
        elif state == STOPPING:
            self.training_status.setText(self.tr("Stopping…"))

    def _on_run_started(self, info: dict) -> None:
        self.results.plots.begin_run(int(info["epochs"]))

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
        self.results.end_run()
        if self._training_project is self.document.project:
            self.results.set_outcome(outcome)
        self.results.runs.refresh()
        self.actions.export.setEnabled(True)
        self.statusBar().showMessage(self.training_panel.status.text(), 8000)

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
        # Another project: its runs, and no results or export of the previous one's model.
        if self.training.busy and self._training_project is not self.document.project:
            self.training.stop()
        self.training.outcome = None
        self.actions.export.setEnabled(False)
        self.results.set_outcome(None)
        self.results.expect(self.document.graph)
        self.results.runs.set_root(self.runs_folder())

    def _on_training_path_changed(self) -> None:
        if self.results.runs.root != self.runs_folder():
            self.results.runs.set_root(self.runs_folder())
