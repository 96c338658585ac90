"""Look through an image folder (one subfolder per class) without decoding any image.

The folder comes from the user and may be anything: the whole disk, a tree with symlink loops,
unreadable subfolders, files that only pretend to be images, decompression bombs. The walk is
bounded (MAX_ENTRIES), follows a symlinked folder at most once, and reads each image's header
only. A file that cannot be used is skipped and counted (see `skipped_note`) rather than failing
the whole set; what makes the set unusable (no folder, fewer than two classes) raises
DatasetError. Images of other sizes are welcome: the scan chooses the size they are all brought
to (see `resize`) and counts what decoding will have to do (resize, convert, turn upright).
"""

from __future__ import annotations

import os
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import Image, UnidentifiedImageError

from ..messages import Message, joined, msg, term
from .base import DatasetError
from .resize import check_resize, oriented_size, policy_name

IMAGE_EXTENSIONS = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm", ".pbm"}
)
GRAY_MODES = frozenset({"1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"})
# Files and folders looked at before giving up: ImageNet's training set (1.28 million images in
# 1,000 folders) fits; a walk through the whole disk or a home folder stops with a message.
MAX_ENTRIES = 2_000_000
# A walk that takes longer than this is not a data set on a local disk (a network share of
# millions of files, a mounted archive): stop rather than seem to hang.
MAX_SCAN_SECONDS = 120.0
# What Pillow raises for damaged or hostile files: OSError (truncated, broken stream, unknown
# format), ValueError (bad header values, unsupported mode), DecompressionBombError (not an
# OSError), EOFError (cut-off multi-frame files).
IMAGE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    ValueError,
    EOFError,
    Image.DecompressionBombError,
)
# Skipped files named in a note, at most.
NOTE_EXAMPLES = 3
# The EXIF tag that says which way up a photo was taken.
ORIENTATION_TAG = 0x0112
# What Pillow's EXIF reader raises for a damaged EXIF block, besides IMAGE_ERRORS: the picture
# is still good, only its orientation is unknown (taken as upright).
EXIF_ERRORS: tuple[type[BaseException], ...] = (*IMAGE_ERRORS, KeyError, SyntaxError)
DEEP_MODES = frozenset({"I;16", "I;16B", "I;16L", "I;16N"})


@dataclass
class Conversions:
    """What decoding will do to the images beyond reading them, counted from their headers:
    the notes tell the user, so that nothing happens to their photos unsaid."""

    resized: int = 0  # not at the target size: resized by the policy
    cmyk: int = 0  # printing colours, converted to RGB
    deep: int = 0  # 16 bits per pixel, reduced to 8
    turned: int = 0  # EXIF says the camera was held sideways or upside down
    animated: int = 0  # several frames: the first is used


@dataclass
class FolderScan:
    """What a class folder holds, learned from the image headers only (nothing decoded)."""

    root: Path
    classes: list[str]
    files: list[Path]
    labels: np.ndarray  # int64, one per file
    height: int  # the size every image is brought to (see `resize`)
    width: int
    channels: int  # 1 if every image is grayscale (or the model takes gray), else 3
    # Files left out, each with the reason in plain words.
    skipped: list[Skipped] = field(default_factory=list)
    resize: str = "center-crop"  # how an image of another size is brought to height × width
    conversions: Conversions = field(default_factory=Conversions)

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return (self.channels, self.height, self.width)

    @property
    def nbytes(self) -> int:
        return len(self.files) * self.channels * self.height * self.width

    @property
    def size(self) -> tuple[int, int]:
        """(width, height), as Pillow gives sizes."""
        return (self.width, self.height)

    def note(self) -> Message | None:
        """The skipped files in one sentence for the user, or None when none was skipped."""
        return skipped_note(self.root, self.skipped)

    def conversion_note(self) -> Message | None:
        """What decoding does to the images (resized, converted, turned), in one or two
        sentences; None when the images are used as they are."""
        done = self.conversions
        parts: list[Message] = []
        if done.resized:
            parts.append(
                msg(
                    "{count:,} of {total:,} images are not {w}×{h} pixels: they are {how}.",
                    count=done.resized,
                    total=len(self.files),
                    w=self.width,
                    h=self.height,
                    how=policy_name(self.resize),
                )
            )
        changes: list[Message] = []
        if done.cmyk:
            changes.append(msg("{count:,} CMYK to RGB", count=done.cmyk))
        if done.deep:
            changes.append(msg("{count:,} from 16 to 8 bits", count=done.deep))
        if done.turned:
            changes.append(
                msg("{count:,} turned upright as their EXIF orientation says", count=done.turned)
            )
        if done.animated:
            changes.append(msg("{count:,} animated (the first frame is used)", count=done.animated))
        if changes:
            parts.append(msg("Images converted: {changes}.", changes=joined(changes, "; ")))
        return joined(parts, " ") if parts else None


