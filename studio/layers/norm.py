"""BatchNorm and LayerNorm."""

from __future__ import annotations

from studio.layers.base import Call, LayerType, ModuleSpec, TensorType
from studio.layers.core import need_numbers
from studio.layers.registry import FloatParam, params, register


def _numbers(layer: str):
    def infer(c: Call) -> TensorType:
        need_numbers(layer, c.x)
        return c.x

    return infer


def _batchnorm_module(c: Call) -> ModuleSpec:
    # Keras' momentum weighs the old statistics; PyTorch's weighs the new batch.
    kwargs = {"eps": c["epsilon"], "momentum": round(1 - c["momentum"], 6)}
    features = c.x.shape[0] if c.x.rank == 3 else c.x.shape[-1]
    return ModuleSpec("BatchNorm2d" if c.x.rank == 3 else "BatchNorm1d", (features,), kwargs)


def _emit_batchnorm(em, c: Call, xs):
    if c.x.rank != 2:
        return em.module(xs[0])
    # BatchNorm1d wants features before time; sequences are time×features.
    y = em.module(em.method(xs[0], "transpose", 1, 2))
    return em.method(y, "transpose", 1, 2)


register(
    LayerType(
        id="BatchNorm",
        title="BatchNormalization",
        category="Normalization",
        summary="Normalizes each channel over the batch; speeds up and steadies training.",
        params=params(
            FloatParam(
                "momentum",
                0.99,
                help="How slowly the running statistics follow the data (Keras convention).",
                minimum=0.0,
                maximum=0.9999,
            ),
            FloatParam(
                "epsilon",
                1e-3,
                help="Added to the variance to avoid division by zero.",
                minimum=1e-12,
                maximum=1.0,
            ),
        ),
        infer=_numbers("BatchNorm"),
        module=_batchnorm_module,
        emit=_emit_batchnorm,
    )
)


def _layernorm_module(c: Call) -> ModuleSpec:
    shape = c.x.shape if c.x.rank == 3 else c.x.shape[-1:]
    return ModuleSpec("LayerNorm", (shape,), {"eps": c["epsilon"]})


register(
    LayerType(
        id="LayerNorm",
        title="LayerNormalization",
        category="Normalization",
        summary="Normalizes each sample's features; the norm of Transformers.",
        params=params(
            FloatParam(
                "epsilon",
                1e-5,
                help="Added to the variance to avoid division by zero.",
                minimum=1e-12,
                maximum=1.0,
            ),
        ),
        infer=_numbers("LayerNorm"),
        module=_layernorm_module,
        emit=lambda em, c, xs: em.module(xs[0]),
    )
)
