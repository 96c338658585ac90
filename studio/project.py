"""Project files: one human-readable, versioned JSON document per project.

Reading validates everything and names the offending field; a file that cannot be read is
never modified. Saving writes a temporary file beside the target and renames it over, so a
crash mid-save leaves the old file intact.

A project file may come from anyone (downloaded, shared, hand-edited), so reading is bounded
and strict: at most MAX_FILE_BYTES, UTF-8 (a byte-order mark is allowed), and the document
checked by studio.project_json (no NaN or infinities, no integer of more than 30 digits, no
duplicate keys, no lone surrogates or NUL characters, nesting at most 32 deep); a name of at
most MAX_NAME_LENGTH characters on one line, a description of at most MAX_DESCRIPTION_LENGTH,
at most MAX_NODES nodes; positions within ±1e8. Every refusal is a ProjectError naming the file
and the field. Fields NetStudio does not know are no error (a later version may add some):
they are left out, and `Project.notes` says which, for the command line to print and the app to
show.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import StudioError
from studio.files import atomic_write_text
from studio.graph import MAX_COORDINATE, MAX_ID_LENGTH, Graph, GraphError, graph_from_dict
from studio.layers.registry import UnknownLayerError
from studio.messages import msg
from studio.params import ParamError, shown
from studio.project_json import DocumentError, TextRule, check_document, parse_json
from studio.settings import (
    DATASET_DEFAULTS,
    default_training,
    validate_dataset,
    validate_training,
)

FORMAT = "netstudio-project"
VERSION = 1

MAX_FILE_BYTES = 32 * 1024 * 1024
"""A 20,000-node chain takes 6 MB; reading stops here instead of filling the memory."""
MAX_NAME_LENGTH = 1_000
MAX_DESCRIPTION_LENGTH = 100_000
MAX_NODES = 50_000
MAX_EDGES = 8 * MAX_NODES  # a node has at most 8 inputs
MAX_NOTES = 10

_TEXTS = {
    "name": TextRule(MAX_NAME_LENGTH, plain=True),
    "description": TextRule(MAX_DESCRIPTION_LENGTH, plain=True, lines=True),
}
_KNOWN_FIELDS = {
    "project": {"format", "version", "name", "description", "graph", "dataset", "training"},
    "graph": {"nodes", "edges"},
    "node": {"id", "type", "params", "position"},
    "edge": {"from", "to", "port"},
}


class ProjectError(StudioError):
    """A project file that cannot be used. The message says which file, what, and where."""


@dataclass
class Project:
    name: str = "Untitled"
    graph: Graph = field(default_factory=Graph)
    dataset: dict[str, Any] = field(default_factory=lambda: dict(DATASET_DEFAULTS))
    training: dict[str, Any] = field(default_factory=default_training)
    description: str = ""
    notes: list[str] = field(default_factory=list, compare=False)
    """What reading the file left out or changed (unknown fields), one sentence each: not
    saved, shown once after opening (the command line prints them as "note: …")."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "description": self.description,
            "graph": self.graph.to_dict(),
            # Every setting written, the defaults of those a builder left out included, so a
            # file always reads back as the same project.
            "dataset": {**DATASET_DEFAULTS, **self.dataset},
            "training": dict(self.training),
        }


_KIND_NAMES = {dict: "an object", list: "a list", str: "text", int: "a whole number"}


