"""Core types of the data-set layer: the in-memory Dataset, its listing entry and the error type.

Everything here is Qt-free and cheap to import; loaders live in sibling modules.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StudioError
from ..messages import msg

if TYPE_CHECKING:  # imported where used: listing data sets needs neither
    import numpy as np
    import torch

# (message, done_bytes, total_bytes); total_bytes is 0 when the server does not say.
ProgressFn = Callable[[str, int, int], None]

TASKS = ("classification", "regression")


class DatasetError(StudioError):
    """A data set cannot be used. The message is meant for the end user: it says what is wrong
    and what to do about it, without a traceback's vocabulary."""


@dataclass
class Dataset:
    """A data set that fits in memory, held as tensors (CPU; the trainer moves them).

    Images stay uint8 (N, C, H, W): four times smaller than float32, so the whole set can sit on
    the GPU and be batched by index; `float_x` scales a batch to [0, 1] when it is used.
    """

    name: str
    title: str
    task: str
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor
    classes: list[str]
    # Tabular sets only: the train-split statistics used to standardise the features, kept so
    # that a prediction on new raw rows can be standardised the same way.
    feature_mean: torch.Tensor | None = None
    feature_std: torch.Tensor | None = None
    feature_names: list[str] | None = None
    # Where the data came from (a folder, a file, "generated"), for display.
    source: str = ""
    # Things the user should know about how the set was read (files skipped), in plain words.
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {TASKS}, not {self.task!r}")
        if len(self.x_train) != len(self.y_train) or len(self.x_test) != len(self.y_test):
            raise ValueError("x and y must have the same number of samples")

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Shape of one sample, without the batch dimension, e.g. (1, 28, 28)."""
        return tuple(self.x_train.shape[1:])

    @property
    def is_image(self) -> bool:
        """True for uint8 image tensors laid out N, C, H, W."""
        import torch

        return self.x_train.dtype == torch.uint8 and self.x_train.dim() == 4

    @property
    def num_classes(self) -> int:
        """Number of classes (0 for regression)."""
        return len(self.classes)

    def float_x(self, x: torch.Tensor) -> torch.Tensor:
        """A batch as the network sees it: uint8 images become float32 in [0, 1]."""
        import torch

        if x.dtype == torch.uint8:
            return x.to(torch.float32).div_(255.0)
        return x

    def subset(self, n_train: int | None, n_test: int | None) -> Dataset:
        """The first n_train / n_test samples (None keeps all), e.g. for tests or quick runs.

        Every loader shuffles its splits, so the first n are a fair sample of all classes."""
        return dataclasses.replace(
            self,
            x_train=self.x_train[:n_train],
            y_train=self.y_train[:n_train],
            x_test=self.x_test[:n_test],
            y_test=self.y_test[:n_test],
        )


@dataclass(frozen=True)
class DatasetInfo:
    """One line of `list_datasets()`: what a data set is and whether it can be used offline."""

    name: str
    title: str
    kind: str  # "synthetic" | "torchvision" | "system" | "user"
    available: bool
    detail: str
    input_shape: tuple[int, ...] | None
    num_classes: int | None


def default_cache_dir() -> Path:
    """Where downloaded data sets are kept: $NETSTUDIO_DATA, else ~/.cache/netstudio/datasets."""
    env = os.environ.get("NETSTUDIO_DATA")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "netstudio" / "datasets"


def resolve_cache_dir(cache_dir: str | Path | None) -> Path:
    return Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()


def split_indices(
    n: int, test_fraction: float, seed: int, labels: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffled train / test index arrays. With labels, the split is stratified: each class gives
    the same fraction to the test split, so a small class is not left out of it by chance."""
    import numpy as np

    rng = np.random.default_rng(seed)
    if labels is None:
        order = rng.permutation(n)
        n_test = round(n * test_fraction)
        return order[n_test:], order[:n_test]
    train_parts: list[np.ndarray] = []
    test_parts: list[np.ndarray] = []
    for cls in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == cls))
        n_test = round(len(members) * test_fraction)
        if n_test == 0 and len(members) >= 2 and test_fraction > 0:
            n_test = 1  # every class with two or more samples is seen in the test split
        test_parts.append(members[:n_test])
        train_parts.append(members[n_test:])
    # Shuffle across classes so that `subset(n)` (the first n) mixes all classes.
    train = rng.permutation(np.concatenate(train_parts))
    test = rng.permutation(np.concatenate(test_parts))
    return train, test


# A split with fewer samples than this on either side cannot be trained or tested on.
MIN_SPLIT = 1


def check_split(n_train: int, n_test: int, source: object) -> None:
    """DatasetError when a data set is too small to keep both a training and a test part."""
    if n_train < MIN_SPLIT or n_test < MIN_SPLIT:
        raise DatasetError(
            msg(
                "{source} holds too few samples ({count}) to set aside a test part and still "
                "train: add more (a few per class at least).",
                source=source,
                count=n_train + n_test,
            )
        )


def check_task(task: object) -> None:
    """DatasetError unless `task` is None (guess it) or one of TASKS."""
    if task is not None and task not in TASKS:
        raise DatasetError(
            msg(
                "The task must be one of {tasks}, not {task!r}.",
                tasks=", ".join(TASKS),
                task=task,
            )
        )
