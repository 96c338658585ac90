"""A run folder, written by one run at a time and true from the run's first second.

Before the first batch the folder holds the project as trained and the run record (`run.json`:
data set and its options, limits, seed, settings, device, NetStudio's version, status
`running`). After every epoch the weights, the checkpoint and the metrics are replaced
atomically; at the end the record says `finished`, `stopped`, `early-stopped` or `failed`, with
the message. So a run killed at any moment can be resumed, exported and looked at, losing at
most the epoch in progress.

A lock file (`run.lock`, holding the owner's process id and host) keeps a second run out of a
folder in use; a lock left by a process that no longer exists is taken over, with a note.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio import __version__
from studio.errors import StudioError
from studio.files import atomic_write_text
from studio.messages import msg
from studio.project import Project, read_json_file, save_project
from studio.runs.layout import (
    CHECKPOINT_FILE,
    LOCK_FILE,
    METRICS_FILE,
    PROJECT_FILE,
    RECORD_FILE,
    WEIGHTS_FILE,
    RunError,
)

if TYPE_CHECKING:
    import torch

RUNNING, FINISHED, STOPPED, EARLY_STOPPED, FAILED = (
    "running", "finished", "stopped", "early-stopped", "failed"
)
# What a record says while its run is alive, but whose lock shows the process is gone.
INTERRUPTED = "interrupted"
# Room a checkpoint needs beyond its tensors: the project, the history, the file formats.
_SPACE_MARGIN = 1 << 20


class RunInUseError(RunError):
    """Another live run writes into the folder."""


def write_failure(path: Path, exc: OSError) -> RunError:
    """A plain message for a file that could not be written (full disk, read-only folder)."""
    reason = {
        errno.ENOSPC: msg("the disk is full"),
        errno.EDQUOT: msg("the disk quota is used up"),
        errno.EROFS: msg("the folder is read-only"),
        errno.EACCES: msg("permission denied"),
        errno.EPERM: msg("permission denied"),
    }.get(exc.errno, exc.strerror or type(exc).__name__)
    return RunError(
        msg("Cannot write {path}: {reason}. Free some space or choose another output folder.",
            path=str(path), reason=reason)
    )


class RunFolder:
    """The folder of one run. `acquire()` locks it; `begin()` writes the project and the record
    before the first batch; `save_epoch()` after each epoch; `finish()` at the end."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.record: dict[str, Any] = {}
        self._locked = False
        self._begun = False

    # Lock -----------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def begun(self) -> bool:
        """Whether this run has written its project and record (see `begin`)."""
        return self._begun

    def acquire(self) -> str | None:
        """Lock the folder for this process; a note when a dead run's lock was taken over.
        RunInUseError when a live run holds it, RunError when the folder cannot be written."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise RunError(
                msg("{path} is a file, not a folder: choose a folder for the run",
                    path=str(self.path))
            ) from None
        except OSError as exc:
            raise write_failure(self.path, exc) from None
        note = None
        lock = self.path / LOCK_FILE
        for _ in range(2):
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = _read_lock(lock)
                if _alive(owner):
                    raise RunInUseError(_in_use_message(self.path, owner)) from None
                note = msg(
                    "{path} was locked by a run that is no longer running (process {pid}); "
                    "taking it over.",
                    path=str(self.path),
                    pid=owner.get("pid", "?"),
                )
                lock.unlink(missing_ok=True)
                continue
            except OSError as exc:
                raise write_failure(self.path, exc) from None
            with os.fdopen(fd, "w") as f:
                json.dump({"pid": os.getpid(), "host": socket.gethostname(),
                           "started": time.time()}, f)
            self._locked = True
            return note
        raise RunInUseError(_in_use_message(self.path, _read_lock(lock)))

    def release(self) -> None:
        if self._locked:
            (self.path / LOCK_FILE).unlink(missing_ok=True)
            self._locked = False

    # Writing ----------------------------------------------------------------------------------

    def check_room(self, parameters: int, optimizer_slots: int = 2) -> None:
        """Before the first batch: is there room for the weights and a checkpoint (weights,
        optimizer moments) of this many parameters?"""
        needed = parameters * 4 * (2 + optimizer_slots) + _SPACE_MARGIN
        try:
            free = shutil.disk_usage(self.path).free
        except OSError:
            return
        if free < needed:
            raise RunError(
                msg(
                    "{path} has {free} free, but the run's checkpoint needs about {needed}. "
                    "Free some space or choose another output folder.",
                    path=str(self.path),
                    free=_size(free),
                    needed=_size(needed),
                )
            )

    def begin(self, project: Project, record: dict[str, Any]) -> None:
        """Write the project and the run record (status running) before the first batch."""
        try:
            save_project(project, self.path / PROJECT_FILE)
        except UnicodeEncodeError:
            raise RunError(
                msg(
                    "The project cannot be saved: its name or description holds a character "
                    "that cannot be written (a lone surrogate). Edit the text and try again."
                )
            ) from None
        except OSError as exc:
            raise write_failure(self.path / PROJECT_FILE, exc) from None
        self.record = {
            **self.record,
            **record,
            "netstudio": __version__,
            "status": RUNNING,
            "message": None,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": self.record.get("started") or _now(),
            "updated": _now(),
        }
        self._write_record()
        self._begun = True

    def save_epoch(
        self,
        checkpoint: dict[str, Any],
        weights: dict[str, torch.Tensor],
        project: Project,
        metrics: dict[str, Any],
    ) -> None:
        """Replace weights, metrics and checkpoint with this epoch's, each atomically. The
        checkpoint comes last: once it says an epoch is done, everything else says so too."""
        from studio.runs.storage import save_checkpoint, save_weights

        try:
            save_weights(self.path / WEIGHTS_FILE, weights, project)
            write_json_file(self.path / METRICS_FILE, metrics)
            save_checkpoint(self.path / CHECKPOINT_FILE, checkpoint)
        except OSError as exc:
            raise write_failure(self.path, exc) from None

    def save_final(self, weights: dict[str, torch.Tensor], project: Project,
                   metrics: dict[str, Any]) -> None:
        from studio.runs.storage import save_weights

        try:
            save_weights(self.path / WEIGHTS_FILE, weights, project)
            write_json_file(self.path / METRICS_FILE, metrics)
        except OSError as exc:
            raise write_failure(self.path, exc) from None

    def finish(self, status: str, message: str | None = None) -> None:
        """Record how the run ended. Never raises: a run that failed to write its record has
        already said why, and its checkpoint is intact. A run that never began (it failed
        before its first batch) leaves no record, only the folder as it found it."""
        if not self._begun:
            self.release()
            return
        self.record.update(status=status, message=str(message) if message else None,
                           updated=_now())
        try:
            self._write_record()
        except (OSError, RunError):
            pass
        finally:
            self.release()

    def _write_record(self) -> None:
        try:
            write_json_file(self.path / RECORD_FILE, self.record)
        except OSError as exc:
            raise write_failure(self.path / RECORD_FILE, exc) from None


def write_json_file(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def read_record(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A run folder's record, with `status` read as `interrupted` when the run that wrote it
    died (its lock names a process that is gone, or it has no lock while it says running).
    An empty dict for a folder without a readable record (older runs)."""
    folder = Path(path)
    record = _read_json(folder / RECORD_FILE)
    if not isinstance(record, dict):
        return {}
    if record.get("status") == RUNNING and not _alive(_read_lock(folder / LOCK_FILE)):
        record["status"] = INTERRUPTED
    return record


