"""Built-in synthetic data sets, generated on the fly so that the app works with no download.

Both generators are vectorised numpy (no per-sample Python loop) and deterministic from the seed:
the same seed gives the same tensors on every machine with the same numpy version. Train and test
come from separate random streams, so asking for more training samples never changes the test set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Dataset

if TYPE_CHECKING:  # imported where used: listing data sets needs neither
    import numpy as np
    import torch

SHAPE_CLASSES = [
    "circle",
    "ring",
    "square",
    "triangle",
    "star",
    "plus",
    "cross",
    "horizontal line",
    "vertical line",
    "diagonal line",
]

WAVE_CLASSES = ["sine", "square", "sawtooth", "triangle", "noise burst", "chirp"]

IMAGE_SIZE = 28
WAVE_LENGTH = 64

SHAPES_TRAIN, SHAPES_TEST = 12000, 2000
WAVES_TRAIN, WAVES_TEST = 6000, 1000


def _balanced_labels(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    """n labels, each class as often as possible (counts differ by at most one), shuffled."""
    import numpy as np

    return rng.permutation(np.arange(n) % k).astype(np.int64)


# ---------------------------------------------------------------- shapes


def _stroke(dist: np.ndarray, width: np.ndarray) -> np.ndarray:
    # Anti-aliased line: full ink within width/2 of the centre line, a one-pixel ramp outside.
    import numpy as np

    return np.clip(width / 2 + 0.5 - dist, 0.0, 1.0)


def _fill(signed_dist: np.ndarray) -> np.ndarray:
    # Anti-aliased filled region: signed_dist < 0 inside, a one-pixel ramp across the edge.
    import numpy as np

    return np.clip(0.5 - signed_dist, 0.0, 1.0)


def _segment_dist(u: np.ndarray, v: np.ndarray, half_len: np.ndarray) -> np.ndarray:
    """Distance to the segment from (-half_len, 0) to (half_len, 0) in (u, v) coordinates."""
    import numpy as np

    return np.sqrt(np.maximum(np.abs(u) - half_len, 0.0) ** 2 + v**2)


def _render_shapes(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Float images in [0, 1], (N, 28, 28), one shape per image with random geometry."""
    import numpy as np

    n = len(labels)
    size = IMAGE_SIZE
    col = lambda a: a.astype(np.float32)[:, None, None]  # noqa: E731  (N,) -> (N, 1, 1)

    s = rng.uniform(6.0, 10.5, n)  # half extent in pixels
    width = rng.uniform(1.8, 3.5, n)  # stroke width
    # Position varies by up to 4 pixels (less for big shapes, which must stay in the frame):
    # enough that a pixel-wise model must generalise, little enough that an MLP can.
    margin = np.clip(size / 2 - s - 1.5, 0.0, 4.0)
    cx = size / 2 - 0.5 + rng.uniform(-1, 1, n) * margin
    cy = size / 2 - 0.5 + rng.uniform(-1, 1, n) * margin
    jitter = rng.uniform(-np.pi / 12, np.pi / 12, n)  # +-15 degrees
    # A base angle per class: lines and crosses differ only by orientation.
    # (Draw every random array for all n samples, whatever their class, so that each sample's
    # geometry does not depend on the labels of the others.)
    any_angle = rng.uniform(0, 2 * np.pi, n)
    either_diagonal = rng.choice([np.pi / 4, -np.pi / 4], n)
    base = np.zeros(n)
    star = labels == SHAPE_CLASSES.index("star")
    base[star] = any_angle[star]
    base[labels == SHAPE_CLASSES.index("cross")] = np.pi / 4
    base[labels == SHAPE_CLASSES.index("vertical line")] = np.pi / 2
    diag = labels == SHAPE_CLASSES.index("diagonal line")
    base[diag] = either_diagonal[diag]
    theta = base + jitter
    # Mild anisotropic scaling, so a circle may be an ellipse and a square a rectangle.
    su = rng.uniform(0.85, 1.15, n)
    sv = rng.uniform(0.85, 1.15, n)

    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    ink = np.empty((n, size, size), dtype=np.float32)
    for k, name in enumerate(SHAPE_CLASSES):
        m = labels == k
        if not m.any():
            continue
        # Pixel coordinates in each shape's own frame: centred, rotated, stretched.
        dx = xx[None] - col(cx[m])
        dy = yy[None] - col(cy[m])
        cos, sin = col(np.cos(theta[m])), col(np.sin(theta[m]))
        u = (dx * cos + dy * sin) / col(su[m])
        v = (dy * cos - dx * sin) / col(sv[m])
        sk, wk = col(s[m]), col(width[m])
        if name == "circle":
            ink[m] = _fill(np.sqrt(u**2 + v**2) - 0.8 * sk)
        elif name == "ring":
            ink[m] = _stroke(np.abs(np.sqrt(u**2 + v**2) - 0.85 * sk), wk)
        elif name == "square":
            ink[m] = _fill(np.maximum(np.abs(u), np.abs(v)) - 0.7 * sk)
        elif name == "triangle":
            # Intersection of three half-planes (outward normals 120 degrees apart), apex up.
            d = np.maximum(np.maximum(v, 0.866 * u - 0.5 * v), -0.866 * u - 0.5 * v)
            ink[m] = _fill(d - 0.45 * sk)
        elif name == "star":
            # Five points: the radius goes linearly between 0.4 s (notches) and s (tips).
            phase = np.mod(5 * np.arctan2(v, u) / (2 * np.pi), 1.0)
            radius = sk * (0.4 + 0.6 * (1 - 2 * np.abs(phase - 0.5)))
            ink[m] = _fill(np.sqrt(u**2 + v**2) - radius)
        elif name in ("plus", "cross"):
            d = np.minimum(_segment_dist(u, v, sk), _segment_dist(v, u, sk))
            ink[m] = _stroke(d, wk)
        else:  # the three single lines: horizontal, vertical and diagonal by their base angle
            ink[m] = _stroke(_segment_dist(u, v, sk), wk)

    # Random contrast, background level and sensor noise, so that no pixel value alone decides.
    fg = col(rng.uniform(0.55, 1.0, n))
    bg = col(rng.uniform(0.0, 0.2, n))
    noise = col(rng.uniform(0.03, 0.15, n)) * rng.standard_normal((n, size, size), np.float32)
    img = bg + (fg - bg) * ink + noise
    # A few stray bright specks.
    img = np.where(rng.random((n, size, size), np.float32) < 0.01, 1.0, img)
    return np.clip(img, 0.0, 1.0)


