"""What a layer of the trained model computes for one test sample: its feature maps.

The layer follows the selection on the canvas (or the list here); the sample is chosen by
number or by clicking a prediction. Activations come from an ActivationProbe of the trained
graph (the run's copy, which may differ from what the canvas shows now).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from studio.compiler import plan_model
from studio.evaluation import ActivationProbe, feature_maps
from studio.layers.base import format_shape
from widgets.i18n import layer_title
from widgets.training.images import false_colour, sample_image
from widgets.training.worker import RunOutcome

GAP = 3
MAX_MAPS = 64


def as_grid(maps: np.ndarray) -> np.ndarray:
    """A single row of values (a Dense layer's output) folded into a near-square map."""
    if maps.shape[0] != 1 or maps.shape[1] != 1 or maps.shape[2] < 4:
        return maps
    values = maps[0, 0]
    side = math.ceil(math.sqrt(len(values)))
    rows = math.ceil(len(values) / side)
    padded = np.full(rows * side, values.min(), dtype=np.float32)
    padded[: len(values)] = values
    return padded.reshape(1, rows, side)


class FeatureMapGrid(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("featureMaps")
        self.images = []
        self.setMinimumHeight(120)

    def set_maps(self, maps: np.ndarray | None) -> None:
        self.images = [] if maps is None else [false_colour(m) for m in maps]
        self.update()

    def layout_tiles(self) -> tuple[int, float]:
        """(columns, scale) that make the tiles as large as the widget allows."""
        n = len(self.images)
        w, h = self.images[0].width(), self.images[0].height()
        best = (1, 0.0)
        for columns in range(1, n + 1):
            rows = math.ceil(n / columns)
            scale = min(
                (self.width() - GAP * (columns - 1)) / (columns * w),
                (self.height() - GAP * (rows - 1)) / (rows * h),
            )
            if scale > best[1]:
                best = (columns, scale)
        return best

    def paintEvent(self, event) -> None:
        if not self.images:
            return
        painter = QPainter(self)
        columns, scale = self.layout_tiles()
        # Whole multiples keep each activation a crisp square when there is room.
        scale = math.floor(scale) if scale >= 2 else scale
        w = max(1, int(self.images[0].width() * scale))
        h = max(1, int(self.images[0].height() * scale))
        painter.setPen(QColor("#D5DAE1"))
        for i, image in enumerate(self.images):
            row, column = divmod(i, columns)
            target = QRect(column * (w + GAP), row * (h + GAP), w, h)
            painter.drawImage(target, image)
        painter.end()


class ActivationsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.outcome: RunOutcome | None = None
        self.probe: ActivationProbe | None = None
        self._values: dict[str, np.ndarray] = {}
        self._sample = -1
        self.layer = QComboBox()
        self.layer.setObjectName("activationLayer")
        self.layer.setMinimumContentsLength(18)
        self.layer.currentIndexChanged.connect(lambda i: self.refresh())
        self.sample = QSpinBox()
        self.sample.setObjectName("activationSample")
        self.sample.setKeyboardTracking(False)
        self.sample.valueChanged.connect(lambda v: self.refresh())
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(42, 42)
        self.info = QLabel(self.tr("Train the model, then select a layer to see what it computes."))
        self.info.setObjectName("resultsSummary")
        self.info.setWordWrap(True)
        self.grid = FeatureMapGrid()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer")))
        top.addWidget(self.layer)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Test sample")))
        top.addWidget(self.sample)
        top.addWidget(self.thumbnail)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.grid, 1)

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        self.outcome, self.probe, self._values, self._sample = outcome, None, {}, -1
        self.layer.blockSignals(True)
        self.layer.clear()
        if outcome is not None:
            graph = outcome.project.graph
            for node_id in plan_model(graph).nodes:
                title = layer_title(graph.nodes[node_id].layer)
                self.layer.addItem(f"{node_id}  ({title})", node_id)
            self.sample.setRange(0, max(0, len(outcome.x_test) - 1))
            # Start on the first layer that has something to show besides the input.
            self.layer.setCurrentIndex(min(1, self.layer.count() - 1))
        self.layer.blockSignals(False)
        self.refresh()

    def select_node(self, node_id: str | None) -> bool:
        """Show the layer selected on the canvas; False if the trained model lacks it."""
        if node_id is None or self.outcome is None:
            return False
        index = self.layer.findData(node_id)
        if index < 0:
            self.info.setText(
                self.tr(
                    "%1 is not in the trained model (added after the run?): train again to see it."
                ).replace("%1", node_id)
            )
            return False
        self.layer.setCurrentIndex(index)
        return True

    def show_sample(self, index: int) -> None:
        self.sample.setValue(index)

    def current_maps(self) -> np.ndarray | None:
        node_id = self.layer.currentData()
        if self.outcome is None or node_id is None:
            return None
        if self.probe is None:
            self.probe = ActivationProbe(self.outcome.project.graph, self.outcome.model)
        index = self.sample.value()
        if index != self._sample:
            self._values = self.probe.run(self.outcome.x_test[index : index + 1])
            self._sample = index
        return feature_maps(self._values[node_id][0], MAX_MAPS)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        # Computed when seen: a run's end should not wait for a tab nobody looks at.
        if not self.isVisible():
            return
        maps = self.current_maps()
        if maps is None:
            self.grid.set_maps(None)
            return
        node_id = self.layer.currentData()
        shape = self._values[node_id].shape[1:]
        channels = shape[0] if len(shape) == 3 else 1
        text = self.tr("%1 outputs %2").replace("%1", node_id).replace("%2", format_shape(shape))
        if len(shape) == 3:
            text += " · " + self.tr("feature maps: %1").replace("%1", str(channels))
            if channels > MAX_MAPS:
                text += " " + self.tr("(the first %1 shown)").replace("%1", str(MAX_MAPS))
        elif len(shape) == 1:
            text += " · " + self.tr("one square per value")
        text += " · " + self.tr("dark: low, yellow: high")
        self.info.setText(text)
        self.grid.set_maps(as_grid(maps))
        image = sample_image(self.outcome.x_test[self.sample.value()].numpy())
        if image is not None:
            self.thumbnail.setPixmap(
                QPixmap.fromImage(image).scaled(
                    42,
                    42,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )
        else:
            self.thumbnail.clear()
