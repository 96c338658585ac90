"""Project files: one human-readable, versioned JSON document per project.

Reading validates everything and names the offending field; a file that cannot be read is
never modified. Saving writes a temporary file beside the target and renames it over, so a
crash mid-save leaves the old file intact.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import StudioError
from studio.files import atomic_write_text
from studio.graph import Graph, GraphError, graph_from_dict
from studio.layers.registry import UnknownLayerError
from studio.messages import msg
from studio.params import ParamError
from studio.settings import (
    DATASET_DEFAULTS,
    default_training,
    validate_dataset,
    validate_training,
)

FORMAT = "netstudio-project"
VERSION = 1


class ProjectError(StudioError):
    """A project file that cannot be used. The message says which file, what, and where."""


@dataclass
class Project:
    name: str = "Untitled"
    graph: Graph = field(default_factory=Graph)
    dataset: dict[str, Any] = field(default_factory=lambda: dict(DATASET_DEFAULTS))
    training: dict[str, Any] = field(default_factory=default_training)
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "description": self.description,
            "graph": self.graph.to_dict(),
            "dataset": dict(self.dataset),
            "training": dict(self.training),
        }


def _require(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise ProjectError(f"{where}: the field {key!r} is missing")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        names = {dict: "an object", list: "a list", str: "text", int: "a whole number"}
        expected = names.get(kind, getattr(kind, "__name__", str(kind)))
        raise ProjectError(f"{where}.{key} must be {expected}, not {type(value).__name__}")
    return value


def project_from_dict(data: Any, where: str = "project") -> Project:
    if not isinstance(data, dict):
        raise ProjectError(
            msg("{where}: not a NetStudio project (expected a JSON object)", where=where)
        )
    if data.get("format") != FORMAT:
        raise ProjectError(
            msg(
                "{where}: not a NetStudio project (the 'format' field is not {format!r})",
                where=where,
                format=FORMAT,
            )
        )
    version = _require(data, "version", int, where)
    if version > VERSION:
        raise ProjectError(
            msg(
                "{where} was saved by a newer NetStudio (file format {version}; this version "
                "reads up to {supported}). Update NetStudio to open it; the file was not changed.",
                where=where,
                version=version,
                supported=VERSION,
            )
        )
    if version < 1:
        raise ProjectError(f"{where}.version must be 1 or more, not {version}")
    name = _require(data, "name", str, where)
    graph_data = _require(data, "graph", dict, where)
    graph = _graph(graph_data, f"{where}.graph")
    dataset = _settings(data.get("dataset", {}), validate_dataset, f"{where}.dataset")
    training = _settings(data.get("training", {}), validate_training, f"{where}.training")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ProjectError(f"{where}.description must be text")
    return Project(name, graph, dataset, training, description)


def _graph(data: dict[str, Any], where: str) -> Graph:
    nodes = _require(data, "nodes", list, where)
    edges = _require(data, "edges", list, where)
    for i, node in enumerate(nodes):
        here = f"{where}.nodes[{i}]"
        if not isinstance(node, dict):
            raise ProjectError(f"{here} must be an object")
        _require(node, "id", str, here)
        _require(node, "type", str, here)
        if not isinstance(node.get("params", {}), dict):
            raise ProjectError(f"{here}.params must be an object")
        position = node.get("position", [0, 0])
        if not (
            isinstance(position, list)
            and len(position) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in position)
        ):
            raise ProjectError(f"{here}.position must be two numbers [x, y]")
    for i, edge in enumerate(edges):
        here = f"{where}.edges[{i}]"
        if not isinstance(edge, dict):
            raise ProjectError(f"{here} must be an object")
        _require(edge, "from", str, here)
        _require(edge, "to", str, here)
        if not isinstance(edge.get("port", 0), int):
            raise ProjectError(f"{here}.port must be a whole number")
    try:
        return graph_from_dict(data)
    except UnknownLayerError as exc:
        raise ProjectError(msg("{where}: {error}", where=where, error=str(exc))) from None
    except GraphError as exc:
        raise ProjectError(msg("{where}: {error}", where=where, error=str(exc))) from None


def _settings(values: Any, validate, where: str) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise ProjectError(f"{where} must be an object")
    try:
        return validate(values)
    except ParamError as exc:
        raise ProjectError(msg("{where}: {error}", where=where, error=str(exc))) from None


def load_project(path: str | os.PathLike[str]) -> Project:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectError(msg("There is no file {path}", path=path)) from None
    except IsADirectoryError:
        raise ProjectError(msg("{path} is a folder, not a project file", path=path)) from None
    except UnicodeDecodeError:
        raise ProjectError(
            msg("{path} is not a text file, so not a NetStudio project", path=path)
        ) from None
    except OSError as exc:
        raise ProjectError(
            msg("{path} cannot be read: {error}", path=path, error=exc.strerror)
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(
            msg(
                "{path} is damaged or not JSON (line {line}, column {column}: {error})",
                path=path,
                line=exc.lineno,
                column=exc.colno,
                error=exc.msg,
            )
        ) from None
    return project_from_dict(data, where=path.name)


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    write_json_atomic(project.to_dict(), Path(path))


_SHORT_LIST = re.compile(r"\[\s+([^\[\]{}\n]*(?:\n[^\[\]{}\n]*)*?)\s+\]")


def dumps_readable(data: Any) -> str:
    """Indented JSON with lists of plain values kept on one line ([1, 28, 28])."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _SHORT_LIST.sub(lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)


def write_json_atomic(data: Any, path: Path) -> None:
    atomic_write_text(path, dumps_readable(data) + "\n")
