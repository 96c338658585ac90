"""The console's view of a run started with `netstudio PROJECT --train`.

The window shows the curves; whoever started the app from a terminal sees what `netstudio
train` prints there too — the data set and samples at the start, a line per epoch, the test
figure and the run folder at the end — instead of a silent console for the whole run.

A QObject living in the GUI thread: the training controller's signals reach its `@Slot`
methods, and studio.progress.ProgressPrinter writes the lines, in the app's language.
"""

from __future__ import annotations

import sys
from typing import TextIO

from PySide6.QtCore import QObject, Slot

from studio.progress import ProgressPrinter
from studio.translate import Translator


class ConsoleProgress(QObject):
    """Relays a TrainingController's signals to a ProgressPrinter on `stream` (stderr)."""

    def __init__(self, controller: QObject, language: str,
                 stream: TextIO | None = None) -> None:
        super().__init__(controller)  # lives as long as the controller
        self.printer = ProgressPrinter(stream if stream is not None else sys.stderr,
                                       tr=Translator(language))
        controller.runStarted.connect(self.on_started)
        controller.batchReported.connect(self.on_batch)
        controller.epochReported.connect(self.on_epoch)
        controller.evaluating.connect(self.on_evaluating)
        controller.note.connect(self.on_note)
        controller.runFinished.connect(self.on_finished)
        controller.runFailed.connect(self.on_failed)
        controller.runCancelled.connect(self.on_cancelled)

    @Slot(object)
    def on_started(self, info: dict) -> None:
        self.printer.started(info)

    @Slot(object)
    def on_batch(self, report: dict) -> None:
        self.printer.batch(report)

    @Slot(object)
    def on_epoch(self, report: dict) -> None:
        self.printer.epoch(report)

    @Slot(int)
    def on_evaluating(self, count: int) -> None:
        self.printer.evaluating(count)

    @Slot(str)
    def on_note(self, text: str) -> None:
        self.printer.message(text)  # already in the app's language (the worker's tr_message)

    @Slot(object)
    def on_finished(self, outcome: object) -> None:
        self.printer.finished(outcome)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.printer.message(f"netstudio: {message}")

    @Slot()
    def on_cancelled(self) -> None:
        self.printer.cancelled()

    def say(self, text: str) -> None:
        """A line of the app's own about the run (why it could not start)."""
        self.printer.message(text)
