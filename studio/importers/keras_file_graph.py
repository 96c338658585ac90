"""A Keras model's saved config (Sequential or functional) → a NetStudio graph.

Each layer entry of the config (class_name + config dict) is the same information a layer call
in code gives, so it goes through the code importer's table (studio.importers.keras_layers).
What differs from code is the layout of the data, which the builder tracks tensor by tensor:

* Images and volumes are channels last in Keras, channels first in NetStudio. Every image
  layer keeps that correspondence, so only the Input, the model's outputs and the places where
  the order of the numbers shows (Flatten, Reshape) need care.
* A Flatten of a C×H×W image lays the numbers out in another order than Keras' Flatten of the
  H×W×C image. The flat vector then carries that order (`Flow.order`) to the Dense layer that
  reads it, whose kernel rows are permuted to match (studio.importers.keras_weights). Where
  the vector reaches something that cannot absorb the order (the model's output, a Reshape),
  the build starts again with a Permute to channels last before that Flatten, which makes the
  order Keras' own.

Anything NetStudio cannot compute exactly is a failure listed in the report by layer name;
the import is then refused (studio.importers.keras_file), never approximated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from studio.graph import Graph, GraphError
from studio.importers.keras_layers import LayerCall, NotConvertible, convert_layer
from studio.importers.report import ImportReport
from studio.layers.base import Call, ShapeError, TensorType
from studio.layers.registry import get_layer
from studio.messages import msg


@dataclass
class Flow:
    """A Keras tensor as it exists in the graph."""

    node: str
    type: TensorType
    order: np.ndarray | None = None
    """For a flat vector whose numbers come in another order than in Keras: ours[i] =
    keras[order[i]]. None: the same order."""
    flattens: frozenset[str] = frozenset()
    """The Flatten layers that made `order` (to be rebuilt channels last if it cannot stay)."""


@dataclass
class WeightsJob:
    """One node whose weights come from one Keras layer (studio.importers.keras_weights)."""

    node: str
    layer: str
    cls: str
    config: dict[str, Any]
    input: TensorType
    order: np.ndarray | None = None


class NeedsChannelsLast(Exception):
    """A flat vector in NetStudio's order reaches a layer that cannot take it: rebuild with
    these Flatten layers reading a channels-last copy of their image."""

    def __init__(self, flattens: frozenset[str]) -> None:
        super().__init__(sorted(flattens))
        self.flattens = flattens


class LayerFailed(Exception):
    """This layer cannot be brought in exactly; the message says why (for the report)."""


def where(name: str) -> Any:
    return msg("layer {name}", name=name)


# Config values that say nothing about what a saved model computes: how it was initialised
# (its weights are in the file), file bookkeeping, options for masks NetStudio does not pass.
_DROPPED = {
    "name", "trainable", "dtype", "seed", "kernel_initializer", "bias_initializer",
    "recurrent_initializer", "embeddings_initializer", "beta_initializer", "gamma_initializer",
    "moving_mean_initializer", "moving_variance_initializer", "depthwise_initializer",
    "pointwise_initializer", "alpha_initializer", "zero_output_for_mask", "use_cudnn",
    "implementation", "unroll", "batch_input_shape", "batch_shape", "input_dim_",
    "build_config", "sparse", "ragged", "input_length", "autocast", "unit_forget_bias",
}  # fmt: skip
# Keys accepted only with the value that changes nothing (Keras' default).
_NEUTRAL = {
    "lora_rank": (None,), "quantization_config": (None,), "renorm": (False,),
    "renorm_clipping": (None,), "virtual_batch_size": (None,), "adjustment": (None,),
    "time_major": (False,), "rms_scaling": (False,), "optional": (False,),
}  # fmt: skip
_ANY_VALUE = {"renorm_momentum", "fused", "lora_alpha", "synchronized"}
# Training-only keys: kept out of the graph silently when they are off, listed when set.
_OFF = (None, 0, 0.0)

# Layers that leave each number where it is: a flat vector keeps its order through them.
_KEEPS_ORDER = {"Dropout", "GaussianNoise", "Activation", "ReLU", "LeakyReLU", "ELU",
                "Softmax", "BatchNormalization", "Rescaling"}
_MERGES = {"Add", "Subtract", "Multiply", "Average", "Maximum", "Concatenate"}
RANK_NEEDED = {"Permute", "LayerNormalization", "PReLU"}


def keras_call(cls: str, config: dict[str, Any]) -> tuple[LayerCall, list[str]]:
    """The layer as a code call would give it, and the training-only settings it has on."""
    kwargs: dict[str, Any] = {}
    training: list[str] = []
    for key, value in config.items():
        if key in _DROPPED or key in _ANY_VALUE:
            continue
        if key in _NEUTRAL:
            if value not in _NEUTRAL[key]:
                raise LayerFailed(msg("{cls}'s {arg}={value!r} has no counterpart in NetStudio",
                                      cls=cls, arg=key, value=value))
            continue
        if key.endswith(("_regularizer", "_constraint")) or key in (
                "dropout", "recurrent_dropout", "noise_shape"):
            if value not in _OFF:
                training.append(key)
            continue
        if key in ("layer", "backward_layer") and isinstance(value, dict):
            inner_cls = value.get("class_name")
            inner_config = value.get("config")
            if not isinstance(inner_cls, str) or not isinstance(inner_config, dict):
                raise LayerFailed(msg("{cls} wraps a layer whose config cannot be read",
                                      cls=cls))
            if key == "backward_layer":
                _check_mirror(config.get("layer"), value)
                continue
            inner, inner_training = keras_call(inner_cls, inner_config)
            training.extend(inner_training)
            kwargs["layer"] = inner
            continue
        kwargs[key] = value
    return LayerCall(cls, [], kwargs, 0), training


def _check_mirror(forward: Any, backward: dict[str, Any]) -> None:
    """Bidirectional's backward layer must be the forward one run backwards (Keras' default);
    NetStudio's bidirectional layers are that."""
    ignored = {"name", "go_backwards"}

    def settings(entry: Any) -> Any:
        if not isinstance(entry, dict) or not isinstance(entry.get("config"), dict):
            return None
        config = {k: v for k, v in entry["config"].items()
                  if k not in ignored and k not in _DROPPED}
        return entry.get("class_name"), config

    if settings(forward) != settings(backward):
        raise LayerFailed(msg("Bidirectional's backward layer differs from its forward layer; "
                              "NetStudio's bidirectional layers run the same layer both ways"))


