"""A final softmax (sigmoid) that the Output's loss applies itself is left out of training also
through Dropout, Flatten and Reshape; where it cannot be, the node is warned about."""

import math

import pytest
import torch
import torch.nn.functional as F

from studio.compiler import compile_graph, plan_model
from studio.data.base import Dataset
from studio.evaluation import ends_in_probabilities
from studio.fused_activation import KEEPS_RANGE, PASS_THROUGH
from studio.graph import Graph
from studio.layers.registry import get_layer
from studio.project import Project
from studio.shapes import infer_shapes
from studio.summary import format_summary, summarize
from studio.templates import load_template, template_names
from studio.training import train

CLASSES = 5


def chain(*layers, input_shape=(8,)):
    """Input → layers… (each an id or (id, params)) → Output(params of the last item if dict)."""
    g = Graph()
    previous = g.add_node("Input", {"shape": list(input_shape)}, node_id="x").id
    for item in layers:
        layer_id, params = item if isinstance(item, tuple) else (item, {})
        node = g.add_node(layer_id, params, node_id=params.pop("id", None))
        g.connect(previous, node.id)
        previous = node.id
    return g


def softmax_dense(units=CLASSES, **params):
    return ("Dense", {"id": "scores", "units": units, "activation": "softmax", **params})


def output(loss="cross_entropy"):
    return ("Output", {"id": "out", "loss": loss})


def notes_about_twice(graph):
    analysis = infer_shapes(graph)
    return {w.node_id: w.message for w in analysis.warnings if "never get near 0" in w.message}


# The loss of a double softmax ------------------------------------------------------------


def double_softmax_floor(classes: int) -> float:
    """Cross-entropy can get no lower than this when its input is already a softmax: at best
    the right class has probability 1 and the others 0, which the loss's softmax turns into
    e / (e + classes - 1)."""
    return math.log(1 + (classes - 1) / math.e)


def test_the_floor_is_what_cross_entropy_gives_certain_probabilities():
    assert double_softmax_floor(10) == pytest.approx(1.461, abs=1e-3)  # the figure
    certain = torch.softmax(torch.tensor([[60.0, 0, 0, 0, 0]]), 1)
    assert F.cross_entropy(certain, torch.tensor([0])).item() == pytest.approx(
        double_softmax_floor(CLASSES), abs=1e-6
    )


