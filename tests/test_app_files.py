"""Projects in the app: save and open, the unsaved-changes prompt, recent files, autosave and
its recovery, open errors, and `netstudio --screenshot`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
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
