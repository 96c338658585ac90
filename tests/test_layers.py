"""Every registered layer, checked against the real PyTorch module it builds.

For each layer and several inputs: the inferred shape equals the module's output shape, forward
and backward run, the compiled graph and the exported source compute the same thing.
"""

import pytest
import torch

from studio.compiler import compile_graph, example_inputs
from studio.graph import Graph
from studio.layers.registry import all_layers
from studio.shapes import infer_shapes
from studio.source import model_source

I = "int64"  # noqa: E741
# layer id -> list of (parameters, input shapes); an int64 shape is given as (shape, "int64").
CASES = {
    "Input": [({}, [])],
    "Output": [
        ({"loss": "cross_entropy"}, [(10,)]),
        ({"loss": "mse", "target": "input"}, [(1, 8, 8)]),
    ],
    "Dense": [
        ({"units": 7}, [(20,)]),
        ({"units": 3, "activation": "softmax"}, [(6, 5)]),
        ({"units": 4, "use_bias": False, "activation": "leaky_relu"}, [(9,)]),
    ],
    "Flatten": [({}, [(3, 4, 5)]), ({}, [(6,)]), ({}, [(5, 2)])],
    "Reshape": [
        ({"target_shape": [3, 4]}, [(12,)]),
        ({"target_shape": [-1]}, [(1, 4, 4)]),
        ({"target_shape": [2, -1, 3]}, [(4, 9)]),
    ],
    "Dropout": [({"rate": 0.3}, [(10,)]), ({}, [(2, 5, 5)])],
    "Embedding": [({"input_dim": 50, "output_dim": 8}, [((7,), I)])],
    "Conv1D": [
        ({"filters": 4, "kernel_size": 3}, [(16, 3)]),
        ({"filters": 2, "kernel_size": 5, "padding": "same", "activation": "relu"}, [(10, 2)]),
        ({"filters": 3, "kernel_size": 3, "strides": 2, "dilation": 2}, [(20, 1)]),
    ],
    "Conv2D": [
        ({"filters": 4}, [(3, 12, 10)]),
        ({"filters": 2, "kernel_size": [3, 5], "strides": 2}, [(1, 11, 13)]),
        ({"filters": 5, "padding": "same", "activation": "softmax"}, [(2, 7, 7)]),
        ({"filters": 3, "dilation": 2, "use_bias": False}, [(2, 9, 9)]),
    ],
    "ConvTranspose2D": [
        ({"filters": 3}, [(4, 5, 6)]),
        (
            {"filters": 2, "strides": 1, "padding": 0, "output_padding": 0, "kernel_size": [2, 3]},
            [(1, 4, 4)],
        ),
    ],
    "MaxPooling2D": [
        ({}, [(3, 9, 9)]),
        ({"pool_size": 3, "strides": 2, "keep_partial": True}, [(2, 10, 11)]),
        ({"pool_size": 2, "keep_partial": True}, [(1, 7, 8)]),
    ],
    "AveragePooling2D": [({}, [(3, 8, 9)]), ({"pool_size": [2, 3], "strides": 1}, [(1, 5, 6)])],
    "GlobalAveragePooling": [({}, [(3, 5, 5)]), ({}, [(7, 4)])],
    "GlobalMaxPooling": [({}, [(3, 5, 5)]), ({}, [(7, 4)])],
    "UpSampling2D": [({}, [(2, 4, 5)]), ({"size": 3, "interpolation": "bilinear"}, [(1, 3, 3)])],
    "TransformerEncoder": [
        ({"heads": 2, "ff_dim": 16}, [(6, 8)]),
        ({"heads": 3, "norm_first": True, "activation": "gelu"}, [(4, 9)]),
    ],
    "PositionalEmbedding": [({}, [(6, 8)]), ({}, [(1, 3)])],
    "Add": [({}, [(3, 4, 4), (3, 4, 4)]), ({"inputs": 3}, [(5,), (5,), (5,)])],
    "Concatenate": [
        ({}, [(3, 4, 4), (5, 4, 4)]),
        ({}, [(6,), (4,)]),
        ({"inputs": 3}, [(5, 3), (5, 2), (5, 1)]),
    ],
    "BatchNorm": [({}, [(3, 6, 6)]), ({}, [(10,)]), ({"momentum": 0.9}, [(5, 4)])],
    "LayerNorm": [({}, [(3, 6, 6)]), ({}, [(10,)]), ({}, [(5, 4)])],
    "ReLU": [({}, [(5,)]), ({}, [(2, 3, 3)])],
    "LeakyReLU": [({"negative_slope": 0.2}, [(5,)])],
    "Sigmoid": [({}, [(4, 3)])],
    "Tanh": [({}, [(6,)])],
    "GELU": [({}, [(2, 3, 3)])],
    "Softmax": [({}, [(6,)]), ({}, [(3, 2, 2)]), ({}, [(4, 5)])],
}
for _rnn in ("LSTM", "GRU", "SimpleRNN"):
    CASES[_rnn] = [
        ({"units": 5}, [(9, 3)]),
        ({"units": 4, "return_sequences": True}, [(7, 2)]),
        ({"units": 3, "bidirectional": True}, [(6, 4)]),
        ({"units": 2, "bidirectional": True, "return_sequences": True}, [(5, 3)]),
    ]


