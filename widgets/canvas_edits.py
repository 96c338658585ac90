"""Edits made on the canvas, as a mixin of the main window: adding layers where they are
dropped (or into the connection they are dropped on), connecting, deleting (with or without
reconnecting the neighbours), moving, selecting, arranging. Each goes through the Document."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence

from studio.graph import Graph
from studio.layers.registry import get_layer
from studio.layout import COLUMN_SPACING, ROW_SPACING
from widgets.canvas import style
from widgets.canvas.arrange import arranged_positions
from widgets.i18n import layer_title


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether nodes at these positions would cover each other (with a little air)."""
    return abs(a[0] - b[0]) < style.NODE_WIDTH + 20 and abs(a[1] - b[1]) < style.NODE_HEIGHT + 20


def downstream(graph: Graph, start: str) -> list[str]:
    """`start` and every node a path leads to from it (one pass over the edges)."""
    after: dict[str, list[str]] = {}
    for e in graph.edges:
        after.setdefault(e.source, []).append(e.target)
    seen, stack = {start}, [start]
    while stack:
        for succ in after.get(stack.pop(), ()):
            if succ not in seen:
                seen.add(succ)
                stack.append(succ)
    return list(seen)


class CanvasEdits:
    """Needs from the window: document, scene, view, inspector, actions, last_error, statusBar,
    tr and canvas_size."""

    def _on_drop_target(self, layer_id: str, edge) -> None:
        if edge is None:
            self.statusBar().clearMessage()
            return
        self.statusBar().showMessage(
            self.tr("Drop to insert %1 between %2 and %3")
            .replace("%1", layer_title(get_layer(layer_id)))
            .replace("%2", edge.source)
            .replace("%3", edge.target)
        )

    def add_layer_at(self, layer_id: str, scene_pos: QPointF) -> str | None:
        """Add a layer centred where it was dropped (on a 10 px grid, so that rows line up),
        wholly inside the visible canvas, ports included. Dropped onto a connection, the layer
        is inserted into it (one undo step)."""
        position = self.view.visible_position(
            scene_pos.x() - style.NODE_WIDTH / 2, scene_pos.y() - style.NODE_HEIGHT / 2
        )
        edge = self.scene.edge_at(scene_pos)
        if edge is not None and self.can_insert_into_edge(layer_id):
            node_id = self.insert_into_edge(layer_id, position, edge)
        else:
            node_id = self.document.add_node(layer_id, position)
        if node_id:
            self.scene.select_nodes([node_id])
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # Delete now acts on it
        return node_id

    def can_insert_into_edge(self, layer_id: str) -> bool:
        layer = get_layer(layer_id)
        return layer.inputs != 0 and not layer.is_output

    def insert_into_edge(self, layer_id: str, position, edge) -> str | None:
        """Put the layer between the edge's ends; when it would cover the next layer, that
        layer and everything after it to its right move right to make room."""
        graph = self.document.graph
        source, target = graph.nodes[edge.source], graph.nodes[edge.target]
        x, y = position
        if abs(source.position[1] - target.position[1]) < 1:
            # Both ends on one row: the new layer takes the next column of that row.
            x, y = source.position[0] + COLUMN_SPACING, source.position[1]
        elif overlaps((x, y), source.position):
            x = source.position[0] + COLUMN_SPACING
        shifts = {}
        if overlaps((x, y), target.position):
            shift = x + COLUMN_SPACING - target.position[0]
            left = target.position[0]
            for node_id in downstream(graph, edge.target):
                nx, ny = graph.nodes[node_id].position
                if nx >= left:
                    shifts[node_id] = (nx + shift, ny)
        return self.document.insert_into_edge(layer_id, (x, y), edge, shifts)

    def add_layer_near_selection(self, layer_id: str) -> str | None:
        """Double-click in the palette: after the selected layer (and wired to it when the
        graph allows; inserted into its connection when it feeds exactly one layer), or in
        the middle of the view."""
        selected = self.scene.selected_node_ids()
        graph = self.document.graph
        if len(selected) == 1 and self.can_insert_into_edge(layer_id):
            outgoing = graph.outgoing(selected[0])
            if len(outgoing) == 1:
                x, y = graph.nodes[selected[0]].position
                node_id = self.insert_into_edge(layer_id, (x + COLUMN_SPACING, y), outgoing[0])
                if node_id:
                    self.scene.select_nodes([node_id])
                    self.view.ensureVisible(self.scene.nodes[node_id], 40, 40)
                return node_id
        if len(selected) == 1:
            x, y = graph.nodes[selected[0]].position
            position = (x + COLUMN_SPACING, y)
            taken = {tuple(n.position) for n in graph.nodes.values()}
            while position in taken:
                position = (position[0], position[1] + ROW_SPACING)
        else:
            center = self.view.mapToScene(self.view.viewport().rect().center())
            position = (center.x() - style.NODE_WIDTH / 2, center.y() - style.NODE_HEIGHT / 2)
        source = selected[0] if len(selected) == 1 else None
        wire = (
            source is not None
            and not graph.nodes[source].layer.is_output
            and get_layer(layer_id).inputs != 0
        )
        stack = self.document.undo_stack
        if wire:
            stack.beginMacro(
                self.tr("Add %1 after %2").replace("%1", layer_id).replace("%2", source)
            )
        node_id = self.document.add_node(layer_id, position)
        if wire:
            if node_id:
                self.document.connect(source, node_id)
            stack.endMacro()
        if node_id:
            self.scene.select_nodes([node_id])
            self.view.ensureVisible(self.scene.nodes[node_id], 40, 40)
        return node_id

    def connect_nodes(self, source: str, target: str, port: int | None = None) -> bool:
        ok = self.document.connect(source, target, port)
        if ok:
            self.statusBar().showMessage(
                self.tr("Connected %1 → %2").replace("%1", source).replace("%2", target), 4000
            )
        return ok

    def _on_nodes_dragged(self, old: dict, new: dict, gesture: int) -> None:
        self.document.move(old, new, gesture)

    def set_param(self, node_id: str, name: str, value) -> bool:
        ok = self.document.set_param(node_id, name, value)
        if not ok:
            self.inspector.show_edit_error(self.last_error)
        return ok

    def delete_selection(self) -> bool:
        ids = self.scene.selected_node_ids()
        between = len(ids) == 1 and self.document.can_reconnect(ids[0])
        done = self.document.remove(ids, self.scene.selected_edges())
        if done and between:
            shortcut = self.actions.dissolve.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText
            )
            self.statusBar().showMessage(
                self.tr(
                    "Deleted %1. To keep the layers around it connected, undo and use "
                    "Delete and Reconnect (%2)."
                )
                .replace("%1", ids[0])
                .replace("%2", shortcut),
                8000,
            )
        return done

    def dissolve_selection(self) -> bool:
        """Delete the one selected layer and join its input to the layers it fed."""
        ids = self.scene.selected_node_ids()
        if len(ids) != 1 or not self.document.can_reconnect(ids[0]):
            return False
        return self.document.delete_and_reconnect(ids[0])

    def select_all(self) -> None:
        self.scene.select_nodes(list(self.scene.nodes))

    def auto_arrange(self) -> None:
        graph = self.document.graph
        new = arranged_positions(graph, self.canvas_size())
        old = {n: graph.nodes[n].position for n in new}
        self.document.move(old, new, text=self.tr("Auto-arrange"))
        self.view.fit()

    def focus_node(self, node_id: str) -> None:
        item = self.scene.nodes.get(node_id)
        if item is None:
            return
        self.scene.select_nodes([node_id])
        self.view.ensureVisible(item, 60, 60)
