"""The one layer registry: stable string ids → LayerType, filled from the layer modules."""

from __future__ import annotations

import difflib
import importlib

from studio.errors import StudioError
from studio.layers.base import LayerType
from studio.layers.cards import read_cards, with_card


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
    "Preprocessing",
    "Pretrained",
)
CATEGORY_COMMENT = "category"
"""How translations tell a category from a layer title with the same words ("Normalization")."""

LAYER_MODULES = (
    "core",
    "conv",
    "padding",
    "recurrent",
    "attention",
    "norm",
    "activations",
    "merge",
    "preprocessing",
    "pretrained",
    "run_block",
)
"""The modules under studio/layers that define layers: each has a LAYERS list and a card file
(<module>.toml) beside it. Adding a layer: an entry in one module's LAYERS and its card."""


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
    # Lazily, on first use: the registry imports the definition modules, never the reverse.
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    for name in LAYER_MODULES:
        module = importlib.import_module(f"studio.layers.{name}")
        tables, shared = read_cards(name)
        for layer in module.LAYERS:
            register(with_card(layer, tables, shared))
