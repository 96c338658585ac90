"""File → Import Model… and Paste Keras Code… in the app: the imported model opens as a new,
unsaved project with its report shown; a refused import shows why and changes nothing; an ONNX
model's trained weights are saved beside the project when the user picks where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from studio.project import load_project
from studio.templates import load_template
from widgets.import_dialogs import ImportReportDialog, PasteKerasDialog

pytest_plugins = ["app_fixtures"]

CODE = Path(__file__).parent / "keras_code"
Button = QMessageBox.StandardButton


@pytest.fixture
def shown_reports(monkeypatch):
    """Report dialogs are recorded (and grabbed) instead of waiting for a click."""
    shown: list[ImportReportDialog] = []

    def exec_(dialog):
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportReportDialog, "exec", exec_)
    return shown


def _choose_file(monkeypatch, path: Path) -> list[str]:
    asked: list[str] = []

    def get_open(parent, title, start, filters):
        asked.append(filters)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    return asked


def _import_through_menu(window, qtbot) -> None:
    window.actions.import_model.trigger()
    qtbot.waitUntil(lambda: not window.import_running(), timeout=60_000)
    qtbot.wait(10)  # the result arrives through a queued signal


def test_keras_code_file_opens_as_a_new_unsaved_project_with_its_report(
    window, qtbot, tmp_path, monkeypatch, shown_reports
):
    source = tmp_path / "keras_seed_cnn.py"
    shutil.copy(CODE / "reference_seed_cnn.txt", source)
    window.open_path(_saved_mlp(tmp_path))
    filters = _choose_file(monkeypatch, source)

    _import_through_menu(window, qtbot)

    assert "*.py" in filters[0] and "*.onnx" in filters[0]
    window.summary.refresh_now()
    assert "93,322" in window.summary.totals.text()
    assert window.document.path is None and window.isWindowModified()
    assert len(window.scene.nodes) == len(window.document.project.graph.nodes) > 5
    [dialog] = shown_reports
    assert not dialog.refused and "93,322 parameters" in dialog.headline.text()
    report = dialog.report_text.toPlainText()
    assert report.startswith("Imported (") and "Conv2D" in report and "line " in report
    assert not dialog.note.isVisible() and dialog.note.text() == ""  # code has no weights


def test_a_refused_file_shows_why_and_leaves_the_project_as_it_was(
    window, qtbot, tmp_path, monkeypatch, shown_reports
):
    opened = _saved_mlp(tmp_path)
    window.open_path(opened)
    window.document.set_param("dense_1", "units", 33)  # unsaved work that must survive
    window.document.undo_stack.setClean()  # no unsaved-changes question in the way
    before = window.document.project.to_dict()
    source = tmp_path / "loop.py"
    source.write_text(
        "from tensorflow import keras\n"
        "from tensorflow.keras import layers\n"
        "model = keras.Sequential()\n"
        "for units in (64, 32):\n"
        "    model.add(layers.Dense(units))\n"
    )
    _choose_file(monkeypatch, source)

    _import_through_menu(window, qtbot)

    [dialog] = shown_reports
    assert dialog.refused and dialog.windowTitle() == "Import Refused"
    assert dialog.headline.text().startswith("Line 4: ") and "write the layers out" in (
        dialog.headline.text()
    )
    assert window.document.project.to_dict() == before
    assert window.document.path == opened


def test_pasted_keras_code_imports_and_cancel_changes_nothing(
    window, tmp_path, monkeypatch, shown_reports
):
    before = window.document.project.to_dict()
    monkeypatch.setattr(PasteKerasDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert window.paste_keras_dialog() is False
    assert window.document.project.to_dict() == before and not shown_reports

    code = (CODE / "reference_seed_mlp.txt").read_text()

    def paste_and_accept(dialog):
        assert not dialog.import_button.isEnabled()  # nothing pasted yet
        dialog.editor.setPlainText(code)
        assert dialog.import_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteKerasDialog, "exec", paste_and_accept)
    assert window.paste_keras_dialog() is True
    window.summary.refresh_now()
    assert "109,386" in window.summary.totals.text()
    assert window.document.path is None and window.isWindowModified()
    [dialog] = shown_reports
    assert "109,386 parameters" in dialog.headline.text()


def test_pasted_code_with_a_syntax_error_is_refused_with_its_line(
    window, monkeypatch, shown_reports
):
    before = window.document.project.to_dict()

    def paste(dialog):
        dialog.editor.setPlainText("model = keras.Sequential([\n    layers.Dense(10,\n")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteKerasDialog, "exec", paste)
    assert window.paste_keras_dialog() is False
    [dialog] = shown_reports
    assert dialog.refused and "line 2" in dialog.headline.text().lower()
    assert window.document.project.to_dict() == before


def test_onnx_weights_are_saved_beside_the_project_where_the_user_chooses(
    window, qtbot, tmp_path, monkeypatch, shown_reports, message_boxes
):
    from studio.export import inference_model, write_onnx
    from studio.runs.storage import load_trained

    project = load_template("seed-mlp")
    source = tmp_path / "model.onnx"
    write_onnx(inference_model(project, None), source, graph=project.graph, title=project.name)
    target = tmp_path / "saved" / "mlp.json"
    target.parent.mkdir()
    target.with_suffix(".safetensors").write_bytes(b"another model's weights")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    message_boxes.answer = Button.Yes  # replace the old weights file
    _choose_file(monkeypatch, source)

    _import_through_menu(window, qtbot)

    [dialog] = shown_reports
    assert "PROJECT.safetensors" in dialog.note.text()
    assert message_boxes.kinds() == ["question"]  # the weights file was there: asked first
    assert window.document.path == target and not window.isWindowModified()
    assert load_project(target).graph.nodes.keys() == window.document.project.graph.nodes.keys()
    saved, weights = load_trained(target.with_suffix(".safetensors"))
    assert saved.name == window.document.project.name and weights


def _saved_mlp(folder: Path) -> Path:
    from studio.project import save_project

    path = folder / "mlp.json"
    save_project(load_template("seed-mlp"), path)
    return path
