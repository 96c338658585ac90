"""The Training page of the window: live plots above, and below them what the trained model
does. What is shown depends on the kind of model: a classifier's predictions, confusion matrix
and drawing; an autoencoder's reconstructions; a GAN's generated samples, with its two
networks' losses in place of the usual plots. Activations and the project's runs are always
there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from widgets.training.activations import ActivationsView
from widgets.training.confusion import ConfusionView
from widgets.training.drawing import DrawingView
from widgets.training.gan_losses import GanLossPlots
from widgets.training.gan_samples import GanSamplesView
from widgets.training.plots import TrainingPlots
from widgets.training.predictions import PredictionsView
from widgets.training.reconstructions import ReconstructionsView
from widgets.training.runs_view import RunsView
from widgets.training.worker import (
    AUTOENCODER,
    CLASSIFIER,
    GAN,
    OTHER,
    RunOutcome,
    kind_of_graph,
)

PLOTS_HEIGHT = 290


class TrainingResults(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("trainingResults")
        self.outcome: RunOutcome | None = None
        self.kind = CLASSIFIER
        self.live = False  # a run is under way: its kind holds until it ends
        self.plots = TrainingPlots()
        self.gan_losses = GanLossPlots()
        self.predictions = PredictionsView()
        self.confusion = ConfusionView()
        self.drawing = DrawingView()
        self.reconstructions = ReconstructionsView()
        self.gan_samples = GanSamplesView()
        self.activations = ActivationsView()
        self.runs = RunsView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultTabs")
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.predictions, self.tr("Predictions")),
            (self.confusion, self.tr("Confusion Matrix")),
            (self.drawing, self.tr("Draw")),
            (self.reconstructions, self.tr("Reconstructions")),
            (self.gan_samples, self.tr("Generated Samples")),
            (self.activations, self.tr("Activations")),
            (self.runs, self.tr("Runs")),
        ):
            self.tabs.addTab(widget, title)
        # Which result tabs make sense for which kind of model; the others are hidden.
        classifier = (self.predictions, self.confusion, self.drawing)
        self.tabs_for = {
            CLASSIFIER: classifier,
            OTHER: classifier,  # they say themselves that the model does not classify
            AUTOENCODER: (self.reconstructions,),
            GAN: (self.gan_samples,),
        }
        self.predictions.sampleActivated.connect(self.show_activations_of)
        self.runs.overlaysChanged.connect(self.plots.set_overlays)
        self.runs.overlaysChanged.connect(self.gan_losses.set_overlays)
        self.top = QStackedWidget()
        self.top.addWidget(self.plots)
        self.top.addWidget(self.gan_losses)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.top)
        split.addWidget(self.tabs)
        split.setChildrenCollapsible(False)
        split.setHandleWidth(1)
        split.setStretchFactor(1, 1)
        split.setSizes([PLOTS_HEIGHT, 400])
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.show_kind(CLASSIFIER)

    def follow(self, controller) -> None:
        """Hear about runs from the TrainingController (GUI thread) for the views that follow a
        run live besides the training plots (which the window feeds itself)."""
        controller.runStarted.connect(self._on_run_started)
        controller.batchReported.connect(self._on_batch)
        controller.epochReported.connect(self._on_epoch)
        controller.runEnded.connect(self._on_run_ended)

    def expect(self, graph) -> None:
        """Before any result is shown: the tabs and plots for the kind of model drawn, so a GAN
        project opens on its generated samples, an autoencoder on its reconstructions."""
        if self.outcome is None and not self.live:
            self.show_kind(kind_of_graph(graph))

    def show_kind(self, kind: str) -> None:
        self.kind = kind
        wanted = self.tabs_for.get(kind, self.tabs_for[OTHER])
        specific = {w for views in self.tabs_for.values() for w in views}
        # Hiding the current tab moves Qt to a neighbour: decide from the one shown before.
        before = self.tabs.currentWidget()
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            self.tabs.setTabVisible(i, widget in wanted or widget not in specific)
        self.tabs.setCurrentWidget(wanted[0] if before in specific - set(wanted) else before)
        self.top.setCurrentWidget(self.gan_losses if kind == GAN else self.plots)

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        self.outcome = outcome
        for view in (
            self.predictions,
            self.confusion,
            self.drawing,
            self.reconstructions,
            self.gan_samples,
            self.activations,
        ):
            view.set_outcome(outcome)
        if outcome is not None:
            self.show_kind(outcome.kind)
            if outcome.kind in (AUTOENCODER, GAN):
                self.tabs.setCurrentWidget(self.tabs_for[outcome.kind][0])

    def show_activations_of(self, index: int) -> None:
        self.activations.show_sample(index)
        self.tabs.setCurrentWidget(self.activations)

    # A run, live ----------------------------------------------------------------------------

    def _on_run_started(self, info: dict) -> None:
        self.live = True
        kind = info.get("kind", CLASSIFIER)
        self.show_kind(kind)
        if kind == GAN:
            epochs = int(info["epochs"])
            self.gan_losses.begin_run(epochs)
            self.gan_samples.begin_run(epochs)
            self.tabs.setCurrentWidget(self.gan_samples)

    def _on_run_ended(self) -> None:
        self.live = False

    def end_run(self) -> None:
        """A run has ended (finished, failed or stopped): its curves are drawn to the end."""
        self.plots.end_run()
        self.gan_losses.end_run()

    def _on_batch(self, report: dict) -> None:
        if self.kind == GAN:
            self.gan_losses.add_batch(report)

    def _on_epoch(self, report: dict) -> None:
        if self.kind == GAN:
            self.gan_losses.add_epoch(report)
            self.gan_samples.add_epoch(report)