class Skipped(NamedTuple):
    """A file (or folder) left out of the data set, and why, in plain words."""

    path: Path
    reason: str
    folder: bool = False


def skipped_note(root: Path, skipped: list[Skipped]) -> Message | None:
    if not skipped:
        return None
    examples = "; ".join(
        f"{_relative(item.path, root)} ({item.reason})" for item in skipped[:NOTE_EXAMPLES]
    )
    if len(skipped) > NOTE_EXAMPLES:
        examples += "; …"
    folders = sum(item.folder for item in skipped)
    files = len(skipped) - folders
    parts = []
    if files:
        parts.append(msg("one file") if files == 1 else msg("{count:,} files", count=files))
    if folders:
        parts.append(msg("one folder") if folders == 1 else msg("{count:,} folders", count=folders))
    what = (
        parts[0]
        if len(parts) == 1
        else msg("{files} and {folders}", files=parts[0], folders=parts[1])
    )
    return msg(
        "Skipped {what} in {root} that could not be used: {examples}.",
        what=what,
        root=root,
        examples=examples,
    )


def image_error_reason(exc: BaseException) -> str:
    """Why Pillow could not use a file, in words (without repeating the file's path)."""
    if isinstance(exc, Image.DecompressionBombError):
        return term("too many pixels: a possible decompression bomb")
    if isinstance(exc, UnidentifiedImageError):
        return term("not an image that can be read")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def scan_image_folder(
    path: str | Path,
    *,
    image_size: tuple[int, int] | None = None,
    channels: int | None = None,
    resize: str | None = None,
) -> FolderScan:
    """Check a class folder and read every image's header. Raises DatasetError saying what to
    fix: missing folder, fewer than two classes, a tree too large to be an image set.
    Unreadable images are skipped and listed in `FolderScan.skipped`.

    image_size (height, width): the size every image is brought to, by the `resize` policy
    (default centre-crop); None: the size most images have (upright). channels (1 or 3): what
    the model takes; None: 1 when every image is gray, else 3."""
    policy = check_resize(resize)
    root = _check_root(Path(path))
    budget = _Budget(root)
    skipped: list[Skipped] = []
    classes: list[str] = []
    files: list[Path] = []
    labels: list[int] = []
    sizes: list[tuple[int, int]] = []
    conversions = Conversions()
    gray = True
    empty: list[str] = []
    folders, loose = _class_folders(root, budget)
    for sub in folders:
        found = 0
        for f in _image_files(sub, budget, skipped):
            with warnings.catch_warnings():
                # Images over Pillow's pixel limit are skipped below, with a note: its
                # warning would only repeat that on the terminal.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                header = _read_header(f, skipped)
            if header is None:
                continue
            size, mode = header.size, header.mode
            files.append(f)
            sizes.append(size)
            conversions.cmyk += mode == "CMYK"
            conversions.deep += mode in DEEP_MODES
            conversions.turned += header.orientation != 1
            conversions.animated += header.animated
            labels.append(len(classes))
            gray = gray and mode in GRAY_MODES
            found += 1
        if found:
            classes.append(sub.name)
        else:
            empty.append(sub.name)
    if len(classes) < 2:
        raise DatasetError(_too_few_classes(root, classes, empty, skipped, loose))
    if image_size is None:
        width, height = _common_size(sizes)
    else:
        height, width = image_size
    conversions.resized = sum(size != (width, height) for size in sizes)
    return FolderScan(
        root=root,
        classes=classes,
        files=files,
        labels=np.asarray(labels, dtype=np.int64),
        height=height,
        width=width,
        channels=channels or (1 if gray else 3),
        skipped=skipped,
        resize=policy,
        conversions=conversions,
    )


