"""The user's own images: a folder with one subfolder per class.

A folder that fits in memory becomes a uint8 Dataset like MNIST's. One that does not is refused by
`load_image_folder` with DatasetTooLargeError; `StreamingImageFolder` reads such a folder instead,
decoding images in DataLoader worker processes batch by batch.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PIL import Image, UnidentifiedImageError

from ..messages import msg
from .base import Dataset, DatasetError, split_indices

IMAGE_EXTENSIONS = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm", ".pbm"}
)
_GRAY_MODES = frozenset({"1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "F"})
# Largest share of the machine's memory one in-memory image set may take (the trainer needs
# room for the model, batches and a copy on the way to the GPU).
MEMORY_FRACTION = 0.25
TEST_FRACTION = 0.2


class DatasetTooLargeError(DatasetError):
    """The folder's images would not fit in memory; `scan` describes them (for streaming)."""

    def __init__(self, message: str, scan: FolderScan):
        super().__init__(message)
        self.scan = scan


@dataclass
class FolderScan:
    """What a class folder holds, learned from the image headers only (nothing decoded)."""

    root: Path
    classes: list[str]
    files: list[Path]
    labels: np.ndarray  # int64, one per file
    height: int
    width: int
    channels: int  # 1 if every image is grayscale, else 3

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return (self.channels, self.height, self.width)

    @property
    def nbytes(self) -> int:
        return len(self.files) * self.channels * self.height * self.width


def scan_image_folder(path: str | Path) -> FolderScan:
    """Check a class folder and read every image's header. Raises DatasetError saying what to
    fix: missing folder, fewer than two classes, unreadable or differently sized images."""
    root = Path(path).expanduser()
    if not root.exists():
        raise DatasetError(
            msg(
                "The folder {root} does not exist. Choose a folder that holds one "
                "subfolder of images per class.",
                root=root,
            )
        )
    if not root.is_dir():
        raise DatasetError(
            msg(
                "{root} is a file, not a folder. Choose a folder that holds one "
                "subfolder of images per class.",
                root=root,
            )
        )
    classes: list[str] = []
    files: list[Path] = []
    labels: list[int] = []
    empty: list[str] = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        images = sorted(
            f
            for f in sub.rglob("*")
            if f.suffix.lower() in IMAGE_EXTENSIONS
            and f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(sub).parts)
        )
        if not images:
            empty.append(sub.name)
            continue
        labels += [len(classes)] * len(images)
        classes.append(sub.name)
        files += images
    if len(classes) < 2:
        if classes:
            found = msg("only the class {name!r}", name=classes[0])
        else:
            found = msg("no class with images")
        if empty:
            found = msg(
                "{found} (subfolders without images: {empty})", found=found, empty=", ".join(empty)
            )
        raise DatasetError(
            msg(
                "{root} has {found}. An image folder needs at least two subfolders, one per "
                "class, each holding images (PNG, JPEG, BMP, ...).",
                root=root,
                found=found,
            )
        )

    sizes: list[tuple[int, int]] = []
    gray = True
    for f in files:
        try:
            with Image.open(f) as im:  # reads the header only
                sizes.append(im.size)
                gray = gray and im.mode in _GRAY_MODES
        except (OSError, UnidentifiedImageError) as exc:
            raise DatasetError(
                msg(
                    "{file} could not be read as an image ({error}). Remove it or replace it.",
                    file=f,
                    error=exc,
                )
            ) from exc
    first = sizes[0]
    for f, size in zip(files, sizes, strict=True):
        if size != first:
            raise DatasetError(
                msg(
                    "The images differ in size: {first} is {w}×{h} pixels but {other} is "
                    "{ow}×{oh}. All images must have the same size; resize them first "
                    "(for example all to 64×64).",
                    first=files[0],
                    w=first[0],
                    h=first[1],
                    other=f,
                    ow=size[0],
                    oh=size[1],
                )
            )
    return FolderScan(
        root=root,
        classes=classes,
        files=files,
        labels=np.asarray(labels, dtype=np.int64),
        height=first[1],
        width=first[0],
        channels=1 if gray else 3,
    )


