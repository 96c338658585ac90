"""The Search dialog: what to search (the space, as an editable table), how many trials, the
sampler, early pruning and the objective. Every check is the engine's: the table's rows by
its spec parser, the whole search by building it (without starting it), whose note says when
a validation split is added."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError
from studio.project import Project
from studio.search import Search, SearchOptions, validation_note
from studio.search_space import SearchSpaceError, default_spec, searchable_names
from widgets.i18n import tr_error, tr_message
from widgets.search.space_table import SpaceTable
from widgets.training import style

# The app's style sheet draws a disabled button as an enabled one: grey it, as the panel does.
BUTTONS = "QPushButton:disabled { color: #A0A7B2; }"
DEFAULT_TRIALS = 10
MAX_TRIALS = 10_000


class SearchDialog(QDialog):
    startRequested = Signal(object)  # SearchOptions
    specsEdited = Signal(list)  # the table's specs, kept for the next time it opens

    def __init__(self, project: Project, project_path: Path | None, specs: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search Hyperparameters"))
        self.setStyleSheet(style.PANEL + BUTTONS)
        self.project, self.project_path = project, project_path
        self._trials_asked = DEFAULT_TRIALS
        intro = QLabel(
            self.tr(
                "Trains the model once per trial with other values of what you search, and "
                "scores each trial on the validation set (never the test set). Right-click a "
                "training setting or a layer's parameter and choose Search This… to add it."
            )
        )
        intro.setWordWrap(True)
        self.table = SpaceTable(project)
        self.table.set_specs(specs)
        self.table.changed.connect(self._check)
        self.table.setMinimumHeight(150)  # four rows stay in view whatever the notes say
        self.add_combo = QComboBox()
        self.add_combo.setObjectName("searchAddCombo")
        for name in searchable_names(project):
            self.add_combo.addItem(name, name)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_chosen)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.table.remove_selected)
        rows = QHBoxLayout()
        rows.addWidget(QLabel(self.tr("Search also:")))
        rows.addWidget(self.add_combo, 1)
        rows.addWidget(add)
        rows.addStretch(1)
        rows.addWidget(remove)
        syntax = QLabel(
            self.tr("Values: a list such as 32,64,128 or adam,sgd; a range LOW..HIGH such as "
                    "0.1..0.5. A log range spreads its trials evenly over the orders of "
                    "magnitude (for learning rates).")
        )
        syntax.setObjectName("muted")
        syntax.setWordWrap(True)

        self.trials = QSpinBox()
        self.trials.setObjectName("searchTrials")
        self.trials.setRange(1, MAX_TRIALS)
        self.trials.setValue(DEFAULT_TRIALS)
        self.trials.valueChanged.connect(self._trials_edited)
        self.sampler = QComboBox()
        self.sampler.setObjectName("searchSampler")
        for key, text in (
            ("tpe", self.tr("Bayesian (TPE): learns where good values are")),
            ("random", self.tr("Random")),
            ("grid", self.tr("Grid: every combination of the lists")),
        ):
            self.sampler.addItem(text, key)
        self.pruner = QComboBox()
        self.pruner.setObjectName("searchPruner")
        for key, text in (
            ("none", self.tr("None: every trial runs all its epochs")),
            ("median", self.tr("Median: stop a trial below the others' median")),
            ("halving", self.tr("Successive halving")),
            ("hyperband", self.tr("Hyperband")),
        ):
            self.pruner.addItem(text, key)
        self.objective = QComboBox()
        self.objective.setObjectName("searchObjective")
        self.objective.addItem(self.tr("Validation accuracy (higher is better)"), "val_accuracy")
        self.objective.addItem(self.tr("Validation loss (lower is better)"), "val_loss")
        self.epochs = QSpinBox()
        self.epochs.setObjectName("searchEpochs")
        self.epochs.setRange(1, 10_000)
        self.epochs.setValue(int(project.training["epochs"]))
        for combo in (self.sampler, self.pruner, self.objective):
            combo.currentIndexChanged.connect(self._check)
        self.epochs.valueChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("Trials"), self.trials)
        form.addRow(self.tr("Sampler"), self.sampler)
        form.addRow(self.tr("Early pruning"), self.pruner)
        form.addRow(self.tr("Objective"), self.objective)
        form.addRow(self.tr("Epochs per trial"), self.epochs)

        self.note = QLabel()
        self.note.setObjectName("trainingMessage")
        self.note.setProperty("kind", "note")
        self.note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("trainingMessage")
        self.problem.setProperty("kind", "error")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start Search"))
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda result: self.specsEdited.emit(self.table.specs()))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(rows)
        layout.addWidget(syntax)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(780, 640)
        self._check()

    # What the user chose --------------------------------------------------------------------

    def options(self) -> SearchOptions:
        return SearchOptions(
            specs=self.table.specs(),
            trials=self.trials.value(),
            sampler=self.sampler.currentData(),
            prune=self.pruner.currentData(),
            objective=self.objective.currentData(),
            epochs=self.epochs.value(),
        )

    def add_spec(self, spec: str) -> None:
        """Search this too (from a right-click while the dialog is open)."""
        self.table.add_spec(spec)

    def _add_chosen(self) -> None:
        name = self.add_combo.currentData()
        if not name:
            return
        try:
            self.table.add_spec(default_spec(name, self.project))
        except SearchSpaceError as exc:
            self.problem.setText(tr_error(exc))
            self.problem.show()

    def _trials_edited(self, value: int) -> None:
        if self.trials.isEnabled():
            self._trials_asked = value

    # Checking ---------------------------------------------------------------------------------

    def _check(self, *args) -> bool:
        """The engine's verdict: the rows' messages, then the whole search's; Start only when
        it would start."""
        notes: list[str] = []
        problem = ""
        # Said whatever else is wrong: the search holds out validation data of its own.
        held_out = validation_note(self.project)
        grid = self.sampler.currentData() == "grid"
        size = None
        if not self.table.rowCount():
            problem = self.tr("Add something to search: right-click a training setting or a "
                              "layer's parameter, or choose it above and press Add.")
        elif self.table.errors:
            problem = self.tr("Fix the rows marked ✗ first.")
        else:
            try:
                search = Search(self.project, self.project_path, self.options(),
                                on_message=notes.append)
            except StudioError as exc:
                problem = tr_error(exc)
            else:
                size = search.space.size() if grid else None
        if held_out is not None and held_out not in notes:
            notes.insert(0, held_out)
        # A grid runs each of its points once: the number of trials is the grid's.
        self.trials.blockSignals(True)
        if grid and size is not None:
            self.trials.setValue(size)
            notes.append(self.tr("The grid has %1 points: one trial each.").replace("%1",
                                                                                   str(size)))
        elif not self.trials.isEnabled() or self.trials.value() != self._trials_asked:
            self.trials.setValue(self._trials_asked)
        self.trials.blockSignals(False)
        self.trials.setEnabled(not grid)
        self.note.setText("\n".join(tr_message(n) for n in notes))
        self.note.setVisible(bool(notes))
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.start_button.setEnabled(not problem)
        return not problem

    def _start(self) -> None:
        if self._check():
            options = self.options()
            self.accept()
            self.startRequested.emit(options)
