"""Live shapes: errors on nodes and in the problems list, the inspector's typed editors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from studio.graph import Graph
from studio.layers.registry import get_layer
from studio.project import Project
from widgets.canvas import style
from widgets.param_editors import SizeEditor

pytest_plugins = ["app_fixtures"]


def problem_rows(window) -> list[str]:
    return window.problems.messages()


def test_a_shape_error_turns_the_node_red_with_the_reason_and_undo_clears_it(window):
    doc = window.document
    window.scene.select_nodes(["flatten_1"])
    window.delete_selection()
    assert window.connect_nodes("conv2d_3", "dense_1")
    dense = window.scene.nodes["dense_1"]
    assert dense.state == "error"
    assert "Dense expects a flat input" in dense.error_text()
    assert "Dense expects a flat input" in dense.toolTip()
    assert "insert Flatten" in dense.toolTip()
    rows = problem_rows(window)
    assert len(rows) == 1 and rows[0].startswith("dense_1 (Dense): Dense expects a flat input")
    assert window.problems_heading.text().endswith("(1)")
    # Downstream nodes wait for it, greyed.
    assert window.scene.nodes["dense_2"].state == "blocked"
    assert window.scene.nodes["dense_2"].info.blocked_by == "dense_1"
    assert window.model_label.property("bad") is True

    doc.undo()  # the connection
    doc.undo()  # the deletion
    assert dense.state == "ok" and dense.info.output.shape == (64,)
    assert "Dense expects" not in dense.toolTip()
    assert problem_rows(window) == ["No problems: the model fits together."]
    assert window.scene.nodes["dense_2"].state == "ok"


def test_an_error_node_paints_red(window):
    window.document.set_param("input_1", "shape", [3, 4, 4])  # too small for three 3×3 convs
    item = window.scene.nodes["conv2d_2"]
    assert item.state == "error"
    image = window.view.grab().toImage()
    center = window.view.mapFromScene(item.mapToScene(item.boundingRect().center()))
    header = window.view.mapFromScene(item.mapToScene(60, style.HEADER_HEIGHT / 2))
    assert image.pixelColor(header).red() > 180 and image.pixelColor(header).green() < 100
    assert image.pixelColor(center).red() > image.pixelColor(center).blue()


def test_clicking_a_problem_selects_its_node(window):
    window.document.set_param("dense_2", "units", 1)  # cross-entropy needs two classes or more
    assert window.scene.nodes["output_1"].state == "error"
    problems = window.problems
    item = problems.item(0)
    rect = problems.visualItemRect(item)
    QTest.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene.selected_node_ids() == ["output_1"]
    assert window.inspector.node_id == "output_1"
    assert "Cross-entropy needs one score per class" in window.inspector.error.text()


def test_summary_table_lists_layers_and_flops_and_selects_on_click(window):
    window.summary.refresh_now()
    table = window.summary.table
    assert table.rowCount() == 10
    assert table.item(1, 0).text() == "conv2d_1"
    assert table.item(1, 1).text() == "32×26×26"
    assert table.item(1, 2).text() == "320"
    assert table.item(1, 3).text() == "389.4K"
    assert "93,322" in window.summary.totals.text() and "5.6M" in window.summary.totals.text()
    table.cellClicked.emit(3, 1)
    assert window.scene.selected_node_ids() == ["conv2d_2"]


def test_summary_is_recomputed_after_a_pause_not_at_once(window, qtbot):
    window.summary.refresh_now()
    window.document.set_param("dense_1", "units", 32)
    assert window.summary.timer.isActive()
    assert window.summary.table.item(7, 2).text() == "36,928"
    qtbot.waitUntil(lambda: window.summary.table.item(7, 2).text() == "18,464", timeout=5000)


def test_inspector_spin_box_changes_the_parameter_and_undo_restores(window):
    doc = window.document
    window.scene.select_nodes(["conv2d_1"])
    inspector = window.inspector
    assert inspector.node_id == "conv2d_1"
    filters = inspector.editors["filters"]
    assert isinstance(filters, QSpinBox)
    declared = get_layer("Conv2D").params.get("filters")
    assert (filters.minimum(), filters.maximum()) == (declared.minimum, declared.maximum)
    filters.setValue(16)
    assert doc.graph.nodes["conv2d_1"].params["filters"] == 16
    node = window.scene.nodes["conv2d_1"]
    assert node.info.output.shape == (16, 26, 26)
    assert node.info.params == 160
    assert "16×26×26" in inspector.shape.text()
    assert window.scene.nodes["conv2d_2"].info.params == 16 * 9 * 64 + 64
    doc.undo()
    assert doc.graph.nodes["conv2d_1"].params["filters"] == 32
    assert filters.value() == 32  # the editor follows the model
    assert node.info.output.shape == (32, 26, 26)
    assert "32×26×26" in inspector.shape.text()


def test_spin_box_steps_merge_into_one_undo_step(window):
    window.scene.select_nodes(["dense_1"])
    units = window.inspector.editors["units"]
    count = window.document.undo_stack.count()
    units.stepUp()
    units.stepUp()
    units.stepUp()
    assert window.document.graph.nodes["dense_1"].params["units"] == 67
    assert window.document.undo_stack.count() == count + 1
    window.document.undo()
    assert window.document.graph.nodes["dense_1"].params["units"] == 64


def test_inspector_builds_typed_editors(window):
    window.scene.select_nodes(["conv2d_1"])
    editors = window.inspector.editors
    assert isinstance(editors["padding"], QComboBox)
    assert isinstance(editors["use_bias"], QCheckBox)
    assert isinstance(editors["kernel_size"], SizeEditor)
    editors["kernel_size"].width_box.setValue(5)
    assert window.document.graph.nodes["conv2d_1"].params["kernel_size"] == (3, 5)
    assert window.scene.nodes["conv2d_1"].info.output.shape == (32, 26, 24)
    combo = editors["padding"]
    combo.setCurrentIndex(combo.findData("same"))
    combo.activated.emit(combo.currentIndex())
    assert window.document.graph.nodes["conv2d_1"].params["padding"] == "same"
    editors["use_bias"].setChecked(False)
    assert window.document.graph.nodes["conv2d_1"].params["use_bias"] is False

    window.scene.select_nodes(["input_1"])
    shape = window.inspector.editors["shape"]
    assert isinstance(shape, QLineEdit) and shape.text() == "1, 28, 28"
    shape.setText("1 × 32 × 32")
    shape.editingFinished.emit()
    assert window.document.graph.nodes["input_1"].params["shape"] == (1, 32, 32)
    assert window.scene.nodes["conv2d_1"].info.output.shape == (32, 32, 32)


def test_float_editor_and_ports_that_follow_a_parameter(make_window):
    graph = Graph()
    graph.add_node("Input", {"shape": [8]}, (0, 0))
    graph.add_node("Dropout", {}, (230, 0))
    graph.add_node("Add", {}, (460, 0))
    graph.connect("input_1", "dropout_1")
    graph.connect("input_1", "add_1", 0)
    graph.connect("dropout_1", "add_1", 1)
    window = make_window(Project("t", graph))
    window.scene.select_nodes(["dropout_1"])
    rate = window.inspector.editors["rate"]
    assert isinstance(rate, QDoubleSpinBox) and rate.maximum() == 0.95
    rate.setValue(0.25)
    assert graph.nodes["dropout_1"].params["rate"] == 0.25
    assert rate.text() == "0.25"

    window.scene.select_nodes(["add_1"])
    window.inspector.editors["inputs"].setValue(3)  # a third, free input port appears
    add = window.scene.nodes["add_1"]
    assert len(add.inputs) == 3
    assert add.state == "error" and "input 3 is not connected" in add.error_text()
    window.document.undo()
    assert len(add.inputs) == 2 and add.state == "ok"
    assert window.inspector.editors["inputs"].value() == 2


def test_refused_parameter_edit_shows_the_message_and_keeps_the_value(make_window):
    graph = Graph()
    graph.add_node("Input", {"shape": [8]}, (0, 0))
    graph.add_node("Add", {"inputs": 3}, (460, 0))
    graph.add_node("Dense", {"units": 8}, (230, 150))
    graph.add_node("ReLU", {}, (230, 300))
    graph.connect("input_1", "dense_1")
    graph.connect("input_1", "re_lu_1")
    graph.connect("input_1", "add_1", 0)
    graph.connect("dense_1", "add_1", 1)
    graph.connect("re_lu_1", "add_1", 2)
    window = make_window(Project("t", graph))
    window.scene.select_nodes(["add_1"])
    inputs = window.inspector.editors["inputs"]
    inputs.setValue(2)
    assert graph.nodes["add_1"].params["inputs"] == 3
    assert inputs.value() == 3
    assert window.document.undo_stack.count() == 0
    assert "remove them first" in window.inspector.error.text()
    assert "remove them first" in window.statusBar().currentMessage()
