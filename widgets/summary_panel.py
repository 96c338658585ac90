"""The model summary: each layer's output shape, parameters and FLOPs, with the totals.

FLOPs come from formulas or a meta-device trace, which costs more than shape inference, so the
table is rebuilt on a timer after the last change rather than after every one, and the pause
grows with what the last rebuild cost. The shapes are the window's own (not inferred again). A
layer that only torch's counter can count waits, with "counting FLOPs…", until the counter's
seconds of first-use imports are done on a background thread (studio.flops).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.compiler import CompileError
from studio.flops import counter_ready, needs_counter, prepare_counter_in_background
from studio.graph import Graph
from studio.layers.registry import get_layer
from studio.shapes import Analysis
from studio.summary import Summary, human_count, summarize
from widgets.i18n import layer_title, plural, tr_error

DELAY_MS = 300
MAX_DELAY_MS = 2000
WARM_UP_POLL_MS = 200
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SummaryPanel(QWidget):
    nodeActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: Graph | None = None
        self.analysis: Analysis | None = None  # the window's, of this graph as it is now
        self.summary: Summary | None = None
        self._last_cost = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh_now)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("summaryTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Output"), self.tr("Params"), self.tr("FLOPs")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in (2, 3):
            self.table.horizontalHeaderItem(column).setTextAlignment(NUMBER)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.cellClicked.connect(self._clicked)

        self.totals = QLabel()
        self.totals.setObjectName("summaryTotals")
        self.totals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)

    def set_graph(self, graph: Graph) -> None:
        self.graph, self.analysis = graph, None
        self.schedule()

    def set_analysis(self, analysis: Analysis) -> None:
        """The graph's shapes after an edit, as the window has them: the summary reuses them
        rather than infer them again."""
        self.analysis = analysis
        self.schedule()

    def schedule(self) -> None:
        self.timer.start(min(MAX_DELAY_MS, max(DELAY_MS, round(2000 * self._last_cost))))

    def refresh_now(self) -> None:
        self.timer.stop()
        if self.graph is None:
            return
        # A layer that torch's counter counts, before the counter is ready (seconds of imports
        # on its first use): shapes and parameters now, FLOPs once it is ready.
        waiting = needs_counter(self.graph) and not counter_ready()
        if waiting:
            prepare_counter_in_background()
            self.timer.start(WARM_UP_POLL_MS)
        started = time.perf_counter()
        try:
            self.summary = summarize(
                self.graph, analysis=self.analysis, count_flops_now=not waiting
            )
        except CompileError as exc:  # shapes fit but the model cannot be built to count FLOPs
            self.totals.setText(self.tr("FLOPs unavailable: %1").replace("%1", tr_error(exc)))
            return
        finally:
            self._last_cost = time.perf_counter() - started
        self._fill(self.summary, counting=waiting)

    def _fill(self, summary: Summary, counting: bool = False) -> None:
        rows = summary.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            node = self.graph.nodes[row.node_id]
            name = QTableWidgetItem(row.node_id)
            name.setData(Qt.ItemDataRole.UserRole, row.node_id)
            name.setToolTip(layer_title(get_layer(node.layer_id)))
            if row.problem:
                output = self.tr("✗ does not fit")
            elif row.output.startswith("(waits"):
                output = self.tr("waits")
            else:
                output = row.output
            cells = [
                name,
                QTableWidgetItem(output),
                QTableWidgetItem(self._params_text(row.params, row.keras_params, row.frozen)),
                QTableWidgetItem("…" if counting else human_count(row.flops)),
            ]
            if row.keras_params is not None:
                cells[2].setToolTip(self._keras_tip())
            elif row.frozen:
                cells[2].setToolTip(self._frozen_tip())
            for c in (2, 3):
                cells[c].setTextAlignment(NUMBER)
            if row.problem:
                cells[1].setForeground(Qt.GlobalColor.red)
                cells[1].setToolTip(row.problem)
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        total_flops = summary.total_flops
        text = (
            plural(self.tr("<b>%1</b> layer(s) · <b>%2</b> parameters", "", len(rows)), len(rows))
            .replace("%1", str(len(rows)))
            .replace("%2", f"{summary.total_params:,}")
        )
        if summary.total_keras_params is not None:
            # A reader checks the count against a guide's model.summary(): give Keras' too.
            text += " " + self.tr("(Keras' model.summary(): %1)").replace(
                "%1", f"{summary.total_keras_params:,}"
            )
        if summary.total_frozen:
            text += " " + (
                self.tr("(trainable: %1, frozen: %2)")
                .replace("%1", f"{summary.total_params - summary.total_frozen:,}")
                .replace("%2", f"{summary.total_frozen:,}")
            )
        if counting:
            text += " · " + self.tr("counting FLOPs…")
        elif total_flops is not None:
            text += " · " + self.tr("<b>%1</b> FLOPs per sample").replace(
                "%1", human_count(total_flops)
            )
        else:
            text += " · " + self.tr("FLOPs when the model fits")
        self.totals.setText(text)

    def _params_text(self, params: int, keras_params: int | None, frozen: int = 0) -> str:
        text = f"{params:,}"
        if keras_params is not None:
            text = (
                self.tr("%1 (Keras: %2)", "parameters in PyTorch (in Keras)")
                .replace("%1", text)
                .replace("%2", f"{keras_params:,}")
            )
        if frozen and frozen == params:
            text += " " + self.tr("(all frozen)")
        elif frozen:
            # Short: the count column must leave the layer names room.
            text += " " + self.tr("(%1 frozen)").replace("%1", human_count(frozen))
        return text

    def _frozen_tip(self) -> str:
        return self.tr(
            "Frozen parameters keep their pretrained values: training changes only the others"
        )

    def _keras_tip(self) -> str:
        return self.tr(
            "Keras' model.summary() counts this layer's parameters differently from PyTorch: "
            "e.g. an LSTM or SimpleRNN has one bias per gate in Keras, two in PyTorch; Keras "
            "counts BatchNorm's moving mean and variance as non-trainable parameters"
        )

    def _clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.nodeActivated.emit(item.data(Qt.ItemDataRole.UserRole))
