"""Activation curves: the values are the compiled model's, the derivatives agree with finite
differences and with the textbook formulas, and nodes report the activation they apply."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from studio.activation_curves import (
    DEFAULT_CLASSES,
    PLOTTED,
    SAMPLES,
    X_RANGE,
    ActivationChoice,
    activation_curve,
    activation_layers,
    node_activation,
)

ROOT = Path(__file__).resolve().parents[1]
STEP = 1e-6
KINKED = {"relu", "leaky_relu"}  # not differentiable at 0: compare away from it


def _finite_differences(choice: ActivationChoice, x: np.ndarray) -> np.ndarray:
    above = activation_curve(choice, x + STEP).y
    below = activation_curve(choice, x - STEP).y
    return (above - below) / (2 * STEP)


CHOICES = [
    ActivationChoice("relu"),
    ActivationChoice("leaky_relu", slope=0.2),
    ActivationChoice("sigmoid"),
    ActivationChoice("tanh"),
    ActivationChoice("gelu"),
    ActivationChoice("softmax", classes=10),
    ActivationChoice("softmax", classes=3),
]


@pytest.mark.parametrize("choice", CHOICES, ids=lambda c: f"{c.name}-{c.slope}-{c.classes}")
def test_derivative_matches_finite_differences(choice):
    curve = activation_curve(choice)
    assert curve.x.dtype == curve.y.dtype == curve.dy.dtype == np.float64
    assert len(curve.x) == SAMPLES and (curve.x[0], curve.x[-1]) == X_RANGE
    x = curve.x[np.abs(curve.x) > 10 * STEP] if choice.name in KINKED else curve.x
    expected = _finite_differences(choice, x)
    mask = np.isin(curve.x, x)
    np.testing.assert_allclose(curve.dy[mask], expected, atol=1e-6)


def test_values_and_derivatives_are_the_textbook_ones():
    x = np.linspace(-4.0, 4.0, 81)
    tanh = activation_curve(ActivationChoice("tanh"), x)
    np.testing.assert_allclose(tanh.y, np.tanh(x), atol=1e-12)
    np.testing.assert_allclose(tanh.dy, 1 - np.tanh(x) ** 2, atol=1e-12)
    sigmoid = activation_curve(ActivationChoice("sigmoid"), x)
    s = 1 / (1 + np.exp(-x))
    np.testing.assert_allclose(sigmoid.y, s, atol=1e-12)
    np.testing.assert_allclose(sigmoid.dy, s * (1 - s), atol=1e-12)
    assert sigmoid.dy.max() == pytest.approx(0.25)
    relu = activation_curve(ActivationChoice("relu"), x)
    np.testing.assert_array_equal(relu.y, np.maximum(x, 0))
    np.testing.assert_array_equal(relu.dy, (x > 0).astype(float))  # PyTorch: 0 at 0
    leaky = activation_curve(ActivationChoice("leaky_relu", slope=0.2), x)
    np.testing.assert_allclose(leaky.y, np.where(x > 0, x, 0.2 * x))
    np.testing.assert_allclose(leaky.dy, np.where(x > 0, 1.0, 0.2))
    gelu = activation_curve(ActivationChoice("gelu"), x)
    erf = np.vectorize(math.erf)
    np.testing.assert_allclose(gelu.y, x * 0.5 * (1 + erf(x / math.sqrt(2))), atol=1e-12)


@pytest.mark.parametrize("classes", [1, 2, 10])
def test_softmax_is_one_score_against_the_others_held_at_zero(classes):
    x = np.linspace(-5.0, 5.0, 41)
    curve = activation_curve(ActivationChoice("softmax", classes=classes), x)
    s = np.exp(x) / (np.exp(x) + (classes - 1))
    np.testing.assert_allclose(curve.y, s, atol=1e-12)
    np.testing.assert_allclose(curve.dy, s * (1 - s), atol=1e-12)
    if classes == 10:  # at x = 0 all ten scores are equal
        assert curve.y[20] == pytest.approx(0.1)


def test_values_come_from_the_functions_the_compiler_calls():
    x = np.linspace(-3.0, 3.0, 13)
    t = torch.tensor(x)
    expected = {
        "relu": torch.relu(t),
        "leaky_relu": torch.nn.functional.leaky_relu(t, 0.01),
        "sigmoid": torch.sigmoid(t),
        "tanh": torch.tanh(t),
        "gelu": torch.nn.functional.gelu(t),
    }
    for name, values in expected.items():
        np.testing.assert_array_equal(activation_curve(ActivationChoice(name), x).y, values)


def test_linear_and_unknown_activations_have_no_curve():
    assert "linear" not in PLOTTED
    # Every activation layer has a curve; swish and mish are choices of a layer's activation.
    assert set(PLOTTED) == set(activation_layers().values()) | {"swish", "mish"}
    for name in ("linear", "softsign"):
        with pytest.raises(ValueError, match="no curve"):
            activation_curve(ActivationChoice(name))
    with pytest.raises(ValueError, match="at least one class"):
        activation_curve(ActivationChoice("softmax", classes=0))


def test_loading_the_activation_layers_leaves_the_whole_registry_loaded():
    assert activation_layers()["LeakyReLU"] == "leaky_relu"
    # In a fresh interpreter, where nothing has loaded the registry before this module.
    code = (
        "from studio.activation_curves import node_activation\n"
        "from studio.layers.registry import get_layer\n"
        "assert node_activation('Tanh').name == 'tanh'\n"
        "get_layer('Conv2D')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_node_activation_of_activation_layers_and_activation_params():
    assert node_activation("Tanh") == ActivationChoice("tanh")
    assert node_activation("LeakyReLU", {"negative_slope": 0.2}).slope == 0.2
    # Dense and Conv apply their parameter with apply_activation's default slope.
    dense = node_activation("Dense", {"units": 10, "activation": "leaky_relu"}, (10,))
    assert dense == ActivationChoice("leaky_relu", 0.01, 10)
    assert node_activation("Dense", {"activation": "linear"}) is None
    assert node_activation("Dense", {}) is None
    assert node_activation("Flatten", {}) is None
    # Softmax's vector: the features, or an image's channels.
    assert node_activation("Dense", {"activation": "softmax"}, (10,)).classes == 10
    assert node_activation("Softmax", {}, (6, 4)).classes == 4
    assert node_activation("Conv2D", {"activation": "softmax"}, (8, 5, 5)).classes == 8
    assert node_activation("Softmax").classes == DEFAULT_CLASSES
