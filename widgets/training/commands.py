"""The undo command for the project's training and data set settings.

Like the graph commands it only swaps values in the model; the Document announces the change
so the settings panel shows it, whether it came from an edit, an undo or a redo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from studio.project import Project

SETTINGS_ID = 3  # the graph commands use 1 and 2


class SetSettings(QUndoCommand):
    """Replace `project.<kind>` (kind: "training" or "dataset"); consecutive edits of the same
    settings merge, so stepping a spin box is one undo step."""

    def __init__(
        self,
        project: Project,
        kind: str,
        values: dict[str, Any],
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.project, self.kind, self.changed = project, kind, changed
        self.old = dict(getattr(project, kind))
        self.new = dict(values)
        self.keys = {k for k in self.new if self.new[k] != self.old.get(k)}

    def redo(self) -> None:
        setattr(self.project, self.kind, dict(self.new))
        self.changed()

    def undo(self) -> None:
        setattr(self.project, self.kind, dict(self.old))
        self.changed()

    def id(self) -> int:
        return SETTINGS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetSettings)
            or other.project is not self.project
            or other.kind != self.kind
            or other.keys != self.keys
        ):
            return False
        self.new = dict(other.new)
        return True
