"""The Help panel: the help card of the layer the user is looking at, and the curve of the
activation it applies.

What it shows, first that applies: the palette layer under the mouse (a preview, gone when the
mouse leaves the palette), else the last thing selected: a node on the canvas, filled in with
its numbers and redrawn on every analysis (so a parameter edit shows at once), or a layer
clicked in the palette, in its general form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from studio.activation_curves import node_activation
from studio.graph import Graph
from studio.layers.help import help_card
from studio.shapes import Analysis
from widgets.activation_plot import ActivationPlot
from widgets.help_card import card_head, card_tail

PLACEHOLDER_PAGE, CARD_PAGE = 0, 1


def _rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class HelpPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.graph: Graph | None = None
        self.analysis: Analysis | None = None
        self.node_id: str | None = None
        self.layer_id: str | None = None  # clicked in the palette
        self.hovered: str | None = None  # under the mouse in the palette

        # With nothing selected: how to get a card, and the few gestures that build a model,
        # for whoever opens the app for the first time.
        self.placeholder = _rich_label("placeholder")
        self.placeholder.setText(
            "<p>"
            + self.tr("Select a layer on the canvas or in the Layers list to read about it.")
            + "</p><p><b>"
            + self.tr("Building a model")
            + "</b></p><ul><li>"
            + self.tr("Drag a layer from the Layers list onto the canvas.")
            + "</li><li>"
            + self.tr("Drag from a node's right port to another node's left port to connect them.")
            + "</li><li>"
            + self.tr("Each node shows its output shape; the Problems list says what does not fit.")
            + "</li><li>"
            + self.tr("Choose a data set in the Training tab and press Train.")
            + "</li></ul>"
        )
        self.placeholder.setContentsMargins(12, 10, 12, 12)

        page = QWidget()
        page.setObjectName("helpCard")
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 10, 12, 12)
        column.setSpacing(2)
        self.head = _rich_label("helpHead")
        self.activation = ActivationPlot()
        self.tail = _rich_label("helpTail")
        column.addWidget(self.head)
        column.addWidget(self.activation)
        column.addWidget(self.tail)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setStyleSheet("#helpCard { background: #FFFFFF; }")

    # What the window tells it ---------------------------------------------------------------

    def show_node(
        self, graph: Graph | None, node_id: str | None, analysis: Analysis | None = None
    ) -> None:
        """Follow the canvas selection (None: nothing, or several nodes, selected)."""
        self.graph = graph
        self.analysis = analysis if analysis is not None else self.analysis
        self.node_id = node_id if graph is not None and node_id in graph.nodes else None
        self.layer_id = None
        self._render()

    def show_layer(self, layer_id: str) -> None:
        """A layer clicked in the palette: its card in general form, until the next selection."""
        self.layer_id = layer_id or None
        self._render()

    def follow_edit(self, *_edit) -> None:
        """A parameter edited in the inspector: back to that node, whose numbers change."""
        if self.layer_id is not None:
            self.layer_id = None
            self._render()

    def preview_layer(self, layer_id: str) -> None:
        """The palette layer under the mouse; '' when the mouse has left the palette."""
        if (layer_id or None) != self.hovered:
            self.hovered = layer_id or None
            self._render()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        if self.node_id is not None:
            self._render()

    # Showing it -----------------------------------------------------------------------------

    def shown_layer(self) -> str | None:
        """The layer whose card is on screen, if any."""
        if self.hovered or self.layer_id:
            return self.hovered or self.layer_id
        if self.node_id is not None and self.graph is not None:
            node = self.graph.nodes.get(self.node_id)
            return node.layer_id if node is not None else None
        return None

    def _render(self) -> None:
        palette_layer = self.hovered or self.layer_id
        if palette_layer:
            self._show(palette_layer, None, None, None, None)
        elif (
            self.node_id is not None and self.graph is not None and self.node_id in self.graph.nodes
        ):
            node = self.graph.nodes[self.node_id]
            info = self.analysis.nodes.get(self.node_id) if self.analysis else None
            inputs = list(info.inputs) if info is not None else None
            output = info.output.shape if info is not None and info.output else None
            self._show(node.layer_id, node.params, inputs, output, self.node_id)
        else:
            self.stack.setCurrentIndex(PLACEHOLDER_PAGE)

    def _show(self, layer_id, params, inputs, output_shape, node_id) -> None:
        card = help_card(layer_id, params, inputs)
        self.head.setText(card_head(card, node_id))
        self.tail.setText(card_tail(card))
        choice = node_activation(layer_id, params, output_shape)
        if choice is not None:
            self.activation.show_choice(choice)
        self.activation.setVisible(choice is not None)
        self.stack.setCurrentIndex(CARD_PAGE)
