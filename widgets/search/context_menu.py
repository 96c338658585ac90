""""Search This…" in the right-click menu of a form's parameters: the inspector's (a layer's
parameters) and the training settings'. A form marks each row's label and editor with the
parameter's name; the hook adds the entry to their menu (after a text field's own Cut, Copy
and Paste) and says which name was chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMenu, QWidget

NAME_PROPERTY = "searchName"


class SearchMenuHook(QObject):
    """`requested(name)`: the user chose "Search This…" on the row of `name`, prefixed by
    `prefix()` when there is one (the inspector's node: "dense_1.units")."""

    requested = Signal(str)

    def __init__(self, parent: QObject, prefix: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix

    def watch(self, name: str, *widgets: QWidget) -> None:
        """Offer "Search This…" on these widgets (and what they are made of) for `name`."""
        for widget in widgets:
            for w in (widget, *widget.findChildren(QWidget)):
                w.setProperty(NAME_PROPERTY, name)
                w.installEventFilter(self)

    def target(self, widget: QObject) -> str | None:
        name = widget.property(NAME_PROPERTY)
        if not name:
            return None
        prefix = self.prefix() if self.prefix is not None else None
        if self.prefix is not None and not prefix:
            return None
        return f"{prefix}.{name}" if prefix else str(name)

    def menu_for(self, widget: QObject) -> QMenu | None:
        """The widget's right-click menu with "Search This…" added; None off a watched row."""
        target = self.target(widget)
        if target is None:
            return None
        if isinstance(widget, QLineEdit):
            menu = widget.createStandardContextMenu()
        elif isinstance(widget, QAbstractSpinBox) and widget.lineEdit() is not None:
            menu = widget.lineEdit().createStandardContextMenu()
        else:
            menu = QMenu()
        if menu.actions():
            menu.addSeparator()
        action = menu.addAction(self.tr("Search This…"))
        action.setObjectName("searchThis")
        action.setStatusTip(
            self.tr("Add %1 to the search space and open the Search dialog").replace(
                "%1", target)
        )
        action.triggered.connect(lambda checked=False, t=target: self.requested.emit(t))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu:
            return False
        menu = self.menu_for(watched)
        if menu is None:
            return False
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True
