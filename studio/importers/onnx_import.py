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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from studio.compiler import CompileError, compile_graph
from studio.graph import Graph, GraphError, snake_case
from studio.importers.onnx_fold import fold
from studio.importers.onnx_read import OnnxModel, read_onnx
from studio.importers.onnx_recurrent import RecurrentOps
from studio.importers.report import ImportRefused, ImportReport
from studio.layers.conv import windows
from studio.layout import layered_positions
from studio.messages import msg
from studio.project import Project
from studio.shapes import infer_shapes

# ONNX operator → (registry layer, activation parameter value where it can be fused).
_ACTIVATIONS = {
    "Relu": ("ReLU", "relu"),
    "Sigmoid": ("Sigmoid", "sigmoid"),
    "Tanh": ("Tanh", "tanh"),
    "Selu": ("SELU", "selu"),
    "Gelu": ("GELU", "gelu"),
    "Elu": ("ELU", "elu"),
    "LeakyRelu": ("LeakyReLU", "leaky_relu"),
    "Softmax": ("Softmax", "softmax"),
}
# Activations that commute with max-pooling: the compiler moves them past a MaxPooling2D.
_MONOTONIC = {"relu", "sigmoid", "tanh", "leaky_relu"}
_HOSTS = {"Dense", "Conv1D", "Conv2D", "ConvTranspose2D"}
"""Layers with an `activation` parameter."""
_DEFAULT_SHAPE = {"leaky_relu": 0.01, "elu": 1.0}
"""The slope/alpha that the activation parameter applies (studio.layers.common)."""
_SELU_ALPHA, _SELU_GAMMA = 1.6732632423543772, 1.0507009873554805
_MERGES = {"Add": "Add", "Sub": "Subtract", "Mul": "Multiply", "Sum": "Add"}
_ALIASES = {"Identity", "Dropout"}


class NotMapped(Exception):
    """An operator the importer knows but cannot bring in as it is; the text says why."""


@dataclass(frozen=True)
class Value:
    """What an ONNX tensor is in the graph being built."""

    node: str
    transposed: bool = False
    """The tensor is the node's output with its last two axes swapped (channels first)."""
    pooled: int = 0
    """Trailing size-1 axes that a global pooling kept (keepdims) and the node has not."""
    time_major: bool = False
    """The tensor is the node's sequence with time first and the batch second."""
    directions: int = 0
    """A recurrent operator's raw output: its directions axis is at 1 (time × directions ×
    batch × hidden) or, after the exporter's Transpose, at 2; 0 for any other tensor."""

    @property
    def plain(self) -> bool:
        return not (self.transposed or self.pooled or self.time_major or self.directions)


def import_onnx(
    path: str | os.PathLike[str],
) -> tuple[Project, dict[str, torch.Tensor], ImportReport]:
    """The project an .onnx file describes, its weights (by compile_graph's parameter names)
    and the report. Raises ImportRefused, listing every operator that has no layer."""
    path = Path(path)
    report = ImportReport(source=str(path))
    model = read_onnx(path, report)
    builder = _Builder(model, report)
    builder.build()
    if report.not_mapped:
        raise ImportRefused(
            msg(
                "{path} cannot be imported: {count} operator(s) have no NetStudio layer or "
                "settings it cannot express exactly: {ops}",
                path=str(path),
                count=len(report.not_mapped),
                ops=", ".join(where for where, _ in report.not_mapped[:8]),
            ),
            report,
        )
    graph = builder.graph
    for node_id, position in layered_positions(graph).items():
        graph.move_node(node_id, position)
    name = model.proto.graph.name or path.stem
    project = Project(name=name, graph=graph, description=msg("Imported from {file}",
                                                              file=path.name))
    weights = _checked_weights(graph, builder.weights, path, report)
    return project, weights, report


def import_onnx_with_weights(
    path: Path,
) -> tuple[Project, ImportReport, dict[str, torch.Tensor]]:
    """import_onnx in the order of the importer table's results, weights last (see the report
    of this work: the table's (Project, ImportReport) has no place for weights yet)."""
    project, weights, report = import_onnx(path)
    return project, report, weights


