"""Hyperparameter search: Optuna's studies, samplers, pruners and storages around the one run
pipeline, so that every trial is an ordinary run folder.

A search varies what its space names (studio.search_space), trains each trial through
studio.runs.pipeline.execute on the data set loaded once for the whole search, and scores it
on the validation set, never the test set: a project without a validation split gets one, and
says so. Trials live in the study's storage (in memory, or any Optuna storage URL such as
sqlite:///search.db or postgresql://…); workers that name one storage and study share the
study, which is how a search spreads over machines. The search folder
(`<project>.search/<study>/`) holds one run folder per trial (`trial_0007/`) and the search
record (`search.json`), rewritten after every trial from the storage.

A trial whose values do not fit the graph, or whose training fails, fails with its message
and the search goes on. A trial stopped by the user goes back into the study's queue, so a
resumed search runs it again; a trial whose worker died is found by the storage's heartbeat
and queued again by the next worker.
"""

from __future__ import annotations

import logging
import math
import os
import re
import secrets
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import optuna

from studio.errors import StudioError
from studio.files import atomic_write_text
from studio.messages import msg, term
from studio.project import Project
from studio.runs.folder import EARLY_STOPPED
from studio.runs.folder import STOPPED as RUN_STOPPED
from studio.search_space import SearchSpace, parse_space

SAMPLERS = ("grid", "random", "tpe")
PRUNERS = ("none", "median", "halving", "hyperband")
OBJECTIVES = {"val_accuracy": "maximize", "val_loss": "minimize"}
# The share of the training data held out to score trials when the project holds out none.
DEFAULT_VALIDATION = 0.1
SEARCH_SUFFIX = ".search"
RECORD_FILE = "search.json"
RECORD_FORMAT = "netstudio-search"
# A study name becomes a folder name: keep it to what every file system takes.
_STUDY_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
# How often a trial's worker says it is alive; a trial silent for the grace period is failed
# and queued again (its worker died).
HEARTBEAT_S, GRACE_S, RETRIES = 30, 120, 2
# Trial states in the record. A stopped trial (by the user) and an interrupted one (its worker
# died) are run again; the others count towards --trials.
COMPLETE, PRUNED, FAILED, STOPPED, INTERRUPTED, RUNNING, WAITING = (
    "complete", "pruned", "failed", "stopped", "interrupted", "running", "waiting")


class SearchError(StudioError):
    """A search that cannot start or go on. The message says why and what to change."""


class _TrialFailed(Exception):
    """A trial's values or training failed (its message is in the trial's user attrs)."""


class _TrialStopped(Exception):
    """The user stopped the search during this trial; it is queued again."""


@dataclass
class SearchOptions:
    specs: list[str]
    trials: int = 20  # the study's total: a resumed search runs what is left
    sampler: str = "tpe"
    prune: str = "none"
    objective: str = "val_accuracy"
    epochs: int | None = None  # per trial; None: the project's
    storage: str | None = None  # an Optuna storage URL; None: in memory
    study: str | None = None  # None: the project's name and the time
    resume: bool = False  # continue (or join) the study of that name
    seed: int | None = None  # the sampler's; None: the project's seed
    dataset: str | None = None
    train_limit: int | None = None
    test_limit: int | None = None
    out_dir: Path | None = None  # the search folder; None: <project>.search/<study>/
    prune_startup: int = 5  # median: trials that run to the end before any is pruned
    prune_warmup: int = 0  # epochs of each trial that are never pruned
    heartbeat_s: int = HEARTBEAT_S  # a shared storage's: see open_storage
    grace_s: int = GRACE_S


@dataclass
class TrialResult:
    number: int
    state: str  # COMPLETE, PRUNED, FAILED, STOPPED, INTERRUPTED, RUNNING or WAITING
    params: dict[str, Any]
    score: float | None  # the objective's value (a pruned trial's: its last epoch's)
    epochs: int
    seconds: float | None
    run: str | None  # the run folder, relative to the search folder
    error: str | None = None
    test_accuracy: float | None = None  # shown, never used to choose

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number, "state": self.state, "params": self.params,
            "score": self.score, "epochs": self.epochs, "pruned": self.state == PRUNED,
            "seconds": self.seconds, "run": self.run, "error": self.error,
            "test_accuracy": self.test_accuracy,
        }


