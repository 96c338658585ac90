"""The node editor: adding layers, connecting, refusing, deleting, moving, copy and paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytest_plugins = ["app_fixtures"]

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def view_point(window, scene_pos: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_pos)


def drop_layer(window, layer_id: str, at: QPoint) -> None:
    """A real drag-and-drop as Qt delivers it: enter, move, drop, with the palette's data."""
    tree = window.palette.tree
    mime = tree.mimeData([window.palette.item_for(layer_id)])
    viewport = window.view.viewport()
    action = Qt.DropAction.CopyAction
    QApplication.sendEvent(viewport, QDragEnterEvent(at, action, mime, LEFT, NO_MOD))
    QApplication.sendEvent(viewport, QDragMoveEvent(at, action, mime, LEFT, NO_MOD))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(at), action, mime, LEFT, NO_MOD))


def mouse_drag(window, start: QPoint, end: QPoint, steps: int = 4) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MOD, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * (i / steps))
    QTest.mouseRelease(viewport, LEFT, NO_MOD, end)


def test_opens_on_the_seed_cnn_laid_out_and_fitted(window):
    graph = window.document.graph
    assert len(graph.nodes) == 10 and len(window.scene.nodes) == 10
    assert len(window.scene.edges) == len(graph.edges) == 9
    assert not window.document.is_modified()
    # Wrapped into rows so that the text stays readable, and everything is in view.
    assert window.view.zoom() >= 0.6
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    for item in window.scene.nodes.values():
        assert visible.contains(item.sceneBoundingRect())
    assert window.scene.nodes["dense_1"].info.output.shape == (64,)


def test_palette_search_filters_layers(window):
    window.view.set_zoom(1.7)
    window.palette.search.setFocus()
    QTest.keyClicks(window.palette.search, "f")  # in the search box F is text, not "fit"
    assert window.palette.search.text() == "f" and window.view.zoom() == pytest.approx(1.7)
    window.palette.search.setText("pool")
    shown = window.palette.visible_layers()
    assert "MaxPooling2D" in shown and "GlobalAveragePooling" in shown
    assert "Dense" not in shown
    window.palette.search.clear()
    assert "Dense" in window.palette.visible_layers()


def test_dropping_a_layer_from_the_palette_adds_it_where_dropped(window):
    at = QPoint(300, 200)
    drop_layer(window, "Dropout", at)
    graph = window.document.graph
    assert "dropout_1" in graph.nodes
    item = window.scene.nodes["dropout_1"]
    assert item.sceneBoundingRect().contains(window.view.mapToScene(at))
    assert window.scene.selected_node_ids() == ["dropout_1"]
    assert window.document.is_modified()
    window.document.undo()
    assert "dropout_1" not in graph.nodes and "dropout_1" not in window.scene.nodes


def test_double_click_in_palette_adds_after_the_selected_layer_and_wires_it(window):
    graph = window.document.graph
    window.scene.select_nodes(["output_1"])
    window.scene.select_nodes(["dense_2"])
    tree = window.palette.tree
    tree.itemDoubleClicked.emit(window.palette.item_for("Dropout"), 0)
    assert "dropout_1" in graph.nodes
    assert any(e.source == "dense_2" and e.target == "dropout_1" for e in graph.edges)
    # dense_2 fed one layer: the new one goes into that connection.
    assert any(e.source == "dropout_1" and e.target == "output_1" for e in graph.edges)
    window.document.undo()  # one step removes both the node and its connection
    assert "dropout_1" not in graph.nodes and len(graph.edges) == 9
    assert any(e.source == "dense_2" and e.target == "output_1" for e in graph.edges)
    # Return on a palette item does the same as a double click.
    tree.setCurrentItem(window.palette.item_for("ReLU"))
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert "re_lu_1" in graph.nodes  # Keras names a ReLU layer re_lu


