"""Streaming a folder of photos: NetStudio's input pipeline vs torchvision's ImageFolder idiom.

The bench writes JPEG photos (640×480, several classes, content varied so that files have the
sizes real photos have) into a temporary folder, then reads them all once at 224×224, each way
with the same number of DataLoader workers, until a float batch in [0, 1] is on the device:
  - NetStudio: the streamed image folder as a run reads it (studio.supervised.StreamSource over
    StreamingImageFolder, the workers a run uses), then the run's float conversion (a run
    streams a folder too large for memory; this one is streamed whatever its size);
  - torchvision: datasets.ImageFolder with Resize(256), CenterCrop(224), ToTensor and a
    DataLoader with the same workers and batch size (pin_memory on CUDA).
Each is run --epochs times, alternating, and its best epoch counts (the machine may be shared).
Prints images/s of each and the ratio (target ≥ 1.5×), and the CPU time an image takes each
way, which another program's load on the machine changes far less than the wall time.

    .venv/bin/python bench/bench_image_pipeline.py [--images 5000] [--epochs 2]
                                                   [--batch-size 32] [--device auto]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw

PHOTO_SIZE = (640, 480)  # width, height
SIDE = 224
CLASSES = 5
QUALITY = 90  # what cameras and phones write, give or take


_GRAIN: np.ndarray | None = None  # per process: noise to crop each photo's grain from


def _photo(path: Path, seed: int) -> int:
    """A photo-like JPEG: smooth light and colour, a few soft-edged shapes, sensor grain.
    Returns its bytes."""
    global _GRAIN
    w, h = PHOTO_SIZE
    if _GRAIN is None:
        _GRAIN = np.random.default_rng(os.getpid()).normal(0, 8, (2 * h, 2 * w, 3)).astype(
            np.int16)
    rng = np.random.default_rng(seed)
    # Low-frequency colour (sky, walls, lighting) scaled up from a coarse grid; shapes drawn
    # at half size and scaled up with it, so their edges are soft as a lens makes them.
    coarse = rng.integers(0, 256, (6, 8, 3), dtype=np.uint8)
    im = Image.fromarray(coarse).resize((w // 2, h // 2), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(im)
    for _ in range(rng.integers(4, 12)):
        x0, y0 = int(rng.integers(0, w // 2)), int(rng.integers(0, h // 2))
        x1, y1 = x0 + int(rng.integers(10, 150)), y0 + int(rng.integers(10, 125))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x0, y0, x1, y1), fill=colour)
    im = im.resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    # Grain and texture: what makes a real photo's JPEG tens of kilobytes.
    top, left = int(rng.integers(0, h)), int(rng.integers(0, w))
    grain = _GRAIN[top : top + h, left : left + w] * rng.uniform(0.5, 1.5)
    pixels = np.clip(np.asarray(im, dtype=np.int16) + grain.astype(np.int16), 0, 255)
    Image.fromarray(pixels.astype(np.uint8)).save(path, quality=QUALITY)
    return path.stat().st_size


def make_photos(root: Path, images: int) -> int:
    """`images` photos in CLASSES class folders under `root`; returns their total bytes."""
    paths = []
    for i in range(images):
        folder = root / f"class_{i % CLASSES}"
        folder.mkdir(parents=True, exist_ok=True)
        paths.append(folder / f"photo_{i:05d}.jpg")
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(_photo, paths, range(images), chunksize=64))


def netstudio_reader(root: Path, device: torch.device):
    """The folder as a run streams it: a StreamingImageFolder (its scan reads every header)
    and the run's StreamSource over all of it. Returns (source, data, workers used)."""
    from studio.data import StreamingImageFolder
    from studio.supervised import StreamSource

    used: list[int] = []

    class Recorded(StreamingImageFolder):  # notes the workers the run's loader gets
        def loader(self, *args, **kwargs):
            batches = super().loader(*args, **kwargs)
            used.append(batches.loader.num_workers)
            return batches

    data = Recorded(root, image_size=(SIDE, SIDE))
    source = StreamSource(data, np.arange(len(data.scan.files)), device)
    return source, data, used


def netstudio_epoch(source, data, batch_size: int, device: torch.device) -> tuple[float, int]:
    """(seconds, images) of one epoch as a run trains: StreamSource's shuffled batches on the
    device, then the run's conversion to floats in [0, 1] (studio.supervised's model_inputs)."""
    t0 = time.perf_counter()
    seen = 0
    for x, _ in source.batches(batch_size, torch.Generator().manual_seed(0)):
        seen += len(data.float_x(x))
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - t0, seen


