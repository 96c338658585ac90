"""The compiled module: shapes, branches, training mode without a doubled softmax."""

import pytest
import torch
from torch import fx

from studio.compiler import CompileError, compile_graph, example_inputs
from studio.graph import Graph
from studio.templates import load_template, template_names


@pytest.mark.parametrize("name", template_names())
def test_every_template_compiles_runs_and_trains_a_step(name):
    from studio.layers.backbone_modules import without_pretrained_files

    project = load_template(name)
    # No pretrained weights file here (nothing downloads); random weights train the same way.
    with without_pretrained_files():
        model = compile_graph(project.graph, logits=True)
    assert isinstance(model, fx.GraphModule)
    x = example_inputs(model.input_types, batch=4)
    out = model(*x)
    assert tuple(out.shape[1:]) == model.output_types[0].shape
    out.float().pow(2).mean().backward()
    # Every weight that trains gets a gradient; frozen ones (a pretrained backbone's) none.
    trainable = [p for p in model.parameters() if p.requires_grad]
    assert trainable and all(p.grad is not None for p in trainable)
    assert all(p.grad is None for p in model.parameters() if not p.requires_grad)


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


# Memory: estimated from shape inference, refused before anything is allocated ----------------


def _huge_mlp() -> Graph:
    """Input 1×1000×1000 into Dense 65536: 65.5 billion parameters, 262 GB of float32."""
    g = Graph()
    x = g.add_node("Input", {"shape": [1, 1000, 1000]}).id
    f = g.add_node("Flatten").id
    d = g.add_node("Dense", {"units": 65536}).id
    g.connect(x, f)
    g.connect(f, d)
    return g


def test_the_estimate_counts_weights_and_activations():
    from studio.memory import estimate_memory
    from studio.shapes import infer_shapes

    estimate = estimate_memory(infer_shapes(load_template("seed-mlp").graph))
    assert estimate.parameters == 109_386
    assert estimate.parameter_bytes == 4 * 109_386
    # Every node's output for one sample: 784 (input) + 784 + 128 + 64 + 10 + 10 (output).
    assert estimate.activation_bytes == 4 * (784 * 2 + 128 + 64 + 10 + 10)
    assert estimate.training_bytes(32) == 16 * 109_386 + 2 * 32 * estimate.activation_bytes


def test_a_model_too_large_for_this_machine_is_refused_with_the_figure(monkeypatch):
    from studio.compiler import ModelTooLargeError
    from studio.errors import StudioError

    monkeypatch.setattr("studio.memory.total_memory", lambda: 64 * 10**9)
    with pytest.raises(ModelTooLargeError) as info:
        compile_graph(_huge_mlp())
    message = str(info.value)
    assert "needs about 262.2 GB of memory (65.5 billion parameters)" in message
    assert "this machine has 64.0 GB" in message
    assert isinstance(info.value, StudioError) and isinstance(info.value, CompileError)
    with pytest.raises(ModelTooLargeError, match=r"needs about 1\.0 TB of memory to train"):
        compile_graph(_huge_mlp(), logits=True)


def test_the_meta_device_is_never_refused(monkeypatch):
    monkeypatch.setattr("studio.memory.total_memory", lambda: 10**6)
    model = compile_graph(_huge_mlp(), device="meta")
    assert sum(p.numel() for p in model.parameters()) == 1_000_000 * 65536 + 65536


def test_training_needs_more_than_building(monkeypatch):
    from studio.compiler import ModelTooLargeError

    # seed-mlp: 0.44 MB of weights, about 1.8 MB to train one sample at a time.
    monkeypatch.setattr("studio.memory.total_memory", lambda: 10**6)
    compile_graph(load_template("seed-mlp").graph)
    with pytest.raises(ModelTooLargeError, match="to train"):
        compile_graph(load_template("seed-mlp").graph, logits=True)
    # A trainer passes its batch size: seed-mlp trains one sample in 1.8 MB, 256 in 5.4 MB.
    monkeypatch.setattr("studio.memory.total_memory", lambda: 2 * 10**6)
    compile_graph(load_template("seed-mlp").graph, logits=True)
    with pytest.raises(ModelTooLargeError, match=r"batch 256\)"):
        compile_graph(load_template("seed-mlp").graph, logits=True, batch_size=256)


def test_an_unknown_memory_size_refuses_nothing(monkeypatch):
    from studio.memory import estimate_memory, too_large
    from studio.shapes import infer_shapes

    monkeypatch.setattr("studio.memory.total_memory", lambda: None)
    assert too_large(estimate_memory(infer_shapes(_huge_mlp())), training=True) is None


def test_this_machines_memory_is_read():
    from studio.memory import total_memory

    assert total_memory() > 10**8


def test_the_summary_shows_the_memory_and_refuses_what_cannot_train(monkeypatch):
    from studio.summary import format_problems, format_summary, summarize

    monkeypatch.setattr("studio.memory.total_memory", lambda: 64 * 10**9)
    summary = summarize(load_template("seed-cnn").graph)
    text = format_summary(summary)
    assert "Memory: 373.3 KB of weights" in text and "this machine has 64.0 GB" in text
    assert summary.analysis.ok

    summary = summarize(_huge_mlp())
    assert not summary.analysis.ok
    assert "Total parameters: 65,536,065,536" in format_summary(summary)
    problems = format_problems(summary.analysis, _huge_mlp())
    assert "needs about 1.0 TB of memory to train (65.5 billion parameters, batch 1)" in problems


def test_the_summary_warns_when_only_the_batch_is_too_large(monkeypatch):
    from studio.summary import format_summary, summarize

    # seed-cnn trains one sample in about 1.8 MB, a batch of 32 in about 11 MB.
    monkeypatch.setattr("studio.memory.total_memory", lambda: 5 * 10**6)
    summary = summarize(load_template("seed-cnn").graph, batch_size=32)
    assert summary.analysis.ok
    assert "Note: The model needs about 11.3 MB of memory to train" in format_summary(summary)
