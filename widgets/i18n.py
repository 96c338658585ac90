"""Display-time translation of the texts that come from the engine.

The engine writes layer titles, summaries, categories and parameter help in English. The app
translates them where it shows them, under the context "layers", so that one .ts file can cover
the registry without the engine knowing about Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.layers.base import LayerType
from studio.params import Param


def tr_layers(text: str) -> str:
    return QCoreApplication.translate("layers", text) if text else text


def layer_title(layer: LayerType) -> str:
    return tr_layers(layer.title)


def layer_summary(layer: LayerType) -> str:
    return tr_layers(layer.summary)


def category_name(category: str) -> str:
    return tr_layers(category)


def param_label(param: Param) -> str:
    return tr_layers(param.title)


def param_help(param: Param) -> str:
    return tr_layers(param.help)


def choice_label(value: str) -> str:
    """Choice values are identifiers (relu, cross_entropy); show them as words."""
    return tr_layers(value.replace("_", " "))
