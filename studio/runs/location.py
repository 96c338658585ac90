"""Where a project's runs are kept: beside its file, in `<stem>.runs/`, one folder per run named
by the time it began, so that runs travel with the project and the app and `netstudio train`
find the same ones."""

from __future__ import annotations

import time
from pathlib import Path

RUNS_SUFFIX = ".runs"


def runs_beside(project_path: Path) -> Path:
    return project_path.with_name(project_path.stem + RUNS_SUFFIX)


def new_run_dir(root: Path, tag: str = "") -> Path:
    """A fresh folder named by the time, e.g. 20250101-120000 (then -2, -3 within a second),
    with `-tag` after it when a tag is given (20250101-120000-adam)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    suffix = f"-{tag}" if tag else ""
    path, n = root / f"{stamp}{suffix}", 2
    while True:
        try:
            path.mkdir(parents=True)
            return path
        except FileExistsError:  # another run took this name a moment ago
            path, n = root / f"{stamp}-{n}{suffix}", n + 1
