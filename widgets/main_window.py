"""The main window: palette, canvas, inspector, summary and problems around one Document.

Views report gestures; the window turns them into Document edits (undo commands) and shows
the model's refusals in the status bar. Views follow the model, never the other way round.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence
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
from studio.layers.registry import get_layer
from studio.layout import COLUMN_SPACING, ROW_SPACING
from studio.project import Project
from studio.shapes import Analysis
from studio.summary import human_count
from studio.templates import load_template
from widgets.actions import build_actions, build_menus, build_toolbar
from widgets.canvas import style
from widgets.canvas.arrange import arranged_positions
from widgets.canvas.scene import GraphScene
from widgets.canvas.view import GraphView
from widgets.clipboard import ClipboardEdits
from widgets.document import Document
from widgets.help_panel import HelpPanel
from widgets.i18n import layer_title, template_text
from widgets.inspector import Inspector
from widgets.palette import Palette
from widgets.problems import ProblemsList
from widgets.project_files import ProjectFiles
from widgets.summary_panel import SummaryPanel
from widgets.training.style import TABS
from widgets.training.window import TrainingSide


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether nodes at these positions would cover each other (with a little air)."""
    return abs(a[0] - b[0]) < style.NODE_WIDTH + 20 and abs(a[1] - b[1]) < style.NODE_HEIGHT + 20


def downstream(graph: Graph, start: str) -> list[str]:
    """`start` and every node a path leads to from it (one pass over the edges)."""
    after: dict[str, list[str]] = {}
    for e in graph.edges:
        after.setdefault(e.source, []).append(e.target)
    seen, stack = {start}, [start]
    while stack:
        for succ in after.get(stack.pop(), ()):
            if succ not in seen:
                seen.add(succ)
                stack.append(succ)
    return list(seen)


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


