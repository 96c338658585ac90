"""The training loop: plain Python with a state object, so a QThread, the command line and the
tests all drive the same code.

The data set sits in memory as tensors on the training device (images as uint8) and is batched
by index: no DataLoader, no per-sample work. Stop and pause requests are checked at every batch.
Each finished epoch writes a checkpoint (weights, optimizer, scheduler, history); a stopped run
keeps its model, and `resume` continues from the last checkpoint.
"""

from __future__ import annotations

import copy
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studio.augment import augment_images, augmentation_enabled
from studio.compiler import compile_graph, output_nodes
from studio.data import Dataset, StreamingImageFolder
from studio.devices import autocast_for, resolve_device
from studio.errors import StudioError
from studio.init import keras_init
from studio.layers.base import format_shape
from studio.messages import msg, term
from studio.project import Project
from studio.runs import (
    CHECKPOINT_FILE,
    METRICS_FILE,
    PROJECT_FILE,
    WEIGHTS_FILE,
    load_checkpoint,
    save_checkpoint,
    save_weights,
    write_json,
)


class TrainingError(StudioError):
    """Training cannot go on. The message says why and what to change."""


@dataclass
class BatchReport:
    epoch: int  # 1-based
    batch: int  # 1-based within the epoch
    batches: int
    step: int  # batches since the run began
    loss: float
    accuracy: float | None
    samples_per_s: float
    eta_s: float
    learning_rate: float


@dataclass
class EpochReport:
    epoch: int
    epochs: int
    loss: float
    accuracy: float | None
    val_loss: float | None
    val_accuracy: float | None
    learning_rate: float
    seconds: float
    train_seconds: float  # the training batches alone, without validation


@dataclass
class TrainingState:
    """Progress, requests and callbacks shared between the loop and whoever watches it.

    request_stop / request_pause / resume may be called from any thread."""

    on_batch: Callable[[BatchReport], None] | None = None
    on_epoch: Callable[[EpochReport], None] | None = None
    on_message: Callable[[str], None] | None = None
    report_every_s: float = 0.1
    status: str = "idle"  # idle | running | paused | stopped | finished | failed
    _stop: threading.Event = field(default_factory=threading.Event)
    _running: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._running.set()

    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # a paused run must wake up to stop

    def request_pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def pause_requested(self) -> bool:
        return not self._running.is_set()

    def wait_while_paused(self) -> None:
        if not self._running.is_set():
            self.status = "paused"
            self.message(msg("Paused."))
            self._running.wait()
            self.status = "running"

    def message(self, text: str) -> None:
        if self.on_message:
            self.on_message(text)


@dataclass
class TrainingResult:
    model: nn.Module  # the inference model (final softmax kept), on the CPU, in eval mode
    history: list[dict[str, Any]]
    status: str  # finished | stopped | early-stopped
    test_loss: float | None
    test_accuracy: float | None
    seconds: float
    device: str
    epochs_done: int

    def metrics(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "epochs": self.epochs_done,
            "history": self.history,
            "test_loss": self.test_loss,
            "test_accuracy": self.test_accuracy,
            "wall_seconds": round(self.seconds, 2),
            "device": self.device,
        }


# What the Output node asks for ------------------------------------------------------------


@dataclass(frozen=True)
class Objective:
    loss: str  # cross_entropy | binary_cross_entropy | mse
    target: str  # labels | input
    output_shape: tuple[int, ...]

    @property
    def classifies(self) -> bool:
        return self.target == "labels" and self.loss in ("cross_entropy", "binary_cross_entropy")


@contextmanager
def failing_plainly(state: TrainingState) -> Iterator[None]:
    """Around a run's work: a failure marks the state failed, and a GPU out of memory becomes
    a message the user can act on. Shared by every trainer."""
    try:
        yield
    except TrainingError:
        state.status = "failed"
        raise
    except torch.cuda.OutOfMemoryError:
        state.status = "failed"
        raise TrainingError(
            msg("The GPU ran out of memory; lower the batch size or make the model smaller")
        ) from None


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
    if heads[0].params["target"] == "real_or_fake":
        raise TrainingError(
            msg(
                "This project is a GAN (its Output judges real or fake): it trains with the GAN "
                "trainer, which `netstudio train` picks by itself"
            )
        )
    from studio.shapes import infer_shapes

    info = infer_shapes(project.graph).nodes[heads[0].id]
    return Objective(heads[0].params["loss"], heads[0].params["target"], info.output.shape)


