"""What an export reads: a run folder, weights with their project, or a bare project.

Nothing is unpickled: safetensors holds raw tensors, and .pt files are read with
`torch.load(weights_only=True)`, which refuses any pickled object that is not plain data.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from studio.export_targets import ExportError
from studio.messages import msg
from studio.project import Project, load_project
from studio.runs import CHECKPOINT_FILE, WEIGHTS_FILE, load_checkpoint, load_trained
from studio.runs.storage import checked_checkpoint, read_torch_file

TORCH_WEIGHT_SUFFIXES = (".pt", ".pth")


def load_source(
    source: str | os.PathLike[str], note: Callable[[str], None] | None = None
) -> tuple[Project, dict[str, torch.Tensor] | None]:
    """The project and its weights (None for a bare project) from anything NetStudio exports
    or trains: a run folder, a .safetensors file, a .pt state_dict or checkpoint with its
    project .json beside it, or a project .json. Nothing is unpickled."""
    path = Path(source)
    if path.suffix.lower() in TORCH_WEIGHT_SUFFIXES:
        project_path = path.with_suffix(".json")
        if not path.is_file():
            raise ExportError(msg("There is no weights file {path}", path=str(path)))
        if not project_path.is_file():
            raise ExportError(
                msg(
                    "{path} holds only weights; put the project they belong to beside it as {name}",
                    path=str(path),
                    name=project_path.name,
                )
            )
        project = load_project(project_path)
        return project, read_torch_weights(path)
    if path.is_dir() and not (path / WEIGHTS_FILE).is_file() and (path / CHECKPOINT_FILE).is_file():
        # A run stopped before it wrote its final weights: its last checkpoint has them.
        project, _ = load_trained(path)
        checkpoint = load_checkpoint(path / CHECKPOINT_FILE)
        if note is not None:
            note(
                msg(
                    "{path} has no {file}: exporting its last checkpoint (epoch {epoch})",
                    path=str(path),
                    file=WEIGHTS_FILE,
                    epoch=checkpoint.get("epoch", "?"),
                )
            )
        return project, checkpoint_weights(checkpoint, path)
    return load_trained(path)


def read_torch_weights(path: Path) -> dict[str, torch.Tensor]:
    """The weights in a .pt file: a plain state_dict (what the pt export writes) or a training
    checkpoint, whose structure studio.runs checks."""
    data = read_torch_file(path)
    if _is_state_dict(data):
        return data
    if isinstance(data, dict) and any(k in data for k in ("format", "model", "models")):
        return checkpoint_weights(checked_checkpoint(data, path), path)
    raise _not_weights(path)


def checkpoint_weights(checkpoint: dict[str, Any], path: Path) -> dict[str, torch.Tensor]:
    """The model's weights in a checkpoint, of the current layout ("models") or the first."""
    models = checkpoint.get("models")
    if isinstance(models, dict):
        weights = models.get("model")
        if weights is None and len(models) == 1:
            weights = next(iter(models.values()))
    else:
        weights = checkpoint.get("model")
    if not _is_state_dict(weights):
        raise _not_weights(path)
    return weights


def _is_state_dict(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(k, str) and torch.is_tensor(v) for k, v in data.items()
    )


def _not_weights(path: Path) -> ExportError:
    return ExportError(
        msg(
            "{path} is not a state_dict (a mapping of names to tensors) or a NetStudio checkpoint",
            path=str(path),
        )
    )
