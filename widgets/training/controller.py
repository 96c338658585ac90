"""Starts, pauses and stops training runs, and owns their thread.

The controller lives in the GUI thread. The worker's signals arrive at its `@Slot` methods
through queued connections (a lambda would run in the worker's thread instead), and it
re-emits them for the views, which therefore only ever hear from the GUI thread.

A QThread that is garbage-collected while running aborts the process, so the thread is kept
until its `finished` signal, and `shutdown()` stops, quits and waits for it.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studio.data import Dataset
from studio.project import Project, project_from_dict
from studio.training import TrainingState
from widgets.training import threads
from widgets.training.worker import RunOutcome, TrainingWorker, app_request

IDLE, LOADING, RUNNING, PAUSED, STOPPING = "idle", "loading", "running", "paused", "stopping"


def snapshot(project: Project) -> Project:
    """A deep copy through the project format: the run never shares a graph with the editor."""
    return project_from_dict(project.to_dict())


class TrainingController(QObject):
    stateChanged = Signal(str)
    dataProgress = Signal(str, int, int)
    runStarted = Signal(object)  # dict from the worker, plus "project"
    batchReported = Signal(object)
    epochReported = Signal(object)
    evaluating = Signal(int)  # test samples being evaluated after the last batch
    note = Signal(str)
    runFinished = Signal(object)  # RunOutcome
    runFailed = Signal(str)
    runCancelled = Signal()  # stopped while the data set was loading: nothing trained
    runEnded = Signal()  # after finished, failed or cancelled: the controller is idle again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state_name = IDLE
        self.outcome: RunOutcome | None = None
        self.run_dir: Path | None = None
        self._state: TrainingState | None = None
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._cache: tuple[str, Dataset] | None = None
        self.report_every_s = 0.1
        self.torch_threads = threads.reserve_gui_thread()
        self._released = False

    # Commands -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.state_name != IDLE

    def start(self, project: Project, out_dir: Path, project_path: Path | None = None) -> bool:
        """Train a copy of `project`, writing the run into `out_dir`; False if already busy.
        `project_path` is the project's file, which relative data set paths start from."""
        if self.busy:
            return False
        if self._thread is not None:  # the last run's thread is quitting: let it end
            self._release_thread()
        copy = snapshot(project)
        key = json.dumps([copy.dataset, copy.training["seed"]], sort_keys=True)
        cached = self._cache[1] if self._cache and self._cache[0] == key else None
        self._data_key = key
        request = app_request(copy, Path(out_dir), cached, project_path)
        self.run_dir = request.out_dir
        self._state = TrainingState()
        worker = TrainingWorker(request, self._state, self.report_every_s, self.torch_threads)
        thread = QThread(self)
        thread.setObjectName("training")
        worker.moveToThread(thread)
        worker.dataProgress.connect(self._on_data_progress)
        worker.dataLoaded.connect(self._on_data_loaded)
        worker.runStarted.connect(self._on_run_started)
        worker.batchReported.connect(self._on_batch)
        worker.epochReported.connect(self._on_epoch)
        worker.evaluating.connect(self._on_evaluating)
        worker.note.connect(self._on_note)
        worker.runFinished.connect(self._on_finished)
        worker.runFailed.connect(self._on_failed)
        worker.runCancelled.connect(self._on_cancelled)
        thread.started.connect(worker.run)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self._project = copy
        self._set_state(LOADING if cached is None else RUNNING)
        thread.start()
        return True

    def pause(self) -> None:
        if self._state is not None and self.state_name in (RUNNING, LOADING):
            self._state.request_pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self._state is not None and self.state_name == PAUSED:
            self._state.resume()
            self._set_state(RUNNING)

    def toggle_pause(self) -> None:
        self.resume() if self.state_name == PAUSED else self.pause()

    def stop(self) -> None:
        if self._state is not None and self.busy and self.state_name != STOPPING:
            self._state.request_stop()
            self._set_state(STOPPING)

    def shutdown(self) -> None:
        """Stop any run and wait for its thread (the window is closing)."""
        if not self._released:
            self._released = True
            threads.release_gui_thread()
        if self._state is not None:
            self._state.request_stop()
        if self._worker is not None:
            self._worker.abandon()
        thread = self._thread
        if thread is not None:
            thread.quit()
            self._release_thread()

    def _set_state(self, name: str) -> None:
        if name != self.state_name:
            self.state_name = name
            self.stateChanged.emit(name)

    # From the worker (GUI thread, queued) ---------------------------------------------------

    @Slot(str, int, int)
    def _on_data_progress(self, message: str, done: int, total: int) -> None:
        self.dataProgress.emit(message, done, total)

    @Slot(object, str)
    def _on_data_loaded(self, data: Dataset, note: str) -> None:
        self._cache = (self._data_key, data)

    @Slot(object)
    def _on_run_started(self, info: dict) -> None:
        if self.state_name == LOADING:
            self._set_state(RUNNING)
        self.runStarted.emit({**info, "project": self._project})

    @Slot(object)
    def _on_batch(self, report: dict) -> None:
        self.batchReported.emit(report)

    @Slot(object)
    def _on_epoch(self, report: dict) -> None:
        self.epochReported.emit(report)

    @Slot(int)
    def _on_evaluating(self, count: int) -> None:
        self.evaluating.emit(count)

    @Slot(str)
    def _on_note(self, text: str) -> None:
        self.note.emit(text)

    @Slot(object)
    def _on_finished(self, outcome: RunOutcome) -> None:
        self.outcome = outcome
        self._end()
        self.runFinished.emit(outcome)
        self.runEnded.emit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._end()
        self.runFailed.emit(message)
        self.runEnded.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._end()
        self.runCancelled.emit()
        self.runEnded.emit()

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.quit()
        self._set_state(IDLE)

    @Slot()
    def _on_thread_finished(self) -> None:
        # Queued: by the time it arrives a new run may have its own thread; only release ours.
        if self.sender() is self._thread:
            self._release_thread()

    def _release_thread(self) -> None:
        # The worker has no parent and its thread has ended: dropping it deletes it.
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.finished.disconnect(self._on_thread_finished)
            thread.wait()
            thread.deleteLater()
