"""Input, Output, Dense, Flatten, Reshape, Dropout, Embedding."""

from __future__ import annotations

import math

from studio.layers.base import Call, LayerType, ModuleSpec, ShapeError, TensorType, format_shape
from studio.layers.registry import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    activation_param,
    apply_activation,
    params,
    register,
)
from studio.messages import msg
from studio.params import ShapeParam

LOSSES = ("cross_entropy", "binary_cross_entropy", "mse")


def need_numbers(layer: str, x: TensorType) -> None:
    if x.is_integer:
        raise ShapeError(
            msg(
                "{layer} needs numbers, but gets token ids ({got}); insert an Embedding before it",
                layer=layer,
                got=x.describe(),
            )
        )


# Input ------------------------------------------------------------------------------------

register(
    LayerType(
        id="Input",
        title="Input",
        category="Input / Output",
        summary="Where data enters the model: one sample's shape, without the batch.",
        params=params(
            ShapeParam(
                "shape",
                [1, 28, 28],
                help="Channels×height×width for images, time×features for sequences, "
                "features for vectors.",
            ),
            ChoiceParam(
                "dtype",
                "float32",
                help="float32 for measurements and pixels; int64 for token ids (Embedding).",
                choices=("float32", "int64"),
            ),
        ),
        infer=lambda c: TensorType(tuple(c["shape"]), c["dtype"]),
        emit=lambda em, c, xs: xs[0],  # the compiler turns Input nodes into forward arguments
        inputs=0,
    )
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


register(
    LayerType(
        id="Output",
        title="Output",
        category="Input / Output",
        summary="The model's result and the loss it is trained with.",
        params=params(
            ChoiceParam(
                "loss",
                "cross_entropy",
                help="cross_entropy for classes, binary_cross_entropy for yes/no or multi-label, "
                "mse for numbers and reconstructions.",
                choices=LOSSES,
            ),
            ChoiceParam(
                "target",
                "labels",
                help="labels: learn the data set's labels; input: reproduce the input "
                "(autoencoders); real_or_fake: tell real samples from generated ones (GANs).",
                choices=("labels", "input", "real_or_fake"),
            ),
        ),
        infer=_infer_output,
        emit=lambda em, c, xs: xs[0],
    )
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


register(
    LayerType(
        id="Dense",
        title="Dense",
        category="Core",
        summary="Fully connected layer: every output is a weighted sum of all inputs.",
        params=params(
            IntParam("units", 64, help="Number of outputs (neurons).", minimum=1, maximum=65536),
            activation_param(),
            BoolParam("use_bias", True, help="Add a learned offset to each output."),
        ),
        infer=_infer_dense,
        module=_dense_module,
        emit=_emit_dense,
    )
)


# Flatten, Reshape -------------------------------------------------------------------------

register(
    LayerType(
        id="Flatten",
        title="Flatten",
        category="Core",
        summary="Lays an image or sequence out as one long vector, for Dense layers.",
        params=params(),
        infer=lambda c: TensorType((c.x.numel,), c.x.dtype),
        emit=lambda em, c, xs: em.method(xs[0], "flatten", 1),
    )
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


register(
    LayerType(
        id="Reshape",
        title="Reshape",
        category="Core",
        summary="Rearranges the same values into a new shape, e.g. 784 → 1×28×28.",
        params=params(
            ShapeParam(
                "target_shape",
                [-1],
                help="New shape without the batch; -1 once means 'the rest'.",
                allow_infer=True,
            ),
        ),
        infer=lambda c: TensorType(_resolve_reshape(c), c.x.dtype),
        emit=lambda em, c, xs: em.method(xs[0], "reshape", -1, *_resolve_reshape(c)),
    )
)


# Dropout ----------------------------------------------------------------------------------

register(
    LayerType(
        id="Dropout",
        title="Dropout",
        category="Core",
        summary="During training, zeroes a random fraction of values to fight overfitting.",
        params=params(
            FloatParam("rate", 0.5, help="Fraction of values dropped (0–0.95).", maximum=0.95),
        ),
        infer=lambda c: c.x,
        module=lambda c: ModuleSpec("Dropout", (c["rate"],)),
        emit=lambda em, c, xs: em.module(xs[0]),
    )
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


register(
    LayerType(
        id="Embedding",
        title="Embedding",
        category="Core",
        summary="Turns each token id into a learned vector.",
        params=params(
            IntParam(
                "input_dim",
                1000,
                help="Vocabulary size (largest id + 1).",
                minimum=2,
                maximum=1_000_000,
            ),
            IntParam("output_dim", 64, help="Length of each vector.", minimum=1, maximum=8192),
        ),
        infer=_infer_embedding,
        module=_embedding_module,
        emit=lambda em, c, xs: em.module(xs[0]),
    )
)
