"""Starts and stops a search, owns its thread, and keeps what the view shows: the pending
space (what "Search this…" adds to), the trials as they start and end, and each trial's
validation curve.

The controller lives in the GUI thread. The worker's signals arrive at its `@Slot` methods
through queued connections and are re-emitted for the views. A QThread garbage-collected
while running aborts the process, so `shutdown()` stops, quits and waits for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studio.project import Project
from studio.search import COMPLETE, RUNNING, Search, SearchOptions, TrialResult
from studio.search_space import SearchSpace, SearchSpaceError, default_spec
from widgets.training import threads
from widgets.training.worker import TEST_LIMIT_ENV, TRAIN_LIMIT_ENV, env_limit

IDLE, OPENING, SEARCHING, STOPPING = "idle", "opening", "searching", "stopping"


@dataclass
class TrialRow:
    """One trial as the view shows it, from its start to its end."""

    number: int
    params: dict[str, Any]
    state: str = RUNNING
    score: float | None = None
    epochs: int = 0
    seconds: float | None = None
    run: str | None = None
    error: str | None = None
    curve: list[tuple[int, float]] = field(default_factory=list)  # (epoch, objective)


def spec_key(spec: str) -> str:
    return spec.partition("=")[0].strip()


class SearchController(QObject):
    spaceChanged = Signal()
    stateChanged = Signal(str)
    started = Signal(object)  # the worker's `opened` dict
    trialChanged = Signal(int)  # a trial started, reported an epoch, or ended
    note = Signal(str)
    ended = Signal(bool)  # whether it was stopped (the finished trials stay)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: list[str] = []  # the specs of the next search
        self.state_name = IDLE
        self.options: SearchOptions | None = None
        self.info: dict[str, Any] = {}
        self.trials: dict[int, TrialRow] = {}
        self.best: int | None = None
        self.notes: list[str] = []
        self.folder: Path | None = None
        self.direction = "maximize"
        self.space: SearchSpace | None = None  # the running (or last) search's
        self._thread: QThread | None = None
        self._worker = None
        self._search: Search | None = None
        self.torch_threads = threads.reserve_gui_thread()
        self._released = False

    # The pending space ----------------------------------------------------------------------

    def add_dimension(self, name: str, project: Project) -> str:
        """Search `name` (a training setting or NODE.PARAM) in the next search, from a first
        guess around its value (replacing a spec of that name); the spec. SearchSpaceError
        when it cannot be searched."""
        spec = default_spec(name, project)
        key = spec_key(spec)
        for i, old in enumerate(self.pending):
            if spec_key(old) == key:
                self.pending[i] = spec
                break
        else:
            self.pending.append(spec)
        self.spaceChanged.emit()
        return spec

    def set_pending(self, specs: list[str]) -> None:
        self.pending = list(specs)
        self.spaceChanged.emit()

    def forget(self) -> None:
        """Another project: its own space and no trials of the last one's."""
        if self.busy:
            self.stop()
            worker = self._worker
            if worker is not None:  # what it still reports belongs to the project before
                for signal, slot in ((worker.opened, self._on_opened),
                                     (worker.trialStarted, self._on_trial_started),
                                     (worker.epochReported, self._on_epoch),
                                     (worker.trialEnded, self._on_trial_ended)):
                    signal.disconnect(slot)
        self.pending, self.trials, self.best, self.info, self.notes = [], {}, None, {}, []
        self.folder, self.space, self.options = None, None, None
        self.spaceChanged.emit()
        self.trialChanged.emit(-1)

    # Commands -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.state_name != IDLE

    def start(self, project: Project, project_path: Path | None, options: SearchOptions) -> None:
        """Search a copy of `project` on a thread. StudioError (a plain message) when the
        engine refuses the space or the options; nothing starts then."""
        from widgets.search.worker import SearchWorker
        from widgets.training.controller import snapshot

        if self.busy:
            return
        if self._thread is not None:
            self._release_thread()
        options.train_limit = options.train_limit or env_limit(TRAIN_LIMIT_ENV)
        options.test_limit = options.test_limit or env_limit(TEST_LIMIT_ENV)
        worker = SearchWorker(self.torch_threads)
        worker.note.connect(self._on_note)
        self.notes = []
        search = Search(
            snapshot(project), project_path, options,
            on_trial=worker.on_trial, on_message=worker.on_message, on_epoch=worker.on_epoch,
            on_trial_start=worker.on_trial_start,
        )  # raises here, in the GUI thread, before anything starts
        worker.search = search
        self._search, self.options = search, options
        self.direction, self.space = search.direction, search.space
        self.trials, self.best, self.info, self.folder = {}, None, {}, None
        thread = QThread(self)
        thread.setObjectName("search")
        worker.moveToThread(thread)
        worker.opened.connect(self._on_opened)
        worker.trialStarted.connect(self._on_trial_started)
        worker.epochReported.connect(self._on_epoch)
        worker.trialEnded.connect(self._on_trial_ended)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        thread.started.connect(worker.run)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self._set_state(OPENING)
        self.trialChanged.emit(-1)
        thread.start()

    def stop(self) -> None:
        """Stop after the running trial's current batch; the finished trials stay."""
        if self._search is not None and self.busy and self.state_name != STOPPING:
            self._search.stop()
            self._set_state(STOPPING)

    def shutdown(self) -> None:
        """Stop any search and wait for its thread (the window is closing)."""
        if not self._released:
            self._released = True
            threads.release_gui_thread()
        if self._search is not None:
            self._search.stop()
        if self._thread is not None:
            self._thread.quit()
            self._release_thread()

    def best_row(self) -> TrialRow | None:
        return self.trials.get(self.best) if self.best is not None else None

    def _set_state(self, name: str) -> None:
        if name != self.state_name:
            self.state_name = name
            self.stateChanged.emit(name)

    # From the worker (GUI thread, queued) ---------------------------------------------------

    @Slot(str)
    def _on_note(self, text: str) -> None:
        self.notes.append(text)
        self.note.emit(text)

    @Slot(object)
    def _on_opened(self, info: dict) -> None:
        self.info, self.folder = info, info["folder"]
        if self.state_name == OPENING:
            self._set_state(SEARCHING)
        self.started.emit(info)

    @Slot(int, object)
    def _on_trial_started(self, number: int, values: dict) -> None:
        self.trials[number] = TrialRow(number, dict(values))
        self.trialChanged.emit(number)

    @Slot(int, object)
    def _on_epoch(self, number: int, record: dict) -> None:
        row = self.trials.get(number)
        objective = self.options.objective if self.options else "val_accuracy"
        value = record.get(objective)
        if row is None or value is None:
            return
        row.epochs = int(record["epoch"])
        row.curve.append((row.epochs, float(value)))
        self.trialChanged.emit(number)

    @Slot(object, int, object)
    def _on_trial_ended(self, result: TrialResult, counted: int, best: object) -> None:
        row = self.trials.setdefault(result.number, TrialRow(result.number, dict(result.params)))
        row.params = dict(result.params) or row.params
        row.state, row.score, row.epochs = result.state, result.score, result.epochs
        row.seconds, row.run, row.error = result.seconds, result.run, result.error
        if isinstance(best, TrialResult) and best.state == COMPLETE:
            self.best = best.number
        self.trialChanged.emit(result.number)

    @Slot(object)
    def _on_finished(self, trials: list) -> None:
        stopped = self.state_name == STOPPING
        self._end()
        self.ended.emit(stopped)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.quit()
        self._search = None
        self._set_state(IDLE)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.sender() is self._thread:
            self._release_thread()

    def _release_thread(self) -> None:
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.finished.disconnect(self._on_thread_finished)
            thread.wait()
            thread.deleteLater()


__all__ = ["IDLE", "OPENING", "SEARCHING", "STOPPING", "SearchController", "SearchSpaceError",
           "TrialRow", "spec_key"]
