"""Export a trained run to any format the engine writes (studio.export.FORMATS).

The export runs on a background thread (ONNX and torch.export trace the model, which takes
seconds); the dialog lists what was written, or says in one line why it could not be.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from studio.export import FORMATS, export
from widgets.training.jobs import BackgroundJob

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


def default_output(folder: Path, name: str, fmt: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_").lower() or "model"
    return folder / (f"{slug}_package" if fmt == "py" else slug + SUFFIX.get(fmt, "." + fmt))


class ExportDialog(QDialog):
    def __init__(self, source: Path, name: str, folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the Trained Model"))
        self.setObjectName("exportDialog")
        self.source, self.name, self.folder = Path(source), name, Path(folder)
        self.job: BackgroundJob | None = None
        self.written: list[Path] = []
        self._edited_path = False

        # A weights file inside a run folder (a GAN's generator) is named by its run.
        run = self.source.parent if self.source.is_file() else self.source
        intro = QLabel(
            self.tr("Export the model trained in run <b>%1</b> as:").replace("%1", run.name)
        )
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
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
        self.buttons[FORMATS[0]].setChecked(True)
        self.resize(640, self.sizeHint().height())

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

    def start_export(self) -> None:
        if self.job is not None and self.job.running():
            return
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self.status.setText("✗ " + self.tr("Choose where to write the export."))
            return
        fmt, source = self.fmt(), self.source
        notes: list[str] = []
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting as %1…").replace("%1", fmt))
        self.job = BackgroundJob(
            lambda: (export(source, fmt, target, note=notes.append), notes), self
        )
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _done(self, result) -> None:
        self.written, notes = result
        self.export_button.setEnabled(True)
        lines = [self.tr("Wrote:")] + [f"  {p}" for p in self.written] + notes
        self.status.setText("✓ " + "\n".join(lines))

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText("✗ " + message)

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()  # never leave an export thread running behind a closed dialog
        super().done(result)
