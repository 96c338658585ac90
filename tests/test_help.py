"""Every layer has a complete help card, and its filled-in formulas agree with the layer itself:
the shape formula ends in the shape `infer` gives, the count in the module's parameter count."""

from __future__ import annotations

import re

import pytest
from test_layers import layer_examples

from studio.layers.base import Call, ModuleSpec, TensorType, format_shape
from studio.layers.help import HELP_CONTEXT, final_shape, has_card, help_card, help_texts
from studio.layers.registry import UnknownLayerError, all_layers, get_layer


def _cases():
    return layer_examples()


def _module_params(spec: ModuleSpec | None) -> int:
    """The real module's parameter count. Built on the CPU: these modules are tiny, and the
    meta device's first Embedding costs seconds of torch imports (normal_ goes through _refs)."""
    return sum(p.numel() for p in spec.build().parameters()) if spec is not None else 0


def _sentences(text: str) -> int:
    """Sentence ends: a full stop (or ! ?) followed by a capital letter or the end."""
    return len(re.findall(r"[.!?](?=\s+[A-Z]|$)", text.strip()))


def _count(params_count: str) -> int:
    """The number a filled count formula comes to: after its last '=', before any remark."""
    if "(Keras" in params_count:
        params_count = params_count.split("(Keras")[0]
    return int(params_count.rsplit("=", 1)[-1].strip().replace(",", ""))


@pytest.mark.parametrize("layer", all_layers(), ids=lambda layer: layer.id)
def test_every_layer_has_a_complete_card(layer):
    assert has_card(layer.id), f"write a help card for {layer.id} in studio/layers/help.py"
    card = help_card(layer.id)
    assert (card.title, card.category) == (layer.title, layer.category)
    for name in ("what", "formula", "when_to_use", "common_mistake", "params_count"):
        assert getattr(card, name).strip(), f"{layer.id}: empty {name}"
    assert 1 <= _sentences(card.what) <= 3, card.what
    assert 1 <= _sentences(card.when_to_use) <= 2, card.when_to_use
    assert 1 <= _sentences(card.common_mistake) <= 2, card.common_mistake
    # Every parameter explained in this card's own words, in the registry's order.
    assert [name for name, _ in card.params] == [p.name for p in layer.params]
    texts = set(help_texts())
    for name, meaning in card.params:
        assert meaning in texts, f"{layer.id}.{name} has no help text of its own"
    # Without a node's numbers, the formulas are the generic ones.
    assert not card.filled


@pytest.mark.parametrize(("layer_id", "params", "inputs"), list(_cases()))
def test_filled_formulas_agree_with_the_layer(layer_id, params, inputs):
    layer = get_layer(layer_id)
    call = Call(layer.params.validate(params, layer_id), inputs)
    expected = layer.infer(call)
    spec = layer.module(call)

    card = help_card(layer_id, params, inputs)
    assert card.filled
    assert final_shape(card.formula) == format_shape(expected.shape), card.formula
    assert _count(card.params_count) == _module_params(spec), card.params_count
    # The filled formulas carry this node's numbers, not the generic symbols.
    assert card.formula != help_card(layer_id).formula
    if _module_params(spec):
        assert card.params_count != help_card(layer_id).params_count


def test_conv2d_formula_of_the_seed_cnn():
    card = help_card("Conv2D", {"filters": 32, "kernel_size": 3}, [TensorType((1, 28, 28))])
    assert card.formula == "out = ⌊(28 − 3) / 1⌋ + 1 = 26 → 32×26×26"
    assert card.params_count == "(1·3·3 + 1) × 32 = 320"
    generic = help_card("Conv2D")
    assert generic.formula.startswith("valid: out = ⌊(H − k) / s⌋ + 1")


def test_conv2d_same_padding_and_dilation_show_their_terms():
    same = help_card("Conv2D", {"filters": 8, "padding": "same"}, [TensorType((3, 32, 32))])
    assert same.formula == "out = ⌈32 / 1⌉ = 32 → 8×32×32"
    dilated = help_card("Conv2D", {"filters": 4, "dilation": 2}, [TensorType((1, 28, 28))])
    assert dilated.formula == "k = 2·(3 − 1) + 1 = 5; out = ⌊(28 − 5) / 1⌋ + 1 = 24 → 4×24×24"


def test_max_pooling_formula_halves_the_seed_feature_maps():
    card = help_card("MaxPooling2D", {"pool_size": 2}, [TensorType((32, 26, 26))])
    assert card.formula == "out = ⌊(26 − 2) / 2⌋ + 1 = 13 → 32×13×13"
    assert card.params_count == "0"
    odd = help_card("MaxPooling2D", {"pool_size": 2, "keep_partial": True}, [TensorType((8, 7, 7))])
    assert odd.formula == "out = ⌈(7 − 2) / 2⌉ + 1 = 4 → 8×4×4"


