"""A GAN's generated samples: after each epoch, what the generator draws for the same noise
vectors, so that the grid shows it learning. Earlier epochs stay and can be looked at again."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider, QWidget

from widgets.training.image_grid import ImageGrid
from widgets.training.predictions import lay_out_results_page
from widgets.training.worker import RunOutcome

COLUMNS = 8
SHOWN = 64


class GanSamplesView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ganSamples")
        self.epochs = 1
        self.grids: list[tuple[str, np.ndarray]] = []  # (what it shows, uint8 N×C×H×W)
        self.updates = 0  # how many times a new grid arrived (tests read it)
        self.summary = QLabel(
            self.tr("Train a GAN to see what its generator draws, after each epoch.")
        )
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("ganEpochSlider")
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.setToolTip(self.tr("Look back at what the generator drew after earlier epochs"))
        self.slider.valueChanged.connect(self._show)
        self.step = QLabel()
        self.step.setObjectName("muted")
        self.grid = ImageGrid(columns=COLUMNS, min_cell=28, max_cell=84)
        self.grid.fit_columns = True
        self.grid.setObjectName("ganSampleGrid")
        # The grid fits its columns to the space: no scroll area.
        lay_out_results_page(
            self, self.summary, (self.step, self.slider), self.grid, scroll=False
        )

    def begin_run(self, epochs: int) -> None:
        self.epochs = max(1, epochs)
        self.grids = []
        self.grid.set_images(None)
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.step.clear()
        self.summary.setText(self.tr("The generator's samples appear here after each epoch."))

    def add_epoch(self, report: dict) -> None:
        samples = report.get("samples")
        if samples is not None:
            label = self.tr("after epoch %1 of %2").replace("%1", str(report["epoch"]))
            self._add(label.replace("%2", str(self.epochs)), samples)

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        """A finished or stopped run: its generator's last drawing. A run stopped inside an
        epoch has trained past the last grid, so it gets one more."""
        if outcome is None or outcome.samples is None:
            if outcome is None or not self.grids:
                self.begin_run(1)
                self.summary.setText(
                    self.tr("Train a GAN to see what its generator draws, after each epoch.")
                )
            return
        if not self.grids or not np.array_equal(self.grids[-1][1], outcome.samples):
            self._add(self.tr("when the run stopped"), outcome.samples)

    def _add(self, label: str, samples: np.ndarray) -> None:
        self.grids.append((label, np.asarray(samples)[:SHOWN]))
        self.updates += 1
        follow = self.slider.value() == self.slider.maximum()
        self.slider.setRange(0, len(self.grids) - 1)
        self.slider.setEnabled(len(self.grids) > 1)
        if follow or len(self.grids) == 1:  # keep an earlier epoch the user went back to
            self.slider.setValue(len(self.grids) - 1)
        self._show(self.slider.value())

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.grids):
            return
        label, images = self.grids[index]
        self.grid.set_images(images)
        self.step.setText(label)
        self.summary.setText(
            self.tr("What the generator draws from the same %1 random noise vectors each epoch")
            .replace("%1", str(len(images)))
        )

    def current_images(self) -> np.ndarray:
        return self.grid.images
