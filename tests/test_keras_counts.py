"""Keras' parameter counts beside PyTorch's where they differ: a reader checks a guide's
model.summary() against NetStudio's summary and node badges."""

from __future__ import annotations

import pytest

from studio.graph import Graph
from studio.shapes import infer_shapes
from studio.summary import format_summary, summarize
from studio.templates import load_template


def one_layer(layer_id: str, params: dict, shape: list[int], loss: str = "mse") -> Graph:
    g = Graph()
    g.add_node("Input", {"shape": shape}, node_id="x")
    g.add_node(layer_id, params, node_id="layer")
    g.add_node("Output", {"loss": loss}, node_id="out")
    g.connect("x", "layer")
    g.connect("layer", "out")
    return g


def lstm() -> Graph:
    return one_layer("LSTM", {"units": 4}, [5, 3], loss="cross_entropy")


@pytest.mark.parametrize(
    ("layer_id", "params", "shape", "pytorch", "keras"),
    [
        # 4 gates × (3 inputs + 4 units) weights each, and two biases (b_ih, b_hh) per gate…
        ("LSTM", {"units": 4}, [5, 3], 4 * (3 * 4 + 4 * 4 + 2 * 4), 4 * (3 + 4 + 1) * 4),
        # …where Keras has one: 144 against 128.
        ("LSTM", {"units": 4, "bidirectional": True}, [5, 3], 288, 256),
        ("SimpleRNN", {"units": 4}, [5, 3], 3 * 4 + 4 * 4 + 2 * 4, (3 + 4 + 1) * 4),
        # BatchNorm: PyTorch counts weight and bias (2 per channel); Keras adds the moving mean
        # and variance as non-trainable parameters (4 per channel).
        ("BatchNorm", {}, [8, 4, 4], 2 * 8, 4 * 8),
    ],
)
def test_the_layers_keras_counts_differently(layer_id, params, shape, pytorch, keras):
    info = infer_shapes(one_layer(layer_id, params, shape)).nodes["layer"]
    assert (info.params, info.keras_params, info.keras_count) == (pytorch, keras, keras)


@pytest.mark.parametrize(
    ("layer_id", "params", "shape"),
    [
        ("Dense", {"units": 7}, [20]),
        # Keras' GRU (reset_after=True, its default) has two biases per gate, as PyTorch's.
        ("GRU", {"units": 4}, [5, 3]),
        ("Conv2D", {"filters": 3}, [1, 8, 8]),
    ],
)
def test_where_the_counts_agree_there_is_no_keras_figure(layer_id, params, shape):
    graph = one_layer(layer_id, params, shape)
    info = infer_shapes(graph).nodes["layer"]
    assert info.params > 0 and info.keras_params is None and info.keras_count == info.params
    text = format_summary(summarize(graph))
    assert "Keras" not in text


def test_the_summary_gives_keras_total_beside_pytorchs():
    graph = lstm()
    summary = summarize(graph)
    assert (summary.total_params, summary.total_keras_params) == (144, 128)
    text = format_summary(summary)
    assert "Total parameters: 144 (Keras' model.summary(): 128)" in text
    row = next(line for line in text.splitlines() if line.startswith("layer (LSTM)"))
    assert "144 (Keras: 128)" in row


def test_the_seed_models_need_no_keras_figure():
    for name in ("seed-mlp", "seed-cnn"):
        summary = summarize(load_template(name).graph)
        assert summary.total_keras_params is None
        assert "Keras" not in format_summary(summary)


# The app ---------------------------------------------------------------------------------


def test_the_summary_panel_shows_keras_count_where_it_differs(qtbot):
    from widgets.summary_panel import SummaryPanel

    panel = SummaryPanel()
    qtbot.addWidget(panel)
    panel.set_graph(lstm())
    panel.refresh_now()
    assert "(Keras' model.summary(): 128)" in panel.totals.text()
    cells = {panel.table.item(r, 0).text(): panel.table.item(r, 2) for r in range(3)}
    assert cells["layer"].text() == "144 (Keras: 128)"
    assert "one bias per gate" in cells["layer"].toolTip()
    assert cells["out"].text() == "0" and not cells["out"].toolTip()

    panel.set_graph(one_layer("Dense", {"units": 7}, [20]))
    panel.refresh_now()
    assert "Keras" not in panel.totals.text()


def test_the_node_tooltip_gives_keras_count(qtbot):
    from widgets.canvas.node_item import NodeItem

    graph = lstm()
    item = NodeItem(graph.nodes["layer"])
    item.set_info(infer_shapes(graph).nodes["layer"])
    assert "144 parameters; Keras' model.summary() counts 128" in item.toolTip()