@dataclass
class _Progress:
    """What the running trial's epochs report to Optuna."""

    trial: optuna.trial.Trial
    metric: str
    pruned: bool = False
    missing: bool = False  # the model does not report the objective's metric
    diverged: bool = False  # it reported NaN or an infinity
    epochs: int = 0
    last: float | None = None


class Search:
    """One worker of a search. `open()` checks everything and loads the data set, `run()`
    trains trials until the study has `options.trials` of them or `stop()` is called (from
    any thread)."""

    def __init__(
        self,
        project: Project,
        project_path: Path | None,
        options: SearchOptions,
        *,
        on_trial: Callable[[TrialResult, int, TrialResult | None], None] | None = None,
        on_message: Callable[[str], None] | None = None,
        on_epoch: Callable[[int, Any], None] | None = None,
        on_trial_start: Callable[[int, dict[str, Any]], None] | None = None,
    ) -> None:
        """on_trial(result, trials counted so far, best so far) after each trial of this
        worker; on_epoch(trial number, EpochReport) after each epoch (a view's curves);
        on_trial_start(trial number, its values by key) as a trial begins to train (a view
        lists it, running, before its first epoch ends)."""
        from studio.gan import is_gan

        self.options, self.project_path = options, project_path
        self.on_trial, self.on_message, self.on_epoch = on_trial, on_message, on_epoch
        self.on_trial_start = on_trial_start
        _check_options(options)
        if is_gan(project.graph):
            raise SearchError(msg("A GAN has no validation figure to search on; search a "
                                  "classifier or a regression model"))
        self.space: SearchSpace = parse_space(options.specs, project)
        if options.sampler == "grid":
            self.space.grid()  # refuses ranges now, not at the first trial
        self.project = self._base_project(project)
        self.direction = OBJECTIVES[options.objective]
        self.study_name = options.study or _default_study_name(project_path)
        self.study: optuna.Study | None = None
        self.folder: Path | None = None
        self.data: Any = None
        self._stop = False
        # Optuna's study.stop() works only inside optimize, in its thread: the thread that
        # runs it, while it does (None otherwise).
        self._optimizing: int | None = None
        # The messages of this worker's failed trials, as messages (translatable); the
        # storage keeps their English text.
        self._errors: dict[int, str] = {}
        self._state: Any = None  # the running trial's TrainingState

    # Setting up ---------------------------------------------------------------------------

    def _base_project(self, project: Project) -> Project:
        """The project every trial starts from: the search's epochs, and a validation split."""
        from studio.settings import validate_training

        training = dict(project.training)
        if self.options.epochs is not None:
            training["epochs"] = self.options.epochs
        note = validation_note(project)
        if note is not None:
            training["validation_split"] = DEFAULT_VALIDATION
            self._say(note)
        return Project(project.name, project.graph.copy(), dict(project.dataset),
                       validate_training(training), project.description)

    def open(self) -> None:
        """Open the storage, check the study name and the search folder, load the data set,
        then create (or load) the study."""
        storage = open_storage(self.options.storage, self.options.heartbeat_s,
                               self.options.grace_s)
        exists = _study_exists(storage, self.study_name)
        if exists and not self.options.resume:
            raise SearchError(
                msg("A search named {study} already exists in {storage}. Add --resume to "
                    "continue it (or to join it as another worker), or choose another --study",
                    study=self.study_name, storage=storage_label(self.options.storage))
            )
        size = self.space.size() if self.options.sampler == "grid" else None
        if size is not None and size < self.options.trials:
            self._say(msg("The grid has {size} points: the search runs {size} trials, not "
                          "{trials}.", size=size, trials=self.options.trials))
        self.folder = self._search_folder()
        self.data = self._load_data()
        with _quiet_optuna():
            self.study = optuna.create_study(
                storage=storage, sampler=self._sampler(), pruner=self._pruner(),
                study_name=self.study_name, direction=self.direction, load_if_exists=True,
            )
        self._check_study()

    def _search_folder(self) -> Path:
        if self.options.out_dir is not None:
            folder = Path(self.options.out_dir)
        elif self.project_path is not None:
            base = self.project_path.with_name(self.project_path.stem + SEARCH_SUFFIX)
            folder = base / self.study_name
        else:
            raise SearchError(msg("Save the project first: a search keeps its trials beside "
                                  "the project file"))
        if not self.options.resume and (folder / RECORD_FILE).exists():
            raise SearchError(
                msg("{folder} already holds a search named {study}; choose another --study (or "
                    "resume that search with the --storage it used and --resume)",
                    folder=str(folder), study=self.study_name)
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SearchError(msg("The search folder {folder} cannot be made: {reason}",
                                  folder=str(folder), reason=exc.strerror or str(exc))) from None
        return folder

    def _load_data(self) -> Any:
        """The data set, loaded once for every trial, as the run pipeline would load it."""
        from studio.data.fallback import load_for_project
        from studio.data.paths import resolve_data_path
        from studio.runs.pipeline import limited

        settings = dict(self.project.dataset)
        path = settings.get("path")
        if path and self.project_path is not None:
            settings["path"] = os.path.abspath(resolve_data_path(path, self.project_path.parent))
        inputs = [n for n in self.project.graph.nodes.values() if n.layer.is_input]
        shape = tuple(inputs[0].params["shape"]) if len(inputs) == 1 else None
        data, note = load_for_project(settings, name=self.options.dataset,
                                      seed=self.project.training["seed"], input_shape=shape)
        if note:
            self._say(note)
        return limited(data, self.options.train_limit, self.options.test_limit)

    def _sampler(self) -> optuna.samplers.BaseSampler:
        seed = self.options.seed if self.options.seed is not None else self.project.training["seed"]
        if self.options.resume:
            # Workers of one study (and a resumed search) must not draw the same values as
            # the others, or as the first run did: each mixes in a number of its own. A new
            # search keeps the seed alone, so that it can be repeated.
            seed = (seed * 1_000_003 + secrets.randbits(31)) % 2**32
        if self.options.sampler == "grid":
            return optuna.samplers.GridSampler(self.space.grid(), seed=seed)
        if self.options.sampler == "random":
            return optuna.samplers.RandomSampler(seed=seed)
        return optuna.samplers.TPESampler(seed=seed)

    def _pruner(self) -> optuna.pruners.BasePruner:
        prune, epochs = self.options.prune, self.project.training["epochs"]
        if prune == "median":
            return optuna.pruners.MedianPruner(n_startup_trials=self.options.prune_startup,
                                               n_warmup_steps=self.options.prune_warmup)
        if prune == "halving":
            return optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3)
        if prune == "hyperband":
            return optuna.pruners.HyperbandPruner(min_resource=1, max_resource=epochs,
                                                  reduction_factor=3)
        return optuna.pruners.NopPruner()

    def _check_study(self) -> None:
        """A resumed (or joined) study must be the same search: direction and space."""
        study = self.study
        assert study is not None
        if study.direction.name.lower() != self.direction:
            raise SearchError(
                msg("The search {study} was run to {direction} its objective; resume it with "
                    "the same --objective", study=self.study_name,
                    direction=_DIRECTION_WORDS[study.direction.name.lower()])
            )
        space = self.space.describe()
        recorded = study.user_attrs.get("space")
        if recorded is None:
            study.set_user_attr("space", space)
            study.set_user_attr("objective", self.options.objective)
            study.set_user_attr("epochs", self.project.training["epochs"])
        elif recorded != space:
            raise SearchError(
                msg("The search {study} searched {recorded}; resume it with the same --param "
                    "values, or start another --study", study=self.study_name,
                    recorded=" ".join(recorded))
            )
        elif study.user_attrs.get("objective") != self.options.objective:
            raise SearchError(
                msg("The search {study} scored trials on {objective}; resume it with the same "
                    "--objective", study=self.study_name,
                    objective=study.user_attrs.get("objective"))
            )

    # Running ------------------------------------------------------------------------------

    def run(self) -> list[TrialResult]:
        """Train trials until the study has its count (all workers together), the grid is
        done, or stop() is called. The trials of the whole study, by number."""
        if self.study is None:
            self.open()
        study = self.study
        assert study is not None
        done = self.counted()
        if done >= self.options.trials:
            self._say(msg("The search {study} already has {done} trials ({trials} asked): "
                          "give more --trials to go on.", study=self.study_name, done=done,
                          trials=self.options.trials))
        elif not self._stop:  # (stopped while the data set loaded: nothing to run)
            self._optimizing = threading.get_ident()
            try:
                with _quiet_optuna():
                    study.optimize(self._objective, n_trials=self.options.trials - done,
                                   catch=(_TrialFailed, _TrialStopped),
                                   callbacks=[self._after_trial], gc_after_trial=False)
            finally:
                self._optimizing = None
                self._write_record()  # also after a second Ctrl-C: the requeued trial shows
        return self.trials()

    @property
    def stopping(self) -> bool:
        return self._stop

    def stop(self) -> None:
        """Stop after the running trial's current batch; that trial is queued again. From
        another thread (the app's window) the study stops once that trial has ended."""
        self._stop = True
        if self.study is not None and self._optimizing == threading.get_ident():
            self.study.stop()
        if self._state is not None:
            self._state.request_stop()

    def _objective(self, trial: optuna.trial.Trial) -> float:
        from studio.runs.pipeline import RunRequest, execute
        from studio.training import TrainingState

        started = time.perf_counter()
        values = self.space.suggest(trial)
        if self._stop:  # stop() came between two trials
            self._requeue(trial, values)
            self.study.stop()
            raise _TrialStopped
        try:
            project = self._trial_project(values)
        except StudioError as exc:
            self._fail(trial, str(exc), started)
        if self.on_trial_start is not None:
            self.on_trial_start(trial.number, dict(values))
        progress = _Progress(trial, self.options.objective)
        state = TrainingState(on_epoch=lambda report: self._epoch(progress, state, report))
        self._state = state
        run_dir = self.folder / trial_folder(trial.number)
        request = RunRequest(project=project, project_path=self.project_path, out_dir=run_dir,
                             data=self.data, dataset=self.options.dataset, searched=values)
        try:
            outcome = execute(request, state)
        except StudioError as exc:
            self._fail(trial, str(exc), started, run_dir)
        except KeyboardInterrupt:
            self._requeue(trial, values)
            raise
        finally:
            self._state = None
        trial.set_user_attr("run", run_dir.name)
        trial.set_user_attr("epochs", progress.epochs)
        trial.set_user_attr("seconds", round(time.perf_counter() - started, 3))
        if progress.missing:
            error = SearchError(
                msg("This model reports no validation accuracy (it does not classify): search "
                    "it with --objective val_loss")
            )
            trial.set_user_attr("error", str(error))
            raise error
        if progress.diverged:
            self._fail(trial, msg("The validation {metric} is not a number: the training "
                                  "diverged. Narrow the range of the learning rate",
                                  metric=self.options.objective), started, run_dir)
        if progress.pruned:
            trial.set_user_attr("score", progress.last)
            raise optuna.TrialPruned
        if outcome is None or outcome.result.status == RUN_STOPPED:  # by stop()
            self._requeue(trial, values)
            raise _TrialStopped
        if outcome.result.test_accuracy is not None:
            trial.set_user_attr("test_accuracy", outcome.result.test_accuracy)
        score = _score(outcome.result.history, outcome.result.status, self.options.objective)
        trial.set_user_attr("score", score)
        return score

    def _trial_project(self, values: dict[str, Any]) -> Project:
        """The project with the trial's values; a graph they do not fit raises the first
        node's problem."""
        from studio.shapes import infer_shapes

        project = self.space.apply(self.project, values)
        analysis = infer_shapes(project.graph)
        if analysis.problems:
            problem = analysis.problems[0]
            if problem.node_id is None:
                raise SearchError(problem.message)
            raise SearchError(msg("{node}: {error}", node=problem.node_id,
                                  error=problem.message))
        return project

    def _epoch(self, progress: _Progress, state: Any, report: Any) -> None:
        progress.epochs = report.epoch
        value = report.metrics.get(progress.metric)
        if value is None or not math.isfinite(value):
            progress.missing, progress.diverged = value is None, value is not None
            state.abandon()
            return
        progress.last = value
        if self.on_epoch is not None:
            self.on_epoch(progress.trial.number, report)
        progress.trial.report(value, report.epoch)
        if report.epoch < report.epochs and progress.trial.should_prune():
            progress.pruned = True
            state.abandon()  # no test figures for a pruned trial: nothing chooses by them

    def _fail(self, trial: optuna.trial.Trial, error: str, started: float,
              run_dir: Path | None = None) -> None:
        trial.set_user_attr("error", str.__str__(error))
        self._errors[trial.number] = error
        trial.set_user_attr("seconds", round(time.perf_counter() - started, 3))
        if run_dir is not None and run_dir.exists():
            trial.set_user_attr("run", run_dir.name)
        raise _TrialFailed(error)

    def _requeue(self, trial: optuna.trial.Trial, values: dict[str, Any]) -> None:
        trial.set_user_attr("stopped", True)
        assert self.study is not None
        self.study.enqueue_trial(values, user_attrs={"requeued_from": trial.number})

    def _after_trial(self, study: optuna.Study, frozen: optuna.trial.FrozenTrial) -> None:
        trials = self._write_record()
        counted = _counted(trials)
        if self.on_trial is not None:
            result = _result(frozen)
            result.error = self._errors.get(result.number, result.error)
            self.on_trial(result, counted, self._best(trials))
        if counted >= self.options.trials or self._stop:
            study.stop()

    # What the study holds -----------------------------------------------------------------

    def trials(self) -> list[TrialResult]:
        assert self.study is not None
        return [_result(t) for t in self.study.get_trials(deepcopy=False)]

    def counted(self) -> int:
        return _counted(self.trials())

    def best(self) -> TrialResult | None:
        return self._best(self.trials())

    def _best(self, trials: list[TrialResult]) -> TrialResult | None:
        complete = [t for t in trials if t.state == COMPLETE and t.score is not None]
        if not complete:
            return None
        pick = max if self.direction == "maximize" else min
        return pick(complete, key=lambda t: t.score)

    def _write_record(self) -> list[TrialResult]:
        """search.json, from the storage (every worker's trials); the trials it lists."""
        import json

        assert self.folder is not None
        trials = self.trials()
        best = self._best(trials)
        record = {
            "format": RECORD_FORMAT,
            "version": 1,
            "study": self.study_name,
            "storage": storage_label(self.options.storage),
            "project": str(self.project_path) if self.project_path else None,
            "objective": self.options.objective,
            "direction": self.direction,
            "sampler": self.options.sampler,
            "pruner": self.options.prune,
            "epochs": self.project.training["epochs"],
            "validation_split": self.project.training["validation_split"],
            "dataset": getattr(self.data, "name", None),
            "space": self.space.describe(),
            "trials": [t.as_dict() for t in trials],
            "best": best.as_dict() if best else None,
        }
        atomic_write_text(self.folder / RECORD_FILE, json.dumps(record, indent=2) + "\n")
        return trials

    def _say(self, text: str) -> None:
        if self.on_message is not None:
            self.on_message(text)


