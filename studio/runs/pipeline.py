"""The one run pipeline: a request (project, data set, limits, device, folder, resume) becomes a
run, and the run an outcome, the same way for `netstudio train`, the app and searches.

`execute(request, state)` owns everything around the training loop: the run folder and its lock,
what a resumed run continues on (the data set and limits it recorded, unless the request changes
them, which is said out loud), loading the data set with the offline fallback note, limits,
choosing the task (by the trainer), the kind of model for the result views, and the evaluation
per kind. The state object carries progress and requests both ways; a QThread only relays it.
A run with a folder also writes TensorBoard events there (studio.runs.tensorboard_log).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch

from studio import pretrained_weights
from studio.data import Dataset, StreamingImageFolder
from studio.data.fallback import load_for_project
from studio.data.paths import resolve_data_path
from studio.errors import StudioError
from studio.layers.run_block import absolute_run_paths
from studio.messages import msg, term
from studio.project import Project, load_project
from studio.runs.folder import (
    EARLY_STOPPED,
    FINISHED,
    RunFolder,
    read_metrics,
    read_record,
    write_failure,
)
from studio.runs.layout import PROJECT_FILE, RunError
from studio.runs.location import new_run_dir, runs_beside
from studio.runs.tensorboard_log import recording
from studio.tensorboard_events import events_files
from studio.training import Trainer, TrainingResult, TrainingState

# What a run's model is, for the result views: each kind is looked at differently.
CLASSIFIER, AUTOENCODER, GAN, OTHER = "classifier", "autoencoder", "gan", "other"
# Test samples held in memory for the result views of a streamed image folder.
STREAMED_VIEW_SAMPLES = 512


class Cancelled(Exception):
    """Stop was pressed before training began (while the data set loaded)."""


@dataclass
class RunRequest:
    project: Project | None  # None with resume: the run folder's own project
    project_path: Path | None = None  # relative data paths and default run folders start here
    out_dir: Path | None = None  # None: a new folder in `<project>.runs/` (none without a path)
    resume: bool = False
    dataset: str | None = None  # a data set other than the project's, by name
    train_limit: int | None = None  # use only the first N training samples
    test_limit: int | None = None  # and the first N test samples
    changed: dict[str, Any] = field(default_factory=dict)  # settings the user set explicitly
    force: bool = False  # replace an ended run in out_dir
    data: Dataset | None = None  # the data set already loaded for these settings (the app's)
    evaluate: bool = False  # the app's result views: predictions, confusion, reconstructions
    task_options: dict[str, Any] = field(default_factory=dict)
    # A search trial's values by name ("dense_1.units", "learning_rate"): TensorBoard's
    # HParams dashboard shows them beside the training settings.
    searched: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunOutcome:
    """A finished or stopped run, with what the result views need, all on the CPU."""

    project: Project
    run_dir: Path | None
    result: TrainingResult
    data_title: str
    classes: list[str]
    x_test: torch.Tensor  # raw, as the data set holds it (uint8 images)
    input_shape: tuple[int, ...]
    is_image: bool
    evaluation: Any = None  # studio.evaluation.ClassifierEvaluation, for a classifier
    kind: str = OTHER  # CLASSIFIER, AUTOENCODER, GAN or OTHER
    reconstructions: Any = None  # an autoencoder's, on test samples
    # A GAN's: what its generator draws, at the end of the run, for the noise vectors the
    # sample grids used each epoch (uint8 N×C×H×W). x_test then holds those noise vectors, the
    # whole chain's inputs, so that the activations view follows them through both parts.
    samples: np.ndarray | None = None
    dataset: str = ""  # the data set's name as trained on (after any stand-in)

    @property
    def model(self) -> torch.nn.Module:
        return self.result.model


def kind_of_graph(graph: Any) -> str:
    """What a model drawn this way will be once trained, as far as the graph says (whether
    it classifies also depends on the data set): the result views get ready for it."""
    from studio.evaluation import reconstructs_input
    from studio.gan import is_gan

    if is_gan(graph):
        return GAN
    return AUTOENCODER if reconstructs_input(graph) else CLASSIFIER


def execute(request: RunRequest, state: TrainingState) -> RunOutcome | None:
    """Run the request to its end (finished, stopped or early-stopped). None when Stop came
    before training began. StudioError (a plain message) when it cannot be done; the run
    folder then records the failure."""
    project, folder, record, created = _open_folder(request, state)
    try:
        # Backbones' pretrained weights first: offline, the run stops before loading data.
        for note in pretrained_weights.fetch_for_graph(project.graph, _cancellable(state)):
            state.message(note)
        data, record = _load_data(request, project, record, state)
        if state.stop_requested:
            _abandon(folder, created)
            return None
        trainer = Trainer(project, data, state, folder, request.resume, record=record,
                          **request.task_options)
        kind = _kind(trainer)
        trainer.started_info = {"dataset": data.title, "dataset_name": data.name, "kind": kind,
                                "folder": str(folder.path) if folder else None}
        with recording(folder, project, request.searched, state) as events:
            result = trainer.run()
            events.ended(result)
    except (StudioError, Cancelled, KeyboardInterrupt):
        if folder is not None and not folder.begun:
            _abandon(folder, created)  # it failed before its first batch: nothing to keep
        raise
    return _outcome(request, project, folder, trainer, result, data, kind)


# The run folder ----------------------------------------------------------------------------


def _open_folder(
    request: RunRequest, state: TrainingState
) -> tuple[Project, RunFolder | None, dict[str, Any], bool]:
    """(project, locked folder or None, the record to continue, whether the folder is new)."""
    if request.resume:
        if request.out_dir is None:
            raise RunError(msg("Resuming needs the run folder of the stopped run"))
        path = Path(request.out_dir)
        if not (path / PROJECT_FILE).is_file():
            raise RunError(
                msg("{path} is not a NetStudio run folder: it has no {file}", path=str(path),
                    file=PROJECT_FILE)
            )
        project = load_project(path / PROJECT_FILE)
        if request.project is not None:
            state.message(msg("Resuming with the run's own project ({file}); the project file "
                              "named is not used.", file=str(path / PROJECT_FILE)))
        record = read_record(path)
        _check_resumable(path, project, record, request, state)
        project = _with_changes(project, request, state, resumed=True)
        folder = RunFolder(path)
        _acquire(folder, state)
        folder.record = {k: v for k, v in record.items() if k in ("started", "resumes")}
        folder.record["resumes"] = int(record.get("resumes") or 0) + 1
        return project, folder, record, False
    if request.project is None:
        raise RunError(msg("Name the project to train (or resume a run folder)"))
    project = request.project
    if request.project_path is not None:
        # A TrainedModel block's run named relative to the project file: the run folder's copy
        # of the project must find it from anywhere (a resume, an export, another machine).
        graph = absolute_run_paths(project.graph, Path(request.project_path).parent)
        project = dataclasses.replace(project, graph=graph)
    if request.out_dir is not None:
        path, created = Path(request.out_dir), not Path(request.out_dir).exists()
        folder = RunFolder(path)
        if path.is_dir() and (path / PROJECT_FILE).exists():
            if not request.force:
                status = read_record(path).get("status") or term("ended")
                raise RunError(
                    msg(
                        "{path} already holds a run ({status}). Continue it with "
                        "`netstudio train --resume {path}`, choose another --out folder, or add "
                        "--force to replace it",
                        path=str(path),
                        status=term(status),
                    )
                )
            _acquire(folder, state)  # never clear a folder that a live run writes into
            state.message(msg("{path} held an earlier run: it is replaced.", path=str(path)))
            _clear_run_files(path)
            return _with_changes(project, request, state), folder, {}, created
    elif request.project_path is not None:
        try:
            folder, created = RunFolder(new_run_dir(runs_beside(request.project_path))), True
        except OSError as exc:
            raise write_failure(runs_beside(request.project_path), exc) from None
    else:
        return project, None, {}, False
    _acquire(folder, state)
    return _with_changes(project, request, state), folder, {}, created


def _with_changes(project: Project, request: RunRequest, state: TrainingState,
                  resumed: bool = False) -> Project:
    """The project with the settings given explicitly (command-line options), validated; on
    a resumed run each change from what the run used is said out loud."""
    from studio.settings import validate_training

    if not request.changed:
        return project
    before = dict(project.training)
    project.training = validate_training({**project.training, **request.changed})
    if resumed:
        for key, value in request.changed.items():
            if before.get(key) != value:
                state.message(
                    msg("{setting} is now {new} (the run used {old}), as asked.",
                        setting=key, new=value, old=before.get(key))
                )
    return project


def _acquire(folder: RunFolder, state: TrainingState) -> None:
    note = folder.acquire()
    if note:
        state.message(note)


def _check_resumable(path: Path, project: Project, record: dict[str, Any],
                     request: RunRequest, state: TrainingState) -> None:
    done = _epochs_done(path)
    epochs = request.changed.get("epochs", project.training["epochs"])
    # Run folders written before run records kept their status in metrics.json.
    status = record.get("status") or read_metrics(path).get("status")
    if status in (FINISHED, EARLY_STOPPED) and epochs <= done:
        raise RunError(
            msg(
                "{path} has finished: it trained {done} epochs. To train it further, give more "
                "epochs: netstudio train --resume {path} --epochs {more}",
                path=str(path),
                done=done,
                more=done + max(5, done),
            )
        )
    if status:
        state.message(
            msg("Resuming {path} ({status}, {done} epochs done).", path=str(path),
                status=term(status), done=done)
        )


def _epochs_done(path: Path) -> int:
    history = read_metrics(path).get("history")
    return len(history) if isinstance(history, list) else 0


def _clear_run_files(path: Path) -> None:
    """An earlier, ended run in the --out folder: its files go, so the new run never mixes
    with it. Only NetStudio's own run files are removed."""
    from studio.runs.layout import CHECKPOINT_FILE, METRICS_FILE, RECORD_FILE, WEIGHTS_FILE

    for name in (CHECKPOINT_FILE, METRICS_FILE, RECORD_FILE, WEIGHTS_FILE,
                 "generator.safetensors", "discriminator.safetensors"):
        (path / name).unlink(missing_ok=True)
    for events in events_files(path):  # TensorBoard would show the old run's curves too
        events.unlink(missing_ok=True)
    shutil.rmtree(path / "samples", ignore_errors=True)


