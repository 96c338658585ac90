"""Run → Transfer Learning Demo…: learn in place what a pretrained body is worth.

The seed CNN learns the first five classes of Fashion-MNIST (or of its offline stand-in); its
body then starts three models for the other five classes, each with only a few images per
class: frozen (only a new head learns), fine-tuned (everything learns, from the pretrained
weights), and the same CNN from scratch. The three train one after another on a worker thread
(studio.transfer_demo: ordinary runs of the run pipeline, kept in the demo's folder), their
curves are laid over each other as the overfitting demo's runs are, and the window reads out
how far each pretrained model is ahead of the scratch one, this time and as measured over
three seeds, with why.

Stop ends the demo: the models that finished stay on the plots and in the table. The
pretrained body is kept in the demo's folder, so the next demo starts at the three models.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.data import DatasetError
from studio.transfer_demo import (
    VARIANTS,
    DemoError,
    DemoResult,
    DemoSettings,
    VariantRun,
    demo_source,
)
from widgets import config
from widgets.i18n import count as count_text
from widgets.i18n import dataset_title, tr_error
from widgets.training.panel import LiveText, format_duration
from widgets.training.plots import TrainingPlots
from widgets.training.runs import RunInfo, read_run
from widgets.training.transfer_demo_figures import DemoFigures, percent, variant_title
from widgets.training.transfer_demo_worker import TransferDemoWorker

PER_CLASS_CHOICES = (20, 5)
PROGRESS_STEPS = 1000
TAG_VARIANTS = {"frozen": "frozen", "fine-tuned": "fine_tuned", "scratch": "scratch"}


def builds_on_pretrained(graph) -> bool:
    """Whether a model starts from a pretrained one: a backbone or an earlier run's block."""
    return any(
        n.layer.category == "Pretrained" or n.layer_id == "TrainedModel"
        for n in graph.nodes.values()
    )


def demo_folder() -> Path:
    """Where the demo keeps its pretrained body (reused by the next demo) and its runs."""
    return config.config_dir() / "transfer-demo"


class DemoPlots(TrainingPlots):
    """The Training page's plots, each finished model named by what it is."""

    overlay_gaps = False  # the window reads out the gaps between the models instead

    def overlay_title(self, run: RunInfo) -> str:
        variant = TAG_VARIANTS.get(run.tag)
        return variant_title(variant) if variant else super().overlay_title(run)

    def overlay_heading(self, validated: bool) -> str:
        return self.tr("Models (━▲ training, ╍◆ validation):")