def _require(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ProjectError(msg("{where}: the field {key!r} is missing", where=where, key=key))
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ProjectError(
            msg(
                "{where}.{key} must be {expected}, not {actual}",
                where=where,
                key=key,
                expected=_KIND_NAMES[kind],
                actual=type(value).__name__,
            )
        )
    return value


def project_from_dict(data: Any, where: str = "project") -> Project:
    """A project from its JSON form (parsed by `parse_json` or by anyone), checked throughout."""
    try:
        check_document(data, _TEXTS)
    except DocumentError as exc:
        raise _document_error(exc, where) from None
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
        raise ProjectError(
            msg("{where}.version must be 1 or more, not {version}", where=where, version=version)
        )
    unknown = _UnknownFields()
    unknown.check(data, "project", where)
    name = _require(data, "name", str, where)
    graph_data = _require(data, "graph", dict, where)
    graph = _graph(graph_data, f"{where}.graph", unknown)
    dataset = _settings(data.get("dataset", {}), validate_dataset, f"{where}.dataset")
    training = _settings(data.get("training", {}), validate_training, f"{where}.training")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ProjectError(msg("{where}.description must be text", where=where))
    return Project(name, graph, dataset, training, description, unknown.notes())


class _UnknownFields:
    """Fields left out, gathered by name so that a field on every one of 20,000 nodes makes one
    note, not 20,000."""

    def __init__(self) -> None:
        self.places: dict[str, list[str]] = {}

    def check(self, data: dict[str, Any], kind: str, where: str) -> None:
        for key in data.keys() - _KNOWN_FIELDS[kind]:
            self.places.setdefault(key, []).append(where)

    def notes(self) -> list[str]:
        notes = []
        for key, places in sorted(self.places.items())[:MAX_NOTES]:
            if len(places) == 1:
                note = msg(
                    "{where} has a field {key!r} that NetStudio does not know; it was left "
                    "out, and saving the project drops it",
                    where=places[0],
                    key=shown(key),
                )
            else:
                note = msg(
                    "{where} and {count:,} more have a field {key!r} that NetStudio does not "
                    "know; it was left out, and saving the project drops it",
                    where=places[0],
                    count=len(places) - 1,
                    key=shown(key),
                )
            notes.append(note)
        if len(self.places) > MAX_NOTES:
            notes.append(
                msg("… and {count} more unknown fields", count=len(self.places) - MAX_NOTES)
            )
        return notes


def _graph(data: dict[str, Any], where: str, unknown: _UnknownFields) -> Graph:
    unknown.check(data, "graph", where)
    nodes = _require(data, "nodes", list, where)
    edges = _require(data, "edges", list, where)
    for items, limit, what in ((nodes, MAX_NODES, "nodes"), (edges, MAX_EDGES, "edges")):
        if len(items) > limit:
            raise ProjectError(
                msg(
                    "{where}.{what} holds {count:,} items; a project holds at most {limit:,}",
                    where=where,
                    what=what,
                    count=len(items),
                    limit=limit,
                )
            )
    for i, node in enumerate(nodes):
        _check_node(node, f"{where}.nodes[{i}]", unknown)
    for i, edge in enumerate(edges):
        here = f"{where}.edges[{i}]"
        if not isinstance(edge, dict):
            raise ProjectError(msg("{where} must be an object", where=here))
        unknown.check(edge, "edge", here)
        _require_name(edge, "from", here)
        _require_name(edge, "to", here)
        port = edge.get("port", 0)
        if not isinstance(port, int) or isinstance(port, bool):
            raise ProjectError(msg("{where}.port must be a whole number", where=here))
    try:
        return graph_from_dict(data)
    except UnknownLayerError as exc:
        raise ProjectError(msg("{where}: {error}", where=where, error=str(exc))) from None
    except GraphError as exc:
        raise ProjectError(msg("{where}: {error}", where=where, error=str(exc))) from None


def _check_node(node: Any, here: str, unknown: _UnknownFields) -> None:
    if not isinstance(node, dict):
        raise ProjectError(msg("{where} must be an object", where=here))
    unknown.check(node, "node", here)
    _require_name(node, "id", here)
    _require_name(node, "type", here)
    if not isinstance(node.get("params", {}), dict):
        raise ProjectError(msg("{where}.params must be an object", where=here))
    position = node.get("position", [0, 0])
    if not (
        isinstance(position, list)
        and len(position) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in position)
        and all(abs(v) <= MAX_COORDINATE for v in position)
    ):
        raise ProjectError(
            msg(
                "{where}.position must be two numbers [x, y] between -{limit:g} and {limit:g}",
                where=here,
                limit=MAX_COORDINATE,
            )
        )


def _require_name(data: dict[str, Any], key: str, where: str) -> str:
    """A node id or layer type: text, and short (ids are checked in full by the graph)."""
    value = _require(data, key, str, where)
    if len(value) > MAX_ID_LENGTH:
        raise ProjectError(
            msg(
                "{where}.{key} is {length:,} characters long; names of nodes and layers are "
                "at most {limit}",
                where=where,
                key=key,
                length=len(value),
                limit=MAX_ID_LENGTH,
            )
        )
    return value


