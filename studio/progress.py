"""The console's progress display for training: one line redrawn in place on a terminal, one
line per epoch in a log, in the interface language.

`netstudio train` feeds it the loop's reports; the app started with `--train` feeds it the
dicts its training controller emits (the same numbers), so both consoles read alike. Every
text is a studio.messages template, translated by studio.translate as the app translates it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TextIO

from studio.messages import Message, msg, term

if TYPE_CHECKING:
    from studio.training import BatchReport, EpochReport

Report = Any  # a BatchReport / EpochReport, or its dict (as_dict(), record())

# Keys of a report's dict that are not metrics.
_NOT_METRICS = {
    "epoch", "epochs", "batch", "batches", "step", "samples_per_s", "eta_s", "learning_rate",
    "seconds", "train_seconds", "samples",
}
# The metrics runs report, as words; another metric shows its name with spaces.
METRIC_LABELS = {
    "loss": term("loss", "cli"),
    "accuracy": term("accuracy", "cli"),
    "val_loss": term("val loss", "cli"),
    "val_accuracy": term("val accuracy", "cli"),
    "g_loss": term("generator loss", "cli"),
    "d_loss": term("discriminator loss", "cli"),
    "d_accuracy": term("discriminator accuracy", "cli"),
}


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _pct(value: float | None) -> str:
    return f"{value * 100:.1f}%" if value is not None else "–"


def percent(value: float, digits: int = 2) -> str:
    return f"{value * 100:.{digits}f}%"


def _metrics_of(report: Report) -> dict[str, float | None]:
    if isinstance(report, Mapping):
        return {
            k: v for k, v in report.items()
            if k not in _NOT_METRICS and (v is None or isinstance(v, (int, float)))
        }
    return dict(report.metrics)


def _field(report: Report, name: str, default: Any = 0) -> Any:
    if isinstance(report, Mapping):
        return report.get(name, default)
    return getattr(report, name, default)


def format_metrics(metrics: Mapping[str, float | None],
                   tr: Callable[[str], str] = str) -> str:
    """Named figures as `loss 0.2871 accuracy 89.4%`: accuracies as percentages, the rest as
    numbers, those a run does not have left out; the names translated by `tr`."""
    parts = []
    for name, value in metrics.items():
        if value is None:
            continue
        label = tr(METRIC_LABELS[name]) if name in METRIC_LABELS else name.replace("_", " ")
        parts.append(f"{label} {_pct(value)}" if "accuracy" in name else f"{label} {value:.4f}")
    return " ".join(parts)


class ProgressPrinter:
    """Writes a run's progress to `stream` (stderr: stdout stays for results)."""

    def __init__(self, stream: TextIO | None = None, width: int = 24,
                 tr: Callable[[str], str] | None = None) -> None:
        if tr is None:
            from studio.translate import tr as default_tr

            tr = default_tr
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tr = tr
        self.live = self.stream.isatty()

    def batch(self, r: BatchReport | Mapping[str, Any]) -> None:
        if not self.live:
            return
        batch, batches = _field(r, "batch"), max(1, _field(r, "batches", 1))
        filled = round(self.width * batch / batches)
        bar = "█" * filled + "·" * (self.width - filled)
        head = self.tr(msg("epoch {epoch}", epoch=_field(r, "epoch")))
        rate = self.tr(msg("{rate} samples/s", rate=f"{_field(r, 'samples_per_s'):,.0f}"))
        eta = self.tr(msg("ETA {time}", time=_clock(_field(r, "eta_s"))))
        self.stream.write(
            f"\r{head} {bar} {batch}/{batches} {format_metrics(_metrics_of(r), self.tr)} "
            f"{rate} {eta}  "
        )
        self.stream.flush()

    def epoch(self, r: EpochReport | Mapping[str, Any]) -> None:
        metrics = _metrics_of(r)
        train = {k: v for k, v in metrics.items() if not k.startswith("val_")}
        val = {k: v for k, v in metrics.items() if k.startswith("val_")}
        line = self.tr(msg("epoch {epoch}/{epochs}: {metrics}", epoch=_field(r, "epoch"),
                           epochs=_field(r, "epochs"), metrics=format_metrics(train, self.tr)))
        if any(v is not None for v in val.values()):
            line += f" | {format_metrics(val, self.tr)}"
        line += f" | {_field(r, 'seconds', 0.0):.1f} s"
        self._line(line)

    def started(self, info: Mapping[str, Any]) -> None:
        """What the run trains on, once the pipeline knows (its on_started dict)."""
        epochs, start = info.get("epochs", 0), info.get("start_epoch", 0)
        if start:
            what = msg("epochs {first}–{last}", first=start + 1, last=epochs)
        elif epochs == 1:
            what = msg("1 epoch")
        else:
            what = msg("{count} epochs", count=epochs)
        title = info.get("dataset", "?")
        if not isinstance(title, Message):
            title = term(str(title), "datasets")
        samples = f"{info.get('samples', 0):,}"
        device = str(info.get("device", "?"))
        if info.get("validation"):
            text = msg("Training on {dataset}: {samples} samples, validating on {validation}, "
                       "on {device}, {epochs}.", dataset=title, samples=samples,
                       validation=f"{info['validation']:,}", device=device, epochs=what)
        else:
            text = msg("Training on {dataset}: {samples} samples, on {device}, {epochs}.",
                       dataset=title, samples=samples, device=device, epochs=what)
        line = self.tr(text)
        if info.get("folder"):
            line += " " + self.tr(msg("Run folder: {folder}/", folder=str(info["folder"])))
        self._line(line)

    def evaluating(self, count: int) -> None:
        self.message(msg("Evaluating on {count} test samples…", count=f"{count:,}"))

    def finished(self, outcome: Any) -> None:
        """The end of a run (a studio.runs.pipeline.RunOutcome): its test figure, where it is
        kept, and how to continue a stopped one."""
        result, folder = outcome.result, outcome.run_dir
        if result.test_accuracy is not None:
            self.message(msg("Test accuracy: {accuracy}", accuracy=percent(result.test_accuracy)))
        elif result.test_loss is not None:
            self.message(msg("Test loss: {loss}", loss=f"{result.test_loss:.5f}"))
        if folder is not None:
            self.message(msg("The run is in {folder}/ (model, checkpoint, metrics; "
                             "`netstudio export {folder} --format onnx -o model.onnx`).",
                             folder=str(folder)))
        if result.status == "stopped" and folder is not None:
            self.message(msg("Stopped. Continue with: netstudio train --resume {folder}",
                             folder=str(folder)))

    def cancelled(self) -> None:
        """Stop came while the data set loaded: nothing was trained."""
        self.message(msg("Stopped before training began."))

    def download(self, message: str, done: int, total: int) -> None:
        """A data set download: the file and its bytes, redrawn in place on a terminal."""
        text = self.tr(message)
        if text != getattr(self, "_download", None):
            self._download = text
            if not self.live:
                self._line(text)
        if not self.live:
            return
        if total:
            filled = round(self.width * done / total)
            bar = "█" * filled + "·" * (self.width - filled)
            size = f"{done / 2**20:.1f}/{total / 2**20:.1f} MB"
        else:
            bar, size = "", f"{done / 2**20:.1f} MB"
        self.stream.write(f"\r{text} {bar} {size}  ")
        self.stream.flush()

    def message(self, text: str) -> None:
        """A note or message of the run, translated."""
        self._line(self.tr(text))

    def _line(self, text: str) -> None:
        self.stream.write(("\r\033[K" if self.live else "") + text + "\n")
        self.stream.flush()
