"""The project's earlier runs, with their final metrics; ticked runs are laid over the plots.

Following a TrainingController, the view lays the last run over the plots when the next one
starts, so "train, change something, train again" always shows before and after together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.i18n import dataset_title, format_datetime, plural
from widgets.training.optimizer_names import optimizer_title
from widgets.training.panel import format_percent
from widgets.training.runs import RunInfo, dataset_of, list_runs, read_run

PATH_ROLE = Qt.ItemDataRole.UserRole


class RunsView(QWidget):
    overlaysChanged = Signal(list)  # the ticked RunInfos
    exportRequested = Signal(Path)  # a run folder

    def __init__(self) -> None:
        super().__init__()
        self.root: Path | None = None
        self.runs: dict[str, RunInfo] = {}
        # Overlay the previous run when a new one starts (off while a comparison ticks its own).
        self.auto_overlay = True
        self._last_run: str | None = None  # the newest finished run, as a key of self.runs
        self._auto_ticked: str | None = None  # the run this view ticked by itself
        # Runs shown from outside the runs folder (a search trial's), with their labels: kept
        # at the top of the list through every refresh.
        self._outside: dict[str, str] = {}
        self.where = QLabel()
        self.where.setObjectName("muted")
        self.where.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("runsList")
        self.list.itemChanged.connect(self._ticked)
        self.list.currentItemChanged.connect(lambda *a: self._update_buttons())
        self.open_button = QPushButton(self.tr("Open Folder"))
        self.open_button.clicked.connect(self._open_folder)
        self.export_button = QPushButton(self.tr("Export This Run…"))
        self.export_button.clicked.connect(self._export)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Tick runs to lay their curves over the plots.")), 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._update_buttons()

    def set_root(self, root: Path) -> None:
        if root != self.root:  # another project: its runs only
            self._outside = {}
        self.root = root
        self.refresh()

    def refresh(self) -> None:
        ticked = {
            p
            for p, r in self.runs.items()
            if self._item(p) and self._item(p).checkState() == Qt.CheckState.Checked
        }
        self.list.blockSignals(True)
        self.list.clear()
        self.runs = {}
        runs = list_runs(self.root) if self.root else []
        outside = [(run, self._outside[key]) for key in self._outside
                   if key not in {str(r.path) for r in runs}
                   and (run := read_run(Path(key))) is not None]
        for run, text in [*outside, *((run, self._describe(run)) for run in runs)]:
            key = str(run.path)
            self.runs[key] = run
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            item.setToolTip(key)
            self.list.addItem(item)
        self.list.blockSignals(False)
        where = QDir.toNativeSeparators(str(self.root)) if self.root else ""
        self.where.setText(
            plural(self.tr("%1 run(s), kept in %2", "", len(runs)), len(runs))
            .replace("%1", str(len(runs)))
            .replace("%2", where)
            if runs
            else self.tr("No runs yet. Runs are kept in %1").replace("%1", where)
        )
        self._update_buttons()
        self._ticked()

    def show_run(self, path: Path, text: str) -> bool:
        """List a run folder from outside the runs folder (a search trial's) under `text`, at
        the top and kept there through refreshes, ticked so its curves lie over the plots, and
        selected. False when the folder holds no run."""
        if read_run(path) is None:
            return False
        key = str(path)
        self._outside = {key: text, **{k: v for k, v in self._outside.items() if k != key}}
        ticked = {str(r.path) for r in self.ticked()} | {key}
        self.refresh()
        self.set_ticked(ticked)
        self.list.setCurrentItem(self._item(key))
        return True

    def _describe(self, run: RunInfo) -> str:
        statuses = {
            "finished": self.tr("finished"),
            "stopped": self.tr("stopped"),
            "early-stopped": self.tr("stopped early"),
            "failed": self.tr("failed"),
            "running": self.tr("running"),
        }
        text = (
            plural(self.tr("%1 · %2 · %3 epoch(s)", "", run.epochs), run.epochs)
            .replace("%1", format_datetime(run.started) if run.started else run.name)
            .replace("%2", statuses.get(run.status, run.status))
            .replace("%3", str(run.epochs))
        )
        optimizer = optimizer_title(run.tag)
        if optimizer:
            text += " · " + optimizer
        if run.test_accuracy is not None:
            text += " · " + self.tr("test %1").replace("%1", format_percent(run.test_accuracy))
        if run.final_gap is not None:
            text += " · " + self.tr("gap %1").replace("%1", f"{run.final_gap * 100:.1f} %")
        elif run.test_loss is not None:
            text += " · " + self.tr("test loss %1").replace("%1", f"{run.test_loss:.4g}")
        if run.dataset:
            text += f" · {dataset_title(dataset_of(run.dataset))}"
        return text

    def _item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(PATH_ROLE) == key:
                return self.list.item(i)
        return None

    def ticked(self) -> list[RunInfo]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(self.runs[item.data(PATH_ROLE)])
        return out

    def set_ticked(self, keys: set[str]) -> None:
        """Tick exactly these runs (folder paths as text); the plots are told once."""
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = (
                Qt.CheckState.Checked if item.data(PATH_ROLE) in keys else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)
        self.list.blockSignals(False)
        self._ticked()

    # Following the runs ---------------------------------------------------------------------

    def follow(self, controller) -> None:
        """Refresh when a run ends, and overlay it when the next one starts."""
        controller.runStarted.connect(self._on_run_started)
        controller.runFinished.connect(self._on_run_finished)

    def _on_run_finished(self, outcome) -> None:
        self.refresh()
        self._last_run = str(outcome.run_dir)

    def _on_run_started(self, info: dict) -> None:
        last = self._last_run
        if not self.auto_overlay or last is None or last not in self.runs:
            return
        keys = {r for r in self.runs if r != self._auto_ticked and self._is_ticked(r)}
        keys.add(last)
        self._auto_ticked = last
        self.set_ticked(keys)

    def _is_ticked(self, key: str) -> bool:
        item = self._item(key)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def _ticked(self, *args) -> None:
        self.overlaysChanged.emit(self.ticked())

    def _current(self) -> RunInfo | None:
        item = self.list.currentItem()
        return self.runs.get(item.data(PATH_ROLE)) if item else None

    def _update_buttons(self) -> None:
        run = self._current()
        self.open_button.setEnabled(run is not None)
        self.export_button.setEnabled(run is not None and run.has_weights)

    def _open_folder(self) -> None:
        run = self._current()
        if run is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(run.path)))

    def _export(self) -> None:
        run = self._current()
        if run is not None:
            self.exportRequested.emit(run.path)
