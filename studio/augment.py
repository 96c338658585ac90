"""Data augmentation on whole batches of images, on the device they train on.

Rotation, shift and crop (a zoom) are one random affine warp per sample, applied with a single
grid_sample call for the batch: no per-image PIL work, so augmentation stays cheap on CPU and GPU.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
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


# Previews: what the augmentation does to a few training images ---------------------------

PREVIEW_STAND_IN = "synthetic-shapes"
# Why the synthetic shapes stand in for the project's data set in a preview (the app words it).
NOT_DOWNLOADED, NOT_IMAGES, NO_PATH, FAILED = "not-downloaded", "not-images", "no-path", "failed"


@dataclass
class PreviewImages:
    images: torch.Tensor
    """uint8 (N, C, H, W): training images, one per class where the data set has classes."""
    dataset: str
    """The id of the data set they come from."""
    stand_in_reason: str | None = None
    """None when they are the project's own data set's; else why the stand-in is shown."""
    detail: str = ""
    """The data set's own message when loading it failed."""


def preview_images(
    dataset: dict[str, Any],
    count: int = 4,
    seed: int = 0,
    *,
    base_dir: str | Path | None = None,
    input_shape: Sequence[int] | None = None,
) -> PreviewImages:
    """A few training images of a project's data set (its `dataset` settings), never
    downloading anything. The built-in synthetic shapes stand in, with the reason, when the data
    set is not on this machine, holds no images or cannot be read. A relative path in the
    settings is taken from `base_dir`, the project file's folder.

    An image folder's images come at the size training reads them: the model Input's
    height × width (`input_shape`, when it takes images), else the settings' `image_size`, else
    the size most of them have; brought there by the settings' `resize` policy."""
    from studio.data import DatasetError, list_datasets, load_dataset
    from studio.data.folder import decode_image, scan_image_folder
    from studio.data.paths import resolve_data_path
    from studio.data.resize import check_image_size, image_size_of_input
    from studio.data.synthetic import make_shapes

    def stand_in(reason: str | None, detail: str = "") -> PreviewImages:
        # A few fresh shapes from the same generator: the whole set takes a second to draw.
        x, y = make_shapes(max(count, 10), seed=seed)
        return PreviewImages(x[_one_per_class(y, count)], PREVIEW_STAND_IN, reason, detail)

    name = dataset.get("name") or PREVIEW_STAND_IN
    if name == PREVIEW_STAND_IN:
        return stand_in(None)
    info = next((i for i in list_datasets() if i.name == name), None)
    try:
        if name == "image-folder":
            if not dataset.get("path"):
                return stand_in(NO_PATH)
            # Decode only the images shown: the folder may hold far more than memory.
            # The same size, channels and policy as the run pipeline (studio.data.fallback).
            size = image_size_of_input(input_shape)
            channels = int(input_shape[0]) if size is not None and input_shape else None
            scan = scan_image_folder(
                resolve_data_path(dataset["path"], base_dir),
                image_size=size or check_image_size(dataset.get("image_size")),
                channels=channels,
                resize=dataset.get("resize"),
            )
            picked = _one_per_class(torch.from_numpy(scan.labels), count)
            images = [
                decode_image(scan.files[i], scan.channels, scan.size, scan.resize)
                for i in picked.tolist()
            ]
            return PreviewImages(torch.from_numpy(np.stack(images)), name)
        if info is None or info.input_shape is None or len(info.input_shape) != 3:
            return stand_in(NOT_IMAGES)
        if not info.available:
            return stand_in(NOT_DOWNLOADED)
        data = load_dataset(
            name, path=dataset.get("path"), download=False, seed=seed, base_dir=base_dir
        )
    except DatasetError as exc:
        return stand_in(FAILED, str(exc))
    if not data.is_image:
        return stand_in(NOT_IMAGES)
    return PreviewImages(data.x_train[_one_per_class(data.y_train, count)], name)


def _one_per_class(labels: torch.Tensor, count: int) -> torch.Tensor:
    """Indices of `count` samples, the first of each class in turn, so the preview varies."""
    labels = labels.reshape(-1)
    if labels.dtype.is_floating_point or len(labels) == 0:
        return torch.arange(min(count, len(labels)))
    firsts = [int(torch.nonzero(labels == c)[0]) for c in torch.unique(labels)]
    picked = firsts[:count]
    rest = [i for i in range(len(labels)) if i not in set(picked)]
    return torch.tensor(picked + rest[: count - len(picked)], dtype=torch.long)


def augment_preview(
    images: torch.Tensor, settings: dict[str, Any], draws: int, seed: int = 0
) -> torch.Tensor:
    """Each uint8 image (N, C, H, W) augmented `draws` times, as uint8 (N, draws, C, H, W).

    The trainer's own path: scaled to [0, 1] as Dataset.float_x does, then `augment_images`
    with the training settings; the same seed gives the same draws. With augmentation off the
    images come back unchanged."""
    n = len(images)
    repeated = images.repeat_interleave(draws, dim=0)
    if not augmentation_enabled(settings):
        return repeated.reshape(n, draws, *images.shape[1:]).clone()
    generator = torch.Generator().manual_seed(seed)
    x = augment_images(repeated.to(torch.float32).div_(255.0), settings, generator)
    out = x.clamp(0, 1).mul(255).round().to(torch.uint8)
    return out.reshape(n, draws, *images.shape[1:])
