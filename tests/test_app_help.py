"""The Help panel: the card of the selected node (with its numbers, live), of the palette layer
clicked or pointed at, and the curve of the activation the layer applies."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest

from studio.graph import Graph
from studio.layers.help import HELP_CONTEXT, help_card
from studio.layers.registry import all_layers
from studio.project import Project

pytest_plugins = ["app_fixtures"]


def plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def card_text(window) -> str:
    panel = window.help_panel
    return plain(panel.head.text()) + "\n" + plain(panel.tail.text())


def plotted(window) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    plot = window.help_panel.activation
    x, y = plot.curve.getData()
    dx, dy = plot.derivative.getData()
    np.testing.assert_array_equal(x, dx)
    return x, y, dy


def activation_project(*layers: tuple[str, dict]) -> Project:
    """Input (16 features) → the given layers → Output, in a row."""
    graph = Graph()
    graph.add_node("Input", {"shape": [16]}, (0, 0))
    previous = "input_1"
    for k, (layer_id, params) in enumerate(layers, start=1):
        node = graph.add_node(layer_id, params, (230 * k, 0))
        graph.connect(previous, node.id)
        previous = node.id
    output = graph.add_node("Output", {"loss": "mse"}, (230 * (len(layers) + 1), 0))
    graph.connect(previous, output.id)
    return Project("activations", graph)


def test_selecting_a_conv2d_shows_its_card_with_its_numbers_and_follows_edits(window):
    assert window.lower_tabs.currentWidget() is window.help_panel
    window.scene.select_nodes(["conv2d_1"])
    text = card_text(window)
    assert "Conv2D" in text and "Output shape of conv2d_1" in text
    assert "out = ⌊(28 − 3) / 1⌋ + 1 = 26 → 32×26×26" in text
    assert "(1·3·3 + 1) × 32 = 320" in text
    card = help_card("Conv2D")
    for sentence in (card.what, card.when_to_use, card.common_mistake):
        assert sentence in text
    for _, meaning in card.params:  # what each parameter means
        assert meaning in text
    plot = window.help_panel.activation  # the seed CNN's convolutions apply relu
    assert plot.isVisible() and "ReLU" in plain(plot.title.text())

    kernel = window.inspector.editors["kernel_size"]
    kernel.height_box.setValue(5)
    kernel.width_box.setValue(5)
    text = card_text(window)
    assert "out = ⌊(28 − 5) / 1⌋ + 1 = 24 → 32×24×24" in text
    assert "(1·5·5 + 1) × 32 = 832" in text
    window.document.undo()  # the two edits merged into one step
    assert "out = ⌊(28 − 3) / 1⌋ + 1 = 26 → 32×26×26" in card_text(window)


def test_a_node_that_does_not_fit_shows_the_general_form_and_says_why(window):
    window.scene.select_nodes(["flatten_1"])
    window.delete_selection()
    assert window.connect_nodes("conv2d_3", "dense_1")
    window.scene.select_nodes(["dense_1"])
    text = card_text(window)
    assert help_card("Dense").formula in text
    assert "dense_1 does not fit its inputs yet" in text
    window.scene.select_nodes(["max_pooling2d_1"])
    assert not window.help_panel.activation.isVisible()  # no activation: no curve


def test_clicking_or_pointing_at_a_palette_layer_shows_its_general_card(window):
    panel, tree = window.help_panel, window.palette.tree
    window.scene.select_nodes([])
    assert panel.stack.currentWidget() is panel.placeholder

    item = window.palette.item_for("MaxPooling2D")
    tree.scrollToItem(item)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert panel.shown_layer() == "MaxPooling2D"
    text = card_text(window)
    assert help_card("MaxPooling2D").formula in text and "Output shape of" not in text

    # Pointing at another layer previews it; leaving the palette goes back.
    item = window.palette.item_for("LSTM")
    tree.scrollToItem(item)
    QTest.mouseMove(tree.viewport(), tree.visualItemRect(item).center())
    assert panel.shown_layer() == "LSTM"
    assert help_card("LSTM").what in card_text(window)
    QCoreApplication.sendEvent(tree, QEvent(QEvent.Type.Leave))
    assert panel.shown_layer() == "MaxPooling2D"

    # Selecting on the canvas shows that node; so does editing it after a palette click.
    window.scene.select_nodes(["dense_1"])
    assert panel.shown_layer() == "Dense" and "Output shape of dense_1" in card_text(window)
    window.palette.layerChosen.emit("GRU")
    assert panel.shown_layer() == "GRU"
    window.inspector.editors["units"].setValue(32)
    assert "(576 + 1) × 32 = 18,464" in card_text(window)
    window.scene.select_nodes(["dense_1", "dense_2"])
    assert panel.stack.currentWidget() is panel.placeholder


def test_every_palette_layer_has_a_card(window):
    for layer in all_layers():
        window.palette.layerChosen.emit(layer.id)
        text = card_text(window)
        card = help_card(layer.id)
        for shown in (card.what, card.formula, card.when_to_use, card.common_mistake):
            assert shown in text, (layer.id, shown)


def test_tanh_node_plots_tanh_and_its_derivative(make_window):
    window = make_window(activation_project(("Dense", {"units": 8}), ("Tanh", {})))
    window.scene.select_nodes(["tanh_1"])
    plot = window.help_panel.activation
    assert plot.isVisible()
    x, y, dy = plotted(window)
    assert x[0] == -5 and x[-1] == 5
    np.testing.assert_allclose(y, np.tanh(x), atol=1e-12)
    np.testing.assert_allclose(dy, 1 - np.tanh(x) ** 2, atol=1e-12)
    assert "Tanh" in plain(plot.title.text()) and "1 − tanh²" in plot.caption.text()


def test_choosing_another_activation_in_the_inspector_redraws(make_window):
    window = make_window(activation_project(("Dense", {"units": 8, "activation": "tanh"})))
    window.scene.select_nodes(["dense_1"])
    x, y, _ = plotted(window)
    np.testing.assert_allclose(y, np.tanh(x), atol=1e-12)

    combo = window.inspector.editors["activation"]
    combo.setCurrentIndex(combo.findData("relu"))
    combo.activated.emit(combo.currentIndex())
    assert window.document.graph.nodes["dense_1"].params["activation"] == "relu"
    x, y, dy = plotted(window)
    np.testing.assert_array_equal(y, np.maximum(x, 0))
    np.testing.assert_array_equal(dy, (x > 0).astype(float))
    assert "ReLU" in plain(window.help_panel.activation.title.text())

    combo.setCurrentIndex(combo.findData("softmax"))
    combo.activated.emit(combo.currentIndex())
    x, y, dy = plotted(window)
    s = np.exp(x) / (np.exp(x) + 7)  # one of the 8 units' scores, the other 7 at 0
    np.testing.assert_allclose(y, s, atol=1e-12)
    np.testing.assert_allclose(dy, s * (1 - s), atol=1e-12)
    caption = window.help_panel.activation.caption.text()
    assert "one of 8 scores" in caption and "other 7 held at 0" in caption and "s(1 − s)" in caption

    combo.setCurrentIndex(combo.findData("linear"))
    combo.activated.emit(combo.currentIndex())
    assert not window.help_panel.activation.isVisible()


def test_leaky_relu_uses_the_nodes_slope(make_window):
    window = make_window(activation_project(("LeakyReLU", {"negative_slope": 0.2})))
    window.scene.select_nodes(["leaky_re_lu_1"])
    x, y, dy = plotted(window)
    np.testing.assert_allclose(y, np.where(x > 0, x, 0.2 * x))
    assert "0.2" in window.help_panel.activation.caption.text()
    window.inspector.editors["negative_slope"].setValue(0.05)
    x, y, dy = plotted(window)
    np.testing.assert_allclose(dy, np.where(x > 0, 1.0, 0.05))


class Shouting(QTranslator):
    """A stand-in translation: help sentences in capitals, everything else as it is."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == HELP_CONTEXT else None


def test_card_sentences_are_translated_under_layer_help(window, qapp):
    translator = Shouting()
    qapp.installTranslator(translator)
    try:
        window.scene.select_nodes(["conv2d_1"])
        text = card_text(window)
    finally:
        qapp.removeTranslator(translator)
    card = help_card("Conv2D")
    assert card.what.upper() in text and card.common_mistake.upper() in text
    assert "out = ⌊(28 − 3) / 1⌋ + 1 = 26 → 32×26×26" in text  # formulas as they are
