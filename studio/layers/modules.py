"""NetStudio's own nn.Module classes, for layers torch.nn has no class for.

Each is small and self-contained (it uses only `torch` and `nn`): exported Python source carries
its definition beside the model (studio.source copies the class's source text), so a package
still needs only PyTorch.
"""

from __future__ import annotations

import torch
from torch import nn

from studio.layers import backbone_modules, run_block_modules
from studio.layers.attention_modules import MultiHeadAttention


class Rescaling(nn.Module):
    """Keras' Rescaling: x · scale + offset, e.g. scale 1/255 to bring pixels 0–255 to 0–1."""

    def __init__(self, scale: float, offset: float = 0.0) -> None:
        super().__init__()
        self.scale = scale
        self.offset = offset

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.scale + self.offset

    def extra_repr(self) -> str:
        return f"scale={self.scale}, offset={self.offset}"


class Normalization(nn.Module):
    """Keras' Normalization: (x − mean) / max(√variance, 1e-7), per feature.

    `shape` is the statistics' shape, ready to broadcast against a batch: (C, 1, 1) for
    C×H×W images (one per channel), (F,) for vectors and time×F sequences. The mean and
    variance are buffers, saved with the weights: NetStudio measures them on the training
    data when a run starts, and gradients never change them. Before that the layer passes
    its input on unchanged (mean 0, variance 1)."""

    EPSILON = 1e-7  # Keras' backend epsilon: a smaller standard deviation counts as this

    def __init__(self, shape: tuple[int, ...]) -> None:
        super().__init__()
        self.register_buffer("mean", torch.zeros(shape))
        self.register_buffer("variance", torch.ones(shape))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x - self.mean) / self.variance.sqrt().clamp_min(self.EPSILON)

    def extra_repr(self) -> str:
        return f"shape={tuple(self.mean.shape)}"


class GaussianNoise(nn.Module):
    """Keras' GaussianNoise: adds noise drawn from N(0, stddev²) while training; passes its
    input on unchanged when evaluating or predicting."""

    def __init__(self, stddev: float) -> None:
        super().__init__()
        self.stddev = stddev

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training and self.stddev > 0:
            return x + torch.randn_like(x) * self.stddev
        return x

    def extra_repr(self) -> str:
        return f"stddev={self.stddev}"


OWN_MODULES: dict[str, type[nn.Module]] = {
    cls.__name__: cls
    for cls in (
        Rescaling,
        Normalization,
        GaussianNoise,
        MultiHeadAttention,
        *backbone_modules.CLASSES,
        *run_block_modules.CLASSES,
    )
}
"""Class name → class. The names never shadow a torch.nn class."""
