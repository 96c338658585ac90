"""What a run folder holds, and the project of a run folder or a weights file, read without
PyTorch: `netstudio summary` of a run and the Runs tab need the project, not the tensors.

A .safetensors file is an 8-byte little-endian header length, a JSON header (tensor names,
shapes, offsets, and `__metadata__`, where NetStudio embeds the project), then raw tensor data;
reading the header needs no tensor library.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from studio.errors import StudioError
from studio.messages import msg
from studio.project import Project, load_project, project_from_text

PROJECT_FILE = "project.json"
WEIGHTS_FILE = "model.safetensors"
CHECKPOINT_FILE = "checkpoint.pt"
METRICS_FILE = "metrics.json"
RECORD_FILE = "run.json"
LOCK_FILE = "run.lock"
# safetensors caps its own header at 100 MB; a larger length is a damaged or hostile file.
_MAX_HEADER = 100 * 1024 * 1024


class RunError(StudioError):
    """A trained model or run folder that cannot be used. The message is for the user."""


def safetensors_metadata(path: Path) -> dict[str, str]:
    """The `__metadata__` of a .safetensors file (strings only), or RunError."""
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            prefix = f.read(8)
            length = int.from_bytes(prefix, "little") if len(prefix) == 8 else -1
            if not 2 <= length <= min(_MAX_HEADER, size - 8):
                raise ValueError("the header length is impossible")
            header = json.loads(f.read(length).decode("utf-8"))
    except FileNotFoundError:
        raise RunError(msg("There is no weights file {path}", path=str(path))) from None
    except (OSError, ValueError, RecursionError) as exc:
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise RunError(
            msg("{path} is not a readable safetensors file ({reason})", path=str(path),
                reason=reason)
        ) from None
    metadata = header.get("__metadata__") if isinstance(header, dict) else None
    if not isinstance(metadata, dict):
        return {}
    return {k: v for k, v in metadata.items() if isinstance(k, str) and isinstance(v, str)}


def embedded_project(path: Path) -> Project | None:
    """The project a NetStudio weights file carries in its metadata, or None."""
    text = safetensors_metadata(path).get("project")
    if text is None:
        return None
    return project_from_text(text, where=f"{path.name} (its embedded project)")


def project_of(source: str | os.PathLike[str]) -> Project:
    """The project of a project file, a run folder (at any point of its life) or a
    .safetensors file (its project beside it or embedded), without reading any weights."""
    path = Path(source)
    if path.is_dir():
        if not (path / PROJECT_FILE).is_file():
            raise RunError(
                msg("{path} is not a NetStudio run folder: it has no {file}", path=str(path),
                    file=PROJECT_FILE)
            )
        return load_project(path / PROJECT_FILE)
    if path.suffix == ".safetensors":
        beside = path.with_suffix(".json")
        project = load_project(beside) if beside.is_file() else embedded_project(path)
        if project is None:
            raise RunError(msg("{path} has no project: put its project .json beside it",
                               path=str(path)))
        return project
    return load_project(path)
