"""Add and Concatenate: the joins that make residual and branching graphs."""

from __future__ import annotations

from studio.layers.base import (
    Call,
    Formula,
    LayerType,
    ShapeError,
    TensorType,
    example,
    format_shape,
    no_flops,
)
from studio.layers.common import IntParam, feature_dim, params
from studio.messages import joined, msg, term


def _inputs_param() -> IntParam:
    return IntParam("inputs", 2, minimum=2, maximum=8)


def _shapes(c: Call) -> str:
    return joined(
        [msg("input {n} is {got}", n=i + 1, got=t.describe()) for i, t in enumerate(c.inputs)]
    )


def _infer_add(c: Call) -> TensorType:
    first = c.inputs[0]
    if any(t.shape != first.shape for t in c.inputs[1:]):
        raise ShapeError(
            msg(
                "Add needs inputs of the same shape, but {shapes}; make the branches agree "
                "(same filters and pooling, or a 1×1 Conv2D on the shortcut)",
                shapes=_shapes(c),
            )
        )
    return first


def _emit_add(em, c: Call, xs):
    total = xs[0]
    for x in xs[1:]:
        total = em.call("torch.add", total, x)
    return total


def _add_text(c: Call, out: TensorType) -> str:
    return " + ".join(format_shape(t.shape) for t in c.inputs) + f" → {format_shape(out.shape)}"


ADD = LayerType(
    id="Add",
    title="Add",
    category="Merge",
    summary="Adds its inputs element by element: the join of a residual connection.",
    params=params(_inputs_param()),
    infer=_infer_add,
    emit=_emit_add,
    inputs=-1,
    examples=(
        example({}, (3, 4, 4), (3, 4, 4)),
        example({"inputs": 3}, (5,), (5,), (5,)),
    ),
    formula=Formula("x₁ + x₂ + … → x₁   (all the same shape)", "0", _add_text),
    flops=no_flops,
)


def _infer_concat(c: Call) -> TensorType:
    first = c.inputs[0]
    axis = feature_dim(first.rank) if first.rank else -1
    index = 0 if axis == 1 else first.rank - 1
    if any(t.rank != first.rank for t in c.inputs) or any(
        t.shape[:index] + t.shape[index + 1 :] != first.shape[:index] + first.shape[index + 1 :]
        for t in c.inputs
    ):
        along = term("channels") if axis == 1 else term("features")
        raise ShapeError(
            msg(
                "Concatenate joins along the {along}, so all other sizes must match, but {shapes}",
                along=along,
                shapes=_shapes(c),
            )
        )
    size = sum(t.shape[index] for t in c.inputs)
    return TensorType((*first.shape[:index], size, *first.shape[index + 1 :]), first.dtype)


def _concat_text(c: Call, out: TensorType) -> str:
    joined_shapes = " ⊕ ".join(format_shape(t.shape) for t in c.inputs)
    first = c.inputs[0]
    index = 0 if first.rank == 3 else first.rank - 1
    summed = "(" + " + ".join(str(t.shape[index]) for t in c.inputs) + ")"
    if first.rank == 1:
        summed = summed[1:-1]
    parts = [str(v) for v in first.shape]
    parts[index] = summed
    return f"{joined_shapes} → {'×'.join(parts)} = {format_shape(out.shape)}"


CONCATENATE = LayerType(
    id="Concatenate",
    title="Concatenate",
    category="Merge",
    summary="Joins its inputs side by side along the channels (or features).",
    params=params(_inputs_param()),
    infer=_infer_concat,
    emit=lambda em, c, xs: em.call("torch.cat", list(xs), feature_dim(c.x.rank)),
    inputs=-1,
    examples=(
        example({}, (3, 4, 4), (5, 4, 4)),
        example({}, (6,), (4,)),
        example({"inputs": 3}, (5, 3), (5, 2), (5, 1)),
    ),
    formula=Formula(
        "C₁×H×W ⊕ C₂×H×W → (C₁ + C₂)×H×W   (T×F₁ ⊕ T×F₂ → T×(F₁ + F₂))", "0", _concat_text
    ),
    flops=no_flops,
)

LAYERS = [ADD, CONCATENATE]
