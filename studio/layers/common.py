"""What several layer modules share: parameter helpers, activations, input checks, and the
helpers that compute a size together with the formula text that shows how (help cards).

Layer modules import from here and from base, never from the registry: the registry imports
them, one way only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.layers.base import ShapeError, TensorType, format_shape
from studio.messages import msg
from studio.params import (  # noqa: F401  (re-exported for the layer modules)
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    ParamSet,
    ShapeParam,
    SizeParam,
)

# Activation choices ------------------------------------------------------------------------

ACTIVATIONS = (
    "linear", "relu", "leaky_relu", "elu", "selu", "swish", "mish", "sigmoid", "tanh", "gelu",
    "softmax",
)  # fmt: skip

LEAKY_RELU_SLOPE = 0.01
"""The slope of the `leaky_relu` activation choice (PyTorch's default). Keras 3 uses 0.2 for
its "leaky_relu" string; changing ours would change what every saved model computes, so the
help says so and a LeakyReLU node gives any other slope."""
ELU_ALPHA = 1.0
"""The `elu` activation choice's alpha, as Keras' and PyTorch's."""


def activation_param(default: str = "linear") -> ChoiceParam:
    return ChoiceParam("activation", default, choices=ACTIVATIONS)


def params(*items: Param) -> ParamSet:
    return ParamSet(tuple(items))


def feature_dim(rank: int) -> int:
    """Dimension of the batched tensor that holds features: channels of an image, else the last."""
    return 1 if rank == 3 else -1


def apply_activation(em: Any, x: Any, name: str, rank: int, shape: float | None = None) -> Any:
    """Apply activation `name` through an emitter. `shape` is the parameter of the two that
    have one (leaky_relu's negative slope, elu's alpha); None gives the activation choice's."""
    if name == "linear":
        return x
    if name == "relu":
        return em.call("torch.relu", x)
    if name == "leaky_relu":
        return em.call("F.leaky_relu", x, LEAKY_RELU_SLOPE if shape is None else shape)
    if name == "elu":
        return em.call("F.elu", x, ELU_ALPHA if shape is None else shape)
    if name == "selu":
        return em.call("torch.selu", x)
    if name == "swish":  # x·sigmoid(x): Keras' swish is PyTorch's SiLU
        return em.call("F.silu", x)
    if name == "mish":
        return em.call("F.mish", x)
    if name == "sigmoid":
        return em.call("torch.sigmoid", x)
    if name == "tanh":
        return em.call("torch.tanh", x)
    if name == "gelu":
        return em.call("F.gelu", x)
    if name == "softmax":
        return em.call("torch.softmax", x, feature_dim(rank))
    raise ValueError(f"unknown activation {name!r}")


# Input checks ------------------------------------------------------------------------------


def need_numbers(layer: str, x: TensorType) -> None:
    if x.is_integer:
        raise ShapeError(
            msg(
                "{layer} needs numbers, but gets token ids ({got}); insert an Embedding before it",
                layer=layer,
                got=x.describe(),
            )
        )


def need_image(layer: str, x: TensorType, hint: str) -> None:
    need_numbers(layer, x)
    if x.rank != 3:
        raise ShapeError(
            msg(
                "{layer} expects an image (channels×height×width), but gets a {got}; {hint}",
                layer=layer,
                got=x.describe(),
                hint=hint,
            )
        )


def need_sequence(layer: str, x: TensorType, hint: str) -> None:
    need_numbers(layer, x)
    if x.rank != 2:
        raise ShapeError(
            msg(
                "{layer} expects a sequence (time steps×features), but gets a {got}; {hint}",
                layer=layer,
                got=x.describe(),
                hint=hint,
            )
        )


# Sizes with their formula ------------------------------------------------------------------


@dataclass(frozen=True)
class Dim:
    """One output size and the arithmetic that gave it, as the help card shows it:
    Dim("⌊(28 − 3 + 2·0) / 1⌋ + 1", 26)."""

    text: str
    value: int


def per_axis(
    dims: list[Dim],
    lead: tuple[int, ...] = (),
    names=("out_H", "out_W", "out_D"),
    tail: tuple[int, ...] = (),
) -> str:
    """'out = <text> = n → lead×n×n' when all axes compute alike, else one part per axis."""
    result = format_shape((*lead, *(d.value for d in dims), *tail))
    if len(dims) == 1 or all(d == dims[0] for d in dims):
        return f"out = {dims[0].text} = {dims[0].value} → {result}"
    axes = ", ".join(f"{n} = {d.text} = {d.value}" for n, d in zip(names, dims, strict=False))
    return f"{axes} → {result}"


def product(values) -> str:
    return "·".join(str(v) for v in values)


def count(value: int) -> str:
    return f"{value:,}"


def unchanged_text(c: Any, out: TensorType) -> str:
    return f"{format_shape(c.x.shape)} → {format_shape(out.shape)}"
