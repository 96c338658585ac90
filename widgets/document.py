"""The open project: its graph, file path, undo stack and latest shape analysis.

Every edit goes through `execute`, which runs a command once (the graph may refuse it with a
GraphError, reported through `editRefused`) and only then pushes it. Shapes are inferred again
after each change; changes inside one command or one undo step are analysed once, at the end.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from studio.graph import Edge, Graph, GraphError
from studio.layers.registry import get_layer
from studio.layers.run_block import run_paths_from
from studio.params import ParamError
from studio.project import Project
from studio.settings import validate_dataset, validate_training
from studio.shapes import Analysis, infer_shapes
from widgets import commands
from widgets.i18n import layer_title, template_text, tr_error
from widgets.training.commands import SetSettings

CLIPBOARD_FORMAT = "netstudio-nodes"


class Document(QObject):
    analysisChanged = Signal(object)  # Analysis
    projectReplaced = Signal(object, object)  # (old graph or None, new graph)
    editRefused = Signal(str)
    pathChanged = Signal()
    settingsChanged = Signal()  # the project's training or data set settings
    nameChanged = Signal()  # the project's name

    def __init__(self, project: Project, path: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.project = project
        self.path = Path(path) if path else None
        self._batch = 0
        self._stale = False
        self.analysis: Analysis = self._infer(project.graph)
        project.graph.changed.connect(self._on_graph_changed)

    # State ----------------------------------------------------------------------------------

    def _infer(self, graph) -> Analysis:
        """Shape inference; a TrainedModel's run named relative to the project file is found
        from the file's folder."""
        with run_paths_from(self.path.parent if self.path else None):
            return infer_shapes(graph)

    @property
    def graph(self) -> Graph:
        return self.project.graph

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else template_text(self.project.name)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def replace(self, project: Project, path: Path | None, modified: bool = False) -> None:
        """Show another project in this document (open, new, restore): the undo history ends."""
        old = self.project.graph
        old.changed.disconnect(self._on_graph_changed)
        self.undo_stack.clear()
        self.project = project
        self.path = Path(path) if path else None
        project.graph.changed.connect(self._on_graph_changed)
        self.analysis = self._infer(project.graph)
        if modified:
            self.undo_stack.resetClean()
        self.projectReplaced.emit(old, project.graph)
        self.pathChanged.emit()
        self.nameChanged.emit()
        self.analysisChanged.emit(self.analysis)
        self.settingsChanged.emit()

    def set_path(self, path: Path) -> None:
        self.path = Path(path)
        self.pathChanged.emit()

    def close(self) -> None:
        self.graph.changed.disconnect(self._on_graph_changed)

    # Analysis -------------------------------------------------------------------------------

    def _on_graph_changed(self) -> None:
        if self._batch:
            self._stale = True
        else:
            self.reanalyse()

    def reanalyse(self) -> None:
        self._stale = False
        self.analysis = self._infer(self.graph)
        self.analysisChanged.emit(self.analysis)

    @contextlib.contextmanager
    def batch(self):
        """Analyse once after everything inside has changed the graph."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch and self._stale:
                self.reanalyse()

    # Undo -----------------------------------------------------------------------------------

    def execute(self, command: commands.GraphCommand) -> bool:
        with self.batch():
            try:
                command.apply()
            except GraphError as exc:
                self.editRefused.emit(tr_error(exc))
                return False
            self.undo_stack.push(command)
        return True

    def undo(self) -> None:
        with self.batch():
            self.undo_stack.undo()

    def redo(self) -> None:
        with self.batch():
            self.undo_stack.redo()

    # Edits ----------------------------------------------------------------------------------

    def add_node(
        self, layer_id: str, position: tuple[float, float], params: dict[str, Any] | None = None
    ) -> str | None:
        title = layer_title(get_layer(layer_id))
        command = commands.AddNode(self.graph, layer_id, position, params, title)
        return command.node_id if self.execute(command) else None

    def connect(self, source: str, target: str, port: int | None = None) -> bool:
        return self.execute(commands.Connect(self.graph, source, target, port))

    def insert_into_edge(
        self,
        layer_id: str,
        position: tuple[float, float],
        edge: Edge,
        shifts: dict[str, tuple[float, float]] | None = None,
    ) -> str | None:
        """Add a layer in the middle of a connection (one undo step); its id, or None."""
        title = layer_title(get_layer(layer_id))
        command = commands.InsertIntoEdge(self.graph, layer_id, position, edge, shifts, title)
        return command.node_id if self.execute(command) else None

    def can_reconnect(self, node_id: str) -> bool:
        """Whether deleting the node can join its single input to the layers it feeds."""
        if node_id not in self.graph.nodes:
            return False
        inputs = [e for e in self.graph.incoming(node_id) if e is not None]
        return len(inputs) == 1 and bool(self.graph.outgoing(node_id))

    def delete_and_reconnect(self, node_id: str) -> bool:
        return self.execute(commands.DeleteAndReconnect(self.graph, node_id))

    def set_project_name(self, name: str) -> bool:
        """Rename the model (undoable); an empty name is refused."""
        # A title: no control characters (a pasted line break, an escape code), single spaces.
        name = " ".join("".join(c if c.isprintable() else " " for c in name).split())
        if not name:
            self.editRefused.emit(QCoreApplication.translate("Document", "The model needs a name"))
            self.nameChanged.emit()  # the field shows the name that stayed
            return False
        if name == self.project.name:
            return True
        self.undo_stack.push(commands.SetProjectName(self.project, name, self.nameChanged.emit))
        return True

    def remove(self, node_ids: list[str], edges: list[Edge]) -> bool:
        if not node_ids and not edges:
            return False
        return self.execute(commands.Remove(self.graph, node_ids, edges))

    def move(
        self,
        old: dict[str, tuple[float, float]],
        new: dict[str, tuple[float, float]],
        gesture: int | None = None,
        text: str = "",
    ) -> bool:
        changed = {k: v for k, v in new.items() if self.graph.nodes[k].position != tuple(v)}
        if not changed:
            return False
        return self.execute(commands.Move(self.graph, old, changed, gesture, text))

    def set_param(self, node_id: str, name: str, value: Any) -> bool:
        if self.graph.node(node_id).params.get(name) == value:
            return True
        return self.execute(commands.SetParams(self.graph, node_id, {name: value}))

    def set_training(self, updates: dict[str, Any]) -> bool:
        """Change training settings (validated, undoable); the running training is a copy."""
        return self._set_settings("training", validate_training, updates)

    def set_dataset(self, updates: dict[str, Any]) -> bool:
        return self._set_settings("dataset", validate_dataset, updates)

    def _set_settings(self, kind: str, validate, updates: dict[str, Any]) -> bool:
        current = getattr(self.project, kind)
        try:
            values = validate({**current, **updates})
        except ParamError as exc:
            self.editRefused.emit(tr_error(exc))
            self.settingsChanged.emit()  # the panel shows the value that stayed
            return False
        if values == current:
            return True
        names = ", ".join(k for k in values if values[k] != current.get(k))
        text = QCoreApplication.translate("commands", "Set %1").replace("%1", names)
        self.undo_stack.push(
            SetSettings(self.project, kind, values, text, self.settingsChanged.emit)
        )
        return True

    # Copy and paste -------------------------------------------------------------------------

    def copy_data(self, node_ids: list[str]) -> dict[str, Any]:
        """The selected nodes and the edges among them, as JSON-ready data."""
        chosen = set(node_ids)
        return {
            "format": CLIPBOARD_FORMAT,
            "nodes": [self.graph.nodes[n].to_dict() for n in node_ids if n in self.graph.nodes],
            "edges": [
                e.to_dict() for e in self.graph.edges if e.source in chosen and e.target in chosen
            ],
        }

    def paste_data(self, data: dict[str, Any], offset: tuple[float, float], text: str) -> list[str]:
        """Add a copy with new ids, moved by `offset`; returns the new ids."""
        if not isinstance(data, dict) or data.get("format") != CLIPBOARD_FORMAT:
            return []
        nodes = []
        for item in data.get("nodes", []):
            x, y = item.get("position", (0.0, 0.0))
            nodes.append({**item, "position": (x + offset[0], y + offset[1])})
        command = commands.Paste(self.graph, nodes, data.get("edges", []), text)
        return command.node_ids if self.execute(command) else []
