"""The main window's actions, menus and toolbar, with their shortcuts."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar

from studio.templates import load_template, template_names
from widgets import config
from widgets.i18n import template_text

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
Key = QKeySequence.StandardKey
# Each language by its own name, so that anyone can find theirs.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文（简体）"}
RESTART_NOTE = (
    "The new language takes effect when NetStudio restarts.\n"
    "新的界面语言将在 NetStudio 重新启动后生效。"
)


def _tr(text: str) -> str:
    # The window's context: these texts belong to the main window, whose tr() they replace.
    return QCoreApplication.translate("MainWindow", text)


def plain_text(text: str) -> str:
    """A menu text as a button or a tooltip shows it, without its mnemonic: "&Open…" and
    "打开(&O)…" (Chinese puts the key in brackets) become "Open" and "打开"."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "").rstrip(".…").strip()


class ToolBar(QToolBar):
    """A tool bar whose buttons show their action's text without a bracketed mnemonic, which
    Qt would keep ("打开(O)"); an icon text the app sets itself is left alone."""

    def actionEvent(self, event) -> None:
        super().actionEvent(event)
        action = event.action()
        if event.type() == QEvent.Type.ActionAdded and action.property("plainIconText") is None:
            action.setProperty("plainIconText", "")
            action.changed.connect(lambda a=action: _plain_icon_text(a))
            _plain_icon_text(action)


def _plain_icon_text(action: QAction) -> None:
    ours = action.property("plainIconText")
    if "(&" not in action.text() or (ours and action.iconText() != ours):
        return  # no bracketed mnemonic, or an icon text set elsewhere
    plain = plain_text(action.text())
    if action.iconText() != plain:
        action.setProperty("plainIconText", plain)
        action.setIconText(plain)


def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def _action(
    window: QMainWindow,
    text: str,
    slot,
    shortcuts=(),
    icon_name: str = "",
    tip: str = "",
    scope=None,
) -> QAction:
    """An action of the window; with a `scope` widget, its shortcuts work only while the
    focus is in that widget (the canvas: Delete must not act while another page is shown)."""
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    keys = []
    for s in shortcuts:
        keys += (
            QKeySequence.keyBindings(s)
            if isinstance(s, QKeySequence.StandardKey)
            else [QKeySequence(s)]
        )
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
    if keys:
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain_text(text)} ({shown})")
    action.triggered.connect(lambda checked=False: slot())
    if scope is None:
        window.addAction(action)
    else:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        scope.addAction(action)
    return action


