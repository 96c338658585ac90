"""Models made elsewhere, brought in as editable NetStudio projects.

Each importer turns one kind of file into a `studio.project.Project` and an `ImportReport`
(what came across, what did not, what changed). `import_file` picks the importer by the file's
suffix from `IMPORTERS`; an importer for another format adds one line there.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.errors import StudioError
from studio.importers.report import ImportRefused, ImportReport
from studio.messages import msg

if TYPE_CHECKING:
    from studio.project import Project

__all__ = [
    "IMPORTERS",
    "ImportRefused",
    "ImportReport",
    "ImportTargetExists",
    "check_targets",
    "import_file",
    "importable_suffixes",
    "weights_path_for",
    "write_imported",
]

MAX_SOURCE_BYTES = 4 * 1024 * 1024
"""A model's Python code is a few kilobytes; a larger 'code' file is not one."""

IMPORTERS: dict[str, str] = {
    # Keras code (read, never run) or, with run_code, a PyTorch nn.Module class: by its AST.
    ".py": "studio.importers.torch_source:import_python_file",
    ".onnx": "studio.importers.onnx_import:import_onnx_with_weights",
    ".pt2": "studio.importers.torch_export:import_pt2",
    # Keras model files: the architecture and trained weights, read without Keras.
    ".keras": "studio.importers.keras_file:import_keras_model",
    ".h5": "studio.importers.keras_file:import_keras_model",
}
"""Suffix → "module:function". The function takes a Path (and, as keyword arguments, the
options of `import_file` it supports) and returns (Project, ImportReport), or (Project,
ImportReport, weights) for a file that holds trained weights, or raises ImportRefused.
Modules are imported only when used (PyTorch stays out of start-up)."""

OPTION_NAMES = {
    "cut_at": "--cut-at",
    "run_code": "--run-code",
    "class_name": "--class",
    "input_shape": "--input-shape",
}
"""import_file's options, as the command line spells them (for the refusal of one that does
not apply)."""


def importable_suffixes() -> list[str]:
    return sorted(IMPORTERS)


def import_file(
    path: Path, **options: Any
) -> tuple[Project, ImportReport, dict[str, Any] | None]:
    """The project that the model file at `path` describes, the report of the import, and
    the model's weights by compile_graph's names (None for a file without weights: code).

    Options (None or False: not given): `cut_at` the node to end the import at (ONNX, .pt2,
    a PyTorch module); `run_code` consent to run a Python file's PyTorch model code in a
    separate process; `class_name` which nn.Module class; `input_shape` its input's sizes
    without the batch. An option the file's importer does not take is refused."""
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
    given = {name: value for name, value in options.items() if value not in (None, False)}
    accepted = inspect.signature(importer).parameters
    for name in given:
        if name not in accepted:
            raise ImportRefused(
                msg(
                    "{option} does not apply to {suffix} files",
                    option=OPTION_NAMES.get(name, name),
                    suffix=suffix,
                )
            )
    project, report, *weights = importer(path, **given)
    return project, report, (weights[0] if weights else None)


class ImportTargetExists(StudioError):
    """A file the import would write is already there, and replacing it was not asked for."""


def weights_path_for(target: Path) -> Path:
    """Where an imported model's trained weights go: PROJECT.safetensors beside PROJECT.json,
    the weights with the project embedded (`netstudio export` and a TrainedModel block take it
    as it is)."""
    return target.with_suffix(".safetensors")


def check_targets(target: Path, force: bool, with_weights: bool = True) -> None:
    """Refuse, before any work, to replace the project file (or its weights file) unless
    `force`: an import must never overwrite a user's work by surprise."""
    paths = (target, weights_path_for(target)) if with_weights else (target,)
    for path in paths:
        if path.exists() and not force:
            raise ImportTargetExists(
                msg("{path} already exists; choose another name or add --force", path=str(path))
            )


def write_imported(
    project: Project, weights: dict[str, Any] | None, target: Path, force: bool = False
) -> list[Path]:
    """Write an imported project to `target` and, when the model came with trained weights,
    those to `weights_path_for(target)`. Returns the paths written, project first."""
    from studio.project import save_project

    check_targets(target, force, with_weights=weights is not None)
    save_project(project, target)
    if weights is None:
        return [target]
    # Torch is needed only here: a file with weights (ONNX) was read with it already.
    from studio.runs.storage import save_weights

    weights_target = weights_path_for(target)
    save_weights(weights_target, weights, project)
    return [target, weights_target]
