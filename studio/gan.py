"""GANs: a generator and a discriminator drawn as one chain and trained against each other.

How a GAN lives in one project graph. It is drawn the way it works, as one chain:

    Input (noise vector) → generator layers → the generated sample → discriminator layers
        → Dense(1, sigmoid) → Output (loss binary_cross_entropy, target real_or_fake)

The Output's target `real_or_fake` is what marks a project as a GAN (`is_gan`); older projects
never use it, so they stay as they were. The generated sample is the last node on the chain that
every path from the noise to the Output passes through and whose output has the shape of a real
sample (the data set's; without a data set, an image with 1 or 3 channels). Real samples enter
the discriminator there. Drawn this way, shapes flow from the generator into the discriminator
as in any model, the whole graph compiles (to D(G(noise)), Keras' "combined" model) and exports
like any other, and its state_dict holds the weights of both parts under their node names.

`split_gan` cuts the chain into a generator graph (noise → sample, no Output) and a
discriminator graph (a new Input of the sample's shape → the Output). `GanTrainer` trains them
with the standard non-saturating losses and reports through the same TrainingState as Trainer.
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studio.augment import augment_images, augmentation_enabled
from studio.compiler import compile_graph, output_nodes
from studio.data import Dataset
from studio.devices import autocast_for, resolve_device
from studio.graph import Graph, graph_from_dict
from studio.init import keras_init
from studio.layers.base import TensorType, format_shape
from studio.messages import msg, term
from studio.project import Project, save_project
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
from studio.shapes import Analysis, infer_shapes
from studio.training import (
    BatchReport,
    EpochReport,
    TrainingError,
    TrainingResult,
    TrainingState,
    failing_plainly,
    make_optimizer,
    make_schedule,
)

GAN_TARGET = "real_or_fake"
GENERATOR_WEIGHTS = "generator.safetensors"
DISCRIMINATOR_WEIGHTS = "discriminator.safetensors"
SAMPLES_DIR = "samples"
# Adam's first-moment decay for GANs (Radford et al., DCGAN): 0.9 lets the two players'
# gradients oscillate; 0.5 damps it. Only Adam and AdamW have betas.
GAN_BETAS = (0.5, 0.999)


class GanError(TrainingError):
    """The graph is not a GAN NetStudio can train. The message says what to change."""


# The graph ----------------------------------------------------------------------------------


def is_gan(graph: Graph) -> bool:
    """Whether the project means to be a GAN: an Output judges real_or_fake."""
    return any(
        n.layer.is_output and n.params.get("target") == GAN_TARGET for n in graph.nodes.values()
    )


@dataclass(frozen=True)
class GanParts:
    generator: Graph
    discriminator: Graph
    sample_node: str
    """The node whose output is the generated sample; real samples enter right after it."""
    sample_shape: tuple[int, ...]
    noise_shape: tuple[int, ...]


def split_gan(graph: Graph, sample_shape: tuple[int, ...] | None = None) -> tuple[Graph, Graph]:
    """(generator graph, discriminator graph); GanError says why a graph is not a GAN."""
    parts = gan_parts(graph, sample_shape)
    return parts.generator, parts.discriminator


def gan_parts(graph: Graph, sample_shape: tuple[int, ...] | None = None) -> GanParts:
    """Find the generated sample in the chain and cut it there. `sample_shape` is a real
    sample's shape (the data set's); None accepts any 1- or 3-channel image."""
    head = _discriminator_head(graph)
    analysis = infer_shapes(graph)
    if not analysis.ok:
        problems = "\n".join(f"  - {p}" for p in analysis.problems)
        raise GanError(f"The model cannot be built yet:\n{problems}")
    verdict = analysis.nodes[head].output
    if graph.nodes[head].params["loss"] != "binary_cross_entropy":
        raise GanError(
            msg(
                "{head} judges real or fake, a yes/no question: set its loss to "
                "binary_cross_entropy",
                head=head,
            )
        )
    if verdict.shape != (1,):
        raise GanError(
            msg(
                "The discriminator must end in one number (how real the sample looks), but it "
                "ends in a {got}; end it with Dense(1, sigmoid) before {head}",
                got=verdict.describe(),
                head=head,
            )
        )
    needed = [n for n in analysis.order if n == head or graph.reaches(n, head)]
    noise = _noise_input(graph, analysis, needed)
    sample = _sample_node(graph, analysis, needed, noise, head, sample_shape)
    generator_ids = [n for n in needed if n == sample or graph.reaches(n, sample)]
    discriminator_ids = [n for n in needed if n != sample and graph.reaches(sample, n)]
    for what, ids in (
        (term("generator"), generator_ids),
        (term("discriminator"), discriminator_ids),
    ):
        if not sum(analysis.nodes[n].params for n in ids):
            raise GanError(
                msg(
                    "The {what} has no layer with weights, so it cannot learn; give it a Dense "
                    "or a convolution",
                    what=what,
                )
            )
    shape = analysis.nodes[sample].output
    return GanParts(
        _subgraph(graph, generator_ids),
        _discriminator_graph(graph, discriminator_ids, sample, shape),
        sample,
        shape.shape,
        analysis.nodes[noise].output.shape,
    )


def _discriminator_head(graph: Graph) -> str:
    heads = [n for n in output_nodes(graph) if graph.nodes[n].layer.is_output]
    judges = [n for n in heads if graph.nodes[n].params["target"] == GAN_TARGET]
    if not judges:
        raise GanError(
            msg(
                "This model is not a GAN: a GAN ends in an Output whose target is real_or_fake, "
                "where the discriminator says whether a sample is real or generated"
            )
        )
    if len(heads) != 1:
        raise GanError(
            msg(
                "A GAN has one Output, the discriminator's verdict, but this model has {count} "
                "({nodes}); remove the others",
                count=len(heads),
                nodes=", ".join(heads),
            )
        )
    return judges[0]


def _noise_input(graph: Graph, analysis: Analysis, needed: list[str]) -> str:
    inputs = [n for n in needed if graph.nodes[n].layer.is_input]
    if len(inputs) != 1:
        raise GanError(
            msg(
                "A GAN starts from one Input, the generator's noise vector, but this one has "
                "{count} ({nodes}); real samples need no Input of their own, they enter the "
                "discriminator where the generated sample does",
                count=len(inputs),
                nodes=", ".join(inputs),
            )
        )
    noise = analysis.nodes[inputs[0]].output
    if noise.rank != 1 or noise.is_integer:
        raise GanError(
            msg(
                "The generator starts from random numbers, so its Input must be a float vector "
                "such as [64], not a {got}",
                got=noise.describe(),
            )
        )
    return inputs[0]


def _sample_node(
    graph: Graph,
    analysis: Analysis,
    needed: list[str],
    noise: str,
    head: str,
    sample_shape: tuple[int, ...] | None,
) -> str:
    """The last node with a sample's shape that every path from the noise to `head` crosses."""

    def fits(t: TensorType) -> bool:
        if sample_shape is None:
            return t.rank == 3 and t.shape[0] in (1, 3)
        return _squeezed(t.shape) == _squeezed(tuple(sample_shape))

    candidates = [
        n
        for n in needed
        if n not in (noise, head)
        and fits(analysis.nodes[n].output)
        and not graph.reaches(noise, head, n)
    ]
    if not candidates:
        shape = format_shape(tuple(sample_shape)) if sample_shape else "C×H×W (C = 1 or 3)"
        raise GanError(
            msg(
                "Nothing between the noise and {head} has the shape of a sample ({shape}) with "
                "every connection passing through it: the generator must draw one sample of the "
                "data's shape and the discriminator start from it; end the generator in a "
                "Reshape to {target}",
                head=head,
                shape=shape,
                target=list(sample_shape) if sample_shape else "[1, 28, 28]",
            )
        )
    return candidates[-1]


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(s for s in shape if s != 1)


