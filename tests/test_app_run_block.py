"""The text editor of TrainedModel's run folder and layer: edits reach the model once, the
folder button chooses a folder, showing a value emits nothing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from studio.layers.registry import get_layer
from widgets.text_param_editor import TextEditor

pytest.importorskip("pytestqt")
pytest_plugins = ["app_fixtures"]


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


def test_selecting_a_trained_model_node_shows_its_editors(make_window, tmp_path):
    """A TrainedModel node placed on the canvas and selected: the inspector edits its run
    folder as text (it had no editor for text parameters and crashed)."""
    from pathlib import Path

    from studio.graph import Graph
    from studio.project import Project, save_project

    example = Path(__file__).parents[1] / "studio" / "layers" / "run_block_example"
    graph = Graph()
    x = graph.add_node("Input", {"shape": [1, 8, 8]})
    block = graph.add_node("TrainedModel", {"run": str(example)})
    graph.connect(x.id, block.id)
    path = tmp_path / "uses-a-run.json"
    project = Project(graph=graph)
    save_project(project, path)
    window = make_window(project, path)
    window.scene.select_nodes([block.id])
    editor = window.inspector.findChild(TextEditor, "param_run")
    assert editor is not None and editor.line.text() == str(example)
    assert window.document.analysis.nodes[block.id].ok
