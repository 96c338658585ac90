"""The Input takes its size from the data (studio.fit.input_size_fix): a data set's sample
shape, or for an image folder the size a pretrained backbone right after the Input sees, or
the folder's image_size setting."""

from __future__ import annotations

from studio.fit import (
    FROM_BACKBONE,
    FROM_DATASET,
    FROM_FOLDER_SETTING,
    DataSpec,
    input_size_fix,
    seen_image_shape,
)
from studio.templates import load_template

FASHION = DataSpec("Fashion-MNIST", (1, 28, 28), 10, "classification")


def seed_cnn(shape):
    graph = load_template("seed-cnn").graph
    graph.set_params("input_1", {"shape": shape})
    return graph


def transfer(shape, image_size=224):
    graph = load_template("transfer-learning").graph
    graph.set_params("input_1", {"shape": shape})
    backbone = next(n for n in graph.nodes.values() if n.layer.category == "Pretrained")
    graph.set_params(backbone.id, {"image_size": image_size})
    return graph, backbone.id


def test_a_data_set_of_known_shape_gives_its_sample_shape():
    fix = input_size_fix(seed_cnn([1, 32, 32]), {"name": "fashion-mnist"}, FASHION)
    assert (fix.node_id, fix.current, fix.wanted, fix.source) == (
        "input_1", (1, 32, 32), (1, 28, 28), FROM_DATASET)
    assert input_size_fix(seed_cnn([1, 28, 28]), {"name": "fashion-mnist"}, FASHION) is None
    # A shape that differs only by a 1 (28×28 against 1×28×28) already fits, as training says.
    assert input_size_fix(seed_cnn([28, 28]), {"name": "fashion-mnist"}, FASHION) is None


def test_with_a_backbone_the_size_it_sees_is_what_matters():
    graph, backbone = transfer([3, 160, 160], image_size=224)
    fix = input_size_fix(graph, {"name": "image-folder"}, None)
    assert fix.wanted == (3, 224, 224) and fix.source == FROM_BACKBONE
    assert fix.backbone == backbone and "sees 224×224" in str(fix.message)
    assert seen_image_shape(graph) == (3, 224, 224)
    graph, _ = transfer([3, 192, 192], image_size=192)
    assert input_size_fix(graph, {"name": "image-folder"}, None) is None
    # The backbone wins over the folder's own image_size setting: it resizes again anyway.
    fix = input_size_fix(graph, {"name": "image-folder", "image_size": [100, 100]}, None)
    assert fix is None


def test_an_image_folder_without_backbone_follows_its_image_size_setting():
    folder = {"name": "image-folder", "image_size": [64, 48]}
    fix = input_size_fix(seed_cnn([1, 28, 28]), folder, None)
    assert fix.wanted == (1, 64, 48) and fix.source == FROM_FOLDER_SETTING
    # Without the setting its images take the Input's size, whatever it is: nothing to offer.
    assert input_size_fix(seed_cnn([1, 28, 28]), {"name": "image-folder"}, None) is None
    assert seen_image_shape(seed_cnn([1, 28, 28])) == (1, 28, 28)


def test_a_gans_noise_input_is_left_alone():
    graph = load_template("gan-fashion").graph
    assert input_size_fix(graph, {"name": "fashion-mnist"}, FASHION) is None
