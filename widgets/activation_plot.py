"""An activation's curve and its derivative, with a caption that says how to read them."""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.activation_curves import (
    X_RANGE,
    ActivationChoice,
    ActivationCurve,
    activation_curve,
    activation_layers,
)
from studio.layers.registry import get_layer
from widgets.i18n import layer_title

TEXT = "#4B5563"
AXIS = "#C9CFD8"
ZERO = "#E3E6EB"
VALUE = "#2F6FEB"
DERIVATIVE = "#E8793A"
PLOT_HEIGHT = 150


def activation_title(name: str) -> str:
    """The activation as the palette names it (ReLU, not relu), translated."""
    layer_id = next(i for i, applied in activation_layers().items() if applied == name)
    return layer_title(get_layer(layer_id))


class ActivationPlot(QWidget):
    """Shows one ActivationChoice: f(x) solid, f′(x) dashed, redrawn when the choice changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("activationPlot")
        self.choice: ActivationChoice | None = None
        self.curve_data: ActivationCurve | None = None

        self.title = QLabel()
        self.title.setObjectName("activationTitle")
        self.plot = pg.PlotWidget(background="w")
        self.plot.setFixedHeight(PLOT_HEIGHT)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)  # a picture to read, not to explore
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(AXIS))
            axis.setTextPen(pg.mkPen(TEXT))
        item.showGrid(x=True, y=True, alpha=0.15)
        for angle in (0, 90):
            item.addItem(pg.InfiniteLine(0, angle=angle, pen=pg.mkPen(ZERO)), ignoreBounds=True)
        # The key is in the title, not a legend: wherever a legend sits, some curve runs there.
        self.curve = item.plot(pen=pg.mkPen(VALUE, width=2.5))
        self.derivative = item.plot(pen=pg.mkPen(DERIVATIVE, width=2, style=Qt.PenStyle.DashLine))
        item.setXRange(*X_RANGE, padding=0.02)

        self.caption = QLabel()
        self.caption.setObjectName("activationCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        layout.addWidget(self.caption)

    def show_choice(self, choice: ActivationChoice) -> None:
        if choice == self.choice:
            return  # an unrelated edit of the node: nothing to redraw
        self.choice = choice
        self.curve_data = curve = activation_curve(choice)
        self.curve.setData(curve.x, curve.y)
        self.derivative.setData(curve.x, curve.dy)
        low = min(curve.y.min(), curve.dy.min())
        high = max(curve.y.max(), curve.dy.max())
        self.plot.getPlotItem().setYRange(low, high, padding=0.08)
        title = activation_title(choice.name)
        key = (
            self.tr(
                "<b>%1</b>: <span style='color:%2'>━━ f(x)</span> and its derivative "
                "<span style='color:%3'>╸╸╸ f′(x)</span>"
            )
            .replace("%1", html.escape(title))
            .replace("%2", VALUE)
            .replace("%3", DERIVATIVE)
        )
        self.title.setText(key)
        self.caption.setText(self._caption(choice))

    def _caption(self, choice: ActivationChoice) -> str:
        name = choice.name
        if name == "softmax":
            return (
                self.tr(
                    "Softmax mixes a whole vector, so this is one of %1 scores plotted against "
                    "its own logit x, with the other %2 held at 0. Its derivative is s(1 − s)."
                )
                .replace("%1", str(choice.classes))
                .replace("%2", str(choice.classes - 1))
            )
        if name == "leaky_relu":
            return self.tr(
                "With negative_slope %1: the derivative is 1 for x > 0 and %1 below."
            ).replace("%1", f"{choice.slope if choice.slope is not None else 0.01:g}")
        captions = {
            "relu": self.tr(
                "The derivative is 1 for x > 0 and 0 below: a neuron stuck below "
                "0 gets no gradient."
            ),
            "sigmoid": self.tr(
                "The derivative σ(1 − σ) is at most 0.25: stacked sigmoids shrink gradients."
            ),
            "tanh": self.tr("The derivative 1 − tanh² is 1 at 0 and vanishes for large |x|."),
            "gelu": self.tr(
                "Smooth near 0, with a small dip below: the derivative is slightly negative there."
            ),
            "elu": self.tr(
                "Below 0 it levels off at −alpha, and its derivative fades smoothly instead of "
                "dropping to 0 at once."
            ),
            "selu": self.tr(
                "A scaled ELU: the derivative is about 1.05 above 0, so signals keep their "
                "spread through deep Dense stacks."
            ),
            "swish": self.tr(
                "x·σ(x): smooth, with a small dip below 0, like GELU; Keras' swish is "
                "PyTorch's SiLU."
            ),
            "mish": self.tr(
                "x·tanh(softplus(x)): smooth and non-monotonic, close to swish with a slightly "
                "deeper dip."
            ),
        }
        return captions[name]
