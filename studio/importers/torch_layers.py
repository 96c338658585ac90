"""ATen operators with weights or windows: linear → Dense, convolutions, padding, pooling,
global pooling, Embedding, BatchNorm, LayerNorm and the recurrent layers. Mixed into the .pt2
import's builder (studio.importers.torch_export)."""

from __future__ import annotations

from typing import Any

import torch

from studio.importers.onnx_values import NotMapped, Value, same_all
from studio.layers.conv import windows
from studio.messages import msg

_LOWEST = float(torch.finfo(torch.float32).min)
_RECURRENT = {"lstm": "LSTM", "gru": "GRU", "rnn_tanh": "SimpleRNN"}


def _pairs(pad: list[int], rank: int) -> list[tuple[int, int]]:
    """F.pad's list (last axis first, before and after each) as (before, after) per axis,
    first axis first, for all `rank` axes."""
    pairs = [(0, 0)] * rank
    for i in range(len(pad) // 2):
        pairs[rank - 1 - i] = (int(pad[2 * i]), int(pad[2 * i + 1]))
    return pairs


class LayerOps:
    # Dense ----------------------------------------------------------------------------------

    def _op_linear(self, node: Any, a: dict[str, Any]) -> None:
        weight, bias = self._tensor(a["weight"]), self._optional_tensor(a["bias"])
        if weight.ndim != 2:
            raise NotMapped(msg("a linear map with a {rank}-axis weight has no layer",
                                rank=weight.ndim))
        params = {"units": int(weight.shape[0]), "activation": "linear",
                  "use_bias": bias is not None}
        node_id = self._add("Dense", params, [self._plain(a["input"])],
                            hint=self._owner(a["weight"]))
        self._weight(node_id, "weight", weight)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    # A linear map decomposed (run_decompositions): the weight transposed, then addmm or mm.

    def _op_t(self, node: Any, a: dict[str, Any]) -> None:
        self._weight_view(node, a["self"], lambda w: w.t())

    def _weight_view(self, node: Any, x: Any, view: Any) -> None:
        """A weight rearranged before use: another constant, owned by the same module."""
        weight = self._tensor(x)
        self.tensors[node.name] = view(weight)
        if x.name in self.owners:
            self.owners[node.name] = self.owners[x.name]

    def _op_addmm(self, node: Any, a: dict[str, Any]) -> None:
        if float(a.get("beta", 1)) != 1 or float(a.get("alpha", 1)) != 1:
            raise NotMapped(msg("an addmm with its own beta or alpha is not a Dense layer"))
        self._matmul(node, a["mat1"], a["mat2"], a["self"])

    def _op_mm(self, node: Any, a: dict[str, Any]) -> None:
        self._matmul(node, a["self"], a["mat2"], None)

    def _matmul(self, node: Any, x: Any, w: Any, b: Any) -> None:
        weight = self._tensor(w).t()
        bias = None if b is None else self._tensor(b).reshape(-1)
        if bias is not None and bias.numel() != weight.shape[0]:
            raise NotMapped(msg("its bias does not have one value per output"))
        params = {"units": int(weight.shape[0]), "activation": "linear",
                  "use_bias": bias is not None}
        node_id = self._add("Dense", params, [self._plain(x)], hint=self._owner(w))
        self._weight(node_id, "weight", weight)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    # Convolutions ---------------------------------------------------------------------------

    def _op_conv1d(self, node: Any, a: dict[str, Any]) -> None:
        self._conv(node, a, 1)

    def _op_conv2d(self, node: Any, a: dict[str, Any]) -> None:
        self._conv(node, a, 2)

    def _op_conv3d(self, node: Any, a: dict[str, Any]) -> None:
        self._conv(node, a, 3)

    def _op_convolution(self, node: Any, a: dict[str, Any]) -> None:
        if a["transposed"]:
            self._transposed_conv(node, a)
            return
        self._conv(node, a, self._tensor(a["weight"]).ndim - 2)

    def _conv(self, node: Any, a: dict[str, Any], dims: int) -> None:
        w = self._tensor(a["weight"])
        groups = int(a.get("groups", 1))
        channels = self._shape(a["input"])[1]
        depthwise = groups > 1 and dims == 2 and groups == channels and w.shape[1] == 1
        if groups != 1 and not depthwise:
            raise NotMapped(msg("a grouped convolution (group {n}) has no layer", n=groups))
        strides = same_all(list(a["stride"]) or [1], "strides")
        dilation = same_all(list(a["dilation"]) or [1], "dilations")
        kernel = [int(k) for k in w.shape[2:]]
        x, pairs, fill = self._padded(a["input"], a["padding"], dims, kernel, dilation)
        if fill != 0.0:
            raise NotMapped(msg("a padding with {value} has no layer", value=fill))
        source = self._channels_last(x) if dims == 1 else self._plain(x)
        padding, source = self._conv_padding(pairs, self._sizes(x), kernel, strides, dilation,
                                             source)
        bias = self._optional_tensor(a["bias"])
        params: dict[str, Any] = {
            "filters": int(w.shape[0]),
            "kernel_size": kernel[0] if dims == 1 else kernel,
            "strides": strides,
            "padding": padding,
            "dilation": dilation,
            "activation": "linear",
            "use_bias": bias is not None,
        }
        layer = f"Conv{dims}D"
        if depthwise:
            layer = "DepthwiseConv2D"
            params["depth_multiplier"] = int(w.shape[0]) // groups
            del params["filters"]
        node_id = self._add(layer, params, [source], hint=self._owner(a["weight"]))
        self._weight(node_id, "weight", w)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node, Value(node_id, transposed=dims == 1))
        self._mapped(node, node_id)

    def _padded(
        self, x: Any, padding: Any, dims: int, kernel: list[int], dilation: int = 1
    ) -> tuple[Any, list[tuple[int, int]], float]:
        """The tensor a convolution or pooling really reads, its (before, after) padding per
        window axis (a padding just before it included) and the padding's value."""
        if padding == "valid":
            pairs = [(0, 0)] * dims
        elif padding == "same":  # PyTorch's 'same' (strides 1): the extra cell after
            totals = [dilation * (k - 1) for k in kernel]
            pairs = [(t // 2, t - t // 2) for t in totals]
        else:
            values = list(padding) if padding else [0]
            values = values * dims if len(values) == 1 else values
            pairs = [(int(p), int(p)) for p in values]
        fill = 0.0
        if isinstance(x, torch.fx.Node) and x.name in self.pads:
            x, extra, fill, pad = self.pads[x.name]
            pairs = [(a + c, b + d) for (a, b), (c, d) in zip(pairs, extra, strict=True)]
            self.report.add_mapped(self.where(pad), msg("padding of the layer that follows"))
        return x, pairs, fill

    def _conv_padding(
        self, pairs: list, sizes: list[int], kernel: list[int], strides: int, dilation: int,
        source: str,
    ) -> tuple[str, str]:
        """'valid' or 'same', with a ZeroPadding node before the layer where the padding is
        neither (symmetric in 2D, any in 1D)."""
        dims = len(pairs)
        same = windows("Conv", tuple(sizes), tuple(kernel), (strides,) * dims, "same",
                       dilation).pads
        if not any(v for pair in pairs for v in pair):
            return "valid", source
        if pairs == list(same):
            return "same", source
        if dims == 1:
            return "valid", self._add("ZeroPadding1D", {"padding": list(pairs[0])}, [source])
        if dims == 2 and all(a == b for a, b in pairs):
            padded = self._add("ZeroPadding2D", {"padding": [a for a, _ in pairs]}, [source])
            return "valid", padded
        raise NotMapped(msg("its padding {pads} is not Keras' 'valid' or 'same'",
                            pads=[list(p) for p in pairs]))

    def _op_conv_transpose2d(self, node: Any, a: dict[str, Any]) -> None:
        self._transposed_conv(node, a)

    def _transposed_conv(self, node: Any, a: dict[str, Any]) -> None:
        w = self._tensor(a["weight"])
        if w.ndim != 4 or int(a.get("groups", 1)) != 1:
            raise NotMapped(msg("only plain 2D transposed convolutions have a layer"))
        if same_all(list(a["dilation"]) or [1], "dilations") != 1:
            raise NotMapped(msg("a dilated transposed convolution has no layer"))
        bias = self._optional_tensor(a["bias"])
        params = {
            "filters": int(w.shape[1]),
            "kernel_size": [int(k) for k in w.shape[2:]],
            "strides": same_all(list(a["stride"]) or [1], "strides"),
            "padding": same_all(list(a["padding"]) or [0], "padding"),
            "output_padding": same_all(list(a["output_padding"]) or [0], "output_padding"),
            "activation": "linear",
            "use_bias": bias is not None,
        }
        node_id = self._add("ConvTranspose2D", params, [self._plain(a["input"])],
                            hint=self._owner(a["weight"]))
        self._weight(node_id, "weight", w)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    # Padding --------------------------------------------------------------------------------

    def _op_pad(self, node: Any, a: dict[str, Any]) -> None:
        if a.get("mode", "constant") != "constant":
            raise NotMapped(msg("a {mode} padding has no layer", mode=a.get("mode")))
        self._pad(node, a["self"], list(a["pad"]), float(a.get("value") or 0.0))

    def _op_constant_pad_nd(self, node: Any, a: dict[str, Any]) -> None:
        self._pad(node, a["self"], list(a["pad"]), float(a.get("value") or 0.0))

    def _pad(self, node: Any, x: Any, pad: list[int], fill: float) -> None:
        rank = self._rank(x)
        pairs = _pairs(pad, rank)
        if min(pad, default=0) < 0:
            raise NotMapped(msg("a padding {pads} that crops has no layer", pads=pad))
        readers = list(node.users)
        reader = readers[0] if len(readers) == 1 else None
        windowed = reader is not None and reader.op == "call_function" and (
            (fill == 0.0 and reader.target in self._conv_ops())
            or (fill <= _LOWEST and reader.target in self._max_pool_ops())
        )
        # A convolution or max pooling reads axes 2…: the padding joins its own.
        if windowed and not any(pairs[0] + pairs[1]) and rank in (3, 4, 5):
            self.pads[node.name] = (x, pairs[2:], fill, node)
            self._alias(node, x)
            return
        if fill != 0.0:
            raise NotMapped(msg("a padding with {value} has no layer", value=fill))
        value = self._value(x)
        if rank == 3:
            time = 2 if value.transposed else 1
            if any(pairs[i] != (0, 0) for i in range(3) if i != time):
                raise NotMapped(msg("a padding {pads} of these axes has no layer", pads=pad))
            node_id = self._add("ZeroPadding1D", {"padding": list(pairs[time])}, [value.node])
        elif rank == 4 and not any(pairs[0] + pairs[1]) and all(b == c for b, c in pairs[2:]):
            node_id = self._add("ZeroPadding2D", {"padding": [b for b, _ in pairs[2:]]},
                                [self._plain(x)])
        else:
            raise NotMapped(msg("a padding {pads} has no layer", pads=pad))
        self._set(node, Value(node_id, transposed=value.transposed))
        self._mapped(node, node_id)

    @staticmethod
    def _conv_ops() -> set[Any]:
        aten = torch.ops.aten
        return {aten.conv1d.default, aten.conv2d.default, aten.conv3d.default,
                aten.convolution.default}

    @staticmethod
    def _max_pool_ops() -> set[Any]:
        aten = torch.ops.aten
        return {aten.max_pool1d.default, aten.max_pool2d.default, aten.max_pool3d.default}

    # Pooling ----------------------------------------------------------------------------------

    def _op_max_pool1d(self, node: Any, a: dict[str, Any]) -> None:
        self._pool(node, a, "Max", 1)

    def _op_max_pool2d(self, node: Any, a: dict[str, Any]) -> None:
        self._pool(node, a, "Max", 2)

    def _op_max_pool3d(self, node: Any, a: dict[str, Any]) -> None:
        self._pool(node, a, "Max", 3)

    def _op_max_pool2d_with_indices(self, node: Any, a: dict[str, Any]) -> None:
        self._pool(node, a, "Max", 2)  # the pair (values, indices): getitem takes values

    def _getitem_of_max_pool2d_with_indices(self, node: Any, source: Any, index: int) -> None:
        if index == 0:
            self._alias(node, source)
        elif node.users:
            raise NotMapped(msg("a MaxPool that also returns indices has no layer"))

    def _op_avg_pool1d(self, node: Any, a: dict[str, Any]) -> None:
        self._pool(node, a, "Average", 1)

    def _op_avg_pool2d(self, node: Any, a: dict[str, Any]) -> None:
        self._pool(node, a, "Average", 2)

    def _pool(self, node: Any, a: dict[str, Any], kind: str, dims: int) -> None:
        kernel = list(a["kernel_size"])
        kernel = [int(k) for k in (kernel * dims if len(kernel) == 1 else kernel)]
        if dims == 3 and kind == "Average":
            raise NotMapped(msg("a {dims}D {kind} pooling has no layer", dims=dims, kind=kind))
        if kind == "Max" and same_all(list(a.get("dilation") or [1]), "dilations") != 1:
            raise NotMapped(msg("a dilated pooling has no layer"))
        if kind == "Average" and a.get("divisor_override") is not None:
            raise NotMapped(msg("an average pooling with its own divisor has no layer"))
        stride = list(a.get("stride") or []) or kernel
        strides = same_all(stride * dims if len(stride) == 1 else stride, "strides")
        x, pairs, fill = self._padded(a["self"], a.get("padding") or [0], dims, kernel)
        sizes = self._sizes(x)
        same = windows("Pool", tuple(sizes), tuple(kernel), (strides,) * dims, "same").pads
        if not any(v for pair in pairs for v in pair):
            padding = "valid"
        elif pairs == list(same):
            padding = "same"
            # NetStudio's 'same' average counts only the cells inside the input.
            if kind == "Average" and (a.get("count_include_pad", True) or fill != 0.0):
                raise NotMapped(msg("an average pooling that counts its padding zeros has no "
                                    "layer ('same' averages over the cells inside)"))
        else:
            raise NotMapped(msg("its padding {pads} is not Keras' 'valid' or 'same'",
                                pads=[list(p) for p in pairs]))
        pool_size: Any = kernel[0] if dims == 1 or len(set(kernel)) == 1 else kernel
        params = {
            "pool_size": pool_size,
            "strides": 0 if [strides] * dims == kernel else strides,
            "padding": padding,
            "keep_partial": bool(a.get("ceil_mode", False)),
        }
        source = self._channels_last(x) if dims == 1 else self._plain(x)
        node_id = self._add(f"{kind}Pooling{dims}D", params, [source], hint=self._hint(node))
        self._set(node, Value(node_id, transposed=dims == 1))
        self._mapped(node, node_id)

    def _op_mean(self, node: Any, a: dict[str, Any]) -> None:
        self._reduce(node, a, "GlobalAveragePooling")

    def _op_amax(self, node: Any, a: dict[str, Any]) -> None:
        self._reduce(node, a, "GlobalMaxPooling")

    def _reduce(self, node: Any, a: dict[str, Any], layer: str) -> None:
        x = a["self"]
        rank = self._rank(x)
        value = self._value(x)
        dims = sorted(int(d) % rank for d in (a.get("dim") or []))
        # The window axes of the tensor as PyTorch holds it: H, W of an image; time of a
        # sequence (axis 2 when it is channels first).
        spatial = list(range(2, rank)) if rank >= 4 else ([2] if value.transposed else [1])
        if rank not in (3, 4, 5) or dims != spatial or a.get("dtype") is not None:
            raise NotMapped(msg("a reduction over axes {axes} is not a global pooling",
                                axes=dims))
        self._global(node, x, layer, keep=bool(a.get("keepdim", False)))

    def _op_adaptive_avg_pool2d(self, node: Any, a: dict[str, Any]) -> None:
        if list(a["output_size"]) != [1, 1]:
            raise NotMapped(msg("an adaptive pooling to {size} has no layer",
                                size=list(a["output_size"])))
        self._global(node, a["self"], "GlobalAveragePooling", keep=True)

    _op__adaptive_avg_pool2d = _op_adaptive_avg_pool2d

    def _op_adaptive_avg_pool1d(self, node: Any, a: dict[str, Any]) -> None:
        if list(a["output_size"]) != [1]:
            raise NotMapped(msg("an adaptive pooling to {size} has no layer",
                                size=list(a["output_size"])))
        self._global(node, a["self"], "GlobalAveragePooling", keep=True)

    def _global(self, node: Any, x: Any, layer: str, keep: bool) -> None:
        rank = self._rank(x)
        value = self._value(x)
        if rank in (4, 5):
            source = self._plain(x)
        elif rank == 3:
            source = value.node if value.transposed else self._plain(x)
            if not value.transposed and keep:  # nn.AdaptiveAvgPool1d: over a channels-first time
                source = self._channels_last(x)
        else:
            raise NotMapped(msg("a global pooling of a {rank}-axis tensor has no layer",
                                rank=rank))
        node_id = self._add(layer, {}, [source], hint=self._hint(node))
        self._set(node, Value(node_id, pooled=rank - 2 if keep else 0))
        self._mapped(node, node_id)

    # Embedding and normalization ----------------------------------------------------------------

    def _op_embedding(self, node: Any, a: dict[str, Any]) -> None:
        table = self._tensor(a["weight"])
        if table.ndim != 2 or a.get("scale_grad_by_freq") or a.get("sparse"):
            raise NotMapped(msg("only a plain table of vectors is an Embedding"))
        params = {"input_dim": int(table.shape[0]), "output_dim": int(table.shape[1])}
        node_id = self._add("Embedding", params, [self._plain(a["indices"])],
                            hint=self._owner(a["weight"]))
        self._weight(node_id, "weight", table)
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    def _op_batch_norm(self, node: Any, a: dict[str, Any]) -> None:
        if a["training"]:
            raise NotMapped(msg("a BatchNorm in training mode has no layer"))
        self._batch_norm(node, a, a["momentum"])

    def _op__native_batch_norm_legit_no_training(self, node: Any, a: dict[str, Any]) -> None:
        if any(len(user.users) for user in node.users if user.args[1] != 0):
            raise NotMapped(msg("its saved mean and deviation are read; no layer gives them"))
        self._batch_norm(node, a, a["momentum"])

    def _getitem_of__native_batch_norm_legit_no_training(
        self, node: Any, source: Any, index: int
    ) -> None:
        if index == 0:
            self._alias(node, source)

    def _batch_norm(self, node: Any, a: dict[str, Any], momentum: float) -> None:
        mean, var = self._optional_tensor(a["running_mean"]), self._optional_tensor(
            a["running_var"]
        )
        if mean is None or var is None:
            raise NotMapped(msg("a BatchNorm without running statistics normalizes each batch "
                                "by itself; no layer does that when predicting"))
        x = a["input"]
        rank = self._rank(x)
        source = self._channels_last(x) if rank == 3 else self._plain(x)
        params = {
            # Keras' momentum weighs the old statistics; PyTorch's the new batch.
            "momentum": min(max(round(1 - float(momentum), 6), 0.0), 0.9999),
            "epsilon": min(max(float(a["eps"]), 1e-12), 1.0),
        }
        owner = self._owner(a["running_mean"]) or self._owner(a["weight"])
        node_id = self._add("BatchNorm", params, [source], hint=owner)
        weight, bias = self._optional_tensor(a["weight"]), self._optional_tensor(a["bias"])
        if weight is None or bias is None:
            self.report.add_approximated(
                self.where(node),
                msg("it has no learned scale and offset; {node} starts with a scale of 1 and "
                    "an offset of 0 (the same predictions), which training will change",
                    node=node_id),
            )
        self._weight(node_id, "weight", torch.ones_like(mean) if weight is None else weight)
        self._weight(node_id, "bias", torch.zeros_like(mean) if bias is None else bias)
        self._weight(node_id, "running_mean", mean)
        self._weight(node_id, "running_var", var)
        self._set(node, Value(node_id, transposed=rank == 3))
        self._mapped(node, node_id)

    def _op_layer_norm(self, node: Any, a: dict[str, Any]) -> None:
        x = a["input"]
        shape = self._shape(x)
        normalized = [int(v) for v in a["normalized_shape"]]
        # NetStudio's LayerNorm normalizes an image over channels and pixels, else the features.
        wanted = shape[1:] if len(shape) == 4 else shape[-1:]
        if normalized != wanted:
            raise NotMapped(msg("a LayerNorm over {shape} has no layer", shape=normalized))
        weight, bias = self._optional_tensor(a["weight"]), self._optional_tensor(a["bias"])
        params = {"epsilon": min(max(float(a["eps"]), 1e-12), 1.0)}
        node_id = self._add("LayerNorm", params, [self._plain(x)], hint=self._owner(a["weight"]))
        ones = torch.ones(normalized)
        self._weight(node_id, "weight", ones if weight is None else weight)
        self._weight(node_id, "bias", torch.zeros_like(ones) if bias is None else bias)
        self._set(node, Value(node_id))
        self._mapped(node, node_id)

    # Recurrent layers ---------------------------------------------------------------------------

    def _op_lstm(self, node: Any, a: dict[str, Any]) -> None:
        self._recurrent(node, a, "LSTM", a["hx"])

    def _op_gru(self, node: Any, a: dict[str, Any]) -> None:
        self._recurrent(node, a, "GRU", [a["hx"]])

    def _op_rnn_tanh(self, node: Any, a: dict[str, Any]) -> None:
        self._recurrent(node, a, "SimpleRNN", [a["hx"]])

    def _recurrent(self, node: Any, a: dict[str, Any], layer: str, states: list[Any]) -> None:
        if not a["batch_first"]:
            raise NotMapped(msg("it reads time before the batch (batch_first=False); NetStudio's "
                                "recurrent layers read batch × time × features"))
        if int(a["num_layers"]) != 1:
            raise NotMapped(msg("a stack of {n} recurrent layers in one operator has no layer; "
                                "stack single-layer ones", n=a["num_layers"]))
        if any(not isinstance(s, torch.fx.Node) or s.name not in self.zeros for s in states):
            raise NotMapped(msg("an initial state other than zeros has no layer"))
        weights = [self._tensor(p) for p in a["params"]]
        directions = 2 if a["bidirectional"] else 1
        per_direction = 4 if a["has_biases"] else 2
        if len(weights) != per_direction * directions:
            raise NotMapped(msg("its weights are not one layer's"))
        hidden = int(weights[1].shape[1])
        params = {"units": hidden, "return_sequences": True, "bidirectional": directions == 2}
        x = a["input"]
        node_id = self._add(layer, params, [self._plain(x)], hint=self._owner(a["params"][0]))
        for d, suffix in enumerate(["", "_reverse"][:directions]):
            w = weights[d * per_direction:(d + 1) * per_direction]  # fmt: skip
            self._weight(node_id, f"weight_ih_l0{suffix}", w[0])
            self._weight(node_id, f"weight_hh_l0{suffix}", w[1])
            zeros = torch.zeros(w[0].shape[0])
            self._weight(node_id, f"bias_ih_l0{suffix}", w[2] if len(w) > 2 else zeros)
            self._weight(node_id, f"bias_hh_l0{suffix}", w[3] if len(w) > 2 else zeros)
        if not a["has_biases"]:
            self.report.add_approximated(
                self.where(node),
                msg("it has no biases; {node} starts with biases of 0 (the same predictions), "
                    "which training will change", node=node_id),
            )
        self.values[node.name] = Value(node_id, directions=1)  # the tuple, before getitem
        self._mapped(node, node_id)

    def _getitem_of_recurrent(self, node: Any, source: Any, index: int) -> None:
        if index == 0:
            self._set(node, Value(self.values[source.name].node))
            return
        if node.users:
            raise NotMapped(msg("its final state is read; NetStudio's layers give their outputs "
                                "only"))

    _getitem_of_lstm = _getitem_of_gru = _getitem_of_rnn_tanh = _getitem_of_recurrent

    def _op_select(self, node: Any, a: dict[str, Any]) -> None:
        """The last time step of a recurrent layer's sequence: return_sequences off."""
        x = a["self"]
        value = self._value(x)
        shape = self._shape(x)
        layer = self.graph.nodes[value.node]
        last = int(a["index"]) in (-1, (shape[1] or 0) - 1) if len(shape) == 3 else False
        if not (
            len(shape) == 3
            and int(a["dim"]) % 3 == 1
            and last
            and value.plain
            and layer.layer_id in _RECURRENT.values()
            and not layer.params["bidirectional"]
            and self.readers.get(value.node) == 1
        ):
            raise NotMapped(msg("only the last time step of an LSTM, GRU or SimpleRNN read "
                                "alone has a layer (return_sequences off)"))
        self.graph.set_params(value.node, {"return_sequences": False})
        self._alias(node, x)
