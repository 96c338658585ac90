"""Input, Output, Dense, Flatten, Reshape, Dropout, Embedding, and the layers that rearrange
a sequence or a vector: RepeatVector, Permute and TimeDistributed (a Dense at every step)."""

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
    need_sequence,
    params,
    product,
    unchanged_text,
)
from studio.messages import msg
from studio.params import ParamError

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


def _dense_flops(c: Call, out: TensorType) -> int:
    # One multiply-add per weight and input row (2 operations); bias and activation not counted.
    return 2 * math.prod(c.x.shape) * c["units"]


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
    flops=_dense_flops,
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


# RepeatVector -----------------------------------------------------------------------------


def _infer_repeat(c: Call) -> TensorType:
    x = c.x
    if x.rank != 1:
        raise ShapeError(
            msg(
                "RepeatVector expects a vector, but gets a {got}; insert Flatten (or "
                "GlobalAveragePooling) before it",
                got=x.describe(),
            )
        )
    return TensorType((c["n"], x.shape[0]), x.dtype)


def _emit_repeat(em, c: Call, xs):
    # Batch×F → batch×1×F → batch×n×F (a copy per step, as Keras' RepeatVector gives).
    return em.method(em.method(xs[0], "unsqueeze", 1), "repeat", 1, c["n"], 1)


REPEAT_VECTOR = LayerType(
    id="RepeatVector",
    title="RepeatVector",
    category="Core",
    summary="Repeats a vector n times: a sequence of n equal time steps.",
    params=params(IntParam("n", 4, minimum=1, maximum=65536)),
    infer=_infer_repeat,
    emit=_emit_repeat,
    examples=(example({"n": 5}, (7,)), example({"n": 1}, (3,))),
    formula=Formula(
        "F → n×F",
        "0",
        lambda c, out: f"{c.x.shape[0]} → {c['n']}×{c.x.shape[0]} = {format_shape(out.shape)}",
    ),
    flops=no_flops,
)


# Permute ----------------------------------------------------------------------------------


class AxesParam(ShapeParam):
    """Axis numbers such as Permute's dims [2, 1]: any whole numbers here, so that the shape
    rule, which knows the input's rank, can say which numbers fit (a 0-based [1, 0] from
    PyTorch habits gets that message, not "sizes must be positive"). Edited as a shape."""

    def validate(self, value) -> tuple[int, ...]:
        if isinstance(value, int) and not isinstance(value, bool):
            value = (value,)
        if (
            not isinstance(value, (list, tuple))
            or not 1 <= len(value) <= self.max_rank
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise ParamError(
                msg(
                    "{title} must be a list of 1 to {rank} axis numbers such as [2, 1]",
                    title=self.term,
                    rank=self.max_rank,
                )
            )
        return tuple(value)


def _permutation(c: Call) -> tuple[int, ...]:
    """The dims parameter checked against the input: each axis 1…rank exactly once."""
    dims, rank = tuple(c["dims"]), c.x.rank
    if sorted(dims) != list(range(1, rank + 1)):
        raise ShapeError(
            msg(
                "Permute's dims must name each axis of the {got} once, numbered from 1 to "
                "{rank} (the batch is not counted), such as {example}; {dims} does not",
                got=c.x.describe(),
                rank=rank,
                example=list(range(rank, 0, -1)),
                dims=list(dims),
            )
        )
    return dims


def _infer_permute(c: Call) -> TensorType:
    dims = _permutation(c)
    return TensorType(tuple(c.x.shape[d - 1] for d in dims), c.x.dtype)


def _permute_text(c: Call, out: TensorType) -> str:
    dims = _permutation(c)
    return f"dims {list(dims)}: {format_shape(c.x.shape)} → {format_shape(out.shape)}"


PERMUTE = LayerType(
    id="Permute",
    title="Permute",
    category="Core",
    summary="Reorders the axes of each sample, e.g. time steps×features → features×time steps.",
    params=params(AxesParam("dims", [2, 1])),
    infer=_infer_permute,
    emit=lambda em, c, xs: em.method(xs[0], "permute", 0, *_permutation(c)),
    examples=(
        example({}, (6, 5)),
        example({"dims": [1, 3, 2]}, (2, 3, 4)),
        example({"dims": [3, 1, 2]}, (2, 3, 4)),
        example({"dims": [1]}, (5,)),
    ),
    formula=Formula("dims [2, 1]: T×F → F×T   (out axis i = in axis dims[i])", "0", _permute_text),
    flops=no_flops,
)


# TimeDistributed(Dense) -------------------------------------------------------------------


def _infer_time_distributed(c: Call) -> TensorType:
    need_sequence(
        "TimeDistributed",
        c.x,
        msg(
            "use Dense for a vector, or Reshape to time steps×features (an image's rows as "
            "time steps: 28×28 for MNIST)"
        ),
    )
    return TensorType((c.x.shape[0], c["units"]))


def _emit_time_distributed(em, c: Call, xs):
    # nn.Linear already works on the last axis of every time step: one weight matrix shared.
    y = em.module(xs[0])
    return apply_activation(em, y, c["activation"], 2)


TIME_DISTRIBUTED = LayerType(
    id="TimeDistributed",
    title="TimeDistributed",
    category="Core",
    summary="Applies the same Dense layer to every time step of a sequence.",
    params=params(
        IntParam("units", 32, minimum=1, maximum=65536),
        activation_param(),
        BoolParam("use_bias", True),
    ),
    infer=_infer_time_distributed,
    module=_dense_module,
    emit=_emit_time_distributed,
    examples=(
        example({"units": 4}, (6, 3)),
        example({"units": 5, "activation": "softmax", "use_bias": False}, (3, 8)),
    ),
    formula=Formula(
        "T×F → T×units   (one Dense, the same at every step)",
        "(F + 1) × units",
        lambda c, out: (
            f"{format_shape(c.x.shape)} → {c.x.shape[0]}×{c['units']} = {format_shape(out.shape)}"
        ),
        _dense_count,
    ),
    flops=_dense_flops,
)

LAYERS = [
    INPUT,
    OUTPUT,
    DENSE,
    FLATTEN,
    RESHAPE,
    DROPOUT,
    EMBEDDING,
    REPEAT_VECTOR,
    PERMUTE,
    TIME_DISTRIBUTED,
]
