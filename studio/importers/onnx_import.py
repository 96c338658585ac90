"""ONNX files → an editable NetStudio graph with its weights.

Each ONNX operator becomes the registry layer that computes the same thing, with its weights in
PyTorch's layout, named as compile_graph names them (`<node id>.weight`, …). An operator with no
such layer, or with settings the layer cannot express exactly, is listed in the report and the
whole import is refused: a model is never brought in half, nor with a padding or an activation
swapped for a near one.

Layouts: ONNX keeps 1D data channels first (batch × channels × time); NetStudio's sequences are
time × features. A tensor is therefore tracked as a node's output, possibly with its last two
axes swapped (`Value.transposed`); a Transpose between the two layouts costs no node, and a
Permute node is added only where a layer needs the other layout.

NetStudio's own exports are the first target: node ids come back from the weight names, a
Conv → MaxPool → Relu that the compiler reordered is read back as the activation of the Conv,
and an activation that follows a Dense or Conv alone becomes its `activation` parameter.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import torch

from studio.compiler import CompileError, compile_graph
from studio.graph import Graph, GraphError, snake_case
from studio.importers.cut import cut_off_entry, mapped_graph
from studio.importers.onnx_elementwise import ElementwiseOps
from studio.importers.onnx_fold import fold
from studio.importers.onnx_layers import LayerOps
from studio.importers.onnx_read import OnnxModel, read_onnx
from studio.importers.onnx_recurrent import RecurrentOps
from studio.importers.onnx_values import NotMapped, Value, owner, where
from studio.importers.report import ImportRefused, ImportReport
from studio.messages import msg
from studio.project import Project
from studio.shapes import infer_shapes


# ONNX operator → (registry layer, activation parameter value where it can be fused).
def import_onnx(
    path: str | os.PathLike[str], cut_at: str | None = None
) -> tuple[Project, dict[str, torch.Tensor], ImportReport]:
    """The project an .onnx file describes, its weights (by compile_graph's parameter names)
    and the report. Raises ImportRefused, listing every operator that has no layer (a
    CutPointsRefusal naming the nodes the import could end at instead).

    `cut_at` names the last node to import (its name in the file, as the report shows it):
    that node's output becomes the model's, and every operator after it is left out and
    listed in the report as cut off."""
    path = Path(path)
    report = ImportReport(source=str(path))
    model = read_onnx(path, report)
    builder = _Builder(model, report)
    builder.build(cut_at)
    graph = mapped_graph(builder, report, path)
    name = _title(model.proto.doc_string) or path.stem
    project = Project(
        name=name, graph=graph, description=msg("Imported from {file}", file=path.name)
    )
    weights = checked_weights(graph, builder.weights, path, report)
    return project, weights, report


_EXPORTED_BY = ": exported by NetStudio"


def _title(doc_string: str) -> str:
    """The project name that NetStudio's export wrote in the file (studio.export.write_onnx);
    any other exporter's graph name says nothing a user would recognise."""
    return doc_string[: -len(_EXPORTED_BY)] if doc_string.endswith(_EXPORTED_BY) else ""


def import_onnx_with_weights(
    path: Path, cut_at: str | None = None
) -> tuple[Project, ImportReport, dict[str, torch.Tensor]]:
    """import_onnx in the order of the importer table's results, weights last (see the report
    of this work: the table's (Project, ImportReport) has no place for weights yet)."""
    project, weights, report = import_onnx(path, cut_at)
    return project, report, weights


def checked_weights(
    graph: Graph, weights: dict[str, torch.Tensor], path: Path, report: ImportReport
) -> dict[str, torch.Tensor]:
    """The weights, checked to be exactly the compiled model's (names and shapes)."""
    analysis = infer_shapes(graph)
    if not analysis.ok:
        raise ImportRefused(
            msg(
                "{path}: the imported graph does not fit together: {problem}",
                path=str(path),
                problem=str(analysis.problems[0]),
            ),
            report,
        )
    try:
        with torch.device("meta"):
            expected = compile_graph(graph, device="meta").state_dict()
    except CompileError as exc:
        raise ImportRefused(str(exc), report) from None
    out: dict[str, torch.Tensor] = {}
    for name, tensor in expected.items():
        if name.endswith("num_batches_tracked") and name not in weights:
            out[name] = torch.zeros((), dtype=torch.long)  # ONNX keeps no count
            continue
        given = weights.get(name)
        if given is None or tuple(given.shape) != tuple(tensor.shape):
            node = name.split(".")[0]
            raise ImportRefused(
                msg(
                    "{path}: the weights of {node} do not fit its layer ({name}: {got}, "
                    "the layer needs {want})",
                    path=str(path),
                    node=node,
                    name=name,
                    got="none" if given is None else list(given.shape),
                    want=list(tensor.shape),
                ),
                report,
            )
        out[name] = given.to(tensor.dtype).contiguous()
    return out


def _attrs(node: Any) -> dict[str, Any]:
    from onnx import helper

    values = {}
    for attribute in node.attribute:
        value = helper.get_attribute_value(attribute)
        values[attribute.name] = value.decode() if isinstance(value, bytes) else value
    return values


class _Builder(LayerOps, ElementwiseOps, RecurrentOps):
    def __init__(self, model: OnnxModel, report: ImportReport) -> None:
        self.model = model
        self.report = report
        self.graph = Graph()
        self.values: dict[str, Value] = {}
        self.weights: dict[str, torch.Tensor] = {}
        self.readers: dict[str, int] = {}
        """How many ONNX readers each graph node's output still has (fusion needs one)."""
        self.absorbed: set[str] = set()
        """Outputs of nodes folded into an earlier one (a MatMul's bias Add)."""
        self.reserved = self._weight_owners()
        self.kept: set[int] | None = None
        """With a cut: the indices of the nodes kept."""
        self.built: list[Any] = []
        """Operators mapped, in the file's order: where the import could be cut."""
        self.pads: dict[str, tuple[str, list[tuple[int, int]], Any]] = {}
        """Pad outputs left for the convolution or pooling that reads them: (the padded
        tensor, (before, after) per spatial axis). Keras' uneven 'same' is exported so."""

    # Names ----------------------------------------------------------------------------------

    def _weight_owners(self) -> set[str]:
        owners = set()
        for tensor in self.model.proto.graph.initializer:
            name, dot, _ = tensor.name.rpartition(".")
            if dot and self._usable_id(name, set()):
                owners.add(name)
        return owners

    def _usable_id(self, name: str, reserved: set[str]) -> bool:
        if name in reserved:
            return False
        try:
            self.graph.check_id(name)
        except GraphError:
            return False
        return True

    def _new_id(self, layer_id: str, hint: str | None) -> str:
        if hint and hint in self.reserved and hint not in self.graph.nodes:
            return hint
        if hint and self._usable_id(hint, self.reserved):
            return hint
        base, n = snake_case(layer_id), 1
        while f"{base}_{n}" in self.graph.nodes or f"{base}_{n}" in self.reserved:
            n += 1
        return f"{base}_{n}"

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

    def _set(self, tensor: str, value: Value, alias_of: str | None = None) -> None:
        self.values[tensor] = value
        self.readers[value.node] = self.readers.get(value.node, 0) + self.model.consumers.get(
            tensor, 0
        )
        if alias_of is not None:
            self.readers[value.node] -= 1  # the alias itself read the tensor it renames

    def _weight(self, node_id: str, name: str, array: np.ndarray) -> None:
        self.weights[f"{node_id}.{name}"] = torch.from_numpy(np.array(array, dtype=np.float32))

    # Inputs of operators --------------------------------------------------------------------

    def _value(self, tensor: str) -> Value:
        if tensor in self.model.constants:
            raise NotMapped(
                msg("it takes the constant {name} where a layer takes data", name=tensor)
            )
        if tensor not in self.values:
            raise NotMapped(
                msg(
                    "it reads {name}, which is worked out from the input's shape, not data",
                    name=tensor,
                )
            )
        return self.values[tensor]

    def _const(self, tensor: str) -> np.ndarray:
        if tensor not in self.model.constants:
            raise NotMapped(
                msg("{name} is computed, where NetStudio needs fixed weights", name=tensor)
            )
        return self.model.constants[tensor]

    def _rank(self, tensor: str) -> int:
        shape = self.model.shapes.get(tensor)
        if shape is None:
            raise NotMapped(msg("the shape of {name} is not known", name=tensor))
        return len(shape)

    def _sizes(self, tensor: str) -> list[int]:
        shape = self.model.shapes.get(tensor) or []
        sizes = shape[2:]
        if any(s is None for s in sizes):
            raise NotMapped(msg("the size of {name} is not fixed", name=tensor))
        return [int(s) for s in sizes]

    def _plain(self, tensor: str) -> str:
        """A node whose output is the tensor exactly, adding a Permute where needed."""
        value = self._value(tensor)
        self._check_layout(value)
        if not value.transposed:
            return value.node
        permuted = self._add("Permute", {"dims": [2, 1]}, [value.node])
        self._set(tensor, Value(permuted))
        return permuted

    def _channels_last(self, tensor: str) -> str:
        """A node whose output is the channels-first 1D tensor as time × features."""
        value = self._value(tensor)
        self._check_layout(value)
        if value.transposed:
            return value.node
        return self._add("Permute", {"dims": [2, 1]}, [value.node])

    def _check_layout(self, value: Value) -> None:
        if value.pooled:
            raise NotMapped(msg("it reads a global pooling's kept axes"))
        if value.time_major or value.directions:
            raise NotMapped(
                msg("it reads a sequence with time before the batch, which no layer does")
            )

    # The walk -------------------------------------------------------------------------------

    def build(self, cut_at: str | None = None) -> None:
        proto = self.model.proto.graph
        constants = self.model.constants
        self.shape_tensors, self.zero_tensors, folded = fold(self.model.proto, constants)
        cut = self._cut(cut_at, folded) if cut_at else None
        self.kept = cut[1] if cut else None
        self.owners = {t.name: o for t in proto.initializer if (o := owner(t.name))}
        for index in sorted(folded):
            node = proto.node[index]
            for tensor in node.input:  # a Shape reads sizes, not data: no reader of values
                if tensor:
                    self.model.consumers[tensor] -= 1
            found = next((self.owners[t] for t in node.input if t in self.owners), None)
            if found and node.output[0] in constants:
                self.owners[node.output[0]] = found
        known = set(constants) | self.shape_tensors | self.zero_tensors
        for value in proto.input:
            if value.name not in constants:
                self._input(value)
        for index, node in enumerate(proto.node):
            if node.op_type == "Constant" or index in folded:
                continue
            if cut is not None and index not in cut[1]:
                self.report.add_cut_off(where(node), cut_off_entry(cut_at))
                continue
            if node.output[0] in self.absorbed:
                continue
            handler = getattr(self, f"_op_{node.op_type}", None)
            if node.domain not in ("", "ai.onnx") or handler is None:
                self.report.add_not_mapped(
                    where(node), msg("the operator {op} has no NetStudio layer", op=node.op_type)
                )
                continue
            if any(t and t not in self.values and t not in known for t in node.input):
                continue  # behind an operator already reported
            try:
                handler(node, _attrs(node))
            except NotMapped as exc:
                self.report.add_not_mapped(where(node), str(exc))
                continue
            if node.output[0] in self.values:
                self.built.append(node)
        if self.report.not_mapped:
            return
        if cut is not None:
            self._output(proto.node[cut[0]].output[0])
            return
        for value in proto.output:
            self._output(value.name)

    def _cut(self, cut_at: str, folded: set[int]) -> tuple[int, set[int]]:
        """The node to end at and the nodes it needs (itself and all before it on its
        inputs). The readers of every tensor are counted again as if the rest were gone, so
        that an activation after the cut does not keep one before it from fusing."""
        proto = self.model.proto.graph
        names = [node.name or node.output[0] for node in proto.node]
        if cut_at not in names:
            shown = [n for n, node in zip(names, proto.node, strict=True)
                     if node.op_type != "Constant"]
            raise ImportRefused(
                msg("There is no node {name} to cut at; the model's nodes are: {names}",
                    name=cut_at, names=", ".join(shown)[:2000]),
                self.report,
            )
        end = names.index(cut_at)
        producer = {out: i for i, node in enumerate(proto.node) for out in node.output if out}
        keep: set[int] = set()
        stack = [end]
        while stack:
            index = stack.pop()
            if index in keep:
                continue
            keep.add(index)
            stack.extend(producer[t] for t in proto.node[index].input if t in producer)
        for index, node in enumerate(proto.node):
            if index not in keep and index not in folded:  # a folded node's are counted apart
                for tensor in node.input:
                    if tensor:
                        self.model.consumers[tensor] -= 1
        for value in proto.output:
            self.model.consumers[value.name] -= 1
        ended = proto.node[end].output[0]
        self.model.consumers[ended] = self.model.consumers.get(ended, 0) + 1
        return end, keep

    def cut_points(self) -> list[str]:
        """The nodes the import could end at: mapped, with everything before them mapped."""
        return [node.name or node.output[0] for node in self.built
                if self.values[node.output[0]].plain]

    def _input(self, value: Any) -> None:
        from onnx import TensorProto

        kind = value.type.tensor_type
        shape = self.model.shapes.get(value.name, [])
        dtype = {TensorProto.FLOAT: "float32", TensorProto.INT64: "int64"}.get(kind.elem_type)
        where = msg("input {name}", name=value.name)
        if dtype is None or len(shape) < 2 or any(s is None for s in shape[1:]):
            self.report.add_not_mapped(
                where,
                msg(
                    "NetStudio's inputs are float32 or int64 with a batch axis first and fixed "
                    "sizes after it; this one is {shape}",
                    shape=shape,
                ),
            )
            return
        node_id = self._new_id("Input", value.name)
        self.graph.add_node("Input", {"shape": shape[1:], "dtype": dtype}, node_id=node_id)
        self._set(value.name, Value(node_id))
        self.report.add_mapped(where, msg("Input {node} {shape}", node=node_id, shape=shape[1:]))

    def _output(self, tensor: str) -> None:
        try:
            source = self._plain(tensor)
        except NotMapped as exc:  # e.g. a pooling's kept axes, which no layer gives
            self.report.add_not_mapped(msg("output {name}", name=tensor), str(exc))
            return
        layer = self.graph.nodes[source]
        shape = self.model.shapes.get(tensor, [])
        inputs = [n for n in self.graph.nodes.values() if n.layer.is_input]
        ends_in_softmax = layer.layer_id == "Softmax" or layer.params.get("activation") == "softmax"
        if ends_in_softmax and len(shape) == 2:
            loss, target = "cross_entropy", "labels"
        elif len(inputs) == 1 and list(inputs[0].params["shape"]) == shape[1:]:
            loss, target = "mse", "input"
        else:
            loss, target = "mse", "labels"
        node_id = self._add("Output", {"loss": loss, "target": target}, [source], hint=tensor)
        self.report.add_mapped(
            msg("output {name}", name=tensor),
            msg(
                "Output {node}: loss {loss}, target {target} (chosen by NetStudio: an ONNX file "
                "holds no training settings)",
                node=node_id,
                loss=loss,
                target=target,
            ),
        )

    def _mapped(self, node: Any, node_id: str) -> None:
        self.report.add_mapped(
            where(node),
            msg("{layer} {node}", layer=self.graph.nodes[node_id].layer_id, node=node_id),
        )

    # Pass-through operators -----------------------------------------------------------------

    def _op_Identity(self, node: Any, attrs: dict[str, Any]) -> None:
        self._set(node.output[0], self._value(node.input[0]), alias_of=node.input[0])

    def _op_Dropout(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("training_mode") or (len(node.input) > 2 and node.input[2]):
            raise NotMapped(msg("a Dropout in training mode changes its output at random"))
        self._op_Identity(node, attrs)  # an inference graph's Dropout passes its input on

    def _op_Transpose(self, node: Any, attrs: dict[str, Any]) -> None:
        rank = self._rank(node.input[0])
        perm = list(attrs.get("perm", reversed(range(rank))))
        value = self._value(node.input[0])
        if rank == 3 and perm == [0, 2, 1] and not (value.pooled or value.time_major):
            self._set(
                node.output[0], Value(value.node, not value.transposed), alias_of=node.input[0]
            )
            return
        if (
            rank == 3
            and perm == [1, 0, 2]
            and not (value.pooled or value.transposed or value.directions)
        ):
            self._set(
                node.output[0],
                Value(value.node, time_major=not value.time_major),
                alias_of=node.input[0],
            )
            return
        if rank == 4 and perm == [0, 2, 1, 3] and value.directions == 1:
            self._set(
                node.output[0],
                Value(value.node, time_major=True, directions=2),
                alias_of=node.input[0],
            )
            return
        if perm[0] != 0:
            raise NotMapped(msg("it moves the batch axis"))
        node_id = self._add("Permute", {"dims": perm[1:]}, [self._plain(node.input[0])])
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)
