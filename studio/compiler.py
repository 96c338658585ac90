"""Compile a graph into a torch.fx GraphModule: generated Python `forward`, no interpretation.

`walk_graph` drives any emitter over the graph in topological order; the fx emitter here builds
the GraphModule, and `studio.source` writes standalone source through the same walk.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import fx, nn

from studio.errors import StudioError
from studio.fused_activation import (  # noqa: F401  (LOSS_FUSED_ACTIVATION: re-exported)
    LOSS_FUSED_ACTIVATION,
    fused_activations,
)
from studio.graph import Graph
from studio.layers.base import Call, ModuleSpec, TensorType
from studio.layers.common import apply_activation
from studio.memory import estimate_memory, too_large
from studio.shapes import Analysis, Problem, infer_shapes


class CompileError(StudioError):
    """The graph does not make a model yet; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The model cannot be built yet:\n{lines}")


class ModelTooLargeError(CompileError):
    """The model cannot fit in this machine's memory; the message gives the figures."""

    def __init__(self, reason: str) -> None:
        self.problems = [Problem(None, reason)]
        StudioError.__init__(self, reason)


@dataclass(frozen=True)
class ModelPlan:
    """What a walk needs: the analysis, the nodes that matter, and the logit rewrites."""

    analysis: Analysis
    nodes: list[str]
    inputs: list[str]
    outputs: list[str]
    params_override: dict[str, dict[str, Any]]
    skipped: frozenset[str]
    """Activation nodes replaced by identity (their loss applies them, or a pool follows)."""
    after: dict[str, str] = field(default_factory=dict)
    """Activations applied after a node's own computation (moved past a max-pooling)."""


def output_nodes(graph: Graph) -> list[str]:
    outputs = [n.id for n in graph.nodes.values() if n.layer.is_output]
    return outputs or [n for n in graph.nodes if not graph.outgoing(n)]


# Activations that never decrease: max(f(a), f(b)) == f(max(a, b)), so they commute with a
# max-pooling that follows. Applying them after the pool touches a quarter of the values.
MONOTONIC = frozenset({"relu", "leaky_relu", "sigmoid", "tanh"})
_ACTIVATION_NODES = {"ReLU": "relu", "LeakyReLU": "leaky_relu", "Sigmoid": "sigmoid",
                     "Tanh": "tanh"}


def plan_model(graph: Graph, *, logits: bool = False, reorder_pooling: bool = False) -> ModelPlan:
    analysis = infer_shapes(graph)
    if not analysis.ok:
        raise CompileError(analysis.problems)
    outputs = output_nodes(graph)
    needed = graph.ancestors(outputs)
    nodes = [n for n in analysis.order if n in needed]
    inputs = [n for n in nodes if graph.nodes[n].layer.is_input]
    override: dict[str, dict[str, Any]] = {}
    skipped: set[str] = set()
    if logits:
        # The final softmax/sigmoid that the Output's loss applies itself, also where Dropout,
        # Flatten or Reshape come between (studio.fused_activation); one that cannot be left
        # out has a warning in the analysis.
        for fused in fused_activations(graph, analysis.nodes, outputs):
            if not fused.removable:
                continue
            node = graph.nodes[fused.node_id]
            if fused.as_parameter:
                override[node.id] = {**node.params, "activation": "linear"}
            else:
                skipped.add(node.id)
    after: dict[str, str] = {}
    if reorder_pooling:
        _move_activations_past_pooling(graph, override, skipped, after)
    return ModelPlan(analysis, nodes, inputs, outputs, override, frozenset(skipped), after)


def _move_activations_past_pooling(
    graph: Graph, override: dict[str, dict[str, Any]], skipped: set[str], after: dict[str, str]
) -> None:
    """Rewrite `x → activation → MaxPooling2D` as `x → MaxPooling2D → activation`: the same
    values and gradients (up to ties), a quarter of the activation work."""
    for pool in graph.nodes.values():
        source = _single_source(graph, pool.id) if pool.layer_id == "MaxPooling2D" else None
        if source is None or len(graph.outgoing(source)) != 1 or source in skipped:
            continue
        node = graph.nodes[source]
        params = override.get(source, node.params)
        if params.get("activation") in MONOTONIC:
            after[pool.id] = params["activation"]
            slope = 0.01  # Dense/Conv's leaky_relu slope (apply_activation's default)
            override[source] = {**params, "activation": "linear"}
        elif _ACTIVATION_NODES.get(node.layer_id) in MONOTONIC:
            after[pool.id] = _ACTIVATION_NODES[node.layer_id]
            slope = node.params.get("negative_slope", 0.01)
            skipped.add(source)
        else:
            continue
        if after[pool.id] == "leaky_relu":
            after[pool.id] = f"leaky_relu:{slope}"


