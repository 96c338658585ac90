"""The Input takes its size from the data set: beside the data set, the training panel offers
"Use the data set's size" (or, with a pretrained backbone after the Input, the size the
backbone sees) while the Input's shape differs; one click sets it, one undo takes it back."""

from __future__ import annotations

from studio.templates import load_template

pytest_plugins = ["app_fixtures"]


def offer(window):
    panel = window.training_panel
    return panel.input_fix_row.isVisibleTo(panel), panel.input_fix_button.text()


def input_shape(window):
    return list(window.document.graph.nodes["input_1"].params["shape"])


def test_use_the_data_sets_size_in_one_undo_step(make_window):
    project = load_template("seed-cnn")
    project.dataset["name"] = "synthetic-shapes"
    window = make_window(project)
    assert offer(window)[0] is False  # 1×28×28 samples, a 1×28×28 Input: nothing to offer
    window.document.set_param("input_1", "shape", [1, 32, 32])
    shown, text = offer(window)
    assert shown and text == "Use the data set's size (1×28×28)"
    assert "1×32×32" in window.training_panel.input_fix_text.text()
    steps = window.document.undo_stack.count()
    window.training_panel.input_fix_button.click()
    assert input_shape(window) == [1, 28, 28]
    assert window.document.undo_stack.count() == steps + 1  # one step
    assert offer(window)[0] is False and not window.data_fit.problems
    window.document.undo()
    assert input_shape(window) == [1, 32, 32] and offer(window)[0] is True
    window.document.redo()
    assert input_shape(window) == [1, 28, 28] and offer(window)[0] is False


def test_with_a_backbone_the_input_takes_the_size_it_sees(make_window):
    project = load_template("transfer-learning")  # an image folder, MobileNetV3 at 224
    window = make_window(project)
    assert offer(window)[0] is False
    window.document.set_param("input_1", "shape", [3, 160, 160])
    shown, text = offer(window)
    assert shown and text == "Use the backbone's size (3×224×224)"
    assert "sees 224×224" in window.training_panel.input_fix_text.text()
    window.training_panel.input_fix_button.click()
    assert input_shape(window) == [3, 224, 224]
    # The resize preview is at the Input's size: now the size the backbone sees.
    assert window.training_panel.form.chooser.resize_preview.input_shape == (3, 224, 224)
    window.document.undo()
    assert input_shape(window) == [3, 160, 160]
