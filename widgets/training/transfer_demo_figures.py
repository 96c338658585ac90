"""The transfer-learning demo's figures: each model's test accuracy this time beside the one
measured over three seeds (studio.transfer_demo.MEASURED), how far each pretrained model is
ahead of the scratch one, and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.transfer_demo import MEASURED_SEEDS, VARIANTS, VariantRun, gaps_of, measured


def variant_title(variant: str) -> str:
    # Each literal is written out in full so that the string extractor finds it.
    titles = {
        "frozen": QCoreApplication.translate("TransferDemo", "Frozen body"),
        "fine_tuned": QCoreApplication.translate("TransferDemo", "Fine-tuned body"),
        "scratch": QCoreApplication.translate("TransferDemo", "From scratch"),
    }
    return titles[variant]


def _points(value: float) -> str:
    """A difference of two accuracies in percentage points, signed: "+1.4", "−34.0"."""
    sign = "+" if value >= 0 else "−"
    return f"{sign}{abs(value) * 100:.1f}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


class DemoFigures(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset_name = ""
        self.per_class = 0
        self.finished_runs: list[VariantRun] = []
        self.gap_values: dict[str, float] = {}
        self.table = self._make_table()
        self.gaps = QLabel()
        self.gaps.setObjectName("demoGaps")
        # Two lines, each whole: wrapped in the row beside the table, the second was cut off.
        self.gaps.setWordWrap(False)
        self.gaps.setTextFormat(Qt.TextFormat.RichText)
        self.why = QLabel(self._why_text())
        self.why.setObjectName("demoWhy")
        self.why.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table)
        side = QVBoxLayout()
        side.addWidget(self.gaps)
        side.addStretch(1)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.why)

    def show_measured(self, dataset_name: str, per_class: int) -> None:
        """The figures measured for this data set (by name) and samples per class."""
        self.dataset_name, self.per_class = dataset_name, per_class
        figures = self._measured()
        for row, variant in enumerate(VARIANTS):
            self.table.item(row, 2).setText(percent(figures.get(variant)))
        self._show_gaps()

    def clear_runs(self) -> None:
        """A new demo: nothing of the last one's models."""
        self.finished_runs = []
        for row in range(len(VARIANTS)):
            self.table.item(row, 1).setText("–")
        self._show_gaps()

    def add_run(self, run: VariantRun) -> None:
        """A model that finished (or stopped): its test accuracy, and the gaps it gives."""
        self.finished_runs.append(run)
        text = percent(run.test_accuracy)
        if run.status == "stopped":
            text = self.tr("%1 (stopped)").replace("%1", text)
        self.table.item(VARIANTS.index(run.variant), 1).setText(text)
        self._show_gaps()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(len(VARIANTS), 3)
        table.setObjectName("demoTable")
        table.setHorizontalHeaderLabels(
            [
                self.tr("Model"),
                self.tr("This demo"),
                self.tr("Measured (%1 seeds)").replace("%1", str(MEASURED_SEEDS)),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, variant in enumerate(VARIANTS):
            for column, text in enumerate((variant_title(variant), "–", "–")):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(right)
                table.setItem(row, column, item)
        table.setToolTip(self.tr("Test accuracy on the new classes' test images"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.resizeColumnsToContents()
        frame = 2 * table.frameWidth()
        table.setFixedHeight(header.sizeHint().height() + table.verticalHeader().length() + frame)
        table.setMinimumWidth(header.length() + frame + 24)
        return table

    def cell(self, variant: str, column: int) -> str:
        return self.table.item(VARIANTS.index(variant), column).text()

    def _measured(self) -> dict[str, float]:
        return measured(self.dataset_name, self.per_class) or {}

    def _this_demo(self) -> dict[str, float | None]:
        return {
            r.variant: r.test_accuracy for r in self.finished_runs if r.status != "stopped"
        }

    def _show_gaps(self) -> None:
        here, there = gaps_of(self._this_demo()), gaps_of(self._measured())
        lines = []
        for variant, name in (
            ("fine_tuned", self.tr("Fine-tuned − from scratch")),
            ("frozen", self.tr("Frozen − from scratch")),
        ):
            points = self.tr("%1 points")
            now = points.replace("%1", _points(here[variant])) if variant in here else "–"
            line = self.tr("%1: <b>%2</b> this time").replace("%1", name).replace("%2", now)
            if variant in there:
                line += "<br>&nbsp;&nbsp;&nbsp;" + self.tr("%1 measured over %2 seeds").replace(
                    "%1", points.replace("%1", _points(there[variant]))
                ).replace("%2", str(MEASURED_SEEDS))
            lines.append(line)
        self.gaps.setText("<br>".join(lines))
        self.gap_values = here

    def _why_text(self) -> str:
        return self.tr(
            "Why: the body learnt features that tell its first five classes apart. "
            "Fine-tuned, every layer starts from them and adapts to the new classes: no worse "
            "than from scratch, and far ahead when the new classes look like the old ones and "
            "images are few (the built-in shapes). Frozen, the new classes get only those "
            "features, and a small body learnt little else: on a different kind of image "
            "(shoes and bags after shirts and dresses) they fall behind training from scratch; "
            "on the same kind they help only when images are fewest. Large backbones "
            "pretrained on millions of varied photos (the Pretrained layers, e.g. MobileNetV3 "
            "on ImageNet) learnt features general enough to work frozen."
        )
