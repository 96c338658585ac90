"""The app while it trains: GUI responsiveness and training throughput against headless.

One training run (a template on a subset of the built-in synthetic shapes) is timed three ways:
  - headless, main thread: the engine's Trainer alone, no Qt, as `netstudio train` runs it;
  - headless, worker thread: the same on a plain Python thread, as the app runs it, no Qt;
  - in the app: MainWindow shown (offscreen unless a display is set), Train pressed, the live
    plots redrawing; once more with a 10 ms QTimer in the GUI thread recording how late each
    tick is (the timer is the instrument, so throughput is taken from the run without it).
Each headless run has a process of its own: OpenMP's thread pools outlive a run, and a pool
left on the main thread slows a later run on another thread (see widgets/training/threads.py).
Every process first trains once unmeasured: a first run pays for kernel selection.
Prints the GUI thread's event-loop lateness while training (p50 / p99 / max; target p99 <
50 ms), how long the GUI thread takes to show a finished run's results, and the throughput
in the app over headless (target ≥ 0.95×). They alternate `--repeats` times, and the median
of the ratios of neighbouring runs is reported: on a shared machine the CPU time available
changes from minute to minute, and neighbours see the most similar machine.

usage: python bench/bench_gui.py [--model cnn|mlp] [--samples 6000] [--epochs N] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEMPLATE = {"mlp": "seed-mlp", "cnn": "seed-cnn"}
# Epochs by default: enough for a run of several seconds. The MLP's epoch over 6,000 samples
# takes a tenth of a second, so two epochs measured little but the run's start (the plots'
# first frame, the panel's state changes), which no real run is made of.
EPOCHS = {"mlp": 30, "cnn": 2}
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


def headless(model: str, epochs: int, samples: int, test: int, thread: bool = False) -> float:
    import threading

    from studio.data import load_dataset
    from studio.training import Trainer

    project = make_project(model, epochs)
    data = load_dataset("synthetic-shapes", seed=project.training["seed"]).subset(samples, test)
    results = []
    if thread:
        worker = threading.Thread(target=lambda: results.append(Trainer(project, data).run()))
        worker.start()
        worker.join()
    else:
        results.append(Trainer(project, data).run())
    return throughput(results[0].history, samples, project.training["validation_split"])


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


def in_app(model: str, epochs: int, samples: int, test: int, ticking: bool) -> dict:
    """One run in the app; with `ticking`, the 10 ms timer records the GUI's lateness."""
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
    # The GUI thread's CPU time from the run's start to its end: what it took from training.
    marks = {}
    window.training.runStarted.connect(
        lambda info: marks.update(start=(time.perf_counter(), time.thread_time()))
    )
    window.training.runFinished.connect(
        lambda outcome: marks.update(end=(time.perf_counter(), time.thread_time()))
    )
    if ticking:  # from the run's start to its end, the results' display excluded
        window.training.runStarted.connect(lambda info: ticker.start())
        window.training.runFinished.connect(lambda outcome: ticker.stop())
    # A finished run's results are shown by one slot: time it, and the paint after it.
    shown = []
    show_results = window._on_run_finished
    window.training.runFinished.disconnect(show_results)

    def timed(outcome) -> None:
        started = time.perf_counter()
        show_results(outcome)
        app.processEvents()
        shown.append((time.perf_counter() - started) * 1000)

    window.training.runFinished.connect(timed)
    if not window.train_and_wait():
        raise SystemExit(f"training failed: {window.training_panel.message.text()}")
    outcome = window.training.outcome
    split = outcome.project.training["validation_split"]
    result = {
        "rate": throughput(outcome.result.history, samples, split),
        "late": list(ticker.late_ms),
        "reports": window.results.plots.points,
        "results_ms": shown[0],
        "gui_share": (marks["end"][1] - marks["start"][1])
        / max(marks["end"][0] - marks["start"][0], 1e-9),
    }
    window._closing = True
    window.close()
    app.processEvents()
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def headless_process(args: argparse.Namespace, where: str) -> float:
    """A headless run in a fresh process (after an unmeasured warm-up run on the same thread)."""
    command = [
        sys.executable,
        __file__,
        "--headless",
        where,
        "--model",
        args.model,
        "--samples",
        str(args.samples),
        "--test",
        str(args.test),
        "--epochs",
        str(args.epochs),
    ]
    if args.threads:
        command += ["--threads", str(args.threads)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(TEMPLATE), default="cnn")
    parser.add_argument("--samples", type=int, default=6000)
    parser.add_argument("--test", type=int, default=500)
    parser.add_argument("--epochs", type=int, default=0, help="0: the model's default")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: default)")
    parser.add_argument("--headless", choices=("main", "thread"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.epochs = args.epochs or EPOCHS[args.model]

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    run = (args.model, args.epochs, args.samples, args.test)
    warm_up = (args.model, 1, min(args.samples, 1000), 100)
    if args.headless:  # a child process: print one rate
        on_thread = args.headless == "thread"
        headless(*warm_up, thread=on_thread)
        print(headless(*run, thread=on_thread))
        return
    os.environ["NETSTUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="netstudio-bench-")
    in_app(*warm_up, ticking=False)
    rows = []
    for _ in range(args.repeats):
        thread = headless_process(args, "thread")
        plain = in_app(*run, ticking=False)
        ticked = in_app(*run, ticking=True)
        main_thread = headless_process(args, "main")
        rows.append((main_thread, thread, plain, ticked))
    print(
        f"\n{args.model} on synthetic shapes, {args.samples:,} samples × {args.epochs} epochs, "
        f"batch 64, {torch.get_num_threads()} torch threads, {os.cpu_count()} CPUs, "
        f"Qt platform {os.environ['QT_QPA_PLATFORM']}, {time.strftime('%Y-%m-%d')}"
    )
    print("samples/s of the training batches; lateness of a 10 ms GUI timer while training")
    print(
        f"{'run':>3} {'main/s':>8} {'thread/s':>9} {'app/s':>7} {'ratio':>6} {'app+timer/s':>12} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'reports':>8} {'results ms':>11} "
        f"{'GUI CPU':>8}"
    )
    late_all = []
    for i, (m, t, plain, ticked) in enumerate(rows, 1):
        late = ticked["late"]
        late_all += late
        print(
            f"{i:>3} {m:>8,.0f} {t:>9,.0f} {plain['rate']:>7,.0f} {plain['rate'] / t:>5.2f}x "
            f"{ticked['rate']:>12,.0f} {percentile(late, 50):>7.1f} {percentile(late, 99):>7.1f} "
            f"{max(late):>7.1f} {ticked['reports']:>8} {ticked['results_ms']:>11.0f} "
            f"{plain['gui_share']:>7.1%}"
        )
    by_thread = statistics.median(p["rate"] / t for _, t, p, _ in rows)
    by_main = statistics.median(p["rate"] / m for m, _, p, _ in rows)
    print(
        f"\nthroughput in the app / headless on a worker thread (median of pairs): "
        f"{by_thread:.2f}x   (target ≥ 0.95x)"
    )
    print(f"throughput in the app / headless on the main thread (median of pairs): {by_main:.2f}x")
    share = statistics.median(p["gui_share"] for _, _, p, _ in rows)
    print(
        f"GUI thread's CPU while training: {share:.1%} of one core (median; the training "
        f"thread's share of the machine is what it leaves)"
    )
    print(
        f"GUI event-loop lateness while training, all runs: p50 {percentile(late_all, 50):.1f} "
        f"ms, p99 {percentile(late_all, 99):.1f} ms, max {max(late_all):.1f} ms   "
        f"(target p99 < 50 ms)"
    )


if __name__ == "__main__":
    main()
