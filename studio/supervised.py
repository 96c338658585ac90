"""Supervised learning as a task of the training loop: classification, regression and
reconstruction (an autoencoder), one model, one optimizer, the loss the Output node names.

The data set sits in memory as tensors on the training device (images as uint8) and is batched
by index: no DataLoader, no per-sample work. An image folder too large for memory streams from
disk through DataLoader workers instead, with the same batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studio.augment import augment_images, augmentation_enabled
from studio.compiler import compile_graph, output_nodes
from studio.data import Dataset, StreamingImageFolder
from studio.devices import autocast_for
from studio.feature_cache import FeatureCache, feature_cache_for
from studio.fit import DataSpec, dataset_problems, dataset_warnings
from studio.init import keras_init
from studio.messages import msg, term
from studio.project import Project
from studio.training import TrainingError, TrainingState, make_optimizer

# What the Output node asks for ------------------------------------------------------------


@dataclass(frozen=True)
class Objective:
    loss: str  # cross_entropy | binary_cross_entropy | mse
    target: str  # labels | input
    output_shape: tuple[int, ...]

    @property
    def classifies(self) -> bool:
        return self.target == "labels" and self.loss in ("cross_entropy", "binary_cross_entropy")


def objective_of(project: Project) -> Objective:
    outputs = output_nodes(project.graph)
    heads = [project.graph.nodes[o] for o in outputs if project.graph.nodes[o].layer.is_output]
    if len(heads) != 1:
        raise TrainingError(
            msg(
                "To train, the model needs exactly one Output layer (it says which loss to use); "
                "this one has {count}",
                count=len(heads),
            )
        )
    from studio.shapes import infer_shapes

    analysis = infer_shapes(project.graph)
    if not analysis.ok:
        problems = "\n".join(f"  - {p}" for p in analysis.problems)
        raise TrainingError(
            msg("The model does not fit together yet:\n{problems}", problems=problems)
        )
    info = analysis.nodes[heads[0].id]
    return Objective(heads[0].params["loss"], heads[0].params["target"], info.output.shape)


def check_fit(project: Project, data: Any) -> list[str]:
    """The data set must fit the model's Input and Output; say exactly what to change. The rule
    is studio.fit's, which the app shows in the Problems list before any run. Returns what
    fits but will train poorly (warnings, said before the first batch)."""
    spec = DataSpec(data.title, tuple(data.input_shape), data.num_classes, data.task)
    problems = dataset_problems(project.graph, spec)
    if problems:
        raise TrainingError(problems[0].message)
    return [
        msg("{node}: {warning}", node=p.node_id, warning=p.message)
        for p in dataset_warnings(project.graph, spec)
    ]


def loss_function(objective: Objective) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    # The model trains on logits (compile_graph(logits=True)); these losses apply the final
    # softmax or sigmoid themselves, numerically stable, exactly once.
    if objective.loss == "cross_entropy":
        return F.cross_entropy
    if objective.loss == "binary_cross_entropy":

        def bce(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
            if out.shape[-1] == 1 and y.dim() == 1:
                y = y.unsqueeze(-1)
            elif out.shape != y.shape:  # class ids against one score per class
                y = F.one_hot(y, out.shape[-1])
            return F.binary_cross_entropy_with_logits(out, y.to(out.dtype))

        return bce

    def mse(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return F.mse_loss(out, y.reshape(out.shape).to(out.dtype))

    return mse


def correct_count(objective: Objective, out: torch.Tensor, y: torch.Tensor) -> torch.Tensor | None:
    if not objective.classifies:
        return None
    if out.shape[-1] == 1:
        return ((out.squeeze(-1) > 0).long() == y).sum()
    return (out.argmax(-1) == y).sum()


# Where batches come from ------------------------------------------------------------------


class TensorSource:
    """A split held as tensors on the training device, batched by index."""

    def __init__(self, x: torch.Tensor, y: torch.Tensor, device: torch.device) -> None:
        self.x, self.y = x.to(device), y.to(device)
        self.device = device

    def __len__(self) -> int:
        return len(self.x)

    def batches(self, batch_size: int, generator: torch.Generator | None = None):
        n = len(self.x)
        if generator is None:
            for i in range(0, n, batch_size):
                yield self.x[i : i + batch_size], self.y[i : i + batch_size]
            return
        order = torch.randperm(n, generator=generator).to(self.device)
        for i in range(0, n, batch_size):
            idx = order[i : i + batch_size]
            yield self.x[idx], self.y[idx]


class StreamSource:
    """A split of an image folder too large for memory, decoded in DataLoader workers."""

    def __init__(self, folder: StreamingImageFolder, index, device: torch.device) -> None:
        self.folder, self.index, self.device = folder, index, device

    def __len__(self) -> int:
        return len(self.index)

    def batches(self, batch_size: int, generator: torch.Generator | None = None):
        # Workers by the cores this process may use (folder.stream_workers); the run's
        # generator draws the order, as it does for a data set in memory.
        loader = self.folder.loader(batch_size, shuffle=generator is not None,
                                    index=self.index, generator=generator)
        for x, y in loader:
            yield x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)


def training_splits(
    data: Dataset | StreamingImageFolder,
    settings: dict[str, Any],
    device: torch.device,
    say: Callable[[str], None] | None = None,
) -> tuple[Any, Any | None, Any]:
    """Train, validation (or None) and test sources. As Keras, the validation part is the
    last fraction of the training data, before any shuffling; the Training samples limit
    applies after it is set aside, so a small training set is still validated on as many
    samples as without the limit."""
    streaming = isinstance(data, StreamingImageFolder)
    n = data.n_train if streaming else len(data.x_train)
    fraction = settings["validation_split"]
    n_val = int(n * fraction)
    if fraction and (n_val < 1 or n_val >= n):
        raise TrainingError(
            msg(
                "A validation split of {fraction:g} leaves no data on one side "
                "({n} training samples); choose a value between {low:.3f} and {high:.3f}",
                fraction=fraction,
                n=n,
                low=1 / max(n, 1),
                high=1 - 1 / max(n, 1),
            )
        )
    if n - n_val < 1:
        raise TrainingError(
            msg("{title} has no training samples", title=term(data.title, "datasets"))
        )
    cut = n - n_val
    used = min(cut, settings.get("train_limit") or cut)
    if used < cut and say:
        say(
            msg(
                "Training on {used:,} of the {available:,} training samples (the Training "
                "samples setting).",
                used=used,
                available=cut,
            )
        )
    if streaming:
        index = data.train_index
        return (
            StreamSource(data, index[:used], device),
            StreamSource(data, index[cut:], device) if n_val else None,
            StreamSource(data, data.test_index, device),
        )
    return (
        TensorSource(data.x_train[:used], data.y_train[:used], device),
        TensorSource(data.x_train[cut:], data.y_train[cut:], device) if n_val else None,
        TensorSource(data.x_test, data.y_test, device),
    )


# The task ---------------------------------------------------------------------------------


class SupervisedTask:
    """One model learning the targets its Output names, with the loss it names."""

    kind = "supervised"
    early_stopping = True
    features: FeatureCache | None = None  # set by prepare where the backbone's are cached

    def __init__(
        self,
        project: Project,
        data: Dataset | StreamingImageFolder,
        settings: dict[str, Any],
        device: torch.device,
        state: TrainingState,
    ) -> None:
        self.project, self.data, self.settings, self.device = project, data, settings, device
        self.state = state
        self.objective = objective_of(project)

    def prepare(self, rng: torch.Generator) -> None:
        s = self.settings
        # The memory check counts a batch of activations as training will hold them.
        self.model = compile_graph(self.project.graph, logits=True, batch_size=s["batch_size"])
        if s["weight_init"] == "glorot":
            keras_init(self.model)
        # Channels-last tensors let oneDNN (CPU) and cuDNN (GPU) pick their fastest
        # convolution kernels: about 1.2× on the seed CNN on a 2-core CPU (bench/).
        self.channels_last = any(
            isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)) for m in self.model.modules()
        )
        self.model.to(self.device)
        if self.channels_last:
            self.model.to(memory_format=torch.channels_last)
        self.input_shape = tuple(self.model.input_types[0].shape)
        for warning in check_fit(self.project, self.data):
            self.state.message(warning)
        self.loss_fn = loss_function(self.objective)
        self.optimizers = [make_optimizer(self.model, s)]
        self.augment = self.data.is_image and augmentation_enabled(s)
        self.train_split, self.val_split, self.test_split = training_splits(
            self.data, s, self.device, self.state.message
        )
        self.l1 = s["l1"]
        self.amp = s["mixed_precision"]
        # A backbone frozen whole right after the Input, no augmentation: its features are
        # computed once, and each epoch trains the head alone on them (studio.feature_cache).
        self.features = feature_cache_for(self)

    # Training -----------------------------------------------------------------------------

    def train_samples(self) -> int:
        return len(self.train_split)

    def batches(self, batch_size: int, rng: torch.Generator) -> Iterator[Any]:
        self.model.train()
        if self.features is not None:
            return self.features.of(self.train_split).batches(batch_size, rng)
        return self.train_split.batches(batch_size, rng)

    def reset_sums(self) -> None:
        self.loss_sum = torch.zeros((), device=self.device)
        self.correct_sum = torch.zeros((), device=self.device, dtype=torch.long)

    def step(self, batch: Any, rng: torch.Generator) -> int:
        xb, yb = batch
        # Cached batches are the frozen backbone's features, the head's inputs as they are.
        inputs = xb if self.features is not None else self.model_inputs(xb, rng)
        net = self.features.head if self.features is not None else self.model
        optimizer = self.optimizers[0]
        with autocast_for(self.device, self.amp):
            out = net(inputs)
            loss = self.loss_fn(out.float(), self._targets(inputs, yb))
            if self.l1:
                loss = loss + self.l1 * sum(p.abs().sum() for p in self.model.parameters())
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        self.loss_sum.add_(loss.detach(), alpha=len(yb))
        correct = correct_count(self.objective, out.detach(), yb)
        if correct is not None:
            self.correct_sum.add_(correct)
        return len(yb)

    def read_sums(self, seen: int) -> dict[str, float | None]:
        if not seen:
            return {"loss": float("nan"), "accuracy": None}
        accuracy = self.correct_sum.item() / seen if self.objective.classifies else None
        return {"loss": self.loss_sum.item() / seen, "accuracy": accuracy}

    def model_inputs(self, x: torch.Tensor, rng: torch.Generator | None = None) -> torch.Tensor:
        """What the model is fed for a batch of stored samples `x`: floats in the model's input
        shape, on the task's device as `x` is. With `rng` (training) the project's augmentation
        is applied; without it (evaluating, measuring Normalization layers) never."""
        x = self.data.float_x(x)
        if rng is not None and self.augment:
            x = augment_images(x, self.settings, rng)
        x = x.reshape(x.shape[0], *self.input_shape)
        if self.channels_last and x.dim() == 4:
            x = x.contiguous(memory_format=torch.channels_last)
        return x

    def _targets(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return x if self.objective.target == "input" else y

    # Figures ------------------------------------------------------------------------------

    def validate(self) -> dict[str, float | None]:
        if self.val_split is None:
            return {"val_loss": None, "val_accuracy": None}
        loss, accuracy = self.evaluate(self.val_split)
        return {"val_loss": loss, "val_accuracy": accuracy}

    def monitored(self, metrics: dict[str, float | None]) -> list[float]:
        value = metrics.get("val_loss")
        return [value if value is not None else metrics["loss"]]

    def test_samples(self) -> int:
        return len(self.test_split)

    def test(self) -> dict[str, float | None]:
        loss, accuracy = self.evaluate(self.test_split)
        return {"test_loss": loss, "test_accuracy": accuracy}

    @torch.no_grad()
    def evaluate(self, split: Any, batch_size: int = 1024) -> tuple[float, float | None]:
        self.model.eval()
        loss_sum, correct_sum, n = 0.0, 0, len(split)
        net = self.model
        if self.features is not None:
            split, net = self.features.of(split), self.features.head
        for xb, yb in split.batches(batch_size):
            inputs = xb if self.features is not None else self.model_inputs(xb)
            with autocast_for(self.device, self.amp):
                out = net(inputs).float()
            loss_sum += self.loss_fn(out, self._targets(inputs, yb)).item() * len(xb)
            correct = correct_count(self.objective, out, yb)
            correct_sum += int(correct) if correct is not None else 0
        self.model.train()
        return loss_sum / n, (correct_sum / n if self.objective.classifies else None)

    # Models and files ---------------------------------------------------------------------

    def after_epoch(self, epoch: int, folder: Any) -> dict[str, Any]:
        return {}

    def models(self) -> dict[str, nn.Module]:
        return {"model": self.model}

    def weights(self) -> dict[str, torch.Tensor]:
        return {k: v.detach().cpu() for k, v in self.model.state_dict().items()}

    def inference_model(self) -> nn.Module:
        """The model as drawn (its final softmax kept), with the trained weights, on the CPU."""
        model = compile_graph(self.project.graph)
        model.load_state_dict(self.weights())
        return model.eval()

    def save_files(self, folder: Any, project: Project) -> None:
        return None

    def describe(self) -> dict[str, Any]:
        return {"samples": None}
