"""The Search page: the trials as they run (a table, the best highlighted), their validation
curves, a parallel-coordinates plot and the score against a chosen value; Stop, Apply Best and
Open Run. It shows what the SearchController holds and asks the window for the rest."""

from __future__ import annotations

import math

from PySide6.QtCore import QDir, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.search import COMPLETE, FAILED, INTERRUPTED, PRUNED, RUNNING, STOPPED, WAITING
from widgets.search.controller import IDLE, OPENING, STOPPING, SearchController, TrialRow
from widgets.search.dialog import BUTTONS
from widgets.search.plots import ParallelCoordinates, Scores, ScoreScatter, TrialCurves, value_text
from widgets.training import style
from widgets.training.panel import format_duration

REDRAW_MS = 50  # at most 20 redraws a second


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds:.1f} s" if seconds < 60 else format_duration(seconds)

BEST_BACKGROUND = QColor("#DCFCE7")
NUMBER_ROLE = Qt.ItemDataRole.UserRole


class SearchView(QWidget):
    newRequested = Signal()
    applyRequested = Signal()
    openRunRequested = Signal(int)  # a trial's number

    def __init__(self, controller: SearchController) -> None:
        super().__init__()
        self.setObjectName("searchView")
        self.setStyleSheet(style.PANEL + BUTTONS)
        self.controller = controller
        self.new_button = QPushButton(self.tr("New Search…"))
        self.new_button.clicked.connect(self.newRequested)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("searchStop")
        self.stop_button.setToolTip(self.tr("Stop after the running trial's current batch; the "
                                            "finished trials stay"))
        self.stop_button.clicked.connect(controller.stop)
        self.apply_button = QPushButton(self.tr("Apply Best"))
        self.apply_button.setObjectName("searchApplyBest")
        self.apply_button.setToolTip(self.tr("Set the project's values to the best trial's "
                                             "(one step to undo)"))
        self.apply_button.clicked.connect(self.applyRequested)
        self.open_button = QPushButton(self.tr("Open Run"))
        self.open_button.setObjectName("searchOpenRun")
        self.open_button.setToolTip(self.tr("Show the selected trial's run on the Training page"))
        self.open_button.clicked.connect(self._open_selected)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.stop_button, self.apply_button, self.open_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)
        self.notes = QLabel()
        self.notes.setObjectName("trainingMessage")
        self.notes.setProperty("kind", "note")
        self.notes.setWordWrap(True)
        self.notes.hide()

        self.table = QTableWidget(0, 0)
        self.table.setObjectName("searchTrials")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda item: self._open_selected())
        self.curves = TrialCurves()
        self.parallel = ParallelCoordinates()
        self.scatter = ScoreScatter()
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.table)
        top.addWidget(self.curves)
        top.setSizes([600, 340])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.parallel)
        bottom.addWidget(self.scatter)
        bottom.setSizes([560, 380])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        for s in (top, bottom, split):
            s.setChildrenCollapsible(False)
            s.setHandleWidth(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.notes)
        layout.addWidget(split, 1)
        self._keys: list[str] = []
        self._drawn_for: tuple = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        controller.started.connect(self._on_started)
        controller.trialChanged.connect(lambda number: self._schedule())
        controller.stateChanged.connect(lambda state: self._schedule())
        controller.note.connect(self._on_note)
        controller.failed.connect(self._on_failed)
        self._failure = ""
        self.redraw()

    # Following the controller ---------------------------------------------------------------

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start(REDRAW_MS)

    def _on_started(self, info: dict) -> None:
        self._failure = ""
        self._schedule()

    def _on_note(self, text: str) -> None:
        shown = self.controller.notes
        self.notes.setText("\n".join(shown))
        self.notes.setVisible(bool(shown))

    def _on_failed(self, message: str) -> None:
        self._failure = message
        self.redraw()

    def objective_title(self) -> str:
        options = self.controller.options
        if options is not None and options.objective == "val_loss":
            return self.tr("validation loss")
        return self.tr("validation accuracy")

    def redraw(self) -> None:
        c = self.controller
        dims = c.space.dimensions if c.space is not None else ()
        keys = [d.key for d in dims]
        objective = c.options.objective if c.options is not None else None
        if (keys, objective) != self._drawn_for:
            self._keys, self._drawn_for = keys, (keys, objective)
            percent = c.options is None or c.options.objective == "val_accuracy"
            self.scatter.set_dimensions(dims, self.objective_title(), percent)
            if c.options is not None:
                self.curves.set_objective(c.options.objective)
        rows = [c.trials[n] for n in sorted(c.trials)]
        self._fill_table(rows)
        scores = Scores(rows, c.direction == "maximize")
        self.curves.draw(rows, c.best, scores)
        self.parallel.draw(dims, scores, self.objective_title(), self._score_text)
        self.scatter.draw(scores, c.best)
        if not c.notes:
            self.notes.hide()
        self._update_status(rows)
        self._update_buttons()

    # The table ------------------------------------------------------------------------------

    def _fill_table(self, rows: list[TrialRow]) -> None:
        headers = [self.tr("Trial"), *self._keys, self.tr("Score"), self.tr("Epochs"),
                   self.tr("State"), self.tr("Time")]
        selected = self.selected_trial()
        self.table.blockSignals(True)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        best = self.controller.best
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(rows):
            cells = [str(row.number)]
            cells += [value_text(row.params[k]) if k in row.params else "" for k in self._keys]
            cells += [self._score_text(row.score), str(row.epochs), self.state_text(row.state),
                      _duration(row.seconds)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(NUMBER_ROLE, row.number)
                if column == 0 or column > len(self._keys):
                    item.setTextAlignment(right)
                if row.error:
                    item.setToolTip(row.error)
                if row.number == best:
                    item.setBackground(QBrush(BEST_BACKGROUND))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, column, item)
            if row.number == selected:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if rows and selected is None:
            self.table.scrollToBottom()

    def _score_text(self, score: float | None) -> str:
        if score is None or not math.isfinite(score):
            return "–"
        options = self.controller.options
        if options is not None and options.objective == "val_loss":
            return f"{score:.4f}"
        return f"{score * 100:.2f}%"

    def state_text(self, state: str) -> str:
        return {
            COMPLETE: self.tr("complete"),
            PRUNED: self.tr("pruned"),
            FAILED: self.tr("failed"),
            STOPPED: self.tr("stopped"),
            INTERRUPTED: self.tr("interrupted"),
            RUNNING: self.tr("running"),
            WAITING: self.tr("waiting"),
        }.get(state, state)

    def selected_trial(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(NUMBER_ROLE) if items else None

    def select_trial(self, number: int) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(NUMBER_ROLE) == number:
                self.table.selectRow(r)
                return

    def _open_selected(self) -> None:
        number = self.selected_trial()
        if number is not None:
            self.openRunRequested.emit(number)

    # Status and buttons ---------------------------------------------------------------------

    def _update_status(self, rows: list[TrialRow]) -> None:
        c = self.controller
        done = sum(1 for r in rows if r.state in (COMPLETE, PRUNED, FAILED))
        total = c.options.trials if c.options is not None else 0
        size = c.info.get("size")
        if size:
            total = min(total, size)
        if self._failure:
            text = "✗ " + self._failure
        elif c.state_name == OPENING:
            text = self.tr("Loading the data set…")
        elif c.state_name == STOPPING:
            text = self.tr("Stopping after this batch…")
        elif c.busy:
            text = self.tr("Searching: %1 of %2 trials done").replace("%1", str(done)).replace(
                "%2", str(total))
        elif not rows:
            text = self.tr("No search yet: New Search…, or right-click a setting or a "
                           "layer's parameter → Search This…")
        else:
            text = self.tr("%1 of %2 trials done").replace("%1", str(done)).replace(
                "%2", str(total))
        best = c.best_row()
        if best is not None and not self._failure:
            text += " · " + self.tr("best: trial %1, %2").replace("%1", str(best.number)).replace(
                "%2", self._score_text(best.score))
        if c.folder is not None and not self._failure:
            self.status.setToolTip(QDir.toNativeSeparators(str(c.folder)))
        self.status.setText(text)

    def _update_buttons(self) -> None:
        c = self.controller
        self.new_button.setEnabled(c.state_name == IDLE)
        self.stop_button.setEnabled(c.busy and c.state_name != STOPPING)
        self.apply_button.setEnabled(c.best_row() is not None)
        number = self.selected_trial()
        row = c.trials.get(number) if number is not None else None
        self.open_button.setEnabled(row is not None and row.run is not None)
