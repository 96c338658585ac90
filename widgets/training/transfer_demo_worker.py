"""The transfer-learning demo's QThread side: it hands the demo to the engine
(studio.transfer_demo.run_demo: every model an ordinary run of the run pipeline) and re-emits
what happens as signals of plain data. It decides nothing and never touches a widget; its
signals reach `@Slot` methods of the demo's window in the GUI thread.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from studio.errors import StudioError
from studio.training import BatchReport, EpochReport, TrainingState
from studio.transfer_demo import DemoSettings, VariantRun, demo_dataset, run_demo
from widgets.i18n import tr_error, tr_message
from widgets.training import threads


class TransferDemoWorker(QObject):
    # the data set's name, its title, and the title of the one it stands in for ("": none)
    dataReady = Signal(str, str, str)
    stageStarted = Signal(str, object)  # "pretrain" or a variant; the pipeline's started info
    batchReported = Signal(str, object)  # stage, the BatchReport's numbers
    epochReported = Signal(str, object)  # stage, the EpochReport's numbers
    runEnded = Signal(object)  # VariantRun: one of the three models, finished or stopped
    note = Signal(str)
    finished = Signal(object)  # DemoResult
    failed = Signal(str)

    def __init__(self, root: Path, settings: DemoSettings, torch_threads: int = 0,
                 report_every_s: float = 0.1) -> None:
        super().__init__()
        self.root = root
        self.settings = settings
        self.torch_threads = torch_threads
        self.report_every_s = report_every_s
        self._stop = threading.Event()
        self._state: TrainingState | None = None
        self._lock = threading.Lock()
        self._last_batch = 0.0

    def stop(self) -> None:
        """From any thread: the run under way stops, and nothing more trains."""
        self._stop.set()
        with self._lock:
            if self._state is not None:
                self._state.request_stop()

    def _new_state(self, stage: str) -> TrainingState:
        state = TrainingState(report_every_s=self.report_every_s)
        state.on_started = lambda info: self.stageStarted.emit(stage, dict(info))
        state.on_batch = lambda report: self._on_batch(stage, report)
        state.on_epoch = lambda report: self._on_epoch(stage, report)
        state.on_message = lambda text: self.note.emit(tr_message(text))
        with self._lock:
            self._state = state
            if self._stop.is_set():
                state.request_stop()
        return state

    def _on_batch(self, stage: str, report: BatchReport) -> None:
        now = time.monotonic()
        if now - self._last_batch >= self.report_every_s:
            self._last_batch = now
            self.batchReported.emit(stage, report.as_dict())

    def _on_epoch(self, stage: str, report: EpochReport) -> None:
        self.epochReported.emit(stage, report.record())

    def _on_run(self, run: VariantRun) -> None:
        self.runEnded.emit(run)

    @Slot()
    def run(self) -> None:
        threads.use_threads(self.torch_threads)
        try:
            data = demo_dataset()
            self.dataReady.emit(data.data.name, data.data.title, data.stand_in_for or "")
            result = run_demo(self.root, self.settings, self._new_state, on_run=self._on_run,
                              stopped=self._stop.is_set, demo_data=data)
        except StudioError as exc:
            self.failed.emit(tr_error(exc))
            return
        except Exception as exc:  # a bug, not the user's doing: keep the trace for a report
            text = QCoreApplication.translate(
                "TransferDemoWorker", "The demo failed unexpectedly: %1"
            )
            self.failed.emit(threads.unexpected_failure(exc, text))
            return
        self.finished.emit(result)