def clusters(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Well-separated Gaussian clusters: one per class, 8 features."""
    centres = torch.randn(CLASSES, 8, generator=torch.Generator().manual_seed(0)) * 3
    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % CLASSES
    return centres[y] + 0.5 * torch.randn(n, 8, generator=g), y


def test_softmax_then_dropout_trains_below_what_a_double_softmax_allows():
    graph = chain(softmax_dense(), ("Dropout", {"rate": 0.2}), output())
    x_train, y_train = clusters(400, seed=1)
    x_test, y_test = clusters(100, seed=2)
    data = Dataset(
        "clusters", "Clusters", "classification", x_train, y_train, x_test, y_test,
        [str(c) for c in range(CLASSES)],
    )  # fmt: skip
    project = Project(name="softmax chain", graph=graph)
    project.training.update(
        {"epochs": 12, "batch_size": 32, "learning_rate": 0.05, "validation_split": 0.0, "seed": 3}
    )
    result = train(project, data)
    floor = double_softmax_floor(CLASSES)  # 0.905 for 5 classes
    assert result.test_loss < floor / 3, result.test_loss
    assert result.history[-1]["loss"] < floor  # with dropout on, while training
    assert result.test_accuracy > 0.95
    # The trained model, as drawn, still ends in the softmax: its outputs are probabilities.
    probabilities = result.model(x_test[:6])
    torch.testing.assert_close(probabilities.sum(1), torch.ones(6))
    assert (probabilities >= 0).all()


# Which nodes the training model leaves out ------------------------------------------------


def test_dense_softmax_through_dropout_becomes_linear_for_training():
    graph = chain(softmax_dense(), ("Dropout", {"rate": 0.3}), output())
    plan = plan_model(graph, logits=True)
    assert plan.params_override["scores"]["activation"] == "linear"
    assert plan.skipped == frozenset()
    assert graph.nodes["scores"].params["activation"] == "softmax"  # the drawing is untouched
    assert plan_model(graph).params_override == {}
    assert notes_about_twice(graph) == {}
    assert ends_in_probabilities(graph)  # predictions read the outputs as probabilities


def test_training_and_inference_models_differ_by_the_softmax_alone():
    graph = chain(softmax_dense(), ("Dropout", {"rate": 0.3}), output())
    drawn, training = compile_graph(graph), compile_graph(graph, logits=True)
    training.load_state_dict(drawn.state_dict())
    x = torch.randn(7, 8)
    drawn.eval(), training.eval()
    torch.testing.assert_close(torch.softmax(training(x), 1), drawn(x))
    assert "softmax" in drawn.code and "softmax" not in training.code


def test_softmax_node_through_reshape_and_flatten_is_skipped():
    graph = chain(
        ("Dense", {"units": CLASSES}),
        ("Softmax", {"id": "soft"}),
        ("Reshape", {"target_shape": [CLASSES]}),
        "Flatten",
        ("Dropout", {}),
        output(),
    )
    plan = plan_model(graph, logits=True)
    assert plan.skipped == frozenset({"soft"}) and plan.params_override == {}
    assert "softmax" not in compile_graph(graph, logits=True).code
    assert "softmax" in compile_graph(graph).code
    assert notes_about_twice(graph) == {}


def test_sigmoid_moves_past_a_flatten_of_a_sequence():
    # A sigmoid acts on each value alone: flattening 4×2 to 8 changes nothing it does.
    graph = chain(
        ("Dense", {"id": "gates", "units": 2, "activation": "sigmoid"}),
        "Flatten",
        output("binary_cross_entropy"),
        input_shape=(4, 6),
    )
    assert plan_model(graph, logits=True).params_override["gates"]["activation"] == "linear"
    assert notes_about_twice(graph) == {}


def test_sigmoid_moves_past_gaussian_noise_and_permute():
    graph = chain(
        ("Dense", {"id": "gates", "units": 2, "activation": "sigmoid"}),
        ("GaussianNoise", {}),
        ("Permute", {"dims": [2, 1]}),
        "Flatten",
        output("binary_cross_entropy"),
        input_shape=(4, 6),
    )
    assert plan_model(graph, logits=True).params_override["gates"]["activation"] == "linear"
    assert notes_about_twice(graph) == {}


@pytest.mark.parametrize("layer_id", sorted(PASS_THROUGH))
def test_every_pass_through_layer_hands_on_the_values_of_the_sigmoid_before_it(layer_id):
    """Input → Sigmoid → the layer (its first example) → Flatten → Output(binary_cross_entropy):
    the training model without the sigmoid, then a sigmoid, is the model as drawn (evaluating)."""
    example = get_layer(layer_id).examples[0]
    graph = chain(
        ("Sigmoid", {"id": "squash"}),
        (layer_id, dict(example.params)),
        "Flatten",
        output("binary_cross_entropy"),
        input_shape=example.inputs[0].shape,
    )
    assert plan_model(graph, logits=True).skipped == frozenset({"squash"})
    drawn, training = compile_graph(graph).eval(), compile_graph(graph, logits=True).eval()
    training.load_state_dict(drawn.state_dict())
    x = torch.randn(3, *example.inputs[0].shape)
    torch.testing.assert_close(torch.sigmoid(training(x)), drawn(x))


def test_mse_keeps_its_softmax():
    graph = chain(softmax_dense(), ("Dropout", {}), output("mse"))
    plan = plan_model(graph, logits=True)
    assert plan.params_override == {} and plan.skipped == frozenset()
    assert notes_about_twice(graph) == {}


def test_a_softmax_one_layer_too_early_is_marked_with_its_fix():
    # Dense's scores after a softmax can be anything: no double softmax, but a softmax left one
    # layer before the end, where the class scores are made from probabilities.
    graph = chain(softmax_dense(units=6), "Dropout", ("Dense", {"units": CLASSES}), output())
    plan = plan_model(graph, logits=True)
    assert plan.params_override == {} and plan.skipped == frozenset()
    assert notes_about_twice(graph) == {}
    notes = infer_shapes(graph).nodes["scores"].notes
    assert len(notes) == 1 and "feeds dense_1, the last layer before out" in notes[0]
    assert "move it to dense_1" in notes[0]
    # A hidden softmax further inside (attention-like uses) is not the one meant here.
    deeper = chain(
        softmax_dense(units=6), ("Dense", {"units": 6}), ("Dense", {"units": CLASSES}), output()
    )
    assert not infer_shapes(deeper).nodes["scores"].notes


@pytest.mark.parametrize("name", template_names())
def test_no_template_applies_a_softmax_twice(name):
    assert notes_about_twice(load_template(name).graph) == {}


# Where it cannot be left out: a warning on the node ------------------------------------------


def test_softmax_per_time_step_then_flatten_is_kept_and_warned_about():
    # Softmax over each step's 2 values, then 8 values in a row: the loss's softmax spans all 8,
    # so leaving the model's out would change what the model computes.
    graph = chain(softmax_dense(units=2), "Flatten", output(), input_shape=(4, 6))
    plan = plan_model(graph, logits=True)
    assert plan.params_override == {} and plan.skipped == frozenset()
    assert "softmax" in compile_graph(graph, logits=True).code
    note = notes_about_twice(graph)["scores"]
    assert note.startswith("its softmax reaches the cross_entropy loss of out")
    assert "Set its activation to linear" in note
    assert infer_shapes(graph).nodes["scores"].notes == (note,)
    assert infer_shapes(graph).ok  # a warning, not a problem: the model still trains


def test_softmax_node_before_a_pooling_of_probabilities_is_warned_about():
    graph = chain(
        ("Conv2D", {"filters": CLASSES, "kernel_size": 3}),
        ("Softmax", {"id": "soft"}),
        "GlobalAveragePooling",
        output(),
        input_shape=(1, 8, 8),
    )
    assert plan_model(graph, logits=True).skipped == frozenset()
    note = notes_about_twice(graph)["soft"]
    assert note.startswith("this softmax reaches the cross_entropy loss of out")
    assert "Delete it, or move it right before out" in note


def test_softmax_that_also_feeds_another_layer_is_kept_and_warned_about():
    graph = chain(softmax_dense(), ("Dropout", {"id": "drop"}), output())
    side = graph.add_node("Dense", {"units": 2}, node_id="side").id
    regression = graph.add_node("Output", {"loss": "mse"}, node_id="value").id
    graph.connect("scores", side)
    graph.connect(side, regression)
    assert plan_model(graph, logits=True).params_override == {}  # `side` needs probabilities
    assert set(notes_about_twice(graph)) == {"scores"}


def test_summary_prints_the_warning_with_its_node():
    graph = chain(softmax_dense(units=2), "Flatten", output(), input_shape=(4, 6))
    text = format_summary(summarize(graph))
    assert "Note: scores: its softmax reaches the cross_entropy loss of out" in text


def test_the_layer_sets_name_registered_layers():
    assert PASS_THROUGH <= KEEPS_RANGE
    for layer_id in KEEPS_RANGE:
        get_layer(layer_id)  # raises for an id the registry does not know


def test_the_app_marks_the_node_and_its_tooltip_gives_the_warning(qtbot):
    from widgets.canvas.node_item import NodeItem

    graph = chain(softmax_dense(units=2), ("Flatten", {"id": "flat"}), output(), input_shape=(4, 6))
    analysis = infer_shapes(graph)
    items = {}
    for node_id in ("scores", "flat"):
        items[node_id] = NodeItem(graph.nodes[node_id])
        items[node_id].set_info(analysis.nodes[node_id])
    assert items["scores"].has_notes and not items["flat"].has_notes
    assert "⚠ its softmax reaches the cross_entropy loss of out" in items["scores"].toolTip()
