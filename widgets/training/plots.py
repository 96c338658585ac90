"""Live loss and accuracy curves: training per batch (smoothed) and per epoch, validation per
epoch, and earlier runs of the project laid over them for comparison.

Reports are appended to arrays in the slots; the curves are redrawn with `setData` from a
single-shot timer that the first new point starts, so they are redrawn at most 20 times a
second however fast reports come, and an idle plot never wakes the GUI thread.

Every millisecond the GUI thread spends is taken from training when the CPU is busy (on two
cores, the training thread and its helper use both), so the plots watch what the GUI thread
costs: when it takes more than BUSY_SHARE of a core, frames come further apart (down to one a
second), and closer again when it is idle. What a frame costs was measured with
bench/bench_gui.py: pyqtgraph's auto-range re-lays out the axes on every new point, and grid
lines are replayed on every paint; together they made a frame about 8× dearer. So the x axis
spans the planned run from the start, the y axis grows with headroom only when a point falls
outside it, and there is no grid.
"""

from __future__ import annotations

import math
import time

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from widgets.training.optimizer_names import optimizer_title
from widgets.training.runs import RunInfo, accuracy_gap
from widgets.training.series import BatchSmoother, Series

REDRAW_MS = 50  # at most 20 frames a second
MAX_REDRAW_MS = 1000
BUSY_SHARE = 0.012  # of one core: what the GUI thread may take from training
HEADROOM = 0.3  # of the span, added when a point falls outside the y range
TEXT = "#4B5563"
AXIS = "#C9CFD8"
TRAIN = "#2F6FEB"
BATCH = "#97B7F5"  # TRAIN, lightened
VALIDATION = "#E8793A"
OVERLAY = ("#8A94A6", "#9B6BD1", "#2BA784", "#C2527A", "#B88A1E", "#4C9BC9")
METRICS = ("loss", "accuracy")


class PercentAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        return [f"{v * 100:.0f}%" for v in values]


def styled_plot(title: str, bottom: str, left: pg.AxisItem | None = None) -> pg.PlotWidget:
    axes = {"left": left} if left is not None else {}
    widget = pg.PlotWidget(background="w", axisItems=axes)
    item = widget.getPlotItem()
    item.setTitle(title, color=TEXT, size="10pt")
    item.setLabel("bottom", bottom, color=TEXT)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))
    # Long runs: draw only what is in view, and at most one peak pair per pixel.
    item.setClipToView(True)
    item.setDownsampling(auto=True, mode="peak")
    item.setMenuEnabled(False)
    widget.setMinimumHeight(160)
    return widget


def lay_out_pair(host: QWidget, legend: QLabel, left: QWidget, right: QWidget) -> None:
    """A legend line above two plots side by side, as the training views show their curves."""
    row = QHBoxLayout()
    row.setSpacing(4)
    row.addWidget(left)
    row.addWidget(right)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(4, 2, 4, 4)
    layout.setSpacing(0)
    layout.addWidget(legend)
    layout.addLayout(row, 1)


