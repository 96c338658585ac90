"""The confusion matrix of the test set and the accuracy of each class.

Cells are coloured by the share of their true class (row) so that classes of different sizes
compare, and show the count. A ColorBarItem resets an image's levels to 0–1 when it is
attached, so the levels are set after attaching it.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from widgets.i18n import class_names
from widgets.training.panel import format_percent
from widgets.training.plots import AXIS, TEXT
from widgets.training.worker import RunOutcome

LABELLED_CELLS = 30  # above this many classes the counts would not fit in their cells
WHITE_BLUE = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (47, 111, 235)])


def _style(item: pg.PlotItem, bottom: str, left: str) -> None:
    item.setMenuEnabled(False)
    item.setMouseEnabled(x=False, y=False)
    item.hideButtons()
    item.setLabel("bottom", bottom, color=TEXT)
    item.setLabel("left", left, color=TEXT)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))


def _width(text: str) -> int:
    """Columns the text takes: a Chinese character is as wide as two Latin letters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def tick_names(classes: list[str], limit: int) -> list[str]:
    return [c if len(c) <= limit else c[: limit - 1] + "…" for c in classes]


class ConfusionView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.summary = QLabel(self.tr("Train a classifier to see which classes it confuses."))
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.matrix_widget = pg.GraphicsLayoutWidget()
        self.matrix_widget.setBackground("w")
        self.matrix_plot = self.matrix_widget.addPlot()
        _style(self.matrix_plot, self.tr("predicted class"), self.tr("true class"))
        self.matrix_plot.invertY(True)  # row 0 at the top, as a matrix is read
        self.matrix_plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.matrix_plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            colorMap=WHITE_BLUE,
            interactive=False,
            width=14,
            label=self.tr("share of the true class"),
        )
        self.colorbar.setImageItem(self.image, insert_in=self.matrix_plot)
        axis = self.colorbar.getAxis("right")
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setTicks([[(v, f"{v * 100:.0f}%") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        self.cell_texts: list[pg.TextItem] = []

        self.accuracy_widget = pg.PlotWidget(background="w")
        self.accuracy_plot = self.accuracy_widget.getPlotItem()
        _style(self.accuracy_plot, self.tr("accuracy"), "")
        self.accuracy_plot.setTitle(self.tr("Accuracy per class"), color=TEXT, size="10pt")
        self.accuracy_plot.invertY(True)
        self.bars: pg.BarGraphItem | None = None
        self.bar_texts: list[pg.TextItem] = []
        self.per_class: np.ndarray = np.zeros(0)
        self.matrix: np.ndarray = np.zeros((0, 0), dtype=np.int64)

        row = QHBoxLayout()
        row.addWidget(self.matrix_widget, 3)
        row.addWidget(self.accuracy_widget, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.summary)
        layout.addLayout(row, 1)

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        ev = outcome.evaluation if outcome is not None else None
        if ev is None:
            # No run, or another project's: nothing of an earlier matrix or its accuracies.
            self.matrix, self.per_class = np.zeros((0, 0), dtype=np.int64), np.zeros(0)
            self.image.clear()
            for text in self.cell_texts:
                self.matrix_plot.removeItem(text)
            self.cell_texts = []
            if self.bars is not None:
                self.accuracy_plot.removeItem(self.bars)
                self.bars = None
            for text in self.bar_texts:
                self.accuracy_plot.removeItem(text)
            self.bar_texts = []
            for plot in (self.matrix_plot, self.accuracy_plot):
                plot.getAxis("left").setTicks([[]])  # no class names of an earlier data set
            self.matrix_plot.getAxis("bottom").setTicks([[]])
            self.summary.setText(
                self.tr("This model does not classify: no confusion matrix.")
                if outcome is not None
                else self.tr("Train a classifier to see which classes it confuses.")
            )
            return
        self.matrix, self.per_class = ev.matrix, ev.per_class
        k = len(ev.matrix)
        classes = class_names(outcome.classes, outcome.data_title)
        classes += [str(i) for i in range(len(classes), k)]
        self._show_matrix(ev.matrix, classes)
        self._show_accuracy(ev.per_class, classes)
        worst = int(np.nanargmin(ev.per_class)) if np.isfinite(ev.per_class).any() else 0
        self.summary.setText(
            self.tr("Test accuracy <b>%1</b> on %2 samples · hardest class: %3 (%4)")
            .replace("%1", format_percent(ev.accuracy))
            .replace("%2", f"{len(ev.truth):,}")
            .replace("%3", classes[worst])
            .replace("%4", format_percent(float(ev.per_class[worst])))
        )

    def _show_matrix(self, matrix: np.ndarray, classes: list[str]) -> None:
        k = len(matrix)
        totals = matrix.sum(axis=1, keepdims=True)
        shares = np.divide(matrix, totals, out=np.zeros(matrix.shape), where=totals > 0)
        self.image.setImage(shares.astype(np.float32), autoLevels=False)
        self.image.setRect(0, 0, k, k)
        # After the image is attached to the colour bar, which would reset its levels to 0–1.
        self.colorbar.setLevels((0.0, 1.0))
        self.image.setLevels((0.0, 1.0))
        for text in self.cell_texts:
            self.matrix_plot.removeItem(text)
        self.cell_texts = []
        if k <= LABELLED_CELLS:
            font = QFont(self.font())
            font.setPointSizeF(max(6.5, min(9.0, 90 / k)))
            for (r, c), count in np.ndenumerate(matrix):
                if count == 0:
                    continue
                color = "#FFFFFF" if shares[r, c] > 0.55 else "#1F2937"
                text = pg.TextItem(str(count), color=color, anchor=(0.5, 0.5))
                text.setFont(font)
                text.setPos(c + 0.5, r + 0.5)
                self.matrix_plot.addItem(text)
                self.cell_texts.append(text)
        short = max(_width(c) for c in classes) <= 3
        ticks = [(i + 0.5, name) for i, name in enumerate(tick_names(classes, 16))]
        numbers = [(i + 0.5, str(i)) for i in range(k)]
        self.matrix_plot.getAxis("bottom").setTicks([ticks if short else numbers])
        left = (
            ticks
            if short
            else [(i + 0.5, f"{i} {n}") for i, n in enumerate(tick_names(classes, 16))]
        )
        self.matrix_plot.getAxis("left").setTicks([left])
        self.matrix_plot.setRange(xRange=(0, k), yRange=(0, k), padding=0)

    def _show_accuracy(self, per_class: np.ndarray, classes: list[str]) -> None:
        k = len(per_class)
        if self.bars is not None:
            self.accuracy_plot.removeItem(self.bars)
        for text in self.bar_texts:
            self.accuracy_plot.removeItem(text)
        self.bar_texts = []
        values = np.nan_to_num(per_class, nan=0.0)
        mean = float(np.nanmean(per_class)) if np.isfinite(per_class).any() else 0.0
        brushes = [QColor("#DC2626") if v < mean - 0.1 else QColor("#2F6FEB") for v in values]
        self.bars = pg.BarGraphItem(
            x0=np.zeros(k),
            y=np.arange(k) + 0.5,
            height=0.7,
            width=values,
            brushes=brushes,
            pen=pg.mkPen(None),
        )
        self.accuracy_plot.addItem(self.bars)
        for i, v in enumerate(per_class):
            label = format_percent(float(v))
            text = pg.TextItem(label, color=TEXT, anchor=(0, 0.5))
            text.setPos(float(values[i]) + 0.01, i + 0.5)
            self.accuracy_plot.addItem(text)
            self.bar_texts.append(text)
        names = tick_names(classes, 16)
        self.accuracy_plot.getAxis("left").setTicks([[(i + 0.5, n) for i, n in enumerate(names)]])
        self.accuracy_plot.getAxis("bottom").setTicks(
            [[(x, f"{x * 100:.0f}%") for x in (0, 0.25, 0.5, 0.75, 1.0)]]
        )
        self.accuracy_plot.setRange(xRange=(0, 1.25), yRange=(0, k), padding=0.02)
        self.accuracy_plot.getViewBox().setCursor(Qt.CursorShape.ArrowCursor)
