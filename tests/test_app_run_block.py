"""The text editor of TrainedModel's run folder and layer: edits reach the model once, the
folder button chooses a folder, showing a value emits nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from studio.layers.registry import get_layer
from widgets.text_param_editor import TextEditor

pytest.importorskip("pytestqt")


def _param(name: str):
    return get_layer("TrainedModel").params.get(name)


def test_typed_text_is_emitted_when_editing_ends(qtbot):
    editor = TextEditor(_param("until"))
    qtbot.addWidget(editor)
    assert editor.browse is None  # a layer id: no folder to choose
    seen = []
    editor.edited.connect(seen.append)
    editor.set_value("dense_1")
    assert seen == [] and editor.line.text() == "dense_1"
    editor.line.setText("conv2d_2")
    editor.line.editingFinished.emit()
    editor.line.editingFinished.emit()  # focus leaving again changes nothing
    assert seen == ["conv2d_2"]


def test_the_run_folder_can_be_chosen(qtbot, monkeypatch, tmp_path):
    editor = TextEditor(_param("run"))
    qtbot.addWidget(editor)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: str(tmp_path))
    seen = []
    editor.edited.connect(seen.append)
    editor.browse.click()
    assert seen == [str(tmp_path)] and editor.line.text() == str(tmp_path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "")
    editor.browse.click()  # cancelled: nothing changes
    assert seen == [str(tmp_path)]
