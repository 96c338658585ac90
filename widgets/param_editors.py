"""Typed editors built from a layer's parameter declarations.

Each editor shows a value and emits `edited(value)` when the user changes it; the graph
validates the value (the editors only use the declared limits as their ranges).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from studio.params import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    ShapeParam,
    SizeParam,
    TextParam,
)
from widgets.i18n import choice_label, param_help, param_label, tr_message
from widgets.text_param_editor import TextEditor

INT_LIMIT = 2**31 - 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("ParamEditors", text)


class IntEditor(QSpinBox):
    edited = Signal(object)

    def __init__(self, param: IntParam) -> None:
        super().__init__()
        self.setRange(max(param.minimum, -INT_LIMIT), min(param.maximum, INT_LIMIT))
        self.setKeyboardTracking(False)
        self.setAccelerated(True)
        self.valueChanged.connect(lambda v: self.edited.emit(int(v)))

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setValue(int(value))
        self.blockSignals(False)


class FloatEditor(QDoubleSpinBox):
    """Shows numbers as written (0.001, 1e-05), steps by a tenth of the value's magnitude."""

    edited = Signal(object)

    def __init__(self, param: FloatParam) -> None:
        super().__init__()
        self.setDecimals(12)
        self.setRange(param.minimum, param.maximum)
        self.setKeyboardTracking(False)
        self.valueChanged.connect(lambda v: self.edited.emit(float(v)))

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            value = float(text.strip().replace(",", "."))
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:
        value = self.value()
        magnitude = abs(value) if value else max(self.minimum(), 0.01)
        step = 10 ** math.floor(math.log10(magnitude)) / (10 if magnitude < 1 else 1)
        step = max(step, 1e-12)
        self.setValue(round(value + steps * step, 12))

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setValue(float(value))
        self.blockSignals(False)


class BoolEditor(QCheckBox):
    edited = Signal(object)

    def __init__(self, param: BoolParam) -> None:
        super().__init__()
        self.toggled.connect(lambda v: self.edited.emit(bool(v)))

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setChecked(bool(value))
        self.blockSignals(False)


class ChoiceEditor(QComboBox):
    edited = Signal(object)

    def __init__(self, param: ChoiceParam) -> None:
        super().__init__()
        for choice in param.choices:
            self.addItem(choice_label(choice), choice)
        self.activated.connect(lambda i: self.edited.emit(self.itemData(i)))

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(value)))
        self.blockSignals(False)


class SizeEditor(QWidget):
    """One spin box per number, within the declared limits: a size as height × width (depth ×
    height × width), or, where the parameter names its numbers (ZeroPadding1D's before and
    after), each box after its name."""

    edited = Signal(object)

    def __init__(self, param: SizeParam) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.boxes: list[QSpinBox] = []
        for i, name in enumerate(_axis_names(param)):
            box = QSpinBox()
            box.setRange(param.minimum, param.maximum)
            box.setKeyboardTracking(False)
            box.setToolTip(name)
            # Room for the largest number and the arrows, no more: the style sheet's padding
            # would otherwise make three boxes wider than the inspector.
            digits = box.fontMetrics().horizontalAdvance("8" * len(str(param.maximum)))
            box.setMinimumWidth(digits + 36)
            box.valueChanged.connect(self._changed)
            if param.is_extent:
                if i:
                    times = QLabel("×")
                    times.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    layout.addWidget(times)
            else:
                label = QLabel(name)
                label.setBuddy(box)
                layout.addWidget(label)
            layout.addWidget(box, 1)
            self.boxes.append(box)

    @property
    def height_box(self) -> QSpinBox:
        return self.boxes[-2]

    @property
    def width_box(self) -> QSpinBox:
        return self.boxes[-1]

    def _changed(self) -> None:
        self.edited.emit(tuple(box.value() for box in self.boxes))

    def set_value(self, value: Any) -> None:
        values = (value,) * len(self.boxes) if isinstance(value, int) else value
        for box, v in zip(self.boxes, values, strict=True):
            box.blockSignals(True)
            box.setValue(int(v))
            box.blockSignals(False)


def _axis_names(param: SizeParam) -> list[str]:
    """What each box holds, in the interface language."""
    if not param.is_extent:
        return [tr_message(name) for name in param.axes]
    names = [_tr("Depth"), _tr("Height"), _tr("Width")]
    return names[-param.dims :]


class ShapeEditor(QLineEdit):
    """A shape typed as numbers separated by commas or ×, e.g. "1, 28, 28"."""

    edited = Signal(object)

    def __init__(self, param: ShapeParam) -> None:
        super().__init__()
        self.setPlaceholderText("1, 28, 28")
        self._value: tuple[int, ...] = ()
        self.editingFinished.connect(self._finish)

    def _finish(self) -> None:
        text = self.text().replace("×", ",").replace("x", ",").replace(" ", ",")
        parts = [p for p in text.split(",") if p]
        try:
            value = tuple(int(p) for p in parts)
        except ValueError:
            value = None
        if value is None or not value:
            # Let the model explain what a shape must look like.
            self.edited.emit(self.text())
            return
        if value != self._value:
            self.edited.emit(list(value))

    def set_value(self, value: Any) -> None:
        self._value = tuple(value)
        self.blockSignals(True)
        self.setText(", ".join(str(v) for v in value))
        self.blockSignals(False)


def make_editor(param: Param) -> QWidget:
    for kind, editor in (
        (BoolParam, BoolEditor),
        (IntParam, IntEditor),
        (FloatParam, FloatEditor),
        (ChoiceParam, ChoiceEditor),
        (SizeParam, SizeEditor),
        (ShapeParam, ShapeEditor),
        (TextParam, TextEditor),
    ):
        if isinstance(param, kind):
            widget = editor(param)
            break
    else:
        raise TypeError(f"no editor for {type(param).__name__}")
    if isinstance(widget, QAbstractSpinBox):
        widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    widget.setObjectName(f"param_{param.name}")
    return widget


def labelled_editor(param: Param) -> tuple[QLabel, QWidget]:
    """A form row for `param`: its translated label (the editor's buddy) and its editor, both
    explaining the parameter in their tooltip."""
    editor = make_editor(param)
    help_text = param_help(param)
    editor.setToolTip(help_text)
    label = QLabel(param_label(param))
    label.setToolTip(help_text)
    label.setBuddy(editor)
    return label, editor