def _abandon(folder: RunFolder | None, created: bool) -> None:
    """Nothing was trained: unlock, and remove a folder this request created for nothing."""
    if folder is None:
        return
    folder.release()
    if created:
        with contextlib.suppress(OSError):  # only if empty: never remove what someone put there
            folder.path.rmdir()


# The data ---------------------------------------------------------------------------------


def _load_data(
    request: RunRequest, project: Project, record: dict[str, Any], state: TrainingState
) -> tuple[Dataset | StreamingImageFolder, dict[str, Any]]:
    """The data set and limits to train on, and the record that says so."""
    settings = dict(project.dataset)
    name = request.dataset
    limits = {"train": request.train_limit, "test": request.test_limit}
    if request.resume and not record.get("dataset") and request.out_dir is not None:
        # A run folder written before run records: metrics.json names the data set it used.
        used = read_metrics(request.out_dir).get("dataset")
        if isinstance(used, str) and not name:
            name = used
    if request.resume and record.get("dataset"):
        recorded = record["dataset"]
        recorded_limits = record.get("limits") or {}
        if name and name != recorded.get("used"):
            state.message(
                msg("The run trained on {old}; it continues on {new}, as asked.",
                    old=str(recorded.get("used")), new=name)
            )
        elif isinstance(recorded.get("settings"), dict):
            settings = dict(recorded["settings"])
            name = recorded.get("used") or settings.get("name")
        for key, option in (("train", "--limit"), ("test", "--limit-test")):
            if limits[key] is None:
                limits[key] = recorded_limits.get(key)
            elif limits[key] != recorded_limits.get(key):
                state.message(
                    msg("{option} is now {new} (the run used {old}), as asked.", option=option,
                        new=limits[key], old=recorded_limits.get(key) or term("all"))
                )
    settings = _absolute_path(settings, request.project_path)
    seed = project.training["seed"]
    if request.data is not None:
        data, note = request.data, None
    else:
        data, note = load_for_project(settings, name=name, seed=seed,
                                      progress=_cancellable(state),
                                      input_shape=_single_input_shape(project))
    if note:
        state.message(note)
    if state.on_data:
        state.on_data(data, note or "")
    data = limited(data, limits["train"], limits["test"])
    dataset_record = {
        "requested": name or settings.get("name"),
        "used": data.name,
        "title": str(data.title),
        "settings": settings,
        "note": str(note) if note else None,
        "classes": [str(c) for c in data.classes],  # for exports that name predictions
    }
    return data, {**record, "dataset": dataset_record, "limits": limits}


