"""LSTM, GRU and SimpleRNN over (time steps × features) sequences."""

from __future__ import annotations

from studio.layers.base import Call, Formula, LayerType, ModuleSpec, TensorType, example
from studio.layers.base import format_shape as _s
from studio.layers.common import BoolParam, IntParam, count, need_sequence, params
from studio.messages import msg

_SEQUENCE_HINT = msg(
    "add a Reshape to time steps×features before it (for a 1×28×28 image: 28×28, rows as steps)"
)


def _shape_text(c: Call, out: TensorType) -> str:
    t = c.x.shape[0]
    units = c["units"]
    if c["bidirectional"]:
        width = f"(2·{units})" if c["return_sequences"] else f"2·{units}"
        step = f"{t}×{width}" if c["return_sequences"] else width
        return f"{_s(c.x.shape)} → {step} = {_s(out.shape)}"
    return f"{_s(c.x.shape)} → {_s(out.shape)}"


def _make_recurrent(
    layer_id: str, torch_cls: str, summary: str, gates: int, keras_single_bias: bool
) -> LayerType:
    def infer(c: Call) -> TensorType:
        need_sequence(layer_id, c.x, _SEQUENCE_HINT)
        width = c["units"] * (2 if c["bidirectional"] else 1)
        if c["return_sequences"]:
            return TensorType((c.x.shape[0], width))
        return TensorType((width,))

    def module(c: Call) -> ModuleSpec:
        return ModuleSpec(
            torch_cls,
            (c.x.shape[1], c["units"]),
            {"batch_first": True, "bidirectional": c["bidirectional"]},
        )

    def emit(em, c: Call, xs):
        # Recurrent modules return (outputs, state): the per-step outputs are item 0.
        out = em.getitem(em.module(xs[0]), 0)
        if c["return_sequences"]:
            return out
        if not c["bidirectional"]:
            return em.getitem(out, (slice(None), -1))
        # The backward direction ends at the first step: join both final states.
        units = c["units"]
        forward = em.getitem(out, (slice(None), -1, slice(None, units)))
        backward = em.getitem(out, (slice(None), 0, slice(units, None)))
        return em.call("torch.cat", [forward, backward], -1)

    def directions(c: Call) -> int:
        return 2 if c["bidirectional"] else 1

    def keras_params(c: Call) -> int:
        f, h = c.x.shape[1], c["units"]
        return directions(c) * gates * (f + h + 1) * h

    def count_text(c: Call) -> str:
        f, h = c.x.shape[1], c["units"]
        per_gate = f"{f}·{h} + {h}·{h} + 2·{h}"
        head = "2 × " if directions(c) == 2 else ""
        body = f"{gates} × ({per_gate})" if gates > 1 else per_gate
        if gates == 1 and directions(c) == 2:
            body = f"({per_gate})"
        total = directions(c) * gates * (f * h + h * h + 2 * h)
        text = f"{head}{body} = {count(total)}"
        if keras_single_bias:
            gate = f"{gates} × " if gates > 1 else ""
            text += f" (Keras: {head}{gate}({f} + {h} + 1) × {h} = {count(keras_params(c))})"
        return text

    def flops(c: Call, out: TensorType) -> int:
        # Each gate at each step: a (features + units) × units product, 2 operations per
        # multiply-add. torch's FlopCounterMode sees none of it (it would count 0).
        steps, features = c.x.shape
        units = c["units"]
        return steps * gates * 2 * units * (features + units) * directions(c)

    per_gate = "F·H + H·H + 2·H"
    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Recurrent",
        summary=summary,
        params=params(
            IntParam("units", 64, minimum=1, maximum=8192),
            BoolParam("return_sequences", False),
            BoolParam("bidirectional", False),
        ),
        infer=infer,
        module=module,
        emit=emit,
        examples=(
            example({"units": 5}, (9, 3)),
            example({"units": 4, "return_sequences": True}, (7, 2)),
            example({"units": 3, "bidirectional": True}, (6, 4)),
            example({"units": 2, "bidirectional": True, "return_sequences": True}, (5, 3)),
        ),
        formula=Formula(
            "T×F → H   (return_sequences: T×H;  bidirectional: 2·H)",
            f"{gates} × ({per_gate})" if gates > 1 else per_gate,
            _shape_text,
            count_text,
        ),
        flops=flops,
        keras_params=keras_params if keras_single_bias else None,
    )


LSTM = _make_recurrent(
    "LSTM", "LSTM", "Long short-term memory: reads a sequence step by step, remembering.", 4, True
)
# Keras' GRU (reset_after, its default) has two biases per gate, as PyTorch's: the same count.
GRU = _make_recurrent("GRU", "GRU", "Gated recurrent unit: a lighter LSTM.", 3, False)
SIMPLE_RNN = _make_recurrent("SimpleRNN", "RNN", "The plain recurrent layer (tanh).", 1, True)

LAYERS = [LSTM, GRU, SIMPLE_RNN]