def read_metrics(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A run folder's metrics.json, or an empty dict when it has none or it is unreadable."""
    return _read_json(Path(path) / METRICS_FILE)


def _read_lock(lock: Path) -> dict[str, Any]:
    return _read_json(lock)


def _read_json(path: Path) -> dict[str, Any]:
    """A JSON object NetStudio wrote (or someone edited), read with the project file's bounds;
    an empty dict when it is missing or unusable: the caller then knows nothing of it."""
    if not path.is_file():
        return {}
    try:
        data = read_json_file(path)
    except StudioError:
        return {}
    return data if isinstance(data, dict) else {}


def _alive(owner: dict[str, Any]) -> bool:
    """Whether the lock's owner may still be running. A lock from another host is taken as
    alive: we cannot tell, and taking over a live run's folder would mix two runs."""
    pid = owner.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False  # an empty or damaged lock: its writer died while writing it
    if owner.get("host") not in (None, socket.gethostname()):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _in_use_message(path: Path, owner: dict[str, Any]) -> RunError:
    started = owner.get("started")
    when = (
        time.strftime("%Y-%m-%d %H:%M", time.localtime(started))
        if isinstance(started, (int, float))
        else "?"
    )
    return msg(
        "{path} is in use by another training run (process {pid} on {host}, started {when}). "
        "Wait for it to end, or choose another output folder. If that run is gone, delete "
        "{lock}.",
        path=str(path),
        pid=owner.get("pid", "?"),
        host=owner.get("host", "?"),
        when=when,
        lock=str(path / LOCK_FILE),
    )


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)
