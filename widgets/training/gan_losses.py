"""A GAN run's curves: the generator's and the discriminator's losses, and how often the
discriminator tells real from generated. They take the place of the loss and accuracy plots
for a GAN, whose one "loss" and "accuracy" would mean neither network's.

Fed from slots like the training plots, and redrawn from a single-shot timer (at most ten
frames a second), so reports never cost a redraw each.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from widgets.training.plots import (
    AXIS,
    OVERLAY,
    TEXT,
    PercentAxis,
    lay_out_pair,
    styled_plot,
)
from widgets.training.runs import RunInfo
from widgets.training.series import BatchSmoother, Series

REDRAW_MS = 100
GENERATOR, DISCRIMINATOR = "#2F6FEB", "#E8793A"
GENERATOR_LIGHT, DISCRIMINATOR_LIGHT = "#97B7F5", "#F4BC9C"
# (plot, report field, colour per batch, colour per epoch)
# Earlier runs: (plot, history field, line style).
OVERLAID = (
    ("loss", "g_loss", Qt.PenStyle.SolidLine),
    ("loss", "d_loss", Qt.PenStyle.DashLine),
    ("accuracy", "d_accuracy", Qt.PenStyle.DashLine),
)
CURVES = (
    ("loss", "g_loss", GENERATOR_LIGHT, GENERATOR),
    ("loss", "d_loss", DISCRIMINATOR_LIGHT, DISCRIMINATOR),
    ("accuracy", "d_accuracy", DISCRIMINATOR_LIGHT, DISCRIMINATOR),
)


class GanLossPlots(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ganLossPlots")
        self.loss_widget = styled_plot(self.tr("Losses"), self.tr("epoch"))
        self.accuracy_widget = styled_plot(
            self.tr("Discriminator accuracy (real and generated)"),
            self.tr("epoch"),
            PercentAxis("left"),
        )
        self.plots = {
            "loss": self.loss_widget.getPlotItem(),
            "accuracy": self.accuracy_widget.getPlotItem(),
        }
        # The discriminator right half the time is the balance a GAN aims for.
        self.plots["accuracy"].addLine(
            y=0.5, pen=pg.mkPen(AXIS, width=1, style=Qt.PenStyle.DashLine)
        )
        self.series: dict[tuple[str, str], Series] = {}
        self.curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.smoothers: dict[str, BatchSmoother] = {}
        for plot, field, light, dark in CURVES:
            self.series[field, "batch"] = Series()
            self.series[field, "epoch"] = Series()
            self.curves[field, "batch"] = self.plots[plot].plot(pen=pg.mkPen(light, width=1))
            self.curves[field, "epoch"] = self.plots[plot].plot(
                pen=pg.mkPen(dark, width=2), symbol="o", symbolSize=6, symbolBrush=dark,
                symbolPen=None,
            )
            self.smoothers[field] = BatchSmoother()
        self.legend = QLabel()
        self.legend.setObjectName("plotLegend")
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        entries = (
            (GENERATOR, self.tr("generator")),
            (DISCRIMINATOR, self.tr("discriminator")),
            (GENERATOR_LIGHT, self.tr("light: per batch (smoothed), dots: per epoch")),
        )
        self._legend_html = (
            f"<span style='color:{TEXT}'>"
            + "&nbsp;&nbsp;&nbsp;".join(
                f"<span style='color:{c}'><b>━━</b></span>&nbsp;{t}" for c, t in entries[:2]
            )
            + f"&nbsp;&nbsp;&nbsp;·&nbsp;&nbsp;{entries[2][1]}</span>"
        )
        self.legend.setText(self._legend_html)
        self.overlays: list[pg.PlotDataItem] = []
        self.epochs = 1
        self._fitted = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        lay_out_pair(self, self.legend, self.loss_widget, self.accuracy_widget)

    def begin_run(self, epochs: int) -> None:
        self.epochs = max(1, epochs)
        for series in self.series.values():
            series.clear()
        for smoother in self.smoothers.values():
            smoother.reset()
        for plot in self.plots.values():
            plot.setXRange(0, self.epochs, padding=0.02)
        self.plots["accuracy"].setYRange(0, 1, padding=0.02)
        self._fitted = False
        self.redraw()

    def add_batch(self, r: dict) -> None:
        x = r["epoch"] - 1 + r["batch"] / r["batches"]
        for _, field, _, _ in CURVES:
            value = r.get(field)
            if value is None:
                continue
            smoothed = self.smoothers[field].add(r["epoch"], r["batch"], value)
            if smoothed is not None and math.isfinite(smoothed):
                self.series[field, "batch"].append(x, smoothed)
        self._changed()

    def add_epoch(self, r: dict) -> None:
        for _, field, _, _ in CURVES:
            value = r.get(field)
            if value is not None and math.isfinite(value):
                self.series[field, "epoch"].append(float(r["epoch"]), value)
        self._changed()

    def set_overlays(self, runs: list[RunInfo]) -> None:
        """Earlier GAN runs ticked in the Runs tab, under the current one, one colour each:
        the generator's loss solid, the discriminator's loss and accuracy dashed."""
        for curve in self.overlays:
            for plot in self.plots.values():
                if curve in plot.listDataItems():
                    plot.removeItem(curve)
        self.overlays = []
        runs = sorted(
            (r for r in runs if r.history and all("d_loss" in h for h in r.history)),
            key=lambda r: r.name,
        )
        names, loss_high, longest = [], 0.0, self.epochs
        for i, run in enumerate(runs):
            color = OVERLAY[i % len(OVERLAY)]
            epochs = [float(h.get("epoch", n + 1)) for n, h in enumerate(run.history)]
            for plot, field, style in OVERLAID:
                values = [h.get(field) for h in run.history]
                if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
                    continue
                curve = self.plots[plot].plot(
                    epochs, values, pen=pg.mkPen(color, width=1.5, style=style)
                )
                curve.setZValue(-1)  # under the current run
                self.overlays.append(curve)
                if plot == "loss":
                    loss_high = max(loss_high, *values)
            longest = max(longest, len(epochs))
            names.append(f"<span style='color:{color}'><b>━ ╍</b></span>&nbsp;{run.name}")
        for plot in self.plots.values():
            plot.setXRange(0, longest, padding=0.02)
        low, high = self.plots["loss"].getViewBox().viewRange()[1]
        if loss_high > high:
            self.plots["loss"].setYRange(min(0.0, low), loss_high * 1.1, padding=0)
        legend = self._legend_html
        if names:
            legend += "<br>" + self.tr("Earlier runs:") + "&nbsp;" + "&nbsp;&nbsp;".join(names)
        self.legend.setText(legend)

    def end_run(self) -> None:
        """The last points now: a finished run's plots do not wait for the timer."""
        self.timer.stop()
        self.redraw()

    def _changed(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def redraw(self) -> None:
        for key, series in self.series.items():
            self.curves[key].setData(series.x, series.y)
        lo = min(s.lo for (f, _), s in self.series.items() if f != "accuracy")
        hi = max(s.hi for (f, _), s in self.series.items() if f != "accuracy")
        if not (math.isfinite(lo) and math.isfinite(hi)):
            return
        # Grow the range with room to spare, never shrink it: fewer axis relayouts.
        low, high = self.plots["loss"].getViewBox().viewRange()[1]
        if lo < low or hi > high or not self._fitted:
            span = max(hi - lo, 1e-3)
            self.plots["loss"].setYRange(min(0.0, lo), hi + 0.3 * span, padding=0)
            self._fitted = True
