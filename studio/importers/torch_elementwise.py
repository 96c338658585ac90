"""ATen operators without windows: activations (which become a layer's `activation` parameter
where they follow a Dense or convolution alone), merges (cat, add, sub, mul, maximum), shape
operators (flatten, view, reshape, permute, transpose, squeeze), Dropout and upsampling. Mixed
into the .pt2 import's builder (studio.importers.torch_export)."""

from __future__ import annotations

from typing import Any

from studio.importers.activation_fusion import fuse_activation
from studio.importers.onnx_values import NotMapped, Value
from studio.messages import msg

# aten operator → (registry layer or None where only the parameter exists, parameter value).
_ACTIVATIONS = {
    "relu": ("ReLU", "relu"),
    "sigmoid": ("Sigmoid", "sigmoid"),
    "tanh": ("Tanh", "tanh"),
    "selu": ("SELU", "selu"),
    "gelu": ("GELU", "gelu"),
    "elu": ("ELU", "elu"),
    "leaky_relu": ("LeakyReLU", "leaky_relu"),
    "softmax": ("Softmax", "softmax"),
    "_softmax": ("Softmax", "softmax"),
    "silu": (None, "swish"),
    "mish": (None, "mish"),
}
_MERGES = {"add": "Add", "sub": "Subtract", "mul": "Multiply", "maximum": "Maximum"}


def _base_name(node: Any) -> str:
    """The operator's name, its in-place form (relu_, add_) named as the plain one."""
    name = node.target._overloadpacket.__name__
    return name[:-1] if name.endswith("_") and not name.startswith("_") else name


