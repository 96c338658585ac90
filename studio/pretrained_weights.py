"""Pretrained backbone weights: found in torch's cache, or downloaded the way data sets are.

A torchvision weights file lives where torchvision itself keeps it,
`torch.hub.get_dir()/checkpoints` (so `$TORCH_HOME` moves it, and a file that torchvision
downloaded once is found here too), under the name torchvision gives it: the basename of its
URL, e.g. `resnet18-f37072fd.pth`. The hex digits between its dash and the dot are the first
digits of the file's SHA-256; torch.hub checks them with `HASH_REGEX`, and so does this module.

A download is written to `<name>.part` beside its destination and moved into place only after
the checksum matched, so the cache never holds a file that a run would trust wrongly. A `.part`
left by an interrupted download is continued with an HTTP Range request; while one process
downloads a file, the `.part` is locked and another waits for it. Loading uses
`torch.load(weights_only=True)`: nothing is unpickled beyond tensors and plain containers.

`fetch_for_graph` is what a run calls before its model is built: every backbone node of the
graph gets its weights, or the run stops with a message that says which file is missing, where
to put it, and that weights "none" trains from scratch.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import pickle
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.hub

from studio.data.base import ProgressFn
from studio.data.download import CHUNK, TIMEOUT_S
from studio.errors import StudioError
from studio.messages import joined, msg

NO_WEIGHTS = "none"  # a backbone's weights parameter for random initialisation
PRETRAINED_CATEGORY = "Pretrained"  # the palette category of backbone layers
MIRROR_ENV = "NETSTUDIO_WEIGHTS_MIRROR"  # a base URL holding weights files by name
PART_SUFFIX = ".part"
USER_AGENT = "NetStudio-weights-downloader/1"
LOCK_POLL_S = 0.5  # how often a process waiting for another's download looks again

CancelledFn = Callable[[], bool]


class WeightsError(StudioError):
    """Pretrained weights that cannot be used: unknown, damaged or unreadable."""


class WeightsMissingError(WeightsError):
    """Weights that are neither in the cache nor downloadable now. The message names the file,
    where it comes from, the folder to put it in, and that weights "none" trains from scratch."""


class DownloadCancelled(Exception):
    """`cancelled()` said stop during a download; the `.part` file is kept for resuming."""


@dataclass(frozen=True)
class WeightsFile:
    """One torchvision weights file: where it comes from and where the cache keeps it."""

    arch: str
    weights: str
    url: str

    @property
    def filename(self) -> str:
        # torch.hub names cached files the same way.
        return os.path.basename(urllib.parse.urlparse(self.url).path)

    @property
    def hash_prefix(self) -> str | None:
        """The leading hex digits of the file's SHA-256 that its name carries (torch.hub's
        rule: the first `-<hex>.` in the name); None when the name carries none."""
        found = torch.hub.HASH_REGEX.search(self.filename)
        return found.group(1) if found and found.group(1) else None

    @property
    def path(self) -> Path:
        return checkpoints_dir() / self.filename

    @property
    def part(self) -> Path:
        return self.path.with_name(self.filename + PART_SUFFIX)


def checkpoints_dir() -> Path:
    """torch's cache folder for weights files (honours $TORCH_HOME and torch.hub.set_dir)."""
    return Path(torch.hub.get_dir()) / "checkpoints"


def weights_url(arch: str, weights: str) -> str:
    """torchvision's download address for `arch`'s weights named `weights` (an enum member
    name such as "IMAGENET1K_V1"); WeightsError with the names there are when unknown."""
    from torchvision.models import get_model_weights

    try:
        members = get_model_weights(arch)
    except ValueError:
        raise WeightsError(msg("torchvision has no model named {arch}", arch=arch)) from None
    try:
        return members[weights].url
    except KeyError:
        names = joined([m.name for m in members] + [NO_WEIGHTS])
        raise WeightsError(
            msg(
                "{arch} has no pretrained weights named {weights}; choose one of: {names}",
                arch=arch,
                weights=weights,
                names=names,
            )
        ) from None


def weights_file(arch: str, weights: str) -> WeightsFile:
    if weights == NO_WEIGHTS:
        raise ValueError('weights "none" has no file: the backbone starts from random values')
    return WeightsFile(arch, weights, weights_url(arch, weights))


