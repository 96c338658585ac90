"""The problems list: every node that does not fit, where the model and the chosen data set do
not fit each other, and notes: unused outputs, what opening the project file left out. Clicking one
selects its node."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from studio.graph import Graph
from studio.shapes import Analysis, Problem
from widgets.i18n import layer_title, tr_message

NODE_ROLE = Qt.ItemDataRole.UserRole


def _dot(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


class ProblemsList(QListWidget):
    nodeActivated = Signal(str)
    countChanged = Signal(int, int)  # problems, notes

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setIconSize(QSize(14, 14))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._error_icon = _dot("#D23C3C")
        self._note_icon = _dot("#E0A526")
        self._ok_icon = _dot("#2E9E5B")
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._analysis = Analysis()
        self._graph: Graph | None = None
        self.data_problems: list[Problem] = []
        self.data_warnings: list[Problem] = []
        self.file_notes: list[str] = []

    def set_analysis(self, analysis: Analysis, graph: Graph) -> None:
        self._analysis, self._graph = analysis, graph
        self._show()

    def set_data_problems(self, problems: list[Problem], warnings: list[Problem] = ()) -> None:
        """Where the model and the project's data set do not fit (studio.fit), listed with the
        model's own problems until the model or the data set changes; what fits but will
        train poorly (`warnings`) as notes."""
        if problems != self.data_problems or list(warnings) != self.data_warnings:
            self.data_problems, self.data_warnings = list(problems), list(warnings)
            self._show()

    def set_file_notes(self, notes: list[str]) -> None:
        """What opening the project file noted (Project.notes: fields left out, which saving
        drops), listed as notes until another project is shown or this one is saved."""
        if notes != self.file_notes:
            self.file_notes = list(notes)
            self._show()

    def _show(self) -> None:
        analysis, graph = self._analysis, self._graph or Graph()
        self.clear()
        errors = [*analysis.problems, *self.data_problems]
        for problem in errors:
            self._add(problem.node_id, problem.message, graph, self._error_icon)
        for note in [*analysis.warnings, *self.data_warnings]:
            self._add(note.node_id, note.message, graph, self._note_icon)
        for note in self.file_notes:
            self._add(None, note, graph, self._note_icon)
        notes = len(analysis.warnings) + len(self.data_warnings) + len(self.file_notes)
        if not errors and not notes:
            item = QListWidgetItem(self._ok_icon, self.tr("No problems: the model fits together."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
        self.countChanged.emit(len(errors), notes)

    def _add(self, node_id: str | None, message: str, graph: Graph, icon: QIcon) -> None:
        message = tr_message(message)
        if node_id and node_id in graph.nodes:
            layer = layer_title(graph.nodes[node_id].layer)
            text = self.tr("%1 (%2): %3", "node id (layer title): message")
            text = text.replace("%1", node_id).replace("%2", layer).replace("%3", message)
        else:
            text = message
        item = QListWidgetItem(icon, text)
        item.setToolTip(message)
        item.setData(NODE_ROLE, node_id)
        self.addItem(item)

    def messages(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        node_id = item.data(NODE_ROLE)
        if node_id:
            self.nodeActivated.emit(node_id)
