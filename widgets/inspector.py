"""The inspector: what the selected node is, what comes out of it, and its parameters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.graph import Graph
from studio.layers.base import format_shape
from studio.project import MAX_NAME_LENGTH
from studio.shapes import Analysis
from widgets.canvas.style import category_color
from widgets.i18n import (
    category_name,
    layer_summary,
    layer_title,
    tr_message,
)
from widgets.param_editors import labelled_editor
from widgets.search.context_menu import SearchMenuHook


class Inspector(QWidget):
    paramEdited = Signal(str, str, object)  # node id, parameter name, value
    projectNameEdited = Signal(str)
    searchRequested = Signal(str)  # "node.param": right-click → Search This…

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.graph: Graph | None = None
        self.node_id: str | None = None
        self.editors: dict[str, QWidget] = {}
        self._analysis: Analysis | None = None
        self._name_shown = ""
        self.search_hook = SearchMenuHook(self, lambda: self.node_id)
        self.search_hook.requested.connect(self.searchRequested)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_project_page())

        page = QWidget()
        page.setObjectName("inspectorPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("inspectorTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("inspectorSubtitle")
        self.chip = QLabel()
        self.chip.setObjectName("categoryChip")
        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.title)
        heading.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignVCenter)
        heading.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("inspectorSummary")
        self.summary.setWordWrap(True)
        self.shape = QLabel()
        self.shape.setObjectName("inspectorShape")
        self.shape.setWordWrap(True)
        self.shape.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setObjectName("inspectorError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addLayout(heading)
        for w in (self.subtitle, self.summary, self.shape, self.error):
            column.addWidget(w)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setObjectName("rule")
        column.addSpacing(4)
        column.addWidget(rule)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 6, 0, 0)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        column.addWidget(self.form_host)
        self.no_params = QLabel(self.tr("This layer has no settings."))
        self.no_params.setObjectName("placeholder")
        column.addWidget(self.no_params)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("inspectorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.stack.addWidget(scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_project_page(self) -> QWidget:
        """With no layer selected: the model's name (editable) and description."""
        page = QWidget()
        page.setObjectName("projectPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        self.project_box = QWidget()
        box = QVBoxLayout(self.project_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        label = QLabel(self.tr("Model name"))
        label.setObjectName("projectNameLabel")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("projectName")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)  # what a project file may hold
        self.name_edit.setPlaceholderText(self.tr("Name of the model"))
        self.name_edit.setToolTip(
            self.tr("The model's name, saved in its file and shown with its training runs")
        )
        label.setBuddy(self.name_edit)
        # A title that can be typed over: the model's name reads as the page's heading.
        self.name_edit.setStyleSheet("QLineEdit { font-size: 13pt; font-weight: 600; }")
        self.name_edit.editingFinished.connect(self._name_edited)
        self.description = QLabel()
        self.description.setObjectName("projectDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setStyleSheet("color: #4B5563; padding-top: 4px;")
        label.setStyleSheet("color: #6B7280;")
        for w in (label, self.name_edit, self.description):
            box.addWidget(w)
        column.addWidget(self.project_box)
        column.addSpacing(8)
        self.placeholder = QLabel(self.tr("Select a layer on the canvas to see and edit it."))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.placeholder)
        column.addStretch(1)
        return page

    def _name_edited(self) -> None:
        text = self.name_edit.text()
        self.name_edit.setModified(False)  # so that the renamed model's name is shown
        if text != self._name_shown:
            self.projectNameEdited.emit(text)

    # What to show ---------------------------------------------------------------------------

    def show_node(self, graph: Graph | None, node_id: str | None, selected: int = 1) -> None:
        self.graph = graph
        if graph is None or node_id is None or node_id not in graph.nodes:
            self.node_id = None
            self.editors = {}
            if selected > 1:
                self.placeholder.setText(self.tr("%n layers selected.", "", selected))
            else:
                self.placeholder.setText(
                    self.tr("Select a layer on the canvas to see and edit it.")
                )
            self.project_box.setVisible(selected <= 1)
            self.stack.setCurrentIndex(0)
            return
        node = graph.nodes[node_id]
        layer = node.layer
        if node_id != self.node_id:
            self.node_id = node_id
            self._build_form(layer.params)
        color = category_color(layer.category).name()
        self.title.setText(layer_title(layer))
        self.chip.setText(category_name(layer.category))
        self.chip.setStyleSheet(f"background: {color};")
        self.subtitle.setText(node_id)
        self.summary.setText(layer_summary(layer))
        self.refresh_values()
        self.set_analysis(self._analysis)
        self.stack.setCurrentIndex(1)

    def set_project_text(self, name: str, description: str) -> None:
        """What the empty inspector says about the model itself: its name, in a field that
        renames it, and its description. A name being typed is left alone."""
        self._name_shown = name
        if not self.name_edit.hasFocus() or not self.name_edit.isModified():
            self.name_edit.setText(name)
            self.name_edit.setModified(False)
            self.name_edit.setCursorPosition(0)
        self.description.setText(description)
        self.description.setVisible(bool(description))

    def _build_form(self, params) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        for param in params:
            label, editor = labelled_editor(param)
            editor.edited.connect(lambda value, name=param.name: self._edited(name, value))
            self.form.addRow(label, editor)
            self.search_hook.watch(param.name, label, editor)
            self.editors[param.name] = editor
        self.no_params.setVisible(not self.editors)

    def _edited(self, name: str, value: Any) -> None:
        if self.node_id is not None:
            self.paramEdited.emit(self.node_id, name, value)

    def refresh_values(self) -> None:
        """Show the model's values (after an edit, an undo, or a refused edit)."""
        if self.graph is None or self.node_id not in (self.graph.nodes if self.graph else {}):
            return
        params = self.graph.nodes[self.node_id].params
        for name, editor in self.editors.items():
            editor.set_value(params[name])

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        if analysis is None or self.node_id is None:
            return
        info = analysis.nodes.get(self.node_id)
        if info is None:
            return
        if info.output is not None:
            inputs = ", ".join(format_shape(t.shape) for t in info.inputs)
            text = self.tr("Output: <b>%1</b>").replace("%1", format_shape(info.output.shape))
            if inputs:
                text += "  " + self.tr("(from %1)").replace("%1", inputs)
            text += "<br>" + self.tr("Parameters: %1").replace("%1", f"{info.params:,}")
            self.shape.setText(text)
        elif info.blocked_by:
            self.shape.setText(
                self.tr("Output unknown: waits for %1, which has a problem").replace(
                    "%1", info.blocked_by
                )
            )
        else:
            self.shape.setText(self.tr("Output: does not fit (see below)"))
        self.error.setText("✗ " + tr_message(info.error) if info.error else "")
        self.error.setVisible(bool(info.error))

    def show_edit_error(self, message: str) -> None:
        self.error.setText(f"✗ {message}")
        self.error.setVisible(True)
        self.refresh_values()
