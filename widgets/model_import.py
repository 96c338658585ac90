"""File → Import Model… and Paste Keras Code…: a model made elsewhere opens as a new, unsaved
project, with the import report shown; a refused import shows why and changes nothing, or,
where it can, is imported again up to a node the user picks. A Python file that defines a
PyTorch model runs only after the user agrees to it in a dialog. A model
that came with trained weights is saved at once (the Save As dialog), the weights beside the
project as PROJECT.safetensors, as `netstudio import` writes them. A mixin of the main window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from studio.errors import StudioError
from studio.importers import (
    ImportRefused,
    import_file,
    importable_suffixes,
    weights_path_for,
    write_imported,
)
from studio.importers.keras_code import import_keras_code
from studio.importers.torch_source import read_source, torch_module_classes
from widgets import config
from widgets.i18n import count, plural, template_text, tr_error
from widgets.import_dialogs import (
    CUT_CHOSEN,
    ImportReportDialog,
    PasteKerasDialog,
    RunCodeDialog,
)
from widgets.training.jobs import BackgroundJob

Button = QMessageBox.StandardButton


def _read_model(path: Path, options: dict[str, Any]) -> Any:
    """Runs on the import thread. A refusal is a result, not a failure: its report is shown."""
    try:
        return import_file(path, **options)
    except ImportRefused as exc:
        return exc


class ModelImport:
    """Needs from the window: document, interactive, tr, statusBar, maybe_save, show_project,
    show_error, and ProjectFiles' closeEvent after its own."""

    import_job: BackgroundJob | None = None
    import_report: ImportReportDialog | None = None
    paste_dialog: PasteKerasDialog | None = None
    run_code_dialog: RunCodeDialog | None = None
    _import_source: tuple[Path, dict[str, Any]] | None = None
    """The file being imported and the options it was imported with (for a cut after)."""

    # From a file ----------------------------------------------------------------------------

    def import_dialog(self) -> bool:
        if self.import_running() or not self.maybe_save():
            return False
        start = str(self.document.path.parent) if self.document.path else str(Path.home())
        patterns = " ".join(f"*{suffix}" for suffix in importable_suffixes())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Model"),
            start,
            self.tr("Keras, ONNX or PyTorch models (%1);;All files (*)").replace(
                "%1", patterns
            ),
        )
        if not path:
            return False
        options = self._code_run_consent(Path(path))
        if options is None:
            return False
        self.import_path(path, **options)
        return True

    def _code_run_consent(self, path: Path) -> dict[str, Any] | None:
        """{} for a file that runs nothing; for a .py file with a PyTorch model, the options
        the user agreed to in the Run Code dialog, or None when they declined."""
        if path.suffix.lower() != ".py":
            return {}
        try:
            classes = torch_module_classes(read_source(path))
        except ImportRefused:
            return {}  # the import itself says why the file cannot be read
        if not classes:
            return {}
        self.run_code_dialog = RunCodeDialog(str(path), classes, self)
        if self.run_code_dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.run_code_dialog.options()

    def import_path(self, path: str | os.PathLike[str], **options: Any) -> None:
        """Import on a thread (an ONNX file is read with PyTorch, which takes a few seconds).
        `options` as studio.importers.import_file takes them."""
        path = Path(path)
        self._import_source = (path, options)
        self.statusBar().showMessage(self.tr("Importing %1…").replace("%1", str(path)))
        self.import_job = BackgroundJob(lambda: _read_model(path, options), self)
        self.import_job.done.connect(self._on_model_read)
        self.import_job.failed.connect(self._on_import_failed)
        self.import_job.start()

    def import_running(self) -> bool:
        return self.import_job is not None and self.import_job.running()

    def _on_model_read(self, result: Any) -> None:
        if self._closing:  # the window closed while the file was read
            return
        self.statusBar().clearMessage()
        if isinstance(result, ImportRefused):
            self._show_refusal(result)
            return
        project, report, weights = result
        self._open_imported(project, report, weights)

    def _on_import_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        self.show_error(self.tr("Cannot import the model"), message)

    # From pasted code -------------------------------------------------------------------------

    def paste_keras_dialog(self) -> bool:
        if self.import_running() or not self.maybe_save():
            return False
        self.paste_dialog = PasteKerasDialog(self)
        if self.paste_dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._import_source = None  # pasted code: nothing to import again with a cut
        try:
            project, report = import_keras_code(self.paste_dialog.code(), "pasted code")
        except ImportRefused as exc:
            self._show_refusal(exc)
            return False
        self._open_imported(project, report, None)
        return True

    # Showing the outcome ------------------------------------------------------------------------

    def _show_refusal(self, exc: ImportRefused) -> None:
        """The plain reason and everything that was read; the open project stays as it was.
        Where the import could end before the refused part, the dialog offers that, and the
        file is imported again up to the node chosen."""
        cut_points = getattr(exc, "cut_points", None) if self._import_source else None
        dialog = ImportReportDialog(
            exc.report, tr_error(exc), refused=True, parent=self, cut_points=cut_points
        )
        if self._show_report(dialog) == CUT_CHOSEN and self._import_source is not None:
            path, options = self._import_source
            self.import_path(path, **{**options, "cut_at": dialog.chosen_cut})

    def _open_imported(self, project, report, weights: dict[str, Any] | None) -> None:
        # Unsaved and marked modified: closing the window asks before the import is lost.
        self.show_project(project, None, modified=True)
        analysis = self.document.analysis
        nodes = len(project.graph.nodes)
        headline = plural(self.tr("Imported '%1': %n layer(s)", "", nodes), nodes).replace(
            "%1", template_text(project.name)
        )
        if analysis.ok:
            headline += self.tr(", %1 parameters").replace("%1", count(analysis.total_params))
        note = ""
        if weights is not None:
            note = self.tr(
                "The model came with trained weights. Choose where to save the project next: "
                "the weights are saved beside it, as %1."
            ).replace("%1", "PROJECT.safetensors")
        self._show_report(ImportReportDialog(report, headline, note=note, parent=self))
        self.statusBar().showMessage(headline, 8000)
        if weights is not None:
            self._save_with_weights(weights)

    def _show_report(self, dialog: ImportReportDialog) -> int:
        self.import_report = dialog
        return dialog.exec()

    def _save_with_weights(self, weights: dict[str, Any]) -> bool:
        """Ask where to save the imported project and write it with its weights beside it."""
        doc = self.document
        suggested = Path.home() / f"{doc.project.name or 'model'}.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Imported Project As"), str(suggested), self._file_filter()
        )
        if path and not Path(path).suffix:
            path += ".json"
        if path and not self._may_replace_weights(Path(path)):
            path = ""
        if not path:
            self.show_error(
                self.tr("Trained weights not saved"),
                self.tr(
                    "The imported model is open without its trained weights. Import the file "
                    "again and save it to keep them."
                ),
            )
            return False
        try:
            written = write_imported(doc.project, weights, Path(path), force=True)
        except (StudioError, OSError) as exc:
            reason = tr_error(exc) if isinstance(exc, StudioError) else exc.strerror or str(exc)
            self.show_error(self.tr("Cannot save project"), f"{path}: {reason}")
            return False
        doc.undo_stack.setClean()
        doc.set_path(Path(path))
        config.add_recent_file(path)
        if self.autosave is not None:
            self.autosave.discard()
        self.statusBar().showMessage(
            self.tr("Saved %1 and its trained weights %2")
            .replace("%1", str(written[0]))
            .replace("%2", str(written[1])),
            8000,
        )
        return True

    def _may_replace_weights(self, target: Path) -> bool:
        """The Save As dialog asked about the project file; the weights file beside it may be
        another model's, so it is replaced only when the user says so."""
        weights_file = weights_path_for(target)
        if not weights_file.exists():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace weights?"),
            self.tr("%1 already exists. Replace it with the imported model's weights?").replace(
                "%1", str(weights_file)
            ),
            Button.Yes | Button.No,
            Button.No,
        )
        return answer == Button.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        # A QThread destroyed while it runs aborts the process: let the import finish first.
        if self.import_job is not None:
            self.import_job.wait()
        super().closeEvent(event)