class TrainingPlots(QWidget):
    # Each overlaid run's train − validation gap in the legend (off where the overlays are
    # compared with one another, as in the transfer demo: two kinds of gap would be confused).
    overlay_gaps = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loss_widget = styled_plot(self.tr("Loss"), self.tr("epoch"))
        self.accuracy_widget = styled_plot(
            self.tr("Accuracy"), self.tr("epoch"), PercentAxis("left")
        )
        self.plots = {
            "loss": self.loss_widget.getPlotItem(),
            "accuracy": self.accuracy_widget.getPlotItem(),
        }
        self.series: dict[tuple[str, str], Series] = {}
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        styles = {
            "batch": (
                self.tr("training, per batch (smoothed)"),
                # Opaque and one pixel wide: Qt's fast path for the longest curve.
                dict(pen=pg.mkPen(BATCH, width=1)),
            ),
            "train": (
                self.tr("training, per epoch"),
                dict(
                    pen=pg.mkPen(TRAIN, width=2),
                    symbol="o",
                    symbolSize=6,
                    symbolBrush=TRAIN,
                    symbolPen=None,
                ),
            ),
            "val": (
                self.tr("validation, per epoch"),
                dict(
                    pen=pg.mkPen(VALIDATION, width=2),
                    symbol="s",
                    symbolSize=6,
                    symbolBrush=VALIDATION,
                    symbolPen=None,
                ),
            ),
        }
        for metric in METRICS:
            for kind, (_, style) in styles.items():
                self.series[metric, kind] = Series()
                self.curves[metric, kind] = self.plots[metric].plot(**style)
        # One legend for both plots, above them: inside a plot it would hide some curve.
        self.legend = QLabel()
        self.legend.setObjectName("plotLegend")
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.setWordWrap(True)
        self._legend = [
            ("#97B7F5", "━━", styles["batch"][0]),
            (TRAIN, "━●━", styles["train"][0]),
            (VALIDATION, "━■━", styles["val"][0]),
        ]
        # Whether the run (or, before one, the project's settings) holds out a validation
        # split: without one there is no validation curve to name in the legend.
        self.validation = True
        # The current run's gap between training and validation accuracy, as a number in the
        # accuracy plot's title: the curves show it too, but a gap is hard to read off two lines.
        self.gap = ""
        self._gap: float | None = None
        self._gap_shown = False
        self.accuracy_widget.setToolTip(
            self.tr(
                "Gap: training minus validation accuracy in the last epoch. A large gap means the "
                "model learns its training samples by heart (overfitting); Dropout or L2 weight "
                "decay make it smaller."
            )
        )
        self.smoothers = {m: BatchSmoother() for m in METRICS}
        self.overlays: list[pg.PlotDataItem] = []
        # Earlier runs' curves by (run folder name, metric, "train" | "val"), and the colour
        # each run keeps while it stays overlaid.
        self.overlay_curves: dict[tuple[str, str, str], pg.PlotDataItem] = {}
        self._overlay_colors: dict[str, str] = {}
        self._overlay_runs: list[RunInfo] = []
        self._live = True  # whether the plots show the current run (before any run: its key)
        self._overlay_bounds = {m: (math.inf, -math.inf) for m in METRICS}
        self._user_range = {m: False for m in METRICS}
        for metric, plot in self.plots.items():
            plot.enableAutoRange(x=False, y=False)
            # Once the user zooms or pans, the view is theirs until the next run.
            plot.getViewBox().sigRangeChangedManually.connect(
                lambda *args, m=metric: self._user_range.__setitem__(m, True)
            )
        self.epochs = 1
        self._fitted = False
        self._clock = None
        self.points = 0  # reports received in this run (tests and the bench read it)
        self._dirty: set[tuple[str, str]] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)

        lay_out_pair(self, self.legend, self.loss_widget, self.accuracy_widget)
        self._show_legend()

    # A run ----------------------------------------------------------------------------------

    def set_validation(self, validation: bool) -> None:
        """Whether the legend names a validation curve (the project's validation split)."""
        if validation != self.validation:
            self.validation = validation
            self._show_legend()

    def begin_run(self, epochs: int, validation: bool = True) -> None:
        self.epochs = max(1, epochs)
        self.validation = validation
        for series in self.series.values():
            series.clear()
        for smoother in self.smoothers.values():
            smoother.reset()
        self.points = 0
        self._dirty = set(self.series)
        self._user_range = {m: False for m in METRICS}
        self._fitted = False
        self.accuracy_widget.show()
        self.timer.setInterval(REDRAW_MS)
        self._clock: tuple[float, float] | None = None
        self._fit_x(self._overlay_epochs())
        self._live = True
        self._show_gap(None)
        self._show_legend()
        self.redraw()

    def reset(self) -> None:
        """Another project: no curve of the last one's runs stays."""
        self.clear_live()
        self._live = True
        self.epochs = 1
        self._gap = None
        self.accuracy_widget.show()
        self._fit_x(self._overlay_epochs())
        if not self._overlay_runs:  # nothing to show: the axes forget the last one's range
            self.plots["loss"].setYRange(0, 1, padding=0.02)
            self.plots["accuracy"].setYRange(0, 1, padding=0.02)
        self._show_legend()

    def clear_live(self) -> None:
        """Take the current run's curves off the plots (it is overlaid as an earlier run)."""
        self.timer.stop()
        for series in self.series.values():
            series.clear()
        self._dirty = set(self.series)
        self.redraw()
        self._live = False
        self._show_gap(None)
        self._show_legend()
        self._fit_x(self._overlay_epochs())
        self._fit_y(force=True)

    def _changed(self, key: tuple[str, str]) -> None:
        self._dirty.add(key)
        if not self.timer.isActive():
            self.timer.start()

    def add_batch(self, r: dict) -> None:
        # Metrics come by name, and only those the run has (a regressor has no accuracy).
        accuracy = r.get("accuracy")
        if accuracy is None and not self.accuracy_widget.isHidden() and not self.points:
            self.accuracy_widget.hide()  # not a classifier: there is no accuracy to plot
        x = r["epoch"] - 1 + r["batch"] / r["batches"]
        for metric, value in (("loss", r.get("loss")), ("accuracy", accuracy)):
            if value is None:
                continue
            smoothed = self.smoothers[metric].add(r["epoch"], r["batch"], value)
            if smoothed is not None and math.isfinite(smoothed):
                self.series[metric, "batch"].append(x, smoothed)
                self._changed((metric, "batch"))
        self.points += 1

    def add_epoch(self, r: dict) -> None:
        for metric, train, val in (
            ("loss", r.get("loss"), r.get("val_loss")),
            ("accuracy", r.get("accuracy"), r.get("val_accuracy")),
        ):
            for kind, value in (("train", train), ("val", val)):
                if value is not None and math.isfinite(value):
                    self.series[metric, kind].append(r["epoch"], value)
                    self._changed((metric, kind))
        self._gap = accuracy_gap(r)  # shown with the next frame: a new title relays the plot

    def end_run(self) -> None:
        self.timer.stop()
        self.redraw()
        self._show_gap(self._gap)
        self._fit_y(force=True)  # the finished run, snugly

    def redraw(self) -> None:
        if not self._dirty:
            return
        self._pace()
        for key in self._dirty:
            series = self.series[key]
            self.curves[key].setData(series.x, series.y)
        self._dirty.clear()
        if self._live:
            self._show_gap(self._gap)
        self._fit_y(force=not self._fitted)  # the first points of a run set the range
        self._fitted = True

    def _pace(self) -> None:
        """Space the frames so that the GUI thread (its painting and all the rest) keeps
        under BUSY_SHARE of a core since the last frame."""
        now = (time.perf_counter(), time.thread_time())
        if self._clock is not None:
            share = (now[1] - self._clock[1]) / max(now[0] - self._clock[0], 1e-6)
            interval = self.timer.interval()
            if share > BUSY_SHARE:
                interval = min(MAX_REDRAW_MS, round(interval * 1.5))
            elif share < BUSY_SHARE / 2:
                interval = max(REDRAW_MS, round(interval / 1.5))
            self.timer.setInterval(interval)
        self._clock = now

    def _fit_y(self, force: bool = False) -> None:
        """Grow the y range to hold every point (with a margin); never shrink it mid-run, so
        the axes are laid out again only now and then, not on every frame."""
        for metric, plot in self.plots.items():
            if self._user_range[metric]:
                continue
            parts = [self.series[metric, k] for k in ("batch", "train", "val")]
            lo = min([s.lo for s in parts] + [self._overlay_bounds[metric][0]])
            hi = max([s.hi for s in parts] + [self._overlay_bounds[metric][1]])
            if not (math.isfinite(lo) and math.isfinite(hi)):
                continue
            low, high = plot.getViewBox().viewRange()[1]
            if not force and low <= lo and hi <= high:
                continue
            span = max(hi - lo, 0.02 * abs(hi), 1e-3)
            margin = 0.08 * span
            if force:
                low, high = lo - margin, hi + margin
            else:  # grow past the new point, so the next ones still fit: fewer relayouts
                low = min(low, max(lo - HEADROOM * span, min(lo, 0.0) - margin))
                high = max(high, hi + HEADROOM * span)
            if metric == "accuracy":  # a share: no room needed below 0 or above 1
                low, high = max(low, -0.02), min(high, 1.02)
            plot.setYRange(low, high, padding=0)

    # Earlier runs ---------------------------------------------------------------------------

    def set_overlays(self, runs: list[RunInfo]) -> None:
        for curve in self.overlays:
            for plot in self.plots.values():
                if curve in plot.listDataItems():
                    plot.removeItem(curve)
        self.overlays, self.overlay_curves = [], {}
        runs = sorted(runs, key=lambda r: r.name)  # oldest first, as they were trained
        self._assign_colors(runs)
        bounds = {m: [math.inf, -math.inf] for m in METRICS}
        for run in runs:
            color = self._overlay_colors[run.name]
            epochs = [float(h.get("epoch", i + 1)) for i, h in enumerate(run.history)]
            for metric in METRICS:
                for kind, field, style in (
                    ("train", metric, Qt.PenStyle.SolidLine),
                    ("val", f"val_{metric}", Qt.PenStyle.DashLine),
                ):
                    values = [h.get(field) for h in run.history]
                    if not values or not all(isinstance(v, (int, float)) for v in values):
                        continue
                    curve = self.plots[metric].plot(
                        epochs,
                        [float(v) for v in values],
                        pen=pg.mkPen(color, width=2, style=style),
                        symbol="t" if kind == "train" else "d",
                        symbolSize=6,
                        symbolBrush=color,
                        symbolPen=None,
                    )
                    curve.setZValue(-1)  # under the current run
                    self.overlays.append(curve)
                    self.overlay_curves[run.name, metric, kind] = curve
                    bounds[metric] = [
                        min(bounds[metric][0], *values),
                        max(bounds[metric][1], *values),
                    ]
        self._overlay_bounds = {m: (float(lo), float(hi)) for m, (lo, hi) in bounds.items()}
        self._overlay_runs = runs
        self._fit_x(self._overlay_epochs())
        self._fit_y(force=True)
        self._show_legend()

    def _assign_colors(self, runs: list[RunInfo]) -> None:
        """A run keeps its colour while it stays overlaid, however many come and go."""
        names = {r.name for r in runs}
        self._overlay_colors = {n: c for n, c in self._overlay_colors.items() if n in names}
        for run in runs:
            if run.name not in self._overlay_colors:
                used = set(self._overlay_colors.values())
                free = [c for c in OVERLAY if c not in used] or list(OVERLAY)
                self._overlay_colors[run.name] = free[0]

    def overlay_title(self, run: RunInfo) -> str:
        """A run's name in the legend: its optimizer in a comparison, else its folder."""
        return optimizer_title(run.tag) or self.tr("run %1").replace("%1", run.name)

    def _overlay_epochs(self) -> int:
        return max([len(r.history) for r in self._overlay_runs], default=0)

    def overlay_heading(self, validated: bool) -> str:
        """The legend's words before the overlaid runs, saying what their line styles are."""
        if validated:
            return self.tr("Earlier runs (━▲ training, ╍◆ validation):")
        return self.tr("Earlier runs (━▲ training):")

    def _show_gap(self, gap: float | None) -> None:
        self._gap = gap
        text = "" if gap is None or not math.isfinite(gap) else _points(gap)
        if text == self.gap and self._gap_shown:
            return
        self.gap, self._gap_shown = text, True
        title = self.tr("Accuracy")
        if self.gap:
            readout = self.tr("gap (training − validation): %1").replace("%1", self.gap)
            title += f" &nbsp;<b><span style='color:{VALIDATION}'>{readout}</span></b>"
        self.plots["accuracy"].setTitle(title, color=TEXT, size="10pt")

    def _show_legend(self) -> None:
        def entry(color: str, mark: str, name: str) -> str:
            return f"<span style='color:{color}'><b>{mark}</b></span>&nbsp;{name}"

        space = "&nbsp;&nbsp;&nbsp;"
        shown = self._legend if self.validation else self._legend[:2]
        lines = [space.join(entry(*e) for e in shown)] if self._live else []
        runs = self._overlay_runs
        if runs:  # one line for the earlier runs, saying once what their two line styles are
            names = []
            for run in runs:
                name = self.overlay_title(run)
                if run.final_gap is not None and self.overlay_gaps:
                    name += " " + self.tr("(gap %1)").replace("%1", _points(run.final_gap))
                names.append(entry(self._overlay_colors[run.name], "━━", name))
            validated = any(kind == "val" for _, _, kind in self.overlay_curves)
            heading = self.overlay_heading(validated)
            lines.append(heading + space + space.join(names))
        self.legend.setText(f"<span style='color:{TEXT}'>{'<br>'.join(lines)}</span>")
        self.legend.setToolTip(
            self.tr("Earlier runs: training solid, validation dashed") if runs else ""
        )

    def _fit_x(self, overlay_epochs: int = 0) -> None:
        right = max(self.epochs if self._live else 1, overlay_epochs, 1)
        for plot in self.plots.values():
            plot.setXRange(0, right, padding=0.02)


def _points(gap: float) -> str:
    """A gap between two accuracies, in percentage points: "12.3 %"."""
    return f"{gap * 100:.1f} %"