def _subgraph(graph: Graph, ids: list[str]) -> Graph:
    keep = set(ids)
    data = graph.to_dict()
    return graph_from_dict(
        {
            "nodes": [n for n in data["nodes"] if n["id"] in keep],
            "edges": [e for e in data["edges"] if e["from"] in keep and e["to"] in keep],
        }
    )


def _discriminator_graph(graph: Graph, ids: list[str], sample: str, shape: TensorType) -> Graph:
    # Node ids stay as they are, so each part's state_dict keys are the whole model's.
    d = _subgraph(graph, ids)
    x, y = graph.nodes[sample].position
    real = "sample" if "sample" not in graph.nodes else graph.unique_id("Input")
    d.add_node("Input", {"shape": list(shape.shape)}, (x, y), node_id=real)
    for edge in graph.outgoing(sample):
        d.connect(real, edge.target, edge.port)
    return d


# Training -----------------------------------------------------------------------------------


@dataclass
class GanBatchReport(BatchReport):
    """`loss` is the generator's, `accuracy` the discriminator's on real and generated samples."""

    d_loss: float = float("nan")


@dataclass
class GanEpochReport(EpochReport):
    """`loss` is the generator's, `accuracy` the discriminator's; there is no validation."""

    d_loss: float = float("nan")


@dataclass
class GanResult(TrainingResult):
    """`model` is the whole chain, D(G(noise)): what the project's graph compiles to."""

    generator: nn.Module | None = None
    discriminator: nn.Module | None = None
    samples: torch.Tensor | None = None
    """The last grid of generated samples, uint8 N×C×H×W."""


