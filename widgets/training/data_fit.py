"""Keeps the Problems list and the canvas told where the model and the chosen data set do not
fit (studio.fit), as soon as either changes: a last Dense of 7 units for a data set of 10
classes is marked on the Output node before anyone presses Train."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject

from studio.fit import (
    InputSize,
    dataset_problems,
    dataset_warnings,
    input_size_fix,
    plan_dataset,
)
from studio.shapes import Problem
from widgets.commands import SetParams


class DataFitWatcher(QObject):
    """Needs the window's document, problems list, scene and data set chooser. Connect it after
    the window's own analysis handler: it adds to what that one shows."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.problems: list[Problem] = []
        self.input_fix: InputSize | None = None
        window.training_panel.inputFixRequested.connect(self.use_data_size)
        document = window.document
        document.analysisChanged.connect(lambda analysis: self.update())
        document.settingsChanged.connect(self.update)
        self.update()

    def update(self) -> None:
        w = self.window
        document, chooser = w.document, w.training_panel.form.chooser
        plan = plan_dataset(document.project.dataset, list(chooser.infos.values()))
        spec = plan.spec if plan is not None else None
        before = {p.node_id for p in self.problems}
        self.problems = dataset_problems(document.graph, spec, document.analysis)
        warnings = dataset_warnings(document.graph, spec, document.analysis)
        w.problems.set_data_problems(self.problems, warnings)
        self.input_fix = input_size_fix(document.graph, document.project.dataset, spec)
        w.training_panel.show_input_fix(self.input_fix)
        # The canvas marks the node at fault as it marks the graph's own problems; a node
        # no longer at fault gets its plain analysis back.
        marked = {p.node_id: p.message for p in self.problems}
        for node_id in before | set(marked):
            item = w.scene.nodes.get(node_id)
            info = document.analysis.nodes.get(node_id)
            if item is None or info is None:
                continue
            item.set_info(replace(info, error=marked[node_id]) if node_id in marked else info)

    def use_data_size(self) -> bool:
        """Set the Input's shape to the one the data asks for, in one undoable step."""
        fix = self.input_fix
        if fix is None or fix.node_id not in self.window.document.graph.nodes:
            return False
        document = self.window.document
        return document.execute(UseDataSize(document.graph, fix.node_id, list(fix.wanted)))


class UseDataSize(SetParams):
    """The Input's shape set from the data: an undo step of its own, never merged with the
    edit of the shape typed just before it (undo then goes back to what was typed)."""

    def __init__(self, graph, node_id: str, shape: list[int]) -> None:
        super().__init__(graph, node_id, {"shape": shape})
        self.setText(
            QCoreApplication.translate("DataFitWatcher", "Use the data's size for %1").replace(
                "%1", node_id
            )
        )

    def id(self) -> int:
        return -1
