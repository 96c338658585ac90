"""The Search page's plots (pyqtgraph): every trial's validation curve overlaid, a parallel-
coordinates plot (one line per trial across the searched values and the score, coloured by the
score) and the score against one chosen value.

They draw what the SearchController holds; the page redraws them from a timer, not on every
report."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio.search import COMPLETE, PRUNED, RUNNING
from studio.search_space import Dimension
from widgets.search.controller import TrialRow
from widgets.training.plots import AXIS, TEXT, TRAIN, PercentAxis, styled_plot

COLORMAP = pg.colormap.get("viridis")
BEST = "#D92D20"
RUNNING_COLOR = TRAIN


def score_color(fraction: float) -> QColor:
    """0 (the worst score so far) dark purple … 1 (the best) yellow."""
    return COLORMAP.map(min(max(fraction, 0.0), 1.0), mode="qcolor")


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def ordered(d: Dimension) -> list[Any]:
    """A list's values in the order an axis shows them: numbers from low to high (as typed,
    3,40,5 would zigzag), other values as listed."""
    values = list(d.values or ())
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return sorted(values)
    return values


def position(d: Dimension, value: Any) -> float | None:
    """Where `value` lies on the dimension's axis, 0 (low) … 1 (high): a list's values evenly
    spaced in their order, a range linearly or on its log scale."""
    if d.values is not None:
        values = ordered(d)
        if value not in values:
            return None
        n = len(values)
        return values.index(value) / (n - 1) if n > 1 else 0.5
    if not isinstance(value, (int, float)):
        return None
    low, high = float(d.low), float(d.high)
    if d.log and low > 0 and value > 0:
        return (math.log(value) - math.log(low)) / (math.log(high) - math.log(low))
    return (float(value) - low) / (high - low)


class Scores:
    """The scored trials and where each score lies between the worst and the best, 0 … 1."""

    def __init__(self, rows: list[TrialRow], maximize: bool) -> None:
        self.rows = [r for r in rows if r.score is not None and math.isfinite(r.score)
                     and r.state in (COMPLETE, PRUNED)]
        scores = [r.score for r in self.rows]
        self.low = min(scores) if scores else 0.0
        self.high = max(scores) if scores else 1.0
        self.maximize = maximize

    def fraction(self, score: float) -> float:
        """0 worst … 1 best (for a loss the lowest is the best)."""
        if self.high <= self.low:
            return 1.0
        f = (score - self.low) / (self.high - self.low)
        return f if self.maximize else 1.0 - f

    def height(self, score: float) -> float:
        """The score on the parallel plot's last axis: higher scores higher, as the value."""
        return 0.5 if self.high <= self.low else (score - self.low) / (self.high - self.low)


class TrialCurves(QWidget):
    """Each trial's validation figure per epoch; the best trial drawn thick and red."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = styled_plot(self.tr("Validation curve of each trial"), self.tr("epoch"))
        self.plot.setObjectName("searchCurves")
        self.curves: dict[int, pg.PlotDataItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_objective(self, objective: str) -> None:
        item = self.plot.getPlotItem()
        percent = objective == "val_accuracy"
        axis = PercentAxis("left") if percent else pg.AxisItem("left")
        axis.enableAutoSIPrefix(False)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))
        item.setAxisItems({"left": axis})
        label = self.tr("validation accuracy") if percent else self.tr("validation loss")
        item.setLabel("left", label, color=TEXT)

    def draw(self, rows: list[TrialRow], best: int | None, scores: Scores) -> None:
        shown = {r.number for r in rows if r.curve}
        for number in list(self.curves):
            if number not in shown:
                self.plot.removeItem(self.curves.pop(number))
        for row in rows:
            if not row.curve:
                continue
            curve = self.curves.get(row.number)
            if curve is None:
                curve = self.plot.plot([], [], symbol="o", symbolSize=5)
                self.curves[row.number] = curve
            if row.number == best:
                color, width, z = QColor(BEST), 3, 2
            elif row.state == RUNNING:
                color, width, z = QColor(RUNNING_COLOR), 2, 1
            elif row.score is not None and row in scores.rows:
                color, width, z = score_color(scores.fraction(row.score)), 1.5, 0
            else:
                color, width, z = QColor("#A0A7B2"), 1, -1
            style = Qt.PenStyle.DashLine if row.state == PRUNED else Qt.PenStyle.SolidLine
            curve.setPen(pg.mkPen(color, width=width, style=style))
            curve.setSymbolBrush(color)
            curve.setSymbolPen(None)
            curve.setZValue(z)
            xs = [float(e) for e, _ in row.curve]
            ys = [float(v) for _, v in row.curve]
            curve.setData(xs, ys)


class ParallelCoordinates(QWidget):
    """One line per scored trial across an axis per searched value and one for the score,
    each axis from its low (bottom) to its high (top); coloured by the score."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = styled_plot(self.tr("Parallel coordinates"), "")
        self.plot.setObjectName("searchParallel")
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.setMouseEnabled(x=False, y=False)
        self.lines: list[pg.PlotDataItem] = []
        self.decorations: list[Any] = []
        note = QLabel(self.tr("Colour: the score, yellow the best, purple the worst."))
        note.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(note)

    def draw(self, dims: tuple[Dimension, ...], scores: Scores, objective_title: str,
             score_text: Any = value_text) -> None:
        item = self.plot.getPlotItem()
        for thing in self.lines + self.decorations:
            item.removeItem(thing)
        self.lines, self.decorations = [], []
        names = [d.key for d in dims] + [objective_title]
        item.getAxis("bottom").setTicks([list(enumerate(names))])
        for i, d in enumerate(dims):
            self._axis(i, self._labels(d))
        score_labels = [] if not scores.rows else [
            (0.0, score_text(scores.low)), (1.0, score_text(scores.high))]
        self._axis(len(dims), score_labels)
        for row in sorted(scores.rows, key=lambda r: scores.fraction(r.score)):
            ys = [position(d, row.params.get(d.key)) for d in dims]
            if any(y is None for y in ys):
                continue
            ys.append(scores.height(row.score))
            color = score_color(scores.fraction(row.score))
            line = pg.PlotDataItem(list(range(len(ys))), ys, pen=pg.mkPen(color, width=2),
                                   symbol="o", symbolSize=5, symbolBrush=color, symbolPen=None)
            item.addItem(line)
            self.lines.append(line)
        # Room on the right for the last axis's values and on both sides for the names.
        item.setXRange(-0.45, len(names) - 0.45, padding=0)
        item.setYRange(-0.08, 1.08, padding=0)

    def _labels(self, d: Dimension) -> list[tuple[float, str]]:
        if d.values is not None:
            values = ordered(d)
            if len(values) > 8:  # too many to read: the ends
                return [(0.0, value_text(values[0])), (1.0, value_text(values[-1]))]
            return [(position(d, v), value_text(v)) for v in values]
        return [(0.0, value_text(d.low)), (1.0, value_text(d.high))]

    def _axis(self, x: int, labels: list[tuple[float, str]]) -> None:
        item = self.plot.getPlotItem()
        axis = pg.PlotDataItem([x, x], [0, 1], pen=pg.mkPen(AXIS, width=2))
        item.addItem(axis)
        self.decorations.append(axis)
        for y, text in labels:
            label = pg.TextItem(text, color=TEXT, anchor=(-0.05, 0.5))
            label.setPos(x, y)
            item.addItem(label)
            self.decorations.append(label)


