"""Keras layer classes and their arguments → NetStudio registry layers and parameters.

`convert_layer` turns one Keras layer call, as read from code (class name, literal arguments),
into a registry layer id and its parameters, or says why it cannot. Arguments are sorted into
three kinds, because an import must never silently change what a model computes:

* mapped: they become NetStudio parameters;
* accepted as they are: Keras' own default (``data_format='channels_last'``), the
  computation is the same;
* only for training or initialisation (``kernel_initializer``, ``kernel_regularizer``, an RNN's
  ``dropout``): the layer is kept, the argument is listed as not imported.

Anything else (``padding='causal'``, ``return_state=True``) leaves the layer out, with the reason.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from studio.layers.common import ACTIVATIONS
from studio.messages import msg


class NotConvertible(Exception):
    """This call has no NetStudio counterpart; the message says why (for the report)."""


@dataclass
class LayerCall:
    """A Keras layer object as the code builds it: its class and its literal arguments."""

    cls: str
    args: list[Any]
    kwargs: dict[str, Any]
    line: int
    custom: bool = False
    """A class the file defines itself (a subclass of Layer): its code is never run."""
    applied: int = 0
    """How often the code has called it on a tensor (twice would share its weights)."""


@dataclass
class Converted:
    layer_id: str
    params: dict[str, Any]
    ignored: list[tuple[str, Any]] = field(default_factory=list)
    """(argument, reason) pairs: kept out of the model, the layer itself still imported."""
    changed: list[Any] = field(default_factory=list)
    """Texts saying how NetStudio's layer differs from the code's (for the report)."""
    identity: bool = False
    """The call computes nothing (Activation('linear')): no node at all."""
    after: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Layers to chain after this one, to compute what the Keras call does in full."""


# Arguments that change how a layer is trained or initialised, never what it computes.
_TRAINING_ONLY = {
    "kernel_initializer", "bias_initializer", "recurrent_initializer", "embeddings_initializer",
    "beta_initializer", "gamma_initializer", "moving_mean_initializer",
    "moving_variance_initializer", "alpha_initializer", "alpha_regularizer",
    "alpha_constraint",
    "kernel_regularizer", "bias_regularizer", "activity_regularizer", "recurrent_regularizer",
    "embeddings_regularizer", "beta_regularizer", "gamma_regularizer", "depthwise_regularizer",
    "pointwise_regularizer",
    "kernel_constraint", "bias_constraint", "recurrent_constraint", "embeddings_constraint",
    "beta_constraint", "gamma_constraint",
    "depthwise_initializer", "pointwise_initializer",
    "dropout", "recurrent_dropout", "seed", "trainable", "dtype", "unroll",
    "noise_shape",
}  # fmt: skip
# Arguments that say nothing about the computation (or were read already as the input shape).
_HARMLESS = {"name", "input_shape", "input_dim", "batch_input_shape", "batch_size",
             "input_length", "synchronized"}  # fmt: skip
_TRAINING_REASON = msg("only changes training or initialisation; NetStudio uses its own")


def _activation(value: Any) -> str:
    name = "linear" if value is None else value
    name = {"silu": "swish", "leaky_relu": "leaky_relu"}.get(name, name)
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise NotConvertible(
            msg("the activation {value!r} is not one NetStudio has ({known})",
                value=value, known=", ".join(ACTIVATIONS))
        )
    return name


def _padding(value: Any) -> str:
    if isinstance(value, str) and value.lower() in ("valid", "same"):
        return value.lower()
    raise NotConvertible(msg("padding={value!r} is not one NetStudio has (valid, same)",
                             value=value))


def _one_number(value: Any) -> int:
    """A stride or size Keras may write as (2, 2); NetStudio's parameter is one number."""
    if isinstance(value, (list, tuple)):
        if not value or any(v != value[0] for v in value):
            raise NotConvertible(msg("{value} differs per axis; NetStudio takes one number here",
                                     value=list(value)))
        return value[0]
    return value


def _same_value(value: Any) -> Any:
    return value


