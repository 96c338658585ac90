"""Looking at a trained model: outputs in batches, class probabilities, the confusion matrix,
per-class accuracy, an autoencoder's reconstructions, and the activations of every layer on a
sample.

Qt-free. The app calls the batch functions from its training thread once a run ends, and the
single-sample ones (a drawing, one test image) from the GUI thread, where they take milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import fx, nn

from studio.compiler import FxEmitter, plan_model, walk_graph
from studio.graph import Graph
from studio.layers.backbone_modules import without_pretrained_files


def model_inputs(x: torch.Tensor, input_shape: tuple[int, ...]) -> torch.Tensor:
    """A batch as the network sees it: uint8 images become float32 in [0, 1] (as the trainer
    does), and each sample takes the Input's shape."""
    if x.dtype == torch.uint8:
        x = x.to(torch.float32).div_(255.0)
    return x.reshape(x.shape[0], *input_shape)


@torch.no_grad()
def predict(
    model: nn.Module,
    x: torch.Tensor,
    input_shape: tuple[int, ...],
    batch_size: int = 512,
) -> np.ndarray:
    """The model's outputs for every sample of `x`, as float32 (N, ...), computed in batches
    so that a large test set never needs one huge activation tensor."""
    model.eval()
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    parts = []
    for i in range(0, len(x), batch_size):
        batch = model_inputs(x[i : i + batch_size], input_shape).to(device)
        parts.append(model(batch).float().cpu())
    if not parts:
        return np.zeros((0,), dtype=np.float32)
    return torch.cat(parts).numpy()


def ends_in_probabilities(graph: Graph) -> bool:
    """Whether the model as drawn ends in the softmax or sigmoid its loss implies.

    The trainer leaves that activation out while training (the loss applies it); a model drawn
    without it outputs logits, and its outputs must be squashed here to read as confidences."""
    plan = plan_model(graph, logits=True)
    return bool(plan.params_override or plan.skipped)


def class_probabilities(outputs: np.ndarray, already: bool = True) -> np.ndarray:
    """(N, K) probabilities from a classifier's outputs.

    One sigmoid unit (binary cross-entropy) becomes two columns [no, yes]; `already=False`
    means the outputs are logits and get a softmax (or sigmoid) first."""
    out = np.asarray(outputs, dtype=np.float64).reshape(len(outputs), -1)
    if out.shape[1] == 1:
        p = out[:, 0] if already else 1.0 / (1.0 + np.exp(-out[:, 0]))
        return np.stack([1.0 - p, p], axis=1).astype(np.float32)
    if not already:
        out = np.exp(out - out.max(axis=1, keepdims=True))
        out /= out.sum(axis=1, keepdims=True)
    return out.astype(np.float32)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, classes: int) -> np.ndarray:
    """Counts (classes × classes): row = true class, column = predicted class."""
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.asarray(y_pred, dtype=np.int64)
    flat = np.bincount(y_true * classes + y_pred, minlength=classes * classes)
    return flat[: classes * classes].reshape(classes, classes)


def per_class_accuracy(matrix: np.ndarray) -> np.ndarray:
    """Fraction of each true class predicted right; NaN for a class with no samples."""
    totals = matrix.sum(axis=1).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(matrix) / totals, np.nan)


@dataclass
class ClassifierEvaluation:
    probabilities: np.ndarray  # (N, K) float32
    predicted: np.ndarray  # (N,) int64
    confidence: np.ndarray  # (N,) float32, the probability of the predicted class
    truth: np.ndarray  # (N,) int64
    matrix: np.ndarray  # (K, K) int64
    per_class: np.ndarray  # (K,) float64

    @property
    def accuracy(self) -> float:
        return float((self.predicted == self.truth).mean()) if len(self.truth) else float("nan")


def evaluate_classifier(
    model: nn.Module,
    graph: Graph,
    x: torch.Tensor,
    y: torch.Tensor,
    classes: int,
    input_shape: tuple[int, ...],
) -> ClassifierEvaluation:
    """Predictions, confidences and the confusion matrix of a classifier on (x, y)."""
    outputs = predict(model, x, input_shape)
    probs = class_probabilities(outputs, already=ends_in_probabilities(graph))
    predicted = probs.argmax(axis=1).astype(np.int64)
    confidence = probs[np.arange(len(probs)), predicted]
    truth = y.cpu().numpy().astype(np.int64)
    matrix = confusion_matrix(truth, predicted, max(classes, probs.shape[1]))
    return ClassifierEvaluation(
        probs, predicted, confidence, truth, matrix, per_class_accuracy(matrix)
    )


