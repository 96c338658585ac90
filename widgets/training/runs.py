"""Where a project's training runs are kept, and reading them back for the runs list.

Each run is a folder the engine's Trainer writes (project.json, model.safetensors,
checkpoint.pt, metrics.json). They live beside the project file, in `<stem>.runs/`, so they
travel with it; runs of a project never saved go under the app's config folder instead.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.runs import METRICS_FILE, WEIGHTS_FILE
from widgets import config

RUNS_SUFFIX = ".runs"


def runs_root(project_path: Path | None, project_name: str) -> Path:
    if project_path is not None:
        return project_path.with_name(project_path.stem + RUNS_SUFFIX)
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", project_name).strip("-").lower() or "untitled"
    return config.config_dir() / "runs" / slug


# A run folder's name: the time, a counter within the same second, and an optional tag that
# says what the run was for (the optimizer, in a comparison).
_RUN_NAME = re.compile(r"\d{8}-\d{6}(?:-\d+)?(?:-(?P<tag>[a-z][a-z0-9-]*))?")


def new_run_dir(root: Path, tag: str = "") -> Path:
    """A fresh folder named by the time, e.g. 20250101-120000 (then -2, -3 within a second),
    with `-tag` after it when a tag is given (20250101-120000-adam)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    suffix = f"-{tag}" if tag else ""
    path, n = root / f"{stamp}{suffix}", 2
    while path.exists():
        path, n = root / f"{stamp}-{n}{suffix}", n + 1
    path.mkdir(parents=True)
    return path


def run_tag(path: Path) -> str:
    match = _RUN_NAME.fullmatch(path.name)
    return (match.group("tag") or "") if match else ""


def accuracy_gap(entry: dict[str, Any]) -> float | None:
    """Training minus validation accuracy of one epoch: how far the model does better on the
    samples it learns from than on samples it never saw (overfitting). None without both."""
    train, val = entry.get("accuracy"), entry.get("val_accuracy")
    if isinstance(train, (int, float)) and isinstance(val, (int, float)):
        return float(train) - float(val)
    return None


@dataclass
class RunInfo:
    path: Path
    status: str
    epochs: int
    test_accuracy: float | None
    test_loss: float | None
    dataset: str
    history: list[dict[str, Any]] = field(default_factory=list)
    tag: str = ""  # from the folder name: the optimizer of a comparison's run

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def final_gap(self) -> float | None:
        return accuracy_gap(self.history[-1]) if self.history else None

    @property
    def has_weights(self) -> bool:
        return (self.path / WEIGHTS_FILE).is_file()


def read_run(path: Path) -> RunInfo | None:
    """A finished or stopped run's metrics; None for a folder without them (still running,
    or cut short before it wrote anything)."""
    try:
        data = json.loads((path / METRICS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    history = data.get("history")
    return RunInfo(
        path=path,
        status=str(data.get("status", "")),
        epochs=int(data.get("epochs") or 0),
        test_accuracy=data.get("test_accuracy"),
        test_loss=data.get("test_loss"),
        dataset=str(data.get("dataset", "")),
        history=[h for h in history if isinstance(h, dict)] if isinstance(history, list) else [],
        tag=run_tag(path),
    )


def list_runs(root: Path) -> list[RunInfo]:
    """The runs under `root`, newest first."""
    if not root.is_dir():
        return []
    runs = (read_run(p) for p in sorted(root.iterdir(), reverse=True) if p.is_dir())
    return [r for r in runs if r is not None]
