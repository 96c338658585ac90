"""The search space as an editable table: one spec per row (what to search, a list of values
or a linear or log range), each checked at once by the engine's own parser, its message shown
in the row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from studio.project import Project
from studio.search_space import Dimension, SearchSpaceError, parse_spec
from widgets.i18n import plural, tr_error

TARGET, KIND, VALUES, CHECK = range(4)
LIST, RANGE, LOG = "list", "range", "log"
BAD = QColor("#B42318")
GOOD = QColor("#067647")


def split_spec(spec: str) -> tuple[str, str, str]:
    """(target, kind, values text) of a spec, the values without ":log"."""
    target, _, text = spec.partition("=")
    text = text.strip()
    if ".." in text:
        if text.endswith(":log"):
            return target.strip(), LOG, text[: -len(":log")]
        return target.strip(), RANGE, text
    return target.strip(), LIST, text


def join_spec(target: str, kind: str, values: str) -> str:
    values = values.strip()
    if kind == LOG and not values.endswith(":log"):
        values += ":log"
    return f"{target.strip()}={values}"


def _number(value: float, integer: bool) -> str:
    return str(round(value)) if integer else f"{value:.3g}"


def convert(dimension: Dimension, kind: str) -> str:
    """The values text of `dimension` as another kind: a list becomes its lowest..highest, a
    range its low, middle and high (the middle a geometric one on a log scale)."""
    if dimension.values is not None:
        if kind == LIST:
            return ",".join(str(v) for v in dimension.values)
        numbers = [v for v in dimension.values if isinstance(v, (int, float))
                   and not isinstance(v, bool)]
        if len(numbers) < 2:
            return ",".join(str(v) for v in dimension.values)
        return f"{min(numbers):g}..{max(numbers):g}"
    low, high = float(dimension.low), float(dimension.high)
    if kind != LIST:
        return f"{low:g}..{high:g}"
    middle = (low * high) ** 0.5 if dimension.log and low > 0 else (low + high) / 2
    points = [_number(v, dimension.integer) for v in (low, middle, high)]
    return ",".join(dict.fromkeys(points))


class SpaceTable(QTableWidget):
    """Rows of specs, checked against the project; `changed` after every edit."""

    changed = Signal()

    def __init__(self, project: Project) -> None:
        super().__init__(0, 4)
        self.setObjectName("searchSpace")
        self.project = project
        self.setHorizontalHeaderLabels(
            [self.tr("Setting or parameter"), self.tr("Kind"), self.tr("Values"),
             self.tr("Check")]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUES, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(VALUES, 220)
        self.errors: dict[int, str] = {}  # row -> the engine's message
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    # Rows -----------------------------------------------------------------------------------

    def specs(self) -> list[str]:
        return [self.spec(row) for row in range(self.rowCount())]

    def spec(self, row: int) -> str:
        kind = self.cellWidget(row, KIND).currentData()
        return join_spec(self.item(row, TARGET).text(), kind, self.item(row, VALUES).text())

    def set_specs(self, specs: list[str]) -> None:
        self.setRowCount(0)
        for spec in specs:
            self.add_spec(spec)
        self.changed.emit()

    def add_spec(self, spec: str) -> int:
        """A row for `spec`, replacing the row that searches the same thing; its row."""
        target, kind, values = split_spec(spec)
        for row in range(self.rowCount()):
            if self.item(row, TARGET).text().strip() == target:
                break
        else:
            row = self.rowCount()
            self.insertRow(row)
        self._filling = True
        self.setItem(row, TARGET, QTableWidgetItem(target))
        self.setItem(row, VALUES, QTableWidgetItem(values))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(row, CHECK, check)
        combo = QComboBox()
        combo.addItem(self.tr("List of values"), LIST)
        combo.addItem(self.tr("Range"), RANGE)
        combo.addItem(self.tr("Log range"), LOG)
        combo.setCurrentIndex(combo.findData(kind))
        combo.setProperty("kind", kind)  # the kind before a change, to convert from
        combo.activated.connect(lambda index, c=combo: self._kind_chosen(c))
        self.setCellWidget(row, KIND, combo)
        self._filling = False
        self.check_rows()
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.selectedIndexes()}, reverse=True)
        for row in rows:
            self.removeRow(row)
        self.check_rows()
        self.changed.emit()

    # Checking ---------------------------------------------------------------------------------

    def check_rows(self) -> None:
        """Each row through the engine's parser: ✓ and what it searches, or ✗ and why not."""
        self._filling = True
        self.errors = {}
        for row in range(self.rowCount()):
            item = self.item(row, CHECK)
            try:
                d = parse_spec(self.spec(row), self.project)
            except SearchSpaceError as exc:
                self.errors[row] = tr_error(exc)
                item.setText("✗ " + self.errors[row])
                item.setForeground(QBrush(BAD))
                item.setToolTip(self.errors[row])
                continue
            if d.values is not None:
                text = plural(self.tr("✓ %n value(s)", "", len(d.values)), len(d.values))
            elif d.log:
                text = self.tr("✓ log scale")
            else:
                text = self.tr("✓ linear scale")
            item.setText(text)
            item.setForeground(QBrush(GOOD))
            item.setToolTip("")
        self._filling = False
        self.resizeRowsToContents()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == CHECK:
            return
        if item.column() == VALUES:
            # Typing a range into a list row (or a list into a range row) changes its kind.
            combo = self.cellWidget(item.row(), KIND)
            ranged = ".." in item.text()
            if ranged and combo.currentData() == LIST:
                combo.setCurrentIndex(combo.findData(LOG if item.text().endswith(":log")
                                                     else RANGE))
            elif not ranged and combo.currentData() != LIST:
                combo.setCurrentIndex(combo.findData(LIST))
            combo.setProperty("kind", combo.currentData())
            if item.text().strip().endswith(":log"):
                self._filling = True
                item.setText(item.text().strip()[: -len(":log")])
                self._filling = False
        self.check_rows()
        self.changed.emit()

    def _kind_chosen(self, combo: QComboBox) -> None:
        row = next(r for r in range(self.rowCount()) if self.cellWidget(r, KIND) is combo)
        kind = combo.currentData()
        values = self.item(row, VALUES)
        target = self.item(row, TARGET).text()
        # Rewrite the values for the new kind when they parse as the old kind.
        before = combo.property("kind") or LIST
        combo.setProperty("kind", kind)
        for old in dict.fromkeys((before, LIST, RANGE, LOG)):
            try:
                d = parse_spec(join_spec(target, old, values.text()), self.project)
            except SearchSpaceError:
                continue
            self._filling = True
            values.setText(convert(d, kind))
            self._filling = False
            break
        self.check_rows()
        self.changed.emit()
