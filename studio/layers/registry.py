"""The one layer registry: stable string ids → LayerType. Add a layer by registering it here."""

from __future__ import annotations

import difflib
from typing import Any

from studio.errors import StudioError
from studio.layers.base import LayerType
from studio.params import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    ParamSet,
)


class UnknownLayerError(StudioError, KeyError):
    """A layer type this version does not know. A KeyError for lookups, a StudioError for
    the user: its message names the type and the closest known one."""

    def __init__(self, layer_id: str) -> None:
        close = difflib.get_close_matches(layer_id, list(_REGISTRY), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        self.message = f"There is no layer type {layer_id!r}{hint}"
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return self.message


_REGISTRY: dict[str, LayerType] = {}

CATEGORIES = (
    "Input / Output",
    "Core",
    "Convolution",
    "Pooling",
    "Recurrent",
    "Attention",
    "Normalization",
    "Activation",
    "Merge",
)


def register(layer: LayerType) -> LayerType:
    if layer.id in _REGISTRY:
        raise ValueError(f"layer id {layer.id!r} registered twice")
    if layer.category not in CATEGORIES:
        raise ValueError(f"layer {layer.id!r} has unknown category {layer.category!r}")
    _REGISTRY[layer.id] = layer
    return layer


def get_layer(layer_id: str) -> LayerType:
    _load_builtin_layers()
    try:
        return _REGISTRY[layer_id]
    except KeyError:
        raise UnknownLayerError(layer_id) from None


def all_layers() -> list[LayerType]:
    _load_builtin_layers()
    return list(_REGISTRY.values())


_BUILTINS_LOADED = False


def _load_builtin_layers() -> None:
    # Importing the definition modules registers their layers; done lazily so that the
    # registry module itself has no import cycle with them. A flag, not "is the registry
    # empty": importing one definition module first fills it with that module's layers only.
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    from studio.layers import (  # noqa: F401
        activations,
        attention,
        conv,
        core,
        merge,
        norm,
        recurrent,
    )


# Parameter helpers shared by several layers -------------------------------------------------

ACTIVATIONS = ("linear", "relu", "leaky_relu", "sigmoid", "tanh", "gelu", "softmax")


def activation_param(default: str = "linear") -> ChoiceParam:
    return ChoiceParam(
        "activation",
        default,
        help="Applied to the layer's output, as Keras' activation argument.",
        choices=ACTIVATIONS,
    )


def params(*items: Param) -> ParamSet:
    return ParamSet(tuple(items))


def feature_dim(rank: int) -> int:
    """Dimension of the batched tensor that holds features: channels of an image, else the last."""
    return 1 if rank == 3 else -1


def apply_activation(em: Any, x: Any, name: str, rank: int, slope: float = 0.01) -> Any:
    if name == "linear":
        return x
    if name == "relu":
        return em.call("torch.relu", x)
    if name == "leaky_relu":
        return em.call("F.leaky_relu", x, slope)
    if name == "sigmoid":
        return em.call("torch.sigmoid", x)
    if name == "tanh":
        return em.call("torch.tanh", x)
    if name == "gelu":
        return em.call("F.gelu", x)
    if name == "softmax":
        return em.call("torch.softmax", x, feature_dim(rank))
    raise ValueError(f"unknown activation {name!r}")


__all__ = [
    "ACTIVATIONS",
    "CATEGORIES",
    "BoolParam",
    "ChoiceParam",
    "FloatParam",
    "IntParam",
    "UnknownLayerError",
    "activation_param",
    "all_layers",
    "apply_activation",
    "feature_dim",
    "get_layer",
    "params",
    "register",
]
