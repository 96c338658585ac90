"""Shape inference with per-node diagnostics, cheap enough to run after every edit.

Each node gets its output type, or the reason it does not fit, or the name of the upstream node
that keeps it from being known. Parameter counts come from formulas or tables where there are
some (a pretrained backbone's), else from building each node's module on the meta device (no
memory), cached by the module's spec.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import deque
from dataclasses import dataclass, field

from studio.fused_activation import (
    ACTIVATION_LAYER,
    FusedActivation,
    early_softmaxes,
    fused_activations,
)
from studio.graph import LOOP_NAMES_SHOWN, Graph, names_in_short
from studio.layers.base import Call, ModuleSpec, ShapeError, TensorType
from studio.layers.pretrained import MODULE_CLASS, backbone_parameters
from studio.messages import msg


@dataclass(frozen=True)
class NodeInfo:
    output: TensorType | None = None
    inputs: tuple[TensorType, ...] = ()
    error: str | None = None
    blocked_by: str | None = None
    """An upstream node whose problem keeps this one's shape unknown."""
    params: int = 0
    module: ModuleSpec | None = None
    keras_params: int | None = None
    """The count Keras' model.summary() shows, where it differs from PyTorch's `params` (an
    LSTM's second bias, BatchNorm's moving statistics); None where they agree."""
    notes: tuple[str, ...] = ()
    """The analysis' warnings about this node (its `warnings` with this node's id)."""
    frozen: int = 0
    """How many of `params` training leaves as they are (a frozen pretrained backbone)."""

    @property
    def trainable(self) -> int:
        return self.params - self.frozen

    @property
    def keras_count(self) -> int:
        return self.params if self.keras_params is None else self.keras_params

    @property
    def ok(self) -> bool:
        return self.output is not None


@dataclass(frozen=True)
class Problem:
    node_id: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.node_id}: {self.message}" if self.node_id else self.message


@dataclass
class Analysis:
    nodes: dict[str, NodeInfo] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total_params(self) -> int:
        return sum(info.params for info in self.nodes.values())

    @property
    def total_frozen(self) -> int:
        """Parameters training leaves as they are (frozen backbones); 0 when all train."""
        return sum(info.frozen for info in self.nodes.values())

    @property
    def total_keras_params(self) -> int:
        """What Keras' model.summary() gives as "Total params" for the same model."""
        return sum(info.keras_count for info in self.nodes.values())

    def error_of(self, node_id: str) -> str | None:
        return self.nodes[node_id].error if node_id in self.nodes else None


@functools.lru_cache(maxsize=4096)
def count_parameters(spec: ModuleSpec) -> int:
    counted = _COUNTED_BY_TABLE.get(spec.cls)
    if counted is not None:
        return counted(spec)
    formula = _PARAMETER_FORMULAS.get(spec.cls)
    if formula is not None and not spec.kwargs.keys() - {"bias", "stride", "padding", "dilation"}:
        return formula(*spec.args, bias=spec.kwargs.get("bias", True))
    module = spec.build(device="meta")
    return sum(p.numel() for p in module.parameters())


def _conv_parameters(inputs: int, outputs: int, kernel, *, bias: bool) -> int:
    size = math.prod(kernel) if isinstance(kernel, (tuple, list)) else kernel
    return outputs * inputs * size + (outputs if bias else 0)


# The commonest modules by formula: building one on the meta device takes most of a
# millisecond, which a graph of thousands of distinct layers feels on every edit.
# tests/test_graph.py checks them against the built modules.
_PARAMETER_FORMULAS = {
    "Linear": lambda inputs, outputs, *, bias: inputs * outputs + (outputs if bias else 0),
    "Conv2d": _conv_parameters,
    "Conv1d": _conv_parameters,
    # Built on the meta device, an Embedding imports torch._dynamo: 2–3 s in the GUI thread.
    "Embedding": lambda count, width, *, bias: count * width,
}

# Modules never built to be counted: a pretrained backbone would take up to a second and load
# its weights file. Their counts come from tables (tests/test_layers.py builds and compares).
_COUNTED_BY_TABLE = {MODULE_CLASS: backbone_parameters}


def _order_with_loops(graph: Graph) -> tuple[list[str], list[list[str]]]:
    """Kahn's order of the nodes that are not stuck behind a loop, and the loops themselves
    (strongly connected components with a cycle), found in linear time."""
    order, stuck = graph.partial_order()
    return order, _loops(graph, stuck)


def _loops(graph: Graph, nodes: list[str]) -> list[list[str]]:
    """Tarjan's strongly connected components of `nodes`, iteratively (a 20,000-node loop
    must not hit Python's recursion limit); only those that really hold a cycle."""
    inside = set(nodes)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    loops: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(graph.successors(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for succ in successors:
                if succ not in inside:
                    continue
                if succ not in index:
                    index[succ] = low[succ] = len(index)
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(graph.successors(succ))))
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph.successors(node):
                        loops.append(sorted(component))
    return loops


