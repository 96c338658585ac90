"""The main window: palette, canvas, inspector, summary and problems around one Document.

Views report gestures; the window turns them into Document edits (undo commands) and shows
the model's refusals in the status bar. Views follow the model, never the other way round.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.graph import Graph
from studio.project import Project
from studio.shapes import Analysis
from studio.summary import human_count
from studio.templates import load_template
from widgets.actions import build_actions, build_menus, build_toolbar
from widgets.canvas.scene import GraphScene
from widgets.canvas.view import GraphView
from widgets.canvas_edits import CanvasEdits
from widgets.clipboard import ClipboardEdits
from widgets.document import Document
from widgets.help_panel import HelpPanel
from widgets.i18n import plural, template_text
from widgets.inspector import Inspector
from widgets.model_import import ModelImport
from widgets.palette import Palette
from widgets.problems import ProblemsList
from widgets.project_files import ProjectFiles
from widgets.search.session import SearchSession
from widgets.summary_panel import SummaryPanel
from widgets.training.style import TABS
from widgets.training.window import TrainingSide

DEFAULT_SIZE = (1400, 850)
SIDE_WIDTHS = (210, 380)
PROBLEMS_HEIGHT = 130
DEFAULT_CANVAS = (800, 600)  # the canvas at the default window size, before it is shown
START_TEMPLATE = "seed-cnn"


def titled(title: str, body: QWidget, name: str) -> tuple[QFrame, QLabel]:
    """A panel with a small heading, as the side and bottom areas use."""
    frame = QFrame()
    frame.setObjectName(name)
    frame.setProperty("panel", True)
    heading = QLabel(title)
    heading.setObjectName("panelTitle")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    return frame, heading


class MainWindow(TrainingSide, ModelImport, ProjectFiles, CanvasEdits, ClipboardEdits, QMainWindow):
    def __init__(
        self, project: Project | None = None, path: Path | None = None, interactive: bool = True
    ) -> None:
        super().__init__()
        self.interactive = interactive
        self.setObjectName("mainWindow")
        self.resize(*DEFAULT_SIZE)
        self.last_error = ""
        self._shut_down = False
        self._paste_count = 0
        self._last_paste = ""

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene)
        if project is None:
            project = load_template(START_TEMPLATE)
        self.document = Document(project, path, self)
        self.palette = Palette()
        self.inspector = Inspector()
        self.summary = SummaryPanel()
        self.help_panel = HelpPanel()
        self.problems = ProblemsList()
        self._init_training()
        self._build_layout()
        self.actions = build_actions(self)
        build_menus(self, self.actions)
        self.toolbar = build_toolbar(self, self.actions)
        self._init_training_actions()
        self.search = SearchSession(self)  # the Search page, Run → Search…, Search This…
        self.search.add_to_run_menu(self.run_menu, self.actions.compare)
        self.actions.search = self.search.action
        a = self.actions
        self.view.set_context_actions(
            [
                a.cut,
                a.copy,
                a.paste,
                a.duplicate,
                a.delete,
                a.dissolve,
                None,
                a.select_all,
                a.arrange,
                a.fit,
            ]
        )
        self._build_status_bar()
        self._init_files()
        self._connect()
        self.show_project(project, path)
        self._update_title()
        self._update_actions()

    # Construction ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        palette, _ = titled(self.tr("Layers"), self.palette, "palettePanel")
        problems, self.problems_heading = titled(
            self.tr("Problems"), self.problems, "problemsPanel"
        )
        inspector, heading = titled(self.tr("Inspector"), self.inspector, "inspectorPanel")
        heading.hide()  # its tab ("Inspector | Training") names it already
        # Help beside Summary, under the inspector: the card of the layer being edited stays in
        # view while its parameters change.
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName("helpSummaryTabs")
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.setStyleSheet(TABS)
        self.lower_tabs.addTab(self.help_panel, self.tr("Help"))
        self.lower_tabs.addTab(self.summary, self.tr("Summary"))

        self.center = QSplitter(Qt.Orientation.Vertical)
        self.center.addWidget(self.view)
        self.center.addWidget(problems)
        self.center.setStretchFactor(0, 1)
        self.center.setSizes([DEFAULT_SIZE[1] - PROBLEMS_HEIGHT, PROBLEMS_HEIGHT])

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(inspector)
        self.right.addWidget(self.lower_tabs)
        self.right.setSizes([345, 415])  # the help card and its plot need the room more

        center_tabs, side_tabs = self._pages(self.center, self.right)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(palette)
        self.main_split.addWidget(center_tabs)
        self.main_split.addWidget(side_tabs)
        self.main_split.setStretchFactor(1, 1)
        middle = DEFAULT_SIZE[0] - sum(SIDE_WIDTHS)
        self.main_split.setSizes([SIDE_WIDTHS[0], middle, SIDE_WIDTHS[1]])
        for split in (self.center, self.right, self.main_split):
            split.setChildrenCollapsible(False)
            split.setHandleWidth(1)
        self.setCentralWidget(self.main_split)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.model_label = QLabel()
        self.model_label.setObjectName("modelStatus")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomStatus")
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.zoom_label)

    def _connect(self) -> None:
        doc = self.document
        doc.analysisChanged.connect(self._on_analysis)
        doc.projectReplaced.connect(self._on_project_replaced)
        doc.editRefused.connect(self._on_edit_refused)
        doc.pathChanged.connect(self._update_title)
        doc.nameChanged.connect(self._on_name_changed)
        stack = doc.undo_stack
        stack.cleanChanged.connect(self._update_title)
        stack.indexChanged.connect(self._update_actions)
        stack.canUndoChanged.connect(self._update_actions)
        stack.canRedoChanged.connect(self._update_actions)

        self.scene.connectRequested.connect(self.connect_nodes)
        self.scene.nodesDragged.connect(self._on_nodes_dragged)
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.wireHint.connect(self._on_wire_hint)
        self.view.layerDropped.connect(self.add_layer_at)
        self.view.acceptsWire = self.can_insert_into_edge
        self.view.dropTargetChanged.connect(self._on_drop_target)
        self.view.zoomChanged.connect(self._on_zoom)
        self.palette.layerActivated.connect(self.add_layer_near_selection)
        self.palette.layerChosen.connect(self.help_panel.show_layer)
        self.palette.layerHovered.connect(self.help_panel.preview_layer)
        self.inspector.paramEdited.connect(self.set_param)
        self.inspector.paramEdited.connect(self.help_panel.follow_edit)
        self.inspector.projectNameEdited.connect(self.document.set_project_name)
        self.problems.nodeActivated.connect(self.focus_node)
        self.problems.countChanged.connect(self._on_problem_count)
        self.summary.nodeActivated.connect(self.focus_node)
        self._connect_training()
        self.center_tabs.currentChanged.connect(self._on_page_changed)

    def unfinished_work(self) -> tuple[str, str] | None:
        if self.search.controller.busy:
            return (self.tr("Search in progress"),
                    self.tr("A search is training its trials. Stop it (the finished trials "
                            "stay) and close?"))
        return super().unfinished_work()

    def shutdown(self) -> None:
        """Stop following the model (the window is closing)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.stop_training_and_wait()
        self.search.shutdown()
        self.summary.timer.stop()
        self.scene.detach()
        self.document.close()

    # Following the document -----------------------------------------------------------------

    def _on_project_replaced(self, old: Graph | None, graph: Graph) -> None:
        self.scene.attach(graph, self.document.analysis)
        self.summary.set_graph(graph)
        self._on_selection()
        self._paste_count = 0

    def _on_analysis(self, analysis: Analysis) -> None:
        self.scene.apply_analysis(analysis)
        self.inspector.set_analysis(analysis)
        self.inspector.refresh_values()
        self.help_panel.set_analysis(analysis)
        self.problems.set_analysis(analysis, self.document.graph)
        self.summary.set_analysis(analysis)

    def _update_model_label(self) -> None:
        """The status bar's one-line verdict: layers, parameters, and whether the model and
        its data set fit together (the same problems the Problems list shows)."""
        analysis = self.document.analysis
        layers = len(self.document.graph.nodes)
        text = (
            plural(self.tr("%1 layer(s) · %2 parameters", "", layers), layers)
            .replace("%1", str(layers))
            .replace("%2", human_count(analysis.total_params))
        )
        problems = len(self.unfit_problems())
        if problems:
            # Qt puts the count in for %n; English, with no translation loaded, picks its form here.
            text += " · " + plural(self.tr("✗ %n problem(s)", "", problems), problems)
        elif layers:
            text += " · " + self.tr("✓ fits together")
        self.model_label.setText(text)
        self.model_label.setProperty("bad", bool(problems))
        self.model_label.style().unpolish(self.model_label)
        self.model_label.style().polish(self.model_label)

    def _on_problem_count(self, problems: int, notes: int) -> None:
        # The Problems list is told of every change, the model's and the data set's fit
        # (widgets/training/data_fit.py) alike: the status bar follows it.
        self._update_model_label()
        title = self.tr("Problems")
        if problems or notes:
            title += f"  ({problems + notes})"
        self.problems_heading.setText(title)

    def _on_edit_refused(self, message: str) -> None:
        self.last_error = message
        self.statusBar().showMessage("✗ " + message, 10000)

    def _on_wire_hint(self, message: str) -> None:
        if message:
            self.statusBar().showMessage("✗ " + message)
        else:
            self.statusBar().clearMessage()

    def _on_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(self.tr("%1 %").replace("%1", str(round(zoom * 100))))

    def _update_title(self, *args) -> None:
        self.setWindowTitle(self.tr("%1[*] — NetStudio").replace("%1", self.document.display_name))
        self.setWindowModified(self.document.is_modified())

    def _update_actions(self, *args) -> None:
        stack = self.document.undo_stack
        a = self.actions
        a.undo.setEnabled(stack.canUndo())
        a.redo.setEnabled(stack.canRedo())
        a.undo.setText(self.tr("&Undo %1").replace("%1", stack.undoText()).strip())
        a.redo.setText(self.tr("&Redo %1").replace("%1", stack.redoText()).strip())
        self._update_selection_actions()

    def canvas_shown(self) -> bool:
        """Whether the model page (the canvas) is the page in front."""
        return self.center_tabs.currentWidget() is self.center

    def _update_selection_actions(self, *args) -> None:
        # Edits of the canvas only while it is in front: nothing changes out of sight.
        shown = self.canvas_shown()
        ids = self.scene.selected_node_ids()
        nodes = shown and bool(ids)
        edges = shown and bool(self.scene.selected_edges())
        a = self.actions
        for action in (a.cut, a.copy, a.duplicate):
            action.setEnabled(nodes)
        a.delete.setEnabled(nodes or edges)
        a.dissolve.setEnabled(shown and len(ids) == 1 and self.document.can_reconnect(ids[0]))
        for action in (a.paste, a.select_all, a.arrange):
            action.setEnabled(shown)

    def _on_page_changed(self, *args) -> None:
        self._update_selection_actions()
        if self.canvas_shown():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # back to editing the model

    def _on_name_changed(self) -> None:
        self._update_title()
        self._on_selection()

    def _on_selection(self) -> None:
        ids = self.scene.selected_node_ids()
        graph = self.document.graph
        project = self.document.project
        self.inspector.set_project_text(
            template_text(project.name), template_text(project.description)
        )
        self.inspector.show_node(graph, ids[0] if len(ids) == 1 else None, len(ids))
        self.inspector.set_analysis(self.document.analysis)
        self.help_panel.show_node(graph, ids[0] if len(ids) == 1 else None, self.document.analysis)
        self._update_selection_actions()
        self.select_for_activations(ids)

    # Edits: see widgets/canvas_edits.py

    def canvas_size(self) -> tuple[float, float]:
        if self.view.isVisible():
            size = self.view.viewport().size()
            return (float(size.width()), float(size.height()))
        return DEFAULT_CANVAS

    # Help -----------------------------------------------------------------------------------

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About NetStudio"),
            self.tr(
                "<h3>NetStudio</h3><p>Build neural networks by drawing them: drag layers in, "
                "wire them up, and watch every shape update as you edit.</p>"
            ),
        )
