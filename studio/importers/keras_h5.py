"""Reads Keras model files without Keras: the `.keras` archive and the legacy `.h5` file.

A `.keras` file is a zip archive holding `config.json` (the architecture), `metadata.json` and
`model.weights.h5` (the weights, one HDF5 group per layer). A legacy `.h5` file is one HDF5 file
whose `model_config` attribute holds the architecture as JSON and whose `model_weights` group
holds one group per layer. Both give a `KerasFile`: the config as plain JSON values and each
layer's weights as numpy arrays, in the order the layer keeps them.

Only JSON and arrays of numbers are read. Nothing in a file is ever run or unpickled: a
Lambda layer's marshalled code stays bytes in the config, and an HDF5 dataset that is not an
array of numbers is refused.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from studio.importers.report import ImportRefused
from studio.messages import Message, msg

MAX_CONFIG_BYTES = 64 * 1024 * 1024
"""An architecture is kilobytes of JSON; more is not a Keras config (and would take long)."""

_HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


@dataclass
class KerasFile:
    """What a Keras model file says, read without Keras."""

    model: dict[str, Any]
    """The model's config: {"class_name": "Sequential" | "Functional", "config": {...}}."""
    weights: dict[str, list[np.ndarray]] = field(default_factory=dict)
    """Layer name → its weights in the layer's own order (kernel, bias, …)."""
    compile: dict[str, Any] | None = None
    """What compile() was given (loss, optimizer), where the file keeps it."""
    version: str = ""
    """The Keras version that saved the file, where it says."""


def read_keras_file(path: Path) -> KerasFile:
    """The architecture and weights of a `.keras` or `.h5` file. Raises ImportRefused with a
    plain message for anything that is not such a file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImportRefused(msg("Cannot read {path}: {reason}", path=str(path),
                                reason=exc.strerror or str(exc))) from None
    if head == _HDF5_SIGNATURE:
        return _read_legacy_h5(path)
    if zipfile.is_zipfile(path):
        return _read_archive(path)
    if path.suffix.lower() == ".keras":
        raise ImportRefused(msg(
            "{path} is not a Keras model archive (a .keras file is a zip archive); it may be "
            "damaged or cut short", path=str(path)))
    raise ImportRefused(msg(
        "{path} is not a Keras model file (neither a .keras archive nor an HDF5 .h5 file); it "
        "may be damaged or cut short", path=str(path)))


# The .keras archive ---------------------------------------------------------------------------


def _read_archive(path: Path) -> KerasFile:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "config.json" not in names:
                raise ImportRefused(msg(
                    "{path} is a zip archive but not a Keras model: it has no config.json",
                    path=str(path)))
            if archive.getinfo("config.json").file_size > MAX_CONFIG_BYTES:
                raise ImportRefused(msg("{path}: config.json is too large to be a model's "
                                        "architecture", path=str(path)))
            config = _json(archive.read("config.json"), path, "config.json")
            if "model.weights.h5" not in names:
                raise ImportRefused(msg(
                    "{path} holds no weights (model.weights.h5 is missing from the archive)",
                    path=str(path)))
            metadata = (_json(archive.read("metadata.json"), path, "metadata.json")
                        if "metadata.json" in names else {})
            model = _model_config(config, path)
            # Read in place (Keras stores the member uncompressed): no copy of all the weights.
            with archive.open("model.weights.h5") as member:
                weights = _archive_weights(member, path, _layer_classes(model))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
            RuntimeError) as exc:  # (a compression zipfile lacks, a password: damaged too)
        raise ImportRefused(msg("{path}: the archive is damaged ({reason})", path=str(path),
                                reason=str(exc))) from None
    except OSError as exc:
        raise ImportRefused(msg("Cannot read {path}: {reason}", path=str(path),
                                reason=exc.strerror or str(exc))) from None
    version = metadata.get("keras_version", "") if isinstance(metadata, dict) else ""
    compile_config = config.get("compile_config") if isinstance(config, dict) else None
    return KerasFile(model, weights, compile_config if isinstance(compile_config, dict)
                     else None, str(version))


def _json(data: bytes | str, path: Path, member: str) -> Any:
    try:
        value = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
        # "\udc84" escapes give text no message can print: refuse them here, once.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
        return value
    except (UnicodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ImportRefused(msg("{path}: {member} is not valid JSON ({reason})", path=str(path),
                                member=member, reason=str(exc))) from None


def _model_config(config: Any, path: Path) -> dict[str, Any]:
    if (not isinstance(config, dict) or not isinstance(config.get("class_name"), str)
            or not isinstance(config.get("config"), dict)):
        raise ImportRefused(msg("{path}: the model's config has no class_name and config; "
                                "not a Keras model", path=str(path)))
    return config


def _layer_classes(model: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, class) of the model's layers in the config's order: the order Keras saves
    their weights in."""
    layers = model["config"].get("layers")
    out = []
    for layer in layers if isinstance(layers, list) else []:
        if isinstance(layer, dict):
            config = layer.get("config") if isinstance(layer.get("config"), dict) else {}
            name = layer.get("name", config.get("name"))
            out.append((str(name), str(layer.get("class_name"))))
    return out


