"""The main window's actions, menus and toolbar, with their shortcuts."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from studio.templates import load_template, template_names

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
Key = QKeySequence.StandardKey


def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def _action(
    window: QMainWindow, text: str, slot, shortcuts=(), icon_name: str = "", tip: str = ""
) -> QAction:
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
        action.setToolTip(f"{text.replace('&', '').rstrip('.…')} ({shown})")
    action.triggered.connect(lambda checked=False: slot())
    window.addAction(action)
    return action


def build_actions(w) -> SimpleNamespace:
    tr = w.tr
    a = SimpleNamespace()
    a.new = _action(
        w, tr("&New Empty Model"), w.new_empty, [Key.New], "new", tr("Start an empty model")
    )
    a.open = _action(w, tr("&Open…"), w.open_dialog, [Key.Open], "open", tr("Open a project file"))
    a.save = _action(w, tr("&Save"), w.save, [Key.Save], "save", tr("Save the project"))
    a.save_as = _action(
        w, tr("Save &As…"), w.save_as, ["Ctrl+Shift+S"], "", tr("Save the project under a new name")
    )
    a.quit = _action(w, tr("&Quit"), w.close, ["Ctrl+Q"])

    a.undo = _action(w, tr("&Undo"), w.document.undo, [Key.Undo], "undo")
    a.redo = _action(w, tr("&Redo"), w.document.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
    a.cut = _action(w, tr("Cu&t"), w.cut, [Key.Cut])
    a.copy = _action(w, tr("&Copy"), w.copy, [Key.Copy])
    a.paste = _action(w, tr("&Paste"), w.paste, [Key.Paste])
    a.duplicate = _action(w, tr("D&uplicate"), w.duplicate, ["Ctrl+D"])
    a.delete = _action(
        w,
        tr("&Delete"),
        w.delete_selection,
        ["Delete", "Backspace"],
        "delete",
        tr("Delete the selected layers and connections"),
    )
    a.select_all = _action(w, tr("Select &All"), w.select_all, [Key.SelectAll])

    a.zoom_in = _action(w, tr("Zoom &In"), w.view.zoom_in, ["Ctrl+=", "Ctrl++"], "zoom-in")
    a.zoom_out = _action(w, tr("Zoom &Out"), w.view.zoom_out, ["Ctrl+-"], "zoom-out")
    a.zoom_reset = _action(w, tr("&Actual Size"), lambda: w.view.set_zoom(1.0), ["Ctrl+0"])
    a.fit = _action(w, tr("&Fit to View"), w.view.fit, ["F"], "fit", tr("Show the whole model"))
    a.arrange = _action(
        w,
        tr("Auto-&Arrange"),
        w.auto_arrange,
        ["Ctrl+L"],
        "arrange",
        tr("Lay the model out left to right"),
    )
    a.about = _action(w, tr("&About NetStudio"), w.show_about)
    return a


def build_menus(w, a: SimpleNamespace) -> None:
    tr = w.tr
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(a.new)
    w.templates_menu = file_menu.addMenu(tr("New from &Template"))
    for name in template_names():
        project = load_template(name)
        action = w.templates_menu.addAction(project.name)
        action.setStatusTip(project.description)
        action.setObjectName(f"template_{name}")
        action.triggered.connect(lambda checked=False, n=name: w.new_from_template(n))
    file_menu.addSeparator()
    file_menu.addAction(a.open)
    w.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(a.save)
    file_menu.addAction(a.save_as)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu(tr("&Edit"))
    for item in (
        a.undo,
        a.redo,
        None,
        a.cut,
        a.copy,
        a.paste,
        a.duplicate,
        a.delete,
        None,
        a.select_all,
    ):
        edit.addSeparator() if item is None else edit.addAction(item)

    view = bar.addMenu(tr("&View"))
    for item in (a.zoom_in, a.zoom_out, a.zoom_reset, a.fit, None, a.arrange):
        view.addSeparator() if item is None else view.addAction(item)

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(a.about)


def build_toolbar(w, a: SimpleNamespace) -> QToolBar:
    bar = QToolBar(w.tr("Main"), w)
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
    a.new.setIconText(w.tr("New"))
    a.fit.setIconText(w.tr("Fit"))
    a.arrange.setIconText(w.tr("Arrange"))
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
        empty = menu.addAction(menu.tr("No recent files"))
        empty.setEnabled(False)
    menu.addSeparator()
    menu.addAction(menu.tr("Clear Menu"), clear)
