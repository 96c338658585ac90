"""The class names that predict.py prints, found without loading any data.

In order: the names a run folder recorded (run.json "dataset": {"classes": [...]}, or
metrics.json "classes"), then the names of the built-in data set the run trained on (run.json
"dataset": {"used": ...} or metrics.json "dataset", which differ from the project's when
training fell back to another set), then those of the project's data set. A user's own image
folder or CSV has no names until it is loaded; a run that does not record them exports class
ids, as before.

Names are user text (an image folder's subfolders, a CSV's labels): they are made one-line
printable text here and travel to the package only inside config.json, never into source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from studio.data import synthetic, vision
from studio.data.base import DatasetError
from studio.data.registry import canonical_name
from studio.project import Project
from studio.runs import METRICS_FILE, RECORD_FILE
from studio.safe_text import one_line

_SYNTHETIC_CLASSES = {
    "synthetic-shapes": synthetic.SHAPE_CLASSES,
    "synthetic-waveforms": synthetic.WAVE_CLASSES,
}
NAME_LIMIT = 80


def class_names(source: Path, project: Project) -> list[str] | None:
    """The class names of the exported model, or None where they are unknown."""
    record = _json_in_run(source, RECORD_FILE)
    dataset = record.get("dataset") if isinstance(record.get("dataset"), dict) else {}
    metrics = _json_in_run(source, METRICS_FILE)
    for recorded in (dataset.get("classes"), metrics.get("classes")):
        if isinstance(recorded, list) and recorded and all(isinstance(c, str) for c in recorded):
            return [one_line(c, NAME_LIMIT) for c in recorded]
    for name in (dataset.get("used"), metrics.get("dataset"), project.dataset.get("name")):
        names = builtin_classes(name)
        if names is not None:
            return [one_line(c, NAME_LIMIT) for c in names]
    return None


def builtin_classes(name: Any) -> list[str] | None:
    """The class names of a built-in data set, by any spelling of its id; None for others."""
    if not isinstance(name, str) or len(name) > 100:
        return None
    try:
        name = canonical_name(name)
    except DatasetError:
        return None
    if name in _SYNTHETIC_CLASSES:
        return list(_SYNTHETIC_CLASSES[name])
    if name in vision.SPECS:
        return list(vision.SPECS[name].classes)
    return None


def _json_in_run(source: Path, name: str) -> dict[str, Any]:
    """A JSON object in a run folder, or {} (no run folder, no such file, or unreadable)."""
    path = Path(source) / name
    if not Path(source).is_dir() or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}  # the names are a courtesy: class ids are printed instead
    return data if isinstance(data, dict) else {}
