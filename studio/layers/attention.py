"""The Transformer encoder block: multi-head self-attention and a feed-forward network."""

from __future__ import annotations

from studio.layers.base import Call, LayerType, ModuleSpec, ShapeError, TensorType
from studio.layers.conv import need_sequence
from studio.layers.registry import BoolParam, ChoiceParam, FloatParam, IntParam, params, register


def _infer(c: Call) -> TensorType:
    need_sequence(
        "TransformerEncoder",
        c.x,
        "add an Embedding (for token ids) or a Reshape to time steps×features before it",
    )
    features, heads = c.x.shape[1], c["heads"]
    if features % heads:
        divisors = [d for d in range(1, min(features, 16) + 1) if features % d == 0]
        raise ShapeError(
            f"TransformerEncoder splits the {features} features among {heads} heads, but "
            f"{features} is not divisible by {heads}; choose heads from {divisors} "
            "or change the feature size before it"
        )
    return c.x


def _module(c: Call) -> ModuleSpec:
    return ModuleSpec(
        "TransformerEncoderLayer",
        (c.x.shape[1], c["heads"]),
        {
            "dim_feedforward": c["ff_dim"],
            "dropout": c["dropout"],
            "activation": c["activation"],
            "batch_first": True,
            "norm_first": c["norm_first"],
        },
    )


register(
    LayerType(
        id="TransformerEncoder",
        title="Transformer encoder",
        category="Attention",
        summary="Multi-head self-attention then a feed-forward network, each with a residual.",
        params=params(
            IntParam(
                "heads",
                4,
                help="Attention heads; must divide the feature size.",
                minimum=1,
                maximum=128,
            ),
            IntParam(
                "ff_dim", 128, help="Width of the feed-forward network.", minimum=1, maximum=65536
            ),
            FloatParam("dropout", 0.1, help="Dropout inside the block.", maximum=0.9),
            ChoiceParam(
                "activation",
                "relu",
                help="Activation of the feed-forward network.",
                choices=("relu", "gelu"),
            ),
            BoolParam(
                "norm_first",
                False,
                help="Normalize before attention (pre-LN), which trains deep stacks more stably.",
            ),
        ),
        infer=_infer,
        module=_module,
        emit=lambda em, c, xs: em.module(xs[0]),
    )
)