def _single_input_shape(project: Project) -> tuple[int, ...] | None:
    """The model's one Input shape: an image folder is resized to it. None with several."""
    inputs = [n for n in project.graph.nodes.values() if n.layer.is_input]
    return tuple(inputs[0].params["shape"]) if len(inputs) == 1 else None


def _absolute_path(settings: dict[str, Any], project_path: Path | None) -> dict[str, Any]:
    """A data set path in a project is relative to the project file's folder, and recorded
    absolute so that the run folder finds it again from anywhere."""
    path = settings.get("path")
    if path and project_path is not None:
        where = resolve_data_path(path, project_path.parent)
        settings = {**settings, "path": os.path.abspath(where)}
    return settings


def _cancellable(state: TrainingState):
    def progress(message: str, done: int, total: int) -> None:
        if state.stop_requested:
            raise Cancelled  # the downloader removes its partial file on any exception
        if state.on_progress:
            state.on_progress(message, done, total)

    return progress


def limited(data: Any, n_train: int | None, n_test: int | None) -> Any:
    """The first n_train / n_test samples (None keeps all), in memory or streamed."""
    if not (n_train or n_test):
        return data
    if isinstance(data, StreamingImageFolder):
        data = copy.copy(data)
        data.train_index = data.train_index[:n_train]
        data.test_index = data.test_index[:n_test]
        return data
    return data.subset(n_train, n_test)


