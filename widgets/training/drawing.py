"""Draw with the mouse and watch the trained model's prediction change as you draw.

The drawing is white on black, as MNIST and the built-in shapes are, and is shrunk to the data
set's image size. By default it is first cropped, scaled into the central 20×20 of 28×28 and
centred by its centre of mass: how MNIST's digits were prepared, so a digit drawn small or off
to one side is still read.
"""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from studio.evaluation import class_probabilities, ends_in_probabilities, predict
from widgets.i18n import class_names, dataset_title
from widgets.training.images import gray_image
from widgets.training.worker import RunOutcome

PAD = 252
PEN = 20
FILL = 20 / 28  # MNIST: the digit fits in 20×20 of the 28×28 frame
PREDICT_DELAY_MS = 25


def image_array(image: QImage) -> np.ndarray:
    """A Grayscale8 QImage as a (H, W) uint8 array (a copy)."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    ptr = image.constBits()
    rows = np.frombuffer(ptr, np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width()].copy()


def _scaled(a: np.ndarray, w: int, h: int) -> np.ndarray:
    image = gray_image(a).scaled(
        w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return image_array(image)


def to_model_input(drawing: np.ndarray, shape: tuple[int, ...], center: bool) -> np.ndarray:
    """The drawing (H, W) uint8 as one sample of `shape` (C, H, W) uint8."""
    channels, height, width = shape
    if not center:
        small = _scaled(drawing, width, height)
    else:
        small = np.zeros((height, width), np.uint8)
        ys, xs = np.nonzero(drawing > 16)
        if len(ys):
            crop = drawing[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
            scale = FILL * min(height, width) / max(crop.shape)
            h = max(1, min(height, round(crop.shape[0] * scale)))
            w = max(1, min(width, round(crop.shape[1] * scale)))
            box = _scaled(crop, w, h).astype(np.float64)
            total = box.sum() or 1.0
            cy = (box.sum(axis=1) * np.arange(h)).sum() / total
            cx = (box.sum(axis=0) * np.arange(w)).sum() / total
            top = int(np.clip(round(height / 2 - 0.5 - cy), 0, height - h))
            left = int(np.clip(round(width / 2 - 0.5 - cx), 0, width - w))
            small[top : top + h, left : left + w] = box.astype(np.uint8)
    return np.repeat(small[None], channels, axis=0)


class SketchPad(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sketchPad")
        self.setFixedSize(PAD, PAD)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.image = QImage(PAD, PAD, QImage.Format.Format_Grayscale8)
        self.clear()
        self._last: QPointF | None = None

    def clear(self) -> None:
        self.image.fill(0)
        self.update()
        self.changed.emit()

    def array(self) -> np.ndarray:
        return image_array(self.image)

    def stroke(self, a: QPointF, b: QPointF) -> None:
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(
                QColor(255, 255, 255),
                PEN,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.drawLine(a, b)
        painter.end()
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event) -> None:
        self._last = event.position()
        self.stroke(self._last, self._last)

    def mouseMoveEvent(self, event) -> None:
        if self._last is not None:
            point = event.position()
            self.stroke(self._last, point)
            self._last = point

    def mouseReleaseEvent(self, event) -> None:
        self._last = None

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.end()


class ProbabilityBars(QWidget):
    """One bar per class, the most likely highlighted."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str] = []
        self.probabilities = np.zeros(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_values(self, classes: list[str], probabilities: np.ndarray) -> None:
        self.classes, self.probabilities = classes, probabilities
        self.update()

    def name_width(self) -> int:
        """Room for the class names: the longest one (bold), up to 40 % of the width; a name
        longer than that is elided, and the tooltip of its row has it whole."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(c) for c in self.classes), default=60)
        return max(60, min(widest + 4, int(self.width() * 0.4)))

    def row_height(self) -> int:
        return min(24, self.height() // max(1, len(self.probabilities)))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and len(self.probabilities):
            i = event.pos().y() // max(1, self.row_height())
            if 0 <= i < len(self.probabilities):
                name = self.classes[i] if i < len(self.classes) else str(i)
                text = f"{name}: {float(self.probabilities[i]) * 100:.1f}%"
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(320, 22 * max(1, len(self.classes)))

    def paintEvent(self, event) -> None:
        if not len(self.probabilities):
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = self.row_height()
        name_w, pct_w = self.name_width(), 52
        bar_w = max(20, self.width() - name_w - pct_w - 16)
        best = int(np.argmax(self.probabilities))
        for i, value in enumerate(self.probabilities):
            y = i * row
            name = self.classes[i] if i < len(self.classes) else str(i)
            p.setPen(QColor("#1F2937" if i == best else "#4B5563"))
            font = p.font()
            font.setBold(i == best)
            p.setFont(font)
            p.drawText(
                QRect(0, y, name_w, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                p.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, name_w),
            )
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#EEF1F5"))
            p.drawRoundedRect(name_w + 8, y + row // 4, bar_w, row // 2, 3, 3)
            p.setBrush(QColor("#2F6FEB" if i == best else "#9DB4E0"))
            p.drawRoundedRect(
                name_w + 8, y + row // 4, max(2, round(bar_w * float(value))), row // 2, 3, 3
            )
            p.setPen(QColor("#4B5563"))
            p.drawText(
                QRect(name_w + 12 + bar_w, y, pct_w, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{float(value) * 100:.0f}%",
            )
        p.end()


class DrawingView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.outcome: RunOutcome | None = None
        self.probabilities: np.ndarray | None = None
        self._already = True
        self.pad = SketchPad()
        self.pad.changed.connect(self._schedule)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREDICT_DELAY_MS)
        self.timer.timeout.connect(self.predict_now)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        self.center = QCheckBox(self.tr("Centre and scale the drawing"))
        self.center.setChecked(True)
        self.center.toggled.connect(self._schedule)
        self.preview = QLabel()
        self.preview.setFixedSize(84, 84)
        self.preview.setToolTip(self.tr("What the model sees"))
        self.answer = QLabel()
        self.answer.setObjectName("drawingAnswer")
        self.answer.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.message = QLabel(self.tr("Train an image classifier, then draw here."))
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.pad)
        row = QHBoxLayout()
        row.addWidget(clear)
        row.addWidget(self.center, 1)
        left.addLayout(row)
        seen = QHBoxLayout()
        seen.addWidget(self.preview)
        seen.addWidget(QLabel(self.tr("What the model sees")), 1)
        left.addLayout(seen)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.answer)
        right.addWidget(self.bars, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(16)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.set_outcome(None)

    @staticmethod
    def usable(outcome: RunOutcome | None) -> bool:
        return (
            outcome is not None
            and outcome.evaluation is not None
            and outcome.is_image
            and outcome.x_test.dim() == 4
        )

    def set_outcome(self, outcome: RunOutcome | None) -> None:
        self.outcome = outcome
        ok = self.usable(outcome)
        self.pad.setEnabled(ok)
        if outcome is not None:
            # The data set the model learnt from, by name: its samples are what the drawing
            # is made to look like.
            self.center.setText(
                self.tr("Centre and scale like the %1 images").replace(
                    "%1", dataset_title(outcome.data_title)
                )
            )
        else:
            self.center.setText(self.tr("Centre and scale the drawing"))
        if ok:
            self._already = ends_in_probabilities(outcome.project.graph)
            self.message.setText(self.tr("Draw with the mouse; the prediction follows."))
            self._schedule()
        elif outcome is not None:
            self.message.setText(
                self.tr("Drawing needs a model that classifies images; this one does not.")
            )
            self.bars.set_values([], np.zeros(0))
            self.answer.clear()

    def _schedule(self) -> None:
        if self.usable(self.outcome) and self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule()

    def predict_now(self) -> np.ndarray | None:
        """Predict the drawing at once; returns the class probabilities."""
        self.timer.stop()
        outcome = self.outcome
        if not self.usable(outcome):
            return None
        shape = tuple(outcome.x_test.shape[1:])
        sample = to_model_input(self.pad.array(), shape, self.center.isChecked())
        self.preview.setPixmap(_preview(sample))
        x = torch.from_numpy(sample[None])
        outputs = predict(outcome.model, x, outcome.input_shape)
        probs = class_probabilities(outputs, already=self._already)[0]
        self.probabilities = probs
        classes = class_names(outcome.classes, outcome.data_title)
        self.bars.set_values(classes, probs)
        if sample.max() == 0:
            self.answer.setText(self.tr("Draw something: an empty picture is a guess."))
        else:
            best = int(np.argmax(probs))
            name = classes[best] if best < len(classes) else str(best)
            self.answer.setText(
                self.tr("It looks like <b>%1</b> (%2)")
                .replace("%1", name)
                .replace("%2", f"{probs[best] * 100:.0f}%")
            )
        return probs


def _preview(sample: np.ndarray) -> QPixmap:
    image = gray_image(sample[0]).scaled(
        84, 84, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )
    return QPixmap.fromImage(image)
