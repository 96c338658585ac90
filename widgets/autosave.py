"""Autosave: a copy of the open project written every half minute while it has unsaved changes.

Each running window writes its own file and holds a lock beside it. A clean exit removes both;
after a crash the lock is stale, so the next start finds the file and offers it back.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from studio.files import atomic_write_text
from studio.project import Project, ProjectError, project_from_dict, read_json_file

PREFIX = "autosave-"
FORMAT = "netstudio-autosave"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Autosave", text)


@dataclass
class Recovered:
    file: Path
    project: Project
    source: Path | None
    """The project file the autosaved work belonged to, if it had been saved."""
    saved_at: datetime
    runs_key: str = ""
    """The runs folder of the work while it had no file (window.unsaved_runs_key)."""


class Autosave:
    """This window's autosave file."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / f"{PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self._lock = QLockFile(str(self.path) + ".lock")
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)

    def write(self, project: Project, source: Path | None, runs_key: str = "") -> None:
        data = {
            "format": FORMAT,
            "source": str(source) if source else None,
            "runs_key": runs_key,
            "project": project.to_dict(),
        }
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False))

    def discard(self) -> None:
        """Remove the autosave (nothing left to recover) but keep holding the lock."""
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit: the file and the lock go."""
        self.discard()
        self._lock.unlock()


def find_orphans(directory: Path) -> list[Path]:
    """Autosave files whose window is gone (no lock, or a stale one), newest first."""
    for lock_path in directory.glob(f"{PREFIX}*.json.lock"):
        # A window that crashed before it had anything to autosave leaves only its lock.
        if not Path(str(lock_path)[: -len(".lock")]).exists():
            lock = QLockFile(str(lock_path))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()  # removes the stale lock file
    found = []
    for path in directory.glob(f"{PREFIX}*.json"):
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        if lock.tryLock(0):
            lock.unlock()
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def read_autosave(path: Path) -> Recovered:
    """The autosave at `path`, read with the project file's bounds (size, nesting, NaN,
    duplicate keys): it lies in a folder that other programs can write to."""
    data = read_json_file(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(_tr("%1 is not a NetStudio autosave").replace("%1", path.name))
    project = project_from_dict(data.get("project"), where="autosave")
    source, runs_key = data.get("source"), data.get("runs_key")
    try:
        saved_at = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as exc:
        message = _tr("The autosave %1 cannot be read: %2")
        raise ProjectError(message.replace("%1", path.name).replace("%2", str(exc))) from None
    return Recovered(
        path,
        project,
        Path(source) if isinstance(source, str) and source else None,
        saved_at,
        runs_key if isinstance(runs_key, str) else "",
    )


def remove_orphans(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
        Path(str(path) + ".lock").unlink(missing_ok=True)
