"""An autoencoder's results: test samples and the model's reconstructions of them, side by side
in rows of pairs, each with its error. A model that gives back its input has no classes, so
this takes the place of the predictions grid and the confusion matrix."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from studio.evaluation import Reconstructions
from widgets.i18n import dataset_title
from widgets.training.image_grid import draw_image
from widgets.training.images import sample_image
from widgets.training.predictions import lay_out_results_page, paint_sequence
from widgets.training.worker import RunOutcome

PICTURE = 64
GAP = 6
CELL = QSize(2 * PICTURE + 3 * GAP, PICTURE + 40)
SHOWN = 24
MUTED, BORDER = QColor("#6B7280"), QColor("#E3E6EB")
INPUT_COLOUR, OUTPUT_COLOUR = QColor("#2F6FEB"), QColor("#E8793A")


class PairGrid(QWidget):
    """Pairs (input | reconstruction) painted in rows, as many per row as fit."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reconstructionGrid")
        self.data: Reconstructions | None = None
        self.indices = np.zeros(0, dtype=np.int64)
        self._pictures: dict[tuple[str, int], object] = {}

    def set_pairs(self, data: Reconstructions | None, indices: np.ndarray) -> None:
        self.data, self.indices = data, indices
        self._pictures = {}
        self.updateGeometry()
        self.update()

    def columns(self, width: int | None = None) -> int:
        return max(1, ((width or self.width()) - GAP) // (CELL.width() + GAP))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = -(-len(self.indices) // self.columns(width))
        return GAP + rows * (CELL.height() + GAP)

    def sizeHint(self) -> QSize:
        return QSize(5 * (CELL.width() + GAP) + GAP, self.heightForWidth(600))

    def cell_rect(self, i: int) -> QRect:
        columns = self.columns()
        row, column = divmod(i, columns)
        used = columns * (CELL.width() + GAP) - GAP
        left = max(GAP, (self.width() - used) // 2)
        return QRect(
            left + column * (CELL.width() + GAP),
            GAP + row * (CELL.height() + GAP),
            CELL.width(),
            CELL.height(),
        )

    def picture(self, which: str, index: int):
        """The input or reconstruction of sample `index` as a QImage (None: not an image)."""
        key = (which, index)
        if key not in self._pictures:
            array = self.data.inputs if which == "input" else self.data.outputs
            self._pictures[key] = sample_image(array[index])
        return self._pictures[key]

    def paintEvent(self, event) -> None:
        if self.data is None:
            return
        p = QPainter(self)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        p.setFont(small)
        for i, index in enumerate(self.indices):
            rect = self.cell_rect(i)
            if rect.intersects(event.rect()):
                self._paint_pair(p, rect, int(index))
        p.end()

    def _paint_pair(self, p: QPainter, rect: QRect, index: int) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(BORDER, 1))
        p.setBrush(QColor("#FFFFFF"))
        p.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        top = rect.top() + GAP
        for n, (which, colour) in enumerate((("input", INPUT_COLOUR), ("output", OUTPUT_COLOUR))):
            box = QRect(rect.left() + GAP + n * (PICTURE + GAP), top, PICTURE, PICTURE)
            image = self.picture(which, index)
            if image is not None:
                p.fillRect(box, QColor("#000000"))
                draw_image(p, box, image)
            else:
                array = self.data.inputs if which == "input" else self.data.outputs
                paint_sequence(p, box, array[index], colour)
        line = p.fontMetrics().height()
        labels = QRect(rect.left() + GAP, top + PICTURE + 2, 2 * PICTURE + GAP, line)
        p.setPen(INPUT_COLOUR)
        p.drawText(labels, Qt.AlignmentFlag.AlignLeft, self.tr("input"))
        p.setPen(OUTPUT_COLOUR)
        p.drawText(labels, Qt.AlignmentFlag.AlignRight, self.tr("output"))
        p.setPen(MUTED)
        error = self.tr("error %1").replace("%1", f"{float(self.data.errors[index]):.4f}")
        p.drawText(labels.translated(0, line), Qt.AlignmentFlag.AlignCenter, error)


class ReconstructionsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.outcome: RunOutcome | None = None
        self.summary = QLabel(
            self.tr("Train an autoencoder to see test samples beside its reconstructions.")
        )
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.other = QPushButton(self.tr("Other samples"))
        self.other.setObjectName("reconstructionsOther")
        self.other.clicked.connect(self.next_page)
        self.grid = PairGrid()
        lay_out_results_page(self, self.summary, (self.other,), self.grid)
        self.page = 0

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        self.outcome, self.page = outcome, 0
        self.refresh()

    def next_page(self) -> None:
        self.page += 1
        self.refresh()

    def refresh(self) -> None:
        data = self.outcome.reconstructions if self.outcome is not None else None
        if data is None or not len(data.errors):
            self.grid.set_pairs(None, np.zeros(0, dtype=np.int64))
            self.other.setEnabled(False)
            if self.outcome is None:  # no run, or another project's: no earlier error figures
                self.summary.setText(
                    self.tr("Train an autoencoder to see test samples beside its reconstructions.")
                )
            return
        n = len(data.errors)
        pages = max(1, -(-n // SHOWN))
        start = (self.page % pages) * SHOWN
        self.other.setEnabled(pages > 1)
        self.grid.set_pairs(data, np.arange(start, min(n, start + SHOWN)))
        result = self.outcome.result
        text = self.tr(
            "Left: a test sample of %1; right: what the model rebuilds from it. Mean squared "
            "error on these %2: <b>%3</b>"
        )
        text = (
            text.replace("%1", dataset_title(self.outcome.data_title))
            .replace("%2", f"{n:,}")
            .replace("%3", f"{data.mean_error:.4f}")
        )
        if result.test_loss is not None:
            text += " · " + self.tr("test loss %1").replace("%1", f"{result.test_loss:.4f}")
        self.summary.setText(text)
