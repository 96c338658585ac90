"""The user's own images: a folder with one subfolder per class, photos of any size.

A folder that fits in memory becomes a uint8 Dataset like MNIST's. One that does not is refused by
`load_image_folder` with DatasetTooLargeError; `StreamingImageFolder` reads such a folder instead,
decoding images in DataLoader worker processes batch by batch. Looking through the folder (what
is in it, which files are skipped, which size they are all brought to) is `folder_scan`'s work;
how an image of another size is brought to it is `resize`'s.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps

from ..messages import Message, msg
from .base import Dataset, DatasetError, check_split, split_indices
from .folder_scan import (
    EXIF_ERRORS,
    GRAY_MODES,
    IMAGE_ERRORS,
    IMAGE_EXTENSIONS,
    FolderScan,
    Skipped,
    exif_orientation,
    image_error_reason,
    scan_image_folder,
    skipped_note,
)
from .resize import DEFAULT_RESIZE, draft_size, fit

__all__ = [
    "IMAGE_EXTENSIONS",
    "DatasetTooLargeError",
    "FolderScan",
    "StreamingImageFolder",
    "UnreadableImageError",
    "decode_image",
    "load_image_folder",
    "scan_image_folder",
]

# Pillow's names for JPEG files; many phones write MPO (a JPEG followed by more pictures).
JPEG_FORMATS = frozenset({"JPEG", "MPO"})
# Largest share of the machine's memory one in-memory image set may take (the trainer needs
# room for the model, batches and a copy on the way to the GPU).
MEMORY_FRACTION = 0.25
TEST_FRACTION = 0.2
# DataLoader worker processes a streamed folder gets at most: at about 3 ms a 640×480 JPEG
# brought to 224×224 (bench/bench_image_pipeline.py), eight decode over 2,000 photos a second,
# more than a desktop GPU trains on; each one more holds its own batches in memory.
MAX_STREAM_WORKERS = 8


class DatasetTooLargeError(DatasetError):
    """The folder's images would not fit in memory; `scan` describes them (for streaming)."""

    def __init__(self, message: str, scan: FolderScan):
        super().__init__(message)
        self.scan = scan


class UnreadableImageError(DatasetError):
    """One image could not be decoded; `path` and `reason` say which and why."""

    def __init__(self, path: Path, reason: str):
        super().__init__(
            msg(
                "{file} could not be read as an image ({reason}). Remove it or replace it.",
                file=path,
                reason=reason,
            )
        )
        self.path, self.reason = path, reason

    def __reduce__(self):  # picklable for DataLoader worker processes
        return (UnreadableImageError, (self.path, self.reason))


