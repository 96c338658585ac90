"""Input, Output, Dense, Flatten, Reshape, Dropout, Embedding."""

from __future__ import annotations

import math

from studio.layers.base import (
    Call,
    Formula,
    LayerType,
    ModuleSpec,
    ShapeError,
    TensorType,
    example,
    format_shape,
    no_flops,
)
from studio.layers.common import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    ShapeParam,
    activation_param,
    apply_activation,
    count,
    need_numbers,
    params,
    product,
    unchanged_text,
)
from studio.messages import msg

LOSSES = ("cross_entropy", "binary_cross_entropy", "mse")
INT64 = "int64"


# Input ------------------------------------------------------------------------------------

INPUT = LayerType(
    id="Input",
    title="Input",
    category="Input / Output",
    summary="Where data enters the model: one sample's shape, without the batch.",
    params=params(
        ShapeParam("shape", [1, 28, 28]),
        ChoiceParam("dtype", "float32", choices=("float32", INT64)),
    ),
    infer=lambda c: TensorType(tuple(c["shape"]), c["dtype"]),
    emit=lambda em, c, xs: xs[0],  # the compiler turns Input nodes into forward arguments
    inputs=0,
    examples=(example({}),),
    formula=Formula("out = shape", "0", lambda c, out: f"out = {format_shape(out.shape)}"),
    flops=no_flops,
)


# Output -----------------------------------------------------------------------------------


def _infer_output(c: Call) -> TensorType:
    x = c.x
    if c["target"] == "input" and c["loss"] == "cross_entropy":
        raise ShapeError(
            msg(
                "An Output that reproduces its input needs a loss that compares values, not "
                "classes: set the loss to mse (or binary_cross_entropy for pixels in 0–1)"
            )
        )
    if c["target"] == "labels" and c["loss"] == "cross_entropy" and (x.rank != 1 or x.shape[0] < 2):
        if x.rank > 1:
            raise ShapeError(
                msg(
                    "Cross-entropy needs one score per class (a vector of 2 or more), but the "
                    "model ends in a {got}; end with Dense(number of classes) after a Flatten",
                    got=x.describe(),
                )
            )
        raise ShapeError(
            msg(
                "Cross-entropy needs one score per class (a vector of 2 or more), but the model "
                "ends in a {got}; end with Dense(number of classes)",
                got=x.describe(),
            )
        )
    return x


OUTPUT = LayerType(
    id="Output",
    title="Output",
    category="Input / Output",
    summary="The model's result and the loss it is trained with.",
    params=params(
        ChoiceParam("loss", "cross_entropy", choices=LOSSES),
        ChoiceParam("target", "labels", choices=("labels", "input", "real_or_fake")),
    ),
    infer=_infer_output,
    emit=lambda em, c, xs: xs[0],
    examples=(
        example({"loss": "cross_entropy"}, (10,)),
        example({"loss": "mse", "target": "input"}, (1, 8, 8)),
    ),
    formula=Formula("out = x", "0", unchanged_text),
    flops=no_flops,
)


# Dense ------------------------------------------------------------------------------------


def _infer_dense(c: Call) -> TensorType:
    x = c.x
    need_numbers("Dense", x)
    if x.rank >= 3:
        raise ShapeError(
            msg(
                "Dense expects a flat input (a vector), but gets a {got}; "
                "insert Flatten (or GlobalAveragePooling) before it",
                got=x.describe(),
            )
        )
    return TensorType((*x.shape[:-1], c["units"]))


def _emit_dense(em, c: Call, xs):
    y = em.module(xs[0])
    return apply_activation(em, y, c["activation"], 1)


def _dense_module(c: Call) -> ModuleSpec:
    return ModuleSpec("Linear", (c.x.shape[-1], c["units"]), {"bias": c["use_bias"]})


def _dense_count(c: Call) -> str:
    f, units = c.x.shape[-1], c["units"]
    inner = f"({f} + 1)" if c["use_bias"] else str(f)
    return f"{inner} × {units} = {count((f + c['use_bias']) * units)}"


DENSE = LayerType(
    id="Dense",
    title="Dense",
    category="Core",
    summary="Fully connected layer: every output is a weighted sum of all inputs.",
    params=params(
        IntParam("units", 64, minimum=1, maximum=65536),
        activation_param(),
        BoolParam("use_bias", True),
    ),
    infer=_infer_dense,
    module=_dense_module,
    emit=_emit_dense,
    examples=(
        example({"units": 7}, (20,)),
        example({"units": 3, "activation": "softmax"}, (6, 5)),
        example({"units": 4, "use_bias": False, "activation": "leaky_relu"}, (9,)),
    ),
    formula=Formula("F → units   (T×F → T×units)", "(F + 1) × units", unchanged_text, _dense_count),
    # One multiply-add per weight and input row (2 operations); bias and activation not counted.
    flops=lambda c, out: 2 * math.prod(c.x.shape) * c["units"],
)


# Flatten, Reshape -------------------------------------------------------------------------