def _size(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


def _per_axis_sides(value: Any) -> Any:
    """ZeroPadding2D / Cropping2D's ((top, bottom), (left, right)), as saved files write it,
    → NetStudio's one number per axis, which takes as much on both sides."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, (list, tuple)) for v in value):
        if any(len(v) != 2 or v[0] != v[1] for v in value):
            raise NotConvertible(msg("{value} takes different amounts from the two sides of an "
                                     "axis; NetStudio takes the same on both",
                                     value=[list(v) for v in value]))
        return [v[0] for v in value]
    return _size(value)


def _strides_or_pool(value: Any) -> int:
    return 0 if value is None else _one_number(value)  # 0: the pool size, as Keras' None


@dataclass(frozen=True)
class Spec:
    """How one Keras class becomes a registry layer."""

    layer_id: str
    positional: tuple[str, ...] = ()
    params: dict[str, tuple[str, Callable[[Any], Any]]] = field(default_factory=dict)
    """Keras argument → (NetStudio parameter, conversion)."""
    as_default: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    """Keras arguments accepted only with these values (the computation NetStudio does)."""
    keras_defaults: dict[str, Any] = field(default_factory=dict)
    """NetStudio parameters set to Keras' default where the code leaves them out."""


_CHANNELS_LAST = {"data_format": (None, "channels_last")}


def _conv(layer_id: str, size: Callable[[Any], Any] = _size) -> Spec:
    return Spec(
        layer_id,
        ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
         "groups", "activation", "use_bias"),
        {"filters": ("filters", _same_value), "kernel_size": ("kernel_size", size),
         "strides": ("strides", _one_number), "padding": ("padding", _padding),
         "dilation_rate": ("dilation", _one_number), "activation": ("activation", _activation),
         "use_bias": ("use_bias", _same_value)},
        {**_CHANNELS_LAST, "groups": (1,)},
    )


def _pool(layer_id: str, size: Callable[[Any], Any] = _size) -> Spec:
    return Spec(
        layer_id,
        ("pool_size", "strides", "padding", "data_format"),
        {"pool_size": ("pool_size", size), "strides": ("strides", _strides_or_pool),
         "padding": ("padding", _padding)},
        dict(_CHANNELS_LAST),
    )


def _recurrent(layer_id: str, gated: bool) -> Spec:
    accepted: dict[str, tuple[Any, ...]] = {
        "activation": ("tanh",), "use_bias": (True,), "return_state": (False,),
        "go_backwards": (False,), "stateful": (False,), "time_major": (False,),
    }
    if gated:
        accepted["recurrent_activation"] = ("sigmoid",)
    if layer_id == "GRU":
        accepted["reset_after"] = (True,)  # PyTorch's GRU is Keras' reset_after=True
    if layer_id == "LSTM":
        accepted["unit_forget_bias"] = (True, False)  # an initialisation only
    return Spec(layer_id, ("units",),
                {"units": ("units", _same_value),
                 "return_sequences": ("return_sequences", _same_value)}, accepted)


def _merge(layer_id: str) -> Spec:
    return Spec(layer_id, (), {}, {"axis": (-1,)} if layer_id == "Concatenate" else {})


_GLOBAL = {"data_format": (None, "channels_last"), "keepdims": (False,)}

