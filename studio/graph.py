"""The graph model: nodes (layers with parameters and positions) and edges between ports.

The model owns the rules. It refuses an edge that would close a cycle, that lands on a taken or
missing input port, or a parameter value outside its limits, each with a specific exception whose
message is written for the user. Views subscribe to its signals and never change it directly.
"""

from __future__ import annotations

import keyword
import math
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from studio.errors import StudioError
from studio.events import Signal
from studio.layers.base import LayerType
from studio.layers.registry import get_layer
from studio.messages import msg, term
from studio.params import ParamError, shown, to_json_value


class GraphError(StudioError):
    """An edit the graph refuses. The message is for the user."""


class CycleError(GraphError):
    pass


class PortError(GraphError):
    pass


class NodeNotFoundError(GraphError):
    pass


@dataclass
class Node:
    id: str
    layer_id: str
    params: dict[str, Any]
    position: tuple[float, float] = (0.0, 0.0)

    @property
    def layer(self) -> LayerType:
        return get_layer(self.layer_id)

    @property
    def input_count(self) -> int:
        return self.layer.input_count(self.params)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.layer_id,
            "params": {k: to_json_value(v) for k, v in self.params.items()},
            "position": [round(self.position[0], 1), round(self.position[1], 1)],
        }


@dataclass(frozen=True)
class Edge:
    """From `source`'s output to input port `port` of `target`."""

    source: str
    target: str
    port: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "port": self.port}


# Matched with fullmatch: `$` would also accept a trailing newline ("dense_1\n").
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
MAX_ID_LENGTH = 100
"""Node ids name attributes and variables in exports; no sane model needs longer ones."""
# A loop named in full in a message would repeat every node of a 20,000-node cycle.
LOOP_NAMES_SHOWN = 8
# Node ids become attribute names of the compiled nn.Module: keep clear of its own attributes.
_RESERVED = {"forward", "training", "graph", "code", "self", "torch", "nn", "F"}


MAX_COORDINATE = 1e8
"""Positions on the canvas stay within ±this: a 20,000-node chain spans 5 million; NaN,
infinities and 1e300 make the canvas fail to paint."""


def checked_position(position: Any, node_id: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in position)
    except (TypeError, ValueError, OverflowError):  # not two numbers, or an int past floats
        x = y = math.nan
    if not all(math.isfinite(v) and abs(v) <= MAX_COORDINATE for v in (x, y)):
        raise GraphError(
            msg(
                "{node}: the position must be two numbers between -{limit:g} and {limit:g}",
                node=node_id,
                limit=MAX_COORDINATE,
            )
        )
    return x, y