# Helpers ----------------------------------------------------------------------------------


def validation_note(project: Project) -> str | None:
    """What a search of `project` says about the data it scores on: None when the project
    holds out validation data, else that the search holds out some (a dialog shows it before
    the search starts)."""
    if project.training["validation_split"]:
        return None
    return msg("The project holds out no validation data: the search holds out {percent}% of "
               "the training data to score the trials (the test set is never used to choose).",
               percent=round(DEFAULT_VALIDATION * 100))


# The study's direction in a sentence, translated where it is shown.
_DIRECTION_WORDS = {"minimize": term("minimize"), "maximize": term("maximize")}


def trial_folder(number: int) -> str:
    return f"trial_{number:04d}"


def _check_options(options: SearchOptions) -> None:
    if options.sampler not in SAMPLERS:
        raise SearchError(msg("There is no sampler {name!r}; choose {choices}",
                              name=options.sampler, choices=", ".join(SAMPLERS)))
    if options.prune not in PRUNERS:
        raise SearchError(msg("There is no pruner {name!r}; choose {choices}",
                              name=options.prune, choices=", ".join(PRUNERS)))
    if options.objective not in OBJECTIVES:
        raise SearchError(msg("The objective must be {choices}, not {name!r} (a search never "
                              "chooses on the test set)", name=options.objective,
                              choices=", ".join(OBJECTIVES)))
    if options.trials < 1:
        raise SearchError(msg("--trials must be 1 or more, not {trials}", trials=options.trials))
    if options.resume and options.storage is None:
        raise SearchError(msg("--resume needs the --storage the search was kept in (a search "
                              "kept in memory ends with its process)"))
    if options.study is not None and not _STUDY_NAME.fullmatch(options.study):
        raise SearchError(
            msg("--study {name!r}: use letters, digits, _, - and . (at most 100; it names the "
                "search folder)", name=options.study)
        )


