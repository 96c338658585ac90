"""Follow-ups to issues 12 and 13 in the app: the status bar's verdict counts the data set's
fit and says "1 layer"/"1 problem"; the restore question's date; autosaved unsaved work keeps
its runs; a project file's notes shown on open; the toolbar's disabled look."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox
from test_app_compare import compare
from test_app_training import RUN_MS, tiny_project, train

from studio import flops
from studio.graph import Graph
from studio.project import Project, save_project
from studio.templates import load_template
from widgets import summary_panel
from widgets.autosave import find_orphans
from widgets.i18n import format_datetime

Button = QMessageBox.StandardButton

pytest_plugins = ["app_fixtures"]


# The status bar's verdict ---------------------------------------------------------------------


def test_the_status_bar_counts_a_data_set_that_does_not_fit_as_a_problem(make_window):
    window = make_window(tiny_project())
    assert "✓ fits together" in window.model_label.text()
    assert window.model_label.property("bad") is False

    assert window.set_param("dense_3", "units", 7)  # 7 outputs for 10 classes
    assert window.problems.data_problems
    text = window.model_label.text()
    assert "fits together" not in text
    assert text.endswith("✗ 1 problem")
    assert window.model_label.property("bad") is True

    assert window.set_param("dense_3", "units", 10)
    assert "✓ fits together" in window.model_label.text()
    assert window.model_label.property("bad") is False


def test_the_status_bar_says_one_layer_and_two_problems_in_english(make_window):
    graph = Graph()
    graph.add_node("Input", {"shape": [4]}, node_id="input_1")
    window = make_window(Project(name="One", graph=graph))
    assert window.model_label.text().startswith("1 layer · ")

    assert window.add_layer_near_selection("Output")
    assert window.add_layer_near_selection("Output")
    text = window.model_label.text()
    assert text.startswith("3 layers · ") and text.endswith("✗ 2 problems")


# Restoring autosaved work ---------------------------------------------------------------------


def crash(window) -> None:
    """The window's process is gone: its autosave stays behind with a stale lock."""
    window.autosave_now()
    window.autosave._lock.unlock()
    window.autosave = None


def test_the_restore_question_writes_its_date_as_the_locale_does(
    make_window, config_dir, message_boxes
):
    crashed = make_window()
    crashed.document.set_param("dense_1", "units", 5)
    path = crashed.autosave.path
    crash(crashed)
    moment = datetime(2026, 11, 29, 8, 45)
    os.utime(path, (moment.timestamp(), moment.timestamp()))

    message_boxes.answer = Button.No
    assert not make_window().offer_autosave_restore()
    (_, _, text) = message_boxes.calls[0]
    assert format_datetime(moment) in text
    assert "29 11 2026" not in text  # the C locale's unreadable date


def test_restored_unsaved_work_finds_its_own_runs_again(make_window, config_dir, message_boxes):
    crashed = make_window()
    crashed.document.set_param("dense_1", "units", 5)
    assert crashed.document.path is None
    key, runs = crashed.unsaved_runs_key, crashed.runs_folder()
    crash(crashed)

    message_boxes.answer = Button.Yes
    window = make_window()
    assert window.unsaved_runs_key != key  # a fresh window has its own folder
    assert window.offer_autosave_restore()
    assert window.document.graph.nodes["dense_1"].params["units"] == 5
    assert window.unsaved_runs_key == key
    assert window.runs_folder() == runs
    assert window.results.runs.root == runs


@pytest.mark.parametrize(
    "text, named",
    [
        ('{"format": "netstudio-autosave", "format": "x", "project": {}}', "format"),
        ('{"format": "netstudio-autosave", "source": NaN, "project": {}}', "source"),
        ('{"format": "netstudio-autosave", "project": ' + "[" * 200 + "]" * 200 + "}", "nested"),
    ],
)
def test_a_damaged_autosave_is_refused_with_a_message_and_removed(
    make_window, config_dir, message_boxes, text, named
):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "autosave-1-deadbeef.json").write_text(text)
    window = make_window()
    assert not window.offer_autosave_restore()
    assert message_boxes.calls == []  # nothing to restore: no question
    shown = window.statusBar().currentMessage()
    assert "autosave-1-deadbeef.json" in shown and named in shown
    assert find_orphans(config_dir) == []