# Reconstructions ----------------------------------------------------------------------------


def reconstructs_input(graph: Graph) -> bool:
    """Whether the model learns to give back its input (an autoencoder): its Output's target is
    the input, so the question "which class?" has no answer and the results compare instead."""
    return any(
        node.layer.is_output and node.params.get("target") == "input"
        for node in graph.nodes.values()
    )


@dataclass
class Reconstructions:
    inputs: np.ndarray  # (N, ...) test samples as the data set holds them (uint8 images)
    outputs: np.ndarray  # (N, ...) the model's reconstructions, in the same form and shape
    errors: np.ndarray  # (N,) float32 mean squared error of each, on the model's scale

    @property
    def mean_error(self) -> float:
        return float(self.errors.mean()) if len(self.errors) else float("nan")


def evaluate_reconstructions(
    model: nn.Module, x: torch.Tensor, input_shape: tuple[int, ...], count: int = 96
) -> Reconstructions:
    """The model's reconstructions of the first `count` samples of `x`. For uint8 images they
    come back as uint8 images (values clipped to [0, 1] first, as a picture of them must be)."""
    x = x[:count]
    seen = model_inputs(x, input_shape).reshape(len(x), -1).numpy()
    out = predict(model, x, input_shape).reshape(len(x), -1)
    if out.shape != seen.shape:
        raise ValueError(
            f"the model gives {out.shape[1]} values per sample but its input has {seen.shape[1]}"
        )
    errors = ((out - seen) ** 2).mean(axis=1).astype(np.float32)
    shape = tuple(x.shape[1:])
    if x.dtype == torch.uint8:
        images = np.rint(np.clip(out, 0.0, 1.0) * 255).astype(np.uint8)
        return Reconstructions(x.numpy().copy(), images.reshape(len(x), *shape), errors)
    return Reconstructions(
        x.numpy().astype(np.float32), out.astype(np.float32).reshape(len(x), *shape), errors
    )


# Activations ------------------------------------------------------------------------------


class _TapEmitter(FxEmitter):
    """The compiler's emitter, also remembering which fx value each graph node produced."""

    def __init__(self) -> None:
        super().__init__()
        self.taps: dict[str, fx.Node] = {}

    def placeholder(self, name: str, tensor: Any) -> fx.Node:
        node = super().placeholder(name, tensor)
        self.taps[name] = node
        return node

    def end_node(self, node_id: str, value: Any) -> None:
        self.taps[node_id] = value


class ActivationProbe:
    """The model rebuilt so that one forward pass returns every layer's output.

    It is compiled from the same graph the trained model came from (so the submodules have the
    same names) and given the trained weights; the trained model itself is not modified. Layers
    without modules (Flatten, Add, …) are taps too, which forward hooks could not give."""

    def __init__(self, graph: Graph, trained: nn.Module) -> None:
        plan = plan_model(graph)
        emitter = _TapEmitter()
        with without_pretrained_files():  # the trained weights replace them all
            walk_graph(graph, plan, emitter)
        self.node_ids = [n for n in plan.nodes if n in emitter.taps]
        emitter.graph.output(tuple(emitter.taps[n] for n in self.node_ids))
        self.module = fx.GraphModule(emitter.root, emitter.graph, class_name="ActivationProbe")
        self.module.load_state_dict(trained.state_dict())
        self.module.eval()
        self.input_shape = plan.analysis.nodes[plan.inputs[0]].output.shape

    @torch.no_grad()
    def run(self, x: torch.Tensor) -> dict[str, np.ndarray]:
        """Every layer's output for the samples in `x` (a batch, raw as the data set holds it)."""
        values = self.module(model_inputs(x, self.input_shape))
        return {n: v.float().cpu().numpy() for n, v in zip(self.node_ids, values, strict=True)}


def feature_maps(value: np.ndarray, limit: int = 64) -> np.ndarray:
    """One sample's activation as a stack of 2-D maps (M, H, W) for display.

    C×H×W: one map per channel (up to `limit`); T×F (a sequence): one map, time across;
    a flat vector: one row; a C×L signal (Conv1D): one map."""
    a = np.asarray(value, dtype=np.float32)
    if a.ndim == 3:
        return a[:limit]
    if a.ndim == 2:
        return a[None]
    if a.ndim == 1:
        return a[None, None]
    return a.reshape(1, 1, -1)
