"""Where a project's data set path points.

A project file names its image folder or CSV file by path. A relative path means "next to the
project file", so a project and its data can be moved or shared together; the current
directory of whoever runs NetStudio plays no part. Paths come from hand-editable JSON, so
anything that is not a usable path gives a DatasetError saying so.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from ..messages import msg
from .base import DatasetError

# Longer than any real path (Linux allows 4,096 bytes): a longer "path" is damaged data.
MAX_PATH_LENGTH = 4096


def resolve_data_path(path: Any, base_dir: str | Path | None = None) -> Path:
    """`path` as an absolute-or-expanded Path: `~` expanded, a relative path taken from
    `base_dir` (the project file's folder) when one is given. Raises DatasetError for a value
    that cannot be a path (not text, empty, NUL characters, absurdly long)."""
    if isinstance(path, Path):
        text = str(path)
    elif isinstance(path, str):
        text = path
    else:
        raise DatasetError(
            msg(
                "The data set path must be text naming a file or folder, not {value}.",
                value=_shorten(repr(path)),
            )
        )
    if not text.strip():
        raise DatasetError(msg("The data set path is empty. Choose a file or folder."))
    if "\0" in text or len(text) > MAX_PATH_LENGTH:
        raise DatasetError(
            msg(
                "The data set path {value!r} is not a valid path (it is too long or holds "
                "a NUL character). Choose the file or folder again.",
                value=_shorten(text),
            )
        )
    result = Path(text)
    with contextlib.suppress(RuntimeError):  # "~" with no home directory to expand it to
        result = result.expanduser()
    if not result.is_absolute() and base_dir is not None:
        result = Path(base_dir) / result
    return result


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
