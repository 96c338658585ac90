"""Growing arrays for live curves, and the smoothing of per-batch reports.

Plain numpy, no Qt: the plots append here from their slots and hand views of these arrays to
pyqtgraph on the redraw timer, so a point costs an array write, not a reallocation.
"""

from __future__ import annotations

import math

import numpy as np


class Series:
    """x and y as float64 arrays that grow by doubling (pyqtgraph wants float64 x)."""

    def __init__(self, capacity: int = 256) -> None:
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.size = 0
        self.lo, self.hi = math.inf, -math.inf  # y bounds, kept as points arrive

    def append(self, x: float, y: float) -> None:
        if self.size == len(self._x):
            self._x = np.concatenate([self._x, np.empty_like(self._x)])
            self._y = np.concatenate([self._y, np.empty_like(self._y)])
        self._x[self.size] = x
        self._y[self.size] = y
        self.size += 1
        self.lo, self.hi = min(self.lo, y), max(self.hi, y)

    def clear(self) -> None:
        self.size = 0
        self.lo, self.hi = math.inf, -math.inf

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.size]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.size]

    def __len__(self) -> int:
        return self.size


class BatchSmoother:
    """Turns the trainer's per-batch reports into a smoothed per-batch curve.

    A report carries the mean over the epoch so far, which lags more and more as the epoch goes
    on and jumps when the next one starts. The mean of just the batches since the previous
    report is recovered from two running means, (m2·b2 − m1·b1) / (b2 − b1), and then smoothed
    with an exponential moving average that runs across epochs."""

    def __init__(self, weight: float = 0.8) -> None:
        self.weight = weight
        self.reset()

    def reset(self) -> None:
        self._epoch = -1
        self._batch = 0
        self._mean = 0.0
        self.value: float | None = None

    def add(self, epoch: int, batch: int, running_mean: float) -> float | None:
        if epoch != self._epoch:
            self._epoch, self._batch, self._mean = epoch, 0, 0.0
        if batch <= self._batch or not math.isfinite(running_mean):
            return self.value
        recent = (running_mean * batch - self._mean * self._batch) / (batch - self._batch)
        self._batch, self._mean = batch, running_mean
        if self.value is None:
            self.value = recent
        else:
            self.value = self.weight * self.value + (1 - self.weight) * recent
        return self.value
