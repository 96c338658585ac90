"""The layer palette: every registered layer, grouped by category, with a search box.
Drag a layer onto the canvas, or double-click it to add it; click or point at one to read its
help card."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.layers.registry import CATEGORIES, all_layers
from widgets.canvas.style import category_color
from widgets.canvas.view import LAYER_MIME
from widgets.i18n import category_name, layer_summary, layer_title

LAYER_ROLE = Qt.ItemDataRole.UserRole


def layer_mime(layer_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(LAYER_MIME, QByteArray(layer_id.encode("utf-8")))
    mime.setText(layer_id)
    return mime


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


class LayerTree(QTreeWidget):
    returnPressed = Signal(QTreeWidgetItem)
    mouseLeft = Signal()

    def leaveEvent(self, event) -> None:
        self.mouseLeft.emit()
        super().leaveEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.returnPressed.emit(self.currentItem())
            return
        super().keyPressEvent(event)

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, items) -> QMimeData:
        layer_ids = [i.data(0, LAYER_ROLE) for i in items if i.data(0, LAYER_ROLE)]
        return layer_mime(layer_ids[0]) if layer_ids else QMimeData()

    def startDrag(self, actions) -> None:
        """Drag a small chip that floats above and right of the pointer: the point where the
        layer lands (a connection that lights up) stays in sight. Qt's default picture of the
        row covered it."""
        item = self.currentItem()
        layer_id = item.data(0, LAYER_ROLE) if item is not None else None
        if not layer_id:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        chip = drag_chip(item.text(0), item.icon(0), self)
        drag.setPixmap(chip)
        ratio = chip.devicePixelRatio()
        drag.setHotSpot(QPoint(-14, round(chip.height() / ratio) + 6))
        drag.exec(Qt.DropAction.CopyAction)


def drag_chip(text: str, icon: QIcon | None, widget: QWidget) -> QPixmap:
    metrics = widget.fontMetrics()
    ratio = widget.devicePixelRatioF()
    width, height = metrics.horizontalAdvance(text) + 34, metrics.height() + 12
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.setPen(QColor("#2F6FEB"))
    painter.drawRoundedRect(0.5, 0.5, width - 1, height - 1, 6, 6)
    if icon is not None and not icon.isNull():
        icon.paint(painter, 8, (height - 12) // 2, 12, 12)
    painter.setPen(QColor("#1F2937"))
    painter.setFont(widget.font())
    painter.drawText(26, 0, width - 30, height, Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return pixmap


class Palette(QWidget):
    layerActivated = Signal(str)
    layerChosen = Signal(str)  # clicked, or reached with the arrow keys
    layerHovered = Signal(str)  # under the mouse; '' when the mouse has left

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.search = QLineEdit()
        self.search.setObjectName("paletteSearch")
        self.search.setPlaceholderText(self.tr("Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)

        self.tree = LayerTree()
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(10)
        self.tree.setRootIsDecorated(False)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.returnPressed.connect(self._double_clicked)
        self.tree.setMouseTracking(True)  # itemEntered, for the help card's preview
        self.tree.currentItemChanged.connect(
            lambda item, _: self._emit_layer(self.layerChosen, item)
        )
        self.tree.itemClicked.connect(lambda item, _: self._emit_layer(self.layerChosen, item))
        self.tree.itemEntered.connect(lambda item, _: self._emit_layer(self.layerHovered, item))
        self.tree.mouseLeft.connect(lambda: self.layerHovered.emit(""))
        self._populate()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)

    def _populate(self) -> None:
        by_category: dict[str, list] = {c: [] for c in CATEGORIES}
        for layer in all_layers():
            by_category.setdefault(layer.category, []).append(layer)
        for category, layers in by_category.items():
            if not layers:
                continue
            group = QTreeWidgetItem([category_name(category)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, QColor("#4B5563"))
            self.tree.addTopLevelItem(group)
            icon = _swatch(category_color(category))
            for layer in layers:
                item = QTreeWidgetItem([layer_title(layer)])
                item.setIcon(0, icon)
                item.setData(0, LAYER_ROLE, layer.id)
                item.setToolTip(0, f"<b>{layer_title(layer)}</b><br>{layer_summary(layer)}")
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                group.addChild(item)
            group.setExpanded(True)

    def filter(self, text: str) -> None:
        needle = text.strip().lower()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                haystack = f"{item.text(0)} {item.data(0, LAYER_ROLE)} {item.toolTip(0)}".lower()
                match = not needle or needle in haystack or needle in group.text(0).lower()
                item.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)

    def visible_layers(self) -> list[str]:
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                item = group.child(i)
                if not item.isHidden() and not group.isHidden():
                    out.append(item.data(0, LAYER_ROLE))
        return out

    def item_for(self, layer_id: str) -> QTreeWidgetItem | None:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, LAYER_ROLE) == layer_id:
                    return group.child(i)
        return None

    @staticmethod
    def _emit_layer(signal, item: QTreeWidgetItem | None) -> None:
        layer_id = item.data(0, LAYER_ROLE) if item is not None else None
        signal.emit(layer_id or "")  # a category heading has no layer: back to the selection

    def _double_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        layer_id = item.data(0, LAYER_ROLE)
        if layer_id:
            self.layerActivated.emit(layer_id)