def _input_spec(shape):
    if isinstance(shape[-1], str):
        return list(shape[0]), shape[1]
    return list(shape), "float32"


def _graph_for(layer_id, params, inputs):
    g = Graph()
    if layer_id == "Input":
        g.add_node("Input", {"shape": [2, 3]})
        return g, "input_1"
    node = g.add_node(layer_id, params)
    for port, shape in enumerate(inputs):
        dims, dtype = _input_spec(shape)
        src = g.add_node("Input", {"shape": dims, "dtype": dtype})
        g.connect(src.id, node.id, port)
    return g, node.id


def _cases():
    for layer in all_layers():
        for k, (params, inputs) in enumerate(CASES.get(layer.id, [])):
            yield pytest.param(layer.id, params, inputs, id=f"{layer.id}-{k}")


def test_every_layer_has_cases():
    missing = [layer.id for layer in all_layers() if layer.id not in CASES]
    assert not missing, f"add test cases for {missing}"


@pytest.mark.parametrize(("layer_id", "params", "inputs"), list(_cases()))
def test_shape_rule_matches_module(layer_id, params, inputs):
    g, node_id = _graph_for(layer_id, params, inputs)
    analysis = infer_shapes(g)
    assert analysis.ok, analysis.problems
    expected = analysis.nodes[node_id].output

    model = compile_graph(g)
    xs = example_inputs(model.input_types, batch=3)
    for x in xs:
        if x.is_floating_point():
            x.requires_grad_(True)
    out = model(*xs)
    assert tuple(out.shape) == (3, *expected.shape)

    # Backward reaches every weight and every float input.
    (out.float() ** 2).sum().backward()
    for name, p in model.named_parameters():
        assert p.grad is not None, name
    for x in xs:
        if x.is_floating_point() and layer_id != "Input":
            assert x.grad is not None

    # The parameter count shown to the user is the module's.
    assert analysis.total_params == sum(p.numel() for p in model.parameters())

    # The exported source runs on its own and computes the same with the same weights.
    namespace = {}
    exec(compile(model_source(g, "Exported"), "<exported>", "exec"), namespace)
    exported = namespace["Exported"]()
    exported.load_state_dict(model.state_dict())
    model.eval()
    exported.eval()
    with torch.no_grad():
        torch.testing.assert_close(exported(*xs), model(*xs))


@pytest.mark.parametrize("layer", all_layers(), ids=lambda layer: layer.id)
def test_registry_entry_is_complete(layer):
    assert layer.title and layer.summary and layer.category
    defaults = layer.params.defaults()
    for p in layer.params:
        assert p.help, f"{layer.id}.{p.name} needs a help text"
        assert p.validate(defaults[p.name]) == defaults[p.name]
