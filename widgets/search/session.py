"""The search side of the main window: the Run menu's "Search…", the Search page (and the
side panel that goes with it), "Search This…" from the inspector and the training settings,
Apply Best and Open Run.

Needs from the window: document, training (its controller), results, training_panel,
inspector, center_tabs, side_tabs, run_menu, runs_folder(), show_page(), statusBar(), tr.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from studio.errors import StudioError
from studio.search import SearchOptions
from widgets.i18n import tr_error
from widgets.search.apply import apply_values
from widgets.search.controller import IDLE, SearchController
from widgets.search.dialog import SearchDialog
from widgets.search.open_run import show_trial_run
from widgets.search.view import SearchView
from widgets.training import style
from widgets.training.runs import unsaved_runs_dir


class SearchSide(QWidget):
    """The side of the Search page: what the next search searches, and where the last one's
    trials are kept."""

    def __init__(self, controller: SearchController) -> None:
        super().__init__()
        self.setObjectName("searchSide")
        self.controller = controller
        heading = QLabel(self.tr("Search space"))
        heading.setObjectName("panelTitle")
        self.space = QLabel()
        self.space.setObjectName("searchSpaceList")
        self.space.setWordWrap(True)
        self.space.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit and Start…"))
        self.where = QLabel()
        self.where.setObjectName("muted")
        self.where.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(heading)
        layout.addWidget(self.space)
        layout.addWidget(self.edit_button)
        layout.addSpacing(12)
        layout.addWidget(self.where)
        layout.addStretch(1)
        controller.spaceChanged.connect(self.refresh)
        controller.started.connect(lambda info: self.refresh())
        controller.stateChanged.connect(lambda state: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        self.space.setText(
            "\n".join(c.pending) if c.pending else self.tr(
                "Nothing yet. Right-click a training setting or a layer's parameter and "
                "choose Search This…")
        )
        self.edit_button.setEnabled(c.state_name == IDLE)
        folder = c.folder
        self.where.setText(
            self.tr("The trials of the last search, each an ordinary run, are kept in %1")
            .replace("%1", str(folder)) if folder is not None else ""
        )


class SearchSession(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.controller = SearchController(self)
        self.dialog: SearchDialog | None = None
        self.view = SearchView(self.controller)
        self.side = SearchSide(self.controller)
        self.side.setStyleSheet(style.PANEL)
        self.page = window.center_tabs.addTab(self.view, self.tr("Search"))
        window.center_tabs.setTabToolTip(
            self.page, self.tr("Hyperparameter search: its trials, curves and plots (Ctrl+3)"))
        window.side_tabs.addTab(self.side, self.tr("Search"))
        self.action = QAction(self.tr("&Search Hyperparameters…"), window)
        self.action.setObjectName("searchAction")
        self.action.setStatusTip(
            self.tr("Train the model several times with other values and keep the best, "
                    "scored on the validation set"))
        self.action.triggered.connect(lambda checked=False: self.open_dialog())
        self.show_action = QAction(self.tr("Show &Search"), window)
        self.show_action.setShortcut(QKeySequence("Ctrl+3"))
        self.show_action.triggered.connect(lambda checked=False: self.show_page())
        window.addAction(self.show_action)
        self.view.newRequested.connect(self.open_dialog)
        self.view.applyRequested.connect(self.apply_best)
        self.view.openRunRequested.connect(self.open_run)
        self.side.edit_button.clicked.connect(self.open_dialog)
        window.inspector.searchRequested.connect(self.search_this)
        window.training_panel.form.searchRequested.connect(self.search_this)
        window.document.projectReplaced.connect(lambda old, graph: self.controller.forget())
        self.controller.stateChanged.connect(self._on_state)
        self.controller.ended.connect(self._on_ended)
        self.controller.failed.connect(self._on_failed)

    def add_to_run_menu(self, menu, after: QAction | None) -> None:
        if after is not None:
            actions = menu.actions()
            index = actions.index(after) + 1
            menu.insertAction(actions[index] if index < len(actions) else None, self.action)
        else:
            menu.addAction(self.action)

    # Commands -------------------------------------------------------------------------------

    def show_page(self) -> None:
        self.window.center_tabs.setCurrentIndex(self.page)

    def search_this(self, name: str) -> bool:
        """Right-click → Search This…: `name` joins the pending space, and the dialog opens
        (or, open already, gets the row)."""
        try:
            spec = self.controller.add_dimension(name, self.window.document.project)
        except StudioError as exc:
            self.window.statusBar().showMessage("✗ " + tr_error(exc), 10000)
            return False
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_spec(spec)
        else:
            self.open_dialog()
        return True

    def open_dialog(self) -> SearchDialog | None:
        if self.controller.busy:
            self.show_page()
            return None
        w = self.window
        self.dialog = SearchDialog(w.document.project, w.document.path,
                                   self.controller.pending, w)
        self.dialog.specsEdited.connect(self.controller.set_pending)
        self.dialog.startRequested.connect(self.start)
        self.dialog.open()
        return self.dialog

    def start(self, options: SearchOptions) -> bool:
        """Search the project as it is now; False (the reason in the status bar and on the
        page) when it cannot start."""
        w = self.window
        if self.controller.busy:
            return False
        if w.training.busy:
            self._refuse(self.tr("A model is training: stop it or let it finish, then search."))
            return False
        if w.refuse_unfit_model():
            return False
        if w.document.path is None:
            # An unsaved project keeps its searches beside its runs, in the app's folder.
            stamp = time.strftime("%Y%m%d-%H%M%S")
            options.out_dir = unsaved_runs_dir().parent / "searches" / w.runs_folder().name / stamp
        try:
            self.controller.start(w.document.project, w.document.path, options)
        except StudioError as exc:
            self._refuse(tr_error(exc))
            return False
        self.show_page()
        return True

    def stop(self) -> None:
        self.controller.stop()

    def apply_best(self) -> bool:
        c = self.controller
        best = c.best_row()
        if best is None or c.space is None:
            return False
        title = self.tr("Apply Best Trial %1").replace("%1", str(best.number))
        applied, text = apply_values(self.window.document, c.space, best.params, title)
        self.window.statusBar().showMessage(("" if applied else "✗ ") + text, 10000)
        return applied

    def open_run(self, number: int) -> bool:
        c = self.controller
        row = c.trials.get(number)
        if row is None or row.run is None or c.folder is None:
            return False
        w = self.window
        if not show_trial_run(w.results.runs, Path(c.folder) / row.run, number):
            w.statusBar().showMessage(
                "✗ " + self.tr("Trial %1 left no run to show.").replace("%1", str(number)),
                8000)
            return False
        w.results.tabs.setCurrentWidget(w.results.runs)
        w.show_page(1)  # the Training page
        return True

    def shutdown(self) -> None:
        self.controller.shutdown()
        if self.dialog is not None:
            self.dialog.done(0)

    # Following the search -------------------------------------------------------------------

    def _refuse(self, text: str) -> None:
        self.view.status.setText("✗ " + text)
        self.window.statusBar().showMessage("✗ " + text, 10000)

    def _on_state(self, state: str) -> None:
        # One training at a time: a search trains its trials, so Train and Compare wait.
        free = state == IDLE and not self.window.training.busy
        for action in (self.window.actions.train, self.window.actions.compare):
            action.setEnabled(free)

    def _on_ended(self, stopped: bool) -> None:
        done = len(self.controller.trials)
        text = (self.tr("Search stopped: %1 trials kept.") if stopped
                else self.tr("Search finished: %1 trials.")).replace("%1", str(done))
        self.window.statusBar().showMessage(text, 8000)

    def _on_failed(self, message: str) -> None:
        self.window.statusBar().showMessage("✗ " + message, 10000)
