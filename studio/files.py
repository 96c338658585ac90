"""Atomic, durable file writes: a temporary file beside the target, then a rename over it.

A crash, a full disk or a serialiser that fails mid-write leaves the previous file as it was
(or no file), never half a file, and no temporary file behind. The data is flushed to the disk
before the rename and the rename itself after it, so a power cut right after a save keeps
either the old file or the new one whole.

Every output gets an explicit permission mode (0644 unless asked otherwise: 0600 for a
model's weights) whatever the umask and whatever mode the temporary file was created with.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from studio.errors import StudioError
from studio.messages import msg, term

DEFAULT_MODE = 0o644
# Weights are the user's work and possibly private training data distilled: owner only.
PRIVATE_MODE = 0o600
# A disk with less free space than this after a failed write is taken to be the cause.
FULL_BELOW = 1 << 20


class FileWriteError(StudioError, OSError):
    """A file could not be written; the old one, if any, is untouched. Also an OSError, so
    code that catches OSError around a save keeps working; `errno` is the cause's."""


def atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[str], None],
    *,
    mode: int = DEFAULT_MODE,
) -> None:
    """Call `write(temporary_path)`, then move the result onto `path` with permissions `mode`.

    Raises FileWriteError (a StudioError and an OSError) when the file system refuses (no
    space, read-only, no permission), also when `write` fails in its own words on a disk left
    full; any other exception from `write` passes through. Either
    way the temporary file is removed and an existing `path` is left as it was."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    os.close(fd)
    try:
        write(tmp)
        # mkstemp made the file 0600 and a serialiser may have re-created it under the umask:
        # set the mode last, on what will become the target.
        os.chmod(tmp, mode)
        _fsync_file(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise _write_error(path, exc) from exc
    except Exception as exc:
        # Serialisers word a full disk their own way (torch: "unexpected pos 832 vs 726"):
        # look at the disk before the temporary file's removal frees space again.
        full = _disk_full(path.parent)
        _remove(tmp)
        if full:
            raise _write_error(path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) from exc
        raise
    except BaseException:
        _remove(tmp)
        raise
    _fsync_folder(path.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, mode: int = DEFAULT_MODE) -> None:
    """`text` as UTF-8 into `path`, atomically (see atomic_write)."""

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)

    atomic_write(path, write, mode=mode)


def _disk_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < FULL_BELOW


def _fsync_file(name: str) -> None:
    # The serialiser closed its own handle; a fresh one reaches the same data in the cache.
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Not possible everywhere (Windows has no folder handles;
    some file systems refuse): the write is still atomic without it."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # e.g. EINVAL where the file system cannot sync a folder
    finally:
        os.close(fd)


def _remove(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


_REASONS = {
    errno.ENOSPC: term("there is no space left on the disk"),
    getattr(errno, "EDQUOT", -1): term("the disk quota is used up"),
    errno.EROFS: term("the disk is read-only"),
    errno.EACCES: term("permission denied"),
    errno.EPERM: term("permission denied"),
    errno.EISDIR: term("a folder of that name is in the way"),
    errno.ENOTDIR: term("a file is in the way of its folder"),
    errno.EEXIST: term("a file is in the way of its folder"),  # from mkdir
    errno.ENAMETOOLONG: term("the name is too long"),
}


def _write_error(path: Path, exc: OSError) -> FileWriteError:
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    error = FileWriteError(
        msg(
            "Could not write {path}: {reason}. Nothing was changed.",
            path=path,
            reason=reason or exc.strerror or str(exc),
        )
    )
    # errno only: with strerror or filename set, OSError's str() would replace the message.
    error.errno = exc.errno
    return error
