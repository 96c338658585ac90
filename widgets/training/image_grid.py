"""A grid of small images painted as one widget (generated samples, augmented samples), and
the helper that draws one image into a box."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from widgets.training.images import sample_image

BACKGROUND = QColor("#F7F8FA")
FRAME = QColor("#E3E6EB")


def draw_image(p: QPainter, box: QRect, image: QImage) -> None:
    """`image` filling `box` (aspect kept): enlarged pixel by pixel, so small images stay
    crisp, and shrunk smoothly."""
    size = image.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    w, h = size.width(), size.height()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, w < image.width())
    p.drawImage(QRect(box.center().x() - w // 2 + 1, box.center().y() - h // 2 + 1, w, h), image)


class ImageGrid(QWidget):
    """uint8 images (N, C, H, W) in rows of `columns`, each cell as large as the widget allows
    (between `min_cell` and `max_cell` pixels). `split_after` draws a wider gap after that
    column (an original, then its augmented versions)."""

    def __init__(self, columns: int = 8, min_cell: int = 28, max_cell: int = 84) -> None:
        super().__init__()
        self.columns = columns
        # Fit the columns to the widget's shape (a wide, low area gets more columns), instead
        # of keeping `columns` (for grids whose rows mean something).
        self.fit_columns = False
        self.min_cell, self.max_cell = min_cell, max_cell
        self.gap = 3
        self.split_after: int | None = None
        self.images: np.ndarray = np.zeros((0, 1, 1, 1), dtype=np.uint8)
        self._pictures: list[QImage | None] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_images(self, images: np.ndarray | None, columns: int | None = None) -> None:
        self.images = (
            np.zeros((0, 1, 1, 1), dtype=np.uint8) if images is None else np.asarray(images)
        )
        if columns is not None:
            self.columns = max(1, columns)
        self._pictures = [sample_image(a) for a in self.images]
        self._fit()
        self.updateGeometry()
        self.update()

    def rows(self) -> int:
        return -(-len(self.images) // self.columns)

    def _extra(self) -> int:
        return 3 * self.gap if self.split_after is not None else 0

    def cell_for(self, width: int, height: int | None = None) -> int:
        """The cell size that fits `width` (and `height`, when given)."""
        across = (width - self._extra() - self.gap * (self.columns + 1)) // self.columns
        if height is not None and self.rows():
            across = min(across, (height - self.gap * (self.rows() + 1)) // self.rows())
        across = max(self.min_cell, min(self.max_cell, across))
        side = max(self.images.shape[-2:]) if len(self.images) else 0
        if side and across >= 2 * side:
            across -= across % side  # a whole zoom: every pixel the same size
        return across

    def hasHeightForWidth(self) -> bool:
        return not self.fit_columns  # fitted grids fill the height they are given

    def heightForWidth(self, width: int) -> int:
        return self.gap + self.rows() * (self.cell_for(width) + self.gap)

    def sizeHint(self) -> QSize:
        width = self.columns * (self.max_cell + self.gap) + self.gap + self._extra()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self.columns * (self.min_cell + self.gap) + self.gap + self._extra()
        return QSize(width, self.gap + self.rows() * (self.min_cell + self.gap))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.fit_columns and len(self.images):
            # The largest cells; among equals, the fewest columns (a squarer grid).
            self.columns = max(
                range(1, len(self.images) + 1), key=lambda c: (self._cell_with(c), -c)
            )

    def _cell_with(self, columns: int) -> int:
        kept, self.columns = self.columns, columns
        try:
            return self.cell_for(self.width(), self.height())
        finally:
            self.columns = kept

    def cell_rect(self, i: int) -> QRect:
        cell = self.cell_for(self.width(), self.height())
        row, column = divmod(i, self.columns)
        used = self.columns * (cell + self.gap) - self.gap + self._extra()
        left = max(self.gap, (self.width() - used) // 2)
        x = left + column * (cell + self.gap)
        if self.split_after is not None and column > self.split_after:
            x += self._extra()
        return QRect(x, self.gap + row * (cell + self.gap), cell, cell)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        for i, picture in enumerate(self._pictures):
            rect = self.cell_rect(i)
            if not rect.intersects(event.rect()):
                continue
            p.fillRect(rect, QColor("#000000") if picture is not None else BACKGROUND)
            if picture is not None:
                draw_image(p, rect, picture)
        p.end()
