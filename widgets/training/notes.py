"""The training panel's notes: what a run said along the way (a stand-in data set, a streamed
folder, a failure), newest last.

One slot that each note overwrites lost the data set fallback under the next note; here they
stack, up to MAX_NOTES, and stay until the next run starts. The panel keeps this list below its
settings, so that a note appearing never moves a field the user is about to click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

MAX_NOTES = 4
NOTE, ERROR = "note", "error"


class NotesList(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("trainingNotes")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 12, 8)
        self._layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.hide()

    def add(self, text: str, kind: str = NOTE) -> None:
        """Add a note under the others; the oldest goes when there are more than MAX_NOTES.
        The same note twice in a row is shown once."""
        if self.labels and self.labels[-1].text() == text:
            return
        label = QLabel(text)
        label.setObjectName("trainingMessage")
        label.setProperty("kind", kind)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(label)
        self.labels.append(label)
        while len(self.labels) > MAX_NOTES:
            old = self.labels.pop(0)
            self._layout.removeWidget(old)
            old.deleteLater()
        self.show()

    def clear(self) -> None:
        for label in self.labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.labels = []
        self.hide()

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]

    def kinds(self) -> list[str]:
        return [label.property("kind") for label in self.labels]

    def text(self) -> str:
        """Every note, oldest first, one a line (what scripts print when a run fails)."""
        return "\n".join(self.texts())
