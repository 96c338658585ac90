"""New, open, save, recent files, the unsaved-changes prompt and autosave recovery: the file
side of the main window, as a mixin so that main_window.py stays about the editor."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from studio.errors import StudioError
from studio.layout import layered_positions
from studio.project import Project, load_project, save_project
from studio.templates import load_template
from widgets import config
from widgets.actions import recent_menu_entries
from widgets.autosave import Autosave, find_orphans, read_autosave, remove_orphans
from widgets.canvas.arrange import arranged_positions, is_engine_layout, unreadable_layout
from widgets.i18n import format_datetime, plural, template_text, tr_error

AUTOSAVE_MS = 30_000
RESTORE_ENV = "NETSTUDIO_RESTORE_AUTOSAVE"  # "yes" or "no": answer the restore question
Button = QMessageBox.StandardButton


class ProjectFiles:
    """Needs from the window: document, view, interactive, tr, statusBar, show_project_graph."""

    def _init_files(self) -> None:
        self.autosave: Autosave | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self._closing = False
        if self.interactive:
            self.autosave = Autosave(config.config_dir())
            self.autosave_timer.start()

    # Showing a project ---------------------------------------------------------------------

    def show_project(self, project: Project, path: Path | None, modified: bool = False) -> str:
        """Replace what the window shows; templates, untouched engine layouts and layouts
        that cannot be read as stored (one long row, a heap, absurd coordinates) are arranged
        to read well in the canvas, and the result is fitted in view at a readable zoom.
        Returns the note on why the layers were arranged ("" when they were not)."""
        arranged = self._arrange_for_reading(project.graph)
        self.problems.set_file_notes(project.notes)
        self.document.replace(project, path, modified)
        self.view.fit_readable()
        QTimer.singleShot(0, self.view.fit_readable)  # again once the layout has settled
        if arranged:
            self.statusBar().showMessage(arranged, 8000)
        return arranged

    def _arrange_for_reading(self, graph) -> str:
        """Move the nodes (before the document shows them: not an edit) when their layout
        is an engine layout or unreadable; returns what to tell the user, if anything."""
        size = self.canvas_size()
        base = layered_positions(graph)
        engine = is_engine_layout(graph, base)  # a template: arranged without a word
        problem = "" if engine else unreadable_layout(graph, size)
        if not problem and not engine:
            return ""
        for node_id, position in arranged_positions(graph, size, base).items():
            graph.move_node(node_id, position)
        reasons = {
            "far": self.tr("Arranged the layers: their positions were far outside any canvas."),
            "heap": self.tr("Arranged the layers: many of them lay on top of one another."),
            "line": self.tr("Arranged the layers: in one long line they could not be read."),
        }
        return reasons.get(problem, "")

    def new_empty(self) -> bool:
        if not self.maybe_save():
            return False
        self.show_project(Project(name=self.tr("Untitled")), None)
        return True

    def new_from_template(self, name: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            project = load_template(name)
        except StudioError as exc:
            self.show_error(self.tr("Cannot open template"), tr_error(exc))
            return False
        self.show_project(project, None)
        self.statusBar().showMessage(
            self.tr("New model from '%1'").replace("%1", template_text(project.name)), 5000
        )
        return True

    # Open -----------------------------------------------------------------------------------

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = str(self.document.path.parent) if self.document.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Project"), start, self._file_filter()
        )
        return self.open_path(path, ask=False) if path else False

    def open_path(self, path: str | os.PathLike[str], ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            project = load_project(path)
        except StudioError as exc:
            self.show_error(self.tr("Cannot open project"), tr_error(exc))
            return False
        arranged = self.show_project(project, Path(path))
        config.add_recent_file(path)
        said = [self.tr("Opened %1").replace("%1", str(path))]
        if project.notes:  # listed in full in the Problems list, which stays in view
            count = len(project.notes)
            said.append(
                plural(self.tr("%n note(s) on the file in the Problems list", "", count), count)
            )
        if arranged:
            said.append(arranged)
        self.statusBar().showMessage(" · ".join(said), 8000)
        return True

    def fill_recent_menu(self) -> None:
        recent_menu_entries(
            self.recent_menu, config.recent_files(), self.open_path, config.clear_recent_files
        )

    # Save -----------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", template_text(doc.project.name)).strip()
        suggested = doc.path or Path.home() / f"{stem or 'model'}.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Project As"), str(suggested), self._file_filter()
        )
        if not path:
            return False
        if not Path(path).suffix:
            path += ".json"
        self.name_after_file(Path(path))
        return self.save_to(path)

    def name_after_file(self, path: Path) -> None:
        """An untitled model saved as `my-mlp.json` is named "my-mlp" (an undoable rename);
        so is one whose name was its previous file's. A name the user gave stays."""
        doc = self.document
        name = doc.project.name
        untitled = {"", "Untitled", self.tr("Untitled")}
        follows_file = doc.path is not None and name == doc.path.stem
        if (name.strip() in untitled or follows_file) and path.stem != name:
            doc.set_project_name(path.stem)

    def save_to(self, path: str | os.PathLike[str]) -> bool:
        path = Path(path)
        try:
            save_project(self.document.project, path)
        except OSError as exc:
            self.show_error(self.tr("Cannot save project"), f"{path}: {exc.strerror or exc}")
            return False
        self.document.undo_stack.setClean()
        self.document.set_path(path)
        self.problems.set_file_notes([])  # what the file had that NetStudio left out is gone
        config.add_recent_file(path)
        if self.autosave is not None:
            self.autosave.discard()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)
        return True

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.document.is_modified() or not self.interactive:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("'%1' has changes that are not saved. Save them first?").replace(
                "%1", self.document.display_name
            ),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not self.maybe_save():
            event.ignore()
            return
        self._closing = True
        self.autosave_timer.stop()
        if self.autosave is not None:
            self.autosave.close()
        self.shutdown()
        event.accept()

    # Autosave -------------------------------------------------------------------------------

    def autosave_now(self) -> None:
        if self.autosave is None:
            return
        if self.document.is_modified():
            try:
                self.autosave.write(
                    self.document.project, self.document.path, self.unsaved_runs_key
                )
            except OSError as exc:
                self.statusBar().showMessage(
                    self.tr("Autosave failed: %1").replace("%1", str(exc)), 8000
                )
        else:
            self.autosave.discard()

    def offer_autosave_restore(self) -> bool:
        """If an earlier session ended without closing, offer its autosaved work back."""
        orphans = find_orphans(config.config_dir())
        if not orphans:
            return False
        try:
            recovered = read_autosave(orphans[0])
        except StudioError as exc:
            self.statusBar().showMessage(tr_error(exc), 8000)
            remove_orphans(orphans)
            return False
        answer = os.environ.get(RESTORE_ENV, "").lower()
        if answer not in ("yes", "no"):
            where = str(recovered.source) if recovered.source else recovered.project.name
            reply = QMessageBox.question(
                self,
                self.tr("Restore unsaved work?"),
                self.tr(
                    "NetStudio did not close properly last time. Restore the work on '%1' "
                    "autosaved at %2?"
                )
                .replace("%1", where)
                .replace("%2", format_datetime(recovered.saved_at)),
                Button.Yes | Button.No,
                Button.Yes,
            )
            answer = "yes" if reply == Button.Yes else "no"
        remove_orphans(orphans)
        if answer != "yes":
            return False
        self.show_project(recovered.project, recovered.source, modified=True)
        if recovered.source is None:  # unsaved work: its runs are in the folder it had
            self.use_unsaved_runs(recovered.runs_key)
        self.autosave_now()
        self.statusBar().showMessage(self.tr("Restored the autosaved work"), 8000)
        return True

    def _file_filter(self) -> str:
        return self.tr("NetStudio projects (*.json);;All files (*)")

    # Messages -------------------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        if self.interactive:
            QMessageBox.warning(self, title, message)
        else:
            print(f"netstudio: {message}", file=sys.stderr)
