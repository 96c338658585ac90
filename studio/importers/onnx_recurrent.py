"""LSTM and GRU operators, and the time-major layout around them.

ONNX's recurrent operators read time × batch × features and return time × directions × batch
× hidden. The tensors around them are tracked as a node's output in another axis order
(`Value.time_major`, `Value.directions`), so the Transposes and Reshapes that an exporter puts
around the operator cost no node. Gates are reordered to PyTorch's: ONNX's LSTM keeps input,
output, forget, cell; PyTorch input, forget, cell, output. ONNX's GRU keeps update, reset, new;
PyTorch reset, update, new.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from studio.importers.onnx_values import NotMapped, Value
from studio.messages import msg

_LSTM_ORDER = (0, 2, 3, 1)  # ONNX i, o, f, c → PyTorch i, f, c(g), o
_GRU_ORDER = (1, 0, 2)  # ONNX z, r, h → PyTorch r, z, n
_RECURRENT = {"LSTM", "GRU"}


def _gates(array: np.ndarray, order: tuple[int, ...]) -> np.ndarray:
    blocks = np.split(array, len(order), axis=0)
    return np.concatenate([blocks[i] for i in order], axis=0)


class RecurrentOps:
    """Operator handlers mixed into the import's builder (studio.importers.onnx_import)."""

    def _op_LSTM(self, node: Any, attrs: dict[str, Any]) -> None:
        self._recurrent(node, attrs, "LSTM", _LSTM_ORDER)

    def _op_GRU(self, node: Any, attrs: dict[str, Any]) -> None:
        if not attrs.get("linear_before_reset", 0):
            raise NotMapped(
                msg(
                    "a GRU that resets before its linear step (Keras' "
                    "reset_after=False) has no layer"
                )
            )
        self._recurrent(node, attrs, "GRU", _GRU_ORDER)

    def _recurrent(
        self, node: Any, attrs: dict[str, Any], layer: str, order: tuple[int, ...]
    ) -> None:
        value = self._value(node.input[0])
        if attrs.get("layout", 0) != 0 or not value.time_major:
            raise NotMapped(msg("its input is not in the time-major order it reads"))
        if attrs.get("clip") or attrs.get("input_forget") or "activations" in attrs:
            raise NotMapped(msg("its clip, coupled gates or own activations have no layer"))
        direction = attrs.get("direction", "forward")
        if direction not in ("forward", "bidirectional"):
            raise NotMapped(msg("a recurrent layer that reads backwards only has no layer"))
        optional = list(node.input[4:]) + [""] * 4
        if optional[0] or (optional[3] if layer == "LSTM" else ""):
            raise NotMapped(msg("sequence lengths or peepholes have no layer"))
        if any(t and t not in self.zero_tensors for t in optional[1:3]):
            raise NotMapped(msg("an initial state other than zeros has no layer"))
        if any(self.model.consumers.get(t, 0) for t in node.output[1:] if t):
            raise NotMapped(
                msg("its final state is read; NetStudio's layers give their outputs only")
            )
        w, r = self._const(node.input[1]), self._const(node.input[2])
        gates, hidden = len(order), int(attrs["hidden_size"])
        b = (
            self._const(node.input[3])
            if len(node.input) > 3 and node.input[3]
            else np.zeros((w.shape[0], 2 * gates * hidden), np.float32)
        )
        directions = 2 if direction == "bidirectional" else 1
        params = {"units": hidden, "return_sequences": True, "bidirectional": directions == 2}
        hint = next((self.owners[t] for t in node.input[1:4] if t in self.owners), None)
        node_id = self._add(layer, params, [value.node], hint=hint)
        for d, suffix in enumerate(["", "_reverse"][:directions]):
            self._weight(node_id, f"weight_ih_l0{suffix}", _gates(w[d], order))
            self._weight(node_id, f"weight_hh_l0{suffix}", _gates(r[d], order))
            self._weight(node_id, f"bias_ih_l0{suffix}", _gates(b[d][: gates * hidden], order))
            self._weight(node_id, f"bias_hh_l0{suffix}", _gates(b[d][gates * hidden :], order))
        self._set(node.output[0], Value(node_id, time_major=True, directions=1))
        self._mapped(node, node_id)

    def _last_step(self, node: Any, attrs: dict[str, Any]) -> None:
        """The last time step of a sequence: a recurrent layer's return_sequences=False."""
        value = self._value(node.input[0])
        index = self._const(node.input[1])
        rank = self._rank(node.input[0])
        steps = (self.model.shapes.get(node.input[0]) or [None, None])[1]
        last = index.size == 1 and int(index.reshape(-1)[0]) in (-1, (steps or 0) - 1)
        layer = self.graph.nodes[value.node]
        if not (
            rank == 3
            and attrs.get("axis", 0) == 1
            and last
            and index.ndim == 0
            and not value.time_major
            and not value.transposed
            and not value.directions
            and layer.layer_id in _RECURRENT
            and not layer.params["bidirectional"]
            and self.readers.get(value.node) == 1
        ):
            raise NotMapped(
                msg(
                    "only the last time step of an LSTM or GRU read alone "
                    "has a layer (return_sequences off)"
                )
            )
        self.graph.set_params(value.node, {"return_sequences": False})
        self._set(node.output[0], Value(value.node), alias_of=node.input[0])
        self._mapped(node, value.node)
