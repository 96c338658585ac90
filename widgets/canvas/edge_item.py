"""A connection drawn as a curve from an output port to an input port."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from studio.graph import Edge
from widgets.canvas import style
from widgets.canvas.node_item import NodeItem


def connection_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A horizontal S-curve; when the target lies behind the source (a wrapped row), the curve
    runs out to the right, along the gap between rows, and back in from the left."""
    path = QPainterPath(start)
    dx = end.x() - start.x()
    if dx >= 40 or (dx >= 0 and abs(end.y() - start.y()) < style.NODE_HEIGHT * 0.6):
        bend = max(30.0, dx * 0.5)
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end)
        return path
    reach = 28.0
    if abs(end.y() - start.y()) > style.NODE_HEIGHT:
        mid_y = (start.y() + end.y()) / 2
    else:
        mid_y = max(start.y(), end.y()) + style.NODE_HEIGHT * 0.75
    r = min(14.0, abs(mid_y - start.y()) / 2, abs(end.y() - mid_y) / 2)
    right, left = start.x() + reach, end.x() - reach
    down = 1 if mid_y > start.y() else -1
    up = 1 if end.y() > mid_y else -1
    path.lineTo(right - r, start.y())
    path.quadTo(right, start.y(), right, start.y() + down * r)
    path.lineTo(right, mid_y - down * r)
    path.quadTo(right, mid_y, right - r, mid_y)
    path.lineTo(left + r, mid_y)
    path.quadTo(left, mid_y, left, mid_y + up * r)
    path.lineTo(left, end.y() - up * r)
    path.quadTo(left, end.y(), left + r, end.y())
    path.lineTo(end)
    return path


class EdgeItem(QGraphicsPathItem):
    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.edge, self.source, self.target = edge, source, target
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(-1)
        self._hover = False
        self._drop_target = False
        source.edges.append(self)
        target.edges.append(self)
        self.setToolTip(
            QCoreApplication.translate("EdgeItem", "%1 → %2 (select and press Delete to remove)")
            .replace("%1", edge.source)
            .replace("%2", edge.target + (f" [{edge.port + 1}]" if target.inputs[1:] else ""))
        )
        self.update_path()

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def update_path(self) -> None:
        end = self.target.input_anchor(self.edge.port)
        self.setPath(connection_path(self.source.output_anchor(), end))

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self.path())

    def boundingRect(self):
        return super().boundingRect().adjusted(-8, -8, 8, 8)

    def set_drop_target(self, on: bool) -> None:
        """A layer dragged over this connection would be inserted into it."""
        self._drop_target = on
        self.update()

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = style.ACCENT if self.isSelected() else style.EDGE
        if self._hover and not self.isSelected():
            color = style.ACCENT.lighter(130)
        width = 2.6 if self.isSelected() else 1.8
        if self._drop_target:
            color, width = style.ACCENT, 4.0
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        # An arrowhead just before the input port shows the direction of flow.
        end = self.path().pointAtPercent(1.0)
        tip = end - QPointF(style.PORT_RADIUS + 1, 0)
        arrow = QPolygonF([tip, tip + QPointF(-8, -4.5), tip + QPointF(-8, 4.5)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(arrow)
