"""The Transformer encoder block (multi-head self-attention and a feed-forward network) and the
learned positional embedding that tells it the order of the time steps."""

from __future__ import annotations

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
    count,
    need_sequence,
    params,
)
from studio.messages import msg


def _infer(c: Call) -> TensorType:
    need_sequence(
        "TransformerEncoder",
        c.x,
        msg("add an Embedding (for token ids) or a Reshape to time steps×features before it"),
    )
    features, heads = c.x.shape[1], c["heads"]
    if features % heads:
        divisors = [d for d in range(1, min(features, 16) + 1) if features % d == 0]
        raise ShapeError(
            msg(
                "TransformerEncoder splits the {features} features among {heads} heads, but "
                "{features} is not divisible by {heads}; choose heads from {divisors} "
                "or change the feature size before it",
                features=features,
                heads=heads,
                divisors=divisors,
            )
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


def _transformer_text(c: Call, out: TensorType) -> str:
    features = c.x.shape[1]
    per_head = features // c["heads"]
    shape = f"{format_shape(c.x.shape)} → {format_shape(out.shape)}"
    return f"dₕ = {features} / {c['heads']} = {per_head}; {shape}"


def _transformer_count(c: Call) -> str:
    d, f = c.x.shape[1], c["ff_dim"]
    total = 4 * d * d + 2 * d * f + 9 * d + f
    return f"4·{d}·{d} + 2·{d}·{f} + 9·{d} + {f} = {count(total)}"


TRANSFORMER_ENCODER = LayerType(
    id="TransformerEncoder",
    title="Transformer encoder",
    category="Attention",
    summary="Multi-head self-attention then a feed-forward network, each with a residual.",
    params=params(
        IntParam("heads", 4, minimum=1, maximum=128),
        IntParam("ff_dim", 128, minimum=1, maximum=65536),
        FloatParam("dropout", 0.1, maximum=0.9),
        ChoiceParam("activation", "relu", choices=("relu", "gelu")),
        BoolParam("norm_first", False),
    ),
    infer=_infer,
    module=_module,
    emit=lambda em, c, xs: em.module(xs[0]),
    examples=(
        example({"heads": 2, "ff_dim": 16}, (6, 8)),
        example({"heads": 3, "norm_first": True, "activation": "gelu"}, (4, 9)),
    ),
    formula=Formula(
        "T×F → T×F,  dₕ = F / heads",
        "4·d·d + 2·d·f + 9·d + f   (d = F, f = ff_dim)",
        _transformer_text,
        _transformer_count,
    ),
    flops=None,  # attention's products depend on the sequence: torch's counter counts them
)


# Positional embedding -----------------------------------------------------------------------


def _infer_positions(c: Call) -> TensorType:
    need_sequence(
        "PositionalEmbedding",
        c.x,
        msg("put it after a Dense (or Embedding) that gives each time step its features"),
    )
    return c.x


def _positions_module(c: Call) -> ModuleSpec:
    # One learned vector per time step: an embedding table looked up by position.
    steps, features = c.x.shape
    return ModuleSpec("Embedding", (steps, features))


def _emit_positions(em, c: Call, xs):
    import torch  # here, not at the top: the layer registry loads without torch

    x = xs[0]
    steps = c.x.shape[0]
    # The positions 0…T−1 on the input's own device: torch.arange would need `x.device`, which
    # the emitters cannot write, so count up a row of ones instead (traces, exports as CumSum).
    ones = em.method(x, "new_ones", steps, dtype=torch.int64)
    positions = em.method(em.method(ones, "cumsum", 0), "sub", 1)
    return em.call("torch.add", x, em.module(positions))


POSITIONAL_EMBEDDING = LayerType(
    id="PositionalEmbedding",
    title="Positional embedding",
    category="Attention",
    summary="Adds a learned vector to each time step, so attention knows the order.",
    params=params(),
    infer=_infer_positions,
    module=_positions_module,
    emit=_emit_positions,
    examples=(example({}, (6, 8)), example({}, (1, 3))),
    formula=Formula(
        "T×F → T×F   (x + P, one learned row of P per step)",
        "T × F",
        lambda c, out: (
            f"{format_shape(c.x.shape)} + P ({format_shape(c.x.shape)}) → {format_shape(out.shape)}"
        ),
        lambda c: f"{c.x.shape[0]} × {c.x.shape[1]} = {count(c.x.numel)}",
    ),
    flops=no_flops,
)

LAYERS = [TRANSFORMER_ENCODER, POSITIONAL_EMBEDDING]
