"""Follow-ups to issues 12 and 13 in the app: the status bar's verdict counts the data set's
fit and says "1 layer"/"1 problem"; the restore question's date; autosaved unsaved work keeps
its runs; a project file's notes shown on open; the toolbar's disabled look."""

from __future__ import annotations

from test_app_training import tiny_project

from studio.graph import Graph
from studio.project import Project

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
