"""Export a trained run to any format the engine writes (studio.export.FORMATS).

The dialog lists the project's runs with their status and test figures and preselects the best
finished one (not merely the newest, which may be a worse stopped run). The export runs on a
background thread (ONNX and torch.export trace the model, which takes seconds); the dialog lists
what was written, or says in one line why it could not be.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from studio.export import FORMATS, TargetExistsError, export
from studio.export_targets import ExportError, check_package_folder
from studio.gan import GENERATOR_WEIGHTS, exported_part
from widgets.i18n import dataset_title, format_datetime, plural
from widgets.training.jobs import BackgroundJob
from widgets.training.panel import format_percent
from widgets.training.runs import RunInfo, dataset_of

FINISHED = ("finished", "early-stopped")

SUFFIX = {"safetensors": ".safetensors", "onnx": ".onnx", "pt2": ".pt2", "pt": ".pt", "py": ""}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def describe(fmt: str) -> str:
    texts = {
        "safetensors": _tr("Weights with the project beside them; NetStudio opens them again"),
        "onnx": _tr("For ONNX Runtime, OpenCV, TensorRT and other tools (dynamic batch)"),
        "pt2": _tr("A torch.export program: load with torch.export.load, no source needed"),
        "pt": _tr("A PyTorch state_dict (load with torch.load(weights_only=True))"),
        "py": _tr(
            "A standalone Python package: readable model source, weights, predict.py "
            "and train.py (runs under torchrun)"
        ),
    }
    return texts.get(fmt, fmt)


def best_run(runs: list[RunInfo]) -> RunInfo | None:
    """The run to offer first: of those with weights, a finished one before a stopped one,
    then the best test accuracy (or the lowest test loss), then the newest."""
    usable = [r for r in runs if r.has_weights]
    if not usable:
        return None

    def rank(run: RunInfo) -> tuple:
        accuracy = run.test_accuracy if run.test_accuracy is not None else -1.0
        loss = run.test_loss if run.test_loss is not None else float("inf")
        return (run.status in FINISHED, accuracy, -loss, run.name)

    return max(usable, key=rank)


def describe_run(run: RunInfo) -> str:
    statuses = {
        "finished": _tr("finished"),
        "stopped": _tr("stopped"),
        "early-stopped": _tr("stopped early"),
        "failed": _tr("failed"),
        "running": _tr("running"),
    }
    when = format_datetime(run.started) if run.started else run.name
    parts = [when, statuses.get(run.status, run.status)]
    if run.test_accuracy is not None:
        parts.append(_tr("test accuracy %1").replace("%1", format_percent(run.test_accuracy)))
    elif run.test_loss is not None:
        parts.append(_tr("test loss %1").replace("%1", f"{run.test_loss:.4g}"))
    epochs = QCoreApplication.translate("ExportDialog", "%1 epoch(s)", "", run.epochs)
    parts.append(plural(epochs, run.epochs).replace("%1", str(run.epochs)))
    if run.dataset:
        parts.append(dataset_title(dataset_of(run.dataset)))
    return " · ".join(parts)


def default_output(folder: Path, name: str, fmt: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_").lower() or "model"
    return folder / (f"{slug}_package" if fmt == "py" else slug + SUFFIX.get(fmt, "." + fmt))


class ExportDialog(QDialog):
    def __init__(
        self,
        runs: list[RunInfo],
        name: str,
        folder: Path,
        parent=None,
        selected: Path | None = None,
    ) -> None:
        """`runs`: the project's runs, newest first; `selected`: the run to preselect (from
        the Runs tab), else the best finished one."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the Trained Model"))
        self.setObjectName("exportDialog")
        self.runs = [r for r in runs if r.has_weights]
        self.project_name, self.name, self.folder = name, name, Path(folder)
        self.source = Path()
        self.job: BackgroundJob | None = None
        self._target, self._fmt = Path(), ""  # of the export under way
        self.written: list[Path] = []
        self._edited_path = False

        self.run_list = QComboBox()
        self.run_list.setObjectName("exportRun")
        for run in self.runs:
            self.run_list.addItem(describe_run(run), str(run.path))
            self.run_list.setItemData(
                self.run_list.count() - 1, str(run.path), Qt.ItemDataRole.ToolTipRole
            )
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Export the model trained in the run:")))
        layout.addWidget(self.run_list)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("as:")))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for fmt in FORMATS:
            button = QRadioButton(f"{fmt}  —  {describe(fmt)}")
            button.setObjectName(f"format_{fmt}")
            self.group.addButton(button)
            self.buttons[fmt] = button
            button.toggled.connect(self._format_changed)
            layout.addWidget(button)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.path.textEdited.connect(lambda text: setattr(self, "_edited_path", True))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Write to")))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = box.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.start_export)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.run_list.currentIndexChanged.connect(self._run_changed)
        keys = [str(r.path) for r in self.runs]
        chosen = str(selected) if selected is not None and str(selected) in keys else None
        best = best_run(self.runs)
        if chosen is None and best is not None:
            chosen = str(best.path)
        self.run_list.setCurrentIndex(keys.index(chosen) if chosen else -1)
        self._run_changed()
        self.buttons[FORMATS[0]].setChecked(True)
        self.resize(680, self.sizeHint().height())

    def current_run(self) -> RunInfo | None:
        index = self.run_list.currentIndex()
        return self.runs[index] if 0 <= index < len(self.runs) else None

    def _run_changed(self, *args) -> None:
        run = self.current_run()
        self.source = exported_part(run.path) if run is not None else Path()
        gan = self.source.name == GENERATOR_WEIGHTS
        self.name = (
            self.tr("%1 generator").replace("%1", self.project_name) if gan else self.project_name
        )
        self.note.setText(
            self.tr(
                "This run trained a GAN: what is exported is its generator, which turns a "
                "vector of random numbers into a new image. The discriminator only served "
                "the training; it stays in the run folder."
            )
            if gan
            else ""
        )
        self.note.setVisible(gan)
        self.export_button.setEnabled(run is not None)
        if not self._edited_path and self.group.checkedButton() is not None:
            self.path.setText(str(default_output(self.folder, self.name, self.fmt())))

    def fmt(self) -> str:
        return next(f for f, b in self.buttons.items() if b.isChecked())

    def set_format(self, fmt: str) -> None:
        self.buttons[fmt].setChecked(True)

    def _format_changed(self, checked: bool) -> None:
        if checked and not self._edited_path:
            self.path.setText(str(default_output(self.folder, self.name, self.fmt())))

    def _browse(self) -> None:
        if self.fmt() == "py":
            path = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the package"), str(self.folder)
            )
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if path:
            self.path.setText(path)
            self._edited_path = True

    def start_export(self, force: bool = False) -> None:
        """Export the chosen run in the background. Files in the way are never replaced
        without asking: the engine refuses them (TargetExistsError), the user is asked, and
        a Yes exports again with `force`."""
        if self.job is not None and self.job.running():
            return
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self._say("✗ " + self.tr("Choose where to write the export."))
            return
        fmt, source = self.fmt(), self.source
        self.export_button.setEnabled(False)
        self._say(self.tr("Exporting as %1…").replace("%1", fmt))
        self._target, self._fmt = target, fmt
        self.job = BackgroundJob(lambda: _export(source, fmt, target, force), self)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _done(self, result) -> None:
        self.export_button.setEnabled(True)
        if isinstance(result, TargetExistsError):
            self._ask_to_replace(result.paths)
            return
        self.written, notes = result
        lines = [self.tr("Wrote:")] + [f"  {p}" for p in self.written] + notes
        self._say("✓ " + "\n".join(lines))

    def _ask_to_replace(self, paths: list[Path]) -> None:
        names = "\n".join(f"  {p}" for p in paths)
        answer = QMessageBox.question(
            self,
            self.tr("Replace?"),
            self.tr("The export would replace what is already there:\n%1\n\nReplace it?").replace(
                "%1", names
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_export(force=True)
        else:
            self._say(self.tr("Not exported: nothing was replaced."))

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        text = "✗ " + message
        target = self._target
        if self._fmt == "py" and _refused_as_package_folder(target):
            # A folder the user keeps other things in (a Browse… choice): the package goes
            # into a new folder inside it, which the path now names.
            inside = default_output(target, self.name, "py")
            self.path.setText(str(inside))
            self._edited_path = True
            text += "\n" + self.tr(
                "The path now names a new folder inside it, %1: press Export to write the "
                "package there."
            ).replace("%1", str(inside))
        self._say(text)

    def _say(self, text: str) -> None:
        """The status line under the path; the dialog grows to show all of it (a reason and
        what to do next take two or three lines)."""
        self.status.setText(text)
        self.layout().activate()
        needed = self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()  # never leave an export thread running behind a closed dialog
        super().done(result)


def _export(source: Path, fmt: str, target: Path, force: bool):
    """The export job: what was written and the engine's notes, or the TargetExistsError
    itself (not a failure: the dialog asks whether to replace)."""
    notes: list[str] = []
    try:
        return export(source, fmt, target, note=notes.append, force=force), notes
    except TargetExistsError as exc:
        return exc


def _refused_as_package_folder(folder: Path) -> bool:
    """True when `folder` is a folder the py export refuses to write into whatever the
    answer (it holds files an export did not write), not merely an earlier package."""
    if folder.suffix.lower() == ".py" or folder.is_symlink() or not folder.is_dir():
        return False
    try:
        check_package_folder(folder, force=True)
    except ExportError:
        return True
    return False
