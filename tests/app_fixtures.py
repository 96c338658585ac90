"""Fixtures for the app's pytest-qt tests: a private config folder, message boxes that answer
by themselves (and record what they were asked), and main windows closed after each test.
Test modules load them with `pytest_plugins = ["app_fixtures"]`; nothing here is autouse, so
the engine's tests are untouched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from studio.project import Project


class MessageBoxes:
    """Stands in for QMessageBox's static functions: records calls, gives `answer`."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Cancel

    def fake(self, kind: str):
        def ask(parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            return self.answer

        return staticmethod(ask)

    def kinds(self) -> list[str]:
        return [c[0] for c in self.calls]


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    path = tmp_path / "config"
    monkeypatch.setenv("NETSTUDIO_CONFIG_DIR", str(path))
    monkeypatch.delenv("NETSTUDIO_RESTORE_AUTOSAVE", raising=False)
    return path


@pytest.fixture
def message_boxes(monkeypatch):
    boxes = MessageBoxes()
    for kind in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, boxes.fake(kind))
    return boxes


@pytest.fixture
def make_window(qtbot, qapp, config_dir, message_boxes):
    from widgets.app import setup_application
    from widgets.main_window import MainWindow

    setup_application(qapp)
    windows = []

    def make(project: Project | None = None, path=None, interactive: bool = True):
        window = MainWindow(project, path, interactive=interactive)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window._closing = True  # no prompt on teardown
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()
