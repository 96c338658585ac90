"""What writing TensorBoard events costs a run: the seed MLP (Dense 128 → 64 → 10, batches of
32, Adam) on Fashion-MNIST (or the synthetic shapes when it is not installed), trained through
the run pipeline with its events and without, alternately, in one process.

Printed: the median training time of an epoch each way, their ratio, and the time spent in the
events hook itself (encoding, CRCs, writing) per epoch, which is the overhead measured without
the noise of a shared machine (CPU time of the training thread). Batch reports come at most
every 0.1 s (TrainingState.report_every_s), so the hook's share of an epoch is about its cost
per report divided by 0.1 s, whatever the model.

usage: python bench/bench_tensorboard_events.py [--epochs 2] [--rounds 2] [--limit 0]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch

from studio.data.fallback import load_for_project
from studio.runs import pipeline, tensorboard_log
from studio.runs.folder import read_metrics
from studio.runs.pipeline import RunRequest, execute, limited
from studio.templates import load_template
from studio.training import TrainingState


class _Nothing:
    def ended(self, result) -> None:
        pass


@contextlib.contextmanager
def _no_events(*args, **kwargs):
    yield _Nothing()


def _timed(spent: list[float], method):
    # The training thread's own CPU time: on a busy machine, waiting for a core is not the
    # hook's cost.
    def timed(self, *args):
        t0 = time.thread_time()
        try:
            return method(self, *args)
        finally:
            spent[0] += time.thread_time() - t0

    return timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="training samples (0: all)")
    args = parser.parse_args()
    torch.set_num_threads(2)

    project = load_template("seed-mlp")
    project.dataset["name"] = "fashion-mnist"
    project.training.update(epochs=args.epochs, batch_size=32, device="cpu")
    data, note = load_for_project(project.dataset, name="fashion-mnist", seed=0)
    if note:
        print(note)
    data = limited(data, args.limit or None, 1000)
    print(f"{data.title}: {len(data.x_train)} training samples, {args.epochs} epochs a run")

    spent = [0.0]
    for name in ("started", "batch", "epoch", "ended", "close"):
        method = getattr(tensorboard_log.RunEvents, name)
        setattr(tensorboard_log.RunEvents, name, _timed(spent, method))
    recording = pipeline.recording
    epochs: dict[str, list[float]] = {"with events": [], "without": []}
    hook: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for label in ("with events", "without"):
                pipeline.recording = recording if label == "with events" else _no_events
                spent[0] = 0.0
                out = Path(tmp) / f"{label.replace(' ', '-')}-{round_}"
                execute(RunRequest(project=project, out_dir=out, data=data), TrainingState())
                history = read_metrics(out)["history"]
                epochs[label] += [h["train_seconds"] for h in history]
                if label == "with events":
                    hook.append(spent[0] / len(history))
                    size = sum(p.stat().st_size for p in out.glob("events.out.tfevents.*"))
                print(f"round {round_ + 1} {label}: epochs "
                      + ", ".join(f"{h['train_seconds']:.2f} s" for h in history))
    pipeline.recording = recording
    with_, without = (statistics.median(epochs[k]) for k in ("with events", "without"))
    print(f"median epoch: {with_:.2f} s with events, {without:.2f} s without "
          f"(ratio {with_ / without:.3f})")
    print(f"events hook: {statistics.median(hook) * 1000:.1f} ms CPU an epoch "
          f"({statistics.median(hook) / with_ * 100:.2f} % of it); events file {size:,} bytes")


if __name__ == "__main__":
    main()