def check_fit(project: Project, objective: Objective, model: nn.Module, data: Dataset) -> None:
    """The data set must fit the model's Input and Output; say exactly what to change."""
    expected = model.input_types[0].shape
    title = term(data.title, "datasets")
    if _squeezed(data.input_shape) != _squeezed(expected):
        raise TrainingError(
            msg(
                "The data set {title} has samples of shape {shape}, but the model's Input "
                "expects {expected}; set the Input's shape to {wanted}",
                title=title,
                shape=format_shape(data.input_shape),
                expected=format_shape(expected),
                wanted=list(data.input_shape),
            )
        )
    if objective.target == "input":
        if objective.output_shape != expected:
            raise TrainingError(
                msg(
                    "The model reproduces its input, so it must end in {expected}, "
                    "but it ends in {shape}",
                    expected=format_shape(expected),
                    shape=format_shape(objective.output_shape),
                )
            )
        return
    if data.task == "regression":
        if objective.loss != "mse":
            raise TrainingError(
                msg(
                    "{title} holds numbers to predict (regression): set the Output's loss to mse",
                    title=title,
                )
            )
        return
    k = data.num_classes
    if objective.loss == "mse":
        raise TrainingError(
            msg(
                "{title} has {classes} classes: set the Output's loss to cross_entropy",
                title=title,
                classes=k,
            )
        )
    width = objective.output_shape[-1]
    binary_ok = objective.loss == "binary_cross_entropy" and k == 2 and width == 1
    if width != k and not binary_ok:
        raise TrainingError(
            msg(
                "The model ends in {width} outputs but {title} has {classes} classes; set the "
                "last Dense layer's units to {classes}",
                width=width,
                title=title,
                classes=k,
            )
        )


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(s for s in shape if s != 1)


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


# Optimizer and schedule -------------------------------------------------------------------


def make_optimizer(model: nn.Module, s: dict[str, Any]) -> torch.optim.Optimizer:
    params, lr, wd = list(model.parameters()), s["learning_rate"], s["weight_decay"]
    name = s["optimizer"]
    if name == "adam":
        return _fast(torch.optim.Adam, params, lr=lr, weight_decay=wd)
    if name == "adamw":
        return _fast(torch.optim.AdamW, params, lr=lr, weight_decay=wd)
    if name == "sgd":
        nesterov = s["nesterov"] and s["momentum"] > 0
        return _fast(torch.optim.SGD, params, lr=lr, momentum=s["momentum"], nesterov=nesterov,
                     weight_decay=wd)
    if name == "rmsprop":
        return _fast(torch.optim.RMSprop, params, lr=lr, momentum=s["momentum"], weight_decay=wd)
    raise TrainingError(msg("Unknown optimizer {name!r}", name=name))


def _fast(cls: type[torch.optim.Optimizer], params: list, **kwargs: Any) -> torch.optim.Optimizer:
    """The fused implementation (one kernel for all weights) where the optimizer and device
    have one, else the multi-tensor one: the per-weight Python loop dominates small models
    (fused Adam trains the seed MLP about 1.4× faster on a 2-core CPU)."""
    for flavour in ({"fused": True}, {"foreach": True}, {}):
        try:
            return cls(params, **kwargs, **flavour)
        except (RuntimeError, TypeError, ValueError):
            continue
    raise TrainingError(f"{cls.__name__} cannot optimise these weights")


def make_schedule(optimizer: torch.optim.Optimizer, s: dict[str, Any]):
    kind, gamma = s["schedule"], s["schedule_gamma"]
    if kind == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, s["schedule_step"], gamma)
    if kind == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma)
    if kind == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, max(1, s["epochs"]))
    if kind == "plateau":
        return torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=gamma, patience=1)
    return None


# The loop ---------------------------------------------------------------------------------


class _TensorSource:
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


class _StreamSource:
    """A split of an image folder too large for memory, decoded in DataLoader workers."""

    def __init__(self, folder: StreamingImageFolder, index, device: torch.device) -> None:
        self.folder, self.index, self.device = folder, index, device

    def __len__(self) -> int:
        return len(self.index)

    def batches(self, batch_size: int, generator: torch.Generator | None = None):
        workers = min(4, os.cpu_count() or 1)
        loader = self.folder.loader(batch_size, shuffle=generator is not None, workers=workers,
                                    index=self.index)
        for x, y in loader:
            yield x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)


