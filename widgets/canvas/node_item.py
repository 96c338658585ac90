"""A node on the canvas: title, id, output shape and parameter count; ports on its sides."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QStyleOptionGraphicsItem

from studio.graph import Node
from studio.layers.base import format_shape
from studio.shapes import NodeInfo
from studio.summary import human_count
from widgets.canvas import style
from widgets.i18n import layer_summary, layer_title, tr_message

# The colour of notes (warnings) in the Problems list: a node with one wears it too.
NOTE = QColor("#E0A526")
NOTE_MARK_SIZE = 15.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("NodeItem", text)


@functools.cache
def port_tip(index: int, is_output: bool) -> str:
    # Cached: a large model has thousands of ports, and translating is not free.
    if is_output:
        return _tr("Output: drag from here to an input to connect")
    return _tr("Input %1: drag an output here").replace("%1", str(index + 1))


class PortItem(QGraphicsEllipseItem):
    """An input (left) or output (right) connection point of a node."""

    def __init__(self, node: NodeItem, index: int, is_output: bool) -> None:
        r = style.PORT_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r, node)
        self.node, self.index, self.is_output = node, index, is_output
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(1)
        self.set_highlight(False)
        self.setToolTip(port_tip(index, is_output))

    def set_highlight(self, on: bool, refused: bool = False) -> None:
        color = style.ERROR if refused else style.ACCENT
        self.refused = on and refused
        self.setBrush(QBrush(color if on else QColor("#FFFFFF")))
        self.setPen(QPen(color if on else style.EDGE.darker(115), 1.6))

    def hoverEnterEvent(self, event) -> None:
        self.set_highlight(True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.set_highlight(False)
        super().hoverLeaveEvent(event)


class NodeItem(QGraphicsItem):
    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node_id = node.id
        self.layer = node.layer
        self.info: NodeInfo | None = None
        self.edges: list = []  # EdgeItems attached to this node
        self.inputs: list[PortItem] = []
        self.output: PortItem | None = None
        self._hover = False
        self._tooltip_stale = True
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPos(QPointF(*node.position))
        self.set_ports(node.input_count)
        self.update_tooltip()

    # Geometry -------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        m = style.PORT_RADIUS + 2
        return QRectF(-m, -2, style.NODE_WIDTH + 2 * m, style.NODE_HEIGHT + 4)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect(), style.CORNER, style.CORNER)
        return path

    def _rect(self) -> QRectF:
        return QRectF(0, 0, style.NODE_WIDTH, style.NODE_HEIGHT)

    def set_ports(self, input_count: int) -> None:
        for port in self.inputs:
            port.setParentItem(None)
            if port.scene():
                port.scene().removeItem(port)
        self.inputs = [PortItem(self, i, False) for i in range(input_count)]
        body_top, body = style.HEADER_HEIGHT, style.NODE_HEIGHT - style.HEADER_HEIGHT
        for i, port in enumerate(self.inputs):
            port.setPos(0, body_top + body * (i + 1) / (input_count + 1))
        if self.layer.is_output:
            self.output = None
        elif self.output is None:
            self.output = PortItem(self, 0, True)
        if self.output is not None:
            self.output.setPos(style.NODE_WIDTH, body_top + body / 2)

    def input_anchor(self, port: int) -> QPointF:
        if 0 <= port < len(self.inputs):
            return self.inputs[port].scenePos()
        return self.mapToScene(QPointF(0, style.NODE_HEIGHT / 2))

    def output_anchor(self) -> QPointF:
        if self.output is not None:
            return self.output.scenePos()
        return self.mapToScene(QPointF(style.NODE_WIDTH, style.NODE_HEIGHT / 2))

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.update_path()
        return super().itemChange(change, value)

    # State ----------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        if self.info is None:
            return "pending"
        if self.info.error:
            return "error"
        if self.info.blocked_by:
            return "blocked"
        return "ok"

    def set_info(self, info: NodeInfo | None) -> None:
        if info == self.info:
            return
        self.info = info
        self.update_tooltip()
        self.update()

    def update_tooltip(self) -> None:
        """The tooltip is written when the pointer first rests on the node (hover), not for
        every node of a large model being opened."""
        self._tooltip_stale = True
        if self._hover:
            self._write_tooltip()

    def toolTip(self) -> str:
        # Python callers get the current text; Qt's own tooltip comes from the hover above.
        if self._tooltip_stale:
            self._write_tooltip()
        return super().toolTip()

    def _write_tooltip(self) -> None:
        self._tooltip_stale = False
        muted = style.MUTED.name()
        title = (
            f"<b>{layer_title(self.layer)}</b> <span style='color:{muted}'>{self.node_id}</span>"
        )
        lines = [title, layer_summary(self.layer)]
        info = self.info
        if info is not None and info.error:
            lines.append(f"<span style='color:#C62828'>✗ {tr_message(info.error)}</span>")
        elif info is not None and info.blocked_by:
            lines.append(_tr("Waits for %1, which has a problem").replace("%1", info.blocked_by))
        elif info is not None and info.output is not None:
            lines.append(_tr("Output: %1").replace("%1", format_shape(info.output.shape)))
            if info.keras_params is not None:
                # The badge shows PyTorch's count; a reader checking a guide's model.summary()
                # finds Keras' here.
                lines.append(
                    _tr("%1 parameters; Keras' model.summary() counts %2")
                    .replace("%1", f"{info.params:,}")
                    .replace("%2", f"{info.keras_params:,}")
                )
            if info.frozen == info.params:
                lines.append(
                    _tr("All %1 parameters are frozen: training leaves them as they are").replace(
                        "%1", f"{info.params:,}"
                    )
                )
            elif info.frozen:
                lines.append(
                    _tr("%1 parameters train, %2 are frozen (training leaves them as they are)")
                    .replace("%1", f"{info.trainable:,}")
                    .replace("%2", f"{info.frozen:,}")
                )
        note_color = NOTE.darker(140).name()
        for note in info.notes if info is not None else ():
            lines.append(f"<span style='color:{note_color}'>⚠ {tr_message(note)}</span>")
        self.setToolTip("<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>")

    @property
    def has_notes(self) -> bool:
        return self.state == "ok" and bool(self.info.notes)

    def error_text(self) -> str:
        return tr_message(self.info.error) if self.info and self.info.error else ""

    # Painting -------------------------------------------------------------------------------

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        if self._tooltip_stale:
            self._write_tooltip()
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        state = self.state
        rect = self._rect()
        body = {"error": style.ERROR_BODY, "blocked": style.BLOCKED_BODY}.get(state, style.BODY)
        header = {"error": style.ERROR, "blocked": style.BLOCKED}.get(
            state, style.category_color(self.layer.category)
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # Soft shadow, body, header band.
        shadow = QPainterPath()
        shadow.addRoundedRect(rect.translated(0, 2), style.CORNER, style.CORNER)
        painter.fillPath(shadow, QColor(15, 23, 42, 22))
        outline = self.shape()
        painter.fillPath(outline, body)
        head = QPainterPath()
        head.addRoundedRect(
            QRectF(0, 0, rect.width(), style.HEADER_HEIGHT + style.CORNER),
            style.CORNER,
            style.CORNER,
        )
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, rect.width(), style.HEADER_HEIGHT))
        painter.fillPath(head.intersected(clip), header)

        if self.isSelected():
            pen = QPen(style.ACCENT, 2.4)
        elif state == "error":
            pen = QPen(style.ERROR, 1.6)
        elif self.has_notes:
            pen = QPen(NOTE, 1.6)
        elif self._hover:
            pen = QPen(style.ACCENT.lighter(140), 1.4)
        else:
            pen = QPen(style.BORDER, 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(outline)

        self._paint_text(painter, state)

    def _paint_text(self, painter: QPainter, state: str) -> None:
        pad = 12.0
        width = style.NODE_WIDTH - 2 * pad
        title_font = style.font(13, bold=True)
        painter.setFont(title_font)
        painter.setPen(QColor("#FFFFFF"))
        title = layer_title(self.layer)
        if state == "error":
            title = "✗ " + title
        metrics = QFontMetricsF(title_font)
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(
            QRectF(pad, 0, width, style.HEADER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            title,
        )

        top = style.HEADER_HEIGHT + 5
        id_font = style.font(11)
        painter.setFont(id_font)
        painter.setPen(style.MUTED)
        id_width = width - NOTE_MARK_SIZE - 4 if self.has_notes else width
        node_id = QFontMetricsF(id_font).elidedText(
            self.node_id, Qt.TextElideMode.ElideMiddle, id_width
        )
        painter.drawText(QRectF(pad, top, id_width, 16), Qt.AlignmentFlag.AlignVCenter, node_id)
        if self.has_notes:
            self._paint_note_mark(painter, QRectF(pad + width - NOTE_MARK_SIZE, top, 16, 16))

        info = self.info
        main_rect = QRectF(pad, top + 17, width, 20)
        if state == "error":
            painter.setFont(style.font(11))
            painter.setPen(style.ERROR.darker(110))
            text_rect = QRectF(pad, top + 17, width, style.NODE_HEIGHT - top - 19)
            text = self._elide_lines(tr_message(info.error), painter, text_rect)
            painter.drawText(text_rect, Qt.TextFlag.TextWordWrap, text)
            return
        if state == "blocked":
            painter.setFont(style.font(12, italic=True))
            painter.setPen(style.MUTED)
            text = _tr("waits for %1").replace("%1", info.blocked_by)
            text = QFontMetricsF(painter.font()).elidedText(
                text, Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(main_rect, Qt.AlignmentFlag.AlignVCenter, text)
            return
        shape = format_shape(info.output.shape) if info and info.output else "…"
        painter.setFont(style.font(14, bold=True))
        painter.setPen(style.TEXT)
        painter.drawText(main_rect, Qt.AlignmentFlag.AlignVCenter, "→ " + shape)

        painter.setFont(style.font(11))
        painter.setPen(style.MUTED)
        painter.drawText(
            QRectF(pad, top + 38, width, 16), Qt.AlignmentFlag.AlignVCenter, self._params_label()
        )

    def _params_label(self) -> str:
        """The badge's count: how many parameters, and how many of them are frozen."""
        info = self.info
        params, frozen = (info.params, info.frozen) if info else (0, 0)
        if not params:
            return _tr("no weights")
        if frozen == params:
            return _tr("%1 frozen parameters").replace("%1", f"{params:,}")
        if frozen:  # short figures: both counts must fit the node's width
            return (
                _tr("%1 trainable + %2 frozen")
                .replace("%1", human_count(params - frozen))
                .replace("%2", human_count(frozen))
            )
        return _tr("%1 parameters").replace("%1", f"{params:,}")

    @staticmethod
    def _paint_note_mark(painter: QPainter, rect: QRectF) -> None:
        """An amber "!" disc: the node has a note, which its tooltip and the Problems list say."""
        size = NOTE_MARK_SIZE
        disc = QRectF(rect.x(), rect.center().y() - size / 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(NOTE)
        painter.drawEllipse(disc)
        painter.setFont(style.font(11, bold=True))
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, "!")
        painter.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _elide_lines(text: str, painter: QPainter, rect: QRectF) -> str:
        """As much of the message as fits in the rectangle, ending in … when cut."""
        metrics = QFontMetricsF(painter.font())
        flags = int(Qt.TextFlag.TextWordWrap)
        if metrics.boundingRect(rect, flags, text).height() <= rect.height():
            return text
        words = text.split()
        while (
            words
            and metrics.boundingRect(rect, flags, " ".join(words) + "…").height() > rect.height()
        ):
            words.pop()
        return " ".join(words) + "…"
