"""Copy, cut, paste and duplicate: the selected nodes and the edges among them travel through
the system clipboard as JSON, and come back under new ids (a mixin of the main window)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from widgets.document import CLIPBOARD_FORMAT

NODES_MIME = "application/x-netstudio-nodes"
PASTE_STEP = 40.0


class ClipboardEdits:
    """Needs from the window: document, scene, tr, delete_selection."""

    _paste_count = 0
    _last_paste = ""

    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        data = self.document.copy_data(ids)
        text = json.dumps(data)
        mime = QMimeData()
        mime.setData(NODES_MIME, text.encode("utf-8"))
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)
        self._paste_count = 0
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete_selection()

    def paste(self) -> list[str]:
        mime = QApplication.clipboard().mimeData()
        if mime is None:
            return []
        if mime.hasFormat(NODES_MIME):
            text = bytes(mime.data(NODES_MIME)).decode("utf-8")
        else:
            text = mime.text()
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, TypeError):
            return []
        if not isinstance(data, dict) or data.get("format") != CLIPBOARD_FORMAT:
            return []
        if text != self._last_paste:
            self._last_paste, self._paste_count = text, 0
        self._paste_count += 1
        step = PASTE_STEP * self._paste_count
        return self._paste(data, (step, step), self.tr("Paste"))

    def duplicate(self) -> list[str]:
        ids = self.scene.selected_node_ids()
        if not ids:
            return []
        return self._paste(
            self.document.copy_data(ids), (PASTE_STEP, PASTE_STEP), self.tr("Duplicate")
        )

    def _paste(self, data: dict, offset: tuple[float, float], text: str) -> list[str]:
        ids = self.document.paste_data(data, offset, text)
        if ids:
            self.scene.select_nodes(ids)
        return ids