class MainWindow(TrainingSide, ProjectFiles, ClipboardEdits, QMainWindow):
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

    def shutdown(self) -> None:
        """Stop following the model (the window is closing)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.stop_training_and_wait()
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
        self.summary.schedule()
        layers = len(self.document.graph.nodes)
        text = (
            self.tr("%1 layers · %2 parameters")
            .replace("%1", str(layers))
            .replace("%2", human_count(analysis.total_params))
        )
        if analysis.problems:
            text += " · " + self.tr("✗ %n problem(s)", "", len(analysis.problems))
        elif layers:
            text += " · " + self.tr("✓ fits together")
        self.model_label.setText(text)
        self.model_label.setProperty("bad", bool(analysis.problems))
        self.model_label.style().unpolish(self.model_label)
        self.model_label.style().polish(self.model_label)

    def _on_problem_count(self, problems: int, notes: int) -> None:
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

    def _on_drop_target(self, layer_id: str, edge) -> None:
        if edge is None:
            self.statusBar().clearMessage()
            return
        self.statusBar().showMessage(
            self.tr("Drop to insert %1 between %2 and %3")
            .replace("%1", layer_title(get_layer(layer_id)))
            .replace("%2", edge.source)
            .replace("%3", edge.target)
        )

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

    # Edits ----------------------------------------------------------------------------------

    def add_layer_at(self, layer_id: str, scene_pos: QPointF) -> str | None:
        """Add a layer centred where it was dropped (on a 10 px grid, so that rows line up),
        wholly inside the visible canvas, ports included. Dropped onto a connection, the layer
        is inserted into it (one undo step)."""
        position = self.view.visible_position(
            scene_pos.x() - style.NODE_WIDTH / 2, scene_pos.y() - style.NODE_HEIGHT / 2
        )
        edge = self.scene.edge_at(scene_pos)
        if edge is not None and self.can_insert_into_edge(layer_id):
            node_id = self.insert_into_edge(layer_id, position, edge)
        else:
            node_id = self.document.add_node(layer_id, position)
        if node_id:
            self.scene.select_nodes([node_id])
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # Delete now acts on it
        return node_id

    def can_insert_into_edge(self, layer_id: str) -> bool:
        layer = get_layer(layer_id)
        return layer.inputs != 0 and not layer.is_output

    def insert_into_edge(self, layer_id: str, position, edge) -> str | None:
        """Put the layer between the edge's ends; when it would cover the next layer, that
        layer and everything after it to its right move right to make room."""
        graph = self.document.graph
        source, target = graph.nodes[edge.source], graph.nodes[edge.target]
        x, y = position
        if abs(source.position[1] - target.position[1]) < 1:
            # Both ends on one row: the new layer takes the next column of that row.
            x, y = source.position[0] + COLUMN_SPACING, source.position[1]
        elif overlaps((x, y), source.position):
            x = source.position[0] + COLUMN_SPACING
        shifts = {}
        if overlaps((x, y), target.position):
            shift = x + COLUMN_SPACING - target.position[0]
            left = target.position[0]
            for node_id in downstream(graph, edge.target):
                nx, ny = graph.nodes[node_id].position
                if nx >= left:
                    shifts[node_id] = (nx + shift, ny)
        return self.document.insert_into_edge(layer_id, (x, y), edge, shifts)

    def add_layer_near_selection(self, layer_id: str) -> str | None:
        """Double-click in the palette: after the selected layer (and wired to it when the
        graph allows; inserted into its connection when it feeds exactly one layer), or in
        the middle of the view."""
        selected = self.scene.selected_node_ids()
        graph = self.document.graph
        if len(selected) == 1 and self.can_insert_into_edge(layer_id):
            outgoing = graph.outgoing(selected[0])
            if len(outgoing) == 1:
                x, y = graph.nodes[selected[0]].position
                node_id = self.insert_into_edge(layer_id, (x + COLUMN_SPACING, y), outgoing[0])
                if node_id:
                    self.scene.select_nodes([node_id])
                    self.view.ensureVisible(self.scene.nodes[node_id], 40, 40)
                return node_id
        if len(selected) == 1:
            x, y = graph.nodes[selected[0]].position
            position = (x + COLUMN_SPACING, y)
            taken = {tuple(n.position) for n in graph.nodes.values()}
            while position in taken:
                position = (position[0], position[1] + ROW_SPACING)
        else:
            center = self.view.mapToScene(self.view.viewport().rect().center())
            position = (center.x() - style.NODE_WIDTH / 2, center.y() - style.NODE_HEIGHT / 2)
        source = selected[0] if len(selected) == 1 else None
        wire = (
            source is not None
            and not graph.nodes[source].layer.is_output
            and get_layer(layer_id).inputs != 0
        )
        stack = self.document.undo_stack
        if wire:
            stack.beginMacro(
                self.tr("Add %1 after %2").replace("%1", layer_id).replace("%2", source)
            )
        node_id = self.document.add_node(layer_id, position)
        if wire:
            if node_id:
                self.document.connect(source, node_id)
            stack.endMacro()
        if node_id:
            self.scene.select_nodes([node_id])
            self.view.ensureVisible(self.scene.nodes[node_id], 40, 40)
        return node_id

    def connect_nodes(self, source: str, target: str, port: int | None = None) -> bool:
        ok = self.document.connect(source, target, port)
        if ok:
            self.statusBar().showMessage(
                self.tr("Connected %1 → %2").replace("%1", source).replace("%2", target), 4000
            )
        return ok

    def _on_nodes_dragged(self, old: dict, new: dict, gesture: int) -> None:
        self.document.move(old, new, gesture)

    def set_param(self, node_id: str, name: str, value) -> bool:
        ok = self.document.set_param(node_id, name, value)
        if not ok:
            self.inspector.show_edit_error(self.last_error)
        return ok

    def delete_selection(self) -> bool:
        ids = self.scene.selected_node_ids()
        between = len(ids) == 1 and self.document.can_reconnect(ids[0])
        done = self.document.remove(ids, self.scene.selected_edges())
        if done and between:
            shortcut = self.actions.dissolve.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText
            )
            self.statusBar().showMessage(
                self.tr(
                    "Deleted %1. To keep the layers around it connected, undo and use "
                    "Delete and Reconnect (%2)."
                )
                .replace("%1", ids[0])
                .replace("%2", shortcut),
                8000,
            )
        return done

    def dissolve_selection(self) -> bool:
        """Delete the one selected layer and join its input to the layers it fed."""
        ids = self.scene.selected_node_ids()
        if len(ids) != 1 or not self.document.can_reconnect(ids[0]):
            return False
        return self.document.delete_and_reconnect(ids[0])

    def select_all(self) -> None:
        self.scene.select_nodes(list(self.scene.nodes))

    def auto_arrange(self) -> None:
        graph = self.document.graph
        new = arranged_positions(graph, self.canvas_size())
        old = {n: graph.nodes[n].position for n in new}
        self.document.move(old, new, text=self.tr("Auto-arrange"))
        self.view.fit()

    def focus_node(self, node_id: str) -> None:
        item = self.scene.nodes.get(node_id)
        if item is None:
            return
        self.scene.select_nodes([node_id])
        self.view.ensureVisible(item, 60, 60)

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
