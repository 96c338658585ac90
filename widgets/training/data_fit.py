"""Keeps the Problems list and the canvas told where the model and the chosen data set do not
fit (studio.fit), as soon as either changes: a last Dense of 7 units for a data set of 10
classes is marked on the Output node before anyone presses Train."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from studio.fit import dataset_problems, dataset_warnings, plan_dataset
from studio.shapes import Problem


class DataFitWatcher(QObject):
    """Needs the window's document, problems list, scene and data set chooser. Connect it after
    the window's own analysis handler: it adds to what that one shows."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.problems: list[Problem] = []
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
        # The canvas marks the node at fault as it marks the graph's own problems; a node
        # no longer at fault gets its plain analysis back.
        marked = {p.node_id: p.message for p in self.problems}
        for node_id in before | set(marked):
            item = w.scene.nodes.get(node_id)
            info = document.analysis.nodes.get(node_id)
            if item is None or info is None:
                continue
            item.set_info(replace(info, error=marked[node_id]) if node_id in marked else info)