def memory_limit_bytes() -> int:
    """How many bytes an in-memory image set may take on this machine."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not POSIX: assume a modest 8 GB
        total = 8 << 30
    return int(total * MEMORY_FRACTION)


def decode_image(path: Path, channels: int) -> np.ndarray:
    """One image as uint8 (C, H, W)."""
    with Image.open(path) as im:
        # np.array copies: Pillow's buffer is read-only, which torch.from_numpy warns about.
        arr = np.array(im.convert("L" if channels == 1 else "RGB"), dtype=np.uint8)
    return arr[None] if channels == 1 else np.ascontiguousarray(arr.transpose(2, 0, 1))


def load_image_folder(path: str | Path, *, seed: int = 0) -> Dataset:
    """All images of a class folder in memory, with a stratified, seeded 20 % test split."""
    scan = scan_image_folder(path)
    limit = memory_limit_bytes()
    if scan.nbytes > limit:
        reason = msg(
            "{root} holds {n} images of {w}×{h}, {size:.1f} GB unpacked",
            root=scan.root,
            n=len(scan.files),
            w=scan.width,
            h=scan.height,
            size=scan.nbytes / 2**30,
        )
        raise DatasetTooLargeError(
            msg(
                "{reason}: too large to hold in memory here (the limit is {limit:.1f} GB). "
                "Use fewer or smaller images.",
                reason=reason,
                limit=limit / 2**30,
            ),
            scan,
        )
    x = np.empty((len(scan.files), *scan.input_shape), dtype=np.uint8)

    def fill(i: int) -> None:
        try:
            x[i] = decode_image(scan.files[i], scan.channels)
        except (OSError, UnidentifiedImageError) as exc:
            raise DatasetError(
                msg(
                    "{file} could not be decoded ({error}). Remove it or replace it.",
                    file=scan.files[i],
                    error=exc,
                )
            ) from exc

    # Pillow releases the GIL while decoding, so a few threads help on big folders.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        list(pool.map(fill, range(len(scan.files))))

    train, test = split_indices(len(scan.files), TEST_FRACTION, seed, labels=scan.labels)
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(scan.labels)
    return Dataset(
        name="image-folder",
        title=scan.root.name or str(scan.root),
        task="classification",
        x_train=xt[train],
        y_train=yt[train],
        x_test=xt[test],
        y_test=yt[test],
        classes=list(scan.classes),
        source=str(scan.root),
    )


# ---------------------------------------------------------------- streaming


class _DecodedFiles(torch.utils.data.Dataset):
    # Holds only paths and labels, so it is cheap to send to worker processes.
    def __init__(self, files: list[Path], labels: np.ndarray, channels: int):
        self.files = files
        self.labels = labels
        self.channels = channels

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
        image = torch.from_numpy(decode_image(self.files[i], self.channels))
        return image, torch.tensor(int(self.labels[i]), dtype=torch.int64)


class StreamingImageFolder:
    """A class folder read from disk batch by batch, for folders too large for memory.

    Batches look like the in-memory Dataset's: uint8 (B, C, H, W) images and int64 labels, so the
    same trainer code (float_x, augmentation on batches) applies."""

    name = "image-folder"
    title = "Image folder (streamed from disk)"
    task = "classification"
    is_image = True

    def __init__(self, path: str | Path, *, seed: int = 0, scan: FolderScan | None = None):
        self.scan = scan if scan is not None else scan_image_folder(path)
        self.train_index, self.test_index = split_indices(
            len(self.scan.files), TEST_FRACTION, seed, labels=self.scan.labels
        )

    @property
    def classes(self) -> list[str]:
        return list(self.scan.classes)

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return self.scan.input_shape

    @property
    def num_classes(self) -> int:
        return len(self.scan.classes)

    @staticmethod
    def float_x(x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32).div_(255.0)

    @property
    def n_train(self) -> int:
        return len(self.train_index)

    @property
    def n_test(self) -> int:
        return len(self.test_index)

    def loader(
        self,
        batch_size: int,
        shuffle: bool = True,
        workers: int = 2,
        split: str = "train",
        index: np.ndarray | None = None,
    ) -> torch.utils.data.DataLoader:
        """Batches of (uint8 images, int64 labels) from the train or test split, or from the
        given positions in the folder (`index`, e.g. a validation part of the train split)."""
        if index is None:
            index = {"train": self.train_index, "test": self.test_index}[split]
        files = [self.scan.files[i] for i in index]
        data = _DecodedFiles(files, self.scan.labels[index], self.scan.channels)
        return torch.utils.data.DataLoader(
            data,
            batch_size=batch_size,
            shuffle=shuffle,
            num_workers=workers,
            persistent_workers=workers > 0,
            pin_memory=torch.cuda.is_available(),
        )
