"""The Keras layers that rearrange, join and attend (RepeatVector, Permute, TimeDistributed,
Multiply/Subtract/Average/Maximum, MultiHeadAttention): values against what Keras computes,
written out by hand here, parameter counts against Keras' formulas, and the messages a student
reads when a node does not fit.

Shapes, export and FLOPs of every example are checked registry-wide (test_layers, test_export).
"""

import math

import pytest
import torch

from studio.compiler import compile_graph
from studio.graph import Graph, GraphError, PortError
from studio.shapes import infer_shapes


def joined(layer_id: str, params: dict, *shapes: list[int]) -> tuple[Graph, str, list[str]]:
    """A graph of one layer fed by one Input per shape: (graph, layer node, input nodes)."""
    g = Graph()
    node = g.add_node(layer_id, params).id
    inputs = []
    for port, shape in enumerate(shapes):
        source = g.add_node("Input", {"shape": shape}).id
        g.connect(source, node, port)
        inputs.append(source)
    return g, node, inputs


def run(g: Graph, values: dict[str, torch.Tensor]) -> torch.Tensor:
    model = compile_graph(g).eval()
    with torch.no_grad():
        return model(*(values[name] for name in model.input_names))


def error_of(g: Graph, node_id: str) -> str:
    analysis = infer_shapes(g)
    assert node_id in {p.node_id for p in analysis.problems}
    return analysis.nodes[node_id].error


# RepeatVector, Permute, TimeDistributed -------------------------------------------------------


def test_repeat_vector_gives_n_copies_of_the_vector():
    g, _, (x,) = joined("RepeatVector", {"n": 3}, [4])
    value = torch.arange(8.0).reshape(2, 4)
    out = run(g, {x: value})
    assert out.shape == (2, 3, 4)
    for step in range(3):
        torch.testing.assert_close(out[:, step], value)


def test_repeat_vector_of_a_sequence_says_what_to_insert():
    g, node, _ = joined("RepeatVector", {"n": 3}, [5, 4])
    message = error_of(g, node)
    assert "expects a vector" in message and "5×4 sequence" in message and "Flatten" in message


def test_permute_2_1_transposes_time_and_features():
    g, node, (x,) = joined("Permute", {"dims": [2, 1]}, [3, 5])
    value = torch.randn(2, 3, 5)
    torch.testing.assert_close(run(g, {x: value}), value.transpose(1, 2))
    assert infer_shapes(g).nodes[node].output.shape == (5, 3)


@pytest.mark.parametrize("dims", [[1, 1], [1, 0], [-1, 1], [1, 2, 3], [3, 1]])
def test_permute_refuses_what_is_not_a_permutation(dims):
    g, node, _ = joined("Permute", {"dims": dims}, [3, 5])
    message = error_of(g, node)
    assert "numbered from 1 to 2" in message and "[2, 1]" in message
    assert str(dims) in message


@pytest.mark.parametrize("dims", ["2, 1", [2.0, 1], [True, False], [], [1, 2, 3, 4, 5]])
def test_permute_dims_that_are_no_axis_numbers(dims):
    with pytest.raises(GraphError, match="must be a list of 1 to 4 axis numbers such as"):
        Graph().add_node("Permute", {"dims": dims})


def test_time_distributed_dense_is_one_dense_at_every_step():
    g, node, _ = joined("TimeDistributed", {"units": 4, "activation": "relu"}, [6, 3])
    model = compile_graph(g).eval()
    dense = getattr(model, node)
    value = torch.randn(2, 6, 3)
    with torch.no_grad():
        out = model(value)
        for step in range(6):
            torch.testing.assert_close(out[:, step], torch.relu(dense(value[:, step])))
    # Keras' count for TimeDistributed(Dense(4)) on 3 features: (3 + 1) · 4, whatever the steps.
    assert infer_shapes(g).total_params == 16


def test_time_distributed_of_an_image_says_it_takes_a_sequence():
    g, node, _ = joined("TimeDistributed", {"units": 4}, [1, 28, 28])
    message = error_of(g, node)
    assert "expects a sequence" in message and "1×28×28 image" in message


# Element-wise joins ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("layer_id", "expected"),
    [
        ("Multiply", lambda a, b, c: a * b * c),
        ("Average", lambda a, b, c: (a + b + c) / 3),
        ("Maximum", lambda a, b, c: torch.maximum(torch.maximum(a, b), c)),
    ],
)
def test_joins_of_three_inputs_compute_as_keras(layer_id, expected):
    g, _, names = joined(layer_id, {"inputs": 3}, [2, 3], [2, 3], [2, 3])
    values = {name: torch.randn(4, 2, 3) for name in names}
    out = run(g, values)
    torch.testing.assert_close(out, expected(*(values[n] for n in names)))


