"""The command line's progress display for training: one line redrawn in place on a terminal,
one line per epoch in a log."""

from __future__ import annotations

import sys
from typing import TextIO

from studio.training import BatchReport, EpochReport


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _pct(value: float | None) -> str:
    return f"{value * 100:.1f}%" if value is not None else "–"


class ProgressPrinter:
    def __init__(self, stream: TextIO = sys.stderr, width: int = 24) -> None:
        self.stream = stream
        self.width = width
        self.live = stream.isatty()

    def batch(self, r: BatchReport) -> None:
        if not self.live:
            return
        filled = round(self.width * r.batch / r.batches)
        bar = "█" * filled + "·" * (self.width - filled)
        acc = f" acc {_pct(r.accuracy)}" if r.accuracy is not None else ""
        self.stream.write(
            f"\repoch {r.epoch} {bar} {r.batch}/{r.batches} loss {r.loss:.4f}{acc} "
            f"{r.samples_per_s:,.0f} samples/s ETA {_clock(r.eta_s)}  "
        )
        self.stream.flush()

    def epoch(self, r: EpochReport) -> None:
        line = f"epoch {r.epoch}/{r.epochs}: loss {r.loss:.4f}"
        if r.accuracy is not None:
            line += f" acc {_pct(r.accuracy)}"
        if r.val_loss is not None:
            line += f" | val loss {r.val_loss:.4f}"
            if r.val_accuracy is not None:
                line += f" val acc {_pct(r.val_accuracy)}"
        line += f" | {r.seconds:.1f} s"
        self.stream.write(("\r\033[K" if self.live else "") + line + "\n")
        self.stream.flush()

    def download(self, message: str, done: int, total: int) -> None:
        """A data set download: the file and its bytes, redrawn in place on a terminal."""
        if message != getattr(self, "_download", None):
            self._download = message
            if not self.live:
                self.message(message)
        if not self.live:
            return
        if total:
            filled = round(self.width * done / total)
            bar = "█" * filled + "·" * (self.width - filled)
            size = f"{done / 2**20:.1f}/{total / 2**20:.1f} MB"
        else:
            bar, size = "", f"{done / 2**20:.1f} MB"
        self.stream.write(f"\r{message} {bar} {size}  ")
        self.stream.flush()

    def message(self, text: str) -> None:
        self.stream.write(("\r\033[K" if self.live else "") + text + "\n")
        self.stream.flush()