def test_connecting_by_dragging_from_an_output_port_to_an_input_port(window):
    graph = window.document.graph
    window.document.add_node("Dropout", (0.0, 400.0))
    source = window.scene.nodes["dense_1"].output
    target = window.scene.nodes["dropout_1"].inputs[0]
    start = view_point(window, source.scenePos())
    end = view_point(window, target.scenePos())
    viewport = window.view.viewport()
    QTest.mousePress(viewport, LEFT, NO_MOD, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    assert window.scene.wire_path() is not None  # the rubber line follows the mouse
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, LEFT, NO_MOD, end)
    assert window.scene.wire_path() is None
    edge = next(e for e in graph.edges if e.target == "dropout_1")
    assert edge.source == "dense_1"
    assert edge in window.scene.edges
    assert window.scene.nodes["dropout_1"].info.output.shape == (64,)
    window.document.undo()
    assert not any(e.target == "dropout_1" for e in graph.edges)
    assert edge not in window.scene.edges


def test_dragging_from_an_input_port_backwards_connects_too(window):
    graph = window.document.graph
    window.document.add_node("Dense", (0.0, 400.0))
    window.scene.finish_wire(QPointF())  # nothing pending: no effect
    window.scene.begin_wire(window.scene.nodes["dense_3"].inputs[0])
    window.scene.finish_wire(window.scene.nodes["flatten_1"].output.scenePos())
    assert any(e.source == "flatten_1" and e.target == "dense_3" for e in graph.edges)


def test_a_connection_that_would_make_a_loop_is_refused_with_the_models_message(window):
    graph = window.document.graph
    before = list(graph.edges)
    count = window.document.undo_stack.count()
    window.scene.begin_wire(window.scene.nodes["dense_2"].output)
    window.scene.finish_wire(window.scene.nodes["conv2d_1"].scenePos() + QPointF(60, 50))
    assert graph.edges == before
    assert window.document.undo_stack.count() == count
    message = window.statusBar().currentMessage()
    assert "would make a loop" in message and "dense_2" in message
    assert window.last_error in message


def test_a_taken_input_port_is_refused(window):
    graph = window.document.graph
    before = list(graph.edges)
    assert not window.connect_nodes("input_1", "dense_1", 0)
    assert graph.edges == before
    assert "already connected" in window.statusBar().currentMessage()


