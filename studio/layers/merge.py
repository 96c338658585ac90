"""The joins that make residual and branching graphs: Add and Concatenate, and the other
element-wise joins of Keras (Multiply, Subtract, Average, Maximum)."""

from __future__ import annotations

from studio.layers.base import (
    Call,
    Example,
    Formula,
    LayerType,
    ShapeError,
    TensorType,
    example,
    format_shape,
    no_flops,
)
from studio.layers.common import IntParam, feature_dim, need_numbers, params
from studio.messages import joined, msg, term


def _inputs_param() -> IntParam:
    return IntParam("inputs", 2, minimum=2, maximum=8)


def _shapes(c: Call) -> str:
    return joined(
        [msg("input {n} is {got}", n=i + 1, got=t.describe()) for i, t in enumerate(c.inputs)]
    )


def same_shapes(layer: str, c: Call) -> TensorType:
    """The one shape of an element-wise join's inputs; a ShapeError naming them all if they
    differ."""
    first = c.inputs[0]
    if any(t.shape != first.shape for t in c.inputs[1:]):
        raise ShapeError(
            msg(
                "{layer} needs inputs of the same shape, but {shapes}; make the branches agree "
                "(same filters and pooling, or a 1×1 Conv2D on one of them)",
                layer=layer,
                shapes=_shapes(c),
            )
        )
    return first


def _fold(function: str):
    """An emit that joins the inputs pairwise, left to right: ((x₁ ∘ x₂) ∘ x₃) ∘ …"""

    def emit(em, c: Call, xs):
        total = xs[0]
        for x in xs[1:]:
            total = em.call(function, total, x)
        return total

    return emit


def _joined_text(symbol: str):
    """The shape formula of an element-wise join: 'x₁ ∘ x₂ → shape' with its inputs' shapes,
    or 'max(x₁, x₂) → shape' for a join written as a function."""

    def text(c: Call, out: TensorType) -> str:
        shapes = [format_shape(t.shape) for t in c.inputs]
        if symbol.isalpha():
            return f"{symbol}({', '.join(shapes)}) → {format_shape(out.shape)}"
        return f" {symbol} ".join(shapes) + f" → {format_shape(out.shape)}"

    return text


ADD = LayerType(
    id="Add",
    title="Add",
    category="Merge",
    summary="Adds its inputs element by element: the join of a residual connection.",
    params=params(_inputs_param()),
    infer=lambda c: same_shapes("Add", c),
    emit=_fold("torch.add"),
    inputs=-1,
    examples=(
        example({}, (3, 4, 4), (3, 4, 4)),
        example({"inputs": 3}, (5,), (5,), (5,)),
    ),
    formula=Formula("x₁ + x₂ + … → x₁   (all the same shape)", "0", _joined_text("+")),
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


# The other element-wise joins: the same shape rule as Add ---------------------------------


def _elementwise(
    layer_id: str,
    summary: str,
    function: str,
    symbol: str,
    generic: str,
    examples: tuple[Example, ...],
    inputs: int = -1,
) -> LayerType:
    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Merge",
        summary=summary,
        params=params(_inputs_param()) if inputs < 0 else params(),
        infer=lambda c: same_shapes(layer_id, c),
        emit=_fold(function),
        inputs=inputs,
        examples=examples,
        formula=Formula(generic, "0", _joined_text(symbol)),
        flops=no_flops,
    )


MULTIPLY = _elementwise(
    "Multiply",
    "Multiplies its inputs element by element, e.g. a gate by the values it lets through.",
    "torch.mul",
    "·",
    "x₁ · x₂ · … → x₁   (all the same shape)",
    (example({}, (3, 4, 4), (3, 4, 4)), example({"inputs": 3}, (6, 2), (6, 2), (6, 2))),
)
SUBTRACT = _elementwise(
    "Subtract",
    "Subtracts its second input from its first, element by element.",
    "torch.sub",
    "−",
    "x₁ − x₂ → x₁   (the same shape)",
    (example({}, (5,), (5,)), example({}, (2, 3, 3), (2, 3, 3))),
    inputs=2,
)
MAXIMUM = _elementwise(
    "Maximum",
    "Keeps the largest of its inputs at every position.",
    "torch.maximum",
    "max",
    "max(x₁, x₂, …) → x₁   (all the same shape)",
    (example({}, (4, 3), (4, 3)), example({"inputs": 3}, (2, 5, 5), (2, 5, 5), (2, 5, 5))),
)


def _infer_average(c: Call) -> TensorType:
    for t in c.inputs:
        need_numbers("Average", t)  # the mean of token ids is no token id
    return same_shapes("Average", c)


def _emit_average(em, c: Call, xs):
    return em.call("torch.div", _fold("torch.add")(em, c, xs), len(xs))


def _average_text(c: Call, out: TensorType) -> str:
    shapes = " + ".join(format_shape(t.shape) for t in c.inputs)
    return f"({shapes}) / {len(c.inputs)} → {format_shape(out.shape)}"


AVERAGE = LayerType(
    id="Average",
    title="Average",
    category="Merge",
    summary="The mean of its inputs, element by element: e.g. the ensemble of several branches.",
    params=params(_inputs_param()),
    infer=_infer_average,
    emit=_emit_average,
    inputs=-1,
    examples=(
        example({}, (3, 4, 4), (3, 4, 4)),
        example({"inputs": 3}, (7,), (7,), (7,)),
    ),
    formula=Formula("(x₁ + x₂ + …) / n → x₁   (all the same shape)", "0", _average_text),
    flops=no_flops,
)

LAYERS = [ADD, CONCATENATE, MULTIPLY, SUBTRACT, AVERAGE, MAXIMUM]
