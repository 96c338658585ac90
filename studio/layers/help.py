"""Help cards: for every layer, what it does, its output-shape formula filled in with one node's
numbers, what each parameter means, when to use it and the classic mistake made with it.

A card is put together from the layer itself; nothing about a layer is written here:

* Sentences (what, when to use, common mistake, parameter meanings, notes) come from the card
  file beside the layer's module (studio/layers/<module>.toml, read by studio.layers.cards).
  The app translates each where it shows it with `QCoreApplication.translate(HELP_CONTEXT,
  text)`; `help_texts()` lists them all for the .ts file. A card's title and category are the
  registry's own, translated under the context "layers".
* Formulas (output shape, parameter count) are the layer's `formula`: math with symbols and
  numbers only, shown untranslated, computed by the same helpers as the layer's shape rule.
  Given a node's parameters and input types they are filled in with its numbers; otherwise, or
  when the node does not fit its inputs, they are the generic form.

A filled shape formula always ends in the shape that the layer's own `infer` gives (`help_card`
checks it and falls back to the generic form if not), so a card never shows a wrong number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from studio.layers.base import Call, LayerType, ShapeError, TensorType, format_shape
from studio.layers.registry import all_layers, get_layer
from studio.params import ParamError

HELP_CONTEXT = "layer_help"
"""Qt translation context of every sentence on a card."""


@dataclass(frozen=True)
class HelpCard:
    layer_id: str
    title: str
    """The registry's title (translate it under the context "layers")."""
    category: str
    """The registry's category (translate it under the context "layers")."""
    what: str
    formula: str
    """Output-shape formula; with `filled`, this node's numbers and its output shape last."""
    params: tuple[tuple[str, str], ...]
    """(parameter name, meaning) for every parameter, in the registry's order."""
    when_to_use: str
    common_mistake: str
    params_count: str
    """Parameter-count formula; '0' for a layer without weights."""
    params_note: str = ""
    """Optional sentence on how the count is made up (e.g. PyTorch against Keras)."""
    filled: bool = False
    """Whether `formula` and `params_count` carry this node's numbers."""


def help_card(
    layer_id: str,
    params: dict[str, Any] | None = None,
    inputs: list[TensorType] | None = None,
) -> HelpCard:
    """The help card of a layer type, filled in with one node's numbers where they are given.

    `params` may be partial (defaults fill the rest) or None (all defaults). `inputs` are the
    node's input types, or None while they are unknown (the palette); a layer without input
    ports (Input) is filled in from `params` alone. Inputs or parameters the layer cannot take
    give the generic formulas, never an error. Only an unknown `layer_id` raises
    (UnknownLayerError, a KeyError).
    """
    layer = get_layer(layer_id)
    card = layer.card
    assert card is not None, "the registry attaches every layer's card"
    shape, count = layer.formula.generic_shape, layer.formula.generic_count
    filled = _filled(layer, params, inputs)
    if filled is not None:
        shape, count = filled
    return HelpCard(
        layer_id=layer.id,
        title=layer.title,
        category=layer.category,
        what=card.what,
        formula=shape,
        params=tuple((p.name, p.help) for p in layer.params),
        when_to_use=card.when_to_use,
        common_mistake=card.common_mistake,
        params_count=count,
        params_note=card.params_note,
        filled=filled is not None,
    )


def has_card(layer_id: str) -> bool:
    """Whether the layer has a card of its own (every registered layer has one)."""
    return get_layer(layer_id).card is not None


def help_texts() -> list[str]:
    """Every translatable sentence of the cards, each once, for the translation files."""
    seen: dict[str, None] = {}
    for layer in all_layers():
        card = layer.card
        if card is None:
            continue
        for text in (card.what, card.when_to_use, card.common_mistake, card.params_note):
            if text:
                seen[text] = None
        for p in layer.params:
            seen[p.help] = None
    return list(seen)


def final_shape(formula: str) -> str:
    """The result a filled shape formula ends in: after its last '→', then after its last '='."""
    return formula.rsplit("→", 1)[-1].rsplit("=", 1)[-1].strip()


def _filled(
    layer: LayerType,
    params: dict[str, Any] | None,
    inputs: list[TensorType] | None,
) -> tuple[str, str] | None:
    formula = layer.formula
    if formula.shape is None:
        return None
    if inputs is None and layer.inputs == 0 and params is not None:
        inputs = []  # Input: its parameters alone give its shape
    if inputs is None or (params is not None and not isinstance(params, Mapping)):
        return None
    try:
        values = layer.params.validate(dict(params or {}), layer.id)
        if len(inputs) != layer.input_count(values) or not all(
            isinstance(t, TensorType) and t.rank for t in inputs
        ):
            return None
        call = Call(values, list(inputs))
        out = layer.infer(call)
        shape = formula.shape(call, out)
        count = formula.count(call) if formula.count is not None else "0"
    except (ShapeError, ParamError):  # a node that does not fit: the card's generic form
        return None
    if final_shape(shape) != format_shape(out.shape):
        return None
    return shape, count