def _counted(trials: list[TrialResult]) -> int:
    """Trials that count towards --trials: run to the end, pruned, or failed by their values
    (not those stopped, or whose worker died: they run again)."""
    return sum(1 for t in trials if t.state in (COMPLETE, PRUNED, FAILED))


def _default_study_name(project_path: Path | None) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]", "_", project_path.stem) if project_path else "search"
    return f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}"


def _score(history: list[dict[str, Any]], status: str, metric: str) -> float:
    """The trial's score: its last epoch's figure, or with early stopping the figure of the
    epoch whose weights it kept (the lowest validation loss)."""
    if status == EARLY_STOPPED:
        kept = min(history, key=lambda h: h.get("val_loss", math.inf))
        return float(kept[metric])
    return float(history[-1][metric])


def _result(t: optuna.trial.FrozenTrial) -> TrialResult:
    attrs = t.user_attrs
    state = {
        optuna.trial.TrialState.COMPLETE: COMPLETE,
        optuna.trial.TrialState.PRUNED: PRUNED,
        optuna.trial.TrialState.RUNNING: RUNNING,
        optuna.trial.TrialState.WAITING: WAITING,
    }.get(t.state, FAILED)
    if state == FAILED and attrs.get("stopped"):
        state = STOPPED
    elif state == FAILED and "error" not in attrs:
        state = INTERRUPTED  # its worker died (or it was killed): the storage queued it again
    score = t.value if state == COMPLETE else attrs.get("score")
    return TrialResult(t.number, state, dict(t.params), score, attrs.get("epochs", 0),
                       attrs.get("seconds"), attrs.get("run"), attrs.get("error"),
                       attrs.get("test_accuracy"))


