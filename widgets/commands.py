"""Undo commands. Each one only calls Graph methods; the graph enforces every rule.

A command's first run happens before it is pushed (`Document.execute`), so an edit the graph
refuses never reaches the undo stack; the stack's own first `redo` is then skipped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from studio.graph import Edge, Graph, GraphError, Node

Position = tuple[float, float]

MOVE_ID = 1
PARAMS_ID = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class GraphCommand(QUndoCommand):
    def __init__(self, graph: Graph, text: str) -> None:
        super().__init__(text)
        self.graph = graph
        self._skip_redo = False

    def apply(self) -> None:
        """The first run: may raise GraphError, in which case nothing changed."""
        self.do()
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.do()

    def undo(self) -> None:
        self.revert()

    def do(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def _restore_nodes(graph: Graph, nodes: list[Node], edges: list[Edge]) -> None:
    for node in nodes:
        graph.add_node(node.layer_id, dict(node.params), node.position, node.id)
    if edges:
        graph.add_edges_unchecked(edges)


class AddNode(GraphCommand):
    def __init__(
        self,
        graph: Graph,
        layer_id: str,
        position: Position,
        params: dict[str, Any] | None = None,
        title: str = "",
    ) -> None:
        super().__init__(graph, _tr("Add %1").replace("%1", title or layer_id))
        self.layer_id, self.position, self.params = layer_id, position, params
        self.node_id: str | None = None

    def do(self) -> None:
        node = self.graph.add_node(self.layer_id, self.params, self.position, self.node_id)
        self.node_id = node.id

    def revert(self) -> None:
        self.graph.remove_node(self.node_id)


class Connect(GraphCommand):
    def __init__(self, graph: Graph, source: str, target: str, port: int | None) -> None:
        super().__init__(graph, _tr("Connect %1 → %2").replace("%1", source).replace("%2", target))
        self.source, self.target, self.port = source, target, port
        self.edge: Edge | None = None

    def do(self) -> None:
        self.edge = self.graph.connect(self.source, self.target, self.port)
        self.port = self.edge.port

    def revert(self) -> None:
        self.graph.disconnect(self.edge)


class Remove(GraphCommand):
    """Delete nodes (with every edge they touch) and single edges, as one step."""

    def __init__(self, graph: Graph, node_ids: list[str], edges: list[Edge]) -> None:
        node_set = set(node_ids)
        edges = [e for e in edges if not {e.source, e.target} & node_set]
        if len(node_ids) == 1 and not edges:
            text = _tr("Delete %1").replace("%1", node_ids[0])
        elif len(edges) == 1 and not node_ids:
            text = _tr("Disconnect %1 → %2").replace("%1", edges[0].source)
            text = text.replace("%2", edges[0].target)
        else:
            count = len(node_ids) + len(edges)
            text = QCoreApplication.translate("commands", "Delete %n items", None, count)
        super().__init__(graph, text)
        self.node_ids = list(node_ids)
        self.edges = edges
        self.removed_nodes: list[Node] = []
        self.removed_edges: list[Edge] = []

    def do(self) -> None:
        self.removed_nodes, self.removed_edges = [], []
        for edge in self.edges:
            self.graph.disconnect(edge)
            self.removed_edges.append(edge)
        for node_id in self.node_ids:
            node, edges = self.graph.remove_node(node_id)
            self.removed_nodes.append(node)
            self.removed_edges.extend(edges)

    def revert(self) -> None:
        _restore_nodes(self.graph, self.removed_nodes, self.removed_edges)


class Move(GraphCommand):
    """Moves of one drag gesture merge into one command."""

    def __init__(
        self,
        graph: Graph,
        old: dict[str, Position],
        new: dict[str, Position],
        gesture: int | None = None,
        text: str = "",
    ) -> None:
        super().__init__(graph, text or _tr("Move"))
        self.old, self.new, self.gesture = dict(old), dict(new), gesture

    def do(self) -> None:
        for node_id, position in self.new.items():
            self.graph.move_node(node_id, position)

    def revert(self) -> None:
        for node_id, position in self.old.items():
            self.graph.move_node(node_id, position)

    def id(self) -> int:
        return MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Move) or self.gesture is None or other.gesture != self.gesture:
            return False
        for node_id, position in other.old.items():
            self.old.setdefault(node_id, position)
        self.new.update(other.new)
        return True


class SetParams(GraphCommand):
    """Consecutive edits of the same parameters of one node (spin box steps) merge."""

    def __init__(self, graph: Graph, node_id: str, updates: dict[str, Any]) -> None:
        names = ", ".join(updates)
        super().__init__(graph, _tr("Set %1 of %2").replace("%1", names).replace("%2", node_id))
        self.node_id, self.updates = node_id, dict(updates)
        self.old: dict[str, Any] | None = None

    def do(self) -> None:
        old = self.graph.set_params(self.node_id, self.updates)
        if self.old is None:
            self.old = old

    def revert(self) -> None:
        self.graph.set_params(self.node_id, self.old)

    def id(self) -> int:
        return PARAMS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetParams)
            or other.node_id != self.node_id
            or set(other.updates) != set(self.updates)
        ):
            return False
        self.updates = dict(other.updates)
        return True


class Paste(GraphCommand):
    """Add copied nodes under new ids, with the edges among them."""

    def __init__(
        self, graph: Graph, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], text: str
    ) -> None:
        super().__init__(graph, text)
        self.nodes_data, self.edges_data = nodes, edges
        self.added: list[Node] = []
        self.added_edges: list[Edge] = []
        self._done_once = False

    @property
    def node_ids(self) -> list[str]:
        return [n.id for n in self.added]

    def do(self) -> None:
        if self._done_once:
            _restore_nodes(self.graph, self.added, self.added_edges)
            return
        new_id: dict[str, str] = {}
        try:
            for item in self.nodes_data:
                node = self.graph.add_node(
                    item["type"], item.get("params", {}), tuple(item["position"])
                )
                new_id[item["id"]] = node.id
                self.added.append(node)
        except (GraphError, KeyError) as exc:
            for node in reversed(self.added):
                self.graph.remove_node(node.id)
            self.added = []
            raise GraphError(str(exc)) from None
        for item in self.edges_data:
            source, target = new_id.get(item["from"]), new_id.get(item["to"])
            if source is None or target is None:
                continue
            try:
                self.added_edges.append(self.graph.connect(source, target, item.get("port", 0)))
            except GraphError:
                continue  # e.g. a copied loop: keep the nodes, leave that edge out
        self._done_once = True

    def revert(self) -> None:
        for node in reversed(self.added):
            self.graph.remove_node(node.id)


class InsertIntoEdge(GraphCommand):
    """A new layer dropped onto a connection: source → new → target, as one step. Nodes
    downstream may move right (`shifts`) to make room for it."""

    def __init__(
        self,
        graph: Graph,
        layer_id: str,
        position: Position,
        edge: Edge,
        shifts: dict[str, Position] | None = None,
        title: str = "",
    ) -> None:
        text = (
            _tr("Insert %1 between %2 and %3")
            .replace("%1", title or layer_id)
            .replace("%2", edge.source)
            .replace("%3", edge.target)
        )
        super().__init__(graph, text)
        self.layer_id, self.position, self.edge = layer_id, position, edge
        self.shifts = dict(shifts or {})
        self.old_positions = {n: graph.nodes[n].position for n in self.shifts}
        self.node_id: str | None = None

    def do(self) -> None:
        node = self.graph.add_node(self.layer_id, None, self.position, self.node_id)
        self.node_id = node.id
        try:
            self.graph.disconnect(self.edge)
        except GraphError:
            self.graph.remove_node(node.id)
            raise
        try:
            self.graph.connect(self.edge.source, node.id, 0)
            self.graph.connect(node.id, self.edge.target, self.edge.port)
        except GraphError:  # e.g. the new layer takes no input: nothing changes
            self.graph.remove_node(node.id)  # with any edge it got
            self.graph.add_edges_unchecked([self.edge])
            raise
        for node_id, position in self.shifts.items():
            self.graph.move_node(node_id, position)

    def revert(self) -> None:
        for node_id, position in self.old_positions.items():
            self.graph.move_node(node_id, position)
        self.graph.remove_node(self.node_id)
        self.graph.add_edges_unchecked([self.edge])


class DeleteAndReconnect(GraphCommand):
    """Delete a layer with one connected input and join that input to every layer it fed,
    as one step (Dropout out of a chain leaves the chain whole)."""

    def __init__(self, graph: Graph, node_id: str) -> None:
        super().__init__(graph, _tr("Delete %1 and reconnect").replace("%1", node_id))
        self.node_id = node_id
        self.removed: list[Node] = []
        self.removed_edges: list[Edge] = []
        self.added_edges: list[Edge] = []

    def do(self) -> None:
        inputs = [e for e in self.graph.incoming(self.node_id) if e is not None]
        if len(inputs) != 1:
            raise GraphError(
                _tr("%1 needs exactly one connected input to be reconnected").replace(
                    "%1", self.node_id
                )
            )
        source = inputs[0].source
        node, edges = self.graph.remove_node(self.node_id)
        self.removed, self.removed_edges, self.added_edges = [node], edges, []
        try:
            for edge in edges:
                if edge.source == self.node_id:
                    self.added_edges.append(self.graph.connect(source, edge.target, edge.port))
        except GraphError:
            self.revert()
            raise

    def revert(self) -> None:
        for edge in self.added_edges:
            self.graph.disconnect(edge)
        self.added_edges = []
        _restore_nodes(self.graph, self.removed, self.removed_edges)


class SetProjectName(QUndoCommand):
    """Rename the model (the project's name, shown in the inspector and saved in its file)."""

    def __init__(self, project, name: str, notify) -> None:
        super().__init__(_tr("Rename the model to %1").replace("%1", name))
        self.project, self.new, self.old = project, name, project.name
        self.notify = notify

    def redo(self) -> None:
        self.project.name = self.new
        self.notify()

    def undo(self) -> None:
        self.project.name = self.old
        self.notify()
