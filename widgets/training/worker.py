"""The training run's QThread side: a QObject that loads the data set, runs the engine's
Trainer (or GanTrainer for a GAN, as `netstudio train` does) and evaluates the result,
re-emitting what happens as signals of plain data.

It never touches a widget. Its signals reach the GUI thread through queued connections to
`@Slot` methods of the TrainingController, which lives there.
"""

from __future__ import annotations

import math
import os
import sys
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from studio.compiler import CompileError
from studio.data import Dataset, DatasetError
from studio.data.fallback import load_for_project
from studio.devices import DeviceError
from studio.evaluation import (
    ClassifierEvaluation,
    Reconstructions,
    evaluate_classifier,
    evaluate_reconstructions,
    reconstructs_input,
)
from studio.gan import GanTrainer, is_gan
from studio.graph import Graph, GraphError
from studio.params import ParamError
from studio.project import Project, ProjectError
from studio.runs import RunError
from studio.training import (
    BatchReport,
    EpochReport,
    Trainer,
    TrainingError,
    TrainingResult,
    TrainingState,
)
from widgets.i18n import tr_error, tr_message
from widgets.training import threads

# Caps for quick runs (tests, screenshots): training samples and test samples.
TRAIN_LIMIT_ENV = "NETSTUDIO_TRAIN_LIMIT"
TEST_LIMIT_ENV = "NETSTUDIO_TEST_LIMIT"
# Errors whose message is written for the user: shown as they are, never as a traceback.
USER_ERRORS = (
    TrainingError,
    DatasetError,
    DeviceError,
    RunError,
    CompileError,
    GraphError,
    ProjectError,
    ParamError,
)


# What a run's model is, for the result views: each kind is looked at differently.
CLASSIFIER, AUTOENCODER, GAN, OTHER = "classifier", "autoencoder", "gan", "other"

PROGRESS_EVERY_S = 0.1  # downloads report every 64 KB: pass on at most ten a second


class _Cancelled(Exception):
    """Raised from the download progress callback when Stop was pressed: the downloader
    removes its partial file on any exception, so a download can be stopped cleanly."""