def memory_limit_bytes() -> int:
    """How many bytes an in-memory image set may take on this machine."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not POSIX: assume a modest 8 GB
        total = 8 << 30
    return int(total * MEMORY_FRACTION)


def usable_cpus() -> int:
    """Cores this process may run on (a container's or `taskset`'s share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def worker_context() -> multiprocessing.context.BaseContext | None:
    """How decoding workers start. Where processes fork by default (Linux), a fork server:
    forking the app itself, from its training thread while the GUI thread runs Qt, can crash
    the app (fork handlers run in the parent beside the other threads). The server is started
    once, with this module (and PyTorch) loaded, and forks the workers from itself, so a
    worker starts in milliseconds. Elsewhere (spawn) the platform's default."""
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return None
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def stream_workers(cpus: int | None = None) -> int:
    """Worker processes that decode a streamed folder on a machine with `cpus` cores (None:
    this one's): decoding is what streaming waits for, so each core gets a worker, but above
    two cores one is left to the main process, which feeds the model (and the GPU);
    MAX_STREAM_WORKERS at most. 1 core: 1, 2: 2, 4: 3, 8: 7, 16 or more: 8."""
    cpus = usable_cpus() if cpus is None else cpus
    return max(1, min(MAX_STREAM_WORKERS, cpus if cpus <= 2 else cpus - 1))


def decode_image(
    path: Path, channels: int, size: tuple[int, int] | None = None, resize: str = DEFAULT_RESIZE
) -> np.ndarray:
    """One image as uint8 (C, H, W), upright as its EXIF orientation says, its first frame if
    it has several. With `size` (width, height) it is brought to that size by the `resize`
    policy (see studio.data.resize); a JPEG much larger than that is decoded at 1/2, 1/4 or
    1/8 scale straight away. Raises UnreadableImageError for a damaged (e.g. truncated),
    hostile or vanished file."""
    mode = "L" if channels == 1 else "RGB"
    try:
        with Image.open(path) as im:
            jpeg = im.format in JPEG_FORMATS
            orientation = exif_orientation(im) if jpeg else 1
            if size is not None and jpeg:
                # Before anything is decoded: the decoder itself then skips most of the work.
                im.draft("L" if channels == 1 else None,
                         draft_size(im.size, size, resize, orientation))
            # A JPEG's EXIF comes before its pixels, so the header said all: an upright one
            # needs no second look (nor the copy that turning makes). Streaming decodes
            # thousands of photos an epoch; these copies were a tenth of the time (bench/).
            upright = _loaded(im) if jpeg and orientation == 1 else _upright(im)
            image = upright if upright.mode == mode else _as_uint8(upright, channels)
            if size is not None:
                image = fit(image, size, resize)
            arr = np.asarray(image, dtype=np.uint8)  # read-only: copied below
    except IMAGE_ERRORS as exc:
        raise UnreadableImageError(path, image_error_reason(exc)) from exc
    return arr[None].copy() if channels == 1 else np.ascontiguousarray(arr.transpose(2, 0, 1))


def _loaded(im: Image.Image) -> Image.Image:
    im.load()  # a damaged picture raises here (e.g. truncated)
    return im


def _upright(im: Image.Image) -> Image.Image:
    """The decoded first frame, turned as its EXIF says (photos taken with the camera
    sideways store the pixels sideways). A damaged EXIF block leaves the image as stored."""
    im.load()  # a damaged picture raises here (e.g. truncated), before the EXIF is looked at
    try:
        return ImageOps.exif_transpose(im)
    except EXIF_ERRORS:
        return im.copy()


def _as_uint8(im: Image.Image, channels: int) -> Image.Image:
    """8-bit gray ("L") or RGB, whatever the file held (palette, CMYK, 16-bit, float)."""
    if im.mode.startswith("I;16"):
        # 16-bit gray: keep the high byte (Pillow's own conversion clips at 255 instead).
        high = (np.asarray(im).astype(np.uint16) >> 8).astype(np.uint8)
        im = Image.fromarray(high)
    elif channels == 3 and im.mode in GRAY_MODES and im.mode != "L":
        im = im.convert("L")  # e.g. 32-bit "I" or float "F" among colour images
    elif im.mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")  # Pillow warns when a transparent palette goes straight to RGB
    return im.convert("L" if channels == 1 else "RGB")


def load_image_folder(
    path: str | Path,
    *,
    seed: int = 0,
    image_size: tuple[int, int] | None = None,
    channels: int | None = None,
    resize: str | None = None,
) -> Dataset:
    """All images of a class folder in memory, with a stratified, seeded 20 % test split,
    each brought to `image_size` (height, width; None: the size most of them have) by the
    `resize` policy (None: centre-crop). Images that cannot be decoded are left out; the
    Dataset's notes name them and say what was resized or converted."""
    scan = scan_image_folder(path, image_size=image_size, channels=channels, resize=resize)
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
    failed: dict[int, str] = {}

    def fill(i: int) -> None:
        try:
            x[i] = decode_image(scan.files[i], scan.channels, scan.size, scan.resize)
        except UnreadableImageError as exc:
            failed[i] = exc.reason

    # Pillow releases the GIL while decoding and resizing, so a few threads help on big
    # folders (a folder too large for memory is decoded in DataLoader worker processes).
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        list(pool.map(fill, range(len(scan.files))))
    labels, classes = scan.labels, list(scan.classes)
    skipped = list(scan.skipped)
    if failed:
        keep = np.ones(len(scan.files), dtype=bool)
        keep[list(failed)] = False
        skipped += [Skipped(scan.files[i], failed[i]) for i in sorted(failed)]
        x, labels = x[keep], labels[keep]
        labels, classes = _without_empty_classes(labels, classes, scan.root, skipped)

    train, test = split_indices(len(labels), TEST_FRACTION, seed, labels=labels)
    check_split(len(train), len(test), scan.root)
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(labels)
    return Dataset(
        name="image-folder",
        title=scan.root.name or str(scan.root),
        task="classification",
        x_train=xt[train],
        y_train=yt[train],
        x_test=xt[test],
        y_test=yt[test],
        classes=classes,
        source=str(scan.root),
        notes=_notes(scan, skipped),
    )


def _notes(scan: FolderScan, skipped: list[Skipped]) -> list[Message]:
    """What the user should know about how the folder was read: files skipped, images
    resized or converted."""
    notes = [skipped_note(scan.root, skipped), scan.conversion_note()]
    return [note for note in notes if note]


def _without_empty_classes(
    labels: np.ndarray, classes: list[str], root: Path, skipped: list[Skipped]
) -> tuple[np.ndarray, list[str]]:
    """Labels renumbered without the classes that lost all their images to decoding errors."""
    present = np.unique(labels)
    if len(present) < 2:
        note = skipped_note(root, skipped)
        raise DatasetError(
            msg(
                "{root} has fewer than two classes with readable images. {note}",
                root=root,
                note=note,
            )
        )
    if len(present) == len(classes):
        return labels, classes
    renumber = np.full(len(classes), -1, dtype=np.int64)
    renumber[present] = np.arange(len(present))
    return renumber[labels], [classes[i] for i in present]


# ---------------------------------------------------------------- streaming


class _DecodedFiles(torch.utils.data.Dataset):
    # Holds only paths and labels, so it is cheap to send to worker processes, where
    # __getitem__ decodes and resizes. An image that fails to decode comes back blank with its
    # reason, so that the main process can leave it out and say which file it was (an exception
    # raised in a worker reaches it wrapped in a traceback's text).
    def __init__(
        self,
        files: list[Path],
        labels: np.ndarray,
        channels: int,
        size: tuple[int, int],
        resize: str = DEFAULT_RESIZE,
    ):
        self.files, self.labels, self.channels, self.size = files, labels, channels, size
        self.resize = resize

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor, int, str]:
        label = torch.tensor(int(self.labels[i]), dtype=torch.int64)
        try:
            image = decode_image(self.files[i], self.channels, self.size, self.resize)
        except UnreadableImageError as exc:
            blank = torch.zeros((self.channels, self.size[1], self.size[0]), dtype=torch.uint8)
            return blank, label, i, str(exc.reason)
        return torch.from_numpy(image), label, i, ""