def test_delete_key_removes_selected_nodes_with_their_edges_and_undo_restores(window, qtbot):
    graph = window.document.graph
    window.scene.select_nodes(["flatten_1"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert "flatten_1" not in graph.nodes
    assert not any("flatten_1" in (e.source, e.target) for e in graph.edges)
    assert "flatten_1" not in window.scene.nodes
    # dense_1 now misses its input: the analysis says so.
    assert window.scene.nodes["dense_1"].state == "error"
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "flatten_1" in graph.nodes and len(graph.edges) == 9
    assert window.scene.nodes["dense_1"].state == "ok"
    QTest.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "flatten_1" not in graph.nodes
    QTest.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "flatten_1" not in graph.nodes  # Ctrl+Shift+Z is redo; nothing left to redo


def test_deleting_a_selected_connection(window):
    graph = window.document.graph
    edge = next(e for e in graph.edges if e.target == "flatten_1")
    window.scene.clearSelection()
    window.scene.edges[edge].setSelected(True)
    window.actions.delete.trigger()
    assert edge not in graph.edges and "flatten_1" in graph.nodes
    assert window.actions.undo.text() == "&Undo Disconnect conv2d_3 → flatten_1"
    assert window.scene.nodes["flatten_1"].state == "error"
    window.document.undo()
    assert edge in graph.edges and edge in window.scene.edges


def test_moving_nodes_by_mouse_is_one_undo_step(window):
    graph = window.document.graph
    window.scene.select_nodes(["conv2d_1", "max_pooling2d_1"])
    item = window.scene.nodes["conv2d_1"]
    start = view_point(window, item.mapToScene(QPointF(90, 60)))
    old = {n: graph.nodes[n].position for n in ("conv2d_1", "max_pooling2d_1")}
    count = window.document.undo_stack.count()
    mouse_drag(window, start, start + QPoint(60, 40), steps=5)
    assert window.document.undo_stack.count() == count + 1
    for node_id in old:
        assert graph.nodes[node_id].position != old[node_id]  # both moved, in the model
        pos = window.scene.nodes[node_id].pos()
        assert (pos.x(), pos.y()) == graph.nodes[node_id].position
    window.document.undo()
    for node_id, position in old.items():
        assert graph.nodes[node_id].position == position
        assert (
            window.scene.nodes[node_id].pos().x(),
            window.scene.nodes[node_id].pos().y(),
        ) == position


def test_rubber_band_selects_nodes(window):
    scene = window.scene
    rect = (
        scene.nodes["input_1"]
        .sceneBoundingRect()
        .united(scene.nodes["conv2d_1"].sceneBoundingRect())
    )
    start = view_point(window, rect.topLeft() - QPointF(15, 15))
    end = view_point(window, rect.bottomRight() + QPointF(15, 15))
    scene.clearSelection()
    mouse_drag(window, start, end)
    assert set(scene.selected_node_ids()) == {"input_1", "conv2d_1"}
    assert window.inspector.stack.currentIndex() == 0  # two selected: no single node shown


def test_copy_paste_keeps_internal_edges_under_new_ids(window):
    graph = window.document.graph
    window.scene.select_nodes(["conv2d_2", "max_pooling2d_2"])
    window.view.setFocus()  # editing keys act on the canvas when it has the focus
    QTest.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    new = window.scene.selected_node_ids()
    assert sorted(new) == ["conv2d_4", "max_pooling2d_3"]
    assert graph.nodes["conv2d_4"].params == graph.nodes["conv2d_2"].params
    x, y = graph.nodes["conv2d_2"].position
    assert graph.nodes["conv2d_4"].position == (x + 40, y + 40)
    internal = [e for e in graph.edges if e.source in new or e.target in new]
    assert [(e.source, e.target) for e in internal] == [("conv2d_4", "max_pooling2d_3")]
    assert window.document.undo_stack.count() == 1
    # A second paste lands further along; undo removes one paste at a time.
    second = window.paste()
    assert len(second) == 2 and not set(second) & set(new)
    window.document.undo()
    window.document.undo()
    assert len(graph.nodes) == 10 and len(graph.edges) == 9
    window.document.redo()
    assert {"conv2d_4", "max_pooling2d_3"} <= set(graph.nodes)
    assert any(e.source == "conv2d_4" and e.target == "max_pooling2d_3" for e in graph.edges)


def test_cut_and_duplicate(window):
    graph = window.document.graph
    window.scene.select_nodes(["dense_1"])
    ids = window.duplicate()
    assert ids == ["dense_3"] and graph.nodes["dense_3"].params["units"] == 64
    window.scene.select_nodes(["dense_3"])
    assert window.cut()
    assert "dense_3" not in graph.nodes
    assert window.paste() == ["dense_3"]


@pytest.mark.parametrize("keys", ["wheel", "shortcut"])
def test_zoom_and_fit(window, keys):
    view = window.view
    before = view.zoom()
    if keys == "wheel":
        from PySide6.QtGui import QWheelEvent

        center = QPointF(view.viewport().rect().center())
        event = QWheelEvent(
            center,
            view.viewport().mapToGlobal(center),
            QPoint(),
            QPoint(0, 240),
            Qt.MouseButton.NoButton,
            NO_MOD,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)
    else:
        window.actions.zoom_in.trigger()
    assert view.zoom() > before
    window.actions.fit.trigger()
    assert view.zoom() == pytest.approx(before, rel=0.02)
    assert window.zoom_label.text() == f"{round(view.zoom() * 100)} %"


def test_middle_button_pans(window):
    view = window.view
    view.set_zoom(1.0)
    h = view.horizontalScrollBar().value()
    viewport = view.viewport()
    start = QPoint(400, 300)
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, NO_MOD, start)
    QTest.mouseMove(viewport, start + QPoint(-120, 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, NO_MOD, start + QPoint(-120, 0))
    assert view.horizontalScrollBar().value() == h + 120


def test_auto_arrange_is_undoable(window):
    graph = window.document.graph
    window.document.move({"dense_1": graph.nodes["dense_1"].position}, {"dense_1": (5.0, 900.0)})
    moved = {n: node.position for n, node in graph.nodes.items()}
    window.actions.arrange.trigger()
    assert graph.nodes["dense_1"].position != (5.0, 900.0)
    assert window.document.undo_stack.undoText() == "Auto-arrange"
    window.document.undo()
    assert {n: node.position for n, node in graph.nodes.items()} == moved


def test_dragging_a_wire_over_a_port_the_graph_refuses_says_why_before_the_drop(window):
    scene = window.scene
    scene.begin_wire(scene.nodes["dense_2"].output)
    taken = scene.nodes["conv2d_2"].inputs[0]
    scene.drag_wire(taken.scenePos())
    assert taken.refused
    assert "would make a loop" in window.statusBar().currentMessage()
    scene.drag_wire(QPointF(-500, -500))
    assert window.statusBar().currentMessage() == ""
    scene.cancel_wire()


def test_space_and_drag_pans(window):
    view = window.view
    view.set_zoom(1.0)
    v = view.verticalScrollBar().value()
    view.setFocus()
    QTest.keyPress(view, Qt.Key.Key_Space)
    start = QPoint(500, 300)
    mouse_drag(window, start, start + QPoint(0, -90), steps=3)
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert view.verticalScrollBar().value() == v + 90
    assert window.scene.selected_node_ids() == []  # panning does not rubber-band


def test_right_click_menu_offers_the_edit_actions(window):
    texts = [a.text() for a in window.view.actions() if not a.isSeparator()]
    assert {"&Copy", "&Paste", "D&uplicate", "&Delete", "&Fit to View"} <= set(texts)


# Shortcut scope -------------------------------------------------------------------------------

CTRL = Qt.KeyboardModifier.ControlModifier


def press(widget, key, modifier=NO_MOD) -> None:
    QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


def test_editing_keys_do_nothing_while_the_training_page_is_shown(window):
    graph = window.document.graph
    window.scene.select_nodes(["dense_1"])
    window.view.setFocus()
    window.show_page(1)  # the Training page: the canvas is out of sight
    QApplication.processEvents()
    assert not window.view.isVisible()
    target = QApplication.focusWidget() or window
    for key, modifier in (
        (Qt.Key.Key_Delete, NO_MOD),
        (Qt.Key.Key_Backspace, NO_MOD),
        (Qt.Key.Key_A, CTRL),
        (Qt.Key.Key_X, CTRL),
        (Qt.Key.Key_D, CTRL),
        (Qt.Key.Key_Delete, CTRL),
    ):
        press(target, key, modifier)
        press(window, key, modifier)
    assert len(graph.nodes) == 10 and len(graph.edges) == 9
    assert window.document.undo_stack.count() == 0
    assert not window.actions.delete.isEnabled() and not window.actions.paste.isEnabled()
    # Back on the model page, with the canvas focused, Delete deletes again.
    window.show_page(0)
    QApplication.processEvents()
    assert window.actions.delete.isEnabled()
    assert window.view.hasFocus()  # coming back to the model page is coming back to the canvas
    press(window.view, Qt.Key.Key_Delete)
    assert "dense_1" not in graph.nodes


def test_editing_keys_in_another_panel_do_not_touch_the_canvas(window):
    graph = window.document.graph
    window.scene.select_nodes(["dense_1"])
    tree = window.palette.tree
    tree.setFocus()
    press(tree, Qt.Key.Key_Delete)
    press(tree, Qt.Key.Key_A, CTRL)
    assert "dense_1" in graph.nodes
    assert window.scene.selected_node_ids() == ["dense_1"]  # Ctrl+A did not select the canvas
    # Ctrl+A on the focused canvas selects every layer.
    window.view.setFocus()
    press(window.view, Qt.Key.Key_A, CTRL)
    assert len(window.scene.selected_node_ids()) == 10


def test_clicking_a_node_gives_the_canvas_the_focus_for_delete(window):
    item = window.scene.nodes["flatten_1"]
    window.palette.search.setFocus()
    centre = view_point(window, item.sceneBoundingRect().center())
    QTest.mouseClick(window.view.viewport(), LEFT, NO_MOD, centre)
    assert window.view.hasFocus()
    press(window.view, Qt.Key.Key_Delete)
    assert item.node_id not in window.document.graph.nodes


# Inserting into a connection and deleting with reconnection -----------------------------------


def edge_middle(window, source: str, target: str) -> QPointF:
    item = next(
        i for e, i in window.scene.edges.items() if (e.source, e.target) == (source, target)
    )
    return item.path().pointAtPercent(0.5)


def edge_midpoint(window, source: str, target: str) -> QPoint:
    return view_point(window, edge_middle(window, source, target))


def test_dropping_a_layer_on_a_connection_inserts_it_in_one_undo_step(window):
    graph = window.document.graph
    window.view.set_zoom(1.0)
    window.view.centerOn(edge_middle(window, "flatten_1", "dense_1"))
    before_positions = {n: node.position for n, node in graph.nodes.items()}
    at = edge_midpoint(window, "flatten_1", "dense_1")
    drop_layer(window, "Dropout", at)
    links = {(e.source, e.target) for e in graph.edges}
    assert ("flatten_1", "dropout_1") in links and ("dropout_1", "dense_1") in links
    assert ("flatten_1", "dense_1") not in links
    assert window.scene.nodes["dropout_1"].state == "ok"
    assert window.scene.nodes["dense_1"].state == "ok"
    # No layer covers another: the ones after the new layer moved right if needed.
    boxes = [i.sceneBoundingRect() for i in window.scene.nodes.values()]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert window.document.undo_stack.count() == 1
    assert "Insert" in window.document.undo_stack.undoText()
    window.document.undo()
    assert "dropout_1" not in graph.nodes
    assert ("flatten_1", "dense_1") in {(e.source, e.target) for e in graph.edges}
    assert {n: node.position for n, node in graph.nodes.items()} == before_positions
    window.document.redo()
    assert ("dropout_1", "dense_1") in {(e.source, e.target) for e in graph.edges}


def test_a_connection_lights_up_while_a_layer_is_dragged_over_it(window):
    window.view.set_zoom(1.0)
    window.view.centerOn(edge_middle(window, "flatten_1", "dense_1"))
    at = edge_midpoint(window, "flatten_1", "dense_1")
    tree = window.palette.tree
    mime = tree.mimeData([window.palette.item_for("Dropout")])
    viewport = window.view.viewport()
    action = Qt.DropAction.CopyAction
    QApplication.sendEvent(viewport, QDragEnterEvent(at, action, mime, LEFT, NO_MOD))
    QApplication.sendEvent(viewport, QDragMoveEvent(at, action, mime, LEFT, NO_MOD))
    lit = [e for e, item in window.scene.edges.items() if item._drop_target]
    assert [(e.source, e.target) for e in lit] == [("flatten_1", "dense_1")]
    message = window.statusBar().currentMessage()
    assert message == "Drop to insert Dropout between flatten_1 and dense_1"
    # An Input cannot go into a connection: nothing lights up for it.
    mime = tree.mimeData([window.palette.item_for("Input")])
    QApplication.sendEvent(viewport, QDragMoveEvent(at, action, mime, LEFT, NO_MOD))
    assert not any(item._drop_target for item in window.scene.edges.values())


def test_delete_and_reconnect_keeps_the_chain_whole(window):
    graph = window.document.graph
    feeder = next(e.source for e in graph.edges if e.target == "flatten_1")
    window.scene.select_nodes(["flatten_1"])
    assert window.actions.dissolve.isEnabled()
    window.view.setFocus()
    press(window.view, Qt.Key.Key_Delete, CTRL)
    assert "flatten_1" not in graph.nodes
    assert next(e.source for e in graph.edges if e.target == "dense_1") == feeder
    assert window.document.undo_stack.count() == 1
    window.document.undo()
    links = {(e.source, e.target) for e in graph.edges}
    assert {(feeder, "flatten_1"), ("flatten_1", "dense_1")} <= links
    assert (feeder, "dense_1") not in links
    # The Input has no input: reconnecting is not offered; a plain Delete mentions it.
    window.scene.select_nodes(["input_1"])
    assert not window.actions.dissolve.isEnabled()
    window.scene.select_nodes(["flatten_1"])
    window.delete_selection()
    assert "Delete and Reconnect" in window.statusBar().currentMessage()


def test_a_layer_dropped_at_the_left_edge_shows_whole_with_its_input_port(window):
    drop_layer(window, "Dense", QPoint(3, 200))
    item = window.scene.nodes["dense_3"]
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    port = item.inputs[0].sceneBoundingRect()
    assert visible.contains(item.sceneBoundingRect()) and visible.contains(port)
    drop_layer(window, "Dense", QPoint(window.view.viewport().width() - 2, 2))
    item = window.scene.nodes["dense_4"]
    assert visible.contains(item.sceneBoundingRect())