SPECS: dict[str, Spec] = {
    "Dense": Spec("Dense", ("units", "activation", "use_bias"),
                  {"units": ("units", _same_value), "activation": ("activation", _activation),
                   "use_bias": ("use_bias", _same_value)}),
    "Flatten": Spec("Flatten", ("data_format",), {}, dict(_CHANNELS_LAST)),
    "Dropout": Spec("Dropout", ("rate",), {"rate": ("rate", _same_value)}),
    "SpatialDropout2D": Spec("SpatialDropout2D", ("rate",), {"rate": ("rate", _same_value)},
                             dict(_CHANNELS_LAST)),
    "Embedding": Spec("Embedding", ("input_dim", "output_dim"),
                      {"input_dim": ("input_dim", _same_value),
                       "output_dim": ("output_dim", _same_value)},
                      {"mask_zero": (False,)}),
    "RepeatVector": Spec("RepeatVector", ("n",), {"n": ("n", _same_value)}),
    "GaussianNoise": Spec("GaussianNoise", ("stddev",), {"stddev": ("stddev", _same_value)}),
    "Rescaling": Spec("Rescaling", ("scale", "offset"),
                      {"scale": ("scale", float), "offset": ("offset", float)},
                      keras_defaults={"offset": 0.0}),
    "Conv1D": _conv("Conv1D", _one_number),
    "Conv2D": _conv("Conv2D"),
    "Conv3D": _conv("Conv3D"),
    "SeparableConv2D": Spec(
        "SeparableConv2D",
        ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
         "depth_multiplier", "activation", "use_bias"),
        {"filters": ("filters", _same_value), "kernel_size": ("kernel_size", _size),
         "strides": ("strides", _one_number), "padding": ("padding", _padding),
         "dilation_rate": ("dilation", _one_number),
         "depth_multiplier": ("depth_multiplier", _same_value),
         "activation": ("activation", _activation), "use_bias": ("use_bias", _same_value)},
        dict(_CHANNELS_LAST)),
    "DepthwiseConv2D": Spec(
        "DepthwiseConv2D",
        ("kernel_size", "strides", "padding", "depth_multiplier", "data_format",
         "dilation_rate", "activation", "use_bias"),
        {"kernel_size": ("kernel_size", _size), "strides": ("strides", _one_number),
         "padding": ("padding", _padding), "depth_multiplier": ("depth_multiplier", _same_value),
         "dilation_rate": ("dilation", _one_number), "activation": ("activation", _activation),
         "use_bias": ("use_bias", _same_value)},
        dict(_CHANNELS_LAST)),
    "MaxPooling1D": _pool("MaxPooling1D", _one_number),
    "MaxPooling2D": _pool("MaxPooling2D"),
    "MaxPooling3D": _pool("MaxPooling3D"),
    "AveragePooling1D": _pool("AveragePooling1D", _one_number),
    "AveragePooling2D": _pool("AveragePooling2D"),
    "GlobalAveragePooling1D": Spec("GlobalAveragePooling", (), {}, dict(_GLOBAL)),
    "GlobalAveragePooling2D": Spec("GlobalAveragePooling", (), {}, dict(_GLOBAL)),
    "GlobalAveragePooling3D": Spec("GlobalAveragePooling", (), {}, dict(_GLOBAL)),
    "GlobalMaxPooling1D": Spec("GlobalMaxPooling", (), {}, dict(_GLOBAL)),
    "GlobalMaxPooling2D": Spec("GlobalMaxPooling", (), {}, dict(_GLOBAL)),
    "GlobalMaxPooling3D": Spec("GlobalMaxPooling", (), {}, dict(_GLOBAL)),
    "UpSampling2D": Spec("UpSampling2D", ("size", "data_format", "interpolation"),
                         {"size": ("size", _one_number),
                          "interpolation": ("interpolation", _same_value)},
                         dict(_CHANNELS_LAST)),
    "ZeroPadding1D": Spec("ZeroPadding1D", ("padding",), {"padding": ("padding", _size)}),
    "ZeroPadding2D": Spec("ZeroPadding2D", ("padding", "data_format"),
                          {"padding": ("padding", _per_axis_sides)}, dict(_CHANNELS_LAST)),
    "Cropping2D": Spec("Cropping2D", ("cropping", "data_format"),
                       {"cropping": ("cropping", _per_axis_sides)}, dict(_CHANNELS_LAST)),
    "LSTM": _recurrent("LSTM", gated=True),
    "GRU": _recurrent("GRU", gated=True),
    "SimpleRNN": _recurrent("SimpleRNN", gated=False),
    "BatchNormalization": Spec("BatchNorm", ("axis", "momentum", "epsilon"),
                               {"momentum": ("momentum", float), "epsilon": ("epsilon", float)},
                               {"axis": (-1,), "center": (True,), "scale": (True,)},
                               keras_defaults={"momentum": 0.99, "epsilon": 1e-3}),
    "LayerNormalization": Spec("LayerNorm", ("epsilon",),
                               {"epsilon": ("epsilon", float)},
                               {"center": (True,), "scale": (True,)},
                               keras_defaults={"epsilon": 1e-3}),
    "ReLU": Spec("ReLU", ("max_value", "negative_slope", "threshold"), {},
                 {"max_value": (None,), "negative_slope": (0, 0.0), "threshold": (0, 0.0)}),
    "LeakyReLU": Spec("LeakyReLU", ("negative_slope",),
                      {"negative_slope": ("negative_slope", float),
                       "alpha": ("negative_slope", float)},
                      keras_defaults={"negative_slope": 0.3}),
    "ELU": Spec("ELU", ("alpha",), {"alpha": ("alpha", float)}, keras_defaults={"alpha": 1.0}),
    "Softmax": Spec("Softmax", ("axis",), {}, {"axis": (-1,)}),
    "Add": _merge("Add"),
    "Concatenate": _merge("Concatenate"),
    "Multiply": _merge("Multiply"),
    "Subtract": _merge("Subtract"),
    "Average": _merge("Average"),
    "Maximum": _merge("Maximum"),
}  # fmt: skip