def _snake_case(name: str) -> str:
    """Keras' own naming of a layer's weights group from its class (Conv2D → conv2d)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _open_h5(source: Any, path: Path) -> Any:
    import h5py

    try:
        return h5py.File(source, "r")
    except (OSError, ValueError) as exc:
        raise ImportRefused(msg("{path}: the weights are not a readable HDF5 file ({reason})",
                                path=str(path), reason=str(exc))) from None


def _archive_weights(data: Any, path: Path,
                     layers: list[tuple[str, str]]) -> dict[str, list[np.ndarray]]:
    """Layer name → weights. The archive names each layer's group after its class (conv2d,
    conv2d_1, … in the model's order); newer files also write the layer's name on it."""
    with _open_h5(data, path) as h5:
        try:
            return _weights_by_layer(h5, layers, path)
        except (OSError, KeyError, ValueError) as exc:
            raise ImportRefused(msg("{path}: the weights file is damaged ({reason})",
                                    path=str(path), reason=str(exc))) from None


def _weights_by_layer(h5: Any, layers: list[tuple[str, str]],
                      path: Path) -> dict[str, list[np.ndarray]]:
    import h5py

    groups = h5.get("layers")
    if groups is None:
        return {}
    by_group: dict[str, str] = {}
    used: dict[str, int] = {}
    for name, cls in layers:
        group = _snake_case(cls)
        if group in used:
            used[group] += 1
            group = f"{group}_{used[group]}"
        else:
            used[group] = 0
        by_group[group] = name
    weights: dict[str, list[np.ndarray]] = {}
    for group_name in groups:
        group = groups[group_name]
        if not isinstance(group, h5py.Group):
            continue
        named = group.get("vars")
        name = named.attrs.get("name") if named is not None else None
        name = _text(name) or by_group.get(group_name, group_name)
        weights[name] = _group_arrays(group, path)
    return weights


# Sub-groups in the order their layer lists the weights (forward before backward).
_SUBGROUP_ORDER = ("cell", "layer", "forward_layer", "backward_layer")
_NOT_WEIGHTS = ("seed_generator",)  # a random generator's state: not the model's weights


def _group_arrays(group: Any, path: Path) -> list[np.ndarray]:
    import h5py

    arrays: list[np.ndarray] = []
    variables = group.get("vars")
    if isinstance(variables, h5py.Group):
        keys = sorted(variables, key=lambda k: int(k) if k.isdigit() else 1 << 30)
        arrays.extend(_array(variables[k], path) for k in keys)
    subgroups = [k for k in group if k != "vars" and k not in _NOT_WEIGHTS
                 and isinstance(group[k], h5py.Group)]
    subgroups.sort(key=lambda k: (_SUBGROUP_ORDER.index(k) if k in _SUBGROUP_ORDER
                                  else len(_SUBGROUP_ORDER), k))
    for key in subgroups:
        arrays.extend(_group_arrays(group[key], path))
    return arrays


def _array(dataset: Any, path: Path) -> np.ndarray:
    import h5py

    if not isinstance(dataset, h5py.Dataset) or dataset.dtype.kind not in "fiu":
        raise ImportRefused(msg(
            "{path}: {name} is not an array of numbers; NetStudio reads only numbers as "
            "weights", path=str(path), name=getattr(dataset, "name", "?")))
    try:
        return np.asarray(dataset[()], dtype=np.float32)
    except OSError as exc:
        raise ImportRefused(msg("{path}: the weights {name} cannot be read ({reason})",
                                path=str(path), name=dataset.name, reason=str(exc))) from None


# The legacy .h5 file ------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """An attribute as text. h5py hands bytes that are not UTF-8 over as lone surrogates,
    which no message can print: they become U+FFFD."""
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogateescape")
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray) and value.dtype.kind in "SO" and value.size == 1:
        return _text(value.reshape(-1)[0])
    return None


def _names(value: Any) -> list[str]:
    items = value.tolist() if isinstance(value, np.ndarray) else value
    out = []
    for item in items if isinstance(items, list) else []:
        text = _text(item)
        if text is not None:
            out.append(text)
    return out


def _read_legacy_h5(path: Path) -> KerasFile:
    with _open_h5(str(path), path) as h5:
        try:
            return _legacy_contents(h5, path)
        except (OSError, KeyError, ValueError) as exc:  # (names that are not text, too)
            raise ImportRefused(msg("{path}: the HDF5 file is damaged ({reason})",
                                    path=str(path), reason=str(exc))) from None


def _legacy_contents(h5: Any, path: Path) -> KerasFile:
    text = _text(h5.attrs.get("model_config"))
    if text is None:
        raise ImportRefused(msg(
            "{path} holds no model architecture (no model_config): it is a weights-only file "
            "or not a Keras model. Save the whole model (model.save(...)) and import that",
            path=str(path)))
    if len(text) > MAX_CONFIG_BYTES:
        raise ImportRefused(msg("{path}: model_config is too large to be a model's "
                                "architecture", path=str(path)))
    model = _model_config(_json(text, path, "model_config"), path)
    weights: dict[str, list[np.ndarray]] = {}
    group = h5.get("model_weights", h5)
    for name in _names(group.attrs.get("layer_names", [])):
        layer = group.get(name)
        if layer is None:
            continue
        weights[name] = [_array(layer[w], path)
                         for w in _names(layer.attrs.get("weight_names", []))]
    training = _text(h5.attrs.get("training_config"))
    compile_config = None
    if training is not None:
        loaded = _json(training, path, "training_config")
        if isinstance(loaded, dict):
            compile_config = dict(loaded)
            compile_config.setdefault("optimizer", loaded.get("optimizer_config"))
    version = _text(h5.attrs.get("keras_version")) or ""
    return KerasFile(model, weights, compile_config, version)


# Reading in a child process ---------------------------------------------------------------------

READ_TIMEOUT_S = 600
"""Reading even a large model's weights takes seconds; a file that takes minutes is damaged."""