def _check_root(root: Path) -> Path:
    try:
        exists, is_dir = root.exists(), root.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise DatasetError(
            msg("The folder {root} cannot be opened: {error}.", root=root, error=exc.strerror)
        ) from exc
    if not exists:
        raise DatasetError(
            msg(
                "The folder {root} does not exist. Choose a folder that holds one "
                "subfolder of images per class.",
                root=root,
            )
        )
    if not is_dir:
        raise DatasetError(
            msg(
                "{root} is a file, not a folder. Choose a folder that holds one "
                "subfolder of images per class.",
                root=root,
            )
        )
    real = os.path.realpath(root)
    if os.path.dirname(real) == real:
        raise DatasetError(
            msg(
                "{root} is the top of the file system, not an image data set. Choose the "
                "folder that holds one subfolder of images per class.",
                root=root,
            )
        )
    return root


class _Budget:
    """Counts the files and folders looked at and the time taken; past MAX_ENTRIES or
    MAX_SCAN_SECONDS the scan stops with a message instead of walking a whole disk."""

    def __init__(self, root: Path) -> None:
        self.root, self.seen = root, 0
        self.start = time.monotonic()
        try:
            info = root.stat()
            self.root_key: tuple[int, int] | None = (info.st_dev, info.st_ino)
        except OSError:
            self.root_key = None

    def spend(self, count: int = 1) -> None:
        self.seen += count
        if self.seen > MAX_ENTRIES:
            raise DatasetError(
                msg(
                    "Stopped looking through {root} after {count:,} files and folders: far "
                    "more than an image data set holds. Choose the folder whose subfolders "
                    "are the classes (each holding that class's images).",
                    root=self.root,
                    count=MAX_ENTRIES,
                )
            )
        if time.monotonic() - self.start > MAX_SCAN_SECONDS:
            raise DatasetError(
                msg(
                    "Stopped looking through {root} after {seconds:g} seconds and {count:,} "
                    "files and folders. Choose the folder whose subfolders are the classes "
                    "(each holding that class's images), on a faster disk if it is this large.",
                    root=self.root,
                    seconds=MAX_SCAN_SECONDS,
                    count=self.seen,
                )
            )


def _class_folders(root: Path, budget: _Budget) -> tuple[list[Path], int]:
    """The class subfolders, sorted, and how many images lie loose beside them."""
    try:
        with os.scandir(root) as entries:
            listed = list(entries)
    except OSError as exc:
        raise DatasetError(
            msg("The folder {root} cannot be read: {error}.", root=root, error=exc.strerror)
        ) from exc
    budget.spend(len(listed))
    folders = []
    loose = 0
    for entry in listed:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():  # follows a symlink: a class may live elsewhere
                folders.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() in IMAGE_EXTENSIONS:
                loose += 1
        except OSError:
            continue
    return sorted(folders), loose


