"""The Training page with a folder of photos of every size: the Resize choice edits the data
set's policy through the Document (undoable), and the preview beside it shows a few images at
the model Input's size, brought there by that policy."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from studio.data.resize import CENTER_CROP, PAD, STRETCH
from studio.templates import load_template

pytest_plugins = ["app_fixtures"]

# Wide and tall photos, no two the same size: a folder like this used to be refused.
SIZES = {"cats": [(90, 30), (64, 40), (120, 50)], "dogs": [(70, 28), (100, 45), (33, 80)]}


@pytest.fixture
def photos(tmp_path):
    root = tmp_path / "photos"
    for label, sizes in SIZES.items():
        (root / label).mkdir(parents=True)
        for i, size in enumerate(sizes):
            Image.new("RGB", size, (240, 240, 240)).save(root / label / f"{i}.png")
    return root


def input_shape(window) -> tuple[int, ...]:
    return window.training_panel.form.input_shape()


def choose_folder(window, qtbot, folder):
    """What a user does: pick "Image folder" in the list, then type the folder's path."""
    chooser = window.training_panel.form.chooser
    preview = chooser.resize_preview
    window.show_page(1)
    chooser.dataset.activated.emit(chooser.dataset.findData("image-folder"))
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        chooser.path.setText(str(folder))
        chooser.path.editingFinished.emit()
    return chooser, preview


def choose_policy(chooser, qtbot, policy: str) -> None:
    with qtbot.waitSignal(chooser.resize_preview.redrawn, timeout=10_000):
        chooser.resize.setCurrentIndex(chooser.resize.findData(policy))
        chooser.resize.activated.emit(chooser.resize.currentIndex())


def test_the_preview_shows_the_photos_at_the_inputs_size_by_the_policy(make_window, qtbot, photos):
    window = make_window(load_template("seed-cnn"))
    chooser, preview = choose_folder(window, qtbot, photos)
    channels, height, width = input_shape(window)
    assert chooser.resize.isVisible() and preview.isVisible()
    assert chooser.resize.currentData() == CENTER_CROP  # the default
    shown = preview.shown_images()
    assert preview.source.stand_in_reason is None
    assert shown.shape == (4, channels, height, width)
    assert f"{height} × {width}" in preview.explain.text()
    # Centre-crop and stretch fill the whole frame with the (light) photo.
    assert shown.min() > 200

    choose_policy(chooser, qtbot, PAD)
    assert window.document.project.dataset["resize"] == PAD
    padded = preview.shown_images()
    assert padded.shape == (4, channels, height, width)
    # Every photo is wide or tall: pad leaves black borders on two sides, the photo between.
    for image in padded:
        rows, columns = image[0].mean(axis=1), image[0].mean(axis=0)
        borders = (rows[0], rows[-1]) if rows.min() < columns.min() else (columns[0], columns[-1])
        assert max(borders) == 0
        assert image[0, height // 2, width // 2] > 200

    # Undo puts the policy back, and the choice and the preview follow; redo again.
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        window.document.undo_stack.undo()
    assert window.document.project.dataset["resize"] == CENTER_CROP
    assert chooser.resize.currentData() == CENTER_CROP
    np.testing.assert_array_equal(preview.shown_images(), shown)
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        window.document.undo_stack.redo()
    assert chooser.resize.currentData() == PAD
    np.testing.assert_array_equal(preview.shown_images(), padded)

    choose_policy(chooser, qtbot, STRETCH)
    assert window.document.project.dataset["resize"] == STRETCH
    assert preview.shown_images().min() > 200


def test_the_resize_choice_shows_only_for_an_image_folder(make_window, qtbot):
    window = make_window(load_template("seed-cnn"))
    window.show_page(1)
    chooser = window.training_panel.form.chooser
    window.document.set_dataset({"name": "synthetic-shapes"})
    assert not chooser.resize.isVisible() and not chooser.resize_preview.isVisible()
    window.document.set_dataset({"name": "image-folder"})
    assert chooser.resize.isVisible() and chooser.resize_preview.isVisible()


def test_preview_images_are_read_as_training_reads_them(photos):
    """The engine's side: the Input's size and channels, the settings' policy."""
    from studio.augment import preview_images

    dataset = {"name": "image-folder", "path": str(photos), "resize": PAD}
    padded = preview_images(dataset, 4, input_shape=(3, 20, 30)).images.numpy()
    assert padded.shape == (4, 3, 20, 30)
    corners = padded[:, :, [0, 0, -1, -1], [0, -1, 0, -1]]
    assert (corners.min(axis=(1, 2)) == 0).all() and padded[:, :, 10, 15].min() > 200
    stretched = preview_images({**dataset, "resize": STRETCH}, 4, input_shape=(3, 20, 30))
    assert stretched.images.min() > 200
    # No Input that takes images: the settings' image_size decides.
    sized = preview_images({**dataset, "image_size": [12, 16]}, 4, input_shape=(784,))
    assert sized.images.shape == (4, 3, 12, 16)


def test_the_preview_follows_the_inputs_size(make_window, qtbot, photos):
    window = make_window(load_template("seed-cnn"))
    _, preview = choose_folder(window, qtbot, photos)
    graph = window.document.project.graph
    input_id = next(i for i, n in graph.nodes.items() if n.layer.is_input)
    with qtbot.waitSignal(preview.redrawn, timeout=10_000):
        assert window.document.set_param(input_id, "shape", [3, 40, 24])
    assert preview.shown_images().shape == (4, 3, 40, 24)
    assert "40 × 24" in preview.explain.text()
