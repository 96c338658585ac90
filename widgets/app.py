"""Starting the app: `run(args)` is what `netstudio [PROJECT] [--train] [--screenshot PNG]`
calls. With --train the project is trained with its settings as soon as the window is up; with
--screenshot as well, the window is saved once the run has ended, plots and predictions shown.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from studio import translate
from studio.errors import StudioError
from studio.project import load_project
from widgets import config
from widgets.console_progress import ConsoleProgress
from widgets.i18n import tr_error

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
I18N = RESOURCES / "i18n"
UI_FONTS = ["Segoe UI", "Inter", "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans"]
LANGUAGE_ENV = translate.LANGUAGE_ENV  # en or zh_CN for one start (screenshots, tests)
_translators: list[QTranslator] = []


def interface_language(setting: str | None = None, system: QLocale | None = None) -> str:
    """The language the interface uses: "zh_CN" or "en", chosen as the command line chooses
    (studio.translate.interface_language): NETSTUDIO_LANGUAGE, then `setting` (the saved
    choice, config.language()), then the system's first interface language, which Qt knows
    (LANGUAGE, LC_MESSAGES, LANG on Linux; the user's settings on Windows and macOS)."""
    locale = system if system is not None else QLocale.system()
    preferred = (locale.uiLanguages() or [locale.name()])[0]
    return translate.interface_language(setting or config.language(), preferred)


def install_translations(app: QCoreApplication, language: str) -> bool:
    """Replace the installed translators with those of `language`; False if its file is
    missing. Qt's own translation (standard buttons, file dialogs) comes along where PySide6
    ships one. Widgets made afterwards show the new language; existing ones keep theirs."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(f"netstudio_{language}", str(I18N)):
        return False
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = [qt, ours] if qt.load(f"qtbase_{language}", qt_dir) else [ours]
    for translator in installed:  # the last installed is asked first
        app.installTranslator(translator)
        _translators.append(translator)
    return True


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
    install_translations(app, interface_language())


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
        except StudioError as exc:
            if args.screenshot:
                print(f"netstudio: {exc}", file=sys.stderr)
                return 1
            project, path, open_error = None, None, tr_error(exc)

    window = MainWindow(project, path, interactive=not args.screenshot)
    window.show()
    app.processEvents()
    window.view.fit_readable()
    train = getattr(args, "train", False)
    if train:
        # The console follows the run too: a line per epoch, not 17 silent minutes.
        console = ConsoleProgress(window.training, interface_language())
    if train and args.screenshot:
        return train_then_screenshot(window, args.screenshot)
    if args.screenshot:
        return screenshot(window, args.screenshot)
    if train and open_error:
        console.say(f"netstudio: {open_error}")  # nothing to train: the dialog says why too
    elif train and not window.start_training():
        console.say(window.training_panel.message.text().removeprefix("✗ "))
    if open_error:
        title = QCoreApplication.translate("MainWindow", "Cannot open project")
        window.show_error(title, open_error)
    window.offer_autosave_restore()
    return leave(app.exec())


def leave(status: int) -> int:
    """End the process as soon as the last window has closed and saved what it had to.

    Left to itself, the interpreter then spends seconds (5 to 20 on a busy machine) on
    garbage-collecting PyTorch's modules and on CUDA libraries' exit handlers, while the
    user's window is already gone and the process seems hung. Python's own exit functions
    still run; only that teardown is skipped."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or a broken pipe
            stream.flush()
    os._exit(status)


def train_then_screenshot(window, target: str) -> int:
    trained = window.train_and_wait()
    if not trained:
        message = window.training_panel.message.text() or window.training_panel.status.text()
        print(f"netstudio: {message.removeprefix('✗ ')}", file=sys.stderr)
    window.show_page(window.center_tabs.indexOf(window.results))
    # The first result tab of this kind of model: predictions, reconstructions or samples.
    first = next(
        i for i in range(window.results.tabs.count()) if window.results.tabs.isTabVisible(i)
    )
    window.results.tabs.setCurrentIndex(first)
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