def _checked_weights(
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


def _where(node: Any) -> str:
    return msg("node {name} ({op})", name=node.name or node.output[0], op=node.op_type)


class _Builder(RecurrentOps):
    NotMapped = NotMapped
    Value = Value

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
        self.pads: dict[str, tuple[str, list[tuple[int, int]], Any]] = {}
        """Pad outputs left for the convolution or pooling that reads them: (the padded
        tensor, (before, after) per spatial axis). Keras' uneven 'same' is exported so."""

    # Names ----------------------------------------------------------------------------------

    def _weight_owners(self) -> set[str]:
        owners = set()
        for tensor in self.model.proto.graph.initializer:
            owner, dot, _ = tensor.name.rpartition(".")
            if dot and self._usable_id(owner, set()):
                owners.add(owner)
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

    def _add(self, layer_id: str, params: dict[str, Any], sources: list[str],
             hint: str | None = None) -> str:
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
            raise NotMapped(msg("it takes the constant {name} where a layer takes data",
                                name=tensor))
        return self.values[tensor]

    def _const(self, tensor: str) -> np.ndarray:
        if tensor not in self.model.constants:
            raise NotMapped(msg("{name} is computed, where NetStudio needs fixed weights",
                                name=tensor))
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
            raise NotMapped(msg("it reads a sequence with time before the batch, which no "
                                "layer does"))

    # The walk -------------------------------------------------------------------------------

    def build(self) -> None:
        proto = self.model.proto.graph
        constants = self.model.constants
        self.shape_tensors, self.zero_tensors, folded = fold(self.model.proto, constants)
        self.owners = {t.name: o for t in proto.initializer if (o := _owner(t.name))}
        for index in sorted(folded):
            node = proto.node[index]
            for tensor in node.input:  # a Shape reads sizes, not data: no reader of values
                if tensor:
                    self.model.consumers[tensor] -= 1
            owner = next((self.owners[t] for t in node.input if t in self.owners), None)
            if owner and node.output[0] in constants:
                self.owners[node.output[0]] = owner
        known = set(constants) | self.shape_tensors | self.zero_tensors
        for value in proto.input:
            if value.name not in constants:
                self._input(value)
        for index, node in enumerate(proto.node):
            if node.op_type == "Constant" or index in folded or node.output[0] in self.absorbed:
                continue
            handler = getattr(self, f"_op_{node.op_type}", None)
            if node.domain not in ("", "ai.onnx") or handler is None:
                self.report.add_not_mapped(
                    _where(node), msg("the operator {op} has no NetStudio layer", op=node.op_type)
                )
                continue
            if any(t and t not in self.values and t not in known for t in node.input):
                continue  # behind an operator already reported
            try:
                handler(node, _attrs(node))
            except NotMapped as exc:
                self.report.add_not_mapped(_where(node), str(exc))
        if not self.report.not_mapped:
            for value in proto.output:
                self._output(value.name)

    def _input(self, value: Any) -> None:
        from onnx import TensorProto

        kind = value.type.tensor_type
        shape = self.model.shapes.get(value.name, [])
        dtype = {TensorProto.FLOAT: "float32", TensorProto.INT64: "int64"}.get(kind.elem_type)
        where = msg("input {name}", name=value.name)
        if dtype is None or len(shape) < 2 or any(s is None for s in shape[1:]):
            self.report.add_not_mapped(
                where,
                msg("NetStudio's inputs are float32 or int64 with a batch axis first and fixed "
                    "sizes after it; this one is {shape}", shape=shape),
            )
            return
        node_id = self._new_id("Input", value.name)
        self.graph.add_node("Input", {"shape": shape[1:], "dtype": dtype}, node_id=node_id)
        self._set(value.name, Value(node_id))
        self.report.add_mapped(where, msg("Input {node} {shape}", node=node_id, shape=shape[1:]))

    def _output(self, tensor: str) -> None:
        source = self._plain(tensor)
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
            msg("Output {node}: loss {loss}, target {target} (chosen by NetStudio: an ONNX file "
                "holds no training settings)", node=node_id, loss=loss, target=target),
        )

    def _mapped(self, node: Any, node_id: str) -> None:
        self.report.add_mapped(_where(node), msg("{layer} {node}", layer=self.graph.nodes[
            node_id].layer_id, node=node_id))

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
            self._set(node.output[0], Value(value.node, not value.transposed),
                      alias_of=node.input[0])
            return
        if rank == 3 and perm == [1, 0, 2] and not (value.pooled or value.transposed
                                                     or value.directions):
            self._set(node.output[0], Value(value.node, time_major=not value.time_major),
                      alias_of=node.input[0])
            return
        if rank == 4 and perm == [0, 2, 1, 3] and value.directions == 1:
            self._set(node.output[0], Value(value.node, time_major=True, directions=2),
                      alias_of=node.input[0])
            return
        if perm[0] != 0:
            raise NotMapped(msg("it moves the batch axis"))
        node_id = self._add("Permute", {"dims": perm[1:]}, [self._plain(node.input[0])])
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    # Dense ----------------------------------------------------------------------------------

    def _op_Gemm(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0:
            raise NotMapped(msg("a Gemm with transA or alpha ≠ 1 is not a Dense layer"))
        b = self._const(node.input[1])
        weight = b if attrs.get("transB", 0) else b.T
        bias = None
        if len(node.input) > 2 and node.input[2]:
            bias = self._const(node.input[2]) * attrs.get("beta", 1.0)
        self._dense(node, node.input[0], weight, bias, node.output[0])

    def _op_MatMul(self, node: Any, attrs: dict[str, Any]) -> None:
        w = self._const(node.input[1])
        if w.ndim != 2:
            raise NotMapped(msg("a MatMul with a {rank}-axis weight is not a Dense layer",
                                rank=w.ndim))
        bias, output = None, node.output[0]
        add = self._bias_add(output, w.shape[1])
        if add is not None:
            bias, output = add[0], add[1].output[0]
        node_id = self._dense(node, node.input[0], w.T, bias, output)
        if add is not None:
            self.report.add_mapped(_where(add[1]), msg("bias of {node}", node=node_id))

    def _bias_add(self, tensor: str, units: int) -> tuple[np.ndarray, Any] | None:
        """The Add that follows a MatMul alone with a vector of `units` values: its bias."""
        if self.model.consumers.get(tensor, 0) != 1:
            return None
        for node in self.model.proto.graph.node:
            if node.op_type != "Add" or tensor not in node.input:
                continue
            other = node.input[1] if node.input[0] == tensor else node.input[0]
            constant = self.model.constants.get(other)
            if constant is not None and constant.size == units:
                self.absorbed.add(node.output[0])
                return constant.reshape(units), node
        return None

    def _dense(self, node: Any, x: str, weight: np.ndarray, bias: np.ndarray | None,
               output: str) -> str:
        if bias is not None and bias.size != weight.shape[0]:
            raise NotMapped(msg("its bias does not have one value per output"))
        params = {"units": int(weight.shape[0]), "activation": "linear",
                  "use_bias": bias is not None}
        node_id = self._add("Dense", params, [self._plain(x)], hint=_owner(node.input[1]))
        self._weight(node_id, "weight", weight)
        if bias is not None:
            self._weight(node_id, "bias", bias.reshape(-1))
        self._set(output, Value(node_id))
        self._mapped(node, node_id)
        return node_id

    # Convolutions ---------------------------------------------------------------------------

    def _op_Conv(self, node: Any, attrs: dict[str, Any]) -> None:
        w = self._const(node.input[1])
        dims = w.ndim - 2
        if dims not in (1, 2):
            raise NotMapped(msg("only 1D and 2D convolutions have a layer"))
        if attrs.get("group", 1) != 1:
            raise NotMapped(msg("a grouped convolution (group {n}) has no layer",
                                n=attrs["group"]))
        strides = _same_all(attrs.get("strides", [1] * dims), "strides")
        dilation = _same_all(attrs.get("dilations", [1] * dims), "dilations")
        kernel = [int(k) for k in w.shape[2:]]
        x, pairs = self._padded(node.input[0], attrs, dims)
        sizes = self._sizes(x)
        source = self._channels_last(x) if dims == 1 else self._plain(x)
        padding, source = self._conv_padding(attrs, pairs, sizes, kernel, strides, dilation,
                                             source)
        layer = "Conv1D" if dims == 1 else "Conv2D"
        bias = self._optional_const(node, 2)
        params = {
            "filters": int(w.shape[0]),
            "kernel_size": kernel[0] if dims == 1 else kernel,
            "strides": strides, "padding": padding, "dilation": dilation,
            "activation": "linear", "use_bias": bias is not None,
        }
        node_id = self._add(layer, params, [source], hint=_owner(node.input[1]))
        self._weight(node_id, "weight", w)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node.output[0], Value(node_id, transposed=dims == 1))
        self._mapped(node, node_id)

    def _conv_padding(self, attrs: dict[str, Any], pairs: list, sizes: list[int],
                      kernel: list[int], strides: int, dilation: int,
                      source: str) -> tuple[str, str]:
        """'valid' or 'same', with a ZeroPadding node before the layer where the file's
        padding is neither (symmetric in 2D, any in 1D)."""
        dims = len(pairs)
        same = windows("Conv", tuple(sizes), tuple(kernel), (strides,) * dims, "same",
                       dilation).pads
        auto = attrs.get("auto_pad", "NOTSET")
        if auto == "SAME_UPPER":
            return "same", source
        if auto == "VALID":
            return "valid", source
        if auto != "NOTSET":
            raise NotMapped(msg("padding {mode} (extra cells first) has no layer", mode=auto))
        pads = [v for pair in pairs for v in pair]
        if not any(pads):
            return "valid", source
        if pairs == list(same):
            return "same", source
        if dims == 1:
            padded = self._add("ZeroPadding1D", {"padding": list(pairs[0])}, [source])
            return "valid", padded
        if all(a == b for a, b in pairs):
            padded = self._add("ZeroPadding2D", {"padding": [a for a, _ in pairs]}, [source])
            return "valid", padded
        raise NotMapped(msg("its padding {pads} is uneven and not Keras' 'same'", pads=pads))

    def _op_ConvTranspose(self, node: Any, attrs: dict[str, Any]) -> None:
        w = self._const(node.input[1])
        if w.ndim != 4 or attrs.get("group", 1) != 1 or "output_shape" in attrs:
            raise NotMapped(msg("only plain 2D transposed convolutions have a layer"))
        if attrs.get("auto_pad", "NOTSET") != "NOTSET":
            raise NotMapped(msg("automatic padding of a transposed convolution has no layer"))
        if _same_all(attrs.get("dilations", [1, 1]), "dilations") != 1:
            raise NotMapped(msg("a dilated transposed convolution has no layer"))
        strides = _same_all(attrs.get("strides", [1, 1]), "strides")
        padding = _same_all(attrs.get("pads", [0, 0, 0, 0]), "pads")
        extra = _same_all(attrs.get("output_padding", [0, 0]), "output_padding")
        bias = self._optional_const(node, 2)
        params = {
            "filters": int(w.shape[1]), "kernel_size": [int(k) for k in w.shape[2:]],
            "strides": strides, "padding": padding, "output_padding": extra,
            "activation": "linear", "use_bias": bias is not None,
        }
        node_id = self._add("ConvTranspose2D", params, [self._plain(node.input[0])],
                            hint=_owner(node.input[1]))
        self._weight(node_id, "weight", w)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    def _optional_const(self, node: Any, index: int) -> np.ndarray | None:
        if len(node.input) > index and node.input[index]:
            return self._const(node.input[index])
        return None

    def _op_Pad(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("mode", "constant") != "constant" or (len(node.input) > 3 and node.input[3]):
            raise NotMapped(msg("only a constant padding of every axis has a layer"))
        pads = [int(v) for v in self._const(node.input[1]).tolist()]
        fill = float(self._const(node.input[2])) if len(node.input) > 2 and node.input[2] else 0.0
        rank = len(pads) // 2
        if any(pads[:2]) or any(pads[rank:rank + 2]) or min(pads) < 0 or rank not in (3, 4):
            raise NotMapped(msg("a padding {pads} of the batch or channels has no layer",
                                pads=pads))
        pairs = list(zip(pads[2:rank], pads[rank + 2:], strict=True))
        reader = self._only_reader(node.output[0])
        lowest = fill <= float(np.finfo(np.float32).min)
        if reader is not None and (
            (reader.op_type == "Conv" and fill == 0.0)
            or (reader.op_type == "MaxPool" and lowest)
        ):
            self.pads[node.output[0]] = (node.input[0], pairs, node)
            self._set(node.output[0], self._value(node.input[0]), alias_of=node.input[0])
            return
        if fill != 0.0:
            raise NotMapped(msg("a padding with {value} has no layer", value=fill))
        if rank == 3:
            node_id = self._add("ZeroPadding1D", {"padding": list(pairs[0])},
                                [self._channels_last(node.input[0])])
        elif all(a == b for a, b in pairs):
            node_id = self._add("ZeroPadding2D", {"padding": [a for a, _ in pairs]},
                                [self._plain(node.input[0])])
        else:
            raise NotMapped(msg("an uneven padding {pads} has no layer", pads=pads))
        self._set(node.output[0], Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    def _only_reader(self, tensor: str) -> Any:
        if self.model.consumers.get(tensor) != 1:
            return None
        return next((n for n in self.model.proto.graph.node if tensor in n.input), None)

    def _padded(self, tensor: str, attrs: dict[str, Any], dims: int) -> tuple[str, list]:
        """The tensor a convolution or pooling really reads and its (before, after) pads,
        a Pad just before it included."""
        pads = list(attrs.get("pads", [0] * 2 * dims))
        pairs = list(zip(pads[:dims], pads[dims:], strict=True))
        if tensor in self.pads:
            tensor, extra, pad = self.pads[tensor]
            pairs = [(a + c, b + d) for (a, b), (c, d) in zip(pairs, extra, strict=True)]
            self.report.add_mapped(_where(pad), msg("padding of the layer that follows"))
        return tensor, pairs

    # Pooling ----------------------------------------------------------------------------------

    def _op_MaxPool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._pool(node, attrs, "Max")

    def _op_AveragePool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._pool(node, attrs, "Average")

    def _pool(self, node: Any, attrs: dict[str, Any], kind: str) -> None:
        if len(node.output) > 1 and node.output[1]:
            raise NotMapped(msg("a MaxPool that also returns indices has no layer"))
        kernel = [int(k) for k in attrs["kernel_shape"]]
        dims = len(kernel)
        if dims not in (1, 2):
            raise NotMapped(msg("only 1D and 2D pooling have a layer"))
        if _same_all(attrs.get("dilations", [1] * dims), "dilations") != 1:
            raise NotMapped(msg("a dilated pooling has no layer"))
        strides = _same_all(attrs.get("strides", [1] * dims), "strides")
        x, pairs = self._padded(node.input[0], attrs, dims)
        sizes = self._sizes(x)
        pads = [v for pair in pairs for v in pair]
        same = windows("Pool", tuple(sizes), tuple(kernel), (strides,) * dims, "same").pads
        auto = attrs.get("auto_pad", "NOTSET")
        if auto == "VALID" or (auto == "NOTSET" and not any(pads)):
            padding = "valid"
        elif auto == "SAME_UPPER" or (auto == "NOTSET" and pairs == list(same)):
            padding = "same"
            if kind == "Average" and attrs.get("count_include_pad", 0):
                raise NotMapped(msg("an average pooling that counts its padding zeros has no "
                                    "layer ('same' averages over the cells inside)"))
        else:
            raise NotMapped(msg("its padding {pads} is not Keras' 'valid' or 'same'", pads=pads))
        pool_size: Any = kernel[0] if dims == 1 or len(set(kernel)) == 1 else kernel
        params = {
            "pool_size": pool_size,
            "strides": 0 if [strides] * dims == kernel else strides,
            "padding": padding,
            "keep_partial": bool(attrs.get("ceil_mode", 0)),
        }
        source = self._channels_last(x) if dims == 1 else self._plain(x)
        node_id = self._add(f"{kind}Pooling{dims}D", params, [source])
        self._set(node.output[0], Value(node_id, transposed=dims == 1))
        self._mapped(node, node_id)

    def _op_GlobalAveragePool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._global(node, "GlobalAveragePooling", keep=True)

    def _op_GlobalMaxPool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._global(node, "GlobalMaxPooling", keep=True)

    def _op_ReduceMean(self, node: Any, attrs: dict[str, Any]) -> None:
        self._reduce(node, attrs, "GlobalAveragePooling")

    def _op_ReduceMax(self, node: Any, attrs: dict[str, Any]) -> None:
        self._reduce(node, attrs, "GlobalMaxPooling")

    def _reduce(self, node: Any, attrs: dict[str, Any], layer: str) -> None:
        rank = self._rank(node.input[0])
        axes = attrs.get("axes")
        if axes is None and len(node.input) > 1 and node.input[1]:
            axes = self._const(node.input[1]).tolist()
        axes = sorted(a % rank for a in (axes or []))
        value = self._value(node.input[0])
        # The spatial axes of the ONNX tensor: H, W of an image; time of a sequence.
        spatial = [2, 3] if rank == 4 else ([2] if value.transposed else [1])
        if rank not in (3, 4) or axes != spatial:
            raise NotMapped(msg("a reduction over axes {axes} is not a global pooling",
                                axes=axes))
        self._global(node, layer, keep=bool(attrs.get("keepdims", 1)))

    def _global(self, node: Any, layer: str, keep: bool) -> None:
        rank = self._rank(node.input[0])
        value = self._value(node.input[0])
        if rank == 4:
            source = self._plain(node.input[0])
        elif rank == 3 and (value.transposed or node.op_type.startswith("Reduce")):
            source = value.node if value.transposed or not value.pooled else self._plain(
                node.input[0])
        elif rank == 3:
            source = self._channels_last(node.input[0])
        else:
            raise NotMapped(msg("a global pooling of a {rank}-axis tensor has no layer",
                                rank=rank))
        node_id = self._add(layer, {}, [source])
        self._set(node.output[0], Value(node_id, pooled=rank - 2 if keep else 0))
        self._mapped(node, node_id)

    # Shapes -----------------------------------------------------------------------------------

    def _op_Flatten(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("axis", 1) != 1:
            raise NotMapped(msg("a Flatten that keeps {n} leading axes has no layer",
                                n=attrs["axis"]))
        self._flatten(node)

    def _flatten(self, node: Any) -> None:
        value = self._value(node.input[0])
        if value.pooled or self._rank(node.input[0]) == 2:
            self._set(node.output[0], Value(value.node), alias_of=node.input[0])
            return
        node_id = self._add("Flatten", {}, [self._plain(node.input[0])])
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    def _op_Squeeze(self, node: Any, attrs: dict[str, Any]) -> None:
        value = self._value(node.input[0])
        if value.directions == 1 and self._single_direction(value.node):
            self._set(node.output[0], Value(value.node, time_major=True),
                      alias_of=node.input[0])
            return
        if not value.pooled:
            raise NotMapped(msg("a Squeeze is imported only after a global pooling"))
        self._set(node.output[0], Value(value.node), alias_of=node.input[0])

    def _single_direction(self, node_id: str) -> bool:
        return not self.graph.nodes[node_id].params.get("bidirectional", False)

    def _op_Reshape(self, node: Any, attrs: dict[str, Any]) -> None:
        value = self._value(node.input[0])
        if value.directions and len(self.model.shapes.get(node.output[0], [])) == 3:
            # time × batch × directions × hidden → time × batch × (directions·hidden), as
            # PyTorch joins a bidirectional layer's two outputs.
            if value.directions == 1 and not self._single_direction(value.node):
                raise NotMapped(msg("it mixes the directions of a bidirectional layer"))
            self._set(node.output[0], Value(value.node, time_major=True),
                      alias_of=node.input[0])
            return
        target = [int(v) for v in self._const(node.input[1]).tolist()]
        rank = self._rank(node.input[0])
        first, rest = (target[0], target[1:]) if target else (None, [])
        batch_kept = (first == 0 and not attrs.get("allowzero", 0)) or (
            first == -1 and all(v > 0 for v in rest)
        )
        if not batch_kept:
            raise NotMapped(msg("a Reshape to {shape} does not keep the batch axis first",
                                shape=target))
        out_shape = self.model.shapes.get(node.output[0], [])
        if len(target) == 2 and (rank > 2 or self._value(node.input[0]).pooled):
            self._flatten(node)
            return
        if out_shape == self.model.shapes.get(node.input[0]):
            self._op_Identity(node, attrs)
            return
        node_id = self._add("Reshape", {"target_shape": rest}, [self._plain(node.input[0])])
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    # Merges ---------------------------------------------------------------------------------

    def _op_Concat(self, node: Any, attrs: dict[str, Any]) -> None:
        rank = self._rank(node.output[0])
        axis = attrs["axis"] % rank
        values = [self._value(t) for t in node.input]
        if rank == 3 and axis == 1 and all(v.transposed for v in values):
            sources, transposed = [v.node for v in values], True
        else:
            if axis != (1 if rank == 4 else rank - 1):
                raise NotMapped(msg("it joins along axis {axis}; Concatenate joins channels "
                                    "or features", axis=axis))
            sources, transposed = [self._plain(t) for t in node.input], False
        self._merge(node, "Concatenate", sources, transposed)

    def _merge(self, node: Any, layer: str, sources: list[str], transposed: bool) -> None:
        if not 2 <= len(sources) <= 8:
            raise NotMapped(msg("{layer} joins 2 to 8 inputs, not {n}", layer=layer,
                                n=len(sources)))
        params = {} if layer == "Subtract" else {"inputs": len(sources)}
        node_id = self._add(layer, params, sources)
        self._set(node.output[0], Value(node_id, transposed=transposed))
        self._mapped(node, node_id)

    def _elementwise(self, node: Any, attrs: dict[str, Any]) -> None:
        layer = _MERGES[node.op_type]
        shapes = [self.model.shapes.get(t) for t in node.input]
        values = [self._value(t) for t in node.input]
        if any(s is None or s[1:] != shapes[0][1:] for s in shapes):
            raise NotMapped(msg("its inputs have different shapes {shapes}; NetStudio's {layer} "
                                "does not broadcast", shapes=shapes, layer=layer))
        if all(v.transposed for v in values):
            self._merge(node, layer, [v.node for v in values], True)
        else:
            self._merge(node, layer, [self._plain(t) for t in node.input], False)

    _op_Add = _op_Sub = _op_Mul = _op_Sum = _elementwise  # type: ignore[assignment]

    # Normalization and activations ------------------------------------------------------------

    def _op_BatchNormalization(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("training_mode", 0) or len([o for o in node.output if o]) > 1:
            raise NotMapped(msg("a BatchNormalization in training mode has no layer"))
        scale, bias, mean, var = (self._const(t) for t in node.input[1:5])
        rank = self._rank(node.input[0])
        source = self._channels_last(node.input[0]) if rank == 3 else self._plain(node.input[0])
        params = {
            "momentum": min(max(float(attrs.get("momentum", 0.9)), 0.0), 0.9999),
            "epsilon": min(max(float(attrs.get("epsilon", 1e-5)), 1e-12), 1.0),
        }
        node_id = self._add("BatchNorm", params, [source], hint=_owner(node.input[1]))
        for name, array in (("weight", scale), ("bias", bias), ("running_mean", mean),
                            ("running_var", var)):
            self._weight(node_id, name, array)
        self._set(node.output[0], Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    def _op_PRelu(self, node: Any, attrs: dict[str, Any]) -> None:
        slope = self._const(node.input[1])
        rank = self._rank(node.input[0])
        source = self._channels_last(node.input[0]) if rank == 3 else self._plain(node.input[0])
        node_id = self._add("PReLU", {}, [source], hint=_owner(node.input[1]))
        self._weight(node_id, "weight", slope.reshape(-1))
        self._set(node.output[0], Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    def _activation(self, node: Any, attrs: dict[str, Any]) -> None:
        layer, name = _ACTIVATIONS[node.op_type]
        value = self._value(node.input[0])
        shape = {"LeakyRelu": attrs.get("alpha", 0.01), "Elu": attrs.get("alpha", 1.0)}.get(
            node.op_type)
        if node.op_type == "Gelu" and attrs.get("approximate", "none") != "none":
            raise NotMapped(msg("the tanh approximation of GELU has no layer"))
        if node.op_type == "Selu" and not (
            abs(attrs.get("alpha", _SELU_ALPHA) - _SELU_ALPHA) < 1e-5
            and abs(attrs.get("gamma", _SELU_GAMMA) - _SELU_GAMMA) < 1e-5
        ):
            raise NotMapped(msg("a SELU with its own alpha or gamma has no layer"))
        if node.op_type == "Softmax":
            rank = self._rank(node.input[0])
            axis = attrs.get("axis", -1) % rank
            features = (1 if rank == 4 else rank - 1)
            if value.transposed and rank == 3 and axis == 1:
                pass  # the channels of a channels-first sequence: its features
            elif value.transposed or axis != features:
                raise NotMapped(msg("a Softmax over axis {axis} is not over the features",
                                    axis=axis))
        if self._fuse(node, value, name, shape):
            return
        params = {}
        if node.op_type == "LeakyRelu":
            params = {"negative_slope": float(shape)}
        elif node.op_type == "Elu":
            params = {"alpha": float(shape)}
        node_id = self._add(layer, params, [value.node])
        self._set(node.output[0], Value(node_id, transposed=value.transposed))
        self._mapped(node, node_id)

    _op_Relu = _op_Sigmoid = _op_Tanh = _op_Selu = _op_Gelu = _activation  # type: ignore
    _op_Elu = _op_LeakyRelu = _op_Softmax = _activation  # type: ignore[assignment]

    def _fuse(self, node: Any, value: Value, name: str, shape: float | None) -> bool:
        """Make the activation the `activation` parameter of the layer before it (also
        across a MaxPooling2D the compiler put first); False where it stays a node."""
        if shape is not None and abs(shape - _DEFAULT_SHAPE[name]) > 1e-9:
            return False
        if self.readers.get(value.node) != 1 or value.pooled:
            return False
        before = self.graph.nodes[value.node]
        if before.layer_id in _HOSTS and before.params["activation"] == "linear":
            self.graph.set_params(before.id, {"activation": name})
            self._set(node.output[0], value, alias_of=node.input[0])
            self.report.add_mapped(_where(node), msg("activation {name} of {node}", name=name,
                                                     node=before.id))
            return True
        if before.layer_id != "MaxPooling2D" or name not in _MONOTONIC:
            return False
        edge = self.graph.incoming(before.id)[0]
        if edge is None or self.readers.get(edge.source) != 1:
            return False
        host = self.graph.nodes[edge.source]
        if host.layer_id in _HOSTS and host.params["activation"] == "linear":
            self.graph.set_params(host.id, {"activation": name})
            where = host.id
        else:
            # The activation node goes back before the pooling, where the user drew it.
            layer = {v[1]: v[0] for v in _ACTIVATIONS.values()}[name]
            params = {"negative_slope": shape} if name == "leaky_relu" else {}
            self.graph.disconnect(edge)
            activation = self._add(layer, params, [host.id])
            self.graph.connect(activation, before.id, 0)
            where = activation
        self._set(node.output[0], value, alias_of=node.input[0])
        self.report.add_mapped(_where(node), msg("activation {name} of {node}", name=name,
                                                 node=where))
        return True


def _owner(weight: str) -> str | None:
    """The node that a NetStudio export's weight name ("conv2d_1.weight") belongs to."""
    owner, dot, _ = weight.rpartition(".")
    return owner if dot else None


def _same_all(values: list[int], what: str) -> int:
    if len(set(values)) != 1:
        raise NotMapped(msg("its {what} {values} differ between axes; NetStudio's layers take "
                            "one value", what=what, values=list(values)))
    return int(values[0])
