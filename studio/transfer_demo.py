"""Transfer learning measured in place, with nothing from outside: the seed CNN learns half of
a data set's classes, then its body (a TrainedModel block) is reused on the other half with a
few samples per class, frozen or fine-tuned, against the same CNN trained from scratch.

Every model is an ordinary NetStudio run (the pretraining run folder is what the blocks read),
so the figures are what a user gets from the app, whose Run → Transfer Learning Demo… runs
`run_demo`. `python -m studio.transfer_demo --demo fashion-mnist --per-class 20 5` measures it.

Measured with the demo's settings (DemoSettings: the body pretrained on 6,000 images of
classes 0–4 for 2 epochs, then about 150 batches per model; 3 seeds, 1 CPU thread), test
accuracy on classes 5–9:
- Fashion-MNIST (shoes and bags after shirts and dresses: another kind of image), 20 per
  class: frozen 79.3 %, fine-tuned 87.9 %, scratch 87.2 %; 5 per class: 72.5 / 80.4 / 79.2 %.
- The built-in shapes (new shapes drawn as the old ones), 20 per class: frozen 80.4 %,
  fine-tuned 90.6 %, scratch 82.9 %; 5 per class: 66.4 / 73.7 / 62.8 %.
Fine-tuning the pretrained body is never worse than scratch and far ahead when the new classes
look like the old ones; its frozen features lose to scratch on another kind of image and help
only with the fewest samples of the same kind: a small body's features fit what it learnt.
The frozen head trains at a learning rate of 3e-2: at 1e-3 it was still far from trained after
150 batches (Fashion-MNIST, 20 per class: frozen 46.9 % at 1e-3), which would blame the
features for the head's slow start. Before the demo (300 batches, pretrained on all images of
classes 0–4 for 3 epochs, shapes): 20 per class 67.7 / 91.7 / 83.6 %, 5 per class
68.4 / 76.4 / 62.6 %.
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import torch

from studio.data import Dataset, DatasetInfo, list_datasets, load_dataset
from studio.errors import StudioError
from studio.graph import Graph
from studio.messages import msg, term
from studio.project import Project
from studio.runs.folder import (
    EARLY_STOPPED,
    FINISHED,
    STOPPED,
    read_metrics,
    read_record,
    write_failure,
)
from studio.runs.layout import WEIGHTS_FILE
from studio.runs.location import new_run_dir
from studio.runs.pipeline import RunRequest, execute
from studio.templates import load_template
from studio.training import TrainingState, train

VARIANTS = ("frozen", "fine_tuned", "scratch")


def classes_subset(data: Dataset, keep: Sequence[int], per_class: int | None,
                   seed: int) -> Dataset:
    """Only the classes `keep` (relabelled 0…k−1, in that order): `per_class` training samples
    of each (all with None), drawn with `seed`, and all of their test samples."""
    generator = torch.Generator().manual_seed(seed)
    train_index, test_index = [], []
    for cls in keep:
        found = torch.nonzero(data.y_train == cls).flatten()
        found = found[torch.randperm(len(found), generator=generator)]
        train_index.append(found[:per_class] if per_class is not None else found)
        test_index.append(torch.nonzero(data.y_test == cls).flatten())
    relabel = torch.full((max(len(data.classes), 1),), -1, dtype=torch.long)
    relabel[list(keep)] = torch.arange(len(keep))
    train_at = torch.cat(train_index)[torch.randperm(sum(map(len, train_index)),
                                                     generator=generator)]
    test_at = torch.cat(test_index)
    return replace(
        data,
        x_train=data.x_train[train_at], y_train=relabel[data.y_train[train_at]],
        x_test=data.x_test[test_at], y_test=relabel[data.y_test[test_at]],
        classes=[data.classes[c] for c in keep],
    )


def seed_cnn(classes: int) -> Graph:
    """The seed CNN (the MNIST guide's) with one output per class."""
    graph = load_template("seed-cnn").graph
    scoring = next(n for n in graph.nodes.values() if n.layer_id == "Dense"
                   and n.params["activation"] == "softmax")
    graph.set_params(scoring.id, {"units": classes})
    return graph


def transfer_graph(run: Path, variant: str, classes: int, lr_factor: float) -> Graph:
    """The new task's model: the pretrained body as a block and a new Dense head (frozen or
    fine-tuned), or the whole seed CNN from scratch."""
    if variant == "scratch":
        return seed_cnn(classes)
    graph = Graph()
    nodes = [
        graph.add_node("Input", {"shape": [1, 28, 28]}),
        graph.add_node("TrainedModel", {
            "run": str(run),
            "freeze": "all" if variant == "frozen" else "none",
            "lr_factor": lr_factor,
        }),
        graph.add_node("Dense", {"units": classes, "activation": "softmax"}),
        graph.add_node("Output", {}),
    ]
    for a, b in itertools.pairwise(nodes):
        graph.connect(a.id, b.id)
    return graph


def _project(name: str, graph: Graph, seed: int, epochs: int, batch_size: int,
             dataset: str = "synthetic-shapes", validation_split: float = 0.0) -> Project:
    project = Project(name=name, graph=graph)
    project.dataset["name"] = dataset
    project.training.update({"optimizer": "adam", "learning_rate": 1e-3, "epochs": epochs,
                             "batch_size": batch_size, "validation_split": validation_split,
                             "seed": seed})
    return project


# The demo as the app runs it ----------------------------------------------------------------

DEMO_DATASET = "fashion-mnist"
BATCH = 32
# The run folders' tags, by variant: a tag is lower case letters, digits and dashes.
TAGS = {"frozen": "frozen", "fine_tuned": "fine-tuned", "scratch": "scratch"}
TITLES = {"frozen": "Frozen body", "fine_tuned": "Fine-tuned body", "scratch": "From scratch"}


class DemoError(StudioError):
    """The demo cannot run; the message says why."""


@dataclass(frozen=True)
class DemoSettings:
    """One demo: what the body learns first, and how few samples the new task has.

    The defaults keep a demo short on two CPU cores: the body is pretrained once (on 6,000
    images of the first five classes, two epochs) and kept for the next demo; each of the three
    models then trains for about 150 batches. The measured figures (MEASURED) are for exactly
    these settings, over 3 seeds."""

    per_class: int = 20
    seed: int = 0
    source: tuple[int, ...] = (0, 1, 2, 3, 4)
    target: tuple[int, ...] = (5, 6, 7, 8, 9)
    pretrain_samples: int = 6000
    pretrain_epochs: int = 2
    steps: int = 150
    # Validated each epoch on other images of the new classes than the few it learns from:
    # the curves show how each model does on images it never saw.
    val_per_class: int = 30
    test_limit: int | None = None
    lr_factor: float = 1.0
    learning_rate: float = 1e-3
    # Frozen, only the new last layer learns, on features that never change: it takes larger
    # steps. At the common 1e-3 it is still far from trained after 150 batches (measured on
    # Fashion-MNIST, 20 per class: 53 % at 1e-3, 81 % at 3e-2, 84 % after 600 batches), and
    # the demo would blame the features for what is the head's slow start.
    frozen_learning_rate: float = 3e-2

    @property
    def epochs(self) -> int:
        """As many epochs as `steps` batches take: with 5 samples per class an epoch is one
        batch, and a fixed number of epochs would leave the smallest sets undertrained."""
        batches = math.ceil(self.per_class * len(self.target) / BATCH)
        return max(1, math.ceil(self.steps / max(batches, 1)))


@dataclass
class DemoData:
    data: Dataset
    stand_in_for: str | None  # the title of the data set it stands in for, if it does


def demo_source(infos: list[DatasetInfo] | None = None) -> tuple[DatasetInfo, str | None]:
    """Which data set the demo trains on, known without loading it: Fashion-MNIST when it is
    on this machine (Debian's dataset-fashion-mnist, or downloaded before), else its offline
    stand-in as the data registry names it. Also the title of the set it stands in for."""
    from studio.fit import plan_dataset  # studio.fit reads the layer registry

    plan = plan_dataset({"name": DEMO_DATASET}, infos)
    if plan is None:
        raise DemoError(msg("The data set {name} is not known.", name=DEMO_DATASET))
    use = plan.chosen if plan.available else plan.stand_in
    if use is None:
        raise DemoError(msg("Neither {title} nor a stand-in for it is on this machine.",
                            title=term(plan.chosen.title, "datasets")))
    return use, (None if use is plan.chosen else plan.chosen.title)


def demo_dataset(infos: list[DatasetInfo] | None = None) -> DemoData:
    """The demo's data set, loaded (see demo_source): nothing is downloaded."""
    info, stand_in_for = demo_source(infos)
    return DemoData(load_dataset(info.name), stand_in_for)


def new_task_data(data: Dataset, settings: DemoSettings) -> tuple[Dataset, float]:
    """The new task: `per_class` training samples of each target class, then
    `val_per_class` other samples of each (held out: last, as the validation split takes
    them), and all their test samples. Returns the data set and its validation split."""
    generator = torch.Generator().manual_seed(settings.seed)
    few, held = [], []
    for cls in settings.target:
        found = torch.nonzero(data.y_train == cls).flatten()
        found = found[torch.randperm(len(found), generator=generator)]
        few.append(found[: settings.per_class])
        held.append(found[settings.per_class: settings.per_class + settings.val_per_class])
    few_at = torch.cat(few)
    few_at = few_at[torch.randperm(len(few_at), generator=generator)]
    train_at = torch.cat([few_at, *held])
    test_at = torch.cat([torch.nonzero(data.y_test == c).flatten() for c in settings.target])
    # Mixed: a test limit then takes samples of every class, not the first class alone.
    test_at = test_at[torch.randperm(len(test_at), generator=generator)]
    relabel = torch.full((max(len(data.classes), 1),), -1, dtype=torch.long)
    relabel[list(settings.target)] = torch.arange(len(settings.target))
    task = replace(
        data,
        x_train=data.x_train[train_at], y_train=relabel[data.y_train[train_at]],
        x_test=data.x_test[test_at], y_test=relabel[data.y_test[test_at]],
        classes=[data.classes[c] for c in settings.target],
    )
    n, n_val = len(train_at), len(train_at) - len(few_at)
    # int(n × split) must give n_val exactly: half a sample more keeps float error off it.
    return task, ((n_val + 0.5) / n if n_val else 0.0)


@dataclass
class VariantRun:
    variant: str
    run_dir: Path | None
    status: str  # finished | stopped | early-stopped
    test_accuracy: float | None
    history: list[dict] = field(default_factory=list)


@dataclass
class DemoResult:
    dataset: str  # the title of the data set it trained on
    stand_in_for: str | None
    settings: DemoSettings
    pretrained: Path | None = None
    pretrained_accuracy: float | None = None
    reused: bool = False  # the pretrained body came from an earlier demo
    runs: list[VariantRun] = field(default_factory=list)
    stopped: bool = False

    def accuracy(self, variant: str) -> float | None:
        """Test accuracy of a variant that ran to its end (a stopped one does not count)."""
        for run in self.runs:
            if run.variant == variant and run.status != STOPPED:
                return run.test_accuracy
        return None

    def gaps(self) -> dict[str, float]:
        """Each pretrained variant's test accuracy minus the scratch model's, in 0–1, for
        those that finished."""
        return gaps_of({v: self.accuracy(v) for v in VARIANTS})


def gaps_of(accuracy: dict[str, float | None]) -> dict[str, float]:
    scratch = accuracy.get("scratch")
    if scratch is None:
        return {}
    return {v: a - scratch for v in ("fine_tuned", "frozen")
            if (a := accuracy.get(v)) is not None}


def pretrained_folder(root: Path, dataset: str, settings: DemoSettings) -> Path:
    """Where the body pretrained with these settings is kept, to be reused by the next demo."""
    classes = "".join(str(c) for c in settings.source)
    return root / (f"pretrained-{dataset}-c{classes}-n{settings.pretrain_samples}"
                   f"-e{settings.pretrain_epochs}-seed{settings.seed}")


def _finished_run(path: Path) -> bool:
    return (read_record(path).get("status") in (FINISHED, EARLY_STOPPED)
            and (path / WEIGHTS_FILE).is_file())


def run_demo(
    root: Path,
    settings: DemoSettings,
    new_state: Callable[[str], TrainingState],
    *,
    on_run: Callable[[VariantRun], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
    demo_data: DemoData | None = None,
) -> DemoResult:
    """Pretrain the seed CNN's body on the source classes (or reuse the one an earlier demo
    left in `root`), then train the three models on the new task, each an ordinary run of the
    run pipeline, in `root`/runs. `new_state(stage)` gives the state object of each run
    ("pretrain", then each variant): its callbacks report progress, its request_stop stops
    that run. After a stopped run nothing more trains; what finished is kept. `on_run` hears
    of each variant's run as it ends."""
    demo_data = demo_data or demo_dataset()
    data = demo_data.data
    result = DemoResult(data.title, demo_data.stand_in_for, settings)
    root.mkdir(parents=True, exist_ok=True)
    folder = pretrained_folder(root, data.name, settings)
    result.pretrained = folder
    if _finished_run(folder):
        result.reused = True
    else:
        old = classes_subset(data, list(settings.source), None, settings.seed)
        project = _project("Pretrained body", seed_cnn(len(settings.source)), settings.seed,
                           settings.pretrain_epochs, 64, data.name)
        project.training["train_limit"] = settings.pretrain_samples
        state = new_state("pretrain")
        outcome = execute(RunRequest(project, out_dir=folder, data=old, force=True,
                                     test_limit=settings.test_limit), state)
        if outcome is None or outcome.result.status == STOPPED:
            result.stopped = True
            return result
    result.pretrained_accuracy = read_metrics(folder).get("test_accuracy")
    task, split = new_task_data(data, settings)
    runs = root / "runs"
    for variant in VARIANTS:
        if stopped():
            result.stopped = True
            break
        graph = transfer_graph(folder, variant, len(settings.target), settings.lr_factor)
        project = _project(TITLES[variant], graph, settings.seed, settings.epochs, BATCH,
                           data.name, split)
        project.training["learning_rate"] = (
            settings.frozen_learning_rate if variant == "frozen" else settings.learning_rate
        )
        try:
            out_dir = new_run_dir(runs, TAGS[variant])
        except OSError as exc:
            raise write_failure(runs, exc) from None
        outcome = execute(RunRequest(project, out_dir=out_dir, data=task,
                                     test_limit=settings.test_limit), new_state(variant))
        if outcome is None:  # stopped before its first batch: its empty folder is gone
            result.stopped = True
            break
        run = VariantRun(variant, out_dir, outcome.result.status,
                         outcome.result.test_accuracy, list(outcome.result.history))
        result.runs.append(run)
        if on_run is not None:
            on_run(run)
        if run.status == STOPPED:
            result.stopped = True
            break
    return result


# What the demo gives, measured: the mean test accuracy of each model over seeds 0, 1, 2 with
# DemoSettings' defaults (`python -m studio.transfer_demo --demo`), by data set and samples
# per class: the means of the full-precision figures, which the per-seed ones below round.
# Seeds 0, 1, 2 each: Fashion-MNIST, 20 per class: frozen 0.809 0.773 0.798, fine-tuned 0.887
# 0.855 0.893, scratch 0.874 0.865 0.878; 5 per class: 0.770 0.697 0.707, 0.788 0.802 0.822,
# 0.780 0.788 0.807. Shapes, 20 per class: 0.810 0.828 0.773, 0.911 0.937 0.869, 0.819 0.855
# 0.812; 5 per class: 0.692 0.723 0.578, 0.770 0.725 0.717, 0.664 0.559 0.661.
MEASURED: dict[tuple[str, int], dict[str, float]] = {
    ("fashion-mnist", 20): {"frozen": 0.793, "fine_tuned": 0.879, "scratch": 0.872},
    ("fashion-mnist", 5): {"frozen": 0.725, "fine_tuned": 0.804, "scratch": 0.792},
    ("synthetic-shapes", 20): {"frozen": 0.804, "fine_tuned": 0.906, "scratch": 0.829},
    ("synthetic-shapes", 5): {"frozen": 0.664, "fine_tuned": 0.737, "scratch": 0.628},
}
MEASURED_SEEDS = 3


def measured(dataset: str, per_class: int) -> dict[str, float] | None:
    """The measured means for a demo on this data set (by name) with this many samples per
    class, None where none were measured."""
    return MEASURED.get((dataset, per_class))


# Measuring by hand ---------------------------------------------------------------------------


@dataclass
class TransferFigures:
    """Test accuracy of each variant, one per seed, and each run's per-epoch history."""

    per_class: int
    accuracy: dict[str, list[float]] = field(default_factory=dict)
    history: dict[str, list[list[dict]]] = field(default_factory=dict)
    pretrained_accuracy: list[float] = field(default_factory=list)

    def mean(self, variant: str) -> float:
        return statistics.fmean(self.accuracy[variant])


def measure(
    folder: Path,
    *,
    seeds: Sequence[int] = (0, 1, 2),
    per_class: int = 20,
    source: Sequence[int] = range(5),
    target: Sequence[int] = range(5, 10),
    pretrain_epochs: int = 3,
    steps: int = 300,
    lr_factor: float = 1.0,
    progress: Callable[[str], None] = print,
) -> TransferFigures:
    """Pretrain on `source` classes (all their samples), then train each variant on
    `per_class` samples of each `target` class for about `steps` batches of 32 (as many
    epochs as that takes: with 5 samples per class an epoch is one batch, and a fixed number
    of epochs would leave the smallest sets undertrained); one pretraining per seed."""
    shapes = load_dataset("synthetic-shapes")
    figures = TransferFigures(per_class)
    for seed in seeds:
        run = folder / f"pretrained-{seed}"
        old = classes_subset(shapes, list(source), None, seed)
        result = train(_project("Pretrained body", seed_cnn(len(source)), seed,
                                pretrain_epochs, 64), old, TrainingState(), out_dir=run)
        figures.pretrained_accuracy.append(result.test_accuracy)
        progress(f"seed {seed}: pretrained on {len(old.x_train)} samples, "
                 f"test accuracy {result.test_accuracy:.3f}")
        new = classes_subset(shapes, list(target), per_class, seed)
        epochs = math.ceil(steps / math.ceil(len(new.x_train) / 32))
        for variant in VARIANTS:
            graph = transfer_graph(run, variant, len(target), lr_factor)
            result = train(_project(variant, graph, seed, epochs, 32), new, TrainingState())
            figures.accuracy.setdefault(variant, []).append(result.test_accuracy)
            figures.history.setdefault(variant, []).append(result.history)
            progress(f"seed {seed}: {variant} {result.test_accuracy:.3f}")
    return figures


def measure_demo(root: Path, dataset: str, per_class_values: Sequence[int],
                 seeds: Sequence[int] = (0, 1, 2),
                 progress: Callable[[str], None] = print) -> dict[int, dict[str, list[float]]]:
    """The app's demo with its default settings, per seed: test accuracy by samples per class
    and variant. One pretraining per seed, shared by the sizes (as the app reuses it)."""
    infos = [i for i in list_datasets() if i.name == dataset]
    data = DemoData(load_dataset(dataset), None) if infos and infos[0].available else None
    if data is None:
        raise DemoError(msg("{name} is not on this machine.", name=dataset))
    found: dict[int, dict[str, list[float]]] = {}
    for seed in seeds:
        for per_class in per_class_values:
            settings = DemoSettings(per_class=per_class, seed=seed)
            result = run_demo(root, settings, lambda stage: TrainingState(), demo_data=data)
            for run in result.runs:
                found.setdefault(per_class, {}).setdefault(run.variant, []).append(
                    run.test_accuracy)
            progress(f"{dataset} seed {seed}, {per_class}/class: pretrained "
                     f"{result.pretrained_accuracy:.3f}, " + ", ".join(
                         f"{r.variant} {r.test_accuracy:.3f}" for r in result.runs))
    return found


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", metavar="DATASET",
                        help="measure the app's demo (its default settings) on this data set")
    parser.add_argument("--per-class", type=int, nargs="+", default=[20])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--pretrain-epochs", type=int, default=3)
    parser.add_argument("--lr-factor", type=float, default=1.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.demo:
            found = measure_demo(Path(tmp), args.demo, args.per_class, range(args.seeds))
            for per_class, by_variant in found.items():
                print(f"{args.demo}, {per_class} samples per class, {args.seeds} seeds:")
                for variant, values in by_variant.items():
                    shown = ", ".join(f"{a:.3f}" for a in values)
                    print(f"  {variant:<11} {statistics.fmean(values):.1%}  ({shown})")
            return
        for per_class in args.per_class:
            figures = measure(Path(tmp), seeds=range(args.seeds), per_class=per_class,
                              steps=args.steps, pretrain_epochs=args.pretrain_epochs,
                              lr_factor=args.lr_factor)
            print(f"{per_class} samples per class, {args.seeds} seeds:")
            for variant in VARIANTS:
                values = ", ".join(f"{a:.3f}" for a in figures.accuracy[variant])
                print(f"  {variant:<11} {figures.mean(variant):.1%}  ({values})")


if __name__ == "__main__":
    main()