MERGE_FUNCTIONS = {"add": "Add", "concatenate": "Concatenate", "multiply": "Multiply",
                   "subtract": "Subtract", "average": "Average", "maximum": "Maximum"}
"""keras.layers.add([a, b]) and its kin: a merge layer made and applied in one call."""

# Activation('name') → its own layer (Keras' leaky_relu function slopes 0.2, its layer 0.3).
_ACTIVATION_LAYERS = {
    "relu": ("ReLU", {}), "sigmoid": ("Sigmoid", {}), "tanh": ("Tanh", {}),
    "softmax": ("Softmax", {}), "gelu": ("GELU", {}), "elu": ("ELU", {"alpha": 1.0}),
    "selu": ("SELU", {}), "leaky_relu": ("LeakyReLU", {"negative_slope": 0.2}),
}  # fmt: skip


def known_layer_classes() -> set[str]:
    return {*SPECS, "Activation", "Bidirectional", "TimeDistributed", "Reshape", "Permute",
            "Conv2DTranspose", "PReLU",
            "Input", "InputLayer"}


def _bind(call: LayerCall, positional: tuple[str, ...]) -> dict[str, Any]:
    if len(call.args) > len(positional):
        raise NotConvertible(msg("{cls} takes at most {count} arguments by position here",
                                 cls=call.cls, count=len(positional)))
    bound = dict(zip(positional, call.args, strict=False))
    for key, value in call.kwargs.items():
        if key in bound:
            raise NotConvertible(msg("{cls} got {arg} twice", cls=call.cls, arg=key))
        bound[key] = value
    return bound


def convert_layer(call: LayerCall, input_rank: int | None = None) -> Converted:
    """The registry layer for one Keras layer call. `input_rank` is the rank of what flows
    in (without the batch), where known: Reshape and Permute need it. Raises NotConvertible."""
    if call.cls == "Activation":
        return _convert_activation(call)
    if call.cls == "Bidirectional":
        return _convert_bidirectional(call)
    if call.cls == "TimeDistributed":
        return _convert_time_distributed(call)
    if call.cls == "Reshape":
        return _convert_reshape(call)
    if call.cls == "Permute":
        return _convert_permute(call, input_rank)
    if call.cls == "Conv2DTranspose":
        return _convert_transpose(call)
    if call.cls == "LayerNormalization":
        return _convert_layer_norm(call, input_rank)
    if call.cls == "PReLU":
        return _convert_prelu(call, input_rank)
    spec = SPECS.get(call.cls)
    if spec is None:
        raise NotConvertible(msg("NetStudio has no layer like Keras' {cls}", cls=call.cls))
    return _convert_with(spec, call, _bind(call, spec.positional))


