"""The classic image sets: MNIST, Fashion-MNIST, KMNIST (IDX files) and CIFAR-10 (binary version).

Each is looked for on disk first (an explicit folder, Debian's package folder for Fashion-MNIST,
our cache, torchvision's folder layout inside the cache) and downloaded into the cache only when
missing. CIFAR-10 is read from its *binary* archive: the Python version is pickled, and nothing
NetStudio reads is ever unpickled.
"""

from __future__ import annotations

import os
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import joined, msg, term
from .base import Dataset, DatasetError, ProgressFn
from .download import DownloadError, download, mirror_urls
from .idx import read_idx

if TYPE_CHECKING:  # imported where used: listing data sets needs neither
    import torch

FMNIST_SYSTEM_DIR = "/usr/share/datasets/fashion-mnist"
FMNIST_DIR_ENV = "NETSTUDIO_FMNIST_DIR"

IDX_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)
CIFAR_ARCHIVE = "cifar-10-binary.tar.gz"
CIFAR_DIR = "cifar-10-batches-bin"
CIFAR_TRAIN = tuple(f"data_batch_{i}.bin" for i in range(1, 6))
CIFAR_TEST = ("test_batch.bin",)
CIFAR_RECORD = 1 + 3 * 32 * 32  # one label byte, then the red, green and blue planes

# MD5 of every file we download, as published by the data sets' authors (and used by
# torchvision). Keyed by (data set id, file name). Tests that serve their own small files from a
# local mirror put those files' sums here (pytest's monkeypatch.setitem).
EXPECTED_MD5: dict[tuple[str, str], str] = {
    ("mnist", "train-images-idx3-ubyte.gz"): "f68b3c2dcbeaaa9fbdd348bbdeb94873",
    ("mnist", "train-labels-idx1-ubyte.gz"): "d53e105ee54ea40749a09fcbcd1e9432",
    ("mnist", "t10k-images-idx3-ubyte.gz"): "9fb629c4189551a2d022fa330f9573f3",
    ("mnist", "t10k-labels-idx1-ubyte.gz"): "ec29112dd5afa0611ce80d1b7f02629c",
    ("fashion-mnist", "train-images-idx3-ubyte.gz"): "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    ("fashion-mnist", "train-labels-idx1-ubyte.gz"): "25c81989df183df01b3e8a0aad5dffbe",
    ("fashion-mnist", "t10k-images-idx3-ubyte.gz"): "bef4ecab320f06d8554ea6380940ec79",
    ("fashion-mnist", "t10k-labels-idx1-ubyte.gz"): "bb300cfdad3c16e7a12a480ee83cd310",
    ("kmnist", "train-images-idx3-ubyte.gz"): "bdb82020997e1d708af4cf47b453dcf7",
    ("kmnist", "train-labels-idx1-ubyte.gz"): "e144d726b3acfaa3e44228e80efcd344",
    ("kmnist", "t10k-images-idx3-ubyte.gz"): "5c965bf0a639b31b8f53240b1b52f4d7",
    ("kmnist", "t10k-labels-idx1-ubyte.gz"): "7320c461ea6c1c855c0b718fb2a4b134",
    ("cifar-10", CIFAR_ARCHIVE): "c32a1d4ab5d03f1284b67883e8d87530",
}


@dataclass(frozen=True)
class VisionSpec:
    name: str
    title: str
    classes: tuple[str, ...]
    input_shape: tuple[int, int, int]
    files: tuple[str, ...]
    base_urls: tuple[str, ...]  # tried in order; each file is <base>/<file name>
    torchvision_dir: str  # torchvision's folder name under its root, e.g. "MNIST"
    size_mb: int  # download size, for the listing