class ScoreScatter(QWidget):
    """The score of each trial against one searched value, chosen in the combo box."""

    def __init__(self) -> None:
        super().__init__()
        self.choice = QComboBox()
        self.choice.setObjectName("searchScatterParam")
        self.choice.currentIndexChanged.connect(lambda i: self._redraw())
        self.plot = styled_plot(self.tr("Score against a value"), "")
        self.plot.setObjectName("searchScatter")
        self.points = pg.ScatterPlotItem(size=9)
        self.plot.addItem(self.points)
        self.dims: tuple[Dimension, ...] = ()
        self.scores: Scores | None = None
        self.best: int | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Value:")))
        top.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)

    def set_dimensions(self, dims: tuple[Dimension, ...], objective_title: str,
                       percent: bool) -> None:
        self.dims = dims
        axis = PercentAxis("left") if percent else pg.AxisItem("left")
        axis.enableAutoSIPrefix(False)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))
        self.plot.getPlotItem().setAxisItems({"left": axis})
        self.choice.blockSignals(True)
        self.choice.clear()
        for d in dims:
            self.choice.addItem(d.key, d.key)
        self.choice.blockSignals(False)
        self.plot.getPlotItem().setLabel("left", objective_title, color=TEXT)

    def chosen(self) -> Dimension | None:
        key = self.choice.currentData()
        return next((d for d in self.dims if d.key == key), None)

    def draw(self, scores: Scores, best: int | None) -> None:
        self.scores, self.best = scores, best
        self._redraw()

    def _redraw(self) -> None:
        d, scores = self.chosen(), self.scores
        item = self.plot.getPlotItem()
        if d is None or scores is None:
            self.points.setData([], [])
            return
        item.setLabel("bottom", d.key, color=TEXT)
        categorical = d.values is not None and not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in d.values)
        # A log range: x is log10 of the value, its ticks say the values (0.001, 0.01, …).
        log = d.log and d.values is None and d.low > 0
        axis = item.getAxis("bottom")
        if categorical:
            axis.setTicks([[(i, value_text(v)) for i, v in enumerate(d.values)]])
            span = (-0.5, len(d.values) - 0.5)
        elif log:
            first, last = math.floor(math.log10(d.low)), math.ceil(math.log10(d.high))
            axis.setTicks([[(p, f"{10.0 ** p:g}") for p in range(first, last + 1)]])
            span = (math.log10(d.low), math.log10(d.high))
        else:
            axis.setTicks(None)
            numbers = list(d.values) if d.values is not None else [d.low, d.high]
            span = (float(min(numbers)), float(max(numbers)))
        margin = 0.06 * (span[1] - span[0]) or 0.5
        item.setXRange(span[0] - margin, span[1] + margin, padding=0)
        spots = []
        for row in scores.rows:
            value = row.params.get(d.key)
            if value is None:
                continue
            if categorical:
                if value not in d.values:
                    continue
                x = d.values.index(value)
            elif log:
                x = math.log10(value)
            else:
                x = value
            best = row.number == self.best
            spots.append({
                "pos": (float(x), float(row.score)),
                "brush": score_color(scores.fraction(row.score)),
                "pen": pg.mkPen(BEST, width=2) if best else pg.mkPen(None),
                "size": 13 if best else 9,
                "data": row.number,
            })
        self.points.setData(spots)
