"""The training loop: one loop for every kind of model, plain Python with a state object, so a
QThread, the command line and the tests all drive the same code.

What is trained, and how one batch is stepped, is a task's business (studio.supervised for
classification, regression and reconstruction; studio.gan for a generator against a
discriminator). The loop alone owns what every run shares: seeding, pause and stop at any batch,
the NaN guard, throttled progress reports, learning-rate schedules, early stopping, the
checkpoint and the run folder after every epoch, and the test figures at the end.

Reports carry named metrics (`loss`, `accuracy`, `val_loss`, `g_loss`, `d_loss`, …): the
command line, the app and `metrics.json` show them by name.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import torch
from torch import nn

from studio.adapt import adapt_task
from studio.data import Dataset, StreamingImageFolder
from studio.devices import resolve_device
from studio.errors import StudioError
from studio.messages import msg
from studio.project import Project
from studio.runs.folder import EARLY_STOPPED, FAILED, FINISHED, STOPPED, RunFolder
from studio.runs.layout import CHECKPOINT_FILE, RunError
from studio.runs.storage import CHECKPOINT_FORMAT, CHECKPOINT_VERSION, load_checkpoint


class TrainingError(StudioError):
    """Training cannot go on. The message says why and what to change."""


@dataclass
class BatchReport:
    epoch: int  # 1-based
    batch: int  # 1-based within the epoch
    batches: int
    step: int  # batches since the run began
    metrics: dict[str, float | None]  # running means over the epoch so far
    samples_per_s: float
    eta_s: float
    learning_rate: float

    @property
    def loss(self) -> float | None:
        return self.metrics.get("loss", self.metrics.get("g_loss"))

    @property
    def accuracy(self) -> float | None:
        return self.metrics.get("accuracy")

    def as_dict(self) -> dict[str, Any]:
        """Plain numbers, metrics by name at the top level (what crosses threads)."""
        return {
            "epoch": self.epoch, "batch": self.batch, "batches": self.batches,
            "step": self.step, **self.metrics, "samples_per_s": self.samples_per_s,
            "eta_s": self.eta_s, "learning_rate": self.learning_rate,
        }


@dataclass
class EpochReport:
    epoch: int
    epochs: int
    metrics: dict[str, float | None]  # training and validation figures by name
    learning_rate: float
    seconds: float
    train_seconds: float  # the training batches alone, without validation
    extras: dict[str, Any] = field(default_factory=dict)  # not kept in the history (samples)

    def __getattr__(self, name: str) -> Any:
        # report.loss, report.val_accuracy, report.d_loss: the metric of that name
        metrics = self.__dict__.get("metrics", {})
        if name in metrics:
            return metrics[name]
        raise AttributeError(name)

    def record(self) -> dict[str, Any]:
        """The history entry: the epoch's numbers, metrics by name."""
        return {
            "epoch": self.epoch, "epochs": self.epochs, **self.metrics,
            "learning_rate": self.learning_rate, "seconds": self.seconds,
            "train_seconds": self.train_seconds,
        }


@dataclass
class TrainingState:
    """Progress, requests and callbacks shared between a run and whoever watches it.

    request_stop / request_pause / resume may be called from any thread."""

    on_batch: Callable[[BatchReport], None] | None = None
    on_epoch: Callable[[EpochReport], None] | None = None
    on_message: Callable[[str], None] | None = None
    # From the run pipeline: what the run trains on, once known (a dict of plain values), and
    # how many test samples are being evaluated after the last batch.
    on_started: Callable[[dict[str, Any]], None] | None = None
    on_evaluating: Callable[[int], None] | None = None
    # While the data set loads: download progress (message, done bytes, total bytes), then the
    # data set and the note about it (a stand-in, a streamed folder), for a watcher's cache.
    on_progress: Callable[[str, int, int], None] | None = None
    on_data: Callable[[Any, str], None] | None = None
    report_every_s: float = 0.1
    status: str = "idle"  # idle | running | paused | evaluating | stopped | finished | failed
    _stop: threading.Event = field(default_factory=threading.Event)
    _running: threading.Event = field(default_factory=threading.Event)
    _abandoned: bool = False

    def __post_init__(self) -> None:
        self._running.set()

    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # a paused run must wake up to stop

    def abandon(self) -> None:
        """Stop, and skip the work done only for someone watching (the window is closing)."""
        self._abandoned = True
        self.request_stop()

    @property
    def abandoned(self) -> bool:
        return self._abandoned

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
            if not self.stop_requested:
                self.message(msg("Resumed."))

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
    samples: torch.Tensor | None = None  # a GAN's last grid of samples, uint8 N×C×H×W

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