def infer_shapes(graph: Graph) -> Analysis:
    analysis = Analysis()
    order, loops = _order_with_loops(graph)
    analysis.order = order
    for loop in loops:
        text = msg(
            "is part of a loop ({loop}); a model must flow one way: "
            "remove one of these connections",
            # Round to the first node again, unless there are too many to name them all.
            loop=names_in_short([*loop, loop[0]] if len(loop) < LOOP_NAMES_SHOWN else loop, " → "),
        )
        for node_id in loop:
            analysis.nodes[node_id] = NodeInfo(error=text)
    for node_id in graph.nodes:
        if node_id in analysis.nodes:
            analysis.problems.append(Problem(node_id, analysis.nodes[node_id].error))

    for node_id in order:
        analysis.nodes[node_id] = _infer_node(graph, node_id, analysis)
        if analysis.nodes[node_id].error:
            analysis.problems.append(Problem(node_id, analysis.nodes[node_id].error))

    # Nodes downstream of a loop never came out of the ordering: each waits for the first loop
    # node that reaches it (one breadth-first pass from all loops at once).
    blocked = deque((n, n) for loop in loops for n in loop)
    while blocked:
        current, blocker = blocked.popleft()
        for succ in graph.successors(current):
            if succ not in analysis.nodes:
                analysis.nodes[succ] = NodeInfo(blocked_by=blocker)
                blocked.append((succ, blocker))

    _check_whole_graph(graph, analysis)
    return analysis


def _infer_node(graph: Graph, node_id: str, analysis: Analysis) -> NodeInfo:
    node = graph.nodes[node_id]
    layer = node.layer
    inputs: list[TensorType] = []
    for port, edge in enumerate(graph.incoming(node_id)):
        if edge is None:
            if node.input_count > 1:
                return NodeInfo(
                    error=msg(
                        "input {port} is not connected; connect a layer to it or delete this node",
                        port=port + 1,
                    )
                )
            return NodeInfo(
                error=msg("its input is not connected; connect a layer to it or delete this node")
            )
        upstream = analysis.nodes[edge.source]
        if upstream.output is None:
            return NodeInfo(blocked_by=upstream.blocked_by or edge.source)
        inputs.append(upstream.output)
    call = Call(node.params, inputs)
    try:
        output = layer.infer(call)
        spec = layer.module(call)
    except ShapeError as exc:
        return NodeInfo(inputs=tuple(inputs), error=str(exc))
    params = count_parameters(spec) if spec is not None else 0
    keras = layer.keras_params(call) if layer.keras_params is not None else None
    frozen = layer.frozen_params(call) if layer.frozen_params is not None else 0
    return NodeInfo(
        output=output,
        inputs=tuple(inputs),
        params=params,
        module=spec,
        keras_params=None if keras == params else keras,
        frozen=frozen,
    )


def _check_whole_graph(graph: Graph, analysis: Analysis) -> None:
    if not graph.nodes:
        analysis.problems.append(
            Problem(None, msg("The model is empty: add an Input layer to start"))
        )
        return
    if not any(n.layer.is_input for n in graph.nodes.values()):
        analysis.problems.append(
            Problem(
                None, msg("The model has no Input layer: add one and connect it to the first layer")
            )
        )
    for node in graph.nodes.values():
        if not node.layer.is_output and not graph.outgoing(node.id):
            analysis.warnings.append(
                Problem(node.id, msg("its output is not used: connect it onward or to an Output"))
            )
    for node in graph.nodes.values():
        info = analysis.nodes.get(node.id)
        if info is not None and info.frozen and node.params.get("weights") == "none":
            analysis.warnings.append(
                Problem(
                    node.id,
                    msg(
                        "its weights are random (weights none) and frozen, so they never "
                        "learn: choose pretrained weights, or set freeze to none"
                    ),
                )
            )
    outputs = [n.id for n in graph.nodes.values() if n.layer.is_output]
    for fused in fused_activations(graph, analysis.nodes, outputs):
        if not fused.removable:
            analysis.warnings.append(Problem(fused.node_id, _applied_twice(fused)))
    for softmax, scoring, output in early_softmaxes(graph, outputs):
        analysis.warnings.append(
            Problem(
                softmax,
                msg(
                    "its softmax feeds {layer}, the last layer before {output}: the class "
                    "scores are then computed from probabilities, which learns poorly. If the "
                    "softmax was meant to end the model, move it to {layer} (training leaves it "
                    "to the cross_entropy loss); otherwise use relu here",
                    layer=scoring,
                    output=output,
                ),
            )
        )
    _attach_notes(analysis)


def _applied_twice(fused: FusedActivation) -> str:
    """Why a softmax (sigmoid) that training cannot leave to the loss is a problem, and the fix."""
    values = {
        "activation": fused.activation,
        "loss": fused.loss,
        "output": fused.output_id,
        "layer": ACTIVATION_LAYER[fused.activation],
    }
    if fused.as_parameter:
        return msg(
            "its {activation} reaches the {loss} loss of {output}, which applies {activation} "
            "itself: the loss can never get near 0. Set its activation to linear, or put a "
            "{layer} layer right before {output} instead",
            **values,
        )
    return msg(
        "this {activation} reaches the {loss} loss of {output}, which applies {activation} "
        "itself: the loss can never get near 0. Delete it, or move it right before {output}, "
        "feeding nothing else",
        **values,
    )


def _attach_notes(analysis: Analysis) -> None:
    """Each node's warnings on its NodeInfo too, for the views that show one node."""
    notes: dict[str, list[str]] = {}
    for warning in analysis.warnings:
        if warning.node_id in analysis.nodes:
            notes.setdefault(warning.node_id, []).append(warning.message)
    for node_id, texts in notes.items():
        analysis.nodes[node_id] = dataclasses.replace(analysis.nodes[node_id], notes=tuple(texts))
