"""The training run's QThread side: a QObject that hands the run to the engine's one pipeline
(studio.runs.pipeline, as `netstudio train` does) and re-emits what happens as signals of plain
data. It decides nothing about the run: data, limits, the trainer, the kind of model and the
evaluation are the pipeline's.

It never touches a widget. Its signals reach the GUI thread through queued connections to
`@Slot` methods of the TrainingController, which lives there.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from studio.data import Dataset
from studio.errors import StudioError
from studio.runs.pipeline import (
    AUTOENCODER,
    CLASSIFIER,
    GAN,
    OTHER,
    Cancelled,
    RunOutcome,
    RunRequest,
    execute,
    kind_of_graph,
)
from studio.training import BatchReport, EpochReport, TrainingState
from widgets.i18n import tr_error, tr_message
from widgets.training import threads

# Caps for quick runs (tests, screenshots): training samples and test samples.
TRAIN_LIMIT_ENV = "NETSTUDIO_TRAIN_LIMIT"
TEST_LIMIT_ENV = "NETSTUDIO_TEST_LIMIT"
# Errors whose message is written for the user: shown as they are, never as a traceback.
USER_ERRORS = (StudioError,)

PROGRESS_EVERY_S = 0.1  # downloads report every 64 KB: pass on at most ten a second

__all__ = [
    "AUTOENCODER",
    "CLASSIFIER",
    "GAN",
    "OTHER",
    "TEST_LIMIT_ENV",
    "TRAIN_LIMIT_ENV",
    "USER_ERRORS",
    "RunOutcome",
    "RunRequest",
    "TrainingWorker",
    "app_request",
    "env_limit",
    "kind_of_graph",
]


def env_limit(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def app_request(project, out_dir: Path, data: Dataset | None,
                project_path: Path | None = None) -> RunRequest:
    """What the app asks of a run: the project as it was when Train was pressed, a fresh run
    folder, the data set already loaded when the settings allow, and the result views' needs."""
    return RunRequest(
        project,
        project_path=project_path,
        out_dir=Path(out_dir),
        data=data,
        train_limit=env_limit(TRAIN_LIMIT_ENV),
        test_limit=env_limit(TEST_LIMIT_ENV),
        evaluate=True,
    )


class TrainingWorker(QObject):
    dataProgress = Signal(str, int, int)  # message, done bytes, total bytes (0: unknown)
    dataLoaded = Signal(object, str)  # Dataset (for the controller's cache), note or ""
    # dict: data set title and name, training / validation / test samples the run really
    # uses, device, epochs, kind, run folder
    runStarted = Signal(object)
    batchReported = Signal(object)  # dict: the BatchReport's numbers, metrics by name
    # dict: the EpochReport's numbers, metrics by name; a GAN's also has "samples", the
    # generator's drawing after that epoch (uint8 N×C×H×W numpy), so the grid follows the run.
    epochReported = Signal(object)
    evaluating = Signal(int)  # test samples being evaluated after the last batch
    note = Signal(str)
    runFinished = Signal(object)  # RunOutcome
    runFailed = Signal(str)  # a plain message
    runCancelled = Signal()  # stopped before training began

    def __init__(self, request: RunRequest, state: TrainingState,
                 report_every_s: float = 0.1, threads: int = 0) -> None:
        super().__init__()
        self.request = request
        self.state = state
        self.threads = threads  # torch CPU threads for this run (0: leave as they are)
        self._last_progress = (0.0, "")
        self._last_batch_emit = -math.inf
        state.on_batch = self._on_batch
        state.on_epoch = self._on_epoch
        state.on_message = self._on_message
        state.on_progress = self._on_progress
        state.on_data = self._on_data
        state.on_started = self.runStarted.emit
        state.on_evaluating = self.evaluating.emit
        state.report_every_s = report_every_s

    @property
    def abandoned(self) -> bool:
        return self.state.abandoned

    def abandon(self) -> None:
        """The window is closing: stop, and skip whatever is only for someone watching."""
        self.state.abandon()

    def _on_batch(self, report: BatchReport) -> None:
        # The loop also reports each epoch's last batch, however soon after the one before;
        # with epochs of a tenth of a second that doubles what the GUI thread handles, which
        # it takes from training. The epoch's report follows at once and says as much.
        now = time.monotonic()
        if now - self._last_batch_emit < self.state.report_every_s:
            return
        self._last_batch_emit = now
        self.batchReported.emit(report.as_dict())

    def _on_epoch(self, report: EpochReport) -> None:
        numbers = report.record()
        samples = report.extras.get("samples")
        if samples is not None:
            numbers["samples"] = np.asarray(samples.numpy())
        self.epochReported.emit(numbers)

    def _on_message(self, text: str) -> None:
        # Translated here: a queued signal carries plain text, not the message's parts.
        self.note.emit(tr_message(text))

    def _on_data(self, data: object, note: str) -> None:
        if self.request.data is None:
            self.dataLoaded.emit(data, note)

    def _on_progress(self, message: str, done: int, total: int) -> None:
        now = time.monotonic()
        last, last_message = self._last_progress
        if message != last_message or now - last >= PROGRESS_EVERY_S or 0 < total <= done:
            self._last_progress = (now, message)
            self.dataProgress.emit(tr_message(message), done, total)

    @Slot()
    def run(self) -> None:
        threads.use_threads(self.threads)
        try:
            outcome = execute(self.request, self.state)
        except Cancelled:
            outcome = None
        except StudioError as exc:
            self.runFailed.emit(tr_error(exc))
            return
        except Exception as exc:  # a bug, not the user's doing: keep the trace for a report
            text = QCoreApplication.translate("TrainingWorker", "Training failed unexpectedly: %1")
            self.runFailed.emit(threads.unexpected_failure(exc, text))
            return
        if outcome is None:
            self.runCancelled.emit()
        else:
            self.runFinished.emit(outcome)