def _single_source(graph: Graph, node_id: str) -> str | None:
    edges = [e for e in graph.incoming(node_id) if e is not None]
    return edges[0].source if len(edges) == 1 else None


def walk_graph(graph: Graph, plan: ModelPlan, emitter: Any) -> list[Any]:
    """Emit every needed node; returns the values of the outputs."""
    values: dict[str, Any] = {}
    for node_id in plan.nodes:
        node = graph.nodes[node_id]
        info = plan.analysis.nodes[node_id]
        if node.layer.is_input:
            values[node_id] = emitter.placeholder(node_id, info.output)
            continue
        sources = [values[e.source] for e in graph.incoming(node_id) if e is not None]
        if node_id in plan.skipped:
            values[node_id] = sources[0]
            continue
        params = plan.params_override.get(node_id, node.params)
        call = Call(params, list(info.inputs))
        emitter.begin_node(node_id, node.layer.module(call))
        value = node.layer.emit(emitter, call, sources)
        if node_id in plan.after:
            name, _, slope = plan.after[node_id].partition(":")
            value = apply_activation(emitter, value, name, 3, float(slope or 0.01))
        values[node_id] = value
        emitter.end_node(node_id, value)
    return [values[o] for o in plan.outputs]


_FUNCTION_ROOTS = {"torch": torch, "F": nn.functional}


def resolve_function(name: str) -> Any:
    root, _, attr = name.partition(".")
    return operator.attrgetter(attr)(_FUNCTION_ROOTS[root])


class FxEmitter:
    def __init__(self, device: Any = None) -> None:
        self.device = device
        self.graph = fx.Graph()
        self.root = nn.Module()
        self._node_id = ""
        self._spec: ModuleSpec | None = None

    def placeholder(self, name: str, tensor: TensorType) -> fx.Node:
        return self.graph.placeholder(name)

    def begin_node(self, node_id: str, spec: ModuleSpec | None) -> None:
        self._node_id, self._spec = node_id, spec

    def end_node(self, node_id: str, value: Any) -> None:
        pass

    def module(self, *args: Any) -> fx.Node:
        assert self._spec is not None, f"{self._node_id} has no module"
        self.root.add_module(self._node_id, self._spec.build(self.device))
        return self.graph.call_module(self._node_id, args)

    def call(self, function: str, *args: Any, **kwargs: Any) -> fx.Node:
        return self.graph.call_function(resolve_function(function), args, kwargs)

    def method(self, obj: Any, name: str, *args: Any, **kwargs: Any) -> fx.Node:
        return self.graph.call_method(name, (obj, *args), kwargs)

    def getitem(self, obj: Any, index: Any) -> fx.Node:
        return self.graph.call_function(operator.getitem, (obj, index))


def compile_graph(
    graph: Graph,
    *,
    logits: bool = False,
    name: str = "NetStudioModel",
    device: Any = None,
    optimize: bool = True,
    batch_size: int = 1,
) -> fx.GraphModule:
    """The graph as an nn.Module. With `logits`, a final Softmax/Sigmoid that the Output's loss
    applies itself is left out (for training), also where Dropout, Flatten or Reshape follow it
    (studio.fused_activation); without, the model is what the user drew.
    `optimize` applies rewrites that change no result (see plan_model's reorder_pooling).

    Raises ModelTooLargeError, before allocating anything, when the model cannot fit in this
    machine's memory: built for training (`logits`) with gradients and optimizer state and
    `batch_size` samples' activations, otherwise the weights and one batch's activations."""
    plan = plan_model(graph, logits=logits, reorder_pooling=optimize)
    if torch.device(device or "cpu").type != "meta":
        # Every caller (training, export, the app) builds through this function: the one
        # place to refuse what the machine can never hold.
        reason = too_large(estimate_memory(plan.analysis), training=logits, batch=batch_size)
        if reason is not None:
            raise ModelTooLargeError(reason)
    emitter = FxEmitter(device)
    outputs = walk_graph(graph, plan, emitter)
    emitter.graph.output(outputs[0] if len(outputs) == 1 else tuple(outputs))
    module = fx.GraphModule(emitter.root, emitter.graph, class_name=name)
    module.input_names = plan.inputs
    module.input_types = [plan.analysis.nodes[n].output for n in plan.inputs]
    module.output_types = [plan.analysis.nodes[n].output for n in plan.outputs]
    return module


def example_inputs(types: list[TensorType], batch: int = 2, device: Any = "cpu") -> tuple:
    """Random inputs of the right shapes and dtypes, e.g. for tracing and tests."""
    out = []
    for t in types:
        if t.is_integer:
            out.append(torch.randint(0, 2, (batch, *t.shape), device=device))
        else:
            out.append(torch.randn(batch, *t.shape, device=device))
    return tuple(out)