class Task(Protocol):
    """What the loop trains. See studio.supervised.SupervisedTask and studio.gan.GanTask."""

    kind: str  # recorded in checkpoints: "supervised" | "gan"
    optimizers: list[torch.optim.Optimizer]
    early_stopping: bool  # whether early stopping has a meaning for this task

    def prepare(self, rng: torch.Generator) -> None: ...
    def train_samples(self) -> int: ...
    def batches(self, batch_size: int, rng: torch.Generator) -> Iterator[Any]: ...
    def reset_sums(self) -> None: ...
    def step(self, batch: Any, rng: torch.Generator) -> int: ...
    def read_sums(self, seen: int) -> dict[str, float | None]: ...
    def validate(self) -> dict[str, float | None]: ...
    def monitored(self, metrics: dict[str, float | None]) -> list[float]: ...
    def after_epoch(self, epoch: int, folder: RunFolder | None) -> dict[str, Any]: ...
    def models(self) -> dict[str, nn.Module]: ...
    def test_samples(self) -> int: ...
    def test(self) -> dict[str, float | None]: ...
    def weights(self) -> dict[str, torch.Tensor]: ...
    def inference_model(self) -> nn.Module: ...
    def save_files(self, folder: RunFolder, project: Project) -> None: ...
    def describe(self) -> dict[str, Any]: ...


def task_for(
    project: Project,
    data: Dataset | StreamingImageFolder,
    settings: dict[str, Any],
    device: torch.device,
    state: TrainingState,
    **options: Any,
) -> Task:
    """The task a project's graph asks for: a GAN when its Output judges real or fake, else
    supervised learning (classification, regression or reconstruction)."""
    from studio.gan import GanTask, is_gan
    from studio.supervised import SupervisedTask

    if is_gan(project.graph):
        return GanTask(project, data, settings, device, state, **options)
    return SupervisedTask(project, data, settings, device, state, **options)


@contextmanager
def failing_plainly(state: TrainingState) -> Iterator[None]:
    """Around a run's work: a failure marks the state failed, and a GPU out of memory becomes
    a message the user can act on."""
    try:
        yield
    except StudioError:
        state.status = "failed"
        raise
    except torch.cuda.OutOfMemoryError:
        state.status = "failed"
        raise TrainingError(
            msg("The GPU ran out of memory; lower the batch size or make the model smaller")
        ) from None


# Optimizer and schedule -------------------------------------------------------------------


def parameter_groups(model: nn.Module, lr: float) -> list[dict[str, Any]]:
    """The weights training changes, grouped by learning rate. Frozen weights (requires_grad
    off, such as a pretrained backbone's) are left out; the weights of a module with an
    `lr_factor` attribute (a backbone being fine-tuned) train at lr × lr_factor."""
    factors: dict[int, float] = {}
    for module in model.modules():
        factor = getattr(module, "lr_factor", None)
        if factor is not None:
            for p in module.parameters():
                factors.setdefault(id(p), float(factor))  # the outermost module's factor
    groups: dict[float, list[nn.Parameter]] = {}
    for p in model.parameters():
        if p.requires_grad:
            groups.setdefault(factors.get(id(p), 1.0), []).append(p)
    if list(groups) in ([], [1.0]):
        return [{"params": ps} for ps in groups.values()]  # plain: the optimizer's own lr
    return [{"params": ps, "lr": lr * f} for f, ps in groups.items()]


def make_optimizer(model: nn.Module, s: dict[str, Any]) -> torch.optim.Optimizer:
    lr, wd = s["learning_rate"], s["weight_decay"]
    params = parameter_groups(model, lr)
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


def step_schedule(schedule: Any, monitored: float) -> None:
    if isinstance(schedule, torch.optim.lr_scheduler.ReduceLROnPlateau):
        schedule.step(monitored)
    elif schedule is not None:
        schedule.step()