def cached_weights_path(arch: str, weights: str) -> Path | None:
    """The cached file of these weights, or None (also for weights "none"). No network."""
    if weights == NO_WEIGHTS:
        return None
    path = weights_file(arch, weights).path
    return path if path.is_file() else None


def load_pretrained_state(arch: str, weights: str) -> dict[str, torch.Tensor]:
    """The weights' state_dict, from the cache only, on the CPU. WeightsMissingError when the
    file is not there; WeightsError when it cannot be read as a state_dict."""
    file = weights_file(arch, weights)
    if not file.path.is_file():
        not_yet = msg("they have not been downloaded yet; training downloads them")
        raise WeightsMissingError(_missing_message(file, not_yet))
    try:
        state = torch.load(file.path, map_location="cpu", weights_only=True)
    except OSError as exc:
        raise WeightsError(
            msg(
                "Cannot read {path}: {reason}",
                path=str(file.path),
                reason=exc.strerror or type(exc).__name__,
            )
        ) from None
    except (pickle.UnpicklingError, RuntimeError, EOFError, KeyError, ValueError) as exc:
        # What torch.load raises for a truncated or empty file, a stray page saved under the
        # name, or objects that weights_only refuses to unpickle.
        raise WeightsError(_damaged_message(file, _why_unloadable(file.path, exc))) from None
    if not isinstance(state, Mapping) or not all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in state.items()
    ):
        raise WeightsError(_damaged_message(file, msg("it holds no state_dict of named tensors")))
    return dict(state)


