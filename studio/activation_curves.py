"""Activation curves for the help card: an activation's values and derivative over a range of
inputs, and which activation (if any) a node applies.

The values come from `apply_activation`, the function every compiled model calls, run eagerly
on real tensors, and the derivatives from autograd: the plot shows exactly what the model
computes (PyTorch's ReLU has derivative 0 at 0, GELU is the exact erf form), never a second,
hand-written copy that could drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from studio.compiler import resolve_function
from studio.layers.common import (
    ACTIVATIONS,
    ELU_ALPHA,
    LEAKY_RELU_SLOPE,
    apply_activation,
    feature_dim,
)
from studio.layers.registry import all_layers

PLOTTED = tuple(name for name in ACTIVATIONS if name != "linear")
"""Activations that have a curve worth plotting (linear is the identity)."""

X_RANGE = (-5.0, 5.0)
SAMPLES = 401  # an odd count puts a sample exactly on 0, where ReLU bends
CHOICE_SHAPES = {"leaky_relu": LEAKY_RELU_SLOPE, "elu": ELU_ALPHA}
"""The shape parameter (leaky_relu's slope, elu's alpha) the `activation` parameter of Dense
and Conv layers applies: apply_activation's."""
DEFAULT_CLASSES = 10
"""Softmax's vector length where the node's is unknown (the palette): ten classes, as MNIST."""


@dataclass(frozen=True)
class ActivationChoice:
    """The activation a node applies, with what shapes its curve."""

    name: str
    """One of PLOTTED: 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'gelu', 'softmax'."""
    slope: float | None = None
    """leaky_relu: the factor for negative inputs; elu: its alpha; None: the choice's own."""
    classes: int = DEFAULT_CLASSES
    """softmax: how many scores share the probability (one varies, the others stay at 0)."""


@dataclass(frozen=True)
class ActivationCurve:
    choice: ActivationChoice
    x: np.ndarray
    """Inputs, float64, increasing."""
    y: np.ndarray
    """f(x); for softmax, the varying score's probability s."""
    dy: np.ndarray
    """f′(x) by autograd; for softmax ∂s/∂x, which equals s(1 − s)."""


def activation_layers() -> dict[str, str]:
    """Activation layer id → the activation it applies ('Tanh' → 'tanh')."""
    # Imported here, after the whole registry has loaded: importing one definition module first
    # registers its layers alone, and the registry, no longer empty, would load no others.
    all_layers()
    from studio.layers.activations import ACTIVATION_LAYERS

    return dict(ACTIVATION_LAYERS)


class _EagerEmitter:
    """Runs apply_activation's function calls at once, by the names the compiler resolves."""

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return resolve_function(function)(*args, **kwargs)


def activation_curve(choice: ActivationChoice, x: np.ndarray | None = None) -> ActivationCurve:
    """Values and derivative of one activation at `x` (default: SAMPLES points over X_RANGE)."""
    if choice.name not in PLOTTED:
        raise ValueError(f"no curve for activation {choice.name!r}; expected one of {PLOTTED}")
    if choice.name == "softmax" and choice.classes < 1:
        raise ValueError(f"softmax needs at least one class, not {choice.classes}")
    xs = np.linspace(*X_RANGE, SAMPLES) if x is None else np.asarray(x, dtype=np.float64)
    varying = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    # One row per sample, the varying input in column 0: softmax works across a row, so the
    # other columns are the scores held at 0; element-wise activations need only column 0.
    width = choice.classes if choice.name == "softmax" else 1
    others = torch.zeros(len(xs), width - 1, dtype=torch.float64)
    rows = torch.cat([varying[:, None], others], dim=1)
    with torch.enable_grad():
        out = apply_activation(_EagerEmitter(), rows, choice.name, 1, choice.slope)[:, 0]
        (grad,) = torch.autograd.grad(out.sum(), varying)  # rows are independent
    return ActivationCurve(choice, xs, out.detach().numpy(), grad.numpy())


def node_activation(
    layer_id: str,
    params: Mapping[str, Any] | None = None,
    output_shape: tuple[int, ...] | None = None,
) -> ActivationChoice | None:
    """The activation a node of `layer_id` applies, or None for none (or linear).

    An Activation layer is its own activation; other layers apply their `activation`
    parameter, if they have one. `output_shape` (batch excluded), where known, gives softmax
    its vector length, taken along the axis it normalizes (an image's channels, else the last).
    """
    params = params or {}
    own = activation_layers().get(layer_id)
    name = own or params.get("activation")
    if name not in PLOTTED:
        return None
    slope = CHOICE_SHAPES.get(name)
    own_shape = params.get("negative_slope", params.get("alpha")) if own is not None else None
    if own_shape is not None:
        slope = float(own_shape)
    classes = DEFAULT_CLASSES
    if output_shape:
        batched = (1, *output_shape)  # feature_dim counts the batch axis
        classes = int(batched[feature_dim(len(output_shape))])
    return ActivationChoice(name, slope, classes)
