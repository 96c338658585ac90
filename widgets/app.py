"""Starting the app: `run(args)` is what `netstudio [PROJECT] [--train] [--screenshot PNG]`
calls. With --train the project is trained with its settings as soon as the window is up; with
--screenshot as well, the window is saved once the run has ended, plots and predictions shown.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from studio.project import ProjectError, load_project

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
UI_FONTS = ["Segoe UI", "Inter", "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans"]
_translators: list[QTranslator] = []


def setup_application(app: QApplication) -> None:
    """Names, style, font, style sheet and translations; safe to call more than once."""
    QCoreApplication.setOrganizationName("NetStudio")
    QCoreApplication.setApplicationName("NetStudio")
    app.setApplicationDisplayName("NetStudio")
    if app.property("netstudioReady"):
        return
    app.setProperty("netstudioReady", True)
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "netstudio.svg")))
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSizeF(10)
    app.setFont(font)
    qss = RESOURCES / "style.qss"
    if qss.is_file():
        icons = (RESOURCES / "icons").as_posix()
        app.setStyleSheet(qss.read_text(encoding="utf-8").replace("@ICONS@", icons))
    translator = QTranslator(app)
    if translator.load(QLocale(), "netstudio", "_", str(RESOURCES / "i18n")):
        app.installTranslator(translator)
        _translators.append(translator)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    setup_application(app)
    return app


def run(args) -> int:
    app = application()
    from widgets.main_window import MainWindow  # after QApplication exists

    project, path = None, None
    open_error = None
    if args.project:
        path = Path(args.project)
        try:
            project = load_project(path)
        except ProjectError as exc:
            if args.screenshot:
                print(f"netstudio: {exc}", file=sys.stderr)
                return 1
            project, path, open_error = None, None, str(exc)

    window = MainWindow(project, path, interactive=not args.screenshot)
    window.show()
    app.processEvents()
    window.view.fit()
    train = getattr(args, "train", False)
    if train and args.screenshot:
        return train_then_screenshot(window, args.screenshot)
    if args.screenshot:
        return screenshot(window, args.screenshot)
    if train:
        window.start_training()
    if open_error:
        window.show_error(window.tr("Cannot open project"), open_error)
    window.offer_autosave_restore()
    return app.exec()


def train_then_screenshot(window, target: str) -> int:
    trained = window.train_and_wait()
    if not trained:
        message = window.training_panel.message.text() or window.training_panel.status.text()
        print(f"netstudio: {message.removeprefix('✗ ')}", file=sys.stderr)
    window.show_page(window.center_tabs.indexOf(window.results))
    window.results.tabs.setCurrentWidget(window.results.predictions)
    status = screenshot(window, target, fit=False)
    return status if trained else 1


def screenshot(window, target: str, fit: bool = True) -> int:
    """Render the whole window as it looks once laid out, then close it."""
    app = QApplication.instance()
    window.summary.refresh_now()
    for _ in range(3):
        app.processEvents()
    if fit:
        window.view.fit()
    app.processEvents()
    image = window.grab()
    ok = image.save(str(target))
    window.close()
    if not ok:
        print(f"netstudio: cannot write the screenshot to {target}", file=sys.stderr)
        return 1
    print(f"Wrote {target}")
    return 0
