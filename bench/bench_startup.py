"""Start-up of `netstudio` commands, and `netstudio train`'s time outside the epochs against a
hand-written PyTorch script doing the same epochs on the same data.

In one run, each measured in a fresh process (wall seconds, median of --repeat runs; CPU
seconds of the process beside it):
  - baselines: `python -c pass` and `python -c "import torch"`;
  - `netstudio --help`, `templates`, `datasets`, `new`, `summary` (the seed CNN);
  - `netstudio train` of the seed MLP on Fashion-MNIST for --epochs epochs, against
    ../shared/reference/torch_ref.py (the same MLP, whole-tensor batches, same data and
    epochs). Time outside the epochs = wall time of the process − the epochs' own seconds
    (NetStudio: each epoch's `seconds` in metrics.json, training and validation; the script:
    its fit_s). It holds start-up, imports, data loading, building the model, evaluation on
    the test set and writing results. Target: NetStudio's ≤ the script's (ratio ≤ 1.0).
Ratios are against the baselines of the same run: absolute seconds drift on a shared machine.

usage: python bench/bench_startup.py [--repeat 3] [--epochs 2] [--skip-train]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
FMNIST = Path(os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist"))
PY = sys.executable
CLI = [PY, "-m", "studio.cli"]
ENV = {**os.environ, "NETSTUDIO_LANGUAGE": "en"}


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout + stderr) of one run of `cmd` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout + result.stderr


def median_of(cmd: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float]:
    runs = [timed(cmd, cwd)[:2] for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def startup_rows(repeat: int, work: Path) -> list[tuple[str, float, float]]:
    project = work / "seed-cnn.json"
    timed([*CLI, "new", "seed-cnn", str(project)])
    commands = {
        "python -c pass": [PY, "-c", "pass"],
        'python -c "import torch"': [PY, "-c", "import torch"],
        "netstudio --help": [*CLI, "--help"],
        "netstudio templates": [*CLI, "templates"],
        "netstudio datasets": [*CLI, "datasets"],
        "netstudio new": [*CLI, "new", "seed-mlp", str(work / "new.json"), "--force"],
        "netstudio summary": [*CLI, "summary", str(project)],
    }
    return [(name, *median_of(cmd, repeat)) for name, cmd in commands.items()]


def netstudio_train(epochs: int, work: Path, run: int) -> tuple[float, float, float]:
    """(wall, epochs' seconds, test accuracy) of `netstudio train` of the seed MLP."""
    project, out = work / "seed-mlp.json", work / f"run-{run}"
    if not project.exists():
        timed([*CLI, "new", "seed-mlp", str(project)])
    wall, _, _ = timed([*CLI, "train", str(project), "--dataset", "fashion-mnist",
                        "--epochs", str(epochs), "--out", str(out)])
    metrics = json.loads((out / "metrics.json").read_text())
    return wall, sum(h["seconds"] for h in metrics["history"]), metrics["test_accuracy"]


def script_train(epochs: int) -> tuple[float, float, float]:
    """(wall, fit seconds, test accuracy) of the hand-written PyTorch script."""
    wall, _, out = timed([PY, "torch_ref.py", "mlp", "tensor", str(epochs)], cwd=REFERENCE)
    match = re.search(r"test_acc=([\d.]+) fit_s=([\d.]+)", out)
    if not match:
        raise SystemExit(f"no RESULT line from torch_ref.py: {out[-500:]}")
    return wall, float(match.group(2)), float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--skip-train", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = startup_rows(args.repeat, work)
        bare, with_torch = rows[0][1], rows[1][1]
        print(f"\nStart-up, median of {args.repeat} runs, {os.cpu_count()} CPUs, "
              f"{time.strftime('%Y-%m-%d')}")
        print(f"{'command':<26} {'wall s':>7} {'CPU s':>7} {'/ python':>9} {'/ import torch':>15}")
        for name, wall, cpu in rows:
            print(f"{name:<26} {wall:>7.2f} {cpu:>7.2f} {wall / bare:>8.1f}x "
                  f"{wall / with_torch:>14.2f}x")
        print("Target: --help, templates, datasets, new well under 0.5 s "
              "(and well under `import torch`).")

        if args.skip_train:
            return
        if not FMNIST.is_dir():
            print(f"\nNo Fashion-MNIST in {FMNIST} (Debian's dataset-fashion-mnist): "
                  "train not measured.")
            return
        ours, theirs = [], []
        for run in range(args.repeat):  # alternated, so both see the same machine load
            ours.append(netstudio_train(args.epochs, work, run))
            theirs.append(script_train(args.epochs))

    print(f"\nTraining the seed MLP on Fashion-MNIST, {args.epochs} epochs, median of "
          f"{args.repeat} runs")
    print(f"{'':<28} {'wall s':>7} {'epochs s':>9} {'outside s':>10} {'test acc':>9}")
    table = []
    for name, runs in (("netstudio train", ours), ("hand-written torch_ref.py", theirs)):
        wall = statistics.median(r[0] for r in runs)
        inside = statistics.median(r[1] for r in runs)
        outside = statistics.median(r[0] - r[1] for r in runs)
        accuracy = statistics.median(r[2] for r in runs)
        table.append(outside)
        print(f"{name:<28} {wall:>7.2f} {inside:>9.2f} {outside:>10.2f} {accuracy * 100:>8.2f}%")
    print(f"Time outside the epochs, NetStudio / hand-written: {table[0] / table[1]:.2f}x "
          "(target ≤ 1.0); NetStudio's outside time / `import torch`: "
          f"{table[0] / with_torch:.2f}x")


if __name__ == "__main__":
    main()
