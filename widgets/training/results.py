"""The Training page of the window: live plots above, and below them what the trained model
does: predictions, confusion matrix, drawing, activations, and the project's runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from widgets.training.activations import ActivationsView
from widgets.training.confusion import ConfusionView
from widgets.training.drawing import DrawingView
from widgets.training.plots import TrainingPlots
from widgets.training.predictions import PredictionsView
from widgets.training.runs_view import RunsView
from widgets.training.worker import RunOutcome

PLOTS_HEIGHT = 290


class TrainingResults(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("trainingResults")
        self.outcome: RunOutcome | None = None
        self.plots = TrainingPlots()
        self.predictions = PredictionsView()
        self.confusion = ConfusionView()
        self.drawing = DrawingView()
        self.activations = ActivationsView()
        self.runs = RunsView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultTabs")
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.predictions, self.tr("Predictions")),
            (self.confusion, self.tr("Confusion Matrix")),
            (self.drawing, self.tr("Draw")),
            (self.activations, self.tr("Activations")),
            (self.runs, self.tr("Runs")),
        ):
            self.tabs.addTab(widget, title)
        self.predictions.sampleActivated.connect(self.show_activations_of)
        self.runs.overlaysChanged.connect(self.plots.set_overlays)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plots)
        split.addWidget(self.tabs)
        split.setChildrenCollapsible(False)
        split.setHandleWidth(1)
        split.setStretchFactor(1, 1)
        split.setSizes([PLOTS_HEIGHT, 400])
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        self.outcome = outcome
        for view in (self.predictions, self.confusion, self.drawing, self.activations):
            view.set_outcome(outcome)

    def show_activations_of(self, index: int) -> None:
        self.activations.show_sample(index)
        self.tabs.setCurrentWidget(self.activations)
