"""Normalization layers measure the training data before the first epoch, as Keras' adapt().

A fresh run calls `adapt_task` once before training: each Normalization layer, in the order
the model computes them, gets the mean and variance per feature of the values that reach it,
over up to ADAPT_SAMPLES training samples, with the layers before it in eval mode (no dropout,
no noise) and the Normalization layers before it already adapted. The statistics are buffers
of the module, so the weights, checkpoints and every export carry them; a resumed run loads
them from its checkpoint and never measures again.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import torch
from torch import fx, nn

from studio.layers.modules import Normalization
from studio.messages import msg, term

ADAPT_SAMPLES = 50_000
"""At most this many training samples are measured: statistics per feature are settled to a
fraction of a percent long before, and a larger data set would only delay the first batch."""


@dataclass(frozen=True)
class Adapted:
    """What one Normalization layer measured."""

    name: str  # the module's name in the model: its node id
    samples: int
    mean: torch.Tensor  # per feature, on the CPU
    std: torch.Tensor
    per_channel: bool  # one statistic per channel of an image, not per feature
    noise: bool = False  # measured on a GAN generator's noise, not on training samples


def normalization_layers(model: nn.Module) -> list[tuple[str, Normalization]]:
    """The model's Normalization modules, in the order its forward calls them."""
    if isinstance(model, fx.GraphModule):
        called = (n.target for n in model.graph.nodes if n.op == "call_module")
        found = [(str(t), model.get_submodule(str(t))) for t in called]
        return [(name, m) for name, m in found if isinstance(m, Normalization)]
    return [(name, m) for name, m in model.named_modules() if isinstance(m, Normalization)]


class _Reached(Exception):
    """Raised by the hook once the measured layer has its input: the rest of the model need
    not run."""


class _Moments:
    """Per-feature count, mean and sum of squared deviations, merged batch by batch (Chan et
    al.'s parallel update, in float64 so that a million values lose nothing)."""

    def __init__(self, shape: torch.Size) -> None:
        self.shape = shape
        self.count = 0
        self.mean: torch.Tensor | None = None
        self.m2: torch.Tensor | None = None

    def add(self, x: torch.Tensor) -> None:
        x = x.detach().to(torch.float64)
        # The statistics' shape broadcasts against one sample; every axis where it is 1
        # (and the batch) is reduced: all but the channel of an image, the last of the rest.
        aligned = (1,) * (x.dim() - len(self.shape)) + tuple(self.shape)
        dims = [d for d in range(x.dim()) if aligned[d] == 1]
        n = math.prod(x.shape[d] for d in dims)
        mean = x.mean(dims, keepdim=True).reshape(self.shape)
        m2 = ((x - x.mean(dims, keepdim=True)) ** 2).sum(dims, keepdim=True).reshape(self.shape)
        if self.mean is None or self.m2 is None:
            self.count, self.mean, self.m2 = n, mean, m2
            return
        total = self.count + n
        delta = mean - self.mean
        self.mean = self.mean + delta * (n / total)
        self.m2 = self.m2 + m2 + delta**2 * (self.count * n / total)
        self.count = total

    @property
    def variance(self) -> torch.Tensor:
        assert self.m2 is not None
        return self.m2 / self.count  # the population variance, as Keras computes it


@torch.no_grad()
def adapt_normalization(
    model: nn.Module,
    batches: Callable[[], Iterable[Any]],
    limit: int = ADAPT_SAMPLES,
) -> list[Adapted]:
    """Set every Normalization layer's mean and variance from the data, in order.

    `batches()` gives a fresh iterator of model inputs (a tensor, or a tuple of tensors for a
    model with several inputs), the same samples on every call; up to `limit` samples are
    used. Returns what each layer measured; nothing when the model has no Normalization."""
    layers = normalization_layers(model)
    if not layers:
        return []
    was_training = model.training
    model.eval()
    adapted: list[Adapted] = []
    try:
        for name, layer in layers:
            moments = _Moments(layer.mean.shape)
            samples = 0
            for inputs in _bounded(batches(), limit):
                inputs = inputs if isinstance(inputs, tuple) else (inputs,)
                reached = _input_of(model, layer, inputs)
                if reached is None:
                    break  # the layer's value is never computed: it stays the identity
                moments.add(reached)
                samples += len(inputs[0])
            if moments.mean is None:
                continue  # no data at all: the layer stays the identity
            layer.mean.copy_(moments.mean.to(layer.mean.dtype))
            layer.variance.copy_(moments.variance.to(layer.variance.dtype))
            std = moments.variance.sqrt()
            adapted.append(
                Adapted(
                    name,
                    samples,
                    _per_feature(moments.mean),
                    _per_feature(std),
                    per_channel=layer.mean.dim() > 1,
                )
            )
    finally:
        model.train(was_training)
    return adapted


