"""Load a project's data set, falling back to one that can be had offline.

The seed templates train on MNIST, which this machine may not have and cannot download. Rather
than fail, NetStudio says so and trains on a data set of the same shape and class count that is
here: Fashion-MNIST from Debian's package, else the built-in synthetic shapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..messages import Message, joined, msg, term
from .base import Dataset, DatasetError, ProgressFn
from .folder import DatasetTooLargeError, StreamingImageFolder
from .registry import canonical_name, list_datasets, load_dataset
from .resize import check_image_size, check_resize, image_size_of_input

# Same sample shape (1×28×28) and 10 classes: each can stand in for the others.
STAND_INS = {
    "mnist": ("fashion-mnist", "synthetic-shapes"),
    "kmnist": ("fashion-mnist", "synthetic-shapes"),
    "fashion-mnist": ("synthetic-shapes",),
}


def load_for_project(
    settings: dict[str, Any],
    *,
    name: str | None = None,
    progress: ProgressFn | None = None,
    seed: int = 0,
    allow_fallback: bool = True,
    base_dir: str | Path | None = None,
    input_shape: Sequence[int] | None = None,
) -> tuple[Dataset | StreamingImageFolder, str | None]:
    """(data set, note): the note says, in plain words, when a stand-in was used, when an
    image folder too large for memory is streamed from disk instead, which files of the
    user's own data were skipped, or how its images were resized and converted. A relative
    path in `settings` is taken from `base_dir`, the folder of the project file (never the
    current directory).

    input_shape: one sample's shape as the model's Input takes it, when known. An image
    folder is brought to its height × width and channels; without it, to the settings'
    `image_size`, else to the size most of its images have. The settings' `resize` says how
    (centre-crop, stretch or pad)."""
    if not isinstance(settings, dict):
        raise DatasetError(
            msg("The project's data set settings are damaged (not a table of settings).")
        )
    wanted = canonical_name(name or settings.get("name") or "synthetic-shapes")
    options = dict(
        path=settings.get("path"),
        label_column=settings.get("label_column"),
        task=settings.get("task"),
    )
    if name and name != settings.get("name"):
        options = {"path": None, "label_column": None, "task": None}
    if wanted == "image-folder":
        options.update(_image_options(settings, input_shape))
    try:
        data = load_dataset(wanted, progress=progress, seed=seed, base_dir=base_dir, **options)
        return data, _joined(data.notes)
    except DatasetTooLargeError as exc:
        folder = StreamingImageFolder(exc.scan.root, seed=seed, scan=exc.scan)
        streamed = msg(
            "{reason}: too large for memory, so it is read from disk batch by batch.",
            reason=_reason(exc, ": too large"),
        )
        return folder, _joined([streamed, *folder.notes])
    except DatasetError as exc:
        if not allow_fallback or wanted not in STAND_INS:
            raise
        available = {i.name for i in list_datasets() if i.available}
        for stand_in in STAND_INS[wanted]:
            if stand_in in available:
                data = load_dataset(stand_in, seed=seed, download=False)
                return data, msg(
                    "{reason}. Training on {title} instead (same shape, 10 classes).",
                    reason=_reason(exc, ". "),
                    title=term(data.title, "datasets"),
                )
        raise


def _image_options(settings: dict[str, Any], input_shape: Sequence[int] | None) -> dict[str, Any]:
    """The size, channels and resize policy an image folder is read with: the model's Input
    decides where it takes images; the settings otherwise."""
    size = image_size_of_input(input_shape)
    channels = int(input_shape[0]) if size is not None and input_shape is not None else None
    if size is None:
        size = check_image_size(settings.get("image_size"))
    return {
        "image_size": size,
        "channels": channels,
        "resize": check_resize(settings.get("resize")),
    }


def _joined(notes: list[str]) -> str | None:
    return joined(notes, " ") if notes else None


def _reason(exc: DatasetError, end: str) -> str:
    """What the error says first: its "reason" part where the message has one, else its text
    up to `end`."""
    text = exc.args[0] if exc.args else ""
    if isinstance(text, Message) and "reason" in text.values:
        return text.values["reason"]
    return str(exc).split(end)[0].rstrip(".")