class TransferDemoWindow(QDialog):
    started = Signal()
    runShown = Signal(str)  # a variant whose finished (or stopped) run is now overlaid
    ended = Signal(object)  # DemoResult, or None when it failed

    def __init__(self, torch_threads: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDemo")
        self.setWindowTitle(self.tr("Transfer Learning Demo"))
        # The app's style sheet gives push buttons no disabled colour: Stop looked pressable.
        self.setStyleSheet("QPushButton:disabled { color: #9CA3AF; }")
        self.torch_threads = torch_threads
        self.root = demo_folder()
        self.result: DemoResult | None = None
        self.finished_runs: list[VariantRun] = []
        self.dataset_name = ""
        self._thread: QThread | None = None
        self._worker: TransferDemoWorker | None = None
        self._stage = ""
        self._epochs = 1

        intro = QLabel(
            self.tr(
                "A small CNN first learns five kinds of image. Its body (everything but the "
                "last layer) then starts three models for five other kinds, with only a few "
                "images of each: <b>frozen</b> (only a new last layer learns, with larger steps: "
                "what is under it never changes), <b>fine-tuned</b> (every layer learns, "
                "starting from the pretrained weights) and the same CNN <b>from scratch</b>. "
                "Their curves are laid over each other as each finishes."
            )
        )
        intro.setWordWrap(True)
        self.source_note = QLabel()
        self.source_note.setObjectName("muted")
        self.source_note.setWordWrap(True)
        self.per_class = QComboBox()
        self.per_class.setObjectName("perClassCombo")
        for n in PER_CLASS_CHOICES:
            self.per_class.addItem(
                self.tr("%1 images per class").replace("%1", str(n)), n
            )
        self.per_class.currentIndexChanged.connect(lambda i: self._show_measured())
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setObjectName("startDemo")
        self.start_button.clicked.connect(lambda: self.start())
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setObjectName("stopDemo")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("New task:")))
        controls.addWidget(self.per_class)
        controls.addStretch(1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.status = LiveText(2, self.tr("Press Start: three models train one after another."))
        self.status.setObjectName("demoStatus")
        self.plots = DemoPlots()
        self.plots.setMinimumHeight(240)
        self.figures = DemoFigures()
        # What the tests and the screenshots read: the figures' own widgets.
        self.table, self.gaps, self.why = self.figures.table, self.figures.gaps, self.figures.why
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.source_note)
        layout.addLayout(controls)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.plots, 1)
        layout.addWidget(self.figures)
        self.resize(880, 820)
        self._show_source()
        self._show_measured()

    # The figures ------------------------------------------------------------------------------

    def cell(self, variant: str, column: int) -> str:
        return self.figures.cell(variant, column)

    def _show_measured(self) -> None:
        self.figures.show_measured(self.dataset_name, int(self.per_class.currentData()))

    def settings(self) -> DemoSettings:
        return DemoSettings(per_class=int(self.per_class.currentData()))

    def _show_source(self) -> None:
        try:
            info, stand_in_for = demo_source()
        except (DemoError, DatasetError) as exc:
            self.source_note.setText(tr_error(exc))
            return
        self.dataset_name = info.name
        self._note_source(info.title, stand_in_for or "")

    def _note_source(self, title: str, stand_in_for: str) -> None:
        if stand_in_for:
            text = self.tr(
                "Trains on %1, the offline stand-in for %2, which is not on this machine "
                "(Debian's package dataset-fashion-mnist brings it)."
            ).replace("%2", dataset_title(stand_in_for))
        else:
            text = self.tr("Trains on %1, found on this machine: nothing is downloaded.")
        self.source_note.setText(text.replace("%1", dataset_title(title)))

    # Running -----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, settings: DemoSettings | None = None) -> bool:
        """Run the demo (with these settings: tests make it tiny); False while one runs."""
        if self.running:
            return False
        settings = settings or self.settings()
        self.result, self.finished_runs = None, []
        self.figures.clear_runs()
        self.plots.set_overlays([])
        self.plots.reset()
        worker = TransferDemoWorker(self.root, settings, self.torch_threads)
        thread = QThread(self)
        thread.setObjectName("transferDemo")
        worker.moveToThread(thread)
        worker.dataReady.connect(self._on_data)
        worker.stageStarted.connect(self._on_stage)
        worker.batchReported.connect(self._on_batch)
        worker.epochReported.connect(self._on_epoch)
        worker.runEnded.connect(self._on_run_ended)
        worker.note.connect(self._on_note)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        thread.started.connect(worker.run)
        self._thread, self._worker = thread, worker
        self.start_button.setEnabled(False)
        self.per_class.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Loading the data set…"))
        thread.start()
        self.started.emit()
        return True

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after this batch…"))

    def shutdown(self) -> None:
        """Stop and wait for the worker's thread (the window or the app is closing)."""
        if self._worker is not None:
            self._worker.stop()
        self._release()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _release(self) -> None:
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()

    # From the worker (GUI thread, queued) ------------------------------------------------------

    @Slot(str, str, str)
    def _on_data(self, name: str, title: str, stand_in_for: str) -> None:
        self.dataset_name = name
        self._note_source(title, stand_in_for)
        self._show_measured()

    @Slot(str, object)
    def _on_stage(self, stage: str, info: dict) -> None:
        self._stage = stage
        self._epochs = max(1, int(info.get("epochs") or 1))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        if stage in VARIANTS:
            self.plots.begin_run(self._epochs, validation=True)

    def _stage_text(self) -> str:
        if self._stage == "pretrain":
            return self.tr("Pretraining the body on the first five classes (once: the next "
                           "demo reuses it)")
        if self._stage not in VARIANTS:  # before the first run has started
            return self.tr("Getting ready…")
        index = VARIANTS.index(self._stage) + 1
        return (
            self.tr("Model %1 of %2: %3")
            .replace("%1", str(index))
            .replace("%2", str(len(VARIANTS)))
            .replace("%3", variant_title(self._stage))
        )

    @Slot(str, object)
    def _on_batch(self, stage: str, r: dict) -> None:
        done = (r["epoch"] - 1 + r["batch"] / r["batches"]) / self._epochs
        self.progress.setValue(round(done * PROGRESS_STEPS))
        if stage in VARIANTS:
            self.plots.add_batch(r)
        if self.stop_button.isEnabled():
            self.status.setText(
                self._stage_text()
                + "\n"
                + self.tr("Epoch %1/%2 · %3 left")
                .replace("%1", str(r["epoch"]))
                .replace("%2", str(self._epochs))
                .replace("%3", format_duration(r["eta_s"]))
            )

    @Slot(str, object)
    def _on_epoch(self, stage: str, r: dict) -> None:
        if stage in VARIANTS:
            self.plots.add_epoch(r)

    @Slot(object)
    def _on_run_ended(self, run: VariantRun) -> None:
        self.plots.end_run()
        self.finished_runs.append(run)
        self.figures.add_run(run)
        self._overlay()
        self.runShown.emit(run.variant)

    def _overlay(self) -> None:
        runs = [read_run(r.run_dir) for r in self.finished_runs if r.run_dir is not None]
        self.plots.clear_live()
        self.plots.set_overlays([r for r in runs if r is not None])

    @Slot(str)
    def _on_note(self, text: str) -> None:
        self.status.setText(self._stage_text() + "\n" + text.splitlines()[0])

    @Slot(object)
    def _on_finished(self, result: DemoResult) -> None:
        self._release()
        self.result = result
        self._end_controls()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(PROGRESS_STEPS if not result.stopped else self.progress.value())
        done = sum(r.status != "stopped" for r in result.runs)
        if result.stopped:
            text = self.tr("Stopped: %1 of %2 models finished; they stay on the plots.")
        else:
            text = self.tr("Done: %1 of %2 models trained.")
        text = text.replace("%1", count_text(done)).replace("%2", str(len(VARIANTS)))
        if result.pretrained_accuracy is not None:
            body = self.tr("The body scored %1 on its own five classes").replace(
                "%1", percent(result.pretrained_accuracy)
            )
            if result.reused:
                body += self.tr(" (pretrained by an earlier demo, reused)")
            text += "\n" + body + "."
        self.status.setText(text)
        self.ended.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._release()
        self._end_controls()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.status.setText("✗ " + message)
        self.ended.emit(None)

    def _end_controls(self) -> None:
        self.start_button.setEnabled(True)
        self.per_class.setEnabled(True)
        self.stop_button.setEnabled(False)


class TransferDemo(QObject):
    """The menu action and its one window (kept between demos: its runs stay shown)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Transfer &Learning Demo…"), window)
        self.action.setStatusTip(
            self.tr(
                "See what a pretrained body is worth: frozen, fine-tuned and from scratch, "
                "trained side by side on a few images"
            )
        )
        self.action.triggered.connect(lambda checked=False: self.open())
        self.dialog: TransferDemoWindow | None = None

    def open(self) -> TransferDemoWindow:
        if self.dialog is None:
            self.dialog = TransferDemoWindow(self.window.training.torch_threads, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.shutdown()
