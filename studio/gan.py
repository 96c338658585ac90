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
discriminator graph (a new Input of the sample's shape → the Output). `GanTask` trains them
with the standard non-saturating losses, as a task of the one training loop (studio.training).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studio.augment import augment_images, augmentation_enabled
from studio.compiler import compile_graph, output_nodes
from studio.data import Dataset
from studio.devices import autocast_for
from studio.graph import Graph, graph_from_dict
from studio.init import keras_init
from studio.layers.base import TensorType, format_shape
from studio.messages import msg, term
from studio.project import Project
from studio.runs.folder import write_failure
from studio.runs.storage import save_weights
from studio.shapes import Analysis, infer_shapes
from studio.training import TrainingError, make_optimizer

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


class GanTask:
    """A GAN as a task of the training loop: on an image data set that fits in memory (its
    labels are not used), a generator and a discriminator, each with its own optimizer, trained
    against each other with the standard non-saturating losses.

    Metrics: `g_loss` (the generator's), `d_loss` (the discriminator's) and `d_accuracy` (how
    many real and generated samples the discriminator judges right). After each epoch the
    generator draws a grid of samples for a fixed noise (`samples`, uint8 N×C×H×W), saved as
    `samples/epoch_NNN.png` in the run folder and passed on in the epoch report's extras.

    From the project's settings: optimizer (Adam and AdamW with betas (0.5, 0.999)), learning
    rate and schedule for both networks, batch size, epochs, weight decay, seed, weight
    initialisation, device, mixed precision, and the augmentation, which the discriminator's
    inputs get (see `_seen`). Validation split, early stopping and the L1 penalty have no
    meaning for a GAN and are ignored. `label_smoothing` (one-sided, 0 to 0.5) labels real
    samples 1 − label_smoothing for the discriminator."""

    kind = "gan"
    early_stopping = False

    def __init__(
        self,
        project: Project,
        data: Any,
        settings: dict[str, Any],
        device: torch.device,
        state: Any,
        *,
        label_smoothing: float = 0.0,
        sample_count: int = 64,
    ) -> None:
        self.project, self.data, self.settings, self.device = project, data, settings, device
        if not 0 <= label_smoothing < 0.5:
            raise ValueError(f"label_smoothing must be in [0, 0.5), not {label_smoothing}")
        self.label_smoothing = label_smoothing
        self.sample_count = sample_count
        self.samples: list[torch.Tensor] = []
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
        limit = settings.get("train_limit")
        self.x_cpu = data.x_train[:limit] if limit else data.x_train
        if not len(self.x_cpu):
            raise GanError(msg("{title} has no training samples", title=term(data.title,
                                                                             "datasets")))

    def prepare(self, rng: torch.Generator) -> None:
        s = self.settings
        bs = s["batch_size"]
        self.generator = compile_graph(self.parts.generator, batch_size=bs).to(self.device)
        # The discriminator trains on logits: its loss applies the final sigmoid itself.
        self.discriminator = compile_graph(self.parts.discriminator, logits=True,
                                           batch_size=bs).to(self.device)
        if s["weight_init"] == "glorot":
            keras_init(self.generator)
            keras_init(self.discriminator)
        self.optimizers = [self._optimizer(self.generator), self._optimizer(self.discriminator)]
        self.x = self.x_cpu.to(self.device)
        self.augment = augmentation_enabled(s)
        # The same noise every epoch, so that the sample grids show the generator changing.
        fixed = torch.Generator().manual_seed(s["seed"] + 1)
        self.fixed_noise = torch.randn(
            self.sample_count, *self.parts.noise_shape, generator=fixed
        ).to(self.device)

    def _optimizer(self, model: nn.Module) -> torch.optim.Optimizer:
        optimizer = make_optimizer(model, self.settings)
        for group in optimizer.param_groups:
            if "betas" in group:
                group["betas"] = GAN_BETAS
        return optimizer

    # Training -----------------------------------------------------------------------------

    def train_samples(self) -> int:
        return len(self.x)

    def batches(self, batch_size: int, rng: torch.Generator):
        self.generator.train()
        self.discriminator.train()
        order = torch.randperm(len(self.x), generator=rng).to(self.device)
        for i in range(0, len(order), batch_size):
            yield self.real_batch(order[i : i + batch_size])

    def reset_sums(self) -> None:
        self.sums = torch.zeros(3, device=self.device)  # g loss, d loss, correct judgements

    def step(self, real: torch.Tensor, rng: torch.Generator) -> int:
        g_loss, d_loss, correct = self._step(real)
        m = len(real)
        self.sums += torch.stack([g_loss * m, d_loss * m, correct.float()])
        return m

    def read_sums(self, seen: int) -> dict[str, float | None]:
        if not seen:
            nan = float("nan")
            return {"g_loss": nan, "d_loss": nan, "d_accuracy": nan}
        g_sum, d_sum, correct = self.sums.tolist()
        return {"g_loss": g_sum / seen, "d_loss": d_sum / seen, "d_accuracy": correct / (2 * seen)}

    def _step(self, real: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """One update of each network; (generator loss, discriminator loss, how many of the
        real and generated samples the discriminator judged right)."""
        g, d, amp = self.generator, self.discriminator, self.settings["mixed_precision"]
        g_optimizer, d_optimizer = self.optimizers
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
        d_optimizer.zero_grad(set_to_none=True)
        d_loss.backward()
        d_optimizer.step()
        # Non-saturating generator loss: make D call the fakes real (−log D(G(z))), which keeps
        # strong gradients early on, when D rejects every fake with ease. D's weights are frozen
        # meanwhile: the gradient only has to pass through them.
        d.requires_grad_(False)
        try:
            with autocast_for(self.device, amp):
                judged = d(self._seen(fake)).float()
                g_loss = F.binary_cross_entropy_with_logits(judged, torch.ones_like(judged))
            g_optimizer.zero_grad(set_to_none=True)
            g_loss.backward()
            g_optimizer.step()
        finally:
            d.requires_grad_(True)
        correct = (d_real > 0).sum() + (d_fake <= 0).sum()
        return g_loss.detach(), d_loss.detach(), correct

    def real_batch(self, index: torch.Tensor) -> torch.Tensor:
        """The training images at `index` (on the task's device) as floats in the
        discriminator's input shape, before any augmentation."""
        x = self.data.float_x(self.x[index])
        return x.reshape(len(x), *self.parts.sample_shape)

    def _seen(self, images: torch.Tensor) -> torch.Tensor:
        """What the discriminator sees: real and generated images alike go through the
        project's augmentation. It is differentiable, so the generator learns through it
        (DiffAugment, Zhao et al. 2020); noise alone is "instance noise" (Sønderby et al. 2016),
        which hides the pixel noise of real images that no generator draws from 64 numbers."""
        return augment_images(images, self.settings) if self.augment else images

    # Figures ------------------------------------------------------------------------------

    def validate(self) -> dict[str, float | None]:
        return {}

    def monitored(self, metrics: dict[str, float | None]) -> list[float]:
        return [metrics["g_loss"], metrics["d_loss"]]

    def test_samples(self) -> int:
        return 0

    def test(self) -> dict[str, float | None]:
        return {}

    @torch.no_grad()
    def generate(self, noise: torch.Tensor) -> torch.Tensor:
        """The generator's samples for `noise` as uint8 images (N×C×H×W), in eval mode."""
        self.generator.eval()
        images = self.generator(noise.to(self.device)).float()
        self.generator.train()
        images = images.reshape(len(noise), *self.parts.sample_shape)
        return images.clamp(0, 1).mul(255).round().to(torch.uint8).cpu()

    def after_epoch(self, epoch: int, folder: Any) -> dict[str, Any]:
        images = self.generate(self.fixed_noise)
        self.samples.append(images)
        if folder is not None:
            try:
                save_grid(images, folder.path / SAMPLES_DIR / f"epoch_{epoch:03d}.png")
            except OSError as exc:
                raise write_failure(folder.path / SAMPLES_DIR, exc) from None
        return {"samples": images}

    # Models and files ---------------------------------------------------------------------

    def models(self) -> dict[str, nn.Module]:
        return {"generator": self.generator, "discriminator": self.discriminator}

    def weights(self) -> dict[str, torch.Tensor]:
        """Both parts' weights under their node names: the state_dict of the whole graph."""
        return {**_cpu(self.generator.state_dict()), **_cpu(self.discriminator.state_dict())}

    def inference_model(self) -> nn.Module:
        """The whole chain, D(G(noise)): what the project's graph compiles to."""
        whole = compile_graph(self.project.graph)
        whole.load_state_dict(self.weights())
        return whole.eval()

    def part_models(self) -> tuple[nn.Module, nn.Module]:
        """The generator and the discriminator (its final sigmoid kept), trained, on the CPU."""
        generator = compile_graph(self.parts.generator)
        generator.load_state_dict(_cpu(self.generator.state_dict()))
        discriminator = compile_graph(self.parts.discriminator)
        discriminator.load_state_dict(_cpu(self.discriminator.state_dict()))
        return generator.eval(), discriminator.eval()

    def save_files(self, folder: Any, project: Project) -> None:
        # Each part on its own, with its own graph embedded: the generator alone is what is
        # exported to draw new samples (`netstudio export run/generator.safetensors ...`).
        p = project
        for name, part, file, model in (
            ("generator", self.parts.generator, GENERATOR_WEIGHTS, self.generator),
            ("discriminator", self.parts.discriminator, DISCRIMINATOR_WEIGHTS,
             self.discriminator),
        ):
            sub = Project(f"{p.name} ({name})", part, dict(p.dataset), dict(p.training))
            try:
                save_weights(folder.path / file, _cpu(model.state_dict()), sub)
            except OSError as exc:
                raise write_failure(folder.path / file, exc) from None

    def describe(self) -> dict[str, Any]:
        return {"samples": self.samples[-1] if self.samples else None}


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
    "GanError",
    "GanParts",
    "GanTask",
    "exported_part",
    "gan_parts",
    "is_gan",
    "save_grid",
    "split_gan",
]
