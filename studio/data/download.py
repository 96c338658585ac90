"""A small, careful downloader: streamed, checksummed, atomic.

A file is written to a hidden temporary file next to its destination and renamed into place only
after its MD5 matched, so an interrupted or damaged download never leaves a file in the cache that
a later run would trust.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import socket
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from .base import DatasetError, ProgressFn

MIRROR_ENV = "NETSTUDIO_DATASET_MIRROR"
CHUNK = 1 << 16
TIMEOUT_S = 30.0
USER_AGENT = "NetStudio-dataset-downloader/1"


class DownloadError(DatasetError):
    """Every source for a file failed; `reasons` holds (url, why) for each URL tried."""

    def __init__(self, message: str, reasons: list[tuple[str, str]]):
        super().__init__(message)
        self.reasons = reasons


def mirror_urls(dataset: str, filename: str) -> list[str] | None:
    """URLs for a file on the mirror named by $NETSTUDIO_DATASET_MIRROR, or None if unset.

    Files are looked up by file name under the base URL; since MNIST, Fashion-MNIST and KMNIST
    share their file names, `<base>/<dataset id>/<file>` is tried first so one mirror can hold
    them all."""
    base = os.environ.get(MIRROR_ENV, "").strip()
    if not base:
        return None
    base = base.rstrip("/")
    return [f"{base}/{dataset}/{filename}", f"{base}/{filename}"]


def download(
    urls: Sequence[str],
    dest: Path,
    *,
    md5: str | None,
    progress: ProgressFn | None = None,
    message: str = "",
    timeout: float = TIMEOUT_S,
) -> Path:
    """Fetch the first URL that works into dest; raise DownloadError if none does.

    md5 None skips the check (only for sources that publish none). progress is called with
    (message, done_bytes, total_bytes) after every chunk, total 0 when the size is unknown."""
    created = not dest.parent.exists()
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(dest)
    reasons: list[tuple[str, str]] = []
    for url in urls:
        try:
            _fetch_one(url, dest, md5, progress, message or f"Downloading {dest.name}", timeout)
            return dest
        except _SourceFailed as exc:
            reasons.append((url, str(exc)))
    if created:
        with contextlib.suppress(OSError):
            dest.parent.rmdir()  # leave the cache as we found it
    raise DownloadError(
        f"Could not download {dest.name} ({reasons[-1][1] if reasons else 'no source'}).",
        reasons,
    )


class _SourceFailed(Exception):
    pass


def _fetch_one(
    url: str,
    dest: Path,
    md5: str | None,
    progress: ProgressFn | None,
    message: str,
    timeout: float,
) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        digest = hashlib.md5(usedforsecurity=False)
        with os.fdopen(fd, "wb") as out:
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    total = int(response.headers.get("Content-Length") or 0)
                    done = 0
                    if progress:
                        progress(message, 0, total)
                    while chunk := response.read(CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(message, done, total)
            except urllib.error.HTTPError as exc:
                raise _SourceFailed(f"the server answered {exc.code} {exc.reason}") from exc
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, socket.gaierror):
                    why = "the server's name could not be looked up: no internet connection?"
                else:
                    why = f"cannot reach the server: {exc.reason}"
                raise _SourceFailed(why) from exc
            except TimeoutError as exc:
                raise _SourceFailed("the server stopped answering (timed out)") from exc
            except (OSError, http.client.HTTPException) as exc:
                raise _SourceFailed(f"the connection failed ({exc!r})") from exc
        if total and done != total:
            raise _SourceFailed(f"the download stopped after {done} of {total} bytes")
        if md5 is not None and digest.hexdigest() != md5.lower():
            raise _SourceFailed(
                f"the file arrived damaged or changed (MD5 {digest.hexdigest()}, expected {md5})"
            )
        os.replace(tmp, dest)
    except BaseException:
        # Whatever happened (including Ctrl-C), never leave the partial file behind.
        tmp.unlink(missing_ok=True)
        raise


def _remove_stale_parts(dest: Path) -> None:
    # Left by a process that was killed mid-download (no chance to clean up itself). Only old
    # ones: a part file that is still growing may belong to another running NetStudio.
    for stale in dest.parent.glob(f".{dest.name}.*.part"):
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()
        except OSError:
            pass


def md5_of(path: str | Path) -> str:
    """Hex MD5 of a file, read in chunks."""
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