def make_shapes(n: int, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """n images uint8 (n, 1, 28, 28) and int64 labels (n,), balanced over SHAPE_CLASSES."""
    import numpy as np
    import torch

    rng = np.random.default_rng(seed)
    labels = _balanced_labels(rng, n, len(SHAPE_CLASSES))
    img = _render_shapes(labels, rng)
    x = np.rint(img * 255).astype(np.uint8)[:, None]
    return torch.from_numpy(x), torch.from_numpy(labels)


def load_shapes(seed: int = 0, n_train: int = SHAPES_TRAIN, n_test: int = SHAPES_TEST) -> Dataset:
    x_tr, y_tr = make_shapes(n_train, seed=_stream(seed, 0))
    x_te, y_te = make_shapes(n_test, seed=_stream(seed, 1))
    return Dataset(
        name="synthetic-shapes",
        title="Synthetic shapes",
        task="classification",
        x_train=x_tr,
        y_train=y_tr,
        x_test=x_te,
        y_test=y_te,
        classes=list(SHAPE_CLASSES),
        source="generated",
    )


# ---------------------------------------------------------------- waveforms


def make_waveforms(n: int, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """n sequences float32 (n, 64, 1) and int64 labels (n,), balanced over WAVE_CLASSES."""
    import numpy as np
    import torch

    rng = np.random.default_rng(seed)
    labels = _balanced_labels(rng, n, len(WAVE_CLASSES))
    t = (np.arange(WAVE_LENGTH, dtype=np.float64) / WAVE_LENGTH)[None]  # (1, T), one unit long
    col = lambda a: a[:, None]  # noqa: E731

    freq = col(rng.uniform(1.5, 6.0, n))  # cycles over the sequence
    phase0 = col(rng.uniform(0.0, 1.0, n))  # in cycles
    amp = col(rng.uniform(0.5, 1.5, n))
    offset = col(rng.uniform(-0.3, 0.3, n))
    sigma = col(rng.uniform(0.02, 0.2, n))
    cycles = freq * t + phase0
    frac = np.mod(cycles, 1.0)

    wave = np.empty((n, WAVE_LENGTH))
    for k, name in enumerate(WAVE_CLASSES):
        m = labels == k
        if name == "sine":
            wave[m] = np.sin(2 * np.pi * cycles[m])
        elif name == "square":
            wave[m] = np.where(frac[m] < 0.5, 1.0, -1.0)
        elif name == "sawtooth":
            wave[m] = 2 * frac[m] - 1
        elif name == "triangle":
            wave[m] = 2 * np.abs(2 * frac[m] - 1) - 1
        elif name == "noise burst":
            # Quiet, then a burst of loud noise of random length at a random place.
            length = rng.integers(10, 25, n)[m][:, None]
            start = (rng.random(n)[m][:, None] * (WAVE_LENGTH - length)).astype(int)
            idx = np.arange(WAVE_LENGTH)[None]
            window = (idx >= start) & (idx < start + length)
            wave[m] = window * rng.standard_normal((int(m.sum()), WAVE_LENGTH))
        elif name == "chirp":
            # Frequency sweeps linearly from f0 to f1, up or down.
            lo = rng.uniform(0.5, 1.5, n)[m][:, None]
            hi = rng.uniform(7.0, 10.0, n)[m][:, None]
            up = rng.random(n)[m][:, None] < 0.5
            f0, f1 = np.where(up, lo, hi), np.where(up, hi, lo)
            tt = t.repeat(int(m.sum()), 0)
            wave[m] = np.sin(2 * np.pi * (f0 * tt + (f1 - f0) * tt**2 / 2 + phase0[m]))
    x = amp * wave + offset + sigma * rng.standard_normal((n, WAVE_LENGTH))
    return torch.from_numpy(x.astype(np.float32)[:, :, None]), torch.from_numpy(labels)


def load_waveforms(seed: int = 0, n_train: int = WAVES_TRAIN, n_test: int = WAVES_TEST) -> Dataset:
    x_tr, y_tr = make_waveforms(n_train, seed=_stream(seed, 0))
    x_te, y_te = make_waveforms(n_test, seed=_stream(seed, 1))
    return Dataset(
        name="synthetic-waveforms",
        title="Synthetic waveforms",
        task="classification",
        x_train=x_tr,
        y_train=y_tr,
        x_test=x_te,
        y_test=y_te,
        classes=list(WAVE_CLASSES),
        source="generated",
    )


def _stream(seed: int, which: int) -> int:
    # Independent, reproducible seeds for the train (0) and test (1) streams.
    import numpy as np

    return int(np.random.SeedSequence([seed, which]).generate_state(1)[0])