# A project file's notes -----------------------------------------------------------------------


def test_what_opening_a_file_left_out_is_listed_until_saving_drops_it(window, tmp_path):
    path = tmp_path / "shared.json"
    save_project(tiny_project(), path)
    data = json.loads(path.read_text())
    data["colour"] = "teal"
    data["graph"]["nodes"][1]["comment"] = "from a newer NetStudio"
    path.write_text(json.dumps(data))

    assert window.open_path(path, ask=False)
    assert window.isVisible()  # no dialog stood in the way: message_boxes saw nothing
    notes = [m for m in window.problems.messages() if "NetStudio does not know" in m]
    assert len(notes) == 2
    assert any("'colour'" in n for n in notes) and any("'comment'" in n for n in notes)
    assert "No problems: the model fits together." not in window.problems.messages()
    assert window.problems_heading.text().endswith("(2)")
    assert "2 notes on the file in the Problems list" in window.statusBar().currentMessage()
    assert "✓ fits together" in window.model_label.text()  # notes are not problems

    assert window.save_to(path)
    assert not [m for m in window.problems.messages() if "does not know" in m]
    assert "colour" not in path.read_text()


def test_another_project_takes_the_notes_of_the_last_file_away(window, tmp_path):
    path = tmp_path / "shared.json"
    save_project(tiny_project(), path)
    data = json.loads(path.read_text())
    data["colour"] = "teal"
    path.write_text(json.dumps(data))
    assert window.open_path(path, ask=False)
    assert "1 note on the file in the Problems list" in window.statusBar().currentMessage()
    assert window.new_from_template("seed-mlp", ask=False)
    assert window.problems.messages() == ["No problems: the model fits together."]


# The toolbar's disabled look ------------------------------------------------------------------


def darkest_text(button) -> int:
    """The darkest grey level of the button's label (right of its icon)."""
    image = button.grab().toImage()
    left = button.iconSize().width() + 6
    return min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(left, image.width())
        for y in range(image.height())
    )


def test_disabled_toolbar_buttons_look_disabled(window):
    a = window.actions
    button = {
        name: window.toolbar.widgetForAction(getattr(a, name))
        for name in ("delete", "pause", "stop", "train")
    }
    assert not a.delete.isEnabled() and not a.pause.isEnabled() and not a.stop.isEnabled()
    assert darkest_text(button["train"]) < 80  # enabled: dark text
    for name in ("delete", "pause", "stop"):
        assert darkest_text(button[name]) > 140, name  # greyed as #A0A7B2 (lightness 169)

    window.scene.select_nodes(["dense_1"])
    assert a.delete.isEnabled()
    assert darkest_text(button["delete"]) < 80


# The augmentation preview reads relative data set paths from the project file's folder -------


def image_folder(root, size=(8, 6)) -> None:
    for k, name in enumerate(("cat", "dog")):
        (root / name).mkdir(parents=True)
        for i in range(4):
            Image.new("L", size, 40 * k + 10 * i).save(root / name / f"{i}.png")


def test_the_augmentation_preview_reads_a_relative_folder_beside_the_project_file(
    make_window, qtbot, tmp_path, monkeypatch
):
    project_dir = tmp_path / "project"
    image_folder(project_dir / "data" / "pets")
    monkeypatch.chdir(tmp_path)  # the folder is not where NetStudio was started
    project = tiny_project()
    project.dataset = {"name": "image-folder", "path": "data/pets"}
    window = make_window(project)
    preview = window.training_panel.form.augment_preview
    window.show_page(1)
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        window.training_panel.form.sections["augmentation"].header.setChecked(True)
    # Unsaved: "data/pets" names no folder yet, so the shapes stand in, and say why.
    assert preview.source.stand_in_reason is not None and preview.note.isVisible()

    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        assert window.save_to(project_dir / "pets.json")
    assert preview.source.stand_in_reason is None and not preview.note.isVisible()
    # The folder's own images, shown as training will see them: at the model Input's size.
    assert preview.source.stand_in_reason is None
    assert preview.originals.shape[1:] == window.training_panel.form.input_shape()


# The export dialog never replaces without asking ----------------------------------------------


