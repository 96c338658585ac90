"""The list of data sets by stable id, and the one entry point that loads any of them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

from ..messages import msg, term
from . import synthetic, vision
from .base import (
    Dataset,
    DatasetError,
    DatasetInfo,
    ProgressFn,
    check_task,
    resolve_cache_dir,
)
from .paths import resolve_data_path

SYNTHETIC: dict[str, tuple[str, Callable[[int], Dataset], tuple[int, ...], int, str]] = {
    "synthetic-shapes": (
        "Synthetic shapes",
        synthetic.load_shapes,
        (1, 28, 28),
        len(synthetic.SHAPE_CLASSES),
        msg(
            "built in: 28×28 grayscale shapes in 10 classes, {train} train / {test} test",
            train=synthetic.SHAPES_TRAIN,
            test=synthetic.SHAPES_TEST,
        ),
    ),
    "synthetic-waveforms": (
        "Synthetic waveforms",
        synthetic.load_waveforms,
        (synthetic.WAVE_LENGTH, 1),
        len(synthetic.WAVE_CLASSES),
        msg(
            "built in: sequences of {steps} steps in {classes} classes, "
            "{train} train / {test} test",
            steps=synthetic.WAVE_LENGTH,
            classes=len(synthetic.WAVE_CLASSES),
            train=synthetic.WAVES_TRAIN,
            test=synthetic.WAVES_TEST,
        ),
    ),
}
USER = {
    "image-folder": (
        "Image folder",
        msg("your own images: pass a folder with one subfolder per class"),
    ),
    "csv": (
        "CSV table",
        msg("your own table: pass a CSV file with feature columns and a label column"),
    ),
}
NAMES: tuple[str, ...] = (*SYNTHETIC, *vision.SPECS, *USER)


def _key(name: str) -> str:
    # "Fashion_MNIST", "fashionmnist" and "cifar10" all find their data set.
    return re.sub(r"[^a-z0-9]", "", name.lower())


def canonical_name(name: str) -> str:
    """The stable id for a name as a user may type it; DatasetError if there is none."""
    if not isinstance(name, str):
        raise DatasetError(
            msg(
                "A data set's name must be text, not {value}. Known data sets: {names}.",
                value=_shorten(repr(name)),
                names=", ".join(NAMES),
            )
        )
    by_key = {_key(n): n for n in NAMES}
    found = by_key.get(_key(name))
    if found is not None:
        return found
    close = difflib.get_close_matches(name.lower()[:100], NAMES, n=1, cutoff=0.5)
    if close:
        raise DatasetError(
            msg(
                "There is no data set called {name!r}. Did you mean {close!r}? Known data "
                "sets: {names}.",
                name=_shorten(name),
                close=close[0],
                names=", ".join(NAMES),
            )
        )
    raise DatasetError(
        msg(
            "There is no data set called {name!r}. Known data sets: {names}.",
            name=_shorten(name),
            names=", ".join(NAMES),
        )
    )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def list_datasets(cache_dir: str | Path | None = None) -> list[DatasetInfo]:
    """Every data set and whether it can be used now, offline. Looks at the disk only."""
    cache = resolve_cache_dir(cache_dir)
    infos = [
        DatasetInfo(name, title, "synthetic", True, detail, shape, k)
        for name, (title, _, shape, k, detail) in SYNTHETIC.items()
    ]
    for name, spec in vision.SPECS.items():
        available, detail, kind = vision.describe_availability(name, cache)
        infos.append(
            DatasetInfo(
                name, spec.title, kind, available, detail, spec.input_shape, len(spec.classes)
            )
        )
    infos += [
        DatasetInfo(name, title, "user", True, detail, None, None)
        for name, (title, detail) in USER.items()
    ]
    return infos


def load_dataset(
    name: str,
    *,
    path: str | None = None,
    label_column: str | None = None,
    task: str | None = None,
    download: bool = True,
    progress: ProgressFn | None = None,
    cache_dir: str | Path | None = None,
    seed: int = 0,
    base_dir: str | Path | None = None,
    image_size: tuple[int, int] | None = None,
    channels: int | None = None,
    resize: str | None = None,
) -> Dataset:
    """Load a data set by id (see list_datasets) into memory.

    path: the folder (image-folder) or file (csv) to read; for the downloadable sets, a folder to
    look in first. label_column and task apply to csv. download=False never touches the network.
    progress(message, done_bytes, total_bytes) follows downloads. seed fixes generated data and
    the train / test split of the user's own data. A relative path is taken from base_dir (the
    project file's folder) when given. image_size (height, width), channels and resize apply
    to image-folder: every image is brought to that size by that policy (see
    studio.data.resize); None: the size most images have, centre-crop."""
    name = canonical_name(name)
    check_task(task)
    resolved = resolve_data_path(path, base_dir) if path is not None else None
    if name in SYNTHETIC:
        return SYNTHETIC[name][1](seed)
    if name in vision.SPECS:
        return vision.load_vision(
            name,
            cache_dir=resolve_cache_dir(cache_dir),
            path=resolved,
            download_missing=download,
            progress=progress,
        )
    if resolved is None:
        if name == "image-folder":
            what = term("folder with one subfolder per class")
        else:
            what = term("CSV file")
        raise DatasetError(
            msg("The data set {name!r} needs a path: choose the {what}.", name=name, what=what)
        )
    # Imported here: listing data sets needs neither reader (nor PyTorch, which they import).
    if name == "image-folder":
        from .folder import load_image_folder

        return load_image_folder(
            resolved, seed=seed, image_size=image_size, channels=channels, resize=resize
        )
    from .tabular import load_csv

    return load_csv(resolved, label_column=label_column, task=task, seed=seed)
