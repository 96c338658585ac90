"""The editor of a text parameter (studio.params.TextParam): a line of text, and for
a folder's path a button that chooses the folder.

Like the other editors (widgets.param_editors) it shows a value and emits `edited(value)` when
the user changes it; the graph validates the value.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QToolButton, QWidget

from studio.params import TextParam
from widgets.i18n import tr_layers


class TextEditor(QWidget):
    edited = Signal(object)

    def __init__(self, param: TextParam) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.line = QLineEdit()
        self.line.setMaxLength(param.max_length)
        self.line.setPlaceholderText(tr_layers(param.placeholder))
        self.line.editingFinished.connect(self._finished)
        layout.addWidget(self.line, 1)
        self.browse: QToolButton | None = None
        if param.browse == "folder":
            self.browse = QToolButton()
            self.browse.setText("…")
            self.browse.setToolTip(self.tr("Choose the folder"))
            self.browse.clicked.connect(self._choose_folder)
            layout.addWidget(self.browse)
        self._value = ""

    @Slot()
    def _finished(self) -> None:
        text = self.line.text()
        if text != self._value:
            self._value = text
            self.edited.emit(text)

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder"),
                                                  self.line.text())
        if folder:
            self.line.setText(folder)
            self._finished()

    def set_value(self, value: Any) -> None:
        self._value = str(value)
        self.line.blockSignals(True)
        self.line.setText(self._value)
        self.line.setCursorPosition(0)
        self.line.blockSignals(False)