class _CheckedBatches:
    """A DataLoader's (images, labels) batches, uint8 images as decoded. An image that could
    not be decoded is left out of its batch and recorded in `unreadable` (path: reason), for
    the notes: one damaged photo does not end a long run."""

    def __init__(
        self, loader: torch.utils.data.DataLoader, files: list[Path], unreadable: dict[Path, str]
    ) -> None:
        self.loader, self.files, self.unreadable = loader, files, unreadable

    def __len__(self) -> int:
        return len(self.loader)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        for x, y, index, reasons in self.loader:
            bad = [k for k, reason in enumerate(reasons) if reason]
            if bad:
                for k in bad:
                    self.unreadable[self.files[int(index[k])]] = reasons[k]
                keep = torch.ones(len(reasons), dtype=torch.bool)
                keep[bad] = False
                x, y = x[keep], y[keep]
                if not len(y):
                    continue
            yield x, y


class StreamingImageFolder:
    """A class folder read from disk batch by batch, for folders too large for memory.

    Batches look like the in-memory Dataset's: uint8 (B, C, H, W) images and int64 labels, so the
    same trainer code (float_x, augmentation on batches) applies. Images are decoded and resized
    in the DataLoader's worker processes; one that turns out to be unreadable is left out of its
    batch and named in `notes`."""

    name = "image-folder"
    title = "Image folder (streamed from disk)"
    task = "classification"
    is_image = True

    def __init__(
        self,
        path: str | Path,
        *,
        seed: int = 0,
        scan: FolderScan | None = None,
        image_size: tuple[int, int] | None = None,
        channels: int | None = None,
        resize: str | None = None,
    ):
        if scan is None:
            scan = scan_image_folder(path, image_size=image_size, channels=channels, resize=resize)
        self.scan = scan
        self.train_index, self.test_index = split_indices(
            len(self.scan.files), TEST_FRACTION, seed, labels=self.scan.labels
        )
        check_split(len(self.train_index), len(self.test_index), self.scan.root)
        # Files found unreadable while streaming (path: reason). Shared by copies of this
        # object (a limited copy trains), so that the notes say what any of them met.
        self.unreadable: dict[Path, str] = {}

    @property
    def notes(self) -> list[Message]:
        """Plain-words notes for the user: files skipped while scanning or (so far) while
        reading, images resized or converted."""
        read = [Skipped(path, reason) for path, reason in self.unreadable.items()]
        return _notes(self.scan, [*self.scan.skipped, *read])

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
        """A batch as the network sees it: floats in [0, 1], on the device `x` is on."""
        if x.device.type != "cpu":
            return x.to(torch.float32).div_(255.0)
        # On the CPU, in this thread alone: torch's threads, waiting for cores that the
        # decoding workers hold, spent three times the division's CPU time, time the workers
        # lacked (main process 0.85 -> 0.30 ms an image, epoch 18 % shorter on 2 cores;
        # bench/bench_image_pipeline.py). The same floats: both divide in float32.
        out = torch.empty(x.shape, dtype=torch.float32)
        np.divide(x.numpy(), np.float32(255.0), out=out.numpy(), dtype=np.float32)
        return out

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
        workers: int | None = None,
        split: str = "train",
        index: np.ndarray | None = None,
        generator: torch.Generator | None = None,
    ) -> _CheckedBatches:
        """Batches of (uint8 images, int64 labels) from the train or test split, or from the
        given positions in the folder (`index`, e.g. a validation part of the train split),
        decoded by `workers` processes (None: `stream_workers()`; 0: in this process).
        Shuffled, with `generator` the order is `torch.randperm(n, generator=generator)`: the
        one an in-memory set's batches take from the same generator (studio.supervised's
        TensorSource), so a run's seed decides it. Unreadable images are left out of their
        batches and recorded in `unreadable`."""
        if index is None:
            index = {"train": self.train_index, "test": self.test_index}[split]
        if workers is None:
            workers = stream_workers()
        files = [self.scan.files[i] for i in index]
        data = _DecodedFiles(
            files, self.scan.labels[index], self.scan.channels, self.scan.size, self.scan.resize
        )
        order = None
        if shuffle and generator is not None:
            order = torch.randperm(len(files), generator=generator).tolist()
        loader = torch.utils.data.DataLoader(
            data,
            batch_size=batch_size,
            shuffle=shuffle and order is None,
            sampler=order,
            num_workers=workers,
            multiprocessing_context=worker_context() if workers else None,
            # uint8 batches: a quarter of float32's bytes to copy to the GPU, converted there.
            pin_memory=torch.cuda.is_available(),
        )
        return _CheckedBatches(loader, files, self.unreadable)