def test_subtract_takes_exactly_two_inputs_first_minus_second():
    g, node, (a, b) = joined("Subtract", {}, [5], [5])
    first, second = torch.randn(2, 5), torch.randn(2, 5)
    torch.testing.assert_close(run(g, {a: first, b: second}), first - second)
    third = g.add_node("Input", {"shape": [5]}).id
    with pytest.raises(PortError, match="has no input 3"):
        g.connect(third, node, 2)


@pytest.mark.parametrize("layer_id", ["Add", "Multiply", "Subtract", "Average", "Maximum"])
def test_joins_of_different_shapes_name_the_layer_and_both_shapes(layer_id):
    g, node, _ = joined(layer_id, {}, [16, 8, 8], [32, 8, 8])
    message = error_of(g, node)
    assert message.startswith(f"{layer_id} needs inputs of the same shape")
    assert "16×8×8" in message and "32×8×8" in message


def test_average_of_token_ids_asks_for_an_embedding():
    g = Graph()
    node = g.add_node("Average", {}).id
    for port in range(2):
        ids = g.add_node("Input", {"shape": [5], "dtype": "int64"}).id
        g.connect(ids, node, port)
    assert "insert an Embedding" in error_of(g, node)


# MultiHeadAttention ----------------------------------------------------------------------------

def keras_attention(layer, query, value, key, heads, key_dim):
    """Keras' MultiHeadAttention written out: per-head projections, the query scaled by
    1/√key_dim, softmax over the key's steps, the values mixed, projected back."""

    def heads_of(linear, x):
        return linear(x).reshape(*x.shape[:2], heads, key_dim)  # batch, time, heads, key_dim

    q = heads_of(layer.query, query) / math.sqrt(key_dim)
    k, v = heads_of(layer.key, key), heads_of(layer.value, value)
    weights = torch.softmax(torch.einsum("bthd,bshd->bhts", q, k), dim=-1)
    mixed = torch.einsum("bhts,bshd->bthd", weights, v)
    return layer.output(mixed.reshape(*query.shape[:2], heads * key_dim))


@pytest.mark.parametrize("separate_key", [False, True])
def test_multi_head_attention_computes_as_keras(separate_key):
    shapes = [[6, 8], [5, 3]] + ([[5, 4]] if separate_key else [])
    params = {"num_heads": 2, "key_dim": 3, "inputs": len(shapes)}
    g, node, names = joined("MultiHeadAttention", params, *shapes)
    values = {name: torch.randn(2, *shape) for name, shape in zip(names, shapes, strict=True)}
    model = compile_graph(g).eval()
    with torch.no_grad():
        out = model(*(values[name] for name in model.input_names))
        query, value = values[names[0]], values[names[1]]
        key = values[names[2]] if separate_key else value
        expected = keras_attention(getattr(model, node), query, value, key, 2, 3)
    assert out.shape == (2, 6, 8)  # the query's steps and features
    torch.testing.assert_close(out, expected)


def test_multi_head_attention_counts_parameters_as_keras():
    # Keras' "Text classification with Transformer" example: MultiHeadAttention(num_heads=2,
    # key_dim=32) on 32 features, heads·key_dim = 64 ≠ 32 (torch's own class cannot do it).
    # Keras: 3 · (32·64 + 64) for query, key, value and 64·32 + 32 for the output = 8,416.
    params = {"num_heads": 2, "key_dim": 32}
    g, _, _ = joined("MultiHeadAttention", params, [200, 32], [200, 32])
    assert infer_shapes(g).total_params == 3 * (32 * 64 + 64) + (64 * 32 + 32) == 8416


def test_self_attention_is_one_layer_connected_to_query_and_value():
    g = Graph()
    x = g.add_node("Input", {"shape": [7, 16]}).id
    attention = g.add_node("MultiHeadAttention", {"num_heads": 4, "key_dim": 8}).id
    g.connect(x, attention, 0)
    g.connect(x, attention, 1)
    analysis = infer_shapes(g)
    assert analysis.ok, analysis.problems
    assert analysis.nodes[attention].output.shape == (7, 16)
    model = compile_graph(g).eval()
    value = torch.randn(3, 7, 16)
    with torch.no_grad():
        expected = keras_attention(getattr(model, attention), value, value, value, 4, 8)
        torch.testing.assert_close(model(value), expected)


def test_multi_head_attention_key_as_long_as_the_value():
    g, node, _ = joined("MultiHeadAttention", {"inputs": 3}, [6, 8], [5, 8], [4, 8])
    message = error_of(g, node)
    assert "key has 4" in message and "value 5" in message


def test_multi_head_attention_of_a_vector_names_the_port():
    g, node, _ = joined("MultiHeadAttention", {}, [6, 8], [8])
    message = error_of(g, node)
    assert "expects a sequence" in message and "value input (2)" in message