def _image_files(folder: Path, budget: _Budget, skipped: list[Skipped]) -> list[Path]:
    """Image files anywhere under `folder`, sorted, hidden files and folders left out. Each
    folder is entered once even when symlinks lead back to it or to the data set's top
    folder (no loops, no class holding the others)."""
    found: list[Path] = []
    visited = {budget.root_key} if budget.root_key else set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = current.stat()
            key = (info.st_dev, info.st_ino)
            if key in visited:
                continue
            visited.add(key)
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as exc:
            reason = msg("not readable: {error}", error=exc.strerror)
            skipped.append(Skipped(current, reason, folder=True))
            continue
        budget.spend(len(listed))
        for entry in listed:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                # Links to folders are not followed inside a class (a class folder itself may
                # be one): /proc, /sys and many homes hold links back to the top of the disk.
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif path.suffix.lower() in IMAGE_EXTENSIONS:
                    if entry.is_file():
                        found.append(path)
                    else:  # a broken link, a pipe or a device named like an image
                        skipped.append(Skipped(path, term("not a regular file")))
            except OSError as exc:
                skipped.append(Skipped(path, exc.strerror or str(exc)))
    return sorted(found)


class Header(NamedTuple):
    """What an image's header says: its size once upright (width, height), its mode, its
    EXIF orientation (1: upright) and whether it has several frames."""

    size: tuple[int, int]
    mode: str
    orientation: int
    animated: bool


def _read_header(path: Path, skipped: list[Skipped]) -> Header | None:
    """The image's header, or None (and a skipped entry) for a file that cannot be used:
    unreadable, not an image, no pixels, too many pixels."""
    try:
        with Image.open(path) as im:
            size, mode = im.size, im.mode
            orientation = exif_orientation(im)
            # A phone's MPO file is a photo followed by previews or depth maps, not frames.
            animated = im.format != "MPO" and bool(getattr(im, "is_animated", False))
    except IMAGE_ERRORS as exc:
        skipped.append(Skipped(path, image_error_reason(exc)))
        return None
    width, height = size
    if width <= 0 or height <= 0:
        skipped.append(Skipped(path, msg("no pixels ({w}×{h})", w=width, h=height)))
        return None
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and width * height > limit:
        # Pillow only warns below twice its limit; a set of such images would not fit anyway.
        skipped.append(
            Skipped(
                path,
                msg(
                    "{w}×{h} pixels, more than the {limit:,} allowed",
                    w=width,
                    h=height,
                    limit=limit,
                ),
            )
        )
        return None
    return Header(oriented_size(size, orientation), mode, orientation, animated)


def exif_orientation(im: Image.Image) -> int:
    """The EXIF orientation (1 to 8; 1 is upright) read from the header, never decoding the
    pixels: a PNG keeps its EXIF anywhere, so only one whose EXIF came before the pixels
    counts. A damaged EXIF block counts as upright."""
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    try:
        value = im.getexif().get(ORIENTATION_TAG, 1)
    except EXIF_ERRORS:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _too_few_classes(
    root: Path,
    classes: list[str],
    empty: list[str],
    skipped: list[Skipped],
    loose: int,
) -> Message:
    if classes:
        found = msg("only the class {name!r}", name=classes[0])
    else:
        found = msg("no class with images")
    if empty:
        shown = ", ".join(empty[:10]) + (", …" if len(empty) > 10 else "")
        found = msg("{found} (subfolders without images: {empty})", found=found, empty=shown)
    text = msg(
        "{root} has {found}. An image folder needs at least two subfolders, one per "
        "class, each holding images (PNG, JPEG, BMP, ...).",
        root=root,
        found=found,
    )
    if loose and not classes:
        text = msg(
            "{text} Its {count:,} images lie directly in it: put each class's images in a "
            "subfolder named after the class.",
            text=text,
            count=loose,
        )
    note = skipped_note(root, skipped)
    return joined([text, note], " ") if note else text


def _common_size(sizes: list[tuple[int, int]]) -> tuple[int, int]:
    """(width, height) most images have: the fewest need resizing (the first seen of equals)."""
    return Counter(sizes).most_common(1)[0][0]


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
