"""Samples as pictures: uint8 image tensors to QImage, and feature maps to false colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

# A perceptually even dark-blue → yellow ramp (like viridis), 256 entries, for feature maps.
_STOPS = np.array(
    [
        (0.00, 68, 1, 84),
        (0.25, 59, 82, 139),
        (0.50, 33, 145, 140),
        (0.75, 94, 201, 98),
        (1.00, 253, 231, 37),
    ]
)


def _ramp() -> np.ndarray:
    t = np.linspace(0, 1, 256)
    return np.stack([np.interp(t, _STOPS[:, 0], _STOPS[:, c]) for c in (1, 2, 3)], axis=1)


RAMP = _ramp().astype(np.uint8)


def sample_image(sample: np.ndarray) -> QImage | None:
    """One image sample (C, H, W) uint8 as a QImage (grayscale or RGB); None for other data."""
    a = np.asarray(sample)
    if a.dtype != np.uint8 or a.ndim != 3 or a.shape[0] not in (1, 3):
        return None
    if a.shape[0] == 1:
        return gray_image(a[0])
    rgb = np.ascontiguousarray(a.transpose(1, 2, 0))
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def gray_image(a: np.ndarray) -> QImage:
    a = np.ascontiguousarray(a, dtype=np.uint8)
    h, w = a.shape
    return QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


def false_colour(values: np.ndarray) -> QImage:
    """A 2-D map scaled to its own range and coloured with RAMP (flat maps come out dark)."""
    v = np.asarray(values, dtype=np.float32)
    lo, hi = float(np.nanmin(v)), float(np.nanmax(v))
    scaled = (
        np.zeros(v.shape, np.uint8) if hi <= lo else ((v - lo) / (hi - lo) * 255).astype(np.uint8)
    )
    rgb = np.ascontiguousarray(RAMP[scaled])
    h, w = scaled.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