def _bounded(batches: Iterable[Any], limit: int) -> Iterator[Any]:
    seen = 0
    for batch in batches:
        first = batch[0] if isinstance(batch, tuple) else batch
        take = min(len(first), limit - seen)
        if take < len(first):
            batch = tuple(b[:take] for b in batch) if isinstance(batch, tuple) else batch[:take]
        yield batch
        seen += take
        if seen >= limit:
            return


def _input_of(
    model: nn.Module, layer: nn.Module, inputs: tuple[torch.Tensor, ...]
) -> torch.Tensor | None:
    """What reaches `layer` when the model runs on `inputs`; the model stops there."""
    reached: list[torch.Tensor] = []

    def hook(module: nn.Module, args: tuple[Any, ...]) -> None:
        reached.append(args[0])
        raise _Reached

    handle = layer.register_forward_pre_hook(hook)
    try:
        model(*inputs)
    except _Reached:
        pass
    finally:
        handle.remove()
    return reached[0] if reached else None


# The training tasks ----------------------------------------------------------------------------


def adapt_task(task: Any, settings: dict[str, Any], state: Any) -> None:
    """Adapt the Normalization layers of a fresh run's models to its training data and say
    what they measured through `state` (the run's TrainingState). Called once, before the
    first epoch, never on a resumed run (the statistics come with the checkpoint's weights).
    A stop request ends the measuring early; the run then stops before its first batch."""
    sources = _sources(task, settings["batch_size"], settings["seed"])
    if sources:
        state.message(
            msg(
                "Measuring the training data for the Normalization layers (up to {limit:,} "
                "samples)…",
                limit=ADAPT_SAMPLES,
            )
        )
    for model, batches, noise in sources:

        def until_stopped(batches: Callable = batches) -> Iterator[Any]:
            for batch in batches():
                if state.stop_requested:
                    return
                yield batch

        for done in adapt_normalization(model, until_stopped):
            state.message(_describe(dataclasses.replace(done, noise=noise)))


def _sources(task: Any, batch_size: int, seed: int) -> list[tuple[nn.Module, Callable, bool]]:
    """(model, batches of what it is fed, whether that is noise) for each of the task's models
    that has Normalization layers. A random sample of the training set, the same for every layer,
    drawn with its own generator so that the run's own random numbers stay as they were."""
    models = task.models()
    if not any(normalization_layers(m) for m in models.values()):
        return []
    if task.kind == "supervised":

        def supervised() -> Iterator[torch.Tensor]:
            order = torch.Generator().manual_seed(seed)
            for x, _ in task.train_split.batches(batch_size, order):
                yield task.model_inputs(x)

        return [(models["model"], supervised, False)]
    if task.kind == "gan":

        def real() -> Iterator[torch.Tensor]:
            order = torch.randperm(len(task.x), generator=torch.Generator().manual_seed(seed))
            for i in range(0, len(order), batch_size):
                yield task.real_batch(order[i : i + batch_size].to(task.device))

        def noise() -> Iterator[torch.Tensor]:
            draws = torch.Generator().manual_seed(seed)
            count = min(ADAPT_SAMPLES, len(task.x))  # as many draws as real samples
            for i in range(0, count, batch_size):
                size = (min(batch_size, count - i), *task.parts.noise_shape)
                yield torch.randn(size, generator=draws).to(task.device)

        return [(models["generator"], noise, True), (models["discriminator"], real, False)]
    return []


def _describe(done: Adapted) -> str:
    what = (
        msg("{count:,} random noise vectors", count=done.samples)
        if done.noise
        else msg("{count:,} training samples", count=done.samples)
    )
    if done.mean.numel() == 1:
        return msg(
            "Normalization {node}: adapted to {what} (mean {mean:.4g}, standard deviation "
            "{std:.4g}).",
            node=done.name,
            what=what,
            mean=float(done.mean[0]),
            std=float(done.std[0]),
        )
    return msg(
        "Normalization {node}: adapted to {what}, one mean and standard deviation per "
        "{axis} ({count:,}): means {mean_low:.4g} to {mean_high:.4g}, standard deviations "
        "{std_low:.4g} to {std_high:.4g}.",
        node=done.name,
        what=what,
        axis=term("channel") if done.per_channel else term("feature"),
        count=done.mean.numel(),
        mean_low=float(done.mean.min()),
        mean_high=float(done.mean.max()),
        std_low=float(done.std.min()),
        std_high=float(done.std.max()),
    )


def _per_feature(values: torch.Tensor) -> torch.Tensor:
    return values.flatten().to(torch.float32).cpu()
