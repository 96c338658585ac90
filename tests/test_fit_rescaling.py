"""studio.fit: a Keras guide's Rescaling(1/255), copied onto pixels NetStudio has already scaled
to 0–1, is warned about with its fix, and the run is not refused for it."""

from __future__ import annotations

from studio.data import list_datasets
from studio.fit import DataSpec, dataset_problems, dataset_warnings, spec_of
from studio.graph import Graph
from studio.templates import load_template

TEN_IMAGES = DataSpec("Fashion-MNIST", (1, 28, 28), 10, "classification")


def cnn_with_rescaling(scale: float, offset: float = 0.0, after_first_conv: bool = False) -> Graph:
    """The seed CNN with a Rescaling after its Input (or after its first Conv2D)."""
    graph = load_template("seed-cnn").graph
    before, after = ("conv2d_1", "max_pooling2d_1") if after_first_conv else ("input_1", "conv2d_1")
    (edge,) = [e for e in graph.incoming(after) if e is not None]
    graph.disconnect(edge)
    node = graph.add_node("Rescaling", {"scale": scale, "offset": offset}, node_id="rescale")
    graph.connect(before, node.id)
    graph.connect(node.id, after)
    return graph


def test_rescaling_by_1_over_255_on_0_to_1_pixels_is_warned_about_on_its_node():
    graph = cnn_with_rescaling(1 / 255)
    (warning,) = dataset_warnings(graph, TEN_IMAGES)
    assert warning.node_id == "rescale"
    assert "Fashion-MNIST already gives the model pixels from 0 to 1" in warning.message
    assert "squeezes them into 0 to 0.00392" in warning.message
    assert "set the scale to 1 to get the range the guide meant, 0 to 1" in warning.message
    assert dataset_problems(graph, TEN_IMAGES) == []  # a warning: the run still starts


def test_the_fix_keeps_the_range_a_guide_with_an_offset_meant():
    (warning,) = dataset_warnings(cnn_with_rescaling(1 / 127.5, offset=-1.0), TEN_IMAGES)
    assert "squeezes them into -1 to -0.992" in warning.message
    assert "set the scale to 2 to get the range the guide meant, -1 to 1" in warning.message


def test_no_warning_for_a_fitting_scale_a_deeper_rescaling_or_data_that_is_not_pixels():
    assert dataset_warnings(cnn_with_rescaling(1.0), TEN_IMAGES) == []
    assert dataset_warnings(cnn_with_rescaling(2.0, offset=-1.0), TEN_IMAGES) == []
    # After a Conv2D it scales features the model computed, not the data set's pixels.
    assert dataset_warnings(cnn_with_rescaling(1 / 255, after_first_conv=True), TEN_IMAGES) == []
    graph = cnn_with_rescaling(1 / 255)
    assert dataset_warnings(graph, None) == []  # the user's own data, not yet read
    waves = DataSpec("Synthetic waveforms", (64, 1), 6, "classification")
    assert not waves.pixels_0_to_1
    assert dataset_warnings(load_template("seed-cnn").graph, TEN_IMAGES) == []


def test_the_built_in_image_sets_are_known_to_give_pixels_from_0_to_1():
    specs = {i.name: spec_of(i) for i in list_datasets() if i.input_shape is not None}
    assert specs["synthetic-shapes"].pixels_0_to_1 and specs["fashion-mnist"].pixels_0_to_1
    assert not specs["synthetic-waveforms"].pixels_0_to_1


def test_a_run_says_the_rescaling_warning_before_training(tmp_path):
    """The warning reaches the user of a run too (the CLI prints it, the app lists it)."""
    from studio.data import load_dataset
    from studio.graph import Graph
    from studio.project import Project
    from studio.supervised import check_fit

    data = load_dataset("synthetic-shapes")
    g = Graph()
    x = g.add_node("Input", {"shape": list(data.input_shape)})
    r = g.add_node("Rescaling", {"scale": 1 / 255})
    f = g.add_node("Flatten", {})
    d = g.add_node("Dense", {"units": data.num_classes})
    o = g.add_node("Output", {})
    for a, b in ((x, r), (r, f), (f, d), (d, o)):
        g.connect(a.id, b.id)
    (warning,) = check_fit(Project(graph=g), data)
    assert warning.startswith(f"{r.id}: ") and "set the scale to 1" in warning
