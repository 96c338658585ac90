"""Bring photos of any size to the one size a model takes, by a policy the user chooses.

Photos come in every size and shape; a network's Input takes one. Three ways to get there:
- centre-crop (the default): scale until the image covers the target, cut off what sticks out
  at the sides (or top and bottom) evenly. Nothing is distorted; the borders may be lost.
- stretch: scale width and height separately. Everything is kept, shapes are distorted.
- pad: scale until the image fits inside, fill the rest with black (zeros), "letterbox".

Everything here works on one PIL image and is cheap to import (no PyTorch): it runs in
DataLoader worker processes, and the settings checks run when a project is read.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..messages import msg, term
from .base import DatasetError

if TYPE_CHECKING:  # Pillow is imported where images are handled: reading a project's
    from PIL import Image  # settings (studio.settings) must not load it

CENTER_CROP, STRETCH, PAD = "center-crop", "stretch", "pad"
RESIZE_POLICIES = (CENTER_CROP, STRETCH, PAD)
DEFAULT_RESIZE = CENTER_CROP
# Larger than any network input: a bigger "size" is a typing slip, not a wish.
MAX_SIDE = 8192
# Bilinear with Pillow's antialiasing is what torchvision's Resize does on PIL images; the
# reducing gap first shrinks a large photo by whole factors (a cheap box filter), which is
# several times faster on camera-sized images and looks the same at network sizes.
RESAMPLE = "BILINEAR"  # a member of PIL.Image.Resampling
REDUCING_GAP = 3.0
# EXIF orientations that turn the picture by 90 degrees: its width and height swap.
SIDEWAYS = frozenset({5, 6, 7, 8})


def check_resize(value: Any) -> str:
    """The resize policy named by a setting (None: the default); DatasetError otherwise."""
    if value is None:
        return DEFAULT_RESIZE
    if value in RESIZE_POLICIES:
        return value
    raise DatasetError(
        msg(
            "The resize setting must be one of {choices}, not {value!r}.",
            choices=", ".join(RESIZE_POLICIES),
            value=value,
        )
    )


def check_image_size(value: Any) -> tuple[int, int] | None:
    """(height, width) from a setting: [height, width], or one number for a square; None for
    no setting. DatasetError for anything else."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and all(1 <= v <= MAX_SIDE for v in value)
    ):
        return int(value[0]), int(value[1])
    raise DatasetError(
        msg(
            "The image size setting must be [height, width] in pixels (each 1 to {most}), "
            "or one number for a square; not {value!r}.",
            most=MAX_SIDE,
            value=value,
        )
    )


# The image-folder settings of a project's data set, with their defaults.
IMAGE_SETTINGS: dict[str, Any] = {"resize": DEFAULT_RESIZE, "image_size": None}


def check_image_settings(values: dict[str, Any]) -> dict[str, Any]:
    """`values` with its image-folder settings (IMAGE_SETTINGS) checked and in the form a
    project file keeps them: the policy's name, image_size as [height, width] or None.
    DatasetError saying what is allowed otherwise."""
    size = check_image_size(values.get("image_size"))
    return {
        **values,
        "resize": check_resize(values.get("resize")),
        "image_size": list(size) if size is not None else None,
    }


def image_size_of_input(shape: Sequence[int] | None) -> tuple[int, int] | None:
    """(height, width) of a model Input that takes images (channels, height, width, with 1
    or 3 channels); None for any other input (a vector, a sequence) or an unknown one."""
    if shape is None or len(shape) != 3 or shape[0] not in (1, 3):
        return None
    return int(shape[1]), int(shape[2])


def oriented_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """(width, height) of an image once turned upright as its EXIF orientation says."""
    return (size[1], size[0]) if orientation in SIDEWAYS else size


def draft_size(
    size: tuple[int, int], target: tuple[int, int], policy: str, orientation: int = 1
) -> tuple[int, int]:
    """The smallest (width, height) of the stored, unturned image that the policy still
    needs at full quality: what to ask a JPEG decoder for (`Image.draft`, which decodes at
    1/2, 1/4 or 1/8 scale, never below what is asked)."""
    width, height = oriented_size(size, orientation)
    tw, th = target
    if policy == STRETCH:
        need = (tw, th)
    else:
        cover = max if policy == CENTER_CROP else min
        scale = cover(tw / width, th / height)
        need = (max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale)))
    return oriented_size(need, orientation)


def fit(image: Image.Image, target: tuple[int, int], policy: str) -> Image.Image:
    """`image` at exactly `target` (width, height) by the policy; the same image when it
    already has that size."""
    from PIL import Image

    resample = Image.Resampling[RESAMPLE]
    if image.size == target:
        return image
    width, height = image.size
    tw, th = target
    if policy == STRETCH:
        return image.resize(target, resample, reducing_gap=REDUCING_GAP)
    if policy == CENTER_CROP:
        # The largest box of the target's proportions in the middle of the image, scaled
        # straight to the target: one resampling, and the centre pixel stays in the centre.
        scale = max(tw / width, th / height)
        box_w, box_h = tw / scale, th / scale
        left, top = (width - box_w) / 2, (height - box_h) / 2
        box = (left, top, left + box_w, top + box_h)
        return image.resize(target, resample, box=box, reducing_gap=REDUCING_GAP)
    scale = min(tw / width, th / height)
    inner = (max(1, min(tw, round(width * scale))), max(1, min(th, round(height * scale))))
    scaled = image.resize(inner, resample, reducing_gap=REDUCING_GAP)
    canvas = Image.new(image.mode, target, 0)
    canvas.paste(scaled, ((tw - inner[0]) // 2, (th - inner[1]) // 2))
    return canvas


def policy_name(policy: str) -> str:
    """The policy in words, for notes."""
    return {
        CENTER_CROP: term("scaled to cover it and cropped in the centre"),
        STRETCH: term("stretched to it"),
        PAD: term("scaled to fit inside it and padded with black"),
    }[policy]
