"""The two dialogs of "Compare optimizers": choosing the optimizers before, and the table of
each run's final numbers after."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.settings import OPTIMIZER_VARIANTS
from widgets.training.optimizer_names import optimizer_hint, optimizer_title
from widgets.training.runs import RunInfo


class CompareDialog(QDialog):
    startRequested = Signal(list)  # the ticked optimizer keys

    def __init__(self, training: dict[str, Any], ticked: tuple[str, ...], parent: QWidget):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare Optimizers"))
        intro = QLabel(
            self.tr(
                "Trains the model once with each optimizer you tick, one after another, on the "
                "same data with the same starting weights. Their curves are laid over each other "
                "as they finish."
            )
        )
        intro.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for key in OPTIMIZER_VARIANTS:
            box = QCheckBox(optimizer_title(key) or key)
            box.setChecked(key in ticked)
            box.setToolTip(optimizer_hint(key))
            box.toggled.connect(self._update)
            hint = QLabel(optimizer_hint(key))
            hint.setObjectName("muted")
            hint.setContentsMargins(24, 0, 0, 4)
            hint.setWordWrap(True)
            self.boxes[key] = box
            layout.addWidget(box)
            layout.addWidget(hint)
        same = QLabel(
            self.tr(
                "Every run: %1 epochs, learning rate %2, seed %3; the other settings as in the "
                "Training panel. Plain SGD usually needs a larger learning rate than Adam: with "
                "the same one it learns slowly, which the curves will show."
            )
            .replace("%1", str(training["epochs"]))
            .replace("%2", f"{training['learning_rate']:g}")
            .replace("%3", str(training["seed"]))
        )
        same.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("trainingMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start"))
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(same)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update()

    def ticked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def _update(self, *args) -> None:
        count = len(self.ticked())
        self.start_button.setEnabled(count > 0)
        self.problem.setText("" if count else self.tr("Tick at least one optimizer."))
        self.start_button.setText(
            self.tr("Start %1 Runs").replace("%1", str(count)) if count > 1 else self.tr("Start")
        )

    def _start(self) -> None:
        keys = self.ticked()
        if keys:
            self.accept()
            self.startRequested.emit(keys)


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def _percent(value: Any) -> str:
    return f"{value * 100:.1f}%" if _finite(value) else "–"


def _number(value: Any) -> str:
    return f"{value:.4f}" if _finite(value) else "–"


class ComparisonTable(QDialog):
    """Each compared run's last epoch: training and validation loss and accuracy."""

    def __init__(self, runs: list[tuple[str, RunInfo]], stopped: bool, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("comparisonTable")
        self.setWindowTitle(self.tr("Optimizer Comparison"))
        headers = [
            self.tr("Optimizer"),
            self.tr("Epochs"),
            self.tr("Training loss"),
            self.tr("Validation loss"),
            self.tr("Training accuracy"),
            self.tr("Validation accuracy"),
            self.tr("Test accuracy"),
        ]
        self.table = QTableWidget(len(runs), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, (title, run) in enumerate(runs):
            last = run.history[-1] if run.history else {}
            name = (
                title if run.status != "stopped" else self.tr("%1 (stopped)").replace("%1", title)
            )
            cells = [
                name,
                str(run.epochs),
                _number(last.get("loss")),
                _number(last.get("val_loss")),
                _percent(last.get("accuracy")),
                _percent(last.get("val_accuracy")),
                _percent(run.test_accuracy),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(right)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Big enough to show every cell: a handful of rows needs no scroll bars.
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumWidth(header.length() + frame + 2)
        self.table.setFixedHeight(
            header.sizeHint().height() + self.table.verticalHeader().length() + frame + 2
        )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        heading = QLabel(self.tr("The last epoch of each run:"))
        self.note = note = QLabel(
            self.tr("Stopped: the runs that finished are kept, and laid over the plots.")
            if stopped
            else self.tr("All runs are kept in the Runs tab and laid over the plots.")
        )
        note.setWordWrap(True)
        if not any(r.history and r.history[-1].get("val_loss") is not None for _, r in runs):
            note.setText(
                note.text()
                + " "
                + self.tr(
                    "Set a validation split to compare on data the models did not learn from."
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.adjustSize()

    def cell(self, row: int, column: int) -> str:
        return self.table.item(row, column).text()