def test_dense_parameter_count_of_the_seed_mlp():
    card = help_card("Dense", {"units": 128, "activation": "relu"}, [TensorType((784,))])
    assert card.formula == "784 → 128"
    assert card.params_count == "(784 + 1) × 128 = 100,480"
    no_bias = help_card("Dense", {"units": 128, "use_bias": False}, [TensorType((784,))])
    assert no_bias.params_count == "784 × 128 = 100,352"
    assert help_card("Dense").params_count == "(F + 1) × units"


def test_lstm_count_is_pytorchs_with_keras_alongside():
    f, h = 28, 64
    card = help_card("LSTM", {"units": h}, [TensorType((f, f))])
    pytorch, keras = 4 * (f * h + h * h + 2 * h), 4 * (f + h + 1) * h
    assert pytorch - keras == 4 * h
    assert card.formula == "28×28 → 64"
    assert card.params_count == (
        f"4 × (28·64 + 64·64 + 2·64) = {pytorch:,} (Keras: 4 × (28 + 64 + 1) × 64 = {keras:,})"
    )
    assert "two bias vectors" in card.params_note and "4·H" in card.params_note
    layer = get_layer("LSTM")
    spec = layer.module(Call(layer.params.validate({"units": h}, "LSTM"), [TensorType((f, f))]))
    assert _module_params(spec) == pytorch


def test_stacked_and_bidirectional_recurrent_shapes():
    seq = help_card("GRU", {"units": 16, "return_sequences": True}, [TensorType((10, 4))])
    assert seq.formula == "10×4 → 10×16"
    both = help_card("LSTM", {"units": 8, "bidirectional": True}, [TensorType((10, 4))])
    assert both.formula == "10×4 → 2·8 = 16"
    assert both.params_count.startswith("2 × 4 × (4·8 + 8·8 + 2·8) = 896")


@pytest.mark.parametrize(
    ("layer_id", "params", "inputs"),
    [
        ("Dense", {"units": 10}, [TensorType((32, 13, 13))]),  # an image without Flatten
        ("Conv2D", {"kernel_size": 5}, [TensorType((8, 3, 3))]),  # kernel larger than input
        ("Conv2D", {}, [TensorType((784,))]),  # a flat vector
        ("LSTM", {}, [TensorType((1, 28, 28))]),  # an image
        ("Add", {}, [TensorType((3, 4, 4)), TensorType((5, 4, 4))]),  # mismatched shapes
        ("Add", {}, [TensorType((3, 4, 4))]),  # fewer inputs than ports
        ("Embedding", {}, [TensorType((7,))]),  # float ids
        ("TransformerEncoder", {"heads": 3}, [TensorType((6, 8))]),  # heads do not divide
        ("Reshape", {"target_shape": [5, 5]}, [TensorType((12,))]),
        ("Dense", {"units": -3}, [TensorType((20,))]),  # invalid parameter value
        ("Dense", {"no_such_param": 1}, [TensorType((20,))]),
        ("Dense", {"units": "many"}, [TensorType((20,))]),
        ("Dense", "not a dict", [TensorType((20,))]),
        ("Dense", {}, "not a list"),
        ("Dense", {}, [(20,)]),  # shapes instead of TensorTypes
        ("Flatten", {}, [TensorType(())]),  # no such tensor flows in a graph
        ("Conv2D", {}, None),  # inputs not known yet
    ],
)
def test_a_node_that_does_not_fit_gets_the_generic_formula(layer_id, params, inputs):
    card = help_card(layer_id, params, inputs)
    generic = help_card(layer_id)
    assert not card.filled
    assert (card.formula, card.params_count) == (generic.formula, generic.params_count)
    assert card.what == generic.what and card.params == generic.params


def test_defaults_fill_missing_parameters_and_input_needs_no_inputs():
    assert help_card("Dense", None, [TensorType((20,))]).formula == "20 → 64"
    card = help_card("Input", {"shape": [1, 28, 28]})
    assert card.filled and card.formula == "out = 1×28×28"
    assert not help_card("Input").filled  # the palette: no node, no numbers


def test_unknown_layer_is_an_error():
    with pytest.raises(UnknownLayerError):
        help_card("Dense2")


def test_texts_are_plain_english_literals_for_translation():
    texts = help_texts()
    assert HELP_CONTEXT == "layer_help"
    assert len(texts) == len(set(texts)) > 100
    for text in texts:
        assert text == text.strip() and "  " not in text, text
        assert not re.search(r"\{[^}]*\}|%\d|\be\.g\.|\bi\.e\.", text), text
    # Every sentence a card shows is among them, so the translation files can cover all.
    for layer in all_layers():
        card = help_card(layer.id)
        shown = [card.what, card.when_to_use, card.common_mistake, *(m for _, m in card.params)]
        assert set(shown) <= set(texts)
        assert not card.params_note or card.params_note in texts
