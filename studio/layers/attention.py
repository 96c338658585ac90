"""The Transformer encoder block (multi-head self-attention and a feed-forward network), the
learned positional embedding that tells it the order of the time steps, and Keras' standalone
MultiHeadAttention (a query sequence attending over a value sequence)."""

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
from studio.messages import msg, term


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


# MultiHeadAttention -------------------------------------------------------------------------

_PORTS = (term("query"), term("value"), term("key"))


def _attention_inputs(c: Call) -> tuple[TensorType, TensorType, TensorType]:
    """(query, value, key) checked: three sequences, the key as long as the value. Without a
    third input the key is the value, as in Keras."""
    for port, t in enumerate(c.inputs):
        need_sequence(
            "MultiHeadAttention",
            t,
            msg(
                "its {name} input ({port}) must be a sequence too: add an Embedding, a Reshape "
                "to time steps×features or a RepeatVector before it",
                name=_PORTS[port],
                port=port + 1,
            ),
        )
    query, value = c.inputs[0], c.inputs[1]
    key = c.inputs[2] if len(c.inputs) > 2 else value
    if key.shape[0] != value.shape[0]:
        raise ShapeError(
            msg(
                "MultiHeadAttention needs a key with as many time steps as the value, but the "
                "key has {key} and the value {value}; connect a key of {value} steps",
                key=key.shape[0],
                value=value.shape[0],
            )
        )
    return query, value, key


def _infer_attention(c: Call) -> TensorType:
    query, _, _ = _attention_inputs(c)
    return TensorType(query.shape)  # projected back to the query's features, as Keras does


def _attention_module(c: Call) -> ModuleSpec:
    query, value, key = _attention_inputs(c)
    return ModuleSpec(
        "MultiHeadAttention",
        (c["num_heads"], c["key_dim"], query.shape[1], value.shape[1], key.shape[1]),
        {"dropout": c["dropout"], "bias": c["use_bias"]},
    )


def _attention_text(c: Call, out: TensorType) -> str:
    query, value, key = _attention_inputs(c)
    named = [f"query {format_shape(query.shape)}", f"value {format_shape(value.shape)}"]
    if len(c.inputs) > 2:
        named.append(f"key {format_shape(key.shape)}")
    scores = format_shape((c["num_heads"], query.shape[0], value.shape[0]))
    return f"{', '.join(named)}; scores {scores} → {format_shape(out.shape)}"


def _attention_count(c: Call) -> str:
    query, value, key = _attention_inputs(c)
    h, k, bias = c["num_heads"], c["key_dim"], c["use_bias"]
    width = h * k
    fan_in = [query.shape[1], key.shape[1], value.shape[1], width]
    outs = [width, width, width, query.shape[1]]
    parts = [f"({f} + 1)·{o}" if bias else f"{f}·{o}" for f, o in zip(fan_in, outs, strict=True)]
    total = sum((f + bias) * o for f, o in zip(fan_in, outs, strict=True))
    return f"h·k = {h}·{k} = {width}; {' + '.join(parts)} = {count(total)}"


def _attention_flops(c: Call, out: TensorType) -> int:
    query, value, key = _attention_inputs(c)
    (tq, fq), (tv, fv), (tk, fk) = query.shape, value.shape, key.shape
    width = c["num_heads"] * c["key_dim"]
    projections = tq * fq * width + tk * fk * width + tv * fv * width + tq * width * fq
    # Scores (query · key per head) and the mix of values they weigh: T_q·T_v·k each per head.
    attention = 2 * tq * tv * width
    return 2 * (projections + attention)


MULTI_HEAD_ATTENTION = LayerType(
    id="MultiHeadAttention",
    title="Multi-head attention",
    category="Attention",
    summary="Each query time step takes in what it needs from the value sequence, in heads.",
    params=params(
        IntParam("num_heads", 2, minimum=1, maximum=128),
        IntParam("key_dim", 16, minimum=1, maximum=4096),
        FloatParam("dropout", 0.0, maximum=0.9),
        BoolParam("use_bias", True),
        IntParam("inputs", 2, minimum=2, maximum=3),
    ),
    infer=_infer_attention,
    module=_attention_module,
    emit=lambda em, c, xs: em.module(*xs),
    inputs=-1,
    examples=(
        example({"num_heads": 2, "key_dim": 4}, (6, 8), (5, 3)),
        example({"num_heads": 1, "key_dim": 8, "dropout": 0.1}, (5, 8), (5, 8)),
        example(
            {"num_heads": 3, "key_dim": 5, "inputs": 3, "use_bias": False}, (4, 6), (7, 2), (7, 3)
        ),
    ),
    formula=Formula(
        "query T_q×F_q, value T_v×F_v; scores h×T_q×T_v → T_q×F_q",
        "(F_q + 1)·h·k + (F_k + 1)·h·k + (F_v + 1)·h·k + (h·k + 1)·F_q",
        _attention_text,
        _attention_count,
    ),
    flops=_attention_flops,
)

LAYERS = [TRANSFORMER_ENCODER, POSITIONAL_EMBEDDING, MULTI_HEAD_ATTENTION]
