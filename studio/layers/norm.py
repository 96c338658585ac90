"""BatchNorm and LayerNorm."""

from __future__ import annotations

import math

from studio.layers.base import Call, Formula, LayerType, ModuleSpec, TensorType, example, no_flops
from studio.layers.common import FloatParam, count, need_numbers, params, product, unchanged_text


def _numbers(layer: str):
    def infer(c: Call) -> TensorType:
        need_numbers(layer, c.x)
        return c.x

    return infer


def _batchnorm_features(c: Call) -> int:
    return c.x.shape[0] if c.x.rank == 3 else c.x.shape[-1]


def _batchnorm_module(c: Call) -> ModuleSpec:
    # Keras' momentum weighs the old statistics; PyTorch's weighs the new batch.
    kwargs = {"eps": c["epsilon"], "momentum": round(1 - c["momentum"], 6)}
    cls = "BatchNorm2d" if c.x.rank == 3 else "BatchNorm1d"
    return ModuleSpec(cls, (_batchnorm_features(c),), kwargs)


def _emit_batchnorm(em, c: Call, xs):
    if c.x.rank != 2:
        return em.module(xs[0])
    # BatchNorm1d wants features before time; sequences are time×features.
    y = em.module(em.method(xs[0], "transpose", 1, 2))
    return em.method(y, "transpose", 1, 2)


def _batchnorm_count(c: Call) -> str:
    features = _batchnorm_features(c)
    return f"2 × {features} = {count(2 * features)}"


BATCH_NORM = LayerType(
    id="BatchNorm",
    title="BatchNormalization",
    category="Normalization",
    summary="Normalizes each channel over the batch; speeds up and steadies training.",
    params=params(
        FloatParam("momentum", 0.99, minimum=0.0, maximum=0.9999),
        FloatParam("epsilon", 1e-3, minimum=1e-12, maximum=1.0),
    ),
    infer=_numbers("BatchNorm"),
    module=_batchnorm_module,
    emit=_emit_batchnorm,
    examples=(
        example({}, (3, 6, 6)),
        example({}, (10,)),
        example({"momentum": 0.9}, (5, 4)),
    ),
    formula=Formula("out = x", "2 × C", unchanged_text, _batchnorm_count),
    flops=no_flops,
    # Keras counts the moving mean and variance too, as non-trainable parameters.
    keras_params=lambda c: 4 * _batchnorm_features(c),
)


def _layernorm_shape(c: Call) -> tuple[int, ...]:
    return c.x.shape if c.x.rank == 3 else c.x.shape[-1:]


def _layernorm_count(c: Call) -> str:
    shape = _layernorm_shape(c)
    return f"2 × {product(shape)} = {count(2 * math.prod(shape))}"


LAYER_NORM = LayerType(
    id="LayerNorm",
    title="LayerNormalization",
    category="Normalization",
    summary="Normalizes each sample's features; the norm of Transformers.",
    params=params(FloatParam("epsilon", 1e-5, minimum=1e-12, maximum=1.0)),
    infer=_numbers("LayerNorm"),
    module=lambda c: ModuleSpec("LayerNorm", (_layernorm_shape(c),), {"eps": c["epsilon"]}),
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(example({}, (3, 6, 6)), example({}, (10,)), example({}, (5, 4))),
    formula=Formula("out = x", "2 × F   (C×H×W: 2 × C·H·W)", unchanged_text, _layernorm_count),
    flops=no_flops,
)

LAYERS = [BATCH_NORM, LAYER_NORM]
