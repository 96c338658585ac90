"""The search's QThread side: runs a studio.search.Search to its end and re-emits what it
reports as signals of plain data. It decides nothing: the trials, their data and their scores
are the engine's.

It never touches a widget. Its signals reach the GUI thread through queued connections to
`@Slot` methods of the SearchController, which lives there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from studio.errors import StudioError
from studio.search import Search, TrialResult
from widgets.i18n import tr_error, tr_message
from widgets.training import threads


class SearchWorker(QObject):
    opened = Signal(object)  # dict: study, folder, space (specs), trials, epochs
    trialStarted = Signal(int, object)  # trial number, its values by key
    epochReported = Signal(int, object)  # trial number, the epoch's record (a dict)
    trialEnded = Signal(object, int, object)  # TrialResult, trials counted, best or None
    note = Signal(str)  # a message of the engine, translated
    finished = Signal(object)  # every TrialResult of the study
    failed = Signal(str)  # a plain message

    def __init__(self, threads_count: int = 0) -> None:
        super().__init__()
        self.search: Search | None = None
        self.threads = threads_count

    # The engine's callbacks (worker thread; the note of a new search: GUI thread) ---------------

    def on_trial_start(self, number: int, values: dict[str, Any]) -> None:
        self.trialStarted.emit(number, dict(values))

    def on_epoch(self, number: int, report: Any) -> None:
        self.epochReported.emit(number, report.record())

    def on_trial(self, result: TrialResult, counted: int, best: TrialResult | None) -> None:
        # A failed trial's message is a studio.messages.Message: translated here, since a
        # queued signal carries plain text.
        if result.error is not None:
            result.error = tr_message(result.error)
        self.trialEnded.emit(result, counted, best)

    def on_message(self, text: str) -> None:
        self.note.emit(tr_message(text))

    # The thread's work ------------------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        search = self.search
        assert search is not None
        threads.use_threads(self.threads)
        try:
            search.open()
            self.opened.emit(
                {
                    "study": search.study_name,
                    "folder": search.folder,
                    "space": search.space.describe(),
                    "trials": search.options.trials,
                    "size": search.space.size() if search.options.sampler == "grid" else None,
                    "epochs": search.project.training["epochs"],
                }
            )
            trials = search.run()
        except StudioError as exc:
            self.failed.emit(tr_error(exc))
            return
        except Exception as exc:  # a bug, not the user's doing: keep the trace for a report
            text = QCoreApplication.translate("SearchWorker", "The search failed unexpectedly: %1")
            self.failed.emit(threads.unexpected_failure(exc, text))
            return
        self.finished.emit(trials)