def export_and_wait(qtbot, dialog) -> str:
    dialog.status.clear()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text()[:1] in "✓✗N", timeout=RUN_MS)
    return dialog.status.text()


@pytest.fixture
def trained(make_window, qtbot, monkeypatch):
    """The export dialog over one short run of the tiny MLP."""
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "256")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "120")
    window = make_window(tiny_project(epochs=1))
    train(qtbot, window)
    dialog = window.open_export_dialog()
    yield dialog
    dialog.reject()


def test_exporting_over_a_file_asks_and_replaces_only_on_yes(
    trained, qtbot, tmp_path, message_boxes
):
    dialog = trained
    dialog.set_format("onnx")
    target = tmp_path / "model.onnx"
    target.write_bytes(b"the user's own file")
    dialog.path.setText(str(target))

    message_boxes.answer = Button.No
    assert export_and_wait(qtbot, dialog) == "Not exported: nothing was replaced."
    (kind, title, text) = message_boxes.calls[-1]
    assert kind == "question" and title == "Replace?" and str(target) in text
    assert target.read_bytes() == b"the user's own file"

    message_boxes.answer = Button.Yes
    assert export_and_wait(qtbot, dialog).startswith("✓")
    assert len(message_boxes.calls) == 2  # asked once more, then replaced
    assert dialog.written == [target] and target.read_bytes() != b"the user's own file"


def test_a_package_into_a_folder_of_other_files_goes_into_a_new_folder_inside(
    trained, qtbot, tmp_path, message_boxes
):
    dialog = trained
    dialog.set_format("py")
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "thesis.txt").write_text("mine")
    dialog.path.setText(str(documents))

    text = export_and_wait(qtbot, dialog)
    assert text.startswith("✗") and "thesis.txt" in text  # the exporter's own reason
    inside = Path(dialog.path.text())
    assert inside.parent == documents and not inside.exists()
    assert str(inside) in text and "press Export" in text
    assert message_boxes.calls == []  # nothing to replace: nothing asked

    assert export_and_wait(qtbot, dialog).startswith("✓")
    assert (inside / "model.py").exists()
    assert sorted(p.name for p in documents.iterdir()) == sorted(["thesis.txt", inside.name])
    assert (documents / "thesis.txt").read_text() == "mine"


# The Summary never waits in the GUI thread for torch's FLOP counter --------------------------


def test_the_summary_shows_shapes_at_once_and_flops_when_the_counter_is_ready(
    make_window, qtbot, monkeypatch
):
    ready = threading.Event()
    started = []
    monkeypatch.setattr(flops, "_counter_ready", ready)
    monkeypatch.setattr(summary_panel, "prepare_counter_in_background", lambda: started.append(1))
    window = make_window(load_template("transformer-classifier"))
    panel = window.summary
    panel.refresh_now()
    assert started  # the counter is being prepared off the GUI thread
    assert "counting FLOPs…" in panel.totals.text()
    assert panel.table.rowCount() == len(window.document.graph.nodes)
    flops_cells = [panel.table.item(r, 3).text() for r in range(panel.table.rowCount())]
    assert set(flops_cells) == {"…"}
    assert panel.summary.total_params == window.document.analysis.total_params

    ready.set()
    qtbot.waitUntil(lambda: "FLOPs per sample" in panel.totals.text(), timeout=10_000)
    assert "…" not in [panel.table.item(r, 3).text() for r in range(panel.table.rowCount())]


# A comparison's runs are the shown project's ---------------------------------------------------


def test_a_comparison_first_thing_after_opening_shows_its_last_run_as_finished(
    make_window, qtbot, monkeypatch
):
    """No Train before it: the comparison's runs must not be taken for another project's
    (whose results the page clears)."""
    monkeypatch.setenv("NETSTUDIO_TRAIN_LIMIT", "256")
    monkeypatch.setenv("NETSTUDIO_TEST_LIMIT", "120")
    window = make_window(tiny_project(epochs=1))
    done = compare(qtbot, window, ["sgd", "adam"])
    assert [r.key for r in done] == ["sgd", "adam"]
    status = window.training_panel.status.text()
    assert status.startswith("Finished: epoch 1 of 1") and "Press Train" not in status
    assert window.training.outcome is not None
    assert window.results.predictions.isVisibleTo(window.results)
