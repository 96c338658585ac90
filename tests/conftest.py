import os

import pytest
import torch

# The CI machine has two cores: keep torch from oversubscribing them. Under pytest-xdist each
# worker process is one of those cores' worth of tests, so it gets one thread.
torch.set_num_threads(1 if os.environ.get("PYTEST_XDIST_WORKER") else 2)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _seeded():
    torch.manual_seed(0)


def pytest_sessionfinish(session, exitstatus):
    # Qt's offscreen clipboard still holds the last copied QMimeData when the interpreter exits;
    # destroying it after QApplication is gone crashes the process (exit 139) after a green run.
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
            app.processEvents()
