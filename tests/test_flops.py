"""FLOPs per sample, as the summary and the app's summary panel show them."""

import pytest
import torch

from studio.flops import count_flops
from studio.graph import Graph
from studio.shapes import infer_shapes
from studio.templates import load_template, template_names


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


def _flops_of_compiled_node(layer_id, params, inputs):
    """The count from a one-node model compiled by torch.fx: what node_flops must agree with."""
    from torch.utils.flop_counter import FlopCounterMode

    from studio.compiler import compile_graph, example_inputs
    from studio.graph import Graph

    graph = Graph()
    node = graph.add_node(layer_id, params)
    for port, tensor in enumerate(inputs):
        source = graph.add_node("Input", {"shape": list(tensor.shape), "dtype": tensor.dtype})
        graph.connect(source.id, node.id, port)
    model = compile_graph(graph, device="meta").eval()
    counter = FlopCounterMode(display=False)
    with counter, torch.no_grad():
        model(*example_inputs(model.input_types, batch=1, device="meta"))
    return int(counter.get_total_flops())


@pytest.mark.parametrize("name", template_names())
def test_each_node_counts_as_its_compiled_model_does(name):
    graph = load_template(name).graph
    analysis = infer_shapes(graph)
    flops = count_flops(graph, analysis)
    for node_id, node in graph.nodes.items():
        if node.layer.is_input or node.layer_id in ("LSTM", "GRU", "SimpleRNN"):
            continue  # inputs cost nothing; recurrent layers use the formula (FlopCounter: 0)
        inputs = analysis.nodes[node_id].inputs
        expected = _flops_of_compiled_node(node.layer_id, node.params, inputs)
        assert flops[node_id] == expected, node_id


def _random_cases(seed: int, count: int):
    """Dense, Conv1D and Conv2D with random parameters on inputs they accept."""
    import random

    from studio.layers.base import Call, ShapeError, TensorType
    from studio.layers.registry import get_layer

    rng = random.Random(seed)
    cases = []
    while len(cases) < count:
        layer_id = rng.choice(["Dense", "Conv1D", "Conv2D"])
        if layer_id == "Dense":
            shape = rng.choice([(rng.randint(1, 300),), (rng.randint(1, 20), rng.randint(1, 50))])
            params = {"units": rng.randint(1, 300), "use_bias": rng.random() < 0.5}
        else:
            rank = 3 if layer_id == "Conv2D" else 2
            shape = tuple(rng.randint(1, 40) for _ in range(rank))
            k = rng.randint(1, 5)
            params = {
                "filters": rng.randint(1, 40),
                "kernel_size": (k, rng.randint(1, 5)) if layer_id == "Conv2D" else k,
                "strides": rng.choice([1, 2, 3]),
                "padding": rng.choice(["valid", "same"]),
                "dilation": rng.choice([1, 2]),
                "use_bias": rng.random() < 0.5,
            }
        layer = get_layer(layer_id)
        values = layer.params.validate(params, layer.title)
        call = Call(values, [TensorType(shape)])
        try:
            layer.infer(call)
        except ShapeError:
            continue
        cases.append((layer_id, values, call))
    return cases


def test_formulas_for_the_commonest_layers_agree_with_torch():
    from studio.flops import node_flops
    from studio.layers.registry import get_layer
    from studio.shapes import count_parameters

    for layer_id, values, call in _random_cases(seed=3, count=40):
        spec = get_layer(layer_id).module(call)
        built = spec.build(device="meta")
        assert count_parameters(spec) == sum(p.numel() for p in built.parameters()), spec
        inputs = tuple(call.inputs)
        expected = _flops_of_compiled_node(layer_id, values, inputs)
        assert node_flops(layer_id, tuple(sorted(values.items())), inputs) == expected, (
            layer_id,
            values,
            inputs,
        )


def test_embedding_parameters_by_formula_agree_with_torch():
    """Counted without building the module (building one imports torch._dynamo: seconds)."""
    from studio.layers.base import Call, TensorType
    from studio.layers.registry import get_layer
    from studio.shapes import count_parameters

    layer = get_layer("Embedding")
    import random

    rng = random.Random(11)
    for _ in range(10):
        values = layer.params.validate(
            {"input_dim": rng.randint(2, 5000), "output_dim": rng.randint(1, 300)}, layer.title
        )
        spec = layer.module(Call(values, [TensorType((rng.randint(1, 50),), "int64")]))
        built = spec.build(device="meta")
        assert count_parameters(spec) == sum(p.numel() for p in built.parameters())