def storage_label(url: str | None) -> str:
    """The storage as a record or message shows it: without its password."""
    if url is None:
        return "memory"
    import sqlalchemy.exc
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except sqlalchemy.exc.ArgumentError:  # not a database URL: shown as typed
        return url


def open_storage(url: str | None, heartbeat_s: int = HEARTBEAT_S,
                 grace_s: int = GRACE_S) -> optuna.storages.BaseStorage:
    """The study storage: in memory without a URL, else a database that other workers may
    share. A running trial's worker writes a heartbeat every `heartbeat_s`; the next worker
    to start a trial fails one silent for `grace_s` and queues its values again."""
    if url is None:
        return optuna.storages.InMemoryStorage()
    import sqlalchemy.exc

    # Two workers on one SQLite file take turns: wait for the other's write, do not fail.
    engine = {"connect_args": {"timeout": 60}} if url.startswith("sqlite") else {}
    for attempt in range(3):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
                return optuna.storages.RDBStorage(
                    url, engine_kwargs=engine, heartbeat_interval=heartbeat_s,
                    grace_period=grace_s,
                    heartbeat_stale_trial_callback=(
                        optuna.storages.RetryHeartbeatStaleTrialCallback(max_retry=RETRIES)),
                )
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.IntegrityError) as exc:
            # Workers started together on a new database race to create its tables and
            # version row: the loser finds them made a moment later.
            race = isinstance(exc, sqlalchemy.exc.IntegrityError) or "already exists" in str(exc)
            if race and attempt < 2:
                time.sleep(0.5)
                continue
            raise _storage_error(url, exc) from None
        except (sqlalchemy.exc.SQLAlchemyError, ImportError, ValueError, RuntimeError) as exc:
            raise _storage_error(url, exc) from None
    raise AssertionError("unreachable")


def _storage_error(url: str, exc: Exception) -> SearchError:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return SearchError(msg("The storage {url} cannot be opened: {reason}",
                           url=storage_label(url), reason=reason))


def _study_exists(storage: optuna.storages.BaseStorage, name: str) -> bool:
    try:
        storage.get_study_id_from_name(name)
    except KeyError:
        return False
    return True


@contextmanager
def _quiet_optuna() -> Iterator[None]:
    """Optuna logs each trial (and a failed trial's traceback) to stderr: the search says
    what happened in its own lines instead."""
    before = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
            yield
    finally:
        optuna.logging.set_verbosity(before)

