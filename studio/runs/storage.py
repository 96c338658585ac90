"""Trained models on disk: a run folder, or safetensors weights with their project beside them.

A run folder (what `netstudio train --out DIR` writes) holds:
  project.json        the project as trained (graph, data set, settings)
  model.safetensors   the weights: the state_dict of `compile_graph(project.graph)`, with the
                      project JSON also embedded in the file's metadata
  checkpoint.pt       the last epoch's weights, optimizer state and history (tensors and plain
                      data only: it loads with torch.load(weights_only=True))
  metrics.json        per-epoch history and the final test accuracy

Nothing here is unpickled: safetensors holds raw tensors, and .pt files are read with
`weights_only=True`, which refuses any pickled object that is not plain data.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from studio.errors import StudioError
from studio.files import atomic_write, atomic_write_text
from studio.project import Project, ProjectError, load_project, project_from_dict

PROJECT_FILE = "project.json"
WEIGHTS_FILE = "model.safetensors"
CHECKPOINT_FILE = "checkpoint.pt"
METRICS_FILE = "metrics.json"


class RunError(StudioError):
    """A trained model that cannot be read. The message is for the user."""


def save_weights(path: Path, state_dict: dict[str, torch.Tensor], project: Project) -> None:
    """Write weights atomically, with the project embedded so the file stands on its own."""
    tensors = {k: v.detach().to("cpu").contiguous() for k, v in state_dict.items()}
    metadata = {"format": "netstudio-weights", "project": json.dumps(project.to_dict())}
    atomic_write(path, lambda tmp: save_file(tensors, tmp, metadata=metadata))


def load_weights(path: Path) -> dict[str, torch.Tensor]:
    try:
        return load_file(str(path))
    except FileNotFoundError:
        raise RunError(f"There is no weights file {path}") from None
    except (SafetensorError, OSError, ValueError) as exc:
        raise RunError(f"{path} is not a readable safetensors file ({exc})") from None


def embedded_project(path: Path) -> Project | None:
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as f:
            metadata = f.metadata() or {}
    except (SafetensorError, OSError, ValueError) as exc:
        raise RunError(f"{path} is not a readable safetensors file ({exc})") from None
    if "project" not in metadata:
        return None
    try:
        return project_from_dict(json.loads(metadata["project"]), where=path.name)
    except json.JSONDecodeError:
        raise RunError(f"{path} holds a damaged project description") from None


def save_checkpoint(path: Path, checkpoint: dict[str, Any]) -> None:
    atomic_write(path, lambda tmp: torch.save(checkpoint, tmp))


def load_checkpoint(path: Path) -> dict[str, Any]:
    """Read a checkpoint safely: only tensors and plain data, never arbitrary objects."""
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise RunError(f"There is no checkpoint {path}") from None
    except pickle.UnpicklingError as exc:
        raise RunError(
            f"{path} was refused: it contains Python objects, not only weights, and NetStudio "
            "never runs code from a file. Use a file saved by NetStudio or a plain state_dict. "
            f"({str(exc).splitlines()[0]})"
        ) from None
    except (RuntimeError, EOFError, OSError, ValueError) as exc:
        raise RunError(f"{path} is damaged or not a PyTorch checkpoint ({exc})") from None


def load_trained(source: str | os.PathLike[str]) -> tuple[Project, dict[str, torch.Tensor] | None]:
    """A project and its trained weights from a run folder, a .safetensors file (with its
    project embedded or beside it), or a project .json (no weights)."""
    path = Path(source)
    if path.is_dir():
        project_path, weights_path = path / PROJECT_FILE, path / WEIGHTS_FILE
        if not project_path.is_file():
            raise RunError(f"{path} is not a NetStudio run folder: it has no {PROJECT_FILE}")
        project = load_project(project_path)
        return project, load_weights(weights_path) if weights_path.is_file() else None
    if path.suffix == ".safetensors":
        beside = path.with_suffix(".json")
        project = load_project(beside) if beside.is_file() else embedded_project(path)
        if project is None:
            raise RunError(f"{path} has no project: put its project .json beside it")
        return project, load_weights(path)
    if not path.exists():
        raise ProjectError(f"There is no file or folder {path}")
    return load_project(path), None


def write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2) + "\n")