def _convert_with(spec: Spec, call: LayerCall, bound: dict[str, Any]) -> Converted:
    result = Converted(spec.layer_id, dict(spec.keras_defaults))
    for key, value in bound.items():
        if key in spec.params:
            name, convert = spec.params[key]
            try:
                result.params[name] = convert(value)
            except (TypeError, ValueError):
                raise NotConvertible(msg("{arg}={value!r} is not a value NetStudio can use",
                                         arg=key, value=value)) from None
        elif key in spec.as_default:
            if value not in spec.as_default[key]:
                raise NotConvertible(
                    msg("{arg}={value!r} is not something NetStudio's {layer} can do",
                        arg=key, value=value, layer=spec.layer_id))
        elif key in _TRAINING_ONLY:
            result.ignored.append((key, _TRAINING_REASON))
        elif key not in _HARMLESS:
            raise NotConvertible(msg("NetStudio's {layer} has nothing for Keras' {arg}",
                                     layer=spec.layer_id, arg=key))
    if result.params.get("activation") == "leaky_relu":
        # Keras' "leaky_relu" string slopes 0.2; NetStudio's activation choice 0.01 (PyTorch's).
        result.params["activation"] = "linear"
        result.after.append(_ACTIVATION_LAYERS["leaky_relu"])
    return result


def _convert_activation(call: LayerCall) -> Converted:
    bound = _bind(call, ("activation",))
    name = bound.pop("activation", None)
    extra = set(bound) - _HARMLESS
    if extra:
        raise NotConvertible(msg("Activation has nothing for {args}", args=", ".join(extra)))
    if name in ("linear", None):
        return Converted("", {}, identity=True)
    if not isinstance(name, str) or name not in _ACTIVATION_LAYERS:
        raise NotConvertible(msg("NetStudio has no {name!r} activation layer", name=name))
    layer_id, params = _ACTIVATION_LAYERS[name]
    return Converted(layer_id, dict(params))


def _inner_layer(call: LayerCall) -> LayerCall:
    inner = call.args[0] if call.args else call.kwargs.get("layer")
    if not isinstance(inner, LayerCall):
        raise NotConvertible(msg("{cls} must wrap a layer written in the same call", cls=call.cls))
    return inner


def _convert_bidirectional(call: LayerCall) -> Converted:
    inner = _inner_layer(call)
    if inner.cls not in ("LSTM", "GRU", "SimpleRNN"):
        raise NotConvertible(msg("NetStudio makes only LSTM, GRU and SimpleRNN bidirectional"))
    merge = call.kwargs.get("merge_mode", "concat")
    if merge != "concat" or set(call.kwargs) - {"layer", "merge_mode", "name"}:
        raise NotConvertible(msg("NetStudio's bidirectional layers join both directions by "
                                 "concatenating (merge_mode='concat') and take no other option"))
    converted = convert_layer(inner)
    converted.params["bidirectional"] = True
    return converted


def _convert_time_distributed(call: LayerCall) -> Converted:
    inner = _inner_layer(call)
    if inner.cls != "Dense":
        raise NotConvertible(msg("NetStudio's TimeDistributed holds a Dense layer only"))
    converted = convert_layer(inner)
    converted.layer_id = "TimeDistributed"
    return converted


def _convert_reshape(call: LayerCall) -> Converted:
    bound = _bind(call, ("target_shape",))
    shape = bound.pop("target_shape", None)
    if not isinstance(shape, (list, tuple)) or not all(isinstance(s, int) for s in shape):
        raise NotConvertible(msg("Reshape needs its target shape written as numbers"))
    result = _convert_with(Spec("Reshape"), call, bound)
    keras_shape = list(shape)
    shape = keras_shape
    if len(shape) in (3, 4):  # an image (volume) in Keras' channels-last order
        shape = [shape[-1], *shape[:-1]]
        result.changed.append(msg(
            "Reshape to {keras} (channels last, Keras) became {ours} (channels first, "
            "NetStudio); the numbers are placed in another order", keras=keras_shape,
            ours=shape))
    result.params["target_shape"] = shape
    return result


_WHOLE_IMAGE_AXES = ([1, 2, 3], [-3, -2, -1])


