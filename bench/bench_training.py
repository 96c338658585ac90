"""Training throughput: NetStudio's trainer against the hand-written PyTorch references.

In one run, on Fashion-MNIST (Debian's dataset-fashion-mnist), with the seeds' settings:
  - NetStudio's run pipeline (as `netstudio train` runs, into a run folder written after
    every epoch) on the seed MLP and the seed CNN templates;
  - ../shared/reference/torch_ref.py: the whole-tensor loop ("tensor") and the tutorial
    DataLoader + ToTensor pipeline ("dataloader");
  - optionally the seeds' Keras scripts, given a Python with TensorFlow (--keras-python).
Prints samples/s of the training loop (data loading and evaluation excluded for all) and the
ratios NetStudio / reference. Targets: ≥ 0.95× "tensor", ≥ 1.5× "dataloader".

usage: python bench/bench_training.py [--epochs 5] [--models mlp,cnn] [--keras-python PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
SAMPLES = {"mlp": 48000, "cnn": 60000}  # the seed MLP holds out 20 % for validation
TEMPLATE = {"mlp": "seed-mlp", "cnn": "seed-cnn"}


FOLDER_WRITES: list[float] = []  # seconds of each epoch's run-folder writes


def netstudio(kind: str, epochs: int, extra: dict) -> tuple[float, float, float]:
    """(samples/s of the training loop, test accuracy, mean epoch seconds), trained as
    `netstudio train` trains: through the run pipeline, into a run folder written each epoch."""
    import tempfile

    from studio.data import load_dataset
    from studio.runs.folder import RunFolder
    from studio.runs.pipeline import RunRequest, execute
    from studio.templates import load_template
    from studio.training import TrainingState

    save_epoch = RunFolder.save_epoch

    def timed(self, *args, **kwargs):
        t0 = time.perf_counter()
        save_epoch(self, *args, **kwargs)
        FOLDER_WRITES.append(time.perf_counter() - t0)

    RunFolder.save_epoch = timed
    project = load_template(TEMPLATE[kind])
    project.training.update(epochs=epochs, **extra)
    with tempfile.TemporaryDirectory() as out:
        request = RunRequest(project, out_dir=Path(out) / "run",
                             data=load_dataset("fashion-mnist"))
        result = execute(request, TrainingState()).result
    RunFolder.save_epoch = save_epoch
    train_s = sum(h["train_seconds"] for h in result.history)
    return SAMPLES[kind] * epochs / train_s, result.test_accuracy, train_s / epochs


def reference(cmd: list[str], kind: str, epochs: int) -> tuple[float, float]:
    out = subprocess.run(cmd, cwd=REFERENCE, capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT \S+ test_acc=([\d.]+) fit_s=([\d.]+)", out)
    if not match:
        raise RuntimeError(f"no RESULT line from {cmd}: {out[-500:]}")
    return SAMPLES[kind] * epochs / float(match.group(2)), float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--models", default="mlp,cnn")
    parser.add_argument("--keras-python", help="a Python that has tensorflow-cpu installed")
    parser.add_argument("--skip-dataloader", action="store_true")
    args = parser.parse_args()

    rows, writes = [], []
    for kind in args.models.split(","):
        FOLDER_WRITES.clear()
        ours, acc, epoch_s = netstudio(kind, args.epochs, {})
        written = sum(FOLDER_WRITES) / max(1, len(FOLDER_WRITES))
        writes.append((kind, written, written / epoch_s))
        rows.append((kind, "NetStudio", ours, acc, 1.0))
        refs = ["tensor"] if args.skip_dataloader else ["tensor", "dataloader"]
        for pipe in refs:
            rate, ref_acc = reference(
                [sys.executable, "torch_ref.py", kind, pipe, str(args.epochs)], kind, args.epochs
            )
            rows.append((kind, f"torch_ref {pipe}", rate, ref_acc, ours / rate))
        if args.keras_python:
            rate, ref_acc = reference(
                [args.keras_python, f"keras_seed_{kind}.py", str(args.epochs)], kind, args.epochs
            )
            rows.append((kind, "Keras (TensorFlow CPU)", rate, ref_acc, ours / rate))

    print(f"\n{args.epochs} epochs, Fashion-MNIST, {os.cpu_count()} CPUs, "
          f"{time.strftime('%Y-%m-%d')}")
    print(f"{'model':<5} {'pipeline':<24} {'samples/s':>10} {'test acc':>9} "
          f"{'NetStudio / this':>17}")
    for kind, name, rate, acc, ratio in rows:
        print(f"{kind:<5} {name:<24} {rate:>10,.0f} {acc * 100:>8.2f}% {ratio:>16.2f}x")
    print("\nRun folder written after each epoch (weights, metrics, checkpoint):")
    for kind, seconds, share in writes:
        print(f"{kind:<5} {seconds * 1000:8.1f} ms per epoch = {share * 100:.2f} % of an epoch "
              "(target < 2 %)")


if __name__ == "__main__":
    main()
