"""The app while it trains: GUI responsiveness and training throughput against headless.

One training run (a template on a subset of the built-in synthetic shapes) is timed twice:
  - headless: the engine's Trainer alone, no Qt;
  - in the app: MainWindow shown (offscreen unless a display is set), Train pressed, the live
    plots redrawing, while a 10 ms QTimer in the GUI thread records how late each tick is.
Prints the GUI thread's event-loop lateness (p50 / p99 / max; target p99 < 50 ms) and the
training throughput in the app over headless (target ≥ 0.95×). The two alternate `--repeats`
times and the medians are reported, since the machine may be shared.

usage: python bench/bench_gui.py [--model cnn|mlp] [--samples 6000] [--epochs 2] [--repeats 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEMPLATE = {"mlp": "seed-mlp", "cnn": "seed-cnn"}
TICK_MS = 10


def make_project(model: str, epochs: int):
    from studio.templates import load_template

    project = load_template(TEMPLATE[model])
    project.dataset["name"] = "synthetic-shapes"
    project.training.update(epochs=epochs, batch_size=64, validation_split=0.1, device="cpu")
    return project


def throughput(history: list[dict], samples: int, validation_split: float) -> float:
    trained = int(samples - int(samples * validation_split))
    return trained * len(history) / sum(h["train_seconds"] for h in history)


def headless(model: str, epochs: int, samples: int, test: int) -> float:
    from studio.data import load_dataset
    from studio.training import Trainer

    project = make_project(model, epochs)
    data = load_dataset("synthetic-shapes", seed=project.training["seed"]).subset(samples, test)
    result = Trainer(project, data).run()
    return throughput(result.history, samples, project.training["validation_split"])


class Ticker:
    """A GUI-thread timer that records how late each tick arrives."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late_ms: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.last = 0.0

    def start(self) -> None:
        self.late_ms.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        now = time.perf_counter()
        self.late_ms.append(max(0.0, (now - self.last) * 1000 - TICK_MS))
        self.last = now


def in_app(model: str, epochs: int, samples: int, test: int) -> tuple[float, list[float], int]:
    from widgets.app import application

    os.environ["NETSTUDIO_TRAIN_LIMIT"] = str(samples)
    os.environ["NETSTUDIO_TEST_LIMIT"] = str(test)
    app = application()
    from widgets.main_window import MainWindow

    window = MainWindow(make_project(model, epochs), None, interactive=False)
    window.resize(1400, 850)
    window.show()
    app.processEvents()
    ticker = Ticker()
    # Measure while the model trains: from the first report to the end of the run.
    window.training.runStarted.connect(lambda info: ticker.start())
    window.training.runEnded.connect(ticker.stop)
    if not window.train_and_wait():
        raise SystemExit(f"training failed: {window.training_panel.message.text()}")
    outcome = window.training.outcome
    rate = throughput(outcome.result.history, samples, outcome.project.training[
        "validation_split"])
    points = window.results.plots.points
    window._closing = True
    window.close()
    app.processEvents()
    return rate, list(ticker.late_ms), points


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(TEMPLATE), default="cnn")
    parser.add_argument("--samples", type=int, default=6000)
    parser.add_argument("--test", type=int, default=500)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: default)")
    args = parser.parse_args()

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    os.environ["NETSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="netstudio-bench-")
    heads, apps, late_all, rows = [], [], [], []
    for i in range(args.repeats):
        h = headless(args.model, args.epochs, args.samples, args.test)
        a, late, points = in_app(args.model, args.epochs, args.samples, args.test)
        heads.append(h)
        apps.append(a)
        late_all += late
        rows.append((i + 1, h, a, percentile(late, 50), percentile(late, 99), max(late),
                     len(late), points))

    print(f"\n{args.model} on synthetic shapes, {args.samples:,} samples × {args.epochs} epochs, "
          f"batch 64, {torch.get_num_threads()} torch threads, {os.cpu_count()} CPUs, "
          f"Qt platform {os.environ['QT_QPA_PLATFORM']}, {time.strftime('%Y-%m-%d')}")
    print(f"{'run':>3} {'headless/s':>11} {'in app/s':>9} {'ratio':>6} {'p50 ms':>7} "
          f"{'p99 ms':>7} {'max ms':>7} {'ticks':>6} {'reports':>8}")
    for run, h, a, p50, p99, worst, ticks, points in rows:
        print(f"{run:>3} {h:>11,.0f} {a:>9,.0f} {a / h:>5.2f}x {p50:>7.1f} {p99:>7.1f} "
              f"{worst:>7.1f} {ticks:>6} {points:>8}")
    ratio = statistics.median(apps) / statistics.median(heads)
    print(f"\nthroughput in the app / headless (medians): {ratio:.2f}x   (target ≥ 0.95x)")
    print(f"GUI event-loop lateness, all runs: p50 {percentile(late_all, 50):.1f} ms, "
          f"p99 {percentile(late_all, 99):.1f} ms, max {max(late_all):.1f} ms   "
          f"(target p99 < 50 ms)")


if __name__ == "__main__":
    main()