def torchvision_reader(root: Path):
    from torchvision import datasets, transforms

    transform = transforms.Compose(
        [transforms.Resize(256), transforms.CenterCrop(SIDE), transforms.ToTensor()]
    )
    return datasets.ImageFolder(str(root), transform=transform)


def torchvision_epoch(data, batch_size: int, workers: int,
                      device: torch.device) -> tuple[float, int]:
    """(seconds, images) of one epoch the way torchvision's tutorials read a folder."""
    t0 = time.perf_counter()
    loader = torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=True,
                                         num_workers=workers,
                                         pin_memory=device.type == "cuda")
    seen = 0
    for x, _ in loader:
        x = x.to(device, non_blocking=True)
        seen += len(x)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - t0, seen


class CpuClock:
    """CPU seconds of this process and of its finished children (the DataLoader's workers):
    what a pipeline costs whatever else the machine is doing, where wall time is shared."""

    def __init__(self) -> None:
        self.main, self.workers = [], []

    def __enter__(self) -> CpuClock:
        self._main, self._workers = time.process_time(), self._children()
        return self

    def __exit__(self, *exc) -> None:
        self.main.append(time.process_time() - self._main)
        self.workers.append(self._children() - self._workers)

    @staticmethod
    def _children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def per_image(self, images: int) -> str:
        main, workers = min(self.main) / images, min(self.workers) / images
        if not workers:
            # NetStudio's workers are children of the fork server (studio.data.folder.
            # worker_context), not of this process: their CPU time is not seen here.
            return f"(workers not counted: fork server) + {main * 1000:.2f} ms in the main process"
        return f"{workers * 1000:.2f} ms in workers + {main * 1000:.2f} ms in the main process"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=5000)
    parser.add_argument("--epochs", type=int, default=2, help="epochs of each; the best counts")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--folder", type=Path,
                        help="keep the photos in this folder (reused when already there)")
    args = parser.parse_args()
    # Imported before anything is timed.
    import torchvision.datasets  # noqa: F401

    import studio.supervised  # noqa: F401
    from studio.devices import resolve_device

    device = resolve_device(args.device)
    torch.set_num_threads(2)
    with tempfile.TemporaryDirectory(prefix="netstudio-photos-") as folder:
        root = args.folder or Path(folder)
        t0 = time.perf_counter()
        found = sorted(root.glob("class_*/*.jpg"))
        if len(found) == args.images:
            total = sum(p.stat().st_size for p in found)
        else:
            total = make_photos(root, args.images)
        print(f"{args.images:,} JPEGs {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} in {CLASSES} classes, "
              f"{total / args.images / 1024:.0f} KB each on average "
              f"(ready in {time.perf_counter() - t0:.0f} s)")
        t0 = time.perf_counter()
        source, data, used = netstudio_reader(root, device)
        scan_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        folder_tv = torchvision_reader(root)
        listing_s = time.perf_counter() - t0
        ours, theirs = [], []
        cpu_ours, cpu_theirs = CpuClock(), CpuClock()
        load_before = os.getloadavg()[0]
        for _ in range(args.epochs):
            with cpu_ours:
                seconds, seen = netstudio_epoch(source, data, args.batch_size, device)
            ours.append(seconds)
            workers = used[-1]
            with cpu_theirs:
                seconds, seen_too = torchvision_epoch(folder_tv, args.batch_size, workers,
                                                      device)
            assert seen == seen_too == len(folder_tv), (seen, seen_too)
            theirs.append(seconds)
    rate_ours, rate_theirs = seen / min(ours), seen / min(theirs)
    print(f"to {SIDE}×{SIDE} on {device}, batch {args.batch_size}, {workers} workers, "
          f"{os.cpu_count()} CPUs (load average {load_before:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end), {time.strftime('%Y-%m-%d')}")
    print(f"  NetStudio streamed folder:        {rate_ours:8,.0f} images/s "
          f"(epochs {', '.join(f'{s:.2f}' for s in ours)} s)")
    print(f"  torchvision ImageFolder idiom:    {rate_theirs:8,.0f} images/s "
          f"(epochs {', '.join(f'{s:.2f}' for s in theirs)} s)")
    print(f"  NetStudio / torchvision: {rate_ours / rate_theirs:.2f}× (target ≥ 1.5×)")
    print(f"  CPU an image, NetStudio:   {cpu_ours.per_image(seen)}")
    print(f"  CPU an image, torchvision: {cpu_theirs.per_image(seen)}")
    print(f"  before the first epoch: NetStudio's scan (every header read) {scan_s:.2f} s, "
          f"ImageFolder's listing {listing_s:.2f} s")


if __name__ == "__main__":
    main()
