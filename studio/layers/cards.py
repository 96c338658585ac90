"""Reading the help cards' data files: studio/layers/<module>.toml beside each layer module.

A file holds a table per layer ([Conv2D]: what, when_to_use, common_mistake, params_note) with
its parameter texts ([Conv2D.params]), and texts shared by the file's layers ([params]). A
parameter's text is both its tooltip and its line on the card: one text, translated once.
"""

from __future__ import annotations

import dataclasses
import tomllib
from importlib import resources

from studio.layers.base import Card, LayerType

_SENTENCES = ("what", "when_to_use", "common_mistake", "params_note")


def read_cards(module: str) -> tuple[dict[str, dict], dict[str, str]]:
    """(per-layer tables, shared parameter texts) of studio/layers/<module>.toml."""
    text = resources.files("studio.layers").joinpath(f"{module}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    shared = data.pop("params", {})
    return data, shared


def with_card(layer: LayerType, tables: dict[str, dict], shared: dict[str, str]) -> LayerType:
    """The layer with its card attached and each parameter's help text taken from the card.

    A layer or parameter without a text is a programming error, raised at import: every layer
    in the palette has a card."""
    table = dict(tables.get(layer.id) or {})
    if not table.get("what"):
        raise ValueError(f"layer {layer.id!r} has no help card (a [{layer.id}] table with 'what')")
    own = table.pop("params", {})
    unknown = set(table) - set(_SENTENCES)
    if unknown:
        raise ValueError(f"help card of {layer.id!r} has unknown entries {sorted(unknown)}")
    texts: dict[str, str] = {}
    for p in layer.params:
        text = own.get(p.name) or shared.get(p.name)
        if not text:
            raise ValueError(f"help card of {layer.id!r} has no text for parameter {p.name!r}")
        texts[p.name] = text
    extra = set(own) - set(texts)
    if extra:
        raise ValueError(f"help card of {layer.id!r} describes unknown parameters {sorted(extra)}")
    params = type(layer.params)(
        tuple(dataclasses.replace(p, help=texts[p.name]) for p in layer.params)
    )
    card = Card(params=texts, **{k: table.get(k, "") for k in _SENTENCES})
    return dataclasses.replace(layer, params=params, card=card)
