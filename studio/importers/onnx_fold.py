"""Constant arithmetic in an ONNX graph, worked out before the import maps layers.

Exporters leave small computations on constants in the graph: weights sliced and concatenated
into another gate order, shapes read from the input (Shape) to build a zero initial state or a
Reshape target. None of it is a layer. This module computes the parts on constants with numpy
(data movement only: slices, concatenations, reshapes) and marks the parts that depend on the
input's shape alone: `shape` tensors (sizes) and `zeros` tensors (all zeros whatever the batch).
The model's data path is never evaluated.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# Operators that only move or combine constant values: safe to compute on constants.
_FOLDABLE = {
    "Slice",
    "Concat",
    "Unsqueeze",
    "Squeeze",
    "Transpose",
    "Reshape",
    "Gather",
    "Cast",
    "Identity",
}
# Operators that, fed by sizes or zeros only, give sizes or zeros.
_SHAPE_ARITHMETIC = {
    "Concat",
    "Slice",
    "Gather",
    "Unsqueeze",
    "Squeeze",
    "Mul",
    "Add",
    "Sub",
    "Div",
    "Cast",
    "Reshape",
    "Identity",
}
_KEEPS_ZEROS = {"Slice", "Unsqueeze", "Squeeze", "Transpose", "Reshape", "Identity", "Cast"}


def fold(proto: Any, constants: dict[str, np.ndarray]) -> tuple[set[str], set[str], set[int]]:
    """Adds computed constants to `constants`; returns (shape tensors, zero tensors, indices of
    the nodes that need no layer)."""
    from onnx import helper

    shapes: set[str] = set()
    zeros: set[str] = set()
    done: set[int] = set()
    for index, node in enumerate(proto.graph.node):
        if node.domain not in ("", "ai.onnx") or node.op_type == "Constant":
            continue
        inputs = [t for t in node.input if t]
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        if node.op_type == "Shape":
            shapes.add(node.output[0])
            done.add(index)
        elif inputs and all(t in constants for t in inputs) and node.op_type in _FOLDABLE:
            value = _compute(node.op_type, [constants[t] for t in node.input if t], node, attrs)
            if value is not None:
                constants[node.output[0]] = value
                done.add(index)
        elif node.op_type in ("Expand", "ConstantOfShape") and _makes_zeros(
            node, attrs, constants, shapes
        ):
            zeros.add(node.output[0])
            done.add(index)
        elif inputs and all(t in constants or t in shapes or t in zeros for t in inputs):
            if node.op_type in _KEEPS_ZEROS and node.input[0] in zeros:
                zeros.add(node.output[0])
                done.add(index)
            elif (
                node.op_type in _SHAPE_ARITHMETIC
                and any(t in shapes for t in inputs)
                and (node.op_type != "Reshape" or node.input[0] in shapes)
            ):
                shapes.update(o for o in node.output if o)
                done.add(index)
    return shapes, zeros, done


def _makes_zeros(
    node: Any, attrs: dict[str, Any], constants: dict[str, np.ndarray], shapes: set[str]
) -> bool:
    if node.op_type == "ConstantOfShape":
        value = attrs.get("value")
        filled = 0.0 if value is None else float(np.asarray(_tensor(value)).reshape(-1)[0])
        return filled == 0.0 and (node.input[0] in shapes or node.input[0] in constants)
    data, size = node.input[0], node.input[1]
    return (
        data in constants and not np.any(constants[data]) and (size in shapes or size in constants)
    )


def _tensor(value: Any) -> np.ndarray:
    from onnx import numpy_helper

    return numpy_helper.to_array(value)


def _compute(
    op: str, values: list[np.ndarray], node: Any, attrs: dict[str, Any]
) -> np.ndarray | None:
    """The operator's result on constants, or None where it takes inputs this does not know."""
    data = values[0]
    if op in ("Identity", "Cast"):
        return data if op == "Identity" else None  # a Cast's target type is not worth guessing
    if op == "Concat":
        return np.concatenate(values, axis=attrs["axis"])
    if op == "Transpose":
        return np.transpose(data, attrs.get("perm"))
    if op in ("Unsqueeze", "Squeeze"):
        axes = attrs.get("axes")
        if axes is None and len(values) > 1:
            axes = values[1].tolist()
        if op == "Squeeze":
            return np.squeeze(data, axis=None if axes is None else tuple(axes))
        out = data
        for axis in sorted(a % (data.ndim + len(axes)) for a in axes):
            out = np.expand_dims(out, axis)
        return out
    if op == "Reshape":
        target = [int(v) for v in values[1].tolist()]
        if not attrs.get("allowzero", 0):
            target = [data.shape[i] if v == 0 else v for i, v in enumerate(target)]
        return data.reshape(target)
    if op == "Gather":
        return np.take(data, values[1], axis=attrs.get("axis", 0))
    if op == "Slice":
        starts, ends = values[1].tolist(), values[2].tolist()
        axes = values[3].tolist() if len(values) > 3 else list(range(len(starts)))
        steps = values[4].tolist() if len(values) > 4 else [1] * len(starts)
        index = [slice(None)] * data.ndim
        for start, end, axis, step in zip(starts, ends, axes, steps, strict=True):
            index[axis] = slice(start, end, step)
        return data[tuple(index)]
    return None