_DIGITS = tuple(str(d) for d in range(10))
SPECS: dict[str, VisionSpec] = {
    s.name: s
    for s in (
        VisionSpec(
            name="mnist",
            title="MNIST",
            classes=_DIGITS,
            input_shape=(1, 28, 28),
            files=IDX_FILES,
            base_urls=(
                "https://ossci-datasets.s3.amazonaws.com/mnist/",
                "http://yann.lecun.com/exdb/mnist/",
            ),
            torchvision_dir="MNIST",
            size_mb=11,
        ),
        VisionSpec(
            name="fashion-mnist",
            title="Fashion-MNIST",
            classes=(
                "T-shirt/top",
                "Trouser",
                "Pullover",
                "Dress",
                "Coat",
                "Sandal",
                "Shirt",
                "Sneaker",
                "Bag",
                "Ankle boot",
            ),
            input_shape=(1, 28, 28),
            files=IDX_FILES,
            # The S3 website endpoint speaks plain HTTP only; the MD5 check guards the content.
            base_urls=(
                "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/",
            ),
            torchvision_dir="FashionMNIST",
            size_mb=30,
        ),
        VisionSpec(
            name="kmnist",
            title="Kuzushiji-MNIST",
            classes=(
                "お (o)",
                "き (ki)",
                "す (su)",
                "つ (tsu)",
                "な (na)",
                "は (ha)",
                "ま (ma)",
                "や (ya)",
                "れ (re)",
                "を (wo)",
            ),
            input_shape=(1, 28, 28),
            files=IDX_FILES,
            base_urls=(
                "https://codh.rois.ac.jp/kmnist/dataset/kmnist/",
                "http://codh.rois.ac.jp/kmnist/dataset/kmnist/",
            ),
            torchvision_dir="KMNIST",
            size_mb=20,
        ),
        VisionSpec(
            name="cifar-10",
            title="CIFAR-10",
            classes=(
                "airplane",
                "automobile",
                "bird",
                "cat",
                "deer",
                "dog",
                "frog",
                "horse",
                "ship",
                "truck",
            ),
            input_shape=(3, 32, 32),
            files=(CIFAR_ARCHIVE,),
            base_urls=("https://www.cs.toronto.edu/~kriz/",),
            torchvision_dir="CIFAR10",
            size_mb=163,
        ),
    )
}


# ---------------------------------------------------------------- finding files on disk


def fmnist_system_dir() -> Path:
    """Debian's dataset-fashion-mnist folder, or $NETSTUDIO_FMNIST_DIR where that is set."""
    return Path(os.environ.get(FMNIST_DIR_ENV) or FMNIST_SYSTEM_DIR)


def _search_dirs(spec: VisionSpec, cache_dir: Path, path: str | Path | None) -> list[Path]:
    """Folders to look in, best first."""
    dirs: list[Path] = []
    if path is not None:
        dirs.append(Path(path).expanduser())
    if spec.name == "fashion-mnist":
        dirs.append(fmnist_system_dir())
    dirs += [
        cache_dir / spec.name,  # where we download to
        cache_dir / spec.torchvision_dir / "raw",  # torchvision's layout with root=cache_dir
        cache_dir / spec.torchvision_dir,
    ]
    if spec.name == "cifar-10":
        dirs.append(cache_dir)  # <cache>/cifar-10-batches-bin, as unpacked by hand
    return dirs