def read_keras_file_isolated(path: Path) -> KerasFile:
    """`read_keras_file` in a child process. The HDF5 library can crash the whole process on
    a damaged file (a corrupt string attribute is enough): the app must survive that, so the
    child reads the file and hands over plain JSON and a NumPy archive (loaded without
    pickle); a crash of the child is a refusal like any other damaged file."""
    import studio

    environment = dict(os.environ)
    root = str(Path(studio.__file__).resolve().parent.parent)
    environment["PYTHONPATH"] = os.pathsep.join(
        p for p in (root, environment.get("PYTHONPATH")) if p)
    with tempfile.TemporaryDirectory(prefix="netstudio-keras-") as work:
        command = [sys.executable, "-m", "studio.importers.keras_h5", str(path), work]
        try:
            finished = subprocess.run(command, capture_output=True, timeout=READ_TIMEOUT_S,
                                      env=environment, check=False)
        except subprocess.TimeoutExpired:
            raise ImportRefused(msg("{path}: reading the file took more than {minutes} "
                                    "minutes; it is damaged or not a Keras model",
                                    path=str(path), minutes=READ_TIMEOUT_S // 60)) from None
        result = Path(work) / "result.json"
        if finished.returncode != 0 or not result.is_file():
            raise ImportRefused(msg(
                "{path} is damaged: reading it made the HDF5 library fail", path=str(path)))
        return _from_child(Path(work), path)


def _from_child(work: Path, path: Path) -> KerasFile:
    data = json.loads((work / "result.json").read_text(encoding="utf-8"))
    if "refused" in data:
        refused = data["refused"]
        # The template is one of the literal msg(...) templates of the reading code (run in
        # the child), already in the translations: rebuilt as that message, it is translated.
        raise ImportRefused(Message(refused["template"], refused["values"]))
    with np.load(work / "weights.npz", allow_pickle=False) as archive:
        arrays = [archive[f"arr_{i}"] for i in range(len(archive.files))]
    weights: dict[str, list[np.ndarray]] = {}
    start = 0
    for name, count in data["layers"]:
        weights[name] = arrays[start:start + count]
        start += count
    return KerasFile(data["model"], weights, data["compile"], data["version"])


def _child_main(source: str, work: str) -> None:
    """The child's side: read the file, write what it holds (or why it was refused)."""
    out = Path(work)
    try:
        found = read_keras_file(Path(source))
    except ImportRefused as exc:
        message = exc.args[0]
        template = getattr(message, "template", str(message).replace("{", "{{").replace(
            "}", "}}"))
        values = getattr(message, "values", None) or {}
        result = {"refused": {"template": template,
                              "values": {k: str(v) for k, v in values.items()}}}
        (out / "result.json").write_text(json.dumps(result), encoding="utf-8")
        return
    arrays = [a for layer in found.weights.values() for a in layer]
    np.savez(out / "weights.npz", *arrays)
    result = {"model": found.model, "compile": found.compile, "version": found.version,
              "layers": [[name, len(layer)] for name, layer in found.weights.items()]}
    (out / "result.json").write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    _child_main(sys.argv[1], sys.argv[2])
