"""Rescaling, Normalization and GaussianNoise: layers that change values, not shapes, and learn
nothing by gradients. Their modules are NetStudio's own (studio.layers.modules)."""

from __future__ import annotations

from studio.layers.base import Call, Formula, LayerType, ModuleSpec, TensorType, example, no_flops
from studio.layers.common import FloatParam, count, need_numbers, params, unchanged_text


def _numbers(layer: str):
    def infer(c: Call) -> TensorType:
        need_numbers(layer, c.x)
        return c.x

    return infer


# Rescaling --------------------------------------------------------------------------------


def _rescaling_text(c: Call, out: TensorType) -> str:
    return f"out = x · {c['scale']:.6g} + {c['offset']:.6g};  {unchanged_text(c, out)}"


RESCALING = LayerType(
    id="Rescaling",
    title="Rescaling",
    category="Preprocessing",
    summary="Multiplies every value by a number and adds another, e.g. pixels 0–255 to 0–1.",
    params=params(
        FloatParam("scale", 1 / 255, minimum=-1e6, maximum=1e6),
        FloatParam("offset", 0.0, minimum=-1e6, maximum=1e6),
    ),
    infer=_numbers("Rescaling"),
    module=lambda c: ModuleSpec("Rescaling", (c["scale"], c["offset"])),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(
        example({}, (1, 6, 6)),
        example({"scale": 1 / 127.5, "offset": -1.0}, (5, 3)),
        example({"scale": 2.0}, (7,)),
    ),
    formula=Formula("out = x · scale + offset   (same shape)", "0", _rescaling_text),
    flops=no_flops,
)


# Normalization ----------------------------------------------------------------------------


def statistics_shape(x: TensorType) -> tuple[int, ...]:
    """The shape of Normalization's mean and variance for one sample of `x`, ready to
    broadcast: one per channel of an image or volume (C, 1, 1[, 1]), one per feature (the
    last axis) of a vector or sequence, as Keras' default axis=-1 on channels-last data."""
    if x.rank >= 3:
        return (x.shape[0], *(1 for _ in x.shape[1:]))
    return (x.shape[-1],)


def _features(c: Call) -> int:
    return statistics_shape(c.x)[0]


def _normalization_text(c: Call, out: TensorType) -> str:
    per = "channel" if c.x.rank >= 3 else "feature"
    return f"mean, variance: {_features(c)} (one per {per});  {unchanged_text(c, out)}"


def _normalization_count(c: Call) -> str:
    f = _features(c)
    return f"0 (Keras: 2 × {f} + 1 = {count(2 * f + 1)}, not trainable)"


NORMALIZATION = LayerType(
    id="Normalization",
    title="Normalization",
    category="Preprocessing",
    summary="Shifts and scales each feature to mean 0 and standard deviation 1, with the mean "
    "and variance of the training data.",
    params=params(),
    infer=_numbers("Normalization"),
    module=lambda c: ModuleSpec("Normalization", (statistics_shape(c.x),)),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(
        example({}, (3, 5, 5)),
        example({}, (6,)),
        example({}, (4, 3)),
        example({}, (2, 3, 4, 4)),
    ),
    formula=Formula(
        "out = (x − mean) / max(√variance, 10⁻⁷)   (same shape)",
        "0 (Keras: 2 × F + 1, not trainable)",
        _normalization_text,
        _normalization_count,
    ),
    flops=no_flops,
    # Keras keeps the mean, the variance and the number of samples seen as weights.
    keras_params=lambda c: 2 * _features(c) + 1,
)


# GaussianNoise ----------------------------------------------------------------------------

GAUSSIAN_NOISE = LayerType(
    id="GaussianNoise",
    title="GaussianNoise",
    category="Core",
    summary="During training, adds random noise to every value to fight overfitting.",
    params=params(FloatParam("stddev", 0.1, maximum=1e3)),
    infer=_numbers("GaussianNoise"),
    module=lambda c: ModuleSpec("GaussianNoise", (c["stddev"],)),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(example({}, (1, 6, 6)), example({"stddev": 0.5}, (8,)), example({}, (4, 3))),
    formula=Formula(
        "out = x + noise (training only)   (same shape)",
        "0",
        lambda c, out: f"out = x + N(0, {c['stddev']:.6g}²);  {unchanged_text(c, out)}",
    ),
    flops=no_flops,
)

LAYERS = [RESCALING, NORMALIZATION, GAUSSIAN_NOISE]