def _idx_file(folder: Path, name: str) -> Path | None:
    # torchvision unpacks the .gz files, so accept either form.
    for candidate in (folder / name, folder / name.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    return None


def _find_idx(folder: Path) -> dict[str, Path] | None:
    found = {name: _idx_file(folder, name) for name in IDX_FILES}
    if all(found.values()):
        return found  # type: ignore[return-value]
    return None


def _find_cifar(folder: Path) -> Path | None:
    """The archive, or a folder holding the six unpacked .bin files, found in folder."""
    if (folder / CIFAR_ARCHIVE).is_file():
        return folder / CIFAR_ARCHIVE
    for d in (folder / CIFAR_DIR, folder):
        if all((d / f).is_file() for f in CIFAR_TRAIN + CIFAR_TEST):
            return d
    return None


def locate(name: str, cache_dir: Path, path: str | Path | None = None) -> Path | None:
    """The folder (or, for CIFAR-10, the archive) holding a complete copy of the set, or None."""
    for folder in _search_dirs(SPECS[name], cache_dir, path):
        if name == "cifar-10":
            found = _find_cifar(folder)
            if found is not None:
                return found
        elif _find_idx(folder) is not None:
            return folder
    return None


def describe_availability(name: str, cache_dir: Path) -> tuple[bool, str, str]:
    """(available, detail, kind) for the listing. Looks at the disk only, never the network."""
    spec = SPECS[name]
    found = locate(name, cache_dir)
    if found is not None:
        on_system = name == "fashion-mnist" and found == fmnist_system_dir()
        return (
            True,
            msg("found in {folder}", folder=found),
            "system" if on_system else "torchvision",
        )
    if name == "fashion-mnist":
        detail = msg(
            "not on this machine; downloads about {size} MB into {folder} "
            "(or install it offline: apt-get install dataset-fashion-mnist)",
            size=spec.size_mb,
            folder=cache_dir / name,
        )
    else:
        detail = msg(
            "not on this machine; downloads about {size} MB into {folder}",
            size=spec.size_mb,
            folder=cache_dir / name,
        )
    return False, detail, "torchvision"


# ---------------------------------------------------------------- loading


def load_vision(
    name: str,
    *,
    cache_dir: Path,
    path: str | Path | None = None,
    download_missing: bool = True,
    progress: ProgressFn | None = None,
) -> Dataset:
    spec = SPECS[name]
    found = locate(name, cache_dir, path)
    if found is None:
        if path is not None:
            raise DatasetError(
                f"{spec.title} was not found in {path}. The folder should hold "
                f"{', '.join(spec.files) if name != 'cifar-10' else CIFAR_ARCHIVE}."
            )
        if not download_missing:
            reason = msg(
                "{title} is not on this machine (looked in {folder}) and downloading is turned off",
                title=term(spec.title, "datasets"),
                folder=cache_dir / name,
            )
            raise DatasetError(
                msg("{reason}. {hint}", reason=reason, hint=_offline_hint(name, cache_dir))
            )
        found = _download(spec, cache_dir, progress)
    if name == "cifar-10":
        return _load_cifar(spec, found)
    return _load_idx(spec, found)


def _download(spec: VisionSpec, cache_dir: Path, progress: ProgressFn | None) -> Path:
    target = cache_dir / spec.name
    # Files already downloaded by an earlier, interrupted load are kept (they passed the MD5).
    if spec.name == "cifar-10":
        missing = [f for f in spec.files if not (target / f).is_file()]
    else:
        missing = [f for f in spec.files if _idx_file(target, f) is None]
    for i, filename in enumerate(missing, 1):
        urls = mirror_urls(spec.name, filename) or [b + filename for b in spec.base_urls]
        title = term(spec.title, "datasets")
        message = msg("Downloading {title}: {file}", title=title, file=filename)
        if len(missing) > 1:
            message = msg(
                "Downloading {title}: {file} ({i} of {n})",
                title=title,
                file=filename,
                i=i,
                n=len(missing),
            )
        try:
            download(
                urls,
                target / filename,
                md5=EXPECTED_MD5.get((spec.name, filename)),
                progress=progress,
                message=message,
            )
        except DownloadError as exc:
            # Plain words first; the URLs tried come last, for whoever has to debug it.
            why = exc.reasons[-1][1] if exc.reasons else "no download address"
            tried = "; ".join(f"{url} ({reason})" for url, reason in exc.reasons)
            reason = msg(
                "{title} is not on this machine and could not be downloaded ({why})",
                title=term(spec.title, "datasets"),
                why=why,
            )
            raise DatasetError(
                msg(
                    "{reason}. Check the internet connection and try again. {hint} Tried: {tried}.",
                    reason=reason,
                    hint=_offline_hint(spec.name, cache_dir),
                    tried=tried,
                )
            ) from exc
    return target if spec.name != "cifar-10" else target / CIFAR_ARCHIVE


def _offline_hint(name: str, cache_dir: Path) -> str:
    spec = SPECS[name]
    files, folder = ", ".join(spec.files), cache_dir / name
    alternatives = [term("synthetic-shapes (built in)")]
    if name == "fashion-mnist":
        return msg(
            "To add it by hand, copy {files} into {folder}. Or install it with: sudo apt-get "
            "install dataset-fashion-mnist. Data sets that work offline: {alternatives}.",
            files=files,
            folder=folder,
            alternatives=joined(alternatives),
        )
    if locate("fashion-mnist", cache_dir) is not None:
        alternatives.append(term("fashion-mnist (already on this machine)"))
    else:
        alternatives.append(
            term(
                "fashion-mnist (install it offline with: "
                "sudo apt-get install dataset-fashion-mnist)"
            )
        )
    return msg(
        "To add it by hand, copy {files} into {folder}. Data sets that work offline: "
        "{alternatives}.",
        files=files,
        folder=folder,
        alternatives=joined(alternatives),
    )


def _load_idx(spec: VisionSpec, folder: Path) -> Dataset:
    import numpy as np
    import torch

    files = _find_idx(folder)
    assert files is not None
    arrays = {name: read_idx(p) for name, p in files.items()}
    x_train, y_train = arrays[IDX_FILES[0]], arrays[IDX_FILES[1]]
    x_test, y_test = arrays[IDX_FILES[2]], arrays[IDX_FILES[3]]
    for x, y, split in ((x_train, y_train, "training"), (x_test, y_test, "test")):
        if x.ndim != 3 or x.dtype != np.uint8 or y.ndim != 1 or len(x) != len(y):
            raise DatasetError(
                f"The {split} files of {spec.title} in {folder} do not fit together (images "
                f"{x.shape}, labels {y.shape}). Delete them and load the data set again."
            )
        if len(y) and int(y.max()) >= len(spec.classes):
            raise DatasetError(
                f"The {split} labels of {spec.title} in {folder} hold an unknown class "
                f"{int(y.max())}. Delete the files and load the data set again."
            )
    return Dataset(
        name=spec.name,
        title=spec.title,
        task="classification",
        x_train=torch.from_numpy(x_train[:, None]),
        y_train=torch.from_numpy(y_train.astype(np.int64)),
        x_test=torch.from_numpy(x_test[:, None]),
        y_test=torch.from_numpy(y_test.astype(np.int64)),
        classes=list(spec.classes),
        source=str(folder),
    )


def _load_cifar(spec: VisionSpec, found: Path) -> Dataset:
    import numpy as np
    import torch

    wanted = set(CIFAR_TRAIN + CIFAR_TEST)
    blobs: dict[str, bytes] = {}
    try:
        if found.is_dir():
            blobs = {f: (found / f).read_bytes() for f in wanted}
        else:
            # Read the six members straight from the archive: nothing is extracted, so no path
            # inside it can write anywhere.
            with tarfile.open(found, "r:gz") as tar:
                for member in tar:
                    base = member.name.rsplit("/", 1)[-1]
                    if member.isfile() and base in wanted:
                        f = tar.extractfile(member)
                        if f is not None:
                            blobs[base] = f.read()
    except (OSError, EOFError, tarfile.TarError) as exc:
        raise DatasetError(
            f"Could not read CIFAR-10 from {found}: {exc}. The file may be damaged; delete it and "
            "load the data set again."
        ) from exc
    missing = wanted - blobs.keys()
    if missing:
        raise DatasetError(
            f"{found} does not hold the CIFAR-10 binary files {', '.join(sorted(missing))}. "
            "Delete it and load the data set again."
        )

    def records(names: tuple[str, ...]) -> tuple[torch.Tensor, torch.Tensor]:
        raw = b"".join(blobs[n] for n in names)
        if len(raw) % CIFAR_RECORD:
            raise DatasetError(
                f"The CIFAR-10 files in {found} are damaged (truncated records). Delete them and "
                "load the data set again."
            )
        table = np.frombuffer(raw, dtype=np.uint8).reshape(-1, CIFAR_RECORD)
        labels = table[:, 0].astype(np.int64)
        if len(labels) and labels.max() >= len(spec.classes):
            raise DatasetError(f"The CIFAR-10 files in {found} hold unknown labels.")
        images = np.ascontiguousarray(table[:, 1:]).reshape(-1, 3, 32, 32)
        return torch.from_numpy(images), torch.from_numpy(labels)

    x_train, y_train = records(CIFAR_TRAIN)
    x_test, y_test = records(CIFAR_TEST)
    return Dataset(
        name=spec.name,
        title=spec.title,
        task="classification",
        x_train=x_train,
        y_train=y_train,
        x_test=x_test,
        y_test=y_test,
        classes=list(spec.classes),
        source=str(found),
    )
