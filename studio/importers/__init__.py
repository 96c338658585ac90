"""Models made elsewhere, brought in as editable NetStudio projects.

Each importer turns one kind of file into a `studio.project.Project` and an `ImportReport`
(what came across, what did not, what changed). `import_file` picks the importer by the file's
suffix from `IMPORTERS`; an importer for another format adds one line there.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.importers.report import ImportRefused, ImportReport
from studio.messages import msg

if TYPE_CHECKING:
    from studio.project import Project

__all__ = ["IMPORTERS", "ImportRefused", "ImportReport", "import_file", "importable_suffixes"]

MAX_SOURCE_BYTES = 4 * 1024 * 1024
"""A model's Python code is a few kilobytes; a larger 'code' file is not one."""

IMPORTERS: dict[str, str] = {
    ".py": "studio.importers.keras_code:import_keras_file",
    ".onnx": "studio.importers.onnx_import:import_onnx_with_weights",
}
"""Suffix → "module:function". The function takes a Path and returns (Project, ImportReport),
or (Project, ImportReport, weights) for a file that holds trained weights, or raises
ImportRefused. Modules are imported only when used (PyTorch stays out of start-up)."""


def importable_suffixes() -> list[str]:
    return sorted(IMPORTERS)


def import_file(path: Path) -> tuple[Project, ImportReport, dict[str, Any] | None]:
    """The project that the model file at `path` describes, the report of the import, and
    the model's weights by compile_graph's names (None for a file without weights: code)."""
    suffix = path.suffix.lower()
    target = IMPORTERS.get(suffix)
    if target is None:
        raise ImportRefused(
            msg(
                "{path}: this version imports {formats} files, not {suffix!r}",
                path=str(path),
                formats=", ".join(importable_suffixes()),
                suffix=suffix or path.name,
            )
        )
    module_name, function_name = target.split(":")
    importer = getattr(importlib.import_module(module_name), function_name)
    project, report, *weights = importer(path)
    return project, report, (weights[0] if weights else None)
