"""Add and Concatenate: the joins that make residual and branching graphs."""

from __future__ import annotations

from studio.layers.base import Call, LayerType, ShapeError, TensorType
from studio.layers.registry import IntParam, feature_dim, params, register
from studio.messages import joined, msg, term


def _inputs_param() -> IntParam:
    return IntParam("inputs", 2, help="Number of incoming connections.", minimum=2, maximum=8)


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


register(
    LayerType(
        id="Add",
        title="Add",
        category="Merge",
        summary="Adds its inputs element by element: the join of a residual connection.",
        params=params(_inputs_param()),
        infer=_infer_add,
        emit=_emit_add,
        inputs=-1,
    )
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


register(
    LayerType(
        id="Concatenate",
        title="Concatenate",
        category="Merge",
        summary="Joins its inputs side by side along the channels (or features).",
        params=params(_inputs_param()),
        infer=_infer_concat,
        emit=lambda em, c, xs: em.call("torch.cat", list(xs), feature_dim(c.x.rank)),
        inputs=-1,
    )
)
