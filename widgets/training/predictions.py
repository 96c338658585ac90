"""Sample predictions: a grid of test samples with the predicted class, its confidence and the
true class, mistakes highlighted. Painted as one widget: a grid of 60 QLabels would cost more
to lay out than to draw.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from widgets.i18n import class_names, dataset_title
from widgets.training.images import sample_image
from widgets.training.panel import format_percent
from widgets.training.worker import RunOutcome

CELL = QSize(104, 112)
WIDEST_CELL = 168  # wider than this, a class name is elided (the tooltip has it whole)
PICTURE = 60
GAP = 6
SHOWN = 60
RIGHT, WRONG = QColor("#15803D"), QColor("#DC2626")
MUTED, BORDER = QColor("#6B7280"), QColor("#E3E6EB")
WRONG_FILL, WRONG_BORDER = QColor("#FDECEC"), QColor("#F2A7A7")
LINE = QColor("#2F6FEB")


class PredictionGrid(QWidget):
    sampleActivated = Signal(int)  # index into the test set

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("predictionGrid")
        self.setMouseTracking(True)
        self.outcome: RunOutcome | None = None
        self.indices: np.ndarray = np.zeros(0, dtype=np.int64)
        self._classes: list[str] = []
        self._pictures: dict[int, object] = {}
        self.cell = QSize(CELL)

    def set_samples(self, outcome: RunOutcome | None, indices: np.ndarray) -> None:
        self.outcome, self.indices = outcome, indices
        self._classes = class_names(outcome.classes, outcome.data_title) if outcome else []
        self._pictures = {}
        self.cell = QSize(self._cell_width(), CELL.height())
        self.updateGeometry()
        self.update()

    def _cell_width(self) -> int:
        """Wide enough for the longest class name and its confidence ("Ankle boot  97%"),
        within WIDEST_CELL."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(f"{c}  100%") for c in self._classes), default=0)
        return max(CELL.width(), min(WIDEST_CELL, widest + 10))

    def columns(self) -> int:
        return max(1, (self.width() - GAP) // (self.cell.width() + GAP))

    def left_margin(self) -> int:
        """Centre the grid: what is left of the width after the columns, split in two."""
        used = self.columns() * (self.cell.width() + GAP) - GAP
        return max(GAP, (self.width() - used) // 2)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        columns = max(1, (width - GAP) // (self.cell.width() + GAP))
        rows = -(-len(self.indices) // columns)
        return GAP + rows * (self.cell.height() + GAP)

    def sizeHint(self) -> QSize:
        return QSize(6 * (self.cell.width() + GAP) + GAP, self.heightForWidth(600))

    def cell_rect(self, i: int) -> QRect:
        row, column = divmod(i, self.columns())
        return QRect(
            self.left_margin() + column * (self.cell.width() + GAP),
            GAP + row * (self.cell.height() + GAP),
            self.cell.width(),
            self.cell.height(),
        )

    def cell_at(self, pos) -> int | None:
        for i in range(len(self.indices)):
            if self.cell_rect(i).contains(pos):
                return i
        return None

    def paintEvent(self, event) -> None:
        if self.outcome is None or self.outcome.evaluation is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold, small = QFont(self.font()), QFont(self.font())
        bold.setBold(True)
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        for i in range(len(self.indices)):
            rect = self.cell_rect(i)
            if rect.intersects(event.rect()):
                self._paint_cell(painter, rect, int(self.indices[i]), bold, small)
        painter.end()

    def _paint_cell(self, p: QPainter, rect: QRect, index: int, bold: QFont, small: QFont) -> None:
        ev, classes = self.outcome.evaluation, self._classes
        predicted, truth = int(ev.predicted[index]), int(ev.truth[index])
        wrong = predicted != truth
        p.setPen(QPen(WRONG_BORDER if wrong else BORDER, 1.5 if wrong else 1))
        p.setBrush(WRONG_FILL if wrong else QColor("#FFFFFF"))
        p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        picture = QRect(rect.center().x() - PICTURE // 2, rect.top() + 6, PICTURE, PICTURE)
        self._paint_sample(p, picture, index)
        text = rect.adjusted(4, PICTURE + 8, -4, 0)
        line = text.height() // 2 - 1
        p.setFont(bold)
        p.setPen(WRONG if wrong else RIGHT)
        # The class name gives way, never the confidence.
        percent = f"  {ev.confidence[index] * 100:.0f}%"
        room = text.width() - p.fontMetrics().horizontalAdvance(percent)
        name = p.fontMetrics().elidedText(
            _name(classes, predicted), Qt.TextElideMode.ElideRight, room
        )
        p.drawText(
            QRect(text.left(), text.top(), text.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            name + percent,
        )
        p.setFont(small)
        p.setPen(MUTED)
        true_text = self.tr("true: %1").replace("%1", _name(classes, truth))
        elided = p.fontMetrics().elidedText(true_text, Qt.TextElideMode.ElideRight, text.width())
        p.drawText(
            QRect(text.left(), text.top() + line, text.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            elided,
        )

    def _paint_sample(self, p: QPainter, box: QRect, index: int) -> None:
        sample = self.outcome.x_test[index].numpy()
        if index not in self._pictures:
            self._pictures[index] = sample_image(sample) if self.outcome.is_image else None
        image = self._pictures[index]
        if image is not None:
            # Whole multiples keep small images crisp; big ones are scaled down smoothly.
            scale = max(1, PICTURE // max(image.width(), image.height()))
            w, h = image.width() * scale, image.height() * scale
            if scale == 1 and max(image.width(), image.height()) > PICTURE:
                image = image.scaled(
                    PICTURE,
                    PICTURE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                w, h = image.width(), image.height()
            target = QRect(box.center().x() - w // 2 + 1, box.center().y() - h // 2 + 1, w, h)
            p.drawImage(target, image)
        else:
            paint_sequence(p, box, sample)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.outcome is not None:
            i = self.cell_at(event.pos())
            if i is not None:
                QToolTip.showText(event.globalPos(), self._describe(int(self.indices[i])), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        i = self.cell_at(event.position().toPoint())
        if i is not None:
            self.sampleActivated.emit(int(self.indices[i]))

    def _describe(self, index: int) -> str:
        ev, classes = self.outcome.evaluation, self._classes
        return (
            self.tr("Test sample %1").replace("%1", str(index))
            + "\n"
            + self.tr("Predicted: %1 (%2)")
            .replace("%1", _name(classes, int(ev.predicted[index])))
            .replace("%2", format_percent(float(ev.confidence[index])))
            + "\n"
            + self.tr("True: %1").replace("%1", _name(classes, int(ev.truth[index])))
            + "\n"
            + self.tr("Click to see its activations.")
        )


def _name(classes: list[str], index: int) -> str:
    return classes[index] if 0 <= index < len(classes) else str(index)


def paint_sequence(p: QPainter, box: QRect, sample: np.ndarray, colour: QColor = LINE) -> None:
    """A sequence (time × features) or a feature vector as a small line drawing."""
    a = np.asarray(sample, dtype=np.float32)
    a = a.reshape(a.shape[0], -1)[:, 0] if a.ndim > 1 else a
    if len(a) < 2:
        return
    lo, hi = float(a.min()), float(a.max())
    span = hi - lo or 1.0
    path = QPainterPath()
    for i, v in enumerate(a):
        point = QPointF(
            box.left() + i * box.width() / (len(a) - 1),
            box.bottom() - (v - lo) / span * box.height(),
        )
        path.moveTo(point) if i == 0 else path.lineTo(point)
    p.setPen(QPen(colour, 1.3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def lay_out_results_page(
    host: QWidget, summary: QWidget, controls: tuple[QWidget, ...], body: QWidget, scroll=True
) -> None:
    """A result tab's page: a summary line with its controls on the right, the body below
    (in a scroll area unless it fits itself to the space)."""
    top = QHBoxLayout()
    top.addWidget(summary, 1)
    for control in controls:
        top.addWidget(control)
    if scroll:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(body)
        area.setObjectName("predictionsScroll")
        body = area
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 6, 8, 4)
    layout.addLayout(top)
    layout.addWidget(body, 1)


class PredictionsView(QWidget):
    """The grid with its choices: all samples, only mistakes, or the least confident."""

    sampleActivated = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.outcome: RunOutcome | None = None
        self.summary = QLabel(self.tr("Train the model to see its predictions on test samples."))
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("predictionsFilter")
        for text, key in (
            (self.tr("All samples"), "all"),
            (self.tr("Mistakes only"), "wrong"),
            (self.tr("Least confident"), "unsure"),
        ):
            self.show_combo.addItem(text, key)
        self.show_combo.currentIndexChanged.connect(lambda i: self.refresh())
        self.shuffle = QPushButton(self.tr("Other samples"))
        self.shuffle.clicked.connect(self._shuffle)
        self.grid = PredictionGrid()
        self.grid.sampleActivated.connect(self.sampleActivated)
        lay_out_results_page(self, self.summary, (self.show_combo, self.shuffle), self.grid)
        self._seed = 0

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        self.outcome = outcome
        self._seed = 0
        self.refresh()

    def _shuffle(self) -> None:
        self._seed += 1
        self.refresh()

    def order(self) -> np.ndarray:
        ev = self.outcome.evaluation
        n = len(ev.truth)
        key = self.show_combo.currentData()
        if key == "wrong":
            candidates = np.flatnonzero(ev.predicted != ev.truth)
        elif key == "unsure":
            return np.argsort(ev.confidence, kind="stable")[self._seed * SHOWN :][:SHOWN]
        else:
            candidates = np.arange(n)
        if self._seed:  # "other samples": a different random page each time
            candidates = np.random.default_rng(self._seed).permutation(candidates)
        return candidates[:SHOWN]

    def refresh(self) -> None:
        outcome = self.outcome
        if outcome is None or outcome.evaluation is None:
            self.grid.set_samples(None, np.zeros(0, dtype=np.int64))
            self.summary.setText(
                self.tr("This model does not classify, so there are no class predictions to show.")
                if outcome is not None
                else self.tr("Train the model to see its predictions on test samples.")
            )
            return
        ev = outcome.evaluation
        mistakes = int((ev.predicted != ev.truth).sum())
        self.summary.setText(
            self.tr("<b>%1</b> right on %2 test samples of %3 · %4 mistakes")
            .replace("%1", format_percent(ev.accuracy))
            .replace("%2", f"{len(ev.truth):,}")
            .replace("%3", dataset_title(outcome.data_title))
            .replace("%4", f"{mistakes:,}")
        )
        self.grid.set_samples(outcome, self.order())
