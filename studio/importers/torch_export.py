""".pt2 files (torch.export) → an editable NetStudio graph with its weights.

The ExportedProgram's graph is a list of ATen operators (aten.conv2d, aten.linear, aten.relu…)
whatever Python wrote them (nn.Conv2d, F.relu, x.view): each becomes the registry layer that
computes the same thing, with its weights, named after the module that held them (a
parameter `conv1.weight` gives the node `conv1`, `features.0.weight` the node `features_0`).
An operator with no such layer, or with settings the layer cannot express exactly, is listed
in the report and the import is refused, unless the user cuts the graph before it
(`cut_at`: the name of the last node to keep, as the report and the refusal name it).

The file is checked and read without unpickling anything (studio.importers.torch_archive) and
its program is never run. Layouts follow studio.importers.onnx_import: a sequence channels
first (batch × channels × time, as nn.Conv1d reads it) is tracked as a node's output with its
last two axes swapped (`Value.transposed`), so the transposes around NetStudio's own Conv1D
cost no node.
"""

from __future__ import annotations

import operator
import re
from pathlib import Path
from typing import Any

import torch

from studio.graph import Graph, GraphError, snake_case
from studio.importers.cut import cut_off_entry, mapped_graph
from studio.importers.onnx_import import checked_weights
from studio.importers.onnx_values import NotMapped, Value
from studio.importers.report import ImportRefused, ImportReport
from studio.importers.torch_archive import load_program
from studio.importers.torch_elementwise import ElementwiseOps
from studio.importers.torch_layers import LayerOps
from studio.messages import msg
from studio.project import Project


def import_pt2(
    path: Path, cut_at: str | None = None
) -> tuple[Project, ImportReport, dict[str, torch.Tensor]]:
    """The project a .pt2 file describes, the report, and its weights (by compile_graph's
    names). Raises ImportRefused listing every operator that has no layer."""
    path = Path(path)
    report = ImportReport(source=str(path))
    program = load_program(path, report)
    return import_program(program, report, path, path.stem, cut_at)


def import_program(
    program: Any, report: ImportReport, path: Path, name: str, cut_at: str | None = None
) -> tuple[Project, ImportReport, dict[str, torch.Tensor]]:
    """The project of an ExportedProgram already read (a .pt2 file, or a module traced in a
    child process)."""
    builder = _Builder(program, report)
    builder.build(cut_at)
    graph = mapped_graph(builder, report, path)
    project = Project(name=name, graph=graph, description=msg("Imported from {file}",
                                                              file=path.name))
    weights = checked_weights(graph, builder.weights, path, report)
    return project, report, weights


def _node_name(text: str) -> str | None:
    """A node id made of a module path: "features.0" → "features_0", "fc1" → "fc1"."""
    name = re.sub(r"[^a-z0-9_]+", "_", snake_case(text)).strip("_")
    if not name:
        return None
    return name if name[0].isalpha() else f"layer_{name}"


def _op_name(node: torch.fx.Node) -> str:
    """aten.conv2d.default → conv2d; operator.getitem → getitem."""
    packet = getattr(node.target, "_overloadpacket", None)
    if packet is None:
        return getattr(node.target, "__name__", str(node.target))
    return packet.__name__.split(".")[-1]


# Python arithmetic in a program works on sizes (the batch), never on data.
_SIZE_ARITHMETIC = {operator.add, operator.sub, operator.mul, operator.floordiv,
                    operator.truediv, operator.mod, operator.neg}