def env_limit(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


@dataclass
class RunRequest:
    project: Project  # a deep copy taken when Train was pressed: edits never reach it
    out_dir: Path
    data: Dataset | None = None  # the data set already loaded for these settings, if any
    train_limit: int | None = None
    test_limit: int | None = None
    report_every_s: float = 0.1
    threads: int = 0  # torch CPU threads for this run (0: leave as they are)


@dataclass
class RunOutcome:
    """A finished or stopped run, with what the result views need, all on the CPU."""

    project: Project
    run_dir: Path
    result: TrainingResult
    data_title: str
    classes: list[str]
    x_test: torch.Tensor  # raw, as the data set holds it (uint8 images)
    input_shape: tuple[int, ...]
    is_image: bool
    evaluation: ClassifierEvaluation | None
    kind: str = OTHER  # CLASSIFIER, AUTOENCODER, GAN or OTHER
    reconstructions: Reconstructions | None = None  # an autoencoder's, on test samples
    # A GAN's: what its generator draws, at the end of the run, for the noise vectors the
    # sample grids used each epoch (uint8 N×C×H×W). x_test then holds those noise vectors, the
    # whole chain's inputs, so that the activations view follows them through both parts.
    samples: np.ndarray | None = None

    @property
    def model(self) -> torch.nn.Module:
        return self.result.model


class TrainingWorker(QObject):
    dataProgress = Signal(str, int, int)  # message, done bytes, total bytes (0: unknown)
    dataLoaded = Signal(object, str)  # Dataset (for the controller's cache), note or ""
    runStarted = Signal(object)  # dict: dataset title, training samples, device, epochs
    batchReported = Signal(object)  # dict of BatchReport's numbers
    # dict of EpochReport's numbers; a GAN's also has "d_loss" and "samples", the generator's
    # drawing after that epoch (uint8 N×C×H×W numpy), so the grid follows the run.
    epochReported = Signal(object)
    note = Signal(str)
    runFinished = Signal(object)  # RunOutcome
    runFailed = Signal(str)  # a plain message
    runCancelled = Signal()  # stopped before training began

    def __init__(self, request: RunRequest, state: TrainingState) -> None:
        super().__init__()
        self.request = request
        self.state = state
        # Set from the GUI thread when the window closes: finish quickly, nobody will look.
        self.abandoned = False
        self._last_progress = (0.0, "")
        self._samples: np.ndarray | None = None
        self._last_batch_emit = -math.inf
        state.on_batch = self._on_batch
        state.on_epoch = self._on_epoch
        state.on_message = self._on_message
        state.report_every_s = request.report_every_s

    def _on_batch(self, report: BatchReport) -> None:
        # The trainer also reports each epoch's last batch, however soon after the one before;
        # with epochs of a tenth of a second that doubles what the GUI thread handles, which
        # it takes from training. The epoch's report follows at once and says as much.
        now = time.monotonic()
        if now - self._last_batch_emit < self.state.report_every_s:
            return
        self._last_batch_emit = now
        self.batchReported.emit(asdict(report))

    def _on_epoch(self, report: EpochReport) -> None:
        numbers = asdict(report)
        if self._samples is not None:
            numbers["samples"], self._samples = self._samples, None
        self.epochReported.emit(numbers)

    def _on_samples(self, epoch: int, images: torch.Tensor) -> None:
        # GanTrainer draws the epoch's samples just before it reports the epoch: they travel
        # together, in one queued signal.
        self._samples = images.numpy()

    def _on_message(self, text: str) -> None:
        # Translated here: a queued signal carries plain text, not the message's parts.
        self.note.emit(tr_message(text))

    def _on_progress(self, message: str, done: int, total: int) -> None:
        if self.state.stop_requested:
            raise _Cancelled
        now = time.monotonic()
        last, last_message = self._last_progress
        if message != last_message or now - last >= PROGRESS_EVERY_S or 0 < total <= done:
            self._last_progress = (now, message)
            self.dataProgress.emit(tr_message(message), done, total)

    @Slot()
    def run(self) -> None:
        try:
            outcome = self._run()
        except _Cancelled:
            outcome = None
        except USER_ERRORS as exc:
            self.runFailed.emit(tr_error(exc))
            return
        except Exception as exc:  # a bug, not the user's doing: keep the trace for a report
            traceback.print_exc(file=sys.stderr)
            text = QCoreApplication.translate("TrainingWorker", "Training failed unexpectedly: %1")
            self.runFailed.emit(text.replace("%1", f"{type(exc).__name__}: {exc}"))
            return
        if outcome is None:
            self.runCancelled.emit()
        else:
            self.runFinished.emit(outcome)

    def _run(self) -> RunOutcome | None:
        req, project = self.request, self.request.project
        threads.use_threads(req.threads)
        data = req.data
        if data is None:
            data, note = load_for_project(
                project.dataset, seed=project.training["seed"], progress=self._on_progress
            )
            self.dataLoaded.emit(data, note or "")
            if note:
                self.note.emit(tr_message(note))
        if req.train_limit or req.test_limit:
            data = data.subset(req.train_limit, req.test_limit)
        if self.state.stop_requested:
            return None
        if is_gan(project.graph):
            trainer = GanTrainer(project, data, self.state, req.out_dir)
            trainer.on_samples = self._on_samples
            kind = GAN
        else:
            trainer = Trainer(project, data, self.state, req.out_dir)
            kind = _kind(trainer)
        self.runStarted.emit(
            {
                "dataset": data.title,
                # What the run trains on: after the validation split and the samples limit.
                "samples": len(getattr(trainer, "train_split", data.x_train)),
                "device": str(trainer.device),
                "epochs": project.training["epochs"],
                "kind": kind,
            }
        )
        result = trainer.run()
        if kind == GAN:
            return self._gan_outcome(trainer, result, data)
        outcome = RunOutcome(
            project,
            req.out_dir,
            result,
            data.title,
            list(data.classes),
            data.x_test,
            tuple(trainer.input_shape),
            data.is_image,
            None,
            kind,
        )
        if self.abandoned or not len(data.x_test):
            return outcome
        if kind == CLASSIFIER:
            outcome.evaluation = evaluate_classifier(
                result.model,
                project.graph,
                data.x_test,
                data.y_test,
                data.num_classes,
                trainer.input_shape,
            )
        elif kind == AUTOENCODER:
            outcome.reconstructions = evaluate_reconstructions(
                result.model, data.x_test, trainer.input_shape
            )
        return outcome

    def _gan_outcome(
        self, trainer: GanTrainer, result: TrainingResult, data: Dataset
    ) -> RunOutcome:
        noise = trainer.fixed_noise
        return RunOutcome(
            self.request.project,
            self.request.out_dir,
            result,
            data.title,
            list(data.classes),
            noise.cpu(),
            tuple(trainer.parts.noise_shape),
            False,
            None,
            GAN,
            samples=trainer.generate(noise).numpy(),
        )


def kind_of_graph(graph: Graph) -> str:
    """What a model drawn this way will be once trained, as far as the graph says (whether
    it classifies also depends on the data set): the result views get ready for it."""
    if is_gan(graph):
        return GAN
    return AUTOENCODER if reconstructs_input(graph) else CLASSIFIER


def _kind(trainer: Trainer) -> str:
    if trainer.objective.classifies:
        return CLASSIFIER
    return AUTOENCODER if reconstructs_input(trainer.project.graph) else OTHER