def fetch_weights(
    arch: str,
    weights: str,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """The cached file of these weights, downloaded first when missing.

    progress(message, done_bytes, total_bytes) after every chunk (total 0 when the server does
    not say). A `.part` file from an earlier attempt is continued where it stopped. The file is
    moved into the cache only once its SHA-256 matches its name. WeightsMissingError when it
    cannot be had (offline, the server refuses, damaged on the way); DownloadCancelled when
    `cancelled()` turns true (the `.part` stays, to resume)."""
    file = weights_file(arch, weights)
    if file.path.is_file():
        return file.path
    try:
        file.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WeightsMissingError(
            _missing_message(
                file,
                msg(
                    "its folder cannot be created: {reason}",
                    reason=exc.strerror or type(exc).__name__,
                ),
            )
        ) from None
    reasons: list[tuple[str, str]] = []
    with _sole_downloader(file, progress, cancelled):
        try:
            if file.path.is_file():  # another NetStudio downloaded it while this one waited
                return file.path
            for url in _source_urls(file):
                try:
                    _download(url, file, progress, cancelled)
                    return file.path
                except _SourceFailed as exc:
                    reasons.append((url, str(exc)))
                except _Damaged as exc:
                    raise WeightsMissingError(_missing_message(file, str(exc))) from None
        finally:
            _remove_if_empty(file.part)  # nothing arrived: nothing to resume
    why = reasons[-1][1] if reasons else msg("no download address")
    raise WeightsMissingError(_missing_message(file, msg("the download failed: {why}", why=why)))


def fetch_for_graph(
    graph: Any,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> list[str]:
    """Fetch the missing weights of every pretrained backbone node in the graph (a node of the
    "Pretrained" category whose weights are not "none"); notes that say what was downloaded.

    WeightsMissingError names the node, the file and where to put it (and every other backbone
    file still missing, so that all can be copied at once)."""
    wanted: dict[tuple[str, str], str] = {}  # (arch, weights) -> the first node using them
    for node in graph.nodes.values():
        if node.layer.category != PRETRAINED_CATEGORY:
            continue
        weights = node.params.get("weights", NO_WEIGHTS)
        if weights == NO_WEIGHTS:
            continue
        # Imported here: a graph without backbones never needs the backbone layers.
        from studio.layers.pretrained import arch_of

        wanted.setdefault((arch_of(node), weights), node.id)
    missing: list[tuple[WeightsFile, str]] = []
    for (arch, weights), node_id in wanted.items():
        try:
            file = weights_file(arch, weights)
        except WeightsError as exc:
            raise WeightsError(msg("{node}: {error}", node=node_id, error=exc.args[0])) from None
        if not file.path.is_file():
            missing.append((file, node_id))
    notes: list[str] = []
    for i, (file, node_id) in enumerate(missing):
        try:
            path = fetch_weights(file.arch, file.weights, progress, cancelled)
        except WeightsMissingError as exc:
            others = [f for f, _ in missing[i + 1 :]]
            raise WeightsMissingError(_for_node(node_id, exc, others)) from None
        notes.append(
            msg(
                "Downloaded the pretrained weights {file} ({size} MB) into {folder}.",
                file=path.name,
                size=f"{path.stat().st_size / 2**20:.1f}",
                folder=str(path.parent),
            )
        )
    return notes


# Messages -----------------------------------------------------------------------------------


def _missing_message(file: WeightsFile, why: str) -> str:
    return msg(
        "The pretrained weights {file} ({arch}, {weights}) are not in the cache ({why}). "
        'Download {url} and put it into {folder}, or set the backbone\'s weights to "none" '
        "to train it from scratch.",
        file=file.filename,
        arch=file.arch,
        weights=file.weights,
        why=why,
        url=file.url,
        folder=str(file.path.parent),
    )


def _damaged_message(file: WeightsFile, reason: str) -> str:
    return msg(
        "{path} is damaged and cannot be loaded ({reason}). Delete it, and NetStudio downloads "
        "it again; or copy a good {file} from {url} into {folder}.",
        path=str(file.path),
        reason=reason,
        file=file.filename,
        url=file.url,
        folder=str(file.path.parent),
    )


def _why_unloadable(path: Path, exc: Exception) -> str:
    if not zipfile.is_zipfile(path):  # torch.save writes a zip archive
        return msg("it is not a file saved by PyTorch: cut short, empty or something else")
    if isinstance(exc, pickle.UnpicklingError):
        return msg("it holds objects other than tensors, which NetStudio never unpickles")
    lines = str(exc).splitlines()
    return lines[0] if lines else type(exc).__name__


def _for_node(node_id: str, exc: WeightsError, others: list[WeightsFile]) -> str:
    message = msg("{node}: {error}", node=node_id, error=exc.args[0])
    if not others:
        return message
    also = joined([msg("{file} ({url})", file=f.filename, url=f.url) for f in others])
    return msg("{message} Also missing: {files}.", message=message, files=also)


# The download -------------------------------------------------------------------------------


class _SourceFailed(Exception):
    """This address did not give the file; another may. The `.part` is kept."""


class _Damaged(Exception):
    """The whole file arrived, and its checksum is wrong; it was removed."""


@contextlib.contextmanager
def _sole_downloader(
    file: WeightsFile, progress: ProgressFn | None, cancelled: CancelledFn | None
) -> Iterator[None]:
    """Hold the `.part` file's lock while downloading: two NetStudio processes (a search's
    trials, the app and the command line) writing one `.part` at once would mix their bytes.
    Waits while another process holds it. The lock goes with the process, so a killed one
    leaves none behind."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; the checksum still refuses a mix
        yield
        return
    try:
        handle = open(file.part, "ab")  # noqa: SIM115 (closed below; opening errors apart)
    except OSError as exc:
        raise WeightsMissingError(_cannot_write(file.part, exc)) from None
    with handle:
        waiting = msg(
            "Waiting for another NetStudio to finish downloading {file}", file=file.filename
        )
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if cancelled and cancelled():
                    raise DownloadCancelled from None
                if progress:
                    progress(waiting, _size_of(file.part), 0)
                time.sleep(LOCK_POLL_S)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove_if_empty(path: Path) -> None:
    if path.is_file() and _size_of(path) == 0:
        path.unlink(missing_ok=True)


def _source_urls(file: WeightsFile) -> list[str]:
    # A mirror (an organisation's server, a folder served on a LAN) replaces the internet.
    base = os.environ.get(MIRROR_ENV, "").strip()
    return [f"{base.rstrip('/')}/{file.filename}"] if base else [file.url]


def _download(
    url: str, file: WeightsFile, progress: ProgressFn | None, cancelled: CancelledFn | None
) -> None:
    message = msg("Downloading pretrained weights: {file}", file=file.filename)
    for _ in range(2):  # a second time only when the server would not continue the part
        try:
            _continue_part(url, file, message, progress, cancelled)
        except _RangeRefused:
            file.part.unlink(missing_ok=True)
            continue
        _check_and_move(file)
        return
    raise _SourceFailed(msg("the server would not send the file from its start"))


class _RangeRefused(Exception):
    pass


def _continue_part(
    url: str,
    file: WeightsFile,
    message: str,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
) -> None:
    """Append to the `.part` what the server sends from where it ends (all of it when there
    is none, or when the server ignores the Range request)."""
    if cancelled and cancelled():
        raise DownloadCancelled
    have = file.part.stat().st_size if file.part.is_file() else 0
    headers = {"User-Agent": USER_AGENT}
    if have:
        headers["Range"] = f"bytes={have}-"
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            resumed = bool(have) and response.status == 206
            if resumed and _range_start(response.headers.get("Content-Range")) != have:
                raise _RangeRefused  # not the bytes that follow the part: start over
            start = have if resumed else 0  # 200: the server sends the whole file again
            length = int(response.headers.get("Content-Length") or 0)
            total = start + length if length else 0
            done = _receive(
                response, file.part, resumed, message, start, total, progress, cancelled
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # the part is already as long as the file, or longer
            raise _RangeRefused from None
        raise _SourceFailed(
            msg("the server answered {code} {reason}", code=exc.code, reason=exc.reason)
        ) from None
    except urllib.error.URLError as exc:
        raise _SourceFailed(_unreachable(exc.reason)) from None
    except TimeoutError:
        raise _SourceFailed(msg("the server stopped answering (timed out)")) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _SourceFailed(msg("the connection failed ({reason})", reason=repr(exc))) from None
    if total and done < total:
        raise _SourceFailed(
            msg(
                "the download stopped after {done} of {total} MB; start again to continue it",
                done=f"{done / 2**20:.1f}",
                total=f"{total / 2**20:.1f}",
            )
        )


def _receive(
    response: Any,
    part: Path,
    append: bool,
    message: str,
    done: int,
    total: int,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
) -> int:
    """Write the response's body to the part file; the bytes the part then holds."""
    try:
        out = open(part, "ab" if append else "wb")  # noqa: SIM115 (closed below, errors apart)
    except OSError as exc:
        raise WeightsMissingError(_cannot_write(part, exc)) from None
    with out:
        if progress:
            progress(message, done, total)
        while chunk := response.read(CHUNK):
            if cancelled and cancelled():
                raise DownloadCancelled
            try:
                out.write(chunk)
            except OSError as exc:  # a full disk, not the network
                raise WeightsMissingError(_cannot_write(part, exc)) from None
            done += len(chunk)
            if progress:
                progress(message, done, total)
    return done


def _range_start(content_range: str | None) -> int | None:
    # "bytes 1000-1999/2000" -> 1000
    try:
        return int((content_range or "").split()[1].split("-")[0])
    except (IndexError, ValueError):
        return None


def _cannot_write(path: Path, exc: OSError) -> str:
    return msg(
        "Cannot write {path}: {reason}. Free some space, or set TORCH_HOME to a folder "
        "that can be written.",
        path=str(path),
        reason=exc.strerror or type(exc).__name__,
    )


def _unreachable(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return msg("the server's name could not be looked up: no internet connection?")
    return msg("cannot reach the server: {reason}", reason=str(reason))


def _check_and_move(file: WeightsFile) -> None:
    expected = file.hash_prefix
    if expected is not None:
        got = _sha256(file.part)
        if not got.startswith(expected.lower()):
            file.part.unlink(missing_ok=True)
            raise _Damaged(
                msg(
                    "the downloaded file was damaged or not the one published: its SHA-256 "
                    "begins {got}, its name says {expected}; it was deleted",
                    got=got[: len(expected)],
                    expected=expected,
                )
            )
    try:
        os.replace(file.part, file.path)
    except OSError as exc:
        raise WeightsMissingError(_cannot_write(file.path, exc)) from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
