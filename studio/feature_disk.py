"""A frozen backbone's features too large to keep in memory, kept in a file on disk instead.

The features are written once, batch by batch, to a file with no name (removed by the system
when the run lets go of it, even if the process is killed), then read back through a memory
map: the operating system keeps what fits in memory and reads the rest from disk as the
batches ask for it. Where they go: $NETSTUDIO_FEATURES, else NetStudio's cache folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import numpy as np
import torch

from studio.errors import StudioError
from studio.memory import human_bytes
from studio.messages import Message, msg

FEATURES_ENV = "NETSTUDIO_FEATURES"
# Left free beside the features: the run's checkpoints and everything else on that disk.
DISK_MARGIN = 1_000_000_000


class FeatureDiskError(StudioError):
    """The features could not be written to disk (it filled up while they were)."""


def features_folder() -> Path:
    """Where features too large for memory are written: $NETSTUDIO_FEATURES, else
    netstudio/features in the user's cache folder ($XDG_CACHE_HOME or ~/.cache)."""
    env = os.environ.get(FEATURES_ENV)
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "netstudio" / "features"


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def disk_refusal(size: int, folder: Path) -> Message | None:
    """Why `size` bytes of features cannot be written to `folder` (made if missing), in
    words to follow "more than … kept in memory, and"; None when they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        free = free_bytes(folder)
    except OSError as exc:
        return msg("{folder} cannot be written ({error})", folder=str(folder),
                   error=exc.strerror or str(exc))
    if free < size + DISK_MARGIN:
        return msg("more than the disk holding {folder} has free ({free})",
                   folder=str(folder), free=human_bytes(free))
    return None


class FeatureFile:
    """Feature rows appended batch by batch to an unnamed file in `folder`, then mapped."""

    def __init__(self, folder: Path, size: int) -> None:
        self.folder, self.size = folder, size
        self.rows = 0
        self.row_shape: tuple[int, ...] | None = None
        try:
            # Open as long as the cache is: the mapping reads from it.
            self.file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115
                dir=folder, prefix="features-")
        except OSError as exc:
            raise self._error(exc) from exc

    def append(self, features: torch.Tensor) -> None:
        """Write a batch of float32 features (any device)."""
        rows = features.detach().to("cpu", torch.float32).contiguous().numpy()
        self.row_shape = tuple(rows.shape[1:])
        try:
            self.file.write(rows.tobytes())
        except OSError as exc:  # the disk filled up since the room was measured
            self.file.close()
            raise self._error(exc) from exc
        self.rows += len(rows)

    def mapped(self) -> torch.Tensor:
        """All rows written, as a float32 tensor over the mapped file (nothing loaded yet)."""
        self.file.flush()
        if not self.rows or self.row_shape is None:
            return torch.zeros(0, dtype=torch.float32)
        # "c" (copy on write): a writable array for torch, and the file is never written.
        array = np.memmap(self.file, dtype=np.float32, mode="c",
                          shape=(self.rows, *self.row_shape))
        return torch.from_numpy(array)

    def _error(self, exc: OSError) -> FeatureDiskError:
        return FeatureDiskError(
            msg(
                "The frozen backbone's features ({size}) could not be written to {folder}: "
                "{error}. Free some space there, or set {env} to a folder on a larger disk.",
                size=human_bytes(self.size),
                folder=str(self.folder),
                error=exc.strerror or str(exc),
                env=FEATURES_ENV,
            )
        )


class MappedSource:
    """Features in a mapped file, batched as studio.supervised.TensorSource batches them (the
    same order from the same generator), each batch copied to the training device."""

    def __init__(self, features: torch.Tensor, labels: torch.Tensor, device: torch.device,
                 file: FeatureFile) -> None:
        from studio.supervised import TensorSource  # it imports the feature cache

        self.source = TensorSource(features, labels.cpu(), torch.device("cpu"))
        self.device = device
        self.file = file  # the mapping's file lives as long as the batches are read

    def __len__(self) -> int:
        return len(self.source)

    def batches(self, batch_size: int, generator: torch.Generator | None = None
                ) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        for x, y in self.source.batches(batch_size, generator):
            yield x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)
