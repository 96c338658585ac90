"""ONNX operators with weights or windows: Gemm/MatMul → Dense, Conv, ConvTranspose, Pad,
pooling and global pooling. Mixed into the import's builder (studio.importers.onnx_import)."""

from __future__ import annotations

from typing import Any

import numpy as np

from studio.importers.onnx_values import NotMapped, Value, owner, same_all, where
from studio.layers.conv import windows
from studio.messages import msg


class LayerOps:
    # Dense ----------------------------------------------------------------------------------

    def _op_Gemm(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0:
            raise NotMapped(msg("a Gemm with transA or alpha ≠ 1 is not a Dense layer"))
        b = self._const(node.input[1])
        weight = b if attrs.get("transB", 0) else b.T
        bias = None
        if len(node.input) > 2 and node.input[2]:
            bias = self._const(node.input[2]) * attrs.get("beta", 1.0)
        self._dense(node, node.input[0], weight, bias, node.output[0])

    def _op_MatMul(self, node: Any, attrs: dict[str, Any]) -> None:
        w = self._const(node.input[1])
        if w.ndim != 2:
            raise NotMapped(
                msg("a MatMul with a {rank}-axis weight is not a Dense layer", rank=w.ndim)
            )
        bias, output = None, node.output[0]
        add = self._bias_add(output, w.shape[1])
        if add is not None:
            bias, output = add[0], add[1].output[0]
        node_id = self._dense(node, node.input[0], w.T, bias, output)
        if add is not None:
            self.report.add_mapped(where(add[1]), msg("bias of {node}", node=node_id))

    def _bias_add(self, tensor: str, units: int) -> tuple[np.ndarray, Any] | None:
        """The Add that follows a MatMul alone with a vector of `units` values: its bias."""
        if self.model.consumers.get(tensor, 0) != 1:
            return None
        for index, node in enumerate(self.model.proto.graph.node):
            if node.op_type != "Add" or tensor not in node.input:
                continue
            if self.kept is not None and index not in self.kept:
                return None  # cut off: the import ends at the MatMul
            other = node.input[1] if node.input[0] == tensor else node.input[0]
            constant = self.model.constants.get(other)
            if constant is not None and constant.size == units:
                self.absorbed.add(node.output[0])
                return constant.reshape(units), node
        return None

    def _dense(
        self, node: Any, x: str, weight: np.ndarray, bias: np.ndarray | None, output: str
    ) -> str:
        if bias is not None and bias.size != weight.shape[0]:
            raise NotMapped(msg("its bias does not have one value per output"))
        params = {
            "units": int(weight.shape[0]),
            "activation": "linear",
            "use_bias": bias is not None,
        }
        node_id = self._add("Dense", params, [self._plain(x)], hint=owner(node.input[1]))
        self._weight(node_id, "weight", weight)
        if bias is not None:
            self._weight(node_id, "bias", bias.reshape(-1))
        self._set(output, Value(node_id))
        self._mapped(node, node_id)
        return node_id

    # Convolutions ---------------------------------------------------------------------------

    def _op_Conv(self, node: Any, attrs: dict[str, Any]) -> None:
        w = self._const(node.input[1])
        dims = w.ndim - 2
        if dims not in (1, 2, 3):
            raise NotMapped(msg("only 1D, 2D and 3D convolutions have a layer"))
        group = attrs.get("group", 1)
        channels = (self.model.shapes.get(node.input[0]) or [None, None])[1]
        # One filter group per input channel, each with its own filters: DepthwiseConv2D.
        depthwise = group > 1 and dims == 2 and group == channels and w.shape[1] == 1
        if group != 1 and not depthwise:
            raise NotMapped(msg("a grouped convolution (group {n}) has no layer", n=group))
        strides = same_all(attrs.get("strides", [1] * dims), "strides")
        dilation = same_all(attrs.get("dilations", [1] * dims), "dilations")
        kernel = [int(k) for k in w.shape[2:]]
        x, pairs = self._padded(node.input[0], attrs, dims)
        sizes = self._sizes(x)
        source = self._channels_last(x) if dims == 1 else self._plain(x)
        padding, source = self._conv_padding(attrs, pairs, sizes, kernel, strides, dilation, source)
        layer = f"Conv{dims}D"
        bias = self._optional_const(node, 2)
        params = {
            "filters": int(w.shape[0]),
            "kernel_size": kernel[0] if dims == 1 else kernel,
            "strides": strides,
            "padding": padding,
            "dilation": dilation,
            "activation": "linear",
            "use_bias": bias is not None,
        }
        if depthwise:
            layer = "DepthwiseConv2D"
            params["depth_multiplier"] = int(w.shape[0]) // group
            del params["filters"]
        node_id = self._add(layer, params, [source], hint=owner(node.input[1]))
        self._weight(node_id, "weight", w)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node.output[0], Value(node_id, transposed=dims == 1))
        self._mapped(node, node_id)

    def _conv_padding(
        self,
        attrs: dict[str, Any],
        pairs: list,
        sizes: list[int],
        kernel: list[int],
        strides: int,
        dilation: int,
        source: str,
    ) -> tuple[str, str]:
        """'valid' or 'same', with a ZeroPadding node before the layer where the file's
        padding is neither (symmetric in 2D, any in 1D)."""
        dims = len(pairs)
        same = windows(
            "Conv", tuple(sizes), tuple(kernel), (strides,) * dims, "same", dilation
        ).pads
        auto = attrs.get("auto_pad", "NOTSET")
        if auto == "SAME_UPPER":
            return "same", source
        if auto == "VALID":
            return "valid", source
        if auto != "NOTSET":
            raise NotMapped(msg("padding {mode} (extra cells first) has no layer", mode=auto))
        pads = [v for pair in pairs for v in pair]
        if not any(pads):
            return "valid", source
        if pairs == list(same):
            return "same", source
        if dims == 3:
            raise NotMapped(msg("its padding {pads} is not Keras' 'valid' or 'same'", pads=pads))
        if dims == 1:
            padded = self._add("ZeroPadding1D", {"padding": list(pairs[0])}, [source])
            return "valid", padded
        if all(a == b for a, b in pairs):
            padded = self._add("ZeroPadding2D", {"padding": [a for a, _ in pairs]}, [source])
            return "valid", padded
        raise NotMapped(msg("its padding {pads} is uneven and not Keras' 'same'", pads=pads))

    def _op_Gather(self, node: Any, attrs: dict[str, Any]) -> None:
        """A table of vectors looked up by token ids: Embedding. Otherwise a time step."""
        table = self.model.constants.get(node.input[0])
        if table is None or table.ndim != 2 or attrs.get("axis", 0) != 0:
            self._last_step(node, attrs)
            return
        params = {"input_dim": int(table.shape[0]), "output_dim": int(table.shape[1])}
        source = self._plain(node.input[1])
        node_id = self._add("Embedding", params, [source], hint=owner(node.input[0]))
        self._weight(node_id, "weight", table)
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    def _op_ConvTranspose(self, node: Any, attrs: dict[str, Any]) -> None:
        w = self._const(node.input[1])
        if w.ndim != 4 or attrs.get("group", 1) != 1 or "output_shape" in attrs:
            raise NotMapped(msg("only plain 2D transposed convolutions have a layer"))
        if attrs.get("auto_pad", "NOTSET") != "NOTSET":
            raise NotMapped(msg("automatic padding of a transposed convolution has no layer"))
        if same_all(attrs.get("dilations", [1, 1]), "dilations") != 1:
            raise NotMapped(msg("a dilated transposed convolution has no layer"))
        strides = same_all(attrs.get("strides", [1, 1]), "strides")
        padding = same_all(attrs.get("pads", [0, 0, 0, 0]), "pads")
        extra = same_all(attrs.get("output_padding", [0, 0]), "output_padding")
        bias = self._optional_const(node, 2)
        params = {
            "filters": int(w.shape[1]),
            "kernel_size": [int(k) for k in w.shape[2:]],
            "strides": strides,
            "padding": padding,
            "output_padding": extra,
            "activation": "linear",
            "use_bias": bias is not None,
        }
        node_id = self._add(
            "ConvTranspose2D", params, [self._plain(node.input[0])], hint=owner(node.input[1])
        )
        self._weight(node_id, "weight", w)
        if bias is not None:
            self._weight(node_id, "bias", bias)
        self._set(node.output[0], Value(node_id))
        self._mapped(node, node_id)

    def _optional_const(self, node: Any, index: int) -> np.ndarray | None:
        if len(node.input) > index and node.input[index]:
            return self._const(node.input[index])
        return None

    def _op_Pad(self, node: Any, attrs: dict[str, Any]) -> None:
        if attrs.get("mode", "constant") != "constant" or (len(node.input) > 3 and node.input[3]):
            raise NotMapped(msg("only a constant padding of every axis has a layer"))
        pads = [int(v) for v in self._const(node.input[1]).tolist()]
        fill = float(self._const(node.input[2])) if len(node.input) > 2 and node.input[2] else 0.0
        rank = len(pads) // 2
        before, after = pads[:rank], pads[rank:]
        if min(pads) < 0 or rank not in (3, 4, 5):
            raise NotMapped(msg("a padding {pads} has no layer", pads=pads))
        pairs = list(zip(before[2:], after[2:], strict=True))
        reader = self._only_reader(node.output[0])
        lowest = fill <= float(np.finfo(np.float32).min)
        # A convolution or pooling reads axes 2… as its window's: the Pad joins its padding.
        if (
            not any(before[:2] + after[:2])
            and reader is not None
            and (
                (reader.op_type == "Conv" and fill == 0.0)
                or (reader.op_type == "MaxPool" and lowest)
            )
        ):
            self.pads[node.output[0]] = (node.input[0], pairs, node)
            self._set(node.output[0], self._value(node.input[0]), alias_of=node.input[0])
            return
        if fill != 0.0:
            raise NotMapped(msg("a padding with {value} has no layer", value=fill))
        value = self._value(node.input[0])
        # A sequence's time axis: 1 as NetStudio keeps it, 2 in channels-first order.
        padded = [2 if value.transposed else 1] if rank == 3 else [2, 3]
        if rank == 5 or any(before[i] or after[i] for i in range(rank) if i not in padded):
            raise NotMapped(msg("a padding {pads} of these axes has no layer", pads=pads))
        if rank == 3:
            time = padded[0]
            node_id = self._add(
                "ZeroPadding1D", {"padding": [before[time], after[time]]}, [value.node]
            )
        elif all(a == b for a, b in pairs):
            node_id = self._add(
                "ZeroPadding2D", {"padding": [a for a, _ in pairs]}, [self._plain(node.input[0])]
            )
        else:
            raise NotMapped(msg("an uneven padding {pads} has no layer", pads=pads))
        self._set(node.output[0], Value(node_id, transposed=value.transposed))
        self._mapped(node, node_id)

    def _only_reader(self, tensor: str) -> Any:
        if self.model.consumers.get(tensor) != 1:
            return None
        return next((n for n in self.model.proto.graph.node if tensor in n.input), None)

    def _padded(self, tensor: str, attrs: dict[str, Any], dims: int) -> tuple[str, list]:
        """The tensor a convolution or pooling really reads and its (before, after) pads,
        a Pad just before it included."""
        pads = list(attrs.get("pads", [0] * 2 * dims))
        pairs = list(zip(pads[:dims], pads[dims:], strict=True))
        if tensor in self.pads:
            tensor, extra, pad = self.pads[tensor]
            pairs = [(a + c, b + d) for (a, b), (c, d) in zip(pairs, extra, strict=True)]
            self.report.add_mapped(where(pad), msg("padding of the layer that follows"))
        return tensor, pairs

    # Pooling ----------------------------------------------------------------------------------

    def _op_MaxPool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._pool(node, attrs, "Max")

    def _op_AveragePool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._pool(node, attrs, "Average")

    def _pool(self, node: Any, attrs: dict[str, Any], kind: str) -> None:
        if len(node.output) > 1 and node.output[1]:
            raise NotMapped(msg("a MaxPool that also returns indices has no layer"))
        kernel = [int(k) for k in attrs["kernel_shape"]]
        dims = len(kernel)
        if dims not in (1, 2, 3) or (dims == 3 and kind == "Average"):
            raise NotMapped(msg("a {dims}D {kind} pooling has no layer", dims=dims, kind=kind))
        if same_all(attrs.get("dilations", [1] * dims), "dilations") != 1:
            raise NotMapped(msg("a dilated pooling has no layer"))
        strides = same_all(attrs.get("strides", [1] * dims), "strides")
        x, pairs = self._padded(node.input[0], attrs, dims)
        sizes = self._sizes(x)
        pads = [v for pair in pairs for v in pair]
        same = windows("Pool", tuple(sizes), tuple(kernel), (strides,) * dims, "same").pads
        auto = attrs.get("auto_pad", "NOTSET")
        if auto == "VALID" or (auto == "NOTSET" and not any(pads)):
            padding = "valid"
        elif auto == "SAME_UPPER" or (auto == "NOTSET" and pairs == list(same)):
            padding = "same"
            if kind == "Average" and attrs.get("count_include_pad", 0):
                raise NotMapped(
                    msg(
                        "an average pooling that counts its padding zeros has no "
                        "layer ('same' averages over the cells inside)"
                    )
                )
        else:
            raise NotMapped(msg("its padding {pads} is not Keras' 'valid' or 'same'", pads=pads))
        pool_size: Any = kernel[0] if dims == 1 or len(set(kernel)) == 1 else kernel
        params = {
            "pool_size": pool_size,
            "strides": 0 if [strides] * dims == kernel else strides,
            "padding": padding,
            "keep_partial": bool(attrs.get("ceil_mode", 0)),
        }
        source = self._channels_last(x) if dims == 1 else self._plain(x)
        node_id = self._add(f"{kind}Pooling{dims}D", params, [source])
        self._set(node.output[0], Value(node_id, transposed=dims == 1))
        self._mapped(node, node_id)

    def _op_GlobalAveragePool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._global(node, "GlobalAveragePooling", keep=True)

    def _op_GlobalMaxPool(self, node: Any, attrs: dict[str, Any]) -> None:
        self._global(node, "GlobalMaxPooling", keep=True)

    def _op_ReduceMean(self, node: Any, attrs: dict[str, Any]) -> None:
        self._reduce(node, attrs, "GlobalAveragePooling")

    def _op_ReduceMax(self, node: Any, attrs: dict[str, Any]) -> None:
        self._reduce(node, attrs, "GlobalMaxPooling")

    def _reduce(self, node: Any, attrs: dict[str, Any], layer: str) -> None:
        rank = self._rank(node.input[0])
        axes = attrs.get("axes")
        if axes is None and len(node.input) > 1 and node.input[1]:
            axes = self._const(node.input[1]).tolist()
        axes = sorted(a % rank for a in (axes or []))
        value = self._value(node.input[0])
        # The spatial axes of the ONNX tensor: H, W of an image; time of a sequence.
        spatial = list(range(2, rank)) if rank >= 4 else ([2] if value.transposed else [1])
        if rank not in (3, 4, 5) or axes != spatial:
            raise NotMapped(msg("a reduction over axes {axes} is not a global pooling", axes=axes))
        self._global(node, layer, keep=bool(attrs.get("keepdims", 1)))

    def _global(self, node: Any, layer: str, keep: bool) -> None:
        rank = self._rank(node.input[0])
        value = self._value(node.input[0])
        if rank in (4, 5):
            source = self._plain(node.input[0])
        elif rank == 3 and (value.transposed or node.op_type.startswith("Reduce")):
            source = (
                value.node if value.transposed or not value.pooled else self._plain(node.input[0])
            )
        elif rank == 3:
            source = self._channels_last(node.input[0])
        else:
            raise NotMapped(msg("a global pooling of a {rank}-axis tensor has no layer", rank=rank))
        node_id = self._add(layer, {}, [source])
        self._set(node.output[0], Value(node_id, pooled=rank - 2 if keep else 0))
        self._mapped(node, node_id)
