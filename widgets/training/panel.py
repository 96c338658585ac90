"""The training panel: data set and device, Train / Pause / Stop, the progress of the run, its
messages, and the training settings below.

It follows the TrainingController's signals (all in the GUI thread) and never starts anything
itself: its buttons show the window's actions, so menu, toolbar and panel agree.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.fit import FROM_BACKBONE, InputSize
from studio.layers.base import format_shape
from widgets.document import Document
from widgets.i18n import count as count_text
from widgets.i18n import dataset_title, plural, tr_message
from widgets.training.controller import (
    IDLE,
    LOADING,
    PAUSED,
    RUNNING,
    STOPPING,
    TrainingController,
)
from widgets.training.notes import ERROR, NOTE, NotesList
from widgets.training.runs import dataset_of
from widgets.training.settings_form import USER_DATA, SettingsForm
from widgets.training.worker import RunOutcome

PROGRESS_STEPS = 1000


class LiveText(QWidget):
    """Text that changes several times a second without laying its window out again.

    A QLabel asks its layout to recompute on every setText; in the training panel that cost
    more than a millisecond per progress report, on the GUI thread, against the training
    thread's share of the CPU. This widget has a fixed height of `lines` lines and only
    repaints itself."""

    def __init__(self, lines: int = 2, text: str = "") -> None:
        super().__init__()
        self._text = text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 2)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(self.rect(), flags, self._text)
        painter.end()


def format_duration(seconds: float) -> str:
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_percent(value: float | None) -> str:
    return "–" if value is None or not math.isfinite(value) else f"{value * 100:.1f}%"


class TrainingPanel(QWidget):
    inputFixRequested = Signal()  # "Use the data set's size": the Input takes the data's shape
    demoRequested = Signal()  # the link to the transfer-learning demo

    def __init__(self, document: Document, controller: TrainingController) -> None:
        super().__init__()
        self.setObjectName("trainingPanel")
        self.controller = controller
        self.epochs = 1
        self.form = SettingsForm(document)

        top = QWidget()
        top.setObjectName("trainingControls")
        column = QVBoxLayout(top)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        column.addWidget(self.form.chooser)
        column.addWidget(self._input_fix_row())
        # A model that builds on a pretrained one: the demo shows what that is worth.
        self.demo_link = QLabel(
            "<a href='demo'>"
            + self.tr("How much does a pretrained body help? Try the Transfer Learning Demo…")
            + "</a>"
        )
        self.demo_link.setObjectName("transferDemoLink")
        self.demo_link.setWordWrap(True)
        self.demo_link.linkActivated.connect(lambda link: self.demoRequested.emit())
        self.demo_link.hide()
        column.addWidget(self.demo_link)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.train_button, self.pause_button, self.stop_button = (
            QToolButton(),
            QToolButton(),
            QToolButton(),
        )
        for name, button in (
            ("train", self.train_button),
            ("pause", self.pause_button),
            ("stop", self.stop_button),
        ):
            button.setObjectName(f"{name}Button")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button, 1 if name == "train" else 0)
        column.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.status = LiveText(3, self.tr("Press Train to train the model on the data set."))
        self.status.setObjectName("trainingStatus")
        for w in (self.progress, self.status):
            column.addWidget(w)
        # Notes and errors stack under the settings: appearing there, they move no field.
        self.message = NotesList()

        scroll = QScrollArea()
        scroll.setObjectName("trainingSettingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("trainingSettings")
        # Never squeezed below its natural height (a note below takes room): it scrolls
        # instead, so no field moves under the pointer.
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(8, 4, 12, 8)
        inner.addWidget(self.form)
        scroll.setWidget(holder)
        self.scroll = scroll
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setObjectName("rule")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(rule)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.dataset_used = ""  # the title of the data set the last run really used
        self._progress_text = ""  # the last progress line, shown again on Resume

        c = controller
        c.stateChanged.connect(self._on_state)
        c.dataProgress.connect(self._on_data_progress)
        c.runStarted.connect(self._on_run_started)
        c.batchReported.connect(self._on_batch)
        c.note.connect(self.show_note)
        c.runFinished.connect(self._on_finished)
        c.runFailed.connect(self.show_error)
        c.evaluating.connect(self.show_evaluating)  # the test set, after the last batch

    def _input_fix_row(self) -> QWidget:
        """Where the model's Input should take the data's size: what it should be, why, and a
        button that sets it (hidden while the Input fits)."""
        self.input_fix_row = row = QFrame()
        row.setObjectName("inputFixRow")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.input_fix_text = QLabel()
        self.input_fix_text.setObjectName("inputFixText")
        self.input_fix_text.setWordWrap(True)
        self.input_fix_button = QPushButton()
        self.input_fix_button.setObjectName("inputFixButton")
        self.input_fix_button.clicked.connect(lambda: self.inputFixRequested.emit())
        layout.addWidget(self.input_fix_text)
        layout.addWidget(self.input_fix_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.hide()
        return row

    def show_input_fix(self, fix: InputSize | None) -> None:
        """The Input's size against the data's (studio.fit.input_size_fix); None: it fits."""
        self.input_fix_row.setVisible(fix is not None)
        if fix is None:
            return
        shape = format_shape(fix.wanted)
        if fix.source == FROM_BACKBONE:
            button = self.tr("Use the backbone's size (%1)")
        else:
            button = self.tr("Use the data set's size (%1)")
        self.input_fix_button.setText(button.replace("%1", shape))
        self.input_fix_button.setToolTip(
            self.tr("Sets the Input's shape to %1 (Ctrl+Z undoes it)").replace("%1", shape)
        )
        self.input_fix_text.setText(tr_message(fix.message))

    def set_actions(self, train: QAction, pause: QAction, stop: QAction) -> None:
        self.train_button.setDefaultAction(train)
        self.pause_button.setDefaultAction(pause)
        self.stop_button.setDefaultAction(stop)

    # Messages -------------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.message.add("✗ " + text, ERROR)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.status.setText(self.tr("Training did not run."))

    def show_note(self, text: str) -> None:
        self.message.add(text, NOTE)

    def clear_message(self) -> None:
        """A new run: the last run's notes go."""
        self.message.clear()

    def reset(self) -> None:
        """Another project: nothing of the last one's run stays in the panel."""
        self.clear_message()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.dataset_used = self._progress_text = ""
        self.status.setText(self.tr("Press Train to train the model on the data set."))

    # Following the run ----------------------------------------------------------------------

    def _on_state(self, state: str) -> None:
        if state == LOADING:
            self.progress.setRange(0, 0)  # busy until the data set is in memory
            self.status.setText(self.tr("Loading the data set…"))
        elif state == PAUSED:
            self.status.setText(self.paused_text())
        elif state == STOPPING:
            self.status.setText(self.stopping_text())
        elif state == RUNNING and self.status.text() == self.paused_text():
            # Resumed: the progress as it was, until the next report brings it up to date.
            self.status.setText(self._progress_text or self.tr("Resuming…"))
        elif state == IDLE and self.status.text() in (self.paused_text(), self.stopping_text()):
            self.status.setText("")  # the run's end says how it ended, just after

    def paused_text(self) -> str:
        return self.tr("Paused. Resume or stop when you like.")

    def stopping_text(self) -> str:
        return self.tr("Stopping after this batch…")

    def show_evaluating(self, count: int) -> None:
        """After the last batch: the bar runs on while the test set is evaluated."""
        self.progress.setRange(0, 0)
        self.status.setText(
            plural(self.tr("Evaluating on %1 test sample(s)…", "", count), count).replace(
                "%1", count_text(count)
            )
        )

    def _on_data_progress(self, message: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(message)

    def _on_run_started(self, info: dict) -> None:
        self.epochs = max(1, int(info["epochs"]))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.dataset_used = dataset_title(info["dataset"])
        samples = int(info["samples"])
        self._progress_text = (
            plural(self.tr("Training on %1 (%2 sample(s)) on %3…", "", samples), samples)
            .replace("%1", self.dataset_used)
            .replace("%2", count_text(samples))
            .replace("%3", info["device"])
        )
        self.status.setText(self._progress_text)

    def _on_batch(self, r: dict) -> None:
        done = (r["epoch"] - 1 + r["batch"] / r["batches"]) / self.epochs
        self.progress.setValue(round(done * PROGRESS_STEPS))
        self._progress_text = self.progress_text(r, self.epochs)
        if self.controller.state_name in (PAUSED, STOPPING):
            return
        self.status.setText(self._progress_text)

    def progress_text(self, r: dict, epochs: int) -> str:
        return (
            self.tr("Epoch %1/%2 · batch %3/%4 · %5 left")
            .replace("%1", str(r["epoch"]))
            .replace("%2", str(epochs))
            .replace("%3", str(r["batch"]))
            .replace("%4", str(r["batches"]))
            .replace("%5", format_duration(r["eta_s"]))
            + "\n"
            + self.tr("%1 samples/s").replace("%1", f"{r['samples_per_s']:,.0f}")
        )

    def _on_finished(self, outcome: RunOutcome) -> None:
        result = outcome.result
        done = self.progress.value() if self.progress.maximum() else PROGRESS_STEPS
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(PROGRESS_STEPS if result.status != "stopped" else done)
        if result.status == "stopped":
            text = plural(
                self.tr("Stopped with %1 of %2 epoch(s) done.", "", self.epochs), self.epochs
            )
        elif result.status == "early-stopped":
            text = self.tr("Stopped early after epoch %1 of %2.")
        else:
            text = self.tr("Finished: epoch %1 of %2.")
        text = text.replace("%1", str(result.epochs_done)).replace("%2", str(self.epochs))
        if result.test_accuracy is not None:
            text += " " + self.tr("Test accuracy: %1").replace(
                "%1", format_percent(result.test_accuracy)
            )
        elif result.test_loss is not None:
            text += " " + self.tr("Test loss: %1").replace("%1", f"{result.test_loss:.4g}")
        text += " · " + format_duration(result.seconds)
        used = dataset_title(outcome.data_title)
        name = outcome.project.dataset.get("name") or ""
        chosen = dataset_of(name)  # the data set asked for, by its title
        if name not in USER_DATA and chosen != outcome.data_title:
            text += "\n" + self.tr("Data set: %1, standing in for %2").replace("%1", used).replace(
                "%2", dataset_title(chosen)
            )
        else:
            text += "\n" + self.tr("Data set: %1").replace("%1", used)
        self.dataset_used = used
        self.status.setText(text)
