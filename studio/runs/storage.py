"""Trained models on disk: the files of a run folder, and safetensors weights with their
project beside them or embedded.

A run folder (see studio.runs.folder) holds:
  project.json        the project as trained (graph, data set, settings)
  run.json            the run record: data set and its options, limits, seed, device, status
  model.safetensors   the weights: the state_dict of `compile_graph(project.graph)`, with the
                      project JSON also embedded in the file's metadata
  checkpoint.pt       the last epoch's weights, optimizer state and history (tensors and plain
                      data only: it loads with torch.load(weights_only=True))
  metrics.json        per-epoch history and, at the end, the test figures

Nothing here is unpickled: safetensors holds raw tensors, and .pt files are read with
`weights_only=True`, which refuses any pickled object that is not plain data.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
import zipfile
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from studio.files import PRIVATE_MODE, atomic_write, atomic_write_text
from studio.messages import msg, term
from studio.project import Project, ProjectError, load_project
from studio.runs.layout import (
    PROJECT_FILE,
    WEIGHTS_FILE,
    RunError,
    embedded_project,
)

CHECKPOINT_FORMAT = "netstudio-checkpoint"
CHECKPOINT_VERSION = 2


def save_weights(path: Path, state_dict: dict[str, torch.Tensor], project: Project) -> None:
    """Write weights atomically, with the project embedded so the file stands on its own."""
    tensors = {k: v.detach().to("cpu").contiguous() for k, v in state_dict.items()}
    metadata = {"format": "netstudio-weights", "project": json.dumps(project.to_dict())}
    # The weights are the user's work: readable by them alone, as ssh keys and tokens are.
    atomic_write(path, lambda tmp: save_file(tensors, tmp, metadata=metadata), mode=PRIVATE_MODE)


def load_weights(path: Path) -> dict[str, torch.Tensor]:
    try:
        return load_file(str(path))
    except FileNotFoundError:
        raise RunError(msg("There is no weights file {path}", path=str(path))) from None
    except (SafetensorError, OSError, ValueError, OverflowError) as exc:
        raise RunError(_unreadable_weights(path, exc)) from None


def _unreadable_weights(path: Path, exc: Exception) -> str:
    reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return msg("{path} is not a readable safetensors file ({reason})", path=str(path),
               reason=reason)


def check_weights(project: Project, weights: dict[str, torch.Tensor], source: Path) -> None:
    """The weights must be exactly those of the project's model: same names, same shapes.
    Anything else would load into the wrong layers or fail deep inside PyTorch."""
    from studio.compiler import compile_graph
    from studio.layers.backbone_modules import without_pretrained_files

    with torch.device("meta"), without_pretrained_files():  # only names and shapes wanted
        expected = compile_graph(project.graph).state_dict()
    missing = sorted(set(expected) - set(weights))
    extra = sorted(set(weights) - set(expected))
    if missing or extra:
        raise RunError(
            msg(
                "{path} does not hold this model's weights: {missing} missing, {extra} "
                "unexpected (first: {first})",
                path=str(source),
                missing=len(missing),
                extra=len(extra),
                first=(missing or extra)[0],
            )
        )
    for name, tensor in expected.items():
        got = weights[name]
        if tuple(got.shape) != tuple(tensor.shape):
            raise RunError(
                msg(
                    "{path}: the weight {name} has shape {got}, but the model needs {want}",
                    path=str(source),
                    name=name,
                    got=list(got.shape),
                    want=list(tensor.shape),
                )
            )


def save_checkpoint(path: Path, checkpoint: dict[str, Any]) -> None:
    atomic_write(path, lambda tmp: torch.save(checkpoint, tmp))


# What torch.load may raise on a damaged or hostile file: the restricted unpickler and the zip
# reader each have their own ways to fail, and none of them is the user's concern beyond
# "this file cannot be used".
_LOAD_FAILURES = (
    RuntimeError, EOFError, OSError, ValueError, KeyError, IndexError, TypeError,
    AttributeError, OverflowError, MemoryError, zipfile.BadZipFile, struct.error,
)


def read_torch_file(path: Path) -> Any:
    """What a .pt file holds, read safely: only tensors and plain data, never arbitrary
    objects. Every way the file can fail to load is a RunError naming it."""
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise RunError(msg("There is no file {path}", path=str(path))) from None
    except pickle.UnpicklingError:
        raise RunError(
            msg(
                "{path} was refused: it contains Python objects, not only weights, and "
                "NetStudio never runs code from a file. Use a file saved by NetStudio or a "
                "plain state_dict.",
                path=str(path),
            )
        ) from None
    except _LOAD_FAILURES:
        raise RunError(
            msg("{path} is damaged or not a PyTorch weights file", path=str(path))
        ) from None


def load_checkpoint(path: Path) -> dict[str, Any]:
    """A training checkpoint, read safely and checked for structure: a file that is not a
    NetStudio checkpoint is refused with a message."""
    return checked_checkpoint(read_torch_file(path), path)


MAX_EPOCHS = 100_000


def checked_checkpoint(raw: Any, path: Path) -> dict[str, Any]:
    """The checkpoint in the current layout, or RunError naming what is wrong. Checkpoints of
    the first layout (one `model`, or a GAN's `generator` and `discriminator`) are converted."""

    def bad(what: str) -> RunError:
        return RunError(
            msg("{path} is not a usable NetStudio checkpoint: {what}", path=str(path), what=what)
        )

    if not isinstance(raw, dict):
        raise bad(term("it holds no checkpoint record"))
    ckpt = _current_layout(raw)
    epoch = ckpt.get("epoch")
    if not isinstance(epoch, int) or isinstance(epoch, bool) or not 0 <= epoch <= MAX_EPOCHS:
        raise bad(term("its epoch count is missing or impossible"))
    history = ckpt.get("history")
    if (
        not isinstance(history, list)
        or len(history) != epoch
        or not all(_plain_record(h) for h in history)
    ):
        raise bad(term("its history does not match its epoch count"))
    models = ckpt.get("models")
    if not isinstance(models, dict) or not models or not all(
        isinstance(k, str) and _tensor_dict(v) for k, v in models.items()
    ):
        raise bad(term("it holds no model weights"))
    for key in ("optimizers", "schedules"):
        value = ckpt.get(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise bad(term("its optimizer state is damaged"))
    rng = ckpt.get("rng")
    if not isinstance(rng, dict) or not all(
        isinstance(rng.get(k), torch.Tensor) and rng[k].dtype == torch.uint8 for k in ("torch",
                                                                                     "order")
    ):
        raise bad(term("its random number state is damaged"))
    if not isinstance(ckpt.get("optimizer_name"), str):
        raise bad(term("it does not name its optimizer"))
    stopping = ckpt.get("early_stopping")
    if not isinstance(stopping, dict) or not isinstance(stopping.get("since_best", 0), int):
        raise bad(term("its early-stopping state is damaged"))
    return ckpt


def _current_layout(raw: dict[str, Any]) -> dict[str, Any]:
    if raw.get("format") == CHECKPOINT_FORMAT:
        return raw
    if isinstance(raw.get("model"), dict):  # a supervised run of the first layout
        return {
            "format": CHECKPOINT_FORMAT, "version": CHECKPOINT_VERSION, "task": "supervised",
            "epoch": raw.get("epoch"), "history": raw.get("history"),
            "models": {"model": raw["model"]},
            "optimizer_name": raw.get("optimizer_name"),
            "optimizers": [raw.get("optimizer")],
            "schedules": [raw.get("schedule") or {}],
            "rng": {"torch": raw.get("torch_rng"), "order": raw.get("generator")},
            "early_stopping": raw.get("early_stopping") or {},
        }
    if isinstance(raw.get("generator"), dict):  # a GAN run of the first layout
        return {
            "format": CHECKPOINT_FORMAT, "version": CHECKPOINT_VERSION, "task": "gan",
            "epoch": raw.get("epoch"), "history": raw.get("history"),
            "models": {"generator": raw["generator"], "discriminator": raw.get("discriminator")},
            "optimizer_name": raw.get("optimizer_name"),
            "optimizers": [raw.get("g_optimizer"), raw.get("d_optimizer")],
            "schedules": [{}, {}],
            "rng": {"torch": raw.get("torch_rng"), "order": raw.get("order_generator")},
            "early_stopping": {},
        }
    return raw


def _tensor_dict(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in value.items()
    )


def _plain_record(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and (v is None or isinstance(v, (int, float, str)))
        for k, v in value.items()
    )


def load_trained(source: str | os.PathLike[str]) -> tuple[Project, dict[str, torch.Tensor] | None]:
    """A project and its trained weights from a run folder, a .safetensors file (with its
    project embedded or beside it), or a project .json (no weights)."""
    path = Path(source)
    if path.is_dir():
        project_path, weights_path = path / PROJECT_FILE, path / WEIGHTS_FILE
        if not project_path.is_file():
            raise RunError(f"{path} is not a NetStudio run folder: it has no {PROJECT_FILE}")
        project = load_project(project_path)
        if not weights_path.is_file():
            return project, None
        weights = load_weights(weights_path)
        check_weights(project, weights, weights_path)
        return project, weights
    if path.suffix == ".safetensors":
        beside = path.with_suffix(".json")
        project = load_project(beside) if beside.is_file() else embedded_project(path)
        if project is None:
            raise RunError(f"{path} has no project: put its project .json beside it")
        weights = load_weights(path)
        check_weights(project, weights, path)
        return project, weights
    if not path.exists():
        raise ProjectError(f"There is no file or folder {path}")
    return load_project(path), None


def write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2) + "\n")
