"""studio.evaluation, headless: probabilities, confusion matrix, per-class accuracy, and the
activations of every layer (including those without a module, such as Flatten)."""

import numpy as np
import pytest
import torch

from studio.compiler import compile_graph
from studio.evaluation import (
    ActivationProbe,
    class_probabilities,
    confusion_matrix,
    ends_in_probabilities,
    evaluate_classifier,
    feature_maps,
    model_inputs,
    per_class_accuracy,
    predict,
)
from studio.shapes import infer_shapes
from studio.templates import load_template


def test_confusion_matrix_counts_rows_as_truth_and_columns_as_prediction():
    truth = np.array([0, 0, 1, 2, 2, 2])
    predicted = np.array([0, 1, 1, 2, 0, 2])
    matrix = confusion_matrix(truth, predicted, 4)
    assert matrix.shape == (4, 4) and matrix.sum() == 6
    assert matrix[0].tolist() == [1, 1, 0, 0]
    assert matrix[2].tolist() == [1, 0, 2, 0]
    accuracy = per_class_accuracy(matrix)
    assert accuracy[:3] == pytest.approx([0.5, 1.0, 2 / 3])
    assert np.isnan(accuracy[3])  # a class with no test samples has no accuracy


def test_class_probabilities_from_softmax_logits_and_one_sigmoid_unit():
    softmax = np.array([[0.1, 0.9], [0.7, 0.3]], dtype=np.float32)
    assert np.allclose(class_probabilities(softmax), softmax)
    logits = np.array([[0.0, 2.0, -1.0]])
    probs = class_probabilities(logits, already=False)
    assert probs.sum() == pytest.approx(1.0) and probs.argmax() == 1
    one_unit = class_probabilities(np.array([[0.8], [0.1]]))
    assert np.allclose(one_unit, [[0.2, 0.8], [0.9, 0.1]])
    assert class_probabilities(np.array([[0.0]]), already=False).tolist() == [[0.5, 0.5]]


def test_ends_in_probabilities_follows_the_final_activation():
    project = load_template("seed-mlp")  # Dense(10, softmax) → Output(cross_entropy)
    assert ends_in_probabilities(project.graph)
    last = next(n for n in project.graph.nodes.values() if n.params.get("activation") == "softmax")
    project.graph.set_params(last.id, {"activation": "linear"})
    assert not ends_in_probabilities(project.graph)


def test_model_inputs_scales_images_and_takes_the_input_shape():
    x = torch.full((2, 1, 4, 4), 255, dtype=torch.uint8)
    out = model_inputs(x, (16,))
    assert out.shape == (2, 16) and out.dtype == torch.float32 and out.max() == 1.0
    floats = torch.ones(3, 5)
    assert torch.equal(model_inputs(floats, (5,)), floats)  # measurements are left as they are


def test_evaluate_classifier_on_an_untrained_model():
    project = load_template("seed-mlp")
    model = compile_graph(project.graph).eval()
    x = torch.randint(0, 256, (37, 1, 28, 28), dtype=torch.uint8)
    y = torch.randint(0, 10, (37,))
    result = evaluate_classifier(model, project.graph, x, y, 10, (1, 28, 28))
    assert result.probabilities.shape == (37, 10)
    assert np.allclose(result.probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert result.matrix.sum() == 37
    assert result.accuracy == pytest.approx(np.trace(result.matrix) / 37)
    assert np.allclose(result.confidence, result.probabilities.max(axis=1))
    # In batches or all at once: the same outputs.
    assert np.allclose(
        predict(model, x, (1, 28, 28), batch_size=5), predict(model, x, (1, 28, 28)), atol=1e-6
    )


def test_activation_probe_gives_every_layer_with_the_trained_weights():
    project = load_template("seed-cnn")
    model = compile_graph(project.graph).eval()
    probe = ActivationProbe(project.graph, model)
    analysis = infer_shapes(project.graph)
    x = torch.randint(0, 256, (2, 1, 28, 28), dtype=torch.uint8)
    values = probe.run(x)
    assert set(values) == set(project.graph.nodes)  # Flatten and the Input included
    for node_id, value in values.items():
        assert value.shape[1:] == analysis.nodes[node_id].output.shape, node_id
    with torch.no_grad():
        expected = model(model_inputs(x, (1, 28, 28))).numpy()
    assert np.allclose(values["output_1"], expected, atol=1e-6)
    # The probe is a separate module: the trained model is left as it was.
    assert not any(p is q for p in probe.module.parameters() for q in model.parameters())


def test_feature_maps_shape_each_kind_of_activation_for_display():
    assert feature_maps(np.zeros((100, 5, 5)), limit=64).shape == (64, 5, 5)
    assert feature_maps(np.zeros((30, 4))).shape == (1, 30, 4)  # a sequence: one map
    assert feature_maps(np.zeros(10)).shape == (1, 1, 10)