def _flatten_text(c: Call, out: TensorType) -> str:
    if c.x.rank == 1:
        return unchanged_text(c, out)
    return f"{format_shape(c.x.shape)} → {product(c.x.shape)} = {format_shape(out.shape)}"


FLATTEN = LayerType(
    id="Flatten",
    title="Flatten",
    category="Core",
    summary="Lays an image or sequence out as one long vector, for Dense layers.",
    params=params(),
    infer=lambda c: TensorType((c.x.numel,), c.x.dtype),
    emit=lambda em, c, xs: em.method(xs[0], "flatten", 1),
    examples=(example({}, (3, 4, 5)), example({}, (6,)), example({}, (5, 2))),
    formula=Formula("C×H×W → C·H·W   (T×F → T·F)", "0", _flatten_text),
    flops=no_flops,
)


def _resolve_reshape(c: Call) -> tuple[int, ...]:
    target = list(c["target_shape"])
    total = c.x.numel
    known = math.prod(v for v in target if v != -1)
    if -1 in target:
        if total % known:
            raise ShapeError(
                msg(
                    "Reshape cannot fit {total} values into {shape}: "
                    "{total} is not a multiple of {known}",
                    total=total,
                    shape=format_shape(tuple(target)),
                    known=known,
                )
            )
        target[target.index(-1)] = total // known
    elif known != total:
        raise ShapeError(
            msg(
                "Reshape cannot turn {total} values ({input}) into {shape} ({known} values); "
                "make the sizes multiply to {total}",
                total=total,
                input=format_shape(c.x.shape),
                shape=format_shape(tuple(target)),
                known=known,
            )
        )
    return tuple(target)


def _reshape_text(c: Call, out: TensorType) -> str:
    target = list(c["target_shape"])
    total = c.x.numel
    result = format_shape(out.shape)
    if -1 not in target:
        return f"{product(c.x.shape)} = {product(target)} → {result}"
    others = [v for v in target if v != -1]
    known = f"({product(others)})" if len(others) > 1 else str(math.prod(others))
    size = "" if c.x.rank == 1 else f"{product(c.x.shape)} = "
    return f"{size}{total}, −1 = {total} / {known} = {total // math.prod(others)} → {result}"


RESHAPE = LayerType(
    id="Reshape",
    title="Reshape",
    category="Core",
    summary="Rearranges the same values into a new shape, e.g. 784 → 1×28×28.",
    params=params(ShapeParam("target_shape", [-1], allow_infer=True)),
    infer=lambda c: TensorType(_resolve_reshape(c), c.x.dtype),
    emit=lambda em, c, xs: em.method(xs[0], "reshape", -1, *_resolve_reshape(c)),
    examples=(
        example({"target_shape": [3, 4]}, (12,)),
        example({"target_shape": [-1]}, (1, 4, 4)),
        example({"target_shape": [2, -1, 3]}, (4, 9)),
    ),
    formula=Formula("∏ in = ∏ target_shape;  −1 = ∏ in / ∏ others", "0", _reshape_text),
    flops=no_flops,
)


# Dropout ----------------------------------------------------------------------------------

DROPOUT = LayerType(
    id="Dropout",
    title="Dropout",
    category="Core",
    summary="During training, zeroes a random fraction of values to fight overfitting.",
    params=params(FloatParam("rate", 0.5, maximum=0.95)),
    infer=lambda c: c.x,
    module=lambda c: ModuleSpec("Dropout", (c["rate"],)),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(example({"rate": 0.3}, (10,)), example({}, (2, 5, 5))),
    formula=Formula("out = x", "0", unchanged_text),
    flops=no_flops,
)


# Embedding --------------------------------------------------------------------------------


def _infer_embedding(c: Call) -> TensorType:
    x = c.x
    if not x.is_integer or x.rank != 1:
        raise ShapeError(
            msg(
                "Embedding expects a sequence of token ids (whole numbers, one per time step), "
                "but gets a {got}; set the Input's dtype to int64 and its shape to "
                "[sequence length]",
                got=x.describe(),
            )
        )
    return TensorType((x.shape[0], c["output_dim"]))


def _embedding_module(c: Call) -> ModuleSpec:
    return ModuleSpec("Embedding", (c["input_dim"], c["output_dim"]))


def _embedding_count(c: Call) -> str:
    v, d = c["input_dim"], c["output_dim"]
    return f"{v} × {d} = {count(v * d)}"


EMBEDDING = LayerType(
    id="Embedding",
    title="Embedding",
    category="Core",
    summary="Turns each token id into a learned vector.",
    params=params(
        IntParam("input_dim", 1000, minimum=2, maximum=1_000_000),
        IntParam("output_dim", 64, minimum=1, maximum=8192),
    ),
    infer=_infer_embedding,
    module=_embedding_module,
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(example({"input_dim": 50, "output_dim": 8}, TensorType((7,), INT64)),),
    formula=Formula("T → T×output_dim", "input_dim × output_dim", unchanged_text, _embedding_count),
    flops=no_flops,
)

LAYERS = [INPUT, OUTPUT, DENSE, FLATTEN, RESHAPE, DROPOUT, EMBEDDING]
