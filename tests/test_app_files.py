"""Projects in the app: save and open, the unsaved-changes prompt, recent files, autosave and
its recovery, open errors, and `netstudio --screenshot`."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from studio import cli
from studio.project import load_project, save_project
from studio.templates import load_template
from widgets import config
from widgets.autosave import find_orphans

pytest_plugins = ["app_fixtures"]

Button = QMessageBox.StandardButton
ROOT = Path(__file__).resolve().parent.parent


def test_title_shows_the_name_and_an_asterisk_when_modified(window):
    assert window.windowTitle() == "Seed CNN (MNIST)[*] — NetStudio"
    assert not window.isWindowModified()
    window.document.set_param("dense_1", "units", 32)
    assert window.isWindowModified()
    window.document.undo()
    assert not window.isWindowModified()  # back at the clean state


def test_save_and_open_round_trip(window, tmp_path, make_window):
    window.document.set_param("dense_1", "units", 100)
    window.document.add_node("Dropout", (900.0, 450.0))
    path = tmp_path / "model.json"
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle() == "model.json[*] — NetStudio"
    saved = load_project(path)
    assert saved.graph.nodes["dense_1"].params["units"] == 100
    assert saved.graph.nodes["dropout_1"].position == (900.0, 450.0)

    other = make_window()
    assert other.open_path(path)
    graph = other.document.graph
    assert graph.to_dict() == window.document.graph.to_dict()
    assert set(other.scene.nodes) == set(graph.nodes)
    assert other.scene.nodes["dense_1"].info.params == 576 * 100 + 100
    assert other.document.path == path and not other.isWindowModified()
    assert config.recent_files()[0] == str(path.resolve())


def test_ctrl_s_without_a_file_asks_where(window, tmp_path, monkeypatch):
    target = tmp_path / "picked"
    monkeypatch.setattr(
        "widgets.project_files.QFileDialog.getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "")),
    )
    window.document.set_param("dense_1", "units", 10)
    window.actions.save.trigger()
    assert (tmp_path / "picked.json").is_file()
    assert window.document.path == tmp_path / "picked.json"


def test_opening_a_broken_file_shows_the_plain_message(window, tmp_path, message_boxes):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    before = window.document.graph.to_dict()
    assert not window.open_path(bad)
    assert message_boxes.kinds() == ["warning"]
    _kind, title, text = message_boxes.calls[0]
    assert title == "Cannot open project"
    assert "bad.json is damaged or not JSON" in text
    assert window.document.graph.to_dict() == before
    assert not window.open_path(tmp_path / "missing.json")
    assert "There is no file" in message_boxes.calls[-1][2]


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(make_window, message_boxes):
    window = make_window()
    window.document.set_param("dense_1", "units", 32)
    message_boxes.answer = Button.Cancel
    assert not window.close()
    assert window.isVisible()
    assert message_boxes.kinds() == ["question"]
    assert "not saved" in message_boxes.calls[0][2]

    message_boxes.answer = Button.Discard
    assert window.close()


def test_closing_with_save_writes_the_file(make_window, message_boxes, tmp_path):
    path = tmp_path / "kept.json"
    window = make_window(load_template("seed-mlp"), path)
    window.document.set_param("dense_1", "units", 99)
    message_boxes.answer = Button.Save
    assert window.close()
    assert load_project(path).graph.nodes["dense_1"].params["units"] == 99


def test_closing_unmodified_does_not_ask(make_window, message_boxes):
    window = make_window()
    assert window.close()
    assert message_boxes.calls == []


def test_new_from_template_asks_first_when_modified(window, message_boxes):
    window.document.set_param("dense_1", "units", 32)
    message_boxes.answer = Button.Cancel
    assert not window.new_from_template("lstm-classifier")
    assert "dense_1" in window.document.graph.nodes
    message_boxes.answer = Button.Discard
    action = window.templates_menu.findChild(type(window.actions.new), "template_lstm-classifier")
    action.trigger()
    assert "lstm_1" in window.document.graph.nodes
    assert window.windowTitle().startswith("LSTM sequence classifier")
    assert window.document.undo_stack.count() == 0


def test_autosave_writes_while_modified_and_a_clean_exit_removes_it(
    make_window, config_dir, message_boxes
):
    window = make_window()
    assert window.autosave_timer.isActive() and window.autosave_timer.interval() == 30_000
    window.autosave_timer.timeout.emit()
    assert not window.autosave.path.exists()  # nothing unsaved, nothing to keep
    window.document.set_param("dense_1", "units", 48)
    window.autosave_timer.timeout.emit()
    data = json.loads(window.autosave.path.read_text())
    units = next(n for n in data["project"]["graph"]["nodes"] if n["id"] == "dense_1")
    assert units["params"]["units"] == 48
    assert find_orphans(config_dir) == []  # a live window's autosave is not an orphan
    message_boxes.answer = Button.Discard
    window.close()
    assert not window.autosave.path.exists()
    assert list(config_dir.glob("autosave-*")) == []


def test_after_a_crash_the_next_start_offers_the_autosave_and_restores_it(
    make_window, config_dir, message_boxes, tmp_path
):
    crashed = make_window()
    source = tmp_path / "work.json"
    crashed.save_to(source)
    crashed.document.set_param("dense_1", "units", 77)
    crashed.autosave_now()
    # Simulate the crash: the process is gone, so its lock goes stale and the file stays.
    crashed.autosave._lock.unlock()
    crashed.autosave = None

    message_boxes.answer = Button.Yes
    window = make_window()
    assert window.offer_autosave_restore()
    assert message_boxes.kinds() == ["question"]
    assert "did not close properly" in message_boxes.calls[0][2]
    assert window.document.graph.nodes["dense_1"].params["units"] == 77
    assert window.document.path == source
    assert window.isWindowModified()
    assert window.scene.nodes["dense_1"].info.params == 576 * 77 + 77
    assert find_orphans(config_dir) == []  # offered once, then gone
    assert not make_window().offer_autosave_restore()


def test_declining_the_autosave_discards_it(make_window, config_dir, message_boxes, monkeypatch):
    crashed = make_window()
    crashed.document.set_param("dense_1", "units", 5)
    crashed.autosave_now()
    crashed.autosave._lock.unlock()
    crashed.autosave = None
    monkeypatch.setenv("NETSTUDIO_RESTORE_AUTOSAVE", "no")
    window = make_window()
    assert not window.offer_autosave_restore()
    assert message_boxes.calls == []  # answered by the environment
    assert window.document.graph.nodes["dense_1"].params["units"] == 64
    assert find_orphans(config_dir) == []


def test_recent_files_menu(window, tmp_path):
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.json"
        save_project(load_template("seed-mlp"), path)
        paths.append(path)
        assert window.open_path(path)
    window.fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert texts[:2] == ["&1  b.json", "&2  a.json"]
    window.recent_menu.actions()[1].trigger()
    assert window.document.path == paths[0]


def test_screenshot_from_the_command_line_in_process(tmp_path, qapp, capsys, config_dir):
    project = tmp_path / "p.json"
    save_project(load_template("residual-cnn"), project)
    out = tmp_path / "shot.png"
    assert cli.main([str(project), "--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 700
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 30  # a rendered window, not a blank one
    assert cli.main([str(tmp_path / "nope.json"), "--screenshot", str(out)]) == 1
    assert "There is no file" in capsys.readouterr().err


def test_screenshot_without_a_project_in_a_fresh_process(tmp_path):
    out = tmp_path / "start.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NETSTUDIO_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 850)
    assert list(tmp_path.glob("autosave-*")) == []


# The model's name -----------------------------------------------------------------------------


def save_dialog_answers(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(
        "widgets.project_files.QFileDialog.getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "")),
    )


def test_save_as_names_an_untitled_model_after_its_file(window, tmp_path, monkeypatch):
    assert window.new_empty()
    assert window.document.project.name == "Untitled"
    window.document.add_node("Input", (0.0, 0.0))
    save_dialog_answers(monkeypatch, tmp_path / "my-mlp.json")
    assert window.save_as()
    assert load_project(tmp_path / "my-mlp.json").name == "my-mlp"
    window.scene.select_nodes([])
    assert window.inspector.name_edit.text() == "my-mlp"
    assert not window.isWindowModified()
    # Saved again under another name, the name follows the file it was named after.
    save_dialog_answers(monkeypatch, tmp_path / "wider-mlp.json")
    assert window.save_as()
    assert load_project(tmp_path / "wider-mlp.json").name == "wider-mlp"


def test_save_as_keeps_a_name_the_user_gave(window, tmp_path, monkeypatch):
    window.document.set_project_name("Digits, second try")
    save_dialog_answers(monkeypatch, tmp_path / "copy.json")
    assert window.save_as()
    assert load_project(tmp_path / "copy.json").name == "Digits, second try"


def test_the_name_is_edited_in_the_inspector_and_undone(window, tmp_path):
    window.scene.select_nodes([])
    field = window.inspector.name_edit
    assert field.isVisible() and field.text() == "Seed CNN (MNIST)"
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "Digit reader")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.document.project.name == "Digit reader"
    assert window.windowTitle() == "Digit reader[*] — NetStudio" and window.isWindowModified()
    assert window.save_to(tmp_path / "digits.json")
    assert load_project(tmp_path / "digits.json").name == "Digit reader"
    window.document.undo()
    assert window.document.project.name == "Seed CNN (MNIST)"
    assert field.text() == "Seed CNN (MNIST)" and window.isWindowModified()
    # An empty name is refused; the field shows the name that stayed.
    field.setFocus()
    field.clear()
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.document.project.name == "Seed CNN (MNIST)"
    assert field.text() == "Seed CNN (MNIST)"
    assert "needs a name" in window.statusBar().currentMessage()


# Layouts that cannot be read as stored ---------------------------------------------------------


def chain_file(path: Path, count: int, position) -> Path:
    project = load_template("seed-mlp").to_dict()
    nodes = [{"id": "input_1", "type": "Input", "params": {"shape": [8]}}]
    nodes += [{"id": f"relu_{i}", "type": "ReLU", "params": {}} for i in range(1, count - 1)]
    nodes.append({"id": "output_1", "type": "Output", "params": {}})
    for i, node in enumerate(nodes):
        node["position"] = list(position(i))
    ids = [n["id"] for n in nodes]
    edges = [{"from": a, "to": b, "port": 0} for a, b in itertools.pairwise(ids)]
    project["graph"] = {"nodes": nodes, "edges": edges}
    path.write_text(json.dumps(project), encoding="utf-8")
    return path


def overlapping_pairs(window) -> int:
    boxes = [i.sceneBoundingRect() for i in window.scene.nodes.values()]
    return sum(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_a_file_with_every_layer_in_one_long_row_opens_arranged_and_readable(window, tmp_path):
    path = chain_file(tmp_path / "row.json", 14, lambda i: (i * 250.0, 40.0))
    assert window.open_path(path)
    assert window.view.zoom() >= 0.65  # the issue saw 34 %: nothing could be read
    ys = {node.position[1] for node in window.document.graph.nodes.values()}
    assert len(ys) > 1  # wrapped into rows
    assert overlapping_pairs(window) == 0
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.nodes["input_1"].sceneBoundingRect())
    assert not window.isWindowModified()
    assert "Arranged" in window.statusBar().currentMessage()


def test_a_heap_of_layers_on_one_spot_is_spread_out(window, tmp_path):
    path = chain_file(tmp_path / "heap.json", 8, lambda i: (0.0, 0.0))
    assert window.open_path(path)
    assert overlapping_pairs(window) == 0
    assert window.view.zoom() >= 0.65


def test_a_layout_a_person_made_is_kept(window, tmp_path):
    position = lambda i: (i % 3 * 260.0, i // 3 * 170.0)  # noqa: E731
    path = chain_file(tmp_path / "mine.json", 6, position)
    assert window.open_path(path)
    graph = window.document.graph
    assert [graph.nodes[n].position for n in graph.nodes] == [position(i) for i in range(6)]


def test_a_model_too_large_for_a_readable_fit_opens_at_its_start_at_a_readable_zoom(
    window, tmp_path
):
    position = lambda i: (i % 20 * 230.0, i // 20 * 150.0)  # noqa: E731
    path = chain_file(tmp_path / "big.json", 400, position)
    assert window.open_path(path)
    assert window.view.zoom() >= 0.65
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.nodes["input_1"].sceneBoundingRect())
    # Fit to View (F) still shows everything, however small.
    window.view.fit()
    assert window.view.zoom() < 0.65
