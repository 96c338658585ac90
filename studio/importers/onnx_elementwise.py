"""ONNX operators without windows: Flatten, Reshape, Squeeze, merges (Concat, Add, Sub, Mul),
BatchNormalization, PRelu and the activations, which become a layer's `activation` parameter
where they follow a Dense or convolution alone. Mixed into the import's builder."""

from __future__ import annotations

from typing import Any

import numpy as np

from studio.importers.activation_fusion import fuse_activation
from studio.importers.onnx_values import NotMapped, Value, owner, where
from studio.messages import msg

_ACTIVATIONS = {
    "Relu": ("ReLU", "relu"),
    "Sigmoid": ("Sigmoid", "sigmoid"),
    "Tanh": ("Tanh", "tanh"),
    "Selu": ("SELU", "selu"),
    "Gelu": ("GELU", "gelu"),
    "Elu": ("ELU", "elu"),
    "LeakyRelu": ("LeakyReLU", "leaky_relu"),
    "Softmax": ("Softmax", "softmax"),
}
_SELU_ALPHA, _SELU_GAMMA = 1.6732632423543772, 1.0507009873554805
_MERGES = {"Add": "Add", "Sub": "Subtract", "Mul": "Multiply", "Sum": "Add", "Max": "Maximum"}


class ElementwiseOps:
    # Shapes -----------------------------------------------------------------------------------

    def _op_Flatten(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("axis", 1) != 1:
            raise NotMapped(
                msg("a Flatten that keeps {n} leading axes has no layer", n=attrs["axis"])
            )
        self._flatten(node)

    def _flatten(self, node: Any) -> None:
        value = self._value(node.input[0])
        if value.pooled or self._rank(node.input[0]) == 2:
            self._set(node.output[0], Value(value.node), alias_of=node.input[0])
            return
        node_id = self._add("Flatten", {}, [self._plain(node.input[0])])
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    def _op_Squeeze(self, node: Any, attrs: dict[str, Any]) -> None:
        value = self._value(node.input[0])
        if value.directions == 1 and self._single_direction(value.node):
            self._set(node.output[0], Value(value.node, time_major=True), alias_of=node.input[0])
            return
        if not value.pooled:
            raise NotMapped(msg("a Squeeze is imported only after a global pooling"))
        self._set(node.output[0], Value(value.node), alias_of=node.input[0])

    def _single_direction(self, node_id: str) -> bool:
        return not self.graph.nodes[node_id].params.get("bidirectional", False)

    def _op_Reshape(self, node: Any, attrs: dict[str, Any]) -> None:
        value = self._value(node.input[0])
        if value.directions and len(self.model.shapes.get(node.output[0], [])) == 3:
            # time × batch × directions × hidden → time × batch × (directions·hidden), as
            # PyTorch joins a bidirectional layer's two outputs.
            if value.directions == 1 and not self._single_direction(value.node):
                raise NotMapped(msg("it mixes the directions of a bidirectional layer"))
            self._set(node.output[0], Value(value.node, time_major=True), alias_of=node.input[0])
            return
        target = [int(v) for v in self._const(node.input[1]).tolist()]
        rank = self._rank(node.input[0])
        first, rest = (target[0], target[1:]) if target else (None, [])
        batch_kept = (first == 0 and not attrs.get("allowzero", 0)) or (
            first == -1 and all(v > 0 for v in rest)
        )
        if not batch_kept:
            raise NotMapped(
                msg("a Reshape to {shape} does not keep the batch axis first", shape=target)
            )
        out_shape = self.model.shapes.get(node.output[0], [])
        if len(target) == 2 and (rank > 2 or self._value(node.input[0]).pooled):
            self._flatten(node)
            return
        if out_shape == self.model.shapes.get(node.input[0]):
            self._op_Identity(node, attrs)
            return
        node_id = self._add("Reshape", {"target_shape": rest}, [self._plain(node.input[0])])
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    # Merges ---------------------------------------------------------------------------------

    def _op_Concat(self, node: Any, attrs: dict[str, Any]) -> None:
        rank = self._rank(node.output[0])
        axis = attrs["axis"] % rank
        values = [self._value(t) for t in node.input]
        if rank == 3 and axis == 1 and all(v.transposed for v in values):
            sources, transposed = [v.node for v in values], True
        else:
            if axis != (1 if rank == 4 else rank - 1):
                raise NotMapped(
                    msg(
                        "it joins along axis {axis}; Concatenate joins channels or features",
                        axis=axis,
                    )
                )
            sources, transposed = [self._plain(t) for t in node.input], False
        self._merge(node, "Concatenate", sources, transposed)

    def _merge(self, node: Any, layer: str, sources: list[str], transposed: bool) -> None:
        if not 2 <= len(sources) <= 8:
            raise NotMapped(
                msg("{layer} joins 2 to 8 inputs, not {n}", layer=layer, n=len(sources))
            )
        params = {} if layer == "Subtract" else {"inputs": len(sources)}
        node_id = self._add(layer, params, sources)
        self._set(node.output[0], Value(node_id, transposed=transposed))
        self._mapped(node, node_id)

    def _elementwise(self, node: Any, attrs: dict[str, Any]) -> None:
        layer = _MERGES[node.op_type]
        shapes = [self.model.shapes.get(t) for t in node.input]
        values = [self._value(t) for t in node.input]
        if any(s is None or s[1:] != shapes[0][1:] for s in shapes):
            raise NotMapped(
                msg(
                    "its inputs have different shapes {shapes}; NetStudio's {layer} "
                    "does not broadcast",
                    shapes=shapes,
                    layer=layer,
                )
            )
        if all(v.transposed for v in values):
            self._merge(node, layer, [v.node for v in values], True)
        else:
            self._merge(node, layer, [self._plain(t) for t in node.input], False)

    _op_Add = _op_Sub = _op_Mul = _op_Sum = _op_Max = _elementwise  # type: ignore[assignment]

    def _op_LayerNormalization(self, node: Any, attrs: dict[str, Any]) -> None:
        rank = self._rank(node.input[0])
        axis = attrs.get("axis", -1) % rank
        # NetStudio's LayerNorm normalizes an image over channels and pixels, else the features.
        if axis != (1 if rank == 4 else rank - 1) or attrs.get("stash_type", 1) != 1:
            raise NotMapped(msg("a LayerNormalization from axis {axis} has no layer", axis=axis))
        if len([o for o in node.output if o and self.model.consumers.get(o)]) > 1:
            raise NotMapped(msg("its mean and deviation outputs are read; no layer gives them"))
        scale = self._const(node.input[1])
        bias = self._optional_const(node, 2)
        params = {"epsilon": min(max(float(attrs.get("epsilon", 1e-5)), 1e-12), 1.0)}
        source = self._plain(node.input[0])
        node_id = self._add("LayerNorm", params, [source], hint=owner(node.input[1]))
        self._weight(node_id, "weight", scale)
        self._weight(node_id, "bias", np.zeros_like(scale) if bias is None else bias)
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    # Normalization and activations ------------------------------------------------------------

    def _op_BatchNormalization(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("training_mode", 0) or len([o for o in node.output if o]) > 1:
            raise NotMapped(msg("a BatchNormalization in training mode has no layer"))
        scale, bias, mean, var = (self._const(t) for t in node.input[1:5])
        rank = self._rank(node.input[0])
        source = self._channels_last(node.input[0]) if rank == 3 else self._plain(node.input[0])
        params = {
            "momentum": min(max(float(attrs.get("momentum", 0.9)), 0.0), 0.9999),
            "epsilon": min(max(float(attrs.get("epsilon", 1e-5)), 1e-12), 1.0),
        }
        node_id = self._add("BatchNorm", params, [source], hint=owner(node.input[1]))
        for name, array in (
            ("weight", scale),
            ("bias", bias),
            ("running_mean", mean),
            ("running_var", var),
        ):
            self._weight(node_id, name, array)
        self._set(node.output[0], Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    def _op_PRelu(self, node: Any, attrs: dict[str, Any]) -> None:
        slope = self._const(node.input[1])
        rank = self._rank(node.input[0])
        source = self._channels_last(node.input[0]) if rank == 3 else self._plain(node.input[0])
        node_id = self._add("PReLU", {}, [source], hint=owner(node.input[1]))
        self._weight(node_id, "weight", slope.reshape(-1))
        self._set(node.output[0], Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    def _activation(self, node: Any, attrs: dict[str, Any]) -> None:
        layer, name = _ACTIVATIONS[node.op_type]
        value = self._value(node.input[0])
        shape = {"LeakyRelu": attrs.get("alpha", 0.01), "Elu": attrs.get("alpha", 1.0)}.get(
            node.op_type
        )
        if node.op_type == "Gelu" and attrs.get("approximate", "none") != "none":
            raise NotMapped(msg("the tanh approximation of GELU has no layer"))
        if node.op_type == "Selu" and not (
            abs(attrs.get("alpha", _SELU_ALPHA) - _SELU_ALPHA) < 1e-5
            and abs(attrs.get("gamma", _SELU_GAMMA) - _SELU_GAMMA) < 1e-5
        ):
            raise NotMapped(msg("a SELU with its own alpha or gamma has no layer"))
        if node.op_type == "Softmax":
            rank = self._rank(node.input[0])
            axis = attrs.get("axis", -1) % rank
            features = 1 if rank == 4 else rank - 1
            if value.transposed and rank == 3 and axis == 1:
                pass  # the channels of a channels-first sequence: its features
            elif value.transposed or axis != features:
                raise NotMapped(
                    msg("a Softmax over axis {axis} is not over the features", axis=axis)
                )
        if self._fuse(node, value, name, shape):
            return
        params = {}
        if node.op_type == "LeakyRelu":
            params = {"negative_slope": float(shape)}
        elif node.op_type == "Elu":
            params = {"alpha": float(shape)}
        node_id = self._add(layer, params, [value.node])
        self._set(node.output[0], Value(node_id, transposed=value.transposed))
        self._mapped(node, node_id)

    _op_Relu = _op_Sigmoid = _op_Tanh = _op_Selu = _op_Gelu = _activation  # type: ignore
    _op_Elu = _op_LeakyRelu = _op_Softmax = _activation  # type: ignore[assignment]

    def _fuse(self, node: Any, value: Value, name: str, shape: float | None) -> bool:
        """Make the activation the `activation` parameter of the layer before it (also
        across a MaxPooling2D the compiler put first); False where it stays a node."""
        target = fuse_activation(self.graph, self.readers, value, name, shape, self._add)
        if target is None:
            return False
        self._set(node.output[0], value, alias_of=node.input[0])
        self.report.add_mapped(
            where(node), msg("activation {name} of {node}", name=name, node=target)
        )
        return True