def build_actions(w) -> SimpleNamespace:
    a = SimpleNamespace()
    a.new = _action(
        w, _tr("&New Empty Model"), w.new_empty, [Key.New], "new", _tr("Start an empty model")
    )
    a.open = _action(
        w, _tr("&Open…"), w.open_dialog, [Key.Open], "open", _tr("Open a project file")
    )
    a.import_model = _action(
        w,
        _tr("&Import Model…"),
        w.import_dialog,
        ["Ctrl+I"],
        "",
        _tr("Open a model made elsewhere: Keras code (.py) or an ONNX file"),
    )
    a.paste_keras = _action(
        w,
        _tr("Paste &Keras Code…"),
        w.paste_keras_dialog,
        [],
        "",
        _tr("Import a model from Keras code pasted into a box"),
    )
    a.save = _action(w, _tr("&Save"), w.save, [Key.Save], "save", _tr("Save the project"))
    a.save_as = _action(
        w,
        _tr("Save &As…"),
        w.save_as,
        ["Ctrl+Shift+S"],
        "",
        _tr("Save the project under a new name"),
    )
    a.quit = _action(w, _tr("&Quit"), w.close, ["Ctrl+Q"])

    a.undo = _action(w, _tr("&Undo"), w.document.undo, [Key.Undo], "undo")
    a.redo = _action(w, _tr("&Redo"), w.document.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
    # Editing shortcuts belong to the canvas: they act on what it shows, only while it has the
    # focus (not on the Training page, not in a text field). The menus still offer them.
    canvas = w.view
    a.cut = _action(w, _tr("Cu&t"), w.cut, [Key.Cut], scope=canvas)
    a.copy = _action(w, _tr("&Copy"), w.copy, [Key.Copy], scope=canvas)
    a.paste = _action(w, _tr("&Paste"), w.paste, [Key.Paste], scope=canvas)
    a.duplicate = _action(w, _tr("D&uplicate"), w.duplicate, ["Ctrl+D"], scope=canvas)
    a.delete = _action(
        w,
        _tr("&Delete"),
        w.delete_selection,
        ["Delete", "Backspace"],
        "delete",
        _tr("Delete the selected layers and connections"),
        scope=canvas,
    )
    a.dissolve = _action(
        w,
        _tr("Delete and &Reconnect"),
        w.dissolve_selection,
        ["Ctrl+Delete", "Ctrl+Backspace"],
        "",
        _tr("Delete the selected layer and connect its input to the layers it fed"),
        scope=canvas,
    )
    a.select_all = _action(w, _tr("Select &All"), w.select_all, [Key.SelectAll], scope=canvas)

    a.zoom_in = _action(w, _tr("Zoom &In"), w.view.zoom_in, ["Ctrl+=", "Ctrl++"], "zoom-in")
    a.zoom_out = _action(w, _tr("Zoom &Out"), w.view.zoom_out, ["Ctrl+-"], "zoom-out")
    a.zoom_reset = _action(w, _tr("&Actual Size"), lambda: w.view.set_zoom(1.0), ["Ctrl+0"])
    a.fit = _action(w, _tr("&Fit to View"), w.view.fit, ["F"], "fit", _tr("Show the whole model"))
    a.arrange = _action(
        w,
        _tr("Auto-&Arrange"),
        w.auto_arrange,
        ["Ctrl+L"],
        "arrange",
        _tr("Lay the model out left to right"),
        scope=canvas,
    )
    a.about = _action(w, _tr("&About NetStudio"), w.show_about)
    return a


def build_menus(w, a: SimpleNamespace) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    file_menu.addAction(a.new)
    w.templates_menu = file_menu.addMenu(_tr("New from &Template"))
    for name in template_names():
        project = load_template(name)
        action = w.templates_menu.addAction(template_text(project.name))
        action.setStatusTip(template_text(project.description))
        action.setObjectName(f"template_{name}")
        action.triggered.connect(lambda checked=False, n=name: w.new_from_template(n))
    file_menu.addSeparator()
    file_menu.addAction(a.open)
    w.recent_menu = file_menu.addMenu(_tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addAction(a.import_model)
    file_menu.addAction(a.paste_keras)
    file_menu.addSeparator()
    file_menu.addAction(a.save)
    file_menu.addAction(a.save_as)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu(_tr("&Edit"))
    for item in (
        a.undo,
        a.redo,
        None,
        a.cut,
        a.copy,
        a.paste,
        a.duplicate,
        a.delete,
        a.dissolve,
        None,
        a.select_all,
    ):
        edit.addSeparator() if item is None else edit.addAction(item)

    view = bar.addMenu(_tr("&View"))
    for item in (a.zoom_in, a.zoom_out, a.zoom_reset, a.fit, None, a.arrange):
        view.addSeparator() if item is None else view.addAction(item)

    settings_menu = bar.addMenu(_tr("&Settings"))
    w.language_menu = settings_menu.addMenu(_tr("&Language"))
    w.language_actions = build_language_menu(w, w.language_menu)

    help_menu = bar.addMenu(_tr("&Help"))
    help_menu.addAction(a.about)


def build_language_menu(w, menu: QMenu) -> dict[str, QAction]:
    """System / English / 中文: one checked, saved in the config, applied at the next start."""
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = config.language()
    actions = {}
    for value in config.LANGUAGES:
        text = _tr("System") if value == "system" else LANGUAGE_NAMES[value]
        action = menu.addAction(text)
        action.setObjectName(f"language_{value}")
        action.setCheckable(True)
        action.setChecked(value == current)
        if value == "system":
            action.setStatusTip(_tr("Follow the language of the operating system"))
        group.addAction(action)
        action.triggered.connect(lambda checked=False, v=value: choose_language(w, v))
        actions[value] = action
    return actions


def choose_language(w, value: str) -> None:
    if value == config.language():
        return
    config.set_language(value)
    if getattr(w, "interactive", True):
        QMessageBox.information(w, _tr("Language"), RESTART_NOTE)
    else:
        w.statusBar().showMessage(RESTART_NOTE.replace("\n", " "), 8000)


def build_toolbar(w, a: SimpleNamespace) -> QToolBar:
    bar = ToolBar(_tr("Main"), w)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for item in (
        a.new,
        a.open,
        a.save,
        None,
        a.undo,
        a.redo,
        a.delete,
        None,
        a.zoom_out,
        a.zoom_in,
        a.fit,
        a.arrange,
    ):
        bar.addSeparator() if item is None else bar.addAction(item)
    for action in (a.zoom_in, a.zoom_out, a.undo, a.redo):
        bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    a.new.setIconText(_tr("New"))
    a.fit.setIconText(_tr("Fit"))
    a.arrange.setIconText(_tr("Arrange"))
    w.addToolBar(bar)
    return bar


def recent_menu_entries(menu: QMenu, files: list[str], open_path, clear) -> None:
    menu.clear()
    existing = [f for f in files if Path(f).is_file()]
    for i, path in enumerate(existing, 1):
        action = menu.addAction(f"&{i}  {Path(path).name}")
        action.setStatusTip(path)
        action.setToolTip(path)
        action.triggered.connect(lambda checked=False, p=path: open_path(p))
    if not existing:
        empty = menu.addAction(_tr("No recent files"))
        empty.setEnabled(False)
    menu.addSeparator()
    menu.addAction(_tr("Clear Menu"), clear)