class Trainer:
    """One training run of a project on a data set. Call `run()` once."""

    def __init__(
        self,
        project: Project,
        data: Dataset | StreamingImageFolder,
        state: TrainingState | None = None,
        out_dir: str | Path | None = None,
        resume: bool = False,
    ) -> None:
        self.project = project
        self.settings = dict(project.training)
        self.data = data
        self.state = state or TrainingState()
        self.out_dir = Path(out_dir) if out_dir else None
        self.resume = resume
        self.device = resolve_device(self.settings["device"])
        self.objective = objective_of(project)

    # Setup --------------------------------------------------------------------------------

    def _prepare(self) -> None:
        s = self.settings
        torch.manual_seed(s["seed"])
        self.generator = torch.Generator().manual_seed(s["seed"])
        self.model = compile_graph(self.project.graph, logits=True)
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
        check_fit(self.project, self.objective, self.model, self.data)
        self.input_shape = self.model.input_types[0].shape
        self.loss_fn = loss_function(self.objective)
        self.optimizer = make_optimizer(self.model, s)
        self.schedule = make_schedule(self.optimizer, s)
        self.augment = self.data.is_image and augmentation_enabled(s)
        self.train_split, self.val_split, self.test_split = self._splits()
        self.history: list[dict[str, Any]] = []
        self.start_epoch = 0
        self.best: tuple[float, dict[str, torch.Tensor]] | None = None
        self.since_best = 0
        if self.resume:
            self._load_checkpoint()

    def _splits(self) -> tuple[Any, Any | None, Any]:
        """Train, validation (or None) and test sources. As Keras, the validation part is the
        last fraction of the training data, before any shuffling."""
        streaming = isinstance(self.data, StreamingImageFolder)
        n = self.data.n_train if streaming else len(self.data.x_train)
        fraction = self.settings["validation_split"]
        n_val = int(n * fraction)
        if fraction and (n_val < 1 or n_val >= n):
            raise TrainingError(
                msg(
                    "A validation split of {fraction:g} leaves no data on one side "
                    "({n} training samples); choose a value between {low:.3f} and {high:.3f}",
                    fraction=fraction,
                    n=n,
                    low=1 / n,
                    high=1 - 1 / n,
                )
            )
        cut = n - n_val
        # The limit applies after the validation part is set aside, so a small training set
        # is still validated on as many samples as without the limit.
        used = min(cut, self.settings.get("train_limit") or cut)
        if used < cut:
            self.state.message(
                msg(
                    "Training on {used:,} of the {available:,} training samples (the Training "
                    "samples setting).",
                    used=used,
                    available=cut,
                )
            )
        if streaming:
            index, device = self.data.train_index, self.device
            return (
                _StreamSource(self.data, index[:used], device),
                _StreamSource(self.data, index[cut:], device) if n_val else None,
                _StreamSource(self.data, self.data.test_index, device),
            )
        d = self.data
        return (
            _TensorSource(d.x_train[:used], d.y_train[:used], self.device),
            _TensorSource(d.x_train[cut:], d.y_train[cut:], self.device) if n_val else None,
            _TensorSource(d.x_test, d.y_test, self.device),
        )

    def _inputs(self, x: torch.Tensor, train: bool) -> torch.Tensor:
        x = self.data.float_x(x)
        if train and self.augment:
            x = augment_images(x, self.settings, self.generator)
        x = x.reshape(x.shape[0], *self.input_shape)
        if self.channels_last and x.dim() == 4:
            x = x.contiguous(memory_format=torch.channels_last)
        return x

    def _targets(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return x if self.objective.target == "input" else y

    # Run ----------------------------------------------------------------------------------

    def run(self) -> TrainingResult:
        started = time.perf_counter()
        self.state.status = "running"
        with failing_plainly(self.state):
            self._prepare()
            status = self._epochs()
        if status == "early-stopped" and self.best is not None:
            self.model.load_state_dict(self.best[1])
        test_loss, test_acc = (
            self.evaluate(self.test_split) if len(self.test_split) else (None, None)
        )
        inference = self.inference_model()
        result = TrainingResult(
            inference, self.history, status, test_loss, test_acc,
            time.perf_counter() - started, str(self.device), len(self.history),
        )
        self._save_outputs(result)
        self.state.status = "stopped" if status == "stopped" else "finished"
        return result

    def _epochs(self) -> str:
        s = self.settings
        epochs = s["epochs"]
        for epoch in range(self.start_epoch, epochs):
            t0 = time.perf_counter()
            loss, acc, completed = self._train_epoch(epoch, epochs)
            train_seconds = time.perf_counter() - t0
            if not completed:
                self.state.message(msg("Stopped during epoch {epoch}.", epoch=epoch + 1))
                return "stopped"
            val_loss, val_acc = self.evaluate(self.val_split) if self.val_split else (None, None)
            lr = self.optimizer.param_groups[0]["lr"]
            report = EpochReport(epoch + 1, epochs, loss, acc, val_loss, val_acc, lr,
                                 time.perf_counter() - t0, train_seconds)
            self.history.append(asdict(report))
            self._step_schedule(val_loss if val_loss is not None else loss)
            stop_early = self._early_stopping(val_loss if val_loss is not None else loss)
            self._save_checkpoint(epoch + 1)
            if self.state.on_epoch:
                self.state.on_epoch(report)
            if stop_early:
                self.state.message(
                    msg(
                        "Stopped early after epoch {epoch}: no improvement for {patience} "
                        "epochs; keeping the best weights.",
                        epoch=epoch + 1,
                        patience=s["early_stopping"],
                    )
                )
                return "early-stopped"
            if self.state.stop_requested:
                return "stopped"
        return "finished"

    def _train_epoch(self, epoch: int, epochs: int) -> tuple[float, float | None, bool]:
        s, split = self.settings, self.train_split
        n, bs = len(split), s["batch_size"]
        batches = math.ceil(n / bs)
        l1 = s["l1"]
        self.model.train()
        loss_sum = torch.zeros((), device=self.device)
        correct_sum = torch.zeros((), device=self.device, dtype=torch.long)
        seen, last_report, t0 = 0, 0.0, time.perf_counter()
        for b, (xb, yb) in enumerate(split.batches(bs, self.generator)):
            if self.state.pause_requested:
                self.state.wait_while_paused()
            if self.state.stop_requested:
                return self._mean(loss_sum, seen), None, False
            inputs = self._inputs(xb, train=True)
            with autocast_for(self.device, s["mixed_precision"]):
                out = self.model(inputs)
                loss = self.loss_fn(out.float(), self._targets(inputs, yb))
                if l1:
                    loss = loss + l1 * sum(p.abs().sum() for p in self.model.parameters())
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self.optimizer.step()
            loss_sum.add_(loss.detach(), alpha=len(yb))
            correct = correct_count(self.objective, out.detach(), yb)
            if correct is not None:
                correct_sum.add_(correct)
            seen += len(yb)
            now = time.perf_counter()
            if now - last_report >= self.state.report_every_s or b == batches - 1:
                last_report = now
                mean_loss = self._mean(loss_sum, seen)
                if not math.isfinite(mean_loss):
                    self._nan(epoch, b)
                if self.state.on_batch:
                    rate = seen / max(now - t0, 1e-9)
                    remaining = (batches - b - 1) * bs + (epochs - epoch - 1) * n
                    self.state.on_batch(BatchReport(
                        epoch + 1, b + 1, batches, epoch * batches + b + 1, mean_loss,
                        correct_sum.item() / seen if correct is not None else None, rate,
                        remaining / rate, self.optimizer.param_groups[0]["lr"]))
        acc = correct_sum.item() / seen if self.objective.classifies else None
        return self._mean(loss_sum, seen), acc, True

    @staticmethod
    def _mean(total: torch.Tensor, count: int) -> float:
        return total.item() / count if count else float("nan")

    def _nan(self, epoch: int, batch: int) -> None:
        lr = self.settings["learning_rate"]
        raise TrainingError(
            msg(
                "The loss became NaN (not a number) in epoch {epoch}, batch {batch}: the "
                "training diverged. Lower the learning rate (now {lr:g}, try {lower:g}), or "
                "check the data for missing values. The last checkpoint was kept.",
                epoch=epoch + 1,
                batch=batch + 1,
                lr=lr,
                lower=lr / 10,
            )
        )

    @torch.no_grad()
    def evaluate(self, split: Any, batch_size: int = 1024) -> tuple[float, float | None]:
        self.model.eval()
        loss_sum, correct_sum, n = 0.0, 0, len(split)
        for xb, yb in split.batches(batch_size):
            inputs = self._inputs(xb, train=False)
            with autocast_for(self.device, self.settings["mixed_precision"]):
                out = self.model(inputs).float()
            loss_sum += self.loss_fn(out, self._targets(inputs, yb)).item() * len(xb)
            correct = correct_count(self.objective, out, yb)
            correct_sum += int(correct) if correct is not None else 0
        self.model.train()
        return loss_sum / n, (correct_sum / n if self.objective.classifies else None)

    def _step_schedule(self, monitored: float) -> None:
        if isinstance(self.schedule, torch.optim.lr_scheduler.ReduceLROnPlateau):
            self.schedule.step(monitored)
        elif self.schedule is not None:
            self.schedule.step()

    def _early_stopping(self, monitored: float) -> bool:
        patience = self.settings["early_stopping"]
        if not patience:
            return False
        # A change below 0.01 % is noise, not an improvement.
        if self.best is None or monitored < self.best[0] - 1e-4 * abs(self.best[0]):
            weights = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
            self.best = (monitored, weights)
            self.since_best = 0
            return False
        self.since_best += 1
        return self.since_best >= patience

    # Files --------------------------------------------------------------------------------

    def _save_checkpoint(self, epochs_done: int) -> None:
        if self.out_dir is None:
            return
        checkpoint = {
            "epoch": epochs_done,
            "model": self.model.state_dict(),
            "optimizer_name": self.settings["optimizer"],
            "optimizer": self.optimizer.state_dict(),
            "schedule": self.schedule.state_dict() if self.schedule else {},
            "history": self.history,
            "generator": self.generator.get_state(),
            "torch_rng": torch.get_rng_state(),
            "early_stopping": {"since_best": self.since_best,
                               "best": self.best[0] if self.best else None},
        }
        save_checkpoint(self.out_dir / CHECKPOINT_FILE, checkpoint)

    def _load_checkpoint(self) -> None:
        if self.out_dir is None:
            raise TrainingError(msg("Resuming needs the run folder of the stopped run"))
        path = self.out_dir / CHECKPOINT_FILE
        if not path.is_file():
            raise TrainingError(
                msg(
                    "{folder} has no checkpoint to resume from: the run stopped before its "
                    "first epoch ended; start it again without --resume",
                    folder=self.out_dir,
                )
            )
        checkpoint = load_checkpoint(path)
        try:
            self.model.load_state_dict(checkpoint["model"])
        except RuntimeError:
            raise TrainingError(
                msg(
                    "The checkpoint does not match this model (its layers changed since); start "
                    "a new run"
                )
            ) from None
        if checkpoint.get("optimizer_name") == self.settings["optimizer"]:
            self.optimizer.load_state_dict(checkpoint["optimizer"])
            for group in self.optimizer.param_groups:  # a changed learning rate applies
                group["lr"] = self.settings["learning_rate"]
        else:
            self.state.message(
                msg("The optimizer changed since the checkpoint: it starts afresh.")
            )
        if self.schedule and checkpoint.get("schedule"):
            self.schedule.load_state_dict(checkpoint["schedule"])
        self.history = list(checkpoint["history"])
        self.start_epoch = int(checkpoint["epoch"])
        self.generator.set_state(checkpoint["generator"])
        torch.set_rng_state(checkpoint["torch_rng"])
        self.since_best = checkpoint["early_stopping"]["since_best"]
        self.state.message(msg("Resumed after epoch {epoch}.", epoch=self.start_epoch))

    def inference_model(self) -> nn.Module:
        """The model as drawn (its final softmax kept), with the trained weights, on the CPU."""
        model = compile_graph(self.project.graph)
        model.load_state_dict({k: v.cpu() for k, v in self.model.state_dict().items()})
        return model.eval()

    def _save_outputs(self, result: TrainingResult) -> None:
        if self.out_dir is None:
            return
        from studio.project import save_project

        save_project(self.project, self.out_dir / PROJECT_FILE)
        save_weights(self.out_dir / WEIGHTS_FILE, result.model.state_dict(), self.project)
        metrics = {**result.metrics(), "dataset": self.data.name,
                   "settings": copy.deepcopy(self.settings)}
        write_json(self.out_dir / METRICS_FILE, metrics)


def train(
    project: Project,
    data: Dataset,
    state: TrainingState | None = None,
    out_dir: str | Path | None = None,
    resume: bool = False,
) -> TrainingResult:
    """Train the project's model on `data`; see Trainer."""
    return Trainer(project, data, state, out_dir, resume).run()
