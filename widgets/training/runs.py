"""Where a project's training runs are kept, and reading them back for the runs list.

Each run is a folder the engine's Trainer writes (project.json, model.safetensors,
checkpoint.pt, metrics.json). They live beside the project file, in `<stem>.runs/`, so they
travel with it. A project never saved has a folder of its own under the app's config folder,
named for that one unsaved document (never by its name: two "Untitled" projects would share
their runs), and its runs move beside the file when it is first saved.
"""

from __future__ import annotations

import re
import shutil
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.data import registry, vision
from studio.runs import WEIGHTS_FILE
from studio.runs.folder import read_metrics, read_record
from studio.runs.location import RUNS_SUFFIX
from widgets import config


def unsaved_key(project_name: str) -> str:
    """A name for one unsaved document's runs folder: readable, and never the same twice."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", project_name).strip("-").lower() or "untitled"
    return f"{slug[:40]}-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"


def runs_root(project_path: Path | None, unsaved: str) -> Path:
    """Where a project's runs are kept: beside its file, or, for a document never saved, in
    the folder its `unsaved` key names (see unsaved_key)."""
    if project_path is not None:
        return project_path.with_name(project_path.stem + RUNS_SUFFIX)
    return unsaved_runs_dir() / unsaved


def unsaved_runs_dir() -> Path:
    return config.config_dir() / "runs"


def adopt_runs(old_root: Path, new_root: Path, keep: set[Path] = frozenset()) -> list[Path]:
    """Move the run folders of `old_root` into `new_root` (an unsaved document's runs, once it
    has a file), except those in `keep` (a run still writing); the emptied old folder goes.
    Returns the folders moved. A name already taken in `new_root` is left where it is."""
    if not old_root.is_dir() or old_root == new_root:
        return []
    moved = []
    for run in sorted(p for p in old_root.iterdir() if p.is_dir() and p not in keep):
        target = new_root / run.name
        if target.exists():
            continue
        new_root.mkdir(parents=True, exist_ok=True)
        shutil.move(str(run), str(target))
        moved.append(target)
    if not any(old_root.iterdir()):
        old_root.rmdir()
    return moved


# A run folder's name: the time, a counter within the same second, and an optional tag that
# says what the run was for (the optimizer, in a comparison).
_RUN_NAME = re.compile(r"\d{8}-\d{6}(?:-\d+)?(?:-(?P<tag>[a-z][a-z0-9-]*))?")


def run_started(path: Path) -> datetime | None:
    """When a run began, read from its folder's name; None for a name of another kind."""
    match = _RUN_NAME.fullmatch(path.name)
    if match is None:
        return None
    try:
        return datetime.strptime(path.name[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def run_tag(path: Path) -> str:
    match = _RUN_NAME.fullmatch(path.name)
    return (match.group("tag") or "") if match else ""


def dataset_of(value: str) -> str:
    """A run's data set by its English title: runs record the data set's id ("fashion-mnist"),
    older ones its title ("Fashion-MNIST"), which stays as it is."""
    titles = {name: spec[0] for name, spec in registry.SYNTHETIC.items()}
    titles.update({name: spec.title for name, spec in vision.SPECS.items()})
    titles.update({name: spec[0] for name, spec in registry.USER.items()})
    return titles.get(value, value)


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
    def started(self) -> datetime | None:
        return run_started(self.path)

    @property
    def final_gap(self) -> float | None:
        return accuracy_gap(self.history[-1]) if self.history else None

    @property
    def has_weights(self) -> bool:
        return (self.path / WEIGHTS_FILE).is_file()


def read_run(path: Path) -> RunInfo | None:
    """A run's status and figures, at any point of its life: from its record (which says
    `interrupted` for a run whose process died, `failed` with why) and its metrics. None for a
    folder that is not a run."""
    record, data = read_record(path), read_metrics(path)
    if not record and not data:
        return None
    history = data.get("history")
    status = record.get("status") or data.get("status") or ""
    return RunInfo(
        path=path,
        status=str(status),
        epochs=_count(data.get("epochs"), len(history) if isinstance(history, list) else 0),
        test_accuracy=_number(data.get("test_accuracy")),
        test_loss=_number(data.get("test_loss")),
        dataset=str(data.get("dataset") or (record.get("dataset") or {}).get("used") or ""),
        history=[h for h in history if isinstance(h, dict)] if isinstance(history, list) else [],
        tag=run_tag(path),
    )


def _count(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else (
        default
    )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def list_runs(root: Path) -> list[RunInfo]:
    """The runs under `root`, newest first."""
    if not root.is_dir():
        return []
    runs = (read_run(p) for p in sorted(root.iterdir(), reverse=True) if p.is_dir())
    return [r for r in runs if r is not None]