def snake_case(name: str) -> str:
    """Keras-style node names: MaxPooling2D → max_pooling2d, LSTM → lstm."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Edges by target (port -> edge) and by source, kept in step with `edges` by every edit
        # below, so that inputs and successors cost their own count and whole-graph passes
        # stay linear. `_index_key` (the list itself and its length) notices an `edges` list
        # replaced or grown behind the graph's back, and the index is built afresh.
        self._into: dict[str, dict[int, Edge]] = {}
        self._out: dict[str, list[Edge]] = {}
        self._index_key: tuple[list[Edge], int] | None = None
        self._next_suffix: dict[str, int] = {}
        self.node_added = Signal()  # (node)
        self.node_removed = Signal()  # (node)
        self.edge_added = Signal()  # (edge)
        self.edge_removed = Signal()  # (edge)
        self.params_changed = Signal()  # (node_id)
        self.node_moved = Signal()  # (node_id, position)
        self.node_renamed = Signal()  # (old_id, new_id)
        self.changed = Signal()  # () after any change that can alter shapes

    # Queries ------------------------------------------------------------------------------

    def node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise NodeNotFoundError(
                msg("There is no node {node!r} in the graph", node=node_id)
            ) from None

    def incoming(self, node_id: str) -> list[Edge | None]:
        """The edge into each input port of the node, None where a port is free."""
        ports: list[Edge | None] = [None] * self.node(node_id).input_count
        for port, e in self._edges_into(node_id).items():
            if port < len(ports):
                ports[port] = e
        return ports

    def outgoing(self, node_id: str) -> list[Edge]:
        self._check_index()
        return list(self._out.get(node_id, ()))

    def successors(self, node_id: str) -> list[str]:
        self._check_index()
        return [e.target for e in self._out.get(node_id, ())]

    def predecessors(self, node_id: str) -> list[str]:
        """The nodes whose output feeds this one, in port order (every port, even those above
        the layer's current input count)."""
        into = self._edges_into(node_id)
        return [into[port].source for port in sorted(into)]

    def ancestors(self, node_ids: Iterable[str]) -> set[str]:
        """`node_ids` and every node that leads to one of them."""
        found = set(node_ids)
        stack = list(found)
        while stack:
            for source in self.predecessors(stack.pop()):
                if source not in found:
                    found.add(source)
                    stack.append(source)
        return found

    def _edges_into(self, node_id: str) -> dict[int, Edge]:
        self._check_index()
        return self._into.get(node_id, {})

    # The edge index ---------------------------------------------------------------------

    def _check_index(self) -> None:
        key = self._index_key
        if key is None or key[0] is not self.edges or key[1] != len(self.edges):
            self._into, self._out = {}, {}
            for edge in self.edges:
                self._index(edge)
            self._index_key = (self.edges, len(self.edges))

    def _index(self, edge: Edge) -> None:
        # The last edge on a port wins, as it did when ports were looked up by a scan.
        self._into.setdefault(edge.target, {})[edge.port] = edge
        self._out.setdefault(edge.source, []).append(edge)

    def _append_edge(self, edge: Edge) -> None:
        self._check_index()
        self.edges.append(edge)
        self._index(edge)
        self._index_key = (self.edges, len(self.edges))

    def reaches(self, start: str, goal: str, avoid: str | None = None) -> bool:
        """Whether a path leads from start to goal (not passing through `avoid`)."""
        seen, stack = ({avoid} if avoid else set()), [start]
        while stack:
            current = stack.pop()
            if current == goal:
                return True
            if current not in seen:
                seen.add(current)
                stack.extend(self.successors(current))
        return False

    def unique_id(self, layer_id: str) -> str:
        base = snake_case(layer_id)
        # The smallest free number, found from a bound below which all are taken (lowered
        # again when a node gives its name up): adding the n-th Dense must not try dense_1 …
        # dense_n-1 again, which made building a 20,000-node chain quadratic.
        n = self._next_suffix.get(base, 1)
        while f"{base}_{n}" in self.nodes:
            n += 1
        self._next_suffix[base] = n
        return f"{base}_{n}"

    def _name_freed(self, node_id: str) -> None:
        base, _, number = node_id.rpartition("_")
        if number.isascii() and number.isdigit() and base in self._next_suffix:
            self._next_suffix[base] = min(self._next_suffix[base], int(number))

    def check_id(self, node_id: str) -> None:
        if (
            not isinstance(node_id, str)
            or len(node_id) > MAX_ID_LENGTH
            or not _IDENTIFIER.fullmatch(node_id)
            or keyword.iskeyword(node_id)
            or node_id in _RESERVED
        ):
            raise GraphError(
                msg(
                    "{node!r} cannot name a node: use lowercase letters, digits and _, "
                    "starting with a letter",
                    node=shown(node_id),
                )
            )
        if node_id in self.nodes:
            raise GraphError(msg("There is already a node named {node!r}", node=node_id))

    # Edits --------------------------------------------------------------------------------

    def add_node(
        self,
        layer_id: str,
        params: dict[str, Any] | None = None,
        position: tuple[float, float] = (0.0, 0.0),
        node_id: str | None = None,
    ) -> Node:
        layer = get_layer(layer_id)
        node_id = node_id or self.unique_id(layer_id)
        self.check_id(node_id)
        try:
            values = layer.params.validate(params or {}, layer.title)
        except ParamError as exc:
            raise GraphError(msg("{node}: {error}", node=node_id, error=str(exc))) from None
        node = Node(node_id, layer_id, values, checked_position(position, node_id))
        self.nodes[node_id] = node
        self.node_added.emit(node)
        self.changed.emit()
        return node

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Remove a node and its edges; returns both so that an undo can put them back."""
        node = self.node(node_id)
        edges = [e for e in self.edges if node_id in (e.source, e.target)]
        for e in edges:
            self._remove_edge(e)
        del self.nodes[node_id]
        self._name_freed(node_id)
        self.node_removed.emit(node)
        self.changed.emit()
        return node, edges

    def check_connect(self, source: str, target: str, port: int) -> None:
        src, dst = self.node(source), self.node(target)
        if dst.input_count == 0:
            raise PortError(
                msg(
                    "{node} is an {layer} and takes no incoming connection",
                    node=dst.id,
                    layer=term(dst.layer.title, "layers"),
                )
            )
        if not 0 <= port < dst.input_count:
            raise PortError(
                msg(
                    "{node} has no input {port} (it has {count})",
                    node=dst.id,
                    port=port + 1,
                    count=dst.input_count,
                )
            )
        if src.layer.is_output:
            raise PortError(msg("{node} is an Output: nothing can follow it", node=source))
        if source == target or self.reaches(target, source):
            raise CycleError(
                msg(
                    "Connecting {source} to {target} would make a loop ({target} already leads "
                    "to {source}); a model must flow one way",
                    source=source,
                    target=target,
                )
            )
        if port in self._edges_into(target):
            if dst.input_count > 1:
                raise PortError(
                    msg(
                        "input {port} of {node} is already connected; remove that connection first",
                        port=port + 1,
                        node=target,
                    )
                )
            raise PortError(
                msg(
                    "{node} is already connected; remove that connection first",
                    node=target,
                )
            )

    def connect(self, source: str, target: str, port: int | None = None) -> Edge:
        if port is None:
            taken = set(self._edges_into(target))
            free = [p for p in range(self.node(target).input_count) if p not in taken]
            port = free[0] if free else 0  # all taken: check_connect says why it cannot
        self.check_connect(source, target, port)
        edge = Edge(source, target, port)
        self._append_edge(edge)
        self.edge_added.emit(edge)
        self.changed.emit()
        return edge

    def disconnect(self, edge: Edge) -> None:
        if edge not in self.edges:
            raise GraphError(
                msg(
                    "There is no connection from {source} to {target}",
                    source=edge.source,
                    target=edge.target,
                )
            )
        self._remove_edge(edge)
        self.changed.emit()

    def _remove_edge(self, edge: Edge) -> None:
        self._check_index()
        self.edges.remove(edge)
        ports = self._into.get(edge.target, {})
        if ports.get(edge.port) == edge:
            del ports[edge.port]
        self._out[edge.source].remove(edge)
        self._index_key = (self.edges, len(self.edges))
        self.edge_removed.emit(edge)

    def set_params(self, node_id: str, updates: dict[str, Any]) -> dict[str, Any]:
        """Validate and apply parameter changes; returns the previous values (for undo)."""
        node = self.node(node_id)
        try:
            values = node.layer.params.validate({**node.params, **updates}, node.layer.title)
        except ParamError as exc:
            raise GraphError(msg("{node}: {error}", node=node_id, error=str(exc))) from None
        new_count = node.layer.input_count(values)
        if any(e.target == node_id and e.port >= new_count for e in self.edges):
            raise GraphError(
                msg(
                    "{node} has connections on inputs above {count}; remove them first",
                    node=node_id,
                    count=new_count,
                )
            )
        old = {k: node.params[k] for k in updates}
        node.params = values
        self.params_changed.emit(node_id)
        self.changed.emit()
        return old

    def rename_node(self, node_id: str, new_id: str) -> None:
        """Give a node a new id (its name in the model and in exports); edges follow it."""
        node = self.node(node_id)
        if new_id == node_id:
            return
        self.check_id(new_id)
        self.nodes = {(new_id if k == node_id else k): v for k, v in self.nodes.items()}
        node.id = new_id
        self.edges = [
            Edge(
                new_id if e.source == node_id else e.source,
                new_id if e.target == node_id else e.target,
                e.port,
            )
            for e in self.edges
        ]
        self._index_key = None  # a new list: index it afresh
        self._name_freed(node_id)
        self.node_renamed.emit(node_id, new_id)
        self.changed.emit()

    def move_node(self, node_id: str, position: tuple[float, float]) -> None:
        self.node(node_id).position = checked_position(position, node_id)
        self.node_moved.emit(node_id, self.nodes[node_id].position)

    # Whole-graph operations ---------------------------------------------------------------

    def partial_order(self) -> tuple[list[str], list[str]]:
        """Kahn's order: the nodes in an order with every node after its inputs, and those
        left over because a loop (or a node behind one) never frees them."""
        indegree = {n: 0 for n in self.nodes}
        for e in self.edges:
            indegree[e.target] += 1
        ready = deque(n for n, d in indegree.items() if d == 0)
        order: list[str] = []
        while ready:
            current = ready.popleft()
            order.append(current)
            for succ in self.successors(current):
                indegree[succ] -= 1
                if indegree[succ] == 0:
                    ready.append(succ)
        placed = set(order)
        return order, [n for n in self.nodes if n not in placed]

    def topological_order(self) -> list[str]:
        """Node ids with every node after its inputs; raises CycleError naming a loop."""
        order, stuck = self.partial_order()
        if stuck:
            raise CycleError(
                msg(
                    "These nodes form a loop: {nodes}; remove one connection",
                    nodes=names_in_short(stuck),
                )
            )
        return order

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes.values()],
            "edges": [e.to_dict() for e in self.edges],
        }

    def copy(self) -> Graph:
        return graph_from_dict(self.to_dict())

    def add_edges_unchecked(self, edges: Iterable[Edge]) -> None:
        """Put back edges exactly as they were (undo of a removal); emits as usual."""
        for edge in edges:
            self._append_edge(edge)
            self.edge_added.emit(edge)
        self.changed.emit()


def names_in_short(names: list[str], separator: str = ", ") -> str:
    """Node names for a message: all of a few, the first ones and a count of a great many."""
    if len(names) <= LOOP_NAMES_SHOWN:
        return separator.join(names)
    shown_names = separator.join(names[:LOOP_NAMES_SHOWN])
    return msg("{names} … ({count:,} nodes)", names=shown_names, count=len(names))


def graph_from_dict(data: dict[str, Any]) -> Graph:
    """Build a graph from its JSON form, without the cycle rule: a file may hold a cycle, which
    shape inference then reports on the nodes involved rather than refusing the whole file."""
    graph = Graph()
    for item in data.get("nodes", []):
        position = item.get("position", (0.0, 0.0))
        graph.add_node(item["type"], item.get("params", {}), tuple(position), item["id"])
    for item in data.get("edges", []):
        source, target, port = item["from"], item["to"], item.get("port", 0)
        graph.node(source)
        dst = graph.node(target)
        if not 0 <= port < dst.input_count:
            raise PortError(
                msg(
                    "{node} has no input {port} (it has {count})",
                    node=target,
                    port=port + 1,
                    count=dst.input_count,
                )
            )
        if port in graph._edges_into(target):
            raise PortError(
                msg("input {port} of {node} is connected twice", port=port + 1, node=target)
            )
        graph._append_edge(Edge(source, target, port))
    return graph
