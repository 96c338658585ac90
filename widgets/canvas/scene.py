"""The scene mirrors a studio Graph: it replays what the graph holds when attached, then follows
the graph's signals. User gestures become requests (signals) that the window turns into undo
commands; the scene never changes the graph itself.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSceneMouseEvent

from studio.graph import Edge, Graph, GraphError, Node
from studio.shapes import Analysis
from widgets.canvas import style
from widgets.canvas.edge_item import EdgeItem, connection_path
from widgets.canvas.node_item import NodeItem, PortItem
from widgets.i18n import tr_error

SCENE_MARGIN = 2000.0


class GraphScene(QGraphicsScene):
    connectRequested = Signal(str, str, object)  # source, target, port (None: first free)
    nodesDragged = Signal(object, object, int)  # positions at drag start, now, gesture number
    wireHint = Signal(str)  # while dragging a connection: why it cannot land here ("" if it can)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: Graph | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Edge, EdgeItem] = {}
        self._wire: QGraphicsPathItem | None = None
        self._wire_from: PortItem | None = None
        self._wire_target: PortItem | None = None
        self._drag_start: dict[str, tuple[float, float]] | None = None
        self._gesture = 0
        self._replaying = False
        self._rect_pending = False
        self._drop_edge: Edge | None = None
        self._selection_pending = False

    # Following the graph --------------------------------------------------------------------

    def attach(self, graph: Graph, analysis: Analysis | None = None) -> None:
        self.detach()
        self.graph = graph
        # Replaying thousands of nodes: the scene rect is set once at the end, and the index
        # rebuilt once, instead of after every item (which made opening quadratic).
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._replaying = True
        for node in graph.nodes.values():
            self._on_node_added(node)
        for edge in graph.edges:
            self._on_edge_added(edge)
        self._replaying = False
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        graph.node_added.connect(self._on_node_added)
        graph.node_removed.connect(self._on_node_removed)
        graph.edge_added.connect(self._on_edge_added)
        graph.edge_removed.connect(self._on_edge_removed)
        graph.params_changed.connect(self._on_params_changed)
        graph.node_moved.connect(self._on_node_moved)
        if analysis is not None:
            self.apply_analysis(analysis)
        self.update_scene_rect()

    def detach(self) -> None:
        graph = self.graph
        if graph is None:
            return
        graph.node_added.disconnect(self._on_node_added)
        graph.node_removed.disconnect(self._on_node_removed)
        graph.edge_added.disconnect(self._on_edge_added)
        graph.edge_removed.disconnect(self._on_edge_removed)
        graph.params_changed.disconnect(self._on_params_changed)
        graph.node_moved.disconnect(self._on_node_moved)
        self.cancel_wire()
        self._drop_edge = None
        self.graph = None
        self.nodes.clear()
        self.edges.clear()
        # Removing selected items announces a selection change per item; thousands of them
        # made closing a large model take half a minute. One announcement is enough.
        had_selection = bool(self.selectedItems())
        self.blockSignals(True)
        try:
            self.clear()
        finally:
            self.blockSignals(False)
        if had_selection:
            self.selectionChanged.emit()

    def _on_node_added(self, node: Node) -> None:
        item = NodeItem(node)
        self.nodes[node.id] = item
        self.addItem(item)
        self.schedule_scene_rect()

    def _on_node_removed(self, node: Node) -> None:
        item = self.nodes.pop(node.id, None)
        if item is not None:
            self._remove_quietly(item)

    def _remove_quietly(self, item) -> None:
        """Remove an item; if it was selected, the selection change is announced once, after
        the whole edit (deleting 3,000 selected layers is one change, not 3,000)."""
        if not item.isSelected():
            self.removeItem(item)
            return
        self.blockSignals(True)
        try:
            self.removeItem(item)
        finally:
            self.blockSignals(False)
        if not self._selection_pending:
            self._selection_pending = True
            QTimer.singleShot(0, self, self._announce_selection)

    def _announce_selection(self) -> None:
        self._selection_pending = False
        self.selectionChanged.emit()

    def _on_edge_added(self, edge: Edge) -> None:
        source, target = self.nodes.get(edge.source), self.nodes.get(edge.target)
        if source is None or target is None:
            return
        item = EdgeItem(edge, source, target)
        self.edges[edge] = item
        self.addItem(item)

    def _on_edge_removed(self, edge: Edge) -> None:
        item = self.edges.pop(edge, None)
        if item is not None:
            item.detach()
            self._remove_quietly(item)

    def _on_params_changed(self, node_id: str) -> None:
        item = self.nodes[node_id]
        count = self.graph.nodes[node_id].input_count
        if count != len(item.inputs):
            item.set_ports(count)
            for edge in item.edges:
                edge.update_path()

    def _on_node_moved(self, node_id: str, position: tuple[float, float]) -> None:
        item = self.nodes.get(node_id)
        if item is not None and (item.pos().x(), item.pos().y()) != tuple(position):
            item.setPos(QPointF(*position))
        self.schedule_scene_rect()

    def apply_analysis(self, analysis: Analysis) -> None:
        for node_id, item in self.nodes.items():
            item.set_info(analysis.nodes.get(node_id))

    def nodes_rect(self) -> QRectF:
        """The rectangle the nodes cover (edges run between them), computed from positions:
        far cheaper than itemsBoundingRect, which asks every port and edge."""
        if not self.nodes:
            return QRectF()
        xs = [item.x() for item in self.nodes.values()]
        ys = [item.y() for item in self.nodes.values()]
        m = style.PORT_RADIUS + 2
        return QRectF(
            QPointF(min(xs) - m, min(ys) - 2),
            QPointF(max(xs) + style.NODE_WIDTH + m, max(ys) + style.NODE_HEIGHT + 4),
        )

    def schedule_scene_rect(self) -> None:
        """Update the scene rect once the current batch of changes is over (an arrange or an
        undo moves every node, one signal each)."""
        if self._replaying or self._rect_pending:
            return
        self._rect_pending = True
        QTimer.singleShot(0, self, self.update_scene_rect)  # not after the scene is gone

    def update_scene_rect(self) -> None:
        self._rect_pending = False
        m = SCENE_MARGIN
        self.setSceneRect(self.nodes_rect().adjusted(-m, -m, m, m))

    def edge_at(self, pos: QPointF) -> Edge | None:
        """The connection under a point, unless a node lies on top of it there."""
        for item in self.items(pos):
            if isinstance(item, EdgeItem):
                return item.edge
            if isinstance(item, (NodeItem, PortItem)):
                return None
        return None

    @property
    def drop_edge(self) -> Edge | None:
        return self._drop_edge

    def set_drop_edge(self, edge: Edge | None) -> None:
        """Light up the connection a dragged layer would be inserted into."""
        if edge == self._drop_edge:
            return
        for e in (self._drop_edge, edge):
            item = self.edges.get(e) if e is not None else None
            if item is not None:
                item.set_drop_target(e == edge)
        self._drop_edge = edge

    # Selection ------------------------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        # Qt keeps the selected items: asking it beats asking thousands of nodes each time.
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [n for n in self.nodes if n in chosen]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, node_ids: list[str]) -> None:
        """Select exactly these nodes, telling the views once (not once per node)."""
        self.blockSignals(True)
        try:
            self.clearSelection()
            for node_id in node_ids:
                if node_id in self.nodes:
                    self.nodes[node_id].setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    # Gestures: connecting by dragging from a port, moving nodes ------------------------------

    def _port_at(self, pos: QPointF) -> PortItem | None:
        return next((i for i in self.items(pos) if isinstance(i, PortItem)), None)

    def _node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
            if isinstance(item, PortItem):
                return item.node
        return None

    def begin_wire(self, port: PortItem) -> None:
        self.cancel_wire()
        self._wire_from = port
        self._wire = QGraphicsPathItem()
        pen = QPen(style.ACCENT, 2.0, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
        self._wire.setPen(pen)
        self._wire.setZValue(10)
        self.addItem(self._wire)
        self.drag_wire(port.scenePos())

    def drag_wire(self, pos: QPointF) -> None:
        if self._wire is None:
            return
        anchor = self._wire_from.scenePos()
        path = (
            connection_path(anchor, pos)
            if self._wire_from.is_output
            else connection_path(pos, anchor)
        )
        self._wire.setPath(path)
        target = self._port_at(pos)
        if target is not None and (
            target.is_output == self._wire_from.is_output or target.node is self._wire_from.node
        ):
            target = None
        if target is not self._wire_target:
            if self._wire_target is not None:
                self._wire_target.set_highlight(False)
            self._wire_target = target
            if target is not None:
                problem = self._refusal(target)
                target.set_highlight(True, refused=bool(problem))
                self.wireHint.emit(problem)
            else:
                self.wireHint.emit("")

    def _refusal(self, target: PortItem) -> str:
        """The graph's reason to refuse the connection being dragged onto `target`, if any."""
        start = self._wire_from
        if start.is_output:
            source, node, port = start.node.node_id, target.node.node_id, target.index
        else:
            source, node, port = target.node.node_id, start.node.node_id, start.index
        try:
            self.graph.check_connect(source, node, port)
        except GraphError as exc:
            return tr_error(exc)
        return ""

    def finish_wire(self, pos: QPointF) -> None:
        start = self._wire_from
        if start is None:
            return
        port = self._port_at(pos)
        node = self._node_at(pos)
        self.cancel_wire()
        self.wireHint.emit("")
        if node is None or node is start.node:
            return
        if start.is_output:
            index = port.index if port is not None and not port.is_output else None
            self.connectRequested.emit(start.node.node_id, node.node_id, index)
        else:
            self.connectRequested.emit(node.node_id, start.node.node_id, start.index)

    def cancel_wire(self) -> None:
        if self._wire_target is not None:
            self._wire_target.set_highlight(False)
        if self._wire is not None:
            self.removeItem(self._wire)
        self._wire = self._wire_from = self._wire_target = None

    def wire_path(self) -> QPainterPath | None:
        return self._wire.path() if self._wire is not None else None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            port = self._port_at(event.scenePos())
            if port is not None:
                self.begin_wire(port)
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._gesture += 1
            self._drag_start = {
                n: (item.pos().x(), item.pos().y())
                for n, item in self.nodes.items()
                if item.isSelected()
            }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._wire is not None:
            self.drag_wire(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._drag_start and event.buttons() & Qt.MouseButton.LeftButton:
            self.report_drag()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._wire is not None and event.button() == Qt.MouseButton.LeftButton:
            self.finish_wire(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self._drag_start:
            self.report_drag()
        self._drag_start = None

    def report_drag(self) -> None:
        """Tell the window where the dragged nodes are now (one gesture, merged into one undo)."""
        now = {
            n: (self.nodes[n].pos().x(), self.nodes[n].pos().y())
            for n in self._drag_start
            if n in self.nodes
        }
        if any(now[n] != self._drag_start[n] for n in now):
            self.nodesDragged.emit(dict(self._drag_start), now, self._gesture)
