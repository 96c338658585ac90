"""Hyperparameter search: the overhead of a trial, what pruning saves, and what the best
trial gives on the test set against the project's defaults.

The seed MLP with a Dropout after its first Dense (as issue 16's hand-made baseline), on
Fashion-MNIST (Debian's dataset-fashion-mnist; the synthetic shapes without it), searched over
the units of dense_1, the rate of the dropout and the learning rate with TPE (seed 0), once
per pruner. For each: the best validation accuracy, the epochs trained (and their share of
trials × epochs), the wall time; then:
  - overhead per trial: its wall time less the time of its epochs (training and validation),
    i.e. set-up, compiling, run-folder writes and test evaluation; the data set is loaded once
    per search (its load time is printed apart);
  - the test accuracy of the best trial of the unpruned search, and of the defaults trained
    the same number of epochs on the same data (a plain run): shown, never used to choose.
Targets (issue 16): pruned best within 0.3 points of unpruned while training ≤ 60 % of its
epochs; overhead < 1 s per trial. The issue's figures are for 24 trials × 5 epochs on the
full set; --limit and --trials make a quicker, smaller run.

usage: python bench/bench_search.py [--trials 24] [--epochs 5] [--pruners none,median,halving]
       [--limit N] [--threads N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SPACE = ["dense_1.units=32..512:log", "dropout_1.rate=0.0..0.5", "lr=1e-4..1e-2:log"]


def seed_mlp_with_dropout():
    from studio.templates import load_template

    project = load_template("seed-mlp")
    graph = project.graph
    edge = next(e for e in graph.edges if e.source == "dense_1" and e.target == "dense_2")
    graph.disconnect(edge)
    graph.add_node("Dropout", {"rate": 0.2}, node_id="dropout_1")
    graph.connect("dense_1", "dropout_1")
    graph.connect("dropout_1", "dense_2")
    return project


def run_search(path: Path, pruner: str, args: argparse.Namespace):
    from studio.project import load_project
    from studio.search import Search, SearchOptions

    options = SearchOptions(SPACE, trials=args.trials, sampler="tpe", prune=pruner,
                            epochs=args.epochs, seed=0, dataset=args.dataset,
                            train_limit=args.limit, study=f"bench-{pruner}")
    t0 = time.perf_counter()
    search = Search(load_project(path), path, options)
    search.open()
    loaded = time.perf_counter() - t0
    t0 = time.perf_counter()
    trials = search.run()
    return search, trials, loaded, time.perf_counter() - t0


def trial_overhead(search, trial) -> float | None:
    from studio.runs.folder import read_metrics

    if trial.run is None or trial.seconds is None:
        return None
    history = read_metrics(search.folder / trial.run).get("history") or []
    return trial.seconds - sum(h["seconds"] for h in history)


def defaults_test_accuracy(project, args: argparse.Namespace, data) -> float:
    from studio.runs.pipeline import RunRequest, execute
    from studio.training import TrainingState

    project.training.update(epochs=args.epochs)
    with tempfile.TemporaryDirectory() as out:
        request = RunRequest(project, out_dir=Path(out) / "run", data=data)
        return execute(request, TrainingState()).result.test_accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--pruners", default="none,median,halving")
    parser.add_argument("--limit", type=int, help="training samples (default: all)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dataset", default="fashion-mnist")
    args = parser.parse_args()

    import torch

    from studio.project import save_project

    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mlp.json"
        project = seed_mlp_with_dropout()
        save_project(project, path)
        results = {}
        for pruner in args.pruners.split(","):
            search, trials, loaded, seconds = run_search(path, pruner, args)
            epochs = sum(t.epochs for t in trials if t.state in ("complete", "pruned"))
            overheads = [o for t in trials if (o := trial_overhead(search, t)) is not None]
            best = search.best()
            results[pruner] = (best, epochs)
            print(f"{pruner:>8}: best val {best.score * 100:.2f}% (trial {best.number}), "
                  f"{epochs} epochs of {args.trials * args.epochs} "
                  f"({epochs / (args.trials * args.epochs) * 100:.0f}%), "
                  f"{sum(t.state == 'pruned' for t in trials)} pruned, {seconds:.0f} s; "
                  f"data loaded once in {loaded:.1f} s; overhead per trial median "
                  f"{statistics.median(overheads):.2f} s, max {max(overheads):.2f} s",
                  flush=True)
        if "none" in results:
            base, base_epochs = results["none"]
            for pruner, (best, epochs) in results.items():
                if pruner != "none":
                    print(f"{pruner:>8} vs none: best val {(best.score - base.score) * 100:+.2f} "
                          f"points, epochs {epochs / base_epochs * 100:.0f}%")
            data = search.data
            from studio.templates import load_template

            default = defaults_test_accuracy(load_template("seed-mlp"), args, data)
            print(f"test accuracy: defaults {default * 100:.2f}%, best unpruned trial "
                  f"{base.test_accuracy * 100:.2f}% ({base.params})")


if __name__ == "__main__":
    main()