def _settings(values: Any, validate: Callable[[dict], dict], where: str) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise ProjectError(msg("{where} must be an object", where=where))
    try:
        return validate(values)
    except ParamError as exc:
        raise ProjectError(msg("{where}: {error}", where=where, error=str(exc))) from None


def project_from_text(text: str, where: str = "project") -> Project:
    """A project from the text of its file (`where` names it in messages)."""
    return project_from_dict(_parse(text, where), where=where)


def load_project(path: str | os.PathLike[str]) -> Project:
    path = Path(path)
    return project_from_text(_read_text(path), where=path.name)


def read_json_file(path: str | os.PathLike[str], where: str | None = None) -> Any:
    """Any JSON file NetStudio reads that someone else may have written (a run's record, an
    autosave), with the project file's bounds: a regular file of at most MAX_FILE_BYTES,
    UTF-8, no NaN, huge numbers, duplicate keys, lone surrogates or deep nesting. Raises
    ProjectError (a StudioError) naming the file and the field."""
    path = Path(path)
    where = where or path.name
    data = _parse(_read_text(path), where)
    try:
        check_document(data)
    except DocumentError as exc:
        raise _document_error(exc, where) from None
    return data


def _parse(text: str, where: str) -> Any:
    try:
        return parse_json(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(
            msg(
                "{path} is damaged or not JSON (line {line}, column {column}: {error})",
                path=where,
                line=exc.lineno,
                column=exc.colno,
                error=exc.msg,
            )
        ) from None
    except RecursionError:
        # The parser nests one call per bracket; the walk after it refuses anything past 32.
        raise ProjectError(
            msg("{path} is nested far too deeply to be a NetStudio file", path=where)
        ) from None


def _document_error(exc: DocumentError, where: str) -> ProjectError:
    if exc.path:
        return ProjectError(
            msg("{where}: {field} {reason}", where=where, field=exc.path, reason=exc.reason)
        )
    return ProjectError(msg("{where} {reason}", where=where, reason=exc.reason))


def _read_text(path: Path) -> str:
    """The file's text, refusing what is not a regular file (a FIFO would block forever, a
    device never ends), more than MAX_FILE_BYTES, or not UTF-8."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ProjectError(msg("{path} is a folder, not a project file", path=path))
        if not stat.S_ISREG(info.st_mode):
            raise ProjectError(msg("{path} is not a regular file", path=path))
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ProjectError(msg("There is no file {path}", path=path)) from None
    except IsADirectoryError:
        raise ProjectError(msg("{path} is a folder, not a project file", path=path)) from None
    except OSError as exc:
        raise ProjectError(
            msg("{path} cannot be read: {error}", path=path, error=exc.strerror or str(exc))
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ProjectError(
            msg(
                "{path} is larger than {limit} MB; a project file is far smaller, so this is "
                "not one",
                path=path,
                limit=MAX_FILE_BYTES // (1024 * 1024),
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectError(
            msg(
                "{path} is not UTF-8 text (byte {offset:,}), so not a NetStudio project",
                path=path,
                offset=exc.start,
            )
        ) from None


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    write_json_atomic(project.to_dict(), Path(path))


def dumps_readable(data: Any) -> str:
    """Indented JSON with lists of plain values kept on one line ([1, 28, 28]).

    Written out value by value: the regular expression that used to fold the lists back took
    minutes on a description of a bracket and a few thousand spaces (it backtracked), and
    could change the spacing inside strings."""
    return _readable(data, "")


def _readable(value: Any, indent: str) -> str:
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = (f"{inner}{_scalar(str(k))}: {_readable(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)) and value:
        if not any(isinstance(v, (dict, list, tuple)) for v in value):
            return "[" + ", ".join(_scalar(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + _readable(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, (list, tuple)):
        return "[]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_json_atomic(data: Any, path: Path) -> None:
    atomic_write_text(path, dumps_readable(data) + "\n")
