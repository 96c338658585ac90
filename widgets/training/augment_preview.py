"""A live preview of the augmentation settings: a few training images of the project's data set,
each beside random draws of the augmentation, made by the engine's own functions
(studio.augment), so what is shown is what training does.

The images are read once per data set on a helper thread (a downloaded set takes a moment to
read); redrawing after a setting changes waits until the edits pause (debounced), and only a
visible preview does any of this.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.augment import (
    FAILED,
    NO_PATH,
    NOT_DOWNLOADED,
    NOT_IMAGES,
    PreviewImages,
    augment_preview,
    preview_images,
)
from studio.data import list_datasets
from widgets.i18n import dataset_title, tr_error, tr_message
from widgets.training.image_grid import ImageGrid

ROWS = 4  # training images shown
DRAWS = 4  # augmented versions of each
DEBOUNCE_MS = 150
POLL_MS = 40
AUGMENTATION_KEYS = ("aug_rotation", "aug_shift", "aug_flip", "aug_crop", "aug_noise")

# One reader for every preview: reading a data set is rare, and never needs two threads.
_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="augment-preview")
_cache: dict[str, PreviewImages] = {}


class AugmentPreview(QWidget):
    redrawn = Signal()  # after the grid shows new images (tests wait for it)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("augmentPreview")
        self.settings: dict[str, Any] = {}
        self.dataset: dict[str, Any] = {}
        # The project file's folder, which relative data set paths start from (as training's
        # do); None for an unsaved project.
        self.base_dir: Path | None = None
        self.input_shape: tuple[int, ...] | None = None
        self.source: PreviewImages | None = None
        self.originals: torch.Tensor | None = None  # uint8 (ROWS, C, H, W)
        self.augmented: torch.Tensor | None = None  # uint8 (ROWS, DRAWS, C, H, W)
        self.draw_seed = 0
        self._pending: tuple[str, Future] | None = None
        self._stale = True  # the data set changed: its images must be read again

        self.explain = QLabel(
            self.tr(
                "Each row: a training image, then %1 random draws of it as training sees them."
            ).replace("%1", str(DRAWS))
        )
        self.explain.setObjectName("muted")
        self.explain.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("augmentPreviewNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.grid = ImageGrid(columns=1 + DRAWS, min_cell=28, max_cell=56)
        self.grid.split_after = 0
        self.grid.setObjectName("augmentPreviewGrid")
        self.shuffle = QPushButton(self.tr("Shuffle"))
        self.shuffle.setObjectName("augmentShuffle")
        self.shuffle.setToolTip(self.tr("New random draws of the augmentation"))
        self.shuffle.clicked.connect(self.new_draws)
        row = QHBoxLayout()
        row.addWidget(self.explain, 1)
        row.addWidget(self.shuffle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 2)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.grid)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.redraw)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._check_reader)

    # From the form ----------------------------------------------------------------------------

    def set_settings(
        self,
        training: dict[str, Any],
        dataset: dict[str, Any],
        base_dir: Path | None = None,
        input_shape: tuple[int, ...] | None = None,
    ) -> None:
        """The project's settings, after any change, the folder of its file (None while it has
        none) and the shape the model's Input takes (an image folder is shown at its size):
        redraw if the augmentation, the data set or the Input changed."""
        augmentation = {k: training.get(k) for k in AUGMENTATION_KEYS}
        if (dataset, base_dir, input_shape) != (self.dataset, self.base_dir, self.input_shape):
            self.dataset, self.base_dir = dict(dataset), base_dir
            self.input_shape = input_shape
            self._stale = True
        elif augmentation == self.settings:
            return
        self.settings = augmentation
        self._schedule()

    def new_draws(self) -> None:
        self.draw_seed += 1
        self.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule()

    def _schedule(self) -> None:
        if self.isVisible():
            self.debounce.start()

    # Drawing ----------------------------------------------------------------------------------

    def redraw(self) -> None:
        if self._stale:
            self._read_images()
            return
        if self.source is None:
            return
        self.originals = self.source.images
        self.augmented = augment_preview(self.originals, self.settings, DRAWS, self.draw_seed)
        # Row by row: the original, then its draws.
        cells = torch.cat([self.originals[:, None], self.augmented], dim=1)
        self.grid.set_images(cells.reshape(-1, *cells.shape[2:]).numpy(), 1 + DRAWS)
        self.redrawn.emit()

    def _key(self) -> str:
        # The same relative path names other images beside another project file.
        return json.dumps(
            [self.dataset, str(self.base_dir), self.input_shape], sort_keys=True, default=str
        )

    def _read_images(self) -> None:
        key = self._key()
        if key in _cache:
            self._show_source(_cache[key])
            return
        if self._pending is not None and self._pending[0] == key:
            return
        self._pending = (
            key,
            _reader.submit(
                preview_images,
                dict(self.dataset),
                ROWS,
                base_dir=self.base_dir,
                input_shape=self.input_shape,
            ),
        )
        self.note.setText(self.tr("Reading a few images of %1…").replace("%1", self._title()))
        self.note.show()
        self.poll.start()

    def _check_reader(self) -> None:
        if self._pending is None:
            self.poll.stop()
            return
        key, future = self._pending
        if not future.done():
            return
        self.poll.stop()
        self._pending = None
        try:
            source = future.result()
        except Exception as exc:  # reading images must never break the settings form
            reason = tr_error(exc) or type(exc).__name__
            self.note.setText(self.tr("The images cannot be read: %1").replace("%1", reason))
            return
        _cache[key] = source
        if key == self._key():
            self._show_source(source)
        else:  # the data set changed meanwhile
            self._read_images()

    def _show_source(self, source: PreviewImages) -> None:
        self.source, self._stale = source, False
        note = self._stand_in_note(source)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.redraw()

    def _title(self) -> str:
        name = self.dataset.get("name") or ""
        info = next((i for i in list_datasets() if i.name == name), None)
        return dataset_title(info.title) if info else name

    def _stand_in_note(self, source: PreviewImages) -> str:
        reason = source.stand_in_reason
        if reason is None:
            return ""
        title = self._title()
        if reason == NOT_DOWNLOADED:
            text = self.tr("%1 is not downloaded yet: showing the built-in synthetic shapes.")
        elif reason == NOT_IMAGES:
            text = self.tr(
                "%1 holds no images, and augmentation changes images only (training skips it "
                "here): showing the built-in synthetic shapes."
            )
        elif reason == NO_PATH:
            text = self.tr(
                "Choose the image folder to see its images; meanwhile, the built-in synthetic "
                "shapes."
            )
        elif reason == FAILED:
            text = self.tr("%1 cannot be read (%2): showing the built-in synthetic shapes.")
            text = text.replace("%2", tr_message(source.detail))
        else:
            text = self.tr("Showing the built-in synthetic shapes.")
        return text.replace("%1", title)

    def shown_images(self) -> np.ndarray:
        """What the grid paints, row by row (for tests)."""
        return self.grid.images