class _Builder(LayerOps, ElementwiseOps):
    def __init__(self, program: Any, report: ImportReport) -> None:
        self.program = program
        self.report = report
        self.graph = Graph()
        self.values: dict[str, Value] = {}
        """fx node name → what it is in the graph being built."""
        self.tensors: dict[str, torch.Tensor] = {}
        """fx placeholder name → parameter, buffer or constant."""
        self.owners: dict[str, str] = {}
        """fx placeholder name → the node id its module gives ("conv1")."""
        self.sizes: set[str] = set()
        """fx nodes that compute sizes from shapes (the batch), not data."""
        self.zeros: set[str] = set()
        """fx nodes that are zeros of some size (a recurrent layer's first state)."""
        self.weights: dict[str, torch.Tensor] = {}
        self.readers: dict[str, int] = {}
        self.pads: dict[str, tuple[torch.fx.Node, list[tuple[int, int]], float, Any]] = {}
        self.skipped: set[str] = set()
        self.reserved: set[str] = set()
        self.built: list[torch.fx.Node] = []
        """Operators mapped in order: the nodes the import can be cut at."""

    # Names and places -------------------------------------------------------------------------

    def where(self, node: torch.fx.Node) -> str:
        if node.op != "call_function":
            op = node.op
        elif hasattr(node.target, "_overloadpacket"):
            op = str(node.target).removesuffix(".default")
        else:
            op = _op_name(node)
        module = self._module_path(node)
        if module:
            return msg("node {name} ({op} in {module})", name=node.name, op=op, module=module)
        return msg("node {name} ({op})", name=node.name, op=op)

    @staticmethod
    def _module_path(node: torch.fx.Node) -> str:
        stack = node.meta.get("nn_module_stack") or {}
        paths = [path for path, _ in stack.values() if path]
        return paths[-1] if paths else ""

    def _new_id(self, layer_id: str, hint: str | None) -> str:
        if hint and hint in self.reserved and hint not in self.graph.nodes:
            return hint
        if hint and hint not in self.reserved and self._usable(hint):
            return hint
        base, n = snake_case(layer_id), 1
        while f"{base}_{n}" in self.graph.nodes or f"{base}_{n}" in self.reserved:
            n += 1
        return f"{base}_{n}"

    def _usable(self, name: str) -> bool:
        try:
            self.graph.check_id(name)
        except GraphError:
            return False
        return True

    def _hint(self, node: torch.fx.Node) -> str | None:
        """The node id that the module of a weight-less operator suggests (its last module)."""
        path = self._module_path(node)
        return _node_name(path.replace(".", "_")) if path else None

    # Graph edits ----------------------------------------------------------------------------

    def _add(
        self, layer_id: str, params: dict[str, Any], sources: list[str], hint: str | None = None
    ) -> str:
        node_id = self._new_id(layer_id, hint)
        try:
            self.graph.add_node(layer_id, params, node_id=node_id)
        except GraphError as exc:
            raise NotMapped(str(exc)) from None
        for port, source in enumerate(sources):
            self.graph.connect(source, node_id, port)
        return node_id

    def _set(self, node: torch.fx.Node, value: Value, alias: bool = False) -> None:
        self.values[node.name] = value
        self.readers[value.node] = self.readers.get(value.node, 0) + len(node.users)
        if alias:
            self.readers[value.node] -= 1  # the alias itself read the value it renames

    def _weight(self, node_id: str, name: str, tensor: torch.Tensor) -> None:
        self.weights[f"{node_id}.{name}"] = tensor.detach().to(torch.float32).clone()

    def _mapped(self, node: torch.fx.Node, node_id: str) -> None:
        self.report.add_mapped(
            self.where(node),
            msg("{layer} {node}", layer=self.graph.nodes[node_id].layer_id, node=node_id),
        )

    # Arguments ------------------------------------------------------------------------------

    @staticmethod
    def _args(node: torch.fx.Node) -> dict[str, Any]:
        """The operator's arguments by their schema's names, defaults filled in."""
        schema = getattr(node.target, "_schema", None)
        if schema is None:
            return {str(i): a for i, a in enumerate(node.args)}
        out: dict[str, Any] = {}
        for index, argument in enumerate(schema.arguments):
            if index < len(node.args):
                out[argument.name] = node.args[index]
            elif argument.name in node.kwargs:
                out[argument.name] = node.kwargs[argument.name]
            elif argument.has_default_value():
                out[argument.name] = argument.default_value
        return out

    def _tensor(self, arg: Any) -> torch.Tensor:
        """A weight: a parameter, buffer or constant of the program."""
        if not isinstance(arg, torch.fx.Node) or arg.name not in self.tensors:
            raise NotMapped(msg("it takes computed values where NetStudio needs fixed weights"))
        return self.tensors[arg.name]

    def _optional_tensor(self, arg: Any) -> torch.Tensor | None:
        return None if arg is None else self._tensor(arg)

    def _owner(self, arg: Any) -> str | None:
        return self.owners.get(arg.name) if isinstance(arg, torch.fx.Node) else None

    def _value(self, arg: Any) -> Value:
        if not isinstance(arg, torch.fx.Node):
            raise NotMapped(msg("it takes the number {value} where a layer takes data",
                                value=arg))
        if arg.name in self.tensors:
            raise NotMapped(msg("it takes the constant {name} where a layer takes data",
                                name=arg.name))
        if arg.name not in self.values:
            raise NotMapped(msg("it reads {name}, which is worked out from the input's shape, "
                                "not data", name=arg.name))
        return self.values[arg.name]

    @staticmethod
    def _shape(arg: Any) -> list[int | None]:
        """The tensor's sizes, None where not fixed (the batch)."""
        value = arg.meta.get("val") if isinstance(arg, torch.fx.Node) else None
        shape = getattr(value, "shape", None)
        if shape is None:
            raise NotMapped(msg("the shape of {name} is not known", name=getattr(arg, "name", "")))
        return [d if isinstance(d, int) else None for d in shape]

    def _rank(self, arg: Any) -> int:
        return len(self._shape(arg))

    def _sizes(self, arg: Any) -> list[int]:
        sizes = self._shape(arg)[2:]
        if any(s is None for s in sizes):
            raise NotMapped(msg("the size of {name} is not fixed", name=arg.name))
        return [int(s) for s in sizes]

    def _plain(self, arg: Any) -> str:
        """A node whose output is the tensor exactly, adding a Permute where needed."""
        value = self._value(arg)
        if value.pooled:
            raise NotMapped(msg("it reads a global pooling's kept axes"))
        if not value.transposed:
            return value.node
        permuted = self._add("Permute", {"dims": [2, 1]}, [value.node])
        self.values[arg.name] = Value(permuted)
        self.readers[permuted] = len(arg.users)
        return permuted

    def _channels_last(self, arg: Any) -> str:
        """A node whose output is the channels-first sequence as time × features."""
        value = self._value(arg)
        if value.pooled:
            raise NotMapped(msg("it reads a global pooling's kept axes"))
        if value.transposed:
            return value.node
        return self._add("Permute", {"dims": [2, 1]}, [value.node])

    # The walk -------------------------------------------------------------------------------

    def build(self, cut_at: str | None) -> None:
        fx_graph = self.program.graph
        self._read_signature()
        keep = self._kept(fx_graph, cut_at) if cut_at else None
        for node in fx_graph.nodes:
            if node.op == "placeholder":
                if node.name not in self.tensors:
                    self._input(node)
                continue
            if node.op == "output":
                continue
            if keep is not None and node.name not in keep:
                if node.op == "call_function" and _op_name(node) not in ("sym_size", "getitem"):
                    self.report.add_cut_off(self.where(node), cut_off_entry(cut_at))
                continue
            self._operator(node)
        if self.report.not_mapped:
            return
        if keep is not None:
            self._output(self._node(fx_graph, cut_at))
            return
        output = next(n for n in fx_graph.nodes if n.op == "output")
        results = output.args[0] if isinstance(output.args[0], (list, tuple)) else [output.args[0]]
        for result in results:
            self._output(result)

    @staticmethod
    def _node(fx_graph: Any, name: str) -> torch.fx.Node:
        return next(n for n in fx_graph.nodes if n.name == name)

    def _kept(self, fx_graph: Any, cut_at: str) -> set[str]:
        """The operators the cut node needs: itself and everything before it on its inputs."""
        found = [n for n in fx_graph.nodes if n.name == cut_at and n.op == "call_function"]
        if not found:
            names = ", ".join(n.name for n in fx_graph.nodes if n.op == "call_function")
            raise ImportRefused(
                msg("There is no node {name} to cut at; the model's nodes are: {names}",
                    name=cut_at, names=names[:2000]),
                self.report,
            )
        keep: set[str] = set()
        stack = [found[0]]
        while stack:
            node = stack.pop()
            if node.name in keep:
                continue
            keep.add(node.name)
            stack.extend(node.all_input_nodes)
        return keep

    def _operator(self, node: torch.fx.Node) -> None:
        inputs = node.all_input_nodes
        if any(n.name in self.skipped for n in inputs):
            self.skipped.add(node.name)  # behind an operator already reported
            return
        if node.op != "call_function":
            self._not_mapped(node, msg("a {kind} node has no NetStudio layer", kind=node.op))
            return
        if node.target in _SIZE_ARITHMETIC and all(n.name in self.sizes for n in inputs):
            self.sizes.add(node.name)
            return
        name = _op_name(node)
        handler = getattr(self, f"_op_{name}", None)
        if handler is None and name.endswith("_") and not name.startswith("_"):
            handler = self._in_place(node, name[:-1])
        if handler is None:
            self._not_mapped(node, msg("the operator {op} has no NetStudio layer", op=name))
            return
        try:
            handler(node, self._args(node))
        except NotMapped as exc:
            self._not_mapped(node, str(exc))
            return
        if node.name in self.values:
            self.built.append(node)

    def _in_place(self, node: torch.fx.Node, name: str) -> Any:
        """relu_, add_…: the operator itself, where nothing else reads the tensor it changes
        (else what the others read would differ)."""
        handler = getattr(self, f"_op_{name}", None)
        changed = node.args[0] if node.args else None
        if handler is None or not isinstance(changed, torch.fx.Node) or len(changed.users) != 1:
            return None
        return handler

    def _not_mapped(self, node: torch.fx.Node, reason: str) -> None:
        self.report.add_not_mapped(self.where(node), reason)
        self.skipped.add(node.name)

    def cut_points(self) -> list[str]:
        """Nodes the import could be cut at: mapped, with everything before them mapped."""
        return [n.name for n in self.built if self.values[n.name].plain]

    def _read_signature(self) -> None:
        signature = self.program.graph_signature
        state = self.program.state_dict
        constants = getattr(self.program, "constants", {}) or {}
        named = {
            **signature.inputs_to_parameters,
            **signature.inputs_to_buffers,
            **getattr(signature, "inputs_to_lifted_tensor_constants", {}),
        }
        for placeholder, fqn in named.items():
            tensor = state.get(fqn)
            if tensor is None:
                tensor = constants.get(fqn)
            if isinstance(tensor, torch.Tensor):
                self.tensors[placeholder] = tensor
                owner = fqn.rpartition(".")[0]
                hint = _node_name(owner.replace(".", "_")) if owner else None
                if hint and self._usable(hint):
                    self.owners[placeholder] = hint
                    self.reserved.add(hint)

    def _input(self, node: torch.fx.Node) -> None:
        value = node.meta.get("val")
        shape = self._shape(node) if hasattr(value, "shape") else []
        dtype = {torch.float32: "float32", torch.int64: "int64"}.get(getattr(value, "dtype", None))
        where = msg("input {name}", name=node.name)
        if dtype is None or len(shape) < 2 or any(s is None for s in shape[1:]):
            self.report.add_not_mapped(
                where,
                msg(
                    "NetStudio's inputs are float32 or int64 with a batch axis first and fixed "
                    "sizes after it; this one is {shape}",
                    shape=shape,
                ),
            )
            self.skipped.add(node.name)
            return
        node_id = self._new_id("Input", _node_name(node.name))
        self.graph.add_node("Input", {"shape": shape[1:], "dtype": dtype}, node_id=node_id)
        self._set(node, Value(node_id))
        self.report.add_mapped(where, msg("Input {node} {shape}", node=node_id, shape=shape[1:]))

    def _output(self, result: Any) -> None:
        if not isinstance(result, torch.fx.Node) or result.name not in self.values:
            self.report.add_not_mapped(
                msg("output {name}", name=str(result)),
                msg("the model returns something other than a tensor the layers compute"),
            )
            return
        try:
            source = self._plain(result)
        except NotMapped as exc:
            self.report.add_not_mapped(msg("output {name}", name=result.name), str(exc))
            return
        layer = self.graph.nodes[source]
        shape = self._shape(result)
        inputs = [n for n in self.graph.nodes.values() if n.layer.is_input]
        softmax = layer.layer_id == "Softmax" or layer.params.get("activation") == "softmax"
        if softmax and len(shape) == 2:
            loss, target = "cross_entropy", "labels"
        elif len(inputs) == 1 and list(inputs[0].params["shape"]) == shape[1:]:
            loss, target = "mse", "input"
        else:
            loss, target = "mse", "labels"
        node_id = self._add("Output", {"loss": loss, "target": target}, [source])
        self.report.add_mapped(
            msg("output {name}", name=result.name),
            msg(
                "Output {node}: loss {loss}, target {target} (chosen by NetStudio: a "
                "PyTorch model holds no training settings)",
                node=node_id,
                loss=loss,
                target=target,
            ),
        )

    # Operators without a layer of their own ---------------------------------------------------

    def _alias(self, node: torch.fx.Node, source: Any) -> None:
        self._set(node, self._value(source), alias=True)

    def _op_getitem(self, node: torch.fx.Node, a: dict[str, Any]) -> None:
        source, index = node.args
        if source.name in self.sizes:
            self.sizes.add(node.name)
            return
        handler = getattr(self, "_getitem_of_" + _op_name(source), None)
        if handler is None:
            raise NotMapped(msg("it takes part {index} of {name}, which no layer gives",
                                index=index, name=source.name))
        handler(node, source, index)

    def _op_sym_size(self, node: torch.fx.Node, a: dict[str, Any]) -> None:
        self.sizes.add(node.name)

    def _op_zeros(self, node: torch.fx.Node, a: dict[str, Any]) -> None:
        self.zeros.add(node.name)

    def _op_clone(self, node: torch.fx.Node, a: dict[str, Any]) -> None:
        self._alias(node, a["self"])

    _op_contiguous = _op_alias = _op_detach = _op_clone  # type: ignore[assignment]

    def _op_slice(self, node: torch.fx.Node, a: dict[str, Any]) -> None:
        """A slice that keeps everything (start 0, to the end): the tensor itself."""
        shape = self._shape(a["self"])
        dim = a["dim"] % len(shape)
        end = a["end"]
        whole = end is None or end >= 2**62 or (shape[dim] is not None and end >= shape[dim])
        if a.get("start") in (0, None) and whole and a.get("step", 1) == 1:
            self._alias(node, a["self"])
            return
        raise NotMapped(msg("a slice of part of a tensor has no layer"))