# The loop ---------------------------------------------------------------------------------


class Trainer:
    """One training run of a project on a data set. Call `run()` once.

    `out_dir` (a folder, or a RunFolder the run pipeline prepared) receives the project and the
    run record before the first batch, and the weights, checkpoint and metrics after each
    epoch. `record` adds to the run record (the pipeline's data set options and limits).
    `task_options` go to the task (a GAN's `sample_count`, `label_smoothing`)."""

    def __init__(
        self,
        project: Project,
        data: Dataset | StreamingImageFolder,
        state: TrainingState | None = None,
        out_dir: str | Path | RunFolder | None = None,
        resume: bool = False,
        *,
        record: dict[str, Any] | None = None,
        **task_options: Any,
    ) -> None:
        self.project = project
        self.settings = dict(project.training)
        self.data = data
        self.state = state or TrainingState()
        if isinstance(out_dir, RunFolder) or out_dir is None:
            self.folder = out_dir
        else:
            self.folder = RunFolder(out_dir)
        self.resume = resume
        self.record = record if record is not None else {"dataset": {"name": data.name}}
        self.device = resolve_device(self.settings["device"])
        self.task = task_for(project, data, self.settings, self.device, self.state,
                             **task_options)
        self.history: list[dict[str, Any]] = []
        self.start_epoch = 0
        self.started_info: dict[str, Any] = {}  # what the pipeline adds to on_started

    # Run ----------------------------------------------------------------------------------

    def run(self) -> TrainingResult:
        started = time.perf_counter()
        self.state.status = "running"
        try:
            with failing_plainly(self.state):
                if self.folder is not None and not self.folder.locked:
                    note = self.folder.acquire()
                    if note:
                        self.state.message(note)
                self._prepare()
                self._begin_folder()
                self._announce()
                status = self._epochs()
                if status == EARLY_STOPPED and self.best is not None:
                    self._load_models(self.best[1])
                test = self._test()
                result = self._result(status, test, time.perf_counter() - started)
                if self.folder is not None:
                    self.folder.save_final(self.task.weights(), self.project,
                                           self._metrics(result))
                    self.task.save_files(self.folder, self.project)
        except StudioError as exc:
            if self.folder is not None:
                self.folder.finish(FAILED, str(exc))
            raise
        except KeyboardInterrupt:
            # Ctrl-C twice: the record says so; the last checkpoint stays for a resume.
            if self.folder is not None:
                self.folder.finish(STOPPED, msg("Interrupted."))
            raise
        except Exception as exc:
            # A bug, not the user's doing: recorded, and raised on as it was for a report.
            if self.folder is not None:
                self.folder.finish(FAILED, f"{type(exc).__name__}: {exc}")
            raise
        if self.folder is not None:
            self.folder.finish(status)
        self.state.status = "stopped" if status == STOPPED else "finished"
        return result

    def _prepare(self) -> None:
        seed = self.settings["seed"]
        torch.manual_seed(seed)
        self.rng = torch.Generator().manual_seed(seed)
        self.task.prepare(self.rng)
        self.schedules = [make_schedule(o, self.settings) for o in self.task.optimizers]
        self.best: tuple[float, dict[str, dict[str, torch.Tensor]]] | None = None
        self.since_best = 0
        if self.resume:
            self._load_checkpoint()
        if self.start_epoch == 0:  # a fresh start; a resumed run's statistics are in its weights
            adapt_task(self.task, self.settings, self.state)

    def _announce(self) -> None:
        if self.state.on_started:
            val = getattr(self.task, "val_split", None)
            self.state.on_started({
                **self.started_info,
                "samples": self.task.train_samples(),
                "validation": len(val) if val is not None else 0,
                "test": self.task.test_samples(),
                "device": str(self.device),
                "epochs": self.settings["epochs"],
                "start_epoch": self.start_epoch,
                "task": self.task.kind,
            })

    def _begin_folder(self) -> None:
        if self.folder is None:
            return
        parameters = sum(p.numel() for m in self.task.models().values() for p in m.parameters())
        self.folder.check_room(parameters)
        self.folder.begin(
            self.project,
            {
                **self.record,
                "task": self.task.kind,
                "seed": self.settings["seed"],
                "settings": dict(self.settings),
                "device": str(self.device),
                "parameters": parameters,
            },
        )

    def _epochs(self) -> str:
        epochs = self.settings["epochs"]
        for epoch in range(self.start_epoch, epochs):
            t0 = time.perf_counter()
            metrics, completed = self._train_epoch(epoch, epochs)
            train_seconds = time.perf_counter() - t0
            if not completed:
                self.state.message(msg("Stopped during epoch {epoch}.", epoch=epoch + 1))
                return STOPPED
            metrics.update(self.task.validate())
            lr = self.task.optimizers[0].param_groups[0]["lr"]
            monitored = self.task.monitored(metrics)
            for schedule, value in zip(self.schedules, monitored, strict=True):
                step_schedule(schedule, value)
            stop_early = self._early_stopping(monitored[0])
            extras = self.task.after_epoch(epoch + 1, self.folder)
            report = EpochReport(epoch + 1, epochs, metrics, lr, time.perf_counter() - t0,
                                 train_seconds, extras)
            self.history.append(report.record())
            self._save_epoch(epoch + 1)
            if self.state.on_epoch:
                self.state.on_epoch(report)
            if stop_early:
                self.state.message(
                    msg(
                        "Stopped early after epoch {epoch}: no improvement for {patience} "
                        "epochs; keeping the best weights.",
                        epoch=epoch + 1,
                        patience=self.settings["early_stopping"],
                    )
                )
                return EARLY_STOPPED
            if self.state.stop_requested:
                return STOPPED
        return FINISHED

    def _train_epoch(self, epoch: int, epochs: int) -> tuple[dict[str, float | None], bool]:
        task, state = self.task, self.state
        n, bs = task.train_samples(), self.settings["batch_size"]
        batches = math.ceil(n / bs)
        task.reset_sums()
        seen, last_report, t0 = 0, 0.0, time.perf_counter()
        for b, batch in enumerate(task.batches(bs, self.rng)):
            if state.pause_requested:
                state.wait_while_paused()
            if state.stop_requested:
                return task.read_sums(seen), False
            seen += task.step(batch, self.rng)
            now = time.perf_counter()
            if now - last_report >= state.report_every_s or b == batches - 1:
                last_report = now
                means = task.read_sums(seen)
                if not all(v is None or math.isfinite(v) for v in means.values()):
                    self._nan(epoch, b)
                if state.on_batch:
                    rate = seen / max(now - t0, 1e-9)
                    remaining = (batches - b - 1) * bs + (epochs - epoch - 1) * n
                    state.on_batch(BatchReport(
                        epoch + 1, b + 1, batches, epoch * batches + b + 1, means, rate,
                        remaining / rate, task.optimizers[0].param_groups[0]["lr"]))
        return task.read_sums(seen), True

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

    def _early_stopping(self, monitored: float) -> bool:
        patience = self.settings["early_stopping"]
        if not patience or not self.task.early_stopping:
            return False
        # A change below 0.01 % is noise, not an improvement.
        if self.best is None or monitored < self.best[0] - 1e-4 * abs(self.best[0]):
            weights = {
                name: {k: v.detach().clone() for k, v in m.state_dict().items()}
                for name, m in self.task.models().items()
            }
            self.best = (monitored, weights)
            self.since_best = 0
            return False
        self.since_best += 1
        return self.since_best >= patience

    def _load_models(self, states: dict[str, dict[str, torch.Tensor]]) -> None:
        for name, model in self.task.models().items():
            model.load_state_dict(states[name])

    def _test(self) -> dict[str, float | None]:
        count = self.task.test_samples()
        if not count or self.state.abandoned:
            return {}
        self.state.status = "evaluating"
        if self.state.on_evaluating:
            self.state.on_evaluating(count)
        return self.task.test()

    def _result(self, status: str, test: dict[str, float | None], seconds: float):
        extras = self.task.describe()
        return TrainingResult(
            self.task.inference_model(), self.history, status, test.get("test_loss"),
            test.get("test_accuracy"), seconds, str(self.device), len(self.history),
            extras.get("samples"),
        )

    # Files --------------------------------------------------------------------------------

    def _metrics(self, result: TrainingResult | None = None) -> dict[str, Any]:
        base = result.metrics() if result is not None else {
            "status": "running", "epochs": len(self.history), "history": self.history,
            "test_loss": None, "test_accuracy": None, "device": str(self.device),
        }
        return {**base, "task": self.task.kind, "dataset": self.data.name,
                "settings": dict(self.settings)}

    def _save_epoch(self, epochs_done: int) -> None:
        if self.folder is None:
            return
        checkpoint = {
            "format": CHECKPOINT_FORMAT,
            "version": CHECKPOINT_VERSION,
            "task": self.task.kind,
            "epoch": epochs_done,
            "history": self.history,
            "models": {name: m.state_dict() for name, m in self.task.models().items()},
            "optimizer_name": self.settings["optimizer"],
            "optimizers": [o.state_dict() for o in self.task.optimizers],
            "schedules": [s.state_dict() if s else {} for s in self.schedules],
            "rng": {"torch": torch.get_rng_state(), "order": self.rng.get_state()},
            "early_stopping": {"since_best": self.since_best,
                               "best": self.best[0] if self.best else None},
        }
        self.folder.save_epoch(checkpoint, self.task.weights(), self.project, self._metrics())
        self.task.save_files(self.folder, self.project)

    def _load_checkpoint(self) -> None:
        if self.folder is None:
            raise TrainingError(msg("Resuming needs the run folder of the stopped run"))
        path = self.folder.path / CHECKPOINT_FILE
        if not path.is_file():
            self.state.message(
                msg("{folder} has no checkpoint yet (the run ended during its first epoch): "
                    "training starts from the first epoch.", folder=str(self.folder.path))
            )
            return
        checkpoint = load_checkpoint(path)
        if checkpoint["task"] != self.task.kind or set(checkpoint["models"]) != set(
            self.task.models()
        ):
            raise TrainingError(
                msg("{path} is the checkpoint of another kind of model; start a new run",
                    path=str(path))
            )
        try:
            self._load_models(checkpoint["models"])
        except RuntimeError:
            raise TrainingError(
                msg(
                    "The checkpoint does not match this model (its layers changed since); start "
                    "a new run"
                )
            ) from None
        self._load_optimizers(checkpoint, path)
        self.history = list(checkpoint["history"])
        self.start_epoch = checkpoint["epoch"]
        try:
            self.rng.set_state(checkpoint["rng"]["order"])
            torch.set_rng_state(checkpoint["rng"]["torch"])
        except RuntimeError:
            raise RunError(
                msg("{path} is damaged: its random number state cannot be restored",
                    path=str(path))
            ) from None
        since_best = checkpoint["early_stopping"].get("since_best", 0)
        self.since_best = since_best if isinstance(since_best, int) else 0
        self.state.message(msg("Resumed after epoch {epoch}.", epoch=self.start_epoch))

    def _load_optimizers(self, checkpoint: dict[str, Any], path: Path) -> None:
        if checkpoint["optimizer_name"] != self.settings["optimizer"]:
            self.state.message(
                msg("The optimizer changed since the checkpoint: it starts afresh.")
            )
            return
        saved = checkpoint["optimizers"]
        if len(saved) != len(self.task.optimizers):
            raise RunError(msg("{path} is damaged: its optimizer state does not fit",
                               path=str(path)))
        try:
            for optimizer, state in zip(self.task.optimizers, saved, strict=True):
                optimizer.load_state_dict(state)
                for group in optimizer.param_groups:  # a changed learning rate applies
                    group["lr"] = self.settings["learning_rate"]
            for schedule, state in zip(self.schedules, checkpoint["schedules"], strict=False):
                if schedule is not None and state:
                    schedule.load_state_dict(state)
        except (ValueError, KeyError, TypeError, RuntimeError, IndexError):
            raise RunError(
                msg("{path} is damaged: its optimizer state does not fit this model",
                    path=str(path))
            ) from None


def train(
    project: Project,
    data: Dataset | StreamingImageFolder,
    state: TrainingState | None = None,
    out_dir: str | Path | None = None,
    resume: bool = False,
    **task_options: Any,
) -> TrainingResult:
    """Train the project's model on `data`; see Trainer."""
    return Trainer(project, data, state, out_dir, resume, **task_options).run()