# The outcome ------------------------------------------------------------------------------


def _kind(trainer: Trainer) -> str:
    from studio.evaluation import reconstructs_input

    if trainer.task.kind == "gan":
        return GAN
    if trainer.task.objective.classifies:
        return CLASSIFIER
    return AUTOENCODER if reconstructs_input(trainer.project.graph) else OTHER


def _outcome(
    request: RunRequest,
    project: Project,
    folder: RunFolder | None,
    trainer: Trainer,
    result: TrainingResult,
    data: Any,
    kind: str,
) -> RunOutcome:
    run_dir = folder.path if folder else None
    task = trainer.task
    if kind == GAN:
        noise = task.fixed_noise.cpu()
        return RunOutcome(
            project, run_dir, result, data.title, list(data.classes), noise,
            tuple(task.parts.noise_shape), False, kind=GAN,
            samples=task.generate(noise).numpy(), dataset=data.name,
        )
    x_test, y_test = _test_samples(data)
    outcome = RunOutcome(
        project, run_dir, result, data.title, list(data.classes), x_test,
        tuple(task.input_shape), data.is_image, kind=kind, dataset=data.name,
    )
    if not request.evaluate or not len(x_test) or trainer.state.abandoned:
        return outcome
    from studio.evaluation import evaluate_classifier, evaluate_reconstructions

    if kind == CLASSIFIER:
        outcome.evaluation = evaluate_classifier(
            result.model, project.graph, x_test, y_test, data.num_classes, task.input_shape
        )
    elif kind == AUTOENCODER:
        outcome.reconstructions = evaluate_reconstructions(result.model, x_test,
                                                           task.input_shape)
    return outcome


def _test_samples(data: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """The test samples the result views show: all of an in-memory set; the first few hundred
    of a streamed folder, read from disk once."""
    if not isinstance(data, StreamingImageFolder):
        return data.x_test, data.y_test
    index = data.test_index[:STREAMED_VIEW_SAMPLES]
    xs, ys = [], []
    for x, y in data.loader(256, shuffle=False, workers=0, index=index):
        xs.append(x)
        ys.append(y)
    if not xs:
        c, h, w = data.input_shape
        return torch.zeros(0, c, h, w, dtype=torch.uint8), torch.zeros(0, dtype=torch.long)
    return torch.cat(xs), torch.cat(ys)
