"""A short job (an export) on its own QThread, reporting back through queued signals to @Slot
methods in the GUI thread, so a dialog stays responsive while ONNX or torch.export traces."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from widgets.i18n import tr_error
from widgets.training import threads
from widgets.training.worker import USER_ERRORS


class _Runner(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except USER_ERRORS as exc:
            self.failed.emit(tr_error(exc))
        except Exception as exc:  # the exporters raise many kinds; the user gets one line
            text = QCoreApplication.translate("jobs", "It failed unexpectedly: %1")
            self.failed.emit(threads.unexpected_failure(exc, text))
        else:
            self.done.emit(result)


class BackgroundJob(QObject):
    """Runs `work()` on a thread; emits done(result) or failed(message) in the GUI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = _Runner(work)
        self._thread = QThread(self)
        self._runner.moveToThread(self._thread)
        self._runner.done.connect(self._on_done)
        self._runner.failed.connect(self._on_failed)
        self._thread.started.connect(self._runner.run)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.wait()
        self.done.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.wait()
        self.failed.emit(message)
