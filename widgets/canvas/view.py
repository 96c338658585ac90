"""The canvas view: zoom (wheel, keys), pan (middle drag, or space and drag), rubber-band
selection, fit to view, and dropping layers from the palette."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView

from widgets.canvas import style
from widgets.canvas.arrange import READABLE_ZOOM
from widgets.canvas.scene import GraphScene

LAYER_MIME = "application/x-netstudio-layer"
MIN_ZOOM, MAX_ZOOM, MAX_FIT_ZOOM = 0.15, 3.0, 1.0
GRID = 20


class GraphView(QGraphicsView):
    layerDropped = Signal(str, QPointF)
    dropTargetChanged = Signal(str, object)  # layer id, the connection it would go into or None
    zoomChanged = Signal(float)

    def __init__(self, scene: GraphScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("canvas")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space = False

    def set_context_actions(self, actions: list) -> None:
        """The right-click menu: the window's edit actions (None is a separator)."""
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in actions:
            if action is None:
                separator = QAction(self)
                separator.setSeparator(True)
                self.addAction(separator)
            else:
                self.addAction(action)

    # Zoom -----------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, value: float) -> None:
        value = min(MAX_ZOOM, max(MIN_ZOOM, value))
        factor = value / self.zoom()
        if not math.isclose(factor, 1.0):
            self.scale(factor, factor)
            self.zoomChanged.emit(self.zoom())

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def zoom_in(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(1.25)
        self.setTransformationAnchor(anchor)

    def zoom_out(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(1 / 1.25)
        self.setTransformationAnchor(anchor)

    def fit(self, min_zoom: float = MIN_ZOOM) -> None:
        """Show every node; never magnify beyond 100 %, where text is already crisp. When the
        whole model only fits below `min_zoom`, show its start (top left) at `min_zoom`."""
        scene: GraphScene = self.scene()
        if not scene.nodes:
            self.resetTransform()
            self.centerOn(0, 0)
            self.zoomChanged.emit(self.zoom())
            return
        rect = scene.nodes_rect().adjusted(-40, -40, 40, 40)
        scene.update_scene_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > MAX_FIT_ZOOM:
            self.set_zoom(MAX_FIT_ZOOM)
        elif self.zoom() < min_zoom:
            self.set_zoom(min_zoom)
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(rect.left() + seen.width() / 2, rect.top() + seen.height() / 2)
            self.zoomChanged.emit(self.zoom())
            return
        self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom())

    def fit_readable(self) -> None:
        """Fit, but never so small that the layers cannot be read: a project being opened."""
        self.fit(READABLE_ZOOM)

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(1.0015**delta)
        event.accept()

    # Pan ------------------------------------------------------------------------------------

    def _start_pan(self, event: QMouseEvent) -> None:
        self._pan_from = event.position()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._start_pan(event)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan_by(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: float, dy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() - round(dx))
        v.setValue(v.value() - round(dy))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # Dropping layers from the palette ------------------------------------------------------

    def _layer_of(self, event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(LAYER_MIME):
            return None
        return bytes(mime.data(LAYER_MIME)).decode("utf-8")

    def dragEnterEvent(self, event) -> None:
        if self._layer_of(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        layer_id = self._layer_of(event)
        if not layer_id:
            event.ignore()
            return
        event.acceptProposedAction()
        # A connection under the pointer lights up: dropping there inserts the layer into it.
        scene: GraphScene = self.scene()
        pos = self.mapToScene(event.position().toPoint())
        edge = scene.edge_at(pos) if self.acceptsWire(layer_id) else None
        if edge != scene.drop_edge:
            scene.set_drop_edge(edge)
            self.dropTargetChanged.emit(layer_id, edge)

    def dragLeaveEvent(self, event) -> None:
        self._end_drop_target()
        super().dragLeaveEvent(event)

    def _end_drop_target(self) -> None:
        if self.scene().drop_edge is not None:
            self.scene().set_drop_edge(None)
            self.dropTargetChanged.emit("", None)

    def dropEvent(self, event) -> None:
        self._end_drop_target()
        layer_id = self._layer_of(event)
        if not layer_id:
            event.ignore()
            return
        event.acceptProposedAction()
        self.layerDropped.emit(layer_id, self.mapToScene(event.position().toPoint()))

    @staticmethod
    def acceptsWire(layer_id: str) -> bool:
        """Whether a layer of this kind can be dropped into a connection (the window says)."""
        return False

    def visible_position(self, x: float, y: float) -> tuple[float, float]:
        """A node position near (x, y), on the 10 px grid, with the whole node and its ports
        inside the visible part of the canvas (when the canvas is large enough for a node)."""
        seen = self.mapToScene(self.viewport().rect()).boundingRect()
        margin = style.PORT_RADIUS + 6
        low_x, high_x = seen.left() + margin, seen.right() - style.NODE_WIDTH - margin
        low_y, high_y = seen.top() + margin, seen.bottom() - style.NODE_HEIGHT - margin
        if low_x <= high_x:
            x = min(max(x, math.ceil(low_x / 10) * 10), math.floor(high_x / 10) * 10)
        if low_y <= high_y:
            y = min(max(y, math.ceil(low_y / 10) * 10), math.floor(high_y / 10) * 10)
        return (round(x / 10) * 10.0, round(y / 10) * 10.0)

    # Background -----------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.CANVAS)
        if self.zoom() < 0.35:
            return
        left = math.floor(rect.left() / GRID) * GRID
        top = math.floor(rect.top() / GRID) * GRID
        minor = QPen(style.GRID, 0)
        major = QPen(style.GRID_MAJOR, 0)
        x = left
        while x < rect.right():
            painter.setPen(major if x % (GRID * 5) == 0 else minor)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            x += GRID
        y = top
        while y < rect.bottom():
            painter.setPen(major if y % (GRID * 5) == 0 else minor)
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            y += GRID
