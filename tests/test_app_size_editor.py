"""The inspector's size editor: height × width for a window, one box per axis for a volume, and
named boxes for a pair that is not a size (ZeroPadding1D's before and after)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QLabel, QScrollArea

from studio.graph import Graph
from studio.project import Project
from widgets.param_editors import SizeEditor

pytest_plugins = ["app_fixtures"]


def sequence_model() -> Project:
    graph = Graph()
    x = graph.add_node("Input", {"shape": [10, 3]}, node_id="x")
    pad = graph.add_node("ZeroPadding1D", {"padding": [2, 0]}, node_id="pad")
    graph.connect(x.id, pad.id)
    return Project(name="Causal padding", graph=graph)


def volume_model() -> Project:
    graph = Graph()
    x = graph.add_node("Input", {"shape": [1, 8, 8, 8]}, node_id="x")
    conv = graph.add_node("Conv3D", {"filters": 2, "kernel_size": [1, 3, 3]}, node_id="conv")
    graph.connect(x.id, conv.id)
    return Project(name="Volume", graph=graph)


def labels_of(editor: SizeEditor) -> list[str]:
    return [label.text() for label in editor.findChildren(QLabel)]


def shot(widget, name: str) -> None:
    folder = os.environ.get("NETSTUDIO_SHOTS")  # set to look at the editors
    if folder:
        os.makedirs(folder, exist_ok=True)
        widget.grab().save(os.path.join(folder, name))


def test_zero_padding_1d_edits_before_and_after_each_named(make_window):
    window = make_window(sequence_model())
    window.scene.select_nodes(["pad"])
    editor = window.inspector.editors["padding"]
    assert isinstance(editor, SizeEditor)
    assert labels_of(editor) == ["before", "after"]  # no "×": it is not a height × width
    assert [box.toolTip() for box in editor.boxes] == ["before", "after"]
    assert [box.value() for box in editor.boxes] == [2, 0]
    shot(window.inspector, "zero_padding_1d.png")
    editor.boxes[1].setValue(1)
    assert window.document.graph.nodes["pad"].params["padding"] == (2, 1)
    assert window.scene.nodes["pad"].info.output.shape == (13, 3)


def test_a_3d_kernel_gets_depth_height_and_width_boxes(make_window):
    window = make_window(volume_model())
    window.scene.select_nodes(["conv"])
    editor = window.inspector.editors["kernel_size"]
    assert [box.toolTip() for box in editor.boxes] == ["Depth", "Height", "Width"]
    assert [box.value() for box in editor.boxes] == [1, 3, 3]
    assert labels_of(editor) == ["×", "×"]
    page = window.inspector.findChild(QScrollArea, "inspectorScroll")
    # Three boxes still fit the inspector: nothing is cut off at its right edge.
    assert page.widget().minimumSizeHint().width() <= page.viewport().width()
    shot(window.inspector, "conv3d_kernel.png")
    editor.boxes[0].setValue(3)
    assert window.document.graph.nodes["conv"].params["kernel_size"] == (3, 3, 3)
    assert window.scene.nodes["conv"].info.output.shape == (2, 6, 6, 6)


def test_a_2d_kernel_keeps_height_times_width(window):
    window.scene.select_nodes(["conv2d_1"])
    editor = window.inspector.editors["kernel_size"]
    assert [box.toolTip() for box in editor.boxes] == ["Height", "Width"]
    assert labels_of(editor) == ["×"]
    shot(window.inspector, "conv2d_kernel.png")
