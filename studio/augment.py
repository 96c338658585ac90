"""Data augmentation on whole batches of images, on the device they train on.

Rotation, shift and crop (a zoom) are one random affine warp per sample, applied with a single
grid_sample call for the batch: no per-image PIL work, so augmentation stays cheap on CPU and GPU.
"""

from __future__ import annotations

import math
from typing import Any

import torch
import torch.nn.functional as F


def augmentation_enabled(settings: dict[str, Any]) -> bool:
    return any(
        settings.get(k) for k in ("aug_rotation", "aug_shift", "aug_flip", "aug_crop", "aug_noise")
    )


def augment_images(
    x: torch.Tensor, settings: dict[str, Any], generator: torch.Generator | None = None
) -> torch.Tensor:
    """x: float images (N, C, H, W) in [0, 1]. Returns a new, randomly transformed batch."""
    n = x.shape[0]
    device = x.device

    def uniform(low: float, high: float) -> torch.Tensor:
        r = torch.rand(n, generator=generator, device="cpu")
        return (low + (high - low) * r).to(device)

    rotation = settings.get("aug_rotation", 0.0)
    shift = settings.get("aug_shift", 0.0)
    crop = settings.get("aug_crop", 0.0)
    if rotation or shift or crop:
        angle = uniform(-rotation, rotation) * (math.pi / 180)
        # Cropping a fraction c of the size and scaling back up is a zoom by 1 / (1 - c).
        scale = 1 - uniform(0.0, crop) if crop else torch.ones(n, device=device)
        # affine_grid works in [-1, 1] coordinates, so a shift of s of the size is 2 s.
        tx, ty = uniform(-2 * shift, 2 * shift), uniform(-2 * shift, 2 * shift)
        cos, sin = torch.cos(angle) * scale, torch.sin(angle) * scale
        theta = torch.stack(
            [torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1
        ).to(x.dtype)
        grid = F.affine_grid(theta, list(x.shape), align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    if settings.get("aug_flip"):
        flip = (torch.rand(n, generator=generator) < 0.5).to(device)
        x = torch.where(flip[:, None, None, None], x.flip(-1), x)
    noise = settings.get("aug_noise", 0.0)
    if noise:
        x = (x + noise * torch.randn(x.shape, generator=generator).to(device)).clamp_(0, 1)
    return x