def _convert_layer_norm(call: LayerCall, input_rank: int | None) -> Converted:
    """NetStudio's LayerNorm normalises a vector's or sequence step's features, and an image
    as a whole (C×H×W); Keras' default axis=-1 on an image normalises each pixel's channels."""
    bound = _bind(call, ("axis", "epsilon"))
    axis = bound.pop("axis", -1)
    axis = list(axis) if isinstance(axis, (list, tuple)) else axis
    if input_rank == 3:
        if axis not in _WHOLE_IMAGE_AXES:
            raise NotConvertible(msg(
                "on an image NetStudio's LayerNorm normalises the whole image; Keras' "
                "axis={axis} normalises each pixel's channels", axis=axis))
    elif axis not in (-1, [-1]):
        raise NotConvertible(msg("NetStudio's LayerNorm normalises the last axis only, not "
                                 "axis={axis}", axis=axis))
    return _convert_with(SPECS["LayerNormalization"], call, bound)


# NetStudio's PReLU learns one slope per channel (image) or feature (vector, sequence): in
# Keras that is PReLU with the other axes shared.
_PRELU_SHARED = {1: (None, []), 2: ([1],), 3: ([1, 2],)}


def _convert_prelu(call: LayerCall, input_rank: int | None) -> Converted:
    bound = _bind(call, ("alpha_initializer", "alpha_regularizer", "alpha_constraint",
                         "shared_axes"))
    shared = bound.pop("shared_axes", None)
    shared = list(shared) if isinstance(shared, (list, tuple)) else shared
    if input_rank not in _PRELU_SHARED or shared not in _PRELU_SHARED[input_rank]:
        raise NotConvertible(msg(
            "NetStudio's PReLU learns one slope per channel or feature; Keras' shared_axes="
            "{shared} learns another set (one per channel is shared_axes=[1, 2] on images, "
            "[1] on sequences)", shared=shared))
    result = _convert_with(Spec("PReLU"), call, bound)
    result.params["initial_slope"] = 0.0  # Keras starts its slopes at zero
    return result


def _convert_permute(call: LayerCall, input_rank: int | None) -> Converted:
    bound = _bind(call, ("dims",))
    dims = bound.pop("dims", None)
    if input_rank != 2:
        raise NotConvertible(msg("NetStudio imports Permute only on sequences, where Keras and "
                                 "NetStudio order the axes alike"))
    result = _convert_with(Spec("Permute"), call, bound)
    result.params["dims"] = list(dims) if isinstance(dims, (list, tuple)) else dims
    return result


def _convert_transpose(call: LayerCall) -> Converted:
    """Keras gives Conv2DTranspose 'valid' or 'same'; NetStudio (PyTorch) pads by numbers:
    padding p and output_padding op giving the same output size, (in-1)·s - 2p + k + op."""
    bound = _bind(call, ("filters", "kernel_size", "strides", "padding", "output_padding",
                         "data_format", "dilation_rate", "activation", "use_bias"))
    kernel = _one_number(bound.pop("kernel_size", 3))
    stride = _one_number(bound.pop("strides", 1))
    padding = _padding(bound.pop("padding", "valid"))
    if bound.pop("output_padding", None) is not None:
        raise NotConvertible(msg("Conv2DTranspose's output_padding is not imported; "
                                 "leave it out and NetStudio works it out from padding"))
    if bound.pop("dilation_rate", 1) not in (1, (1, 1), [1, 1]):
        raise NotConvertible(msg("NetStudio's ConvTranspose2D has no dilation"))
    pad, extra = 0, 0
    if padding == "same":
        pad = max(0, math.ceil((kernel - stride) / 2))
        extra = 2 * pad - (kernel - stride)
    if not 0 <= extra < max(stride, 1):
        raise NotConvertible(msg("no padding gives this kernel and stride Keras' 'same' size"))
    spec = Spec("ConvTranspose2D", (),
                {"filters": ("filters", _same_value), "activation": ("activation", _activation),
                 "use_bias": ("use_bias", _same_value)}, dict(_CHANNELS_LAST))
    result = _convert_with(spec, call, bound)
    result.params.update(kernel_size=kernel, strides=stride, padding=pad, output_padding=extra)
    if extra and kernel > stride:
        # Keras crops (k − s) // 2 cells before and the rest after; PyTorch crops `padding`
        # before and `padding − output_padding` after: never more after than before.
        result.changed.append(msg(
            "Conv2DTranspose: Keras' 'same' crops the odd extra cell at the end, NetStudio's "
            "at the start, so the output is shifted by one cell (the same size)"))
    return result
