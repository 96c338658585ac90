"""The compiled module: shapes, branches, training mode without a doubled softmax."""

import pytest
import torch
from torch import fx

from studio.compiler import CompileError, compile_graph, example_inputs
from studio.graph import Graph
from studio.templates import load_template, template_names


@pytest.mark.parametrize("name", template_names())
def test_every_template_compiles_runs_and_trains_a_step(name):
    project = load_template(name)
    model = compile_graph(project.graph, logits=True)
    assert isinstance(model, fx.GraphModule)
    x = example_inputs(model.input_types, batch=4)
    out = model(*x)
    assert tuple(out.shape[1:]) == model.output_types[0].shape
    out.float().pow(2).mean().backward()
    assert all(p.grad is not None for p in model.parameters())


def test_seed_counts_match_keras():
    from studio.shapes import infer_shapes

    assert infer_shapes(load_template("seed-mlp").graph).total_params == 109_386
    assert infer_shapes(load_template("seed-cnn").graph).total_params == 93_322


def test_final_softmax_is_left_to_the_loss_in_training_mode():
    graph = load_template("seed-cnn").graph
    drawn, training = compile_graph(graph), compile_graph(graph, logits=True)
    training.load_state_dict(drawn.state_dict())
    x = torch.randn(5, 1, 28, 28)
    probabilities, logits = drawn(x), training(x)
    torch.testing.assert_close(probabilities.sum(1), torch.ones(5))
    torch.testing.assert_close(torch.softmax(logits, 1), probabilities)
    assert "softmax" not in training.code


def test_a_standalone_softmax_node_is_skipped_too():
    g = Graph()
    x = g.add_node("Input", {"shape": [8]}).id
    d = g.add_node("Dense", {"units": 3}).id
    s = g.add_node("Softmax").id
    o = g.add_node("Output").id
    g.connect(x, d)
    g.connect(d, s)
    g.connect(s, o)
    assert "softmax" in compile_graph(g).code
    assert "softmax" not in compile_graph(g, logits=True).code


def test_residual_graph_adds_its_branches():
    model = compile_graph(load_template("residual-cnn").graph)
    assert "torch.add" in model.code


def test_invalid_graph_raises_compile_error_with_the_problems():
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 28, 28]}).id
    d = g.add_node("Dense").id
    g.connect(x, d)
    with pytest.raises(CompileError, match="insert Flatten") as info:
        compile_graph(g)
    assert info.value.problems[0].node_id == d


def test_forward_is_generated_code_not_an_interpreter():
    model = compile_graph(load_template("seed-mlp").graph)
    assert "def forward" in model.code and "self.dense_1" in model.code


def test_activation_moves_past_max_pooling_without_changing_results():
    graph = load_template("seed-cnn").graph
    fast, plain = compile_graph(graph), compile_graph(graph, optimize=False)
    plain.load_state_dict(fast.state_dict())
    code = fast.code
    assert code.index("max_pooling2d_1") < code.index("relu")  # pooled first
    x = torch.randn(4, 1, 28, 28, requires_grad=True)
    torch.testing.assert_close(fast(x), plain(x))
    fast(x).sum().backward()
    grad_fast, x.grad = x.grad, None
    plain(x).sum().backward()
    torch.testing.assert_close(grad_fast, x.grad)


def test_standalone_monotonic_activation_nodes_move_too_and_gelu_does_not():
    for layer, moves in (("LeakyReLU", True), ("GELU", False)):
        g = Graph()
        x = g.add_node("Input", {"shape": [2, 8, 8]}).id
        c = g.add_node("Conv2D", {"filters": 3}).id
        a = g.add_node(layer).id
        p = g.add_node("MaxPooling2D").id
        for s, t in ((x, c), (c, a), (a, p)):
            g.connect(s, t)
        fast, plain = compile_graph(g), compile_graph(g, optimize=False)
        plain.load_state_dict(fast.state_dict())
        inp = torch.randn(3, 2, 8, 8)
        torch.testing.assert_close(fast(inp), plain(inp))
        assert (fast.code != plain.code) == moves