def _infer(graph: Graph, node_id: str, inputs: list[TensorType]) -> TensorType:
    node = graph.nodes[node_id]
    return node.layer.infer(Call(node.params, inputs))


@dataclass
class GraphBuilder:
    """Builds the graph of one model config; `channels_last` names the Flatten layers that
    must read their image channels last (learned from an earlier attempt)."""

    report: ImportReport
    channels_last: frozenset[str] = frozenset()
    graph: Graph = field(default_factory=Graph)
    jobs: list[WeightsJob] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)

    # Nodes --------------------------------------------------------------------------------

    def add(self, layer_id: str, params: dict[str, Any], sources: list[Flow],
            hint: str | None = None) -> Flow:
        node_id = self._free_id(hint)
        try:
            node = self.graph.add_node(layer_id, params, node_id=node_id)
        except GraphError as exc:
            raise LayerFailed(str(exc)) from None
        for port, source in enumerate(sources):
            self.graph.connect(source.node, node.id, port)
        try:
            output = _infer(self.graph, node.id, [s.type for s in sources])
        except ShapeError as exc:
            raise LayerFailed(str(exc)) from None
        return Flow(node.id, output)

    def _free_id(self, hint: str | None) -> str | None:
        if not hint:
            return None
        for candidate in (hint, *(f"{hint}_{n}" for n in range(2, 100))):
            try:
                self.graph.check_id(candidate)
            except GraphError:
                continue
            return candidate
        return None

    # Inputs and outputs -------------------------------------------------------------------

    def input(self, name: str, shape: Any, dtype: Any, integer: bool) -> Flow:
        if (not isinstance(shape, (list, tuple)) or not shape or not all(
                isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in shape)):
            raise LayerFailed(msg(
                "the input shape {shape} has a size left open; NetStudio needs every size "
                "fixed (save the model with keras.Input(shape=(…)) written out in numbers)",
                shape=shape))
        keras_shape = list(shape)
        ours = [keras_shape[-1], *keras_shape[:-1]] if len(shape) in (3, 4) else keras_shape
        is_int = integer or (isinstance(dtype, str) and dtype.startswith(("int", "uint")))
        flow = self.add("Input", {"shape": ours, "dtype": "int64" if is_int else "float32"}, [],
                        hint=name)
        self.inputs.append(flow.node)
        if ours != keras_shape:
            self.report.add_mapped(where(name), msg(
                "Input {keras} (channels last, Keras) → {ours} (channels first, NetStudio)",
                keras=keras_shape, ours=ours))
        else:
            self.report.add_mapped(where(name), msg("Input {shape}", shape=ours))
        return flow

    def output(self, flow: Flow, loss: str, name: str) -> None:
        if flow.order is not None:
            raise NeedsChannelsLast(flow.flattens)
        node = self.add("Output", {"loss": loss}, [flow], hint=None)
        if flow.type.rank in (3, 4) and not flow.type.is_integer:
            shape = list(flow.type.shape)
            self.report.add_mapped(where(name), msg(
                "output {node}: {ours} channels first (Keras gives {keras}, channels last)",
                node=node.node, ours=shape, keras=[*shape[1:], shape[0]]))

    # Layers -------------------------------------------------------------------------------

    def layer(self, name: str, cls: str, config: dict[str, Any], sources: list[Flow],
              hint: str) -> Flow:
        """The node(s) for one application of a Keras layer, reading `sources`."""
        if any(s.order is not None for s in sources) and cls not in (
                _KEEPS_ORDER | _MERGES | {"Dense"}):
            raise NeedsChannelsLast(frozenset().union(*(s.flattens for s in sources)))
        if cls == "Flatten":
            return self._flatten(name, config, sources[0], hint)
        if cls == "Reshape":
            return self._reshape(name, config, sources[0], hint)
        volume = any(s.type.rank == 4 for s in sources)
        if volume and (cls in ("Concatenate", "Softmax") or config.get("activation") == "softmax"):
            raise LayerFailed(msg(
                "on a volume NetStudio's {cls} works along the width, Keras' along the "
                "channels", cls="softmax" if cls != "Concatenate" else cls))
        call, training = keras_call(cls, _normalised_axes(cls, config, sources))
        rank = sources[0].type.rank if sources and cls in RANK_NEEDED else None
        try:
            converted = convert_layer(call, rank)
        except NotConvertible as exc:
            raise LayerFailed(exc.args[0]) from None
        for key in training:
            self.report.add_not_mapped(where(name), msg(
                "{cls}'s {arg} only changes training; NetStudio does not bring it in",
                cls=cls, arg=key))
        if config.get("trainable") is False:
            self.report.add_not_mapped(where(name), msg(
                "{cls} is frozen in Keras (trainable=False); in NetStudio it trains",
                cls=cls))
        if converted.changed:  # close, not the same: with trained weights that matters
            raise LayerFailed(converted.changed[0])
        if converted.identity:
            self.report.add_mapped(where(name), msg("{cls}: computes nothing, no node needed",
                                                    cls=cls))
            return sources[0]
        layer_id = converted.layer_id
        if layer_id == "Dense" and sources[0].type.rank == 2:
            layer_id = "TimeDistributed"  # Keras' Dense on a sequence acts on each step
        params = dict(converted.params)
        if cls in _MERGES and get_layer(layer_id).params.get("inputs") is not None:
            params["inputs"] = len(sources)  # Subtract takes two, always
        flow = self.add(layer_id, params, sources, hint=hint)
        self.jobs.append(WeightsJob(flow.node, name, cls, config, sources[0].type,
                                    sources[0].order))
        self.report.add_mapped(where(name), msg("{cls} → {node}", cls=cls, node=flow.node))
        flow.order, flow.flattens = self._order_after(cls, sources)
        for after_id, extra in converted.after:
            after = self.add(after_id, dict(extra), [flow])
            self.report.add_mapped(where(name), msg(
                "{cls}'s activation → {node} (as Keras computes it: {params})", cls=cls,
                node=after.node, params=", ".join(f"{k}={v}" for k, v in extra.items())))
            after.order, after.flattens = flow.order, flow.flattens
            flow = after
        return flow

    def _order_after(self, cls: str, sources: list[Flow]) -> tuple[Any, frozenset[str]]:
        if cls == "Dense" or all(s.order is None for s in sources):
            return None, frozenset()
        flattens = frozenset().union(*(s.flattens for s in sources))
        if cls == "Concatenate":
            parts, offset = [], 0
            for s in sources:
                size = s.type.shape[-1]
                parts.append((s.order if s.order is not None else np.arange(size)) + offset)
                offset += size
            return np.concatenate(parts), flattens
        if cls in _MERGES:
            first = sources[0].order
            if any(s.order is None or not np.array_equal(s.order, first) for s in sources):
                raise NeedsChannelsLast(flattens)
            return first, flattens
        return sources[0].order, flattens

    def _flatten(self, name: str, config: dict[str, Any], source: Flow, hint: str) -> Flow:
        if config.get("data_format", "channels_last") not in (None, "channels_last"):
            raise LayerFailed(msg("Flatten with data_format={value!r} is not imported",
                                  value=config.get("data_format")))
        shape = source.type.shape
        image = source.type.rank in (3, 4) and shape[0] > 1
        if image and name in self.channels_last:
            dims = [*range(2, len(shape) + 1), 1]
            source = self.add("Permute", {"dims": dims}, [source])
            self.report.add_mapped(where(name), msg(
                "Flatten: a Permute to channels last ({node}) comes first, so the numbers are "
                "in Keras' order", node=source.node))
        flow = self.add("Flatten", {}, [source], hint=hint)
        self.report.add_mapped(where(name), msg("{cls} → {node}", cls="Flatten",
                                                node=flow.node))
        if image and name not in self.channels_last:
            keras = np.arange(int(np.prod(shape))).reshape(*shape[1:], shape[0])
            flow.order = np.moveaxis(keras, -1, 0).reshape(-1)
            flow.flattens = frozenset({name})
        return flow

    def _reshape(self, name: str, config: dict[str, Any], source: Flow, hint: str) -> Flow:
        """Keras reshapes the channels-last numbers: read them channels last, reshape to
        Keras' shape, and turn an image result channels first again."""
        target = config.get("target_shape")
        if not isinstance(target, (list, tuple)) or not all(
                isinstance(s, int) and not isinstance(s, bool) for s in target):
            raise LayerFailed(msg("Reshape's target shape {shape} is not numbers",
                                  shape=target))
        if source.order is not None:
            raise NeedsChannelsLast(source.flattens)
        shape = source.type.shape
        if source.type.rank in (3, 4) and shape[0] > 1:
            dims = [*range(2, len(shape) + 1), 1]
            source = self.add("Permute", {"dims": dims}, [source])
        target = list(target)
        if -1 in target:
            known = int(np.prod([s for s in target if s != -1]))
            target[target.index(-1)] = source.type.numel // max(known, 1)
        if len(target) in (3, 4) and target[-1] > 1:
            flow = self.add("Reshape", {"target_shape": target}, [source])
            rank = len(target)
            flow = self.add("Permute", {"dims": [rank, *range(1, rank)]}, [flow], hint=hint)
        else:
            ours = [target[-1], *target[:-1]] if len(target) in (3, 4) else target
            flow = self.add("Reshape", {"target_shape": ours}, [source], hint=hint)
        self.report.add_mapped(where(name), msg(
            "Reshape → {node} (to {keras} in Keras' channels-last order)", node=flow.node,
            keras=list(config["target_shape"])))
        return flow


def _normalised_axes(cls: str, config: dict[str, Any], sources: list[Flow]) -> dict[str, Any]:
    """Keras writes the last axis as -1 or as its number (3 for an image, batch counted);
    the table knows -1. A pooling's strides are saved even where they are the pool size
    (Keras' strides=None), which NetStudio writes as 0, as the code importer does."""
    if "pool_size" in config and config.get("strides") == config["pool_size"]:
        config = {**config, "strides": None}
    if "axis" not in config or not sources:
        return config
    rank = sources[0].type.rank  # without the batch: the last axis is number `rank`
    axis = config["axis"]
    if isinstance(axis, (list, tuple)) and len(axis) == 1:
        axis = axis[0]
    if cls in ("BatchNormalization", "Concatenate", "Softmax", "LayerNormalization") and (
            axis == rank):
        return {**config, "axis": -1}
    if isinstance(axis, int) and not isinstance(axis, bool):
        return {**config, "axis": axis}
    return config