class ElementwiseOps:
    # Activations ----------------------------------------------------------------------------

    def _activation(self, node: Any, a: dict[str, Any]) -> None:
        op = _base_name(node)
        layer, name = _ACTIVATIONS[op]
        x = a["self"] if "self" in a else a["input"]
        value = self._value(x)
        shape = None
        if op == "leaky_relu":
            shape = float(a["negative_slope"])
        elif op == "elu":
            if float(a.get("scale", 1)) != 1 or float(a.get("input_scale", 1)) != 1:
                raise NotMapped(msg("an ELU with its own scale has no layer"))
            shape = float(a["alpha"])
        elif op == "gelu" and a.get("approximate", "none") != "none":
            raise NotMapped(msg("the tanh approximation of GELU has no layer"))
        elif op in ("softmax", "_softmax"):
            rank = self._rank(x)
            axis = int(a["dim"]) % rank
            features = 1 if rank == 4 else rank - 1
            if value.transposed and rank == 3 and axis == 1:
                pass  # the channels of a channels-first sequence: its features
            elif value.transposed or axis != features:
                raise NotMapped(msg("a Softmax over axis {axis} is not over the features",
                                    axis=axis))
        if self._fuse(node, x, value, name, shape):
            return
        if layer is None:
            raise NotMapped(msg("{name} exists only as the activation of a Dense or "
                                "convolution layer, and none comes just before it", name=name))
        params: dict[str, Any] = {}
        if op == "leaky_relu":
            params = {"negative_slope": shape}
        elif op == "elu":
            params = {"alpha": shape}
        if value.pooled:
            raise NotMapped(msg("it reads a global pooling's kept axes"))
        node_id = self._add(layer, params, [value.node], hint=self._hint(node))
        self._set(node, Value(node_id, transposed=value.transposed))
        self._mapped(node, node_id)

    _op_relu = _op_sigmoid = _op_tanh = _op_selu = _op_gelu = _activation
    _op_elu = _op_leaky_relu = _op_softmax = _op__softmax = _op_silu = _op_mish = _activation

    def _fuse(self, node: Any, x: Any, value: Value, name: str, shape: float | None) -> bool:
        """Make the activation the `activation` parameter of the layer before it (also across
        a MaxPooling2D the compiler put first); False where it stays a node."""
        target = fuse_activation(self.graph, self.readers, value, name, shape, self._add)
        if target is None:
            return False
        self._alias(node, x)
        self.report.add_mapped(self.where(node),
                               msg("activation {name} of {node}", name=name, node=target))
        return True

    def _op_prelu(self, node: Any, a: dict[str, Any]) -> None:
        slope = self._tensor(a["weight"]).reshape(-1)
        x = a["self"]
        rank = self._rank(x)
        # nn.PReLU's slopes follow axis 1: a sequence's features when it is channels first.
        source = self._channels_last(x) if rank == 3 else self._plain(x)
        node_id = self._add("PReLU", {}, [source], hint=self._owner(a["weight"]))
        self._weight(node_id, "weight", slope)
        self._set(node, Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    # Dropout and other identities at prediction ------------------------------------------------

    def _op_dropout(self, node: Any, a: dict[str, Any]) -> None:
        self._dropout(node, a, "Dropout")

    def _op_feature_dropout(self, node: Any, a: dict[str, Any]) -> None:
        if self._rank(a["input"]) != 4:
            raise NotMapped(msg("a channel dropout of a {rank}-axis tensor has no layer",
                                rank=self._rank(a["input"])))
        self._dropout(node, a, "SpatialDropout2D")

    def _dropout(self, node: Any, a: dict[str, Any], layer: str) -> None:
        if a["train"]:
            raise NotMapped(msg("a Dropout in training mode changes its output at random"))
        rate = float(a["p"])
        if not 0.0 <= rate < 1.0:
            raise NotMapped(msg("a Dropout rate of {rate} has no layer", rate=rate))
        value = self._value(a["input"])
        node_id = self._add(layer, {"rate": rate}, [self._plain(a["input"])]
                            if not value.transposed else [value.node], hint=self._hint(node))
        self._set(node, Value(node_id, transposed=value.transposed))
        self._mapped(node, node_id)

    # Shapes ---------------------------------------------------------------------------------

    def _op_flatten(self, node: Any, a: dict[str, Any]) -> None:
        x = a["self"]
        rank = self._rank(x)
        if int(a["start_dim"]) % max(rank, 1) != 1 or int(a["end_dim"]) % rank != rank - 1:
            raise NotMapped(msg("a flatten of axes {start} to {end} has no layer",
                                start=a["start_dim"], end=a["end_dim"]))
        self._flatten(node, x)

    def _flatten(self, node: Any, x: Any) -> None:
        value = self._value(x)
        if value.pooled or self._rank(x) == 2:
            self._set(node, Value(value.node), alias=True)
            return
        node_id = self._add("Flatten", {}, [self._plain(x)], hint=self._hint(node))
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    def _op_view(self, node: Any, a: dict[str, Any]) -> None:
        self._reshape(node, a["self"])

    _op_reshape = _op__unsafe_view = _op_view

    def _reshape(self, node: Any, x: Any) -> None:
        before, after = self._shape(x), self._shape(node)
        if not after or after[0] != before[0] or (before[0] is not None and after[0] is None):
            raise NotMapped(msg("a reshape to {shape} does not keep the batch axis first",
                                shape=after))
        if any(d is None for d in after[1:]):
            raise NotMapped(msg("a reshape to sizes that are not fixed has no layer"))
        value = self._value(x)
        if len(after) == 2 and (len(before) > 2 or value.pooled):
            self._flatten(node, x)
            return
        if after == before and not value.pooled:
            self._alias(node, x)
            return
        node_id = self._add("Reshape", {"target_shape": after[1:]}, [self._plain(x)],
                            hint=self._hint(node))
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    def _op_squeeze(self, node: Any, a: dict[str, Any]) -> None:
        value = self._value(a["self"])
        if not value.pooled or len(self._shape(node)) != 2:
            raise NotMapped(msg("a squeeze is imported only after a global pooling"))
        self._set(node, Value(value.node), alias=True)

    def _op_transpose(self, node: Any, a: dict[str, Any]) -> None:
        x = a["self"]
        rank = self._rank(x)
        dims = sorted([int(a["dim0"]) % rank, int(a["dim1"]) % rank])
        perm = list(range(rank))
        perm[dims[0]], perm[dims[1]] = perm[dims[1]], perm[dims[0]]
        self._permute(node, x, perm)

    def _op_permute(self, node: Any, a: dict[str, Any]) -> None:
        x = a["self"]
        if isinstance(x, type(node)) and x.name in self.tensors:  # a weight rearranged
            self._weight_view(node, x, lambda w: w.permute(*a["dims"]))
            return
        rank = self._rank(x)
        self._permute(node, x, [int(d) % rank for d in a["dims"]])

    def _permute(self, node: Any, x: Any, perm: list[int]) -> None:
        value = self._value(x)
        if perm == sorted(perm):
            self._alias(node, x)
            return
        if len(perm) == 3 and perm == [0, 2, 1] and not value.pooled:
            self._set(node, Value(value.node, not value.transposed), alias=True)
            return
        if perm[0] != 0:
            raise NotMapped(msg("it moves the batch axis"))
        node_id = self._add("Permute", {"dims": perm[1:]}, [self._plain(x)], hint=self._hint(node))
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    # Merges ---------------------------------------------------------------------------------

    def _op_cat(self, node: Any, a: dict[str, Any]) -> None:
        tensors = list(a["tensors"])
        rank = self._rank(node)
        axis = int(a["dim"]) % rank
        values = [self._value(t) for t in tensors]
        if rank == 3 and axis == 1 and all(v.transposed for v in values):
            sources, transposed = [v.node for v in values], True
        else:
            if axis != (1 if rank == 4 else rank - 1):
                raise NotMapped(msg("it joins along axis {axis}; Concatenate joins channels or "
                                    "features", axis=axis))
            sources, transposed = [self._plain(t) for t in tensors], False
        self._merge(node, "Concatenate", sources, transposed)

    def _merge(self, node: Any, layer: str, sources: list[str], transposed: bool) -> None:
        if not 2 <= len(sources) <= 8:
            raise NotMapped(msg("{layer} joins 2 to 8 inputs, not {n}", layer=layer,
                                n=len(sources)))
        params = {} if layer == "Subtract" else {"inputs": len(sources)}
        node_id = self._add(layer, params, sources, hint=self._hint(node))
        self._set(node, Value(node_id, transposed=transposed))
        self._mapped(node, node_id)

    def _elementwise(self, node: Any, a: dict[str, Any]) -> None:
        op = _base_name(node)
        layer = _MERGES[op]
        if float(a.get("alpha", 1)) != 1:
            raise NotMapped(msg("an {op} with alpha {alpha} has no layer", op=op,
                                alpha=a["alpha"]))
        inputs = [a["self"], a["other"]]
        values = [self._value(t) for t in inputs]
        shapes = [self._shape(t) for t in inputs]
        if any(s[1:] != shapes[0][1:] for s in shapes):
            raise NotMapped(msg("its inputs have different shapes {shapes}; NetStudio's "
                                "{layer} does not broadcast", shapes=shapes, layer=layer))
        if all(v.transposed for v in values):
            self._merge(node, layer, [v.node for v in values], True)
        else:
            self._merge(node, layer, [self._plain(t) for t in inputs], False)

    _op_add = _op_sub = _op_mul = _op_maximum = _elementwise

    # Upsampling -------------------------------------------------------------------------------

    def _op_upsample_nearest2d(self, node: Any, a: dict[str, Any]) -> None:
        self._upsample(node, a, "nearest")

    def _op_upsample_bilinear2d(self, node: Any, a: dict[str, Any]) -> None:
        if a.get("align_corners"):
            raise NotMapped(msg("a bilinear upsampling with align_corners has no layer"))
        self._upsample(node, a, "bilinear")

    def _upsample(self, node: Any, a: dict[str, Any], mode: str) -> None:
        before, after = self._shape(a["input"]), self._shape(node)
        factors = {after[i] // before[i] for i in (2, 3) if before[i]}
        if len(factors) != 1 or any(after[i] != before[i] * min(factors) for i in (2, 3)):
            raise NotMapped(msg("an upsampling from {a} to {b} is not by one whole factor",
                                a=before[2:], b=after[2:]))
        node_id = self._add("UpSampling2D", {"size": factors.pop(), "interpolation": mode},
                            [self._plain(a["input"])], hint=self._hint(node))
        self._set(node, Value(node_id))
        self._mapped(node, node_id)
