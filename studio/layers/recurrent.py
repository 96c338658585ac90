"""LSTM, GRU and SimpleRNN over (time steps × features) sequences."""

from __future__ import annotations

from studio.layers.base import Call, LayerType, ModuleSpec, TensorType
from studio.layers.conv import need_sequence
from studio.layers.registry import BoolParam, IntParam, params, register
from studio.messages import msg

_SEQUENCE_HINT = msg(
    "add a Reshape to time steps×features before it (for a 1×28×28 image: 28×28, rows as steps)"
)


def _make_recurrent(layer_id: str, torch_cls: str, summary: str) -> LayerType:
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

    return LayerType(
        id=layer_id,
        title=layer_id,
        category="Recurrent",
        summary=summary,
        params=params(
            IntParam("units", 64, help="Size of the hidden state.", minimum=1, maximum=8192),
            BoolParam(
                "return_sequences",
                False,
                help="Output every time step (to stack recurrent layers), not only the last.",
            ),
            BoolParam(
                "bidirectional",
                False,
                help="Also read the sequence backwards and join both readings.",
            ),
        ),
        infer=infer,
        module=module,
        emit=emit,
    )


register(
    _make_recurrent(
        "LSTM", "LSTM", "Long short-term memory: reads a sequence step by step, remembering."
    )
)
register(_make_recurrent("GRU", "GRU", "Gated recurrent unit: a lighter LSTM."))
register(_make_recurrent("SimpleRNN", "RNN", "The plain recurrent layer (tanh)."))
