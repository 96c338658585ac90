"""Compile a graph into a torch.fx GraphModule: generated Python `forward`, no interpretation.

`walk_graph` drives any emitter over the graph in topological order; the fx emitter here builds
the GraphModule, and `studio.source` writes standalone source through the same walk.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any

import torch
from torch import fx, nn

from studio.graph import Graph
from studio.layers.base import Call, ModuleSpec, TensorType
from studio.shapes import Analysis, Problem, infer_shapes


class CompileError(Exception):
    """The graph does not make a model yet; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The model cannot be built yet:\n{lines}")


# The activation each loss takes care of itself: PyTorch's CrossEntropyLoss applies log-softmax
# and BCEWithLogitsLoss a sigmoid, so a final Softmax/Sigmoid must not be applied twice.
LOSS_FUSED_ACTIVATION = {"cross_entropy": "softmax", "binary_cross_entropy": "sigmoid"}
_ACTIVATION_LAYER = {"softmax": "Softmax", "sigmoid": "Sigmoid"}


@dataclass(frozen=True)
class ModelPlan:
    """What a walk needs: the analysis, the nodes that matter, and the logit rewrites."""

    analysis: Analysis
    nodes: list[str]
    inputs: list[str]
    outputs: list[str]
    params_override: dict[str, dict[str, Any]]
    skipped: frozenset[str]
    """Activation nodes replaced by identity (their loss applies them)."""


def output_nodes(graph: Graph) -> list[str]:
    outputs = [n.id for n in graph.nodes.values() if n.layer.is_output]
    return outputs or [n for n in graph.nodes if not graph.outgoing(n)]


def plan_model(graph: Graph, *, logits: bool = False) -> ModelPlan:
    analysis = infer_shapes(graph)
    if not analysis.ok:
        raise CompileError(analysis.problems)
    outputs = output_nodes(graph)
    needed = {n for n in graph.nodes if any(n == o or graph.reaches(n, o) for o in outputs)}
    nodes = [n for n in analysis.order if n in needed]
    inputs = [n for n in nodes if graph.nodes[n].layer.is_input]
    override: dict[str, dict[str, Any]] = {}
    skipped: set[str] = set()
    if logits:
        for out_id in outputs:
            fused = LOSS_FUSED_ACTIVATION.get(graph.nodes[out_id].params.get("loss", ""))
            last = _single_source(graph, out_id)
            if fused is None or last is None or len(graph.outgoing(last)) != 1:
                continue
            node = graph.nodes[last]
            if node.params.get("activation") == fused:
                override[last] = {**node.params, "activation": "linear"}
            elif node.layer_id == _ACTIVATION_LAYER[fused]:
                skipped.add(last)
    return ModelPlan(analysis, nodes, inputs, outputs, override, frozenset(skipped))


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
        values[node_id] = node.layer.emit(emitter, call, sources)
        emitter.end_node(node_id, values[node_id])
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
    graph: Graph, *, logits: bool = False, name: str = "NetStudioModel", device: Any = None
) -> fx.GraphModule:
    """The graph as an nn.Module. With `logits`, a final Softmax/Sigmoid that the Output's loss
    applies itself is left out (for training); without, the model is what the user drew."""
    plan = plan_model(graph, logits=logits)
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
