"""A few images of the user's image folder as the model will see them: at the model Input's
height × width, brought there by the data set's resize policy (centre-crop, stretch or pad).

The augmentation preview already reads a data set's images on a helper thread, at the size
training reads them (studio.augment.preview_images); this one shows those images alone, in
one row, without the augmentation's random draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from widgets.training.augment_preview import ROWS, AugmentPreview


class ResizePreview(AugmentPreview):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("resizePreview")
        self.shuffle.hide()
        self.grid.columns = ROWS
        self.grid.split_after = None
        self.grid.max_cell = 72
        self.grid.setObjectName("resizePreviewGrid")
        self.explain.setText(self.tr("As the model will see them"))

    def show_dataset(
        self,
        dataset: dict[str, Any],
        base_dir: Path | None,
        input_shape: tuple[int, ...] | None,
    ) -> None:
        """The project's data set settings, the folder of its file and the Input's shape, after
        any change: read and show the images again when one of them changed."""
        self.set_settings({}, dataset, base_dir, input_shape)

    def redraw(self) -> None:
        if self._stale:
            self._read_images()
            return
        if self.source is None:
            return
        self.originals = self.source.images
        _, _, height, width = self.originals.shape
        self.explain.setText(
            self.tr("As the model will see them: %1 × %2 pixels (height × width)")
            .replace("%1", str(height))
            .replace("%2", str(width))
        )
        self.grid.set_images(self.originals.numpy(), ROWS)
        self.redrawn.emit()
