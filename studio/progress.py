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


def format_metrics(metrics: dict) -> str:
    """Named figures as `loss 0.2871 accuracy 89.4%`: accuracies as percentages, the rest as
    numbers, those a run does not have left out."""
    parts = []
    for name, value in metrics.items():
        if value is None:
            continue
        label = name.replace("_", " ")
        parts.append(f"{label} {_pct(value)}" if "accuracy" in name else f"{label} {value:.4f}")
    return " ".join(parts)


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
        self.stream.write(
            f"\repoch {r.epoch} {bar} {r.batch}/{r.batches} {format_metrics(r.metrics)} "
            f"{r.samples_per_s:,.0f} samples/s ETA {_clock(r.eta_s)}  "
        )
        self.stream.flush()

    def epoch(self, r: EpochReport) -> None:
        train = {k: v for k, v in r.metrics.items() if not k.startswith("val_")}
        val = {k: v for k, v in r.metrics.items() if k.startswith("val_")}
        line = f"epoch {r.epoch}/{r.epochs}: {format_metrics(train)}"
        if any(v is not None for v in val.values()):
            line += f" | {format_metrics(val)}"
        line += f" | {r.seconds:.1f} s"
        self.stream.write(("\r\033[K" if self.live else "") + line + "\n")
        self.stream.flush()

    def started(self, info: dict) -> None:
        epochs, start = info.get("epochs", 0), info.get("start_epoch", 0)
        what = f"{epochs} epoch{'' if epochs == 1 else 's'}"
        if start:
            what = f"epochs {start + 1}–{epochs}"
        val = f", validating on {info['validation']:,}" if info.get("validation") else ""
        self.message(
            f"Training on {info.get('dataset', '?')}: {info.get('samples', 0):,} samples"
            f"{val}, on {info.get('device', '?')}, {what}."
            + (f" Run folder: {info['folder']}/" if info.get("folder") else "")
        )

    def evaluating(self, count: int) -> None:
        self.message(f"Evaluating on {count:,} test samples…")

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