class GanTrainer:
    """One GAN training run of a project on an image data set (its labels are not used).
    Call `run()` once. Same arguments and state as Trainer; `on_samples(epoch, images)` is
    called after each epoch with the generator's samples for a fixed noise, uint8 N×C×H×W, which
    are also kept in `samples`.

    From the project's settings: optimizer (Adam and AdamW with betas (0.5, 0.999)), learning
    rate and schedule for both networks, batch size, epochs, weight decay, seed, weight
    initialisation, device, mixed precision, and the augmentation, which the discriminator's
    inputs get (see `_seen`). Validation split, early stopping and the L1 penalty have no
    meaning for a GAN and are ignored. `label_smoothing` (one-sided, 0 to 0.5) labels real
    samples 1 − label_smoothing for the discriminator."""

    def __init__(
        self,
        project: Project,
        data: Dataset,
        state: TrainingState | None = None,
        out_dir: str | Path | None = None,
        resume: bool = False,
        *,
        label_smoothing: float = 0.0,
        sample_count: int = 64,
    ) -> None:
        self.project = project
        self.settings = dict(project.training)
        self.data = data
        self.state = state or TrainingState()
        self.out_dir = Path(out_dir) if out_dir else None
        self.resume = resume
        if not 0 <= label_smoothing < 0.5:
            raise ValueError(f"label_smoothing must be in [0, 0.5), not {label_smoothing}")
        self.label_smoothing = label_smoothing
        self.sample_count = sample_count
        self.on_samples: Callable[[int, torch.Tensor], None] | None = None
        self.samples: list[torch.Tensor] = []
        self.device = resolve_device(self.settings["device"])
        if not isinstance(data, Dataset) or not data.is_image:
            title = getattr(data, "title", "this data set")
            raise GanError(
                msg(
                    "A GAN in NetStudio learns to draw images that fit in memory, and {title} "
                    "does not hold such images; choose an image data set such as "
                    "synthetic-shapes or fashion-mnist",
                    title=term(title, "datasets"),
                )
            )
        self.parts = gan_parts(project.graph, data.input_shape)

    # Setup --------------------------------------------------------------------------------

    def _prepare(self) -> None:
        s = self.settings
        torch.manual_seed(s["seed"])
        self.order_generator = torch.Generator().manual_seed(s["seed"])
        self.generator = compile_graph(self.parts.generator).to(self.device)
        # The discriminator trains on logits: its loss applies the final sigmoid itself.
        self.discriminator = compile_graph(self.parts.discriminator, logits=True).to(self.device)
        if s["weight_init"] == "glorot":
            keras_init(self.generator)
            keras_init(self.discriminator)
        self.g_optimizer = self._optimizer(self.generator)
        self.d_optimizer = self._optimizer(self.discriminator)
        self.schedules = [make_schedule(o, s) for o in (self.g_optimizer, self.d_optimizer)]
        self.x = self.data.x_train.to(self.device)
        self.augment = augmentation_enabled(s)
        # The same noise every epoch, so that the sample grids show the generator changing.
        fixed = torch.Generator().manual_seed(s["seed"] + 1)
        self.fixed_noise = torch.randn(
            self.sample_count, *self.parts.noise_shape, generator=fixed
        ).to(self.device)
        self.history: list[dict[str, Any]] = []
        self.start_epoch = 0
        if self.resume:
            self._load_checkpoint()

    def _optimizer(self, model: nn.Module) -> torch.optim.Optimizer:
        optimizer = make_optimizer(model, self.settings)
        for group in optimizer.param_groups:
            if "betas" in group:
                group["betas"] = GAN_BETAS
        return optimizer

    # Run ----------------------------------------------------------------------------------

    def run(self) -> GanResult:
        started = time.perf_counter()
        self.state.status = "running"
        with failing_plainly(self.state):
            self._prepare()
            status = self._epochs()
        result = self._result(status, time.perf_counter() - started)
        self._save_outputs(result)
        self.state.status = "stopped" if status == "stopped" else "finished"
        return result

    def _epochs(self) -> str:
        epochs = self.settings["epochs"]
        for epoch in range(self.start_epoch, epochs):
            t0 = time.perf_counter()
            g_loss, d_loss, d_acc, completed = self._train_epoch(epoch, epochs)
            if not completed:
                self.state.message(msg("Stopped during epoch {epoch}.", epoch=epoch + 1))
                return "stopped"
            seconds = time.perf_counter() - t0
            lr = self.g_optimizer.param_groups[0]["lr"]
            report = GanEpochReport(
                epoch + 1, epochs, g_loss, d_acc, None, None, lr, seconds, seconds, d_loss
            )
            self.history.append(asdict(report))
            for schedule, loss in zip(self.schedules, (g_loss, d_loss), strict=True):
                _step_schedule(schedule, loss)
            self._emit_samples(epoch + 1)
            self._save_checkpoint(epoch + 1)
            if self.state.on_epoch:
                self.state.on_epoch(report)
            if self.state.stop_requested:
                return "stopped"
        return "finished"

    def _train_epoch(self, epoch: int, epochs: int) -> tuple[float, float, float, bool]:
        s, n = self.settings, len(self.x)
        bs = s["batch_size"]
        batches = math.ceil(n / bs)
        self.generator.train()
        self.discriminator.train()
        sums = torch.zeros(3, device=self.device)  # generator loss, discriminator loss, correct
        seen, last_report, t0 = 0, 0.0, time.perf_counter()
        order = torch.randperm(n, generator=self.order_generator).to(self.device)
        for b in range(batches):
            if self.state.pause_requested:
                self.state.wait_while_paused()
            if self.state.stop_requested:
                return float("nan"), float("nan"), float("nan"), False
            real = self._real(order[b * bs : (b + 1) * bs])
            m = len(real)
            g_loss, d_loss, correct = self._step(real)
            sums += torch.stack([g_loss * m, d_loss * m, correct.float()])
            seen += m
            now = time.perf_counter()
            if now - last_report >= self.state.report_every_s or b == batches - 1:
                last_report = now
                g_mean, d_mean, acc = self._means(sums, seen)
                if not (math.isfinite(g_mean) and math.isfinite(d_mean)):
                    self._nan(epoch, b)
                if self.state.on_batch:
                    rate = seen / max(now - t0, 1e-9)
                    remaining = (batches - b - 1) * bs + (epochs - epoch - 1) * n
                    self.state.on_batch(
                        GanBatchReport(
                            epoch + 1,
                            b + 1,
                            batches,
                            epoch * batches + b + 1,
                            g_mean,
                            acc,
                            rate,
                            remaining / rate,
                            self.g_optimizer.param_groups[0]["lr"],
                            d_mean,
                        )
                    )
        g_mean, d_mean, acc = self._means(sums, seen)
        return g_mean, d_mean, acc, True

    def _step(self, real: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """One update of each network; (generator loss, discriminator loss, how many of the
        real and generated samples the discriminator judged right)."""
        g, d, amp = self.generator, self.discriminator, self.settings["mixed_precision"]
        noise = torch.randn(len(real), *self.parts.noise_shape, device=self.device)
        with autocast_for(self.device, amp):
            fake = g(noise)
            d_real = d(self._seen(real)).float()
            d_fake = d(self._seen(fake.detach())).float()
            real_target = torch.full_like(d_real, 1.0 - self.label_smoothing)
            d_loss = 0.5 * (
                F.binary_cross_entropy_with_logits(d_real, real_target)
                + F.binary_cross_entropy_with_logits(d_fake, torch.zeros_like(d_fake))
            )
        self.d_optimizer.zero_grad(set_to_none=True)
        d_loss.backward()
        self.d_optimizer.step()
        # Non-saturating generator loss: make D call the fakes real (−log D(G(z))), which keeps
        # strong gradients early on, when D rejects every fake with ease. D's weights are frozen
        # meanwhile: the gradient only has to pass through them.
        d.requires_grad_(False)
        try:
            with autocast_for(self.device, amp):
                judged = d(self._seen(fake)).float()
                g_loss = F.binary_cross_entropy_with_logits(judged, torch.ones_like(judged))
            self.g_optimizer.zero_grad(set_to_none=True)
            g_loss.backward()
            self.g_optimizer.step()
        finally:
            d.requires_grad_(True)
        correct = (d_real > 0).sum() + (d_fake <= 0).sum()
        return g_loss.detach(), d_loss.detach(), correct

    def _real(self, index: torch.Tensor) -> torch.Tensor:
        x = self.data.float_x(self.x[index])
        return x.reshape(len(x), *self.parts.sample_shape)

    def _seen(self, images: torch.Tensor) -> torch.Tensor:
        """What the discriminator sees: real and generated images alike go through the
        project's augmentation. It is differentiable, so the generator learns through it
        (DiffAugment, Zhao et al. 2020); noise alone is "instance noise" (Sønderby et al. 2016),
        which hides the pixel noise of real images that no generator draws from 64 numbers."""
        return augment_images(images, self.settings) if self.augment else images

    @staticmethod
    def _means(sums: torch.Tensor, seen: int) -> tuple[float, float, float]:
        g_sum, d_sum, correct = sums.tolist()
        return g_sum / seen, d_sum / seen, correct / (2 * seen)

    def _nan(self, epoch: int, batch: int) -> None:
        lr = self.settings["learning_rate"]
        raise TrainingError(
            msg(
                "A loss became NaN (not a number) in epoch {epoch}, batch {batch}: the "
                "training diverged. Lower the learning rate (now {lr:g}, try {lower:g}).",
                epoch=epoch + 1,
                batch=batch + 1,
                lr=lr,
                lower=lr / 10,
            )
        )

    @torch.no_grad()
    def generate(self, noise: torch.Tensor) -> torch.Tensor:
        """The generator's samples for `noise` as uint8 images (N×C×H×W), in eval mode."""
        self.generator.eval()
        images = self.generator(noise.to(self.device)).float()
        self.generator.train()
        images = images.reshape(len(noise), *self.parts.sample_shape)
        return images.clamp(0, 1).mul(255).round().to(torch.uint8).cpu()

    def _emit_samples(self, epoch: int) -> None:
        images = self.generate(self.fixed_noise)
        self.samples.append(images)
        if self.out_dir is not None:
            save_grid(images, self.out_dir / SAMPLES_DIR / f"epoch_{epoch:03d}.png")
        if self.on_samples:
            self.on_samples(epoch, images)

    # Files --------------------------------------------------------------------------------

    def _save_checkpoint(self, epochs_done: int) -> None:
        if self.out_dir is None:
            return
        checkpoint = {
            "epoch": epochs_done,
            "generator": self.generator.state_dict(),
            "discriminator": self.discriminator.state_dict(),
            "g_optimizer": self.g_optimizer.state_dict(),
            "d_optimizer": self.d_optimizer.state_dict(),
            "optimizer_name": self.settings["optimizer"],
            "history": self.history,
            "order_generator": self.order_generator.get_state(),
            "torch_rng": torch.get_rng_state(),
        }
        save_checkpoint(self.out_dir / CHECKPOINT_FILE, checkpoint)

    def _load_checkpoint(self) -> None:
        path = self.out_dir / CHECKPOINT_FILE if self.out_dir else None
        if path is None or not path.is_file():
            raise TrainingError(
                msg(
                    "There is no GAN checkpoint to resume from: the run stopped before its first "
                    "epoch ended; start it again without --resume"
                )
            )
        checkpoint = load_checkpoint(path)
        if "generator" not in checkpoint:
            raise TrainingError(
                msg("{path} is not the checkpoint of a GAN run; start a new run", path=path)
            )
        try:
            self.generator.load_state_dict(checkpoint["generator"])
            self.discriminator.load_state_dict(checkpoint["discriminator"])
        except RuntimeError:
            raise TrainingError(
                msg(
                    "The checkpoint does not match this GAN (its layers changed since); start a "
                    "new run"
                )
            ) from None
        if checkpoint.get("optimizer_name") == self.settings["optimizer"]:
            self.g_optimizer.load_state_dict(checkpoint["g_optimizer"])
            self.d_optimizer.load_state_dict(checkpoint["d_optimizer"])
        self.history = list(checkpoint["history"])
        self.start_epoch = int(checkpoint["epoch"])
        self.order_generator.set_state(checkpoint["order_generator"])
        torch.set_rng_state(checkpoint["torch_rng"])
        self.state.message(msg("Resumed after epoch {epoch}.", epoch=self.start_epoch))

    def _result(self, status: str, seconds: float) -> GanResult:
        weights = self._weights()
        whole = compile_graph(self.project.graph)
        whole.load_state_dict(weights)
        generator = compile_graph(self.parts.generator)
        generator.load_state_dict(_cpu(self.generator.state_dict()))
        discriminator = compile_graph(self.parts.discriminator)  # its final sigmoid kept
        discriminator.load_state_dict(_cpu(self.discriminator.state_dict()))
        return GanResult(
            model=whole.eval(),
            history=self.history,
            status=status,
            test_loss=None,
            test_accuracy=None,
            seconds=seconds,
            device=str(self.device),
            epochs_done=len(self.history),
            generator=generator.eval(),
            discriminator=discriminator.eval(),
            samples=self.samples[-1] if self.samples else None,
        )

    def _weights(self) -> dict[str, torch.Tensor]:
        """Both parts' weights under their node names: the state_dict of the whole graph."""
        return {**_cpu(self.generator.state_dict()), **_cpu(self.discriminator.state_dict())}

    def _save_outputs(self, result: GanResult) -> None:
        if self.out_dir is None:
            return
        p = self.project
        save_project(p, self.out_dir / PROJECT_FILE)
        save_weights(self.out_dir / WEIGHTS_FILE, self._weights(), p)
        # Each part on its own, with its own graph embedded: the generator alone is what is
        # exported to draw new samples (`netstudio export run/generator.safetensors ...`).
        for name, part, file in (
            ("generator", self.parts.generator, GENERATOR_WEIGHTS),
            ("discriminator", self.parts.discriminator, DISCRIMINATOR_WEIGHTS),
        ):
            sub = Project(f"{p.name} ({name})", part, dict(p.dataset), dict(p.training))
            model = result.generator if name == "generator" else result.discriminator
            save_weights(self.out_dir / file, model.state_dict(), sub)
        metrics = {
            **result.metrics(),
            "dataset": self.data.name,
            "gan": True,
            "settings": copy.deepcopy(self.settings),
        }
        write_json(self.out_dir / METRICS_FILE, metrics)


def _step_schedule(schedule: Any, monitored: float) -> None:
    if isinstance(schedule, torch.optim.lr_scheduler.ReduceLROnPlateau):
        schedule.step(monitored)
    elif schedule is not None:
        schedule.step()


def _cpu(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    return {k: v.detach().cpu() for k, v in state.items()}


def exported_part(source: str | Path) -> Path:
    """What to export of a run folder: a GAN run's generator alone (noise in, image out: what
    draws new samples), not the whole chain D(G(noise)), which only judges its own drawings.
    Any other run folder or file is exported as it is."""
    source = Path(source)
    if source.is_dir() and (source / GENERATOR_WEIGHTS).is_file():
        return source / GENERATOR_WEIGHTS
    return source


def save_grid(images: torch.Tensor, path: Path, columns: int = 8) -> None:
    """uint8 N×C×H×W images as one PNG grid with a 2-pixel gap."""
    from PIL import Image

    n, c, h, w = images.shape
    rows = math.ceil(n / columns)
    grid = torch.zeros(c, rows * (h + 2) + 2, columns * (w + 2) + 2, dtype=torch.uint8)
    for i, image in enumerate(images):
        top, left = 2 + (i // columns) * (h + 2), 2 + (i % columns) * (w + 2)
        grid[:, top : top + h, left : left + w] = image
    array = grid.permute(1, 2, 0).numpy()
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(array[:, :, 0] if c == 1 else array).save(path)


__all__ = [
    "GAN_TARGET",
    "GanBatchReport",
    "GanEpochReport",
    "GanError",
    "GanParts",
    "GanResult",
    "GanTrainer",
    "exported_part",
    "gan_parts",
    "is_gan",
    "save_grid",
    "split_gan",
]
