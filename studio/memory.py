"""How much memory a model needs, from shape inference alone, against what this machine has.

Counting is free (the analysis already has every node's parameters and output shape), so the
summary can show the figure and the compiler can refuse a model before PyTorch tries to
allocate a terabyte. The figures are estimates of the two big items, meant to catch what can
never fit, not to budget the last gigabyte:

- parameters: 4 bytes each (float32); training also keeps a gradient and Adam's two moments,
  so 16 bytes each;
- activations: each node's output, per sample (4 bytes a value, 8 for int64 token ids);
  training keeps them for the backward pass and holds their gradients, so twice that, times
  the batch.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from studio.messages import msg, term
from studio.shapes import Analysis

_VALUE_BYTES = {"int64": 8}
_TRAINING_COPIES = 4  # weights, gradients, Adam's first and second moments


@dataclass(frozen=True)
class MemoryEstimate:
    parameters: int
    activation_bytes: int
    """Bytes of all nodes' outputs for one sample."""

    @property
    def parameter_bytes(self) -> int:
        return 4 * self.parameters

    def inference_bytes(self, batch: int = 1) -> int:
        """The model built, and one forward pass of `batch` samples."""
        return self.parameter_bytes + self.activation_bytes * batch

    def training_bytes(self, batch: int = 1) -> int:
        """A training step: weights, gradients and optimizer state, activations and their
        gradients."""
        return _TRAINING_COPIES * self.parameter_bytes + 2 * self.activation_bytes * batch


def estimate_memory(analysis: Analysis) -> MemoryEstimate:
    activations = 0
    for info in analysis.nodes.values():
        if info.output is not None:
            activations += info.output.numel * _VALUE_BYTES.get(info.output.dtype, 4)
    return MemoryEstimate(analysis.total_params, activations)


@functools.cache
def total_memory() -> int | None:
    """This machine's physical memory in bytes, or None where it cannot be told (then nothing
    is refused)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows) or no such name
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def human_bytes(n: int) -> str:
    """1.2 TB, 340 MB, 12 KB: decimal units, as disks and memory sticks are sold."""
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def human_parameters(n: int) -> str:
    """253 billion, 12.3 million: a count in words for a message."""
    for unit, size in ((term("billion"), 1e9), (term("million"), 1e6)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n:,}"


def too_large(estimate: MemoryEstimate, *, training: bool, batch: int = 1) -> str | None:
    """Why the model cannot fit in this machine's memory, or None when it can (or when the
    machine's memory is unknown)."""
    available = total_memory()
    need = estimate.training_bytes(batch) if training else estimate.inference_bytes(batch)
    if available is None or need <= available:
        return None
    if training:
        return msg(
            "The model needs about {need} of memory to train ({params} parameters, batch "
            "{batch}), but this machine has {available}: make layers smaller (fewer units or "
            "filters, a smaller input, pooling before Dense)",
            need=human_bytes(need),
            params=human_parameters(estimate.parameters),
            batch=batch,
            available=human_bytes(available),
        )
    return msg(
        "The model needs about {need} of memory ({params} parameters), but this machine has "
        "{available}: make layers smaller (fewer units or filters, a smaller input, pooling "
        "before Dense)",
        need=human_bytes(need),
        params=human_parameters(estimate.parameters),
        available=human_bytes(available),
    )
