"""FLOPs per sample, as the summary and the app's summary panel show them."""

from studio.flops import count_flops
from studio.graph import Graph
from studio.shapes import infer_shapes
from studio.templates import load_template


def test_seed_cnn_counts_as_the_readme_says():
    graph = load_template("seed-cnn").graph
    flops = count_flops(graph, infer_shapes(graph))
    assert sum(flops.values()) == 5_588_480
    # Two multiply-adds per weight and output pixel: 32 filters × 26 × 26 × 9 weights.
    assert flops["conv2d_1"] == 2 * 32 * 26 * 26 * 9


def test_batch_norm_after_dense_is_counted_for_one_sample():
    # A training-mode BatchNorm refuses a batch of one vector; counting must not care.
    g = Graph()
    previous = g.add_node("Input", {"shape": [16]}).id
    for layer, params in (("Dense", {"units": 8}), ("BatchNorm", {}), ("ReLU", {})):
        node = g.add_node(layer, params)
        g.connect(previous, node.id)
        previous = node.id
    flops = count_flops(g, infer_shapes(g))
    assert flops["dense_1"] == 2 * 16 * 8
    assert flops["batch_norm_1"] == 0  # only matrix products and convolutions are counted
