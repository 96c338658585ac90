"""Keras model files: real Keras 3 models (PyTorch backend, never TensorFlow), saved as .keras
and legacy .h5, imported without Keras and compiled by NetStudio, predict what Keras predicts
on the same input (images channels last for Keras, channels first for NetStudio). Files that
are not models, or hold what NetStudio cannot compute exactly, are refused with a plain
message and nothing written."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported: never TensorFlow

import h5py
import keras
import numpy as np
import pytest
import torch
from keras import layers

from studio.compiler import compile_graph
from studio.importers.keras_file import import_keras_model as import_isolated
from studio.importers.report import ImportRefused
from studio.shapes import infer_shapes
from studio.templates import load_template

# Keras' own code warns about NumPy 2's __array__ on every call; it says nothing about ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:keras.*")

SUFFIXES = [".keras", ".h5"]
RNG = np.random.default_rng(7)


def _images(*shape: int) -> np.ndarray:
    return RNG.normal(size=(3, *shape)).astype("float32")


def _to_ours(array: np.ndarray) -> torch.Tensor:
    """Keras' channels-last images (and volumes) → NetStudio's channels first."""
    if array.ndim in (4, 5) and array.dtype.kind == "f":
        array = np.moveaxis(array, -1, 1)
    return torch.from_numpy(np.ascontiguousarray(array))


def _to_keras(array: np.ndarray) -> np.ndarray:
    return np.moveaxis(array, 1, -1) if array.ndim in (4, 5) else array


def _randomise_weights(model: keras.Model) -> None:
    """Weights of a size that matters everywhere: Keras' initial biases are zeros, its
    BatchNormalization statistics 0 and 1 and its embeddings tiny, which would let a wrong
    conversion of them pass unnoticed."""
    for variable in model.weights:
        shape = tuple(variable.shape)
        if "variance" in variable.path:
            values = RNG.uniform(0.5, 2.0, size=shape)
        else:
            values = RNG.normal(scale=0.5, size=shape)
        variable.assign(values.astype("float32"))


def import_keras_model(path: Path):
    """The import in this process: the same reading as the app's (which reads the file in a
    child process, tested below), a second faster per file."""
    return import_isolated(path, isolated=False)


def _input_names(model: keras.Model) -> list[str]:
    """The model's Input layers in the order Keras takes its inputs."""
    if isinstance(model, keras.Sequential):
        return []
    refs = model.get_config()["input_layers"]
    refs = [refs] if isinstance(refs[0], str) else refs
    return [ref[0] for ref in refs]


def _imported_predictions(path: Path, inputs: list[np.ndarray], names: list[str]):
    project, report, weights = import_keras_model(path)
    module = compile_graph(project.graph)
    module.load_state_dict(weights)
    module.eval()
    ours = [_to_ours(x) for x in inputs]
    if names:  # the compiled model takes its inputs in its own order: give them by name
        by_name = dict(zip(names, ours, strict=True))
        ours = [by_name[name] for name in module.input_names]
    with torch.no_grad():
        out = module(*ours)
    outs = out if isinstance(out, tuple) else (out,)
    return [_to_keras(o.numpy()) for o in outs], project, report


def _assert_same_predictions(model: keras.Model, inputs: list[np.ndarray], path: Path):
    model.save(path)
    expected = model(inputs if len(inputs) > 1 else inputs[0], training=False)
    expected = expected if isinstance(expected, (list, tuple)) else [expected]
    got, project, report = _imported_predictions(path, inputs, _input_names(model))
    assert len(got) == len(expected)
    for ours, theirs in zip(got, expected, strict=True):
        theirs = keras.ops.convert_to_numpy(theirs)
        assert ours.shape == theirs.shape
        np.testing.assert_allclose(ours, theirs, atol=1e-4, rtol=0)
        assert np.abs(theirs).max() > 1e-3  # a model that predicts zeros proves nothing
    return project, report


# Models: every mapped layer type with weights or a layout of its own ---------------------------


def cnn_sequential() -> tuple[keras.Model, list[np.ndarray]]:
    """The guide's CNN in small: Conv2D, BatchNorm, pooling, Flatten of a 5-channel image
    into Dense (its kernel rows reordered), Dropout, softmax."""
    model = keras.Sequential([
        keras.Input((9, 9, 3)),
        layers.Conv2D(4, 3, activation="relu"),
        layers.BatchNormalization(momentum=0.9, epsilon=0.05),
        layers.MaxPooling2D(),
        layers.Conv2D(5, (3, 2), padding="same", strides=2),
        layers.Flatten(),
        layers.Dropout(0.3),
        layers.Dense(6, activation="relu"),
        layers.Dense(3, activation="softmax"),
    ])  # fmt: skip
    model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9),
                  loss="categorical_crossentropy")
    return model, [_images(9, 9, 3)]


def branches_functional() -> tuple[keras.Model, list[np.ndarray]]:
    """Separable, depthwise and plain convolutions joined by Add and Concatenate, average
    pooling, global pooling, and a Flatten whose order travels through BatchNorm and a
    Concatenate to the Dense that reads it."""
    inputs = keras.Input((8, 8, 2))
    a = layers.Conv2D(4, 3, padding="same", activation="tanh")(inputs)
    b = layers.SeparableConv2D(4, 3, padding="same", depth_multiplier=2)(inputs)
    c = layers.DepthwiseConv2D(3, padding="same", depth_multiplier=2, activation="relu")(inputs)
    x = layers.Add()([a, b, c])
    x = layers.Concatenate()([x, c])
    x = layers.AveragePooling2D(2)(x)
    pooled = layers.GlobalAveragePooling2D()(x)
    flat = layers.BatchNormalization()(layers.Flatten()(x))
    joined = layers.Concatenate()([layers.Dense(3)(pooled), flat])
    outputs = layers.Dense(4, activation="sigmoid")(joined)
    return keras.Model(inputs, outputs), [_images(8, 8, 2)]


def sequence_sequential() -> tuple[keras.Model, list[np.ndarray]]:
    """Token ids through Embedding, Conv1D, pooling, LSTM, GRU (reset_after) and SimpleRNN,
    a Dense on every step, a bidirectional LSTM."""
    model = keras.Sequential([
        keras.Input((10,), dtype="int32"),
        layers.Embedding(20, 5),
        layers.Conv1D(6, 3, padding="same", activation="relu"),
        layers.MaxPooling1D(2),
        layers.LSTM(5, return_sequences=True),
        layers.GRU(4, return_sequences=True),
        layers.Dense(3),
        layers.SimpleRNN(4, return_sequences=True),
        layers.Bidirectional(layers.LSTM(3)),
        layers.Dense(2, activation="softmax"),
    ])  # fmt: skip
    ids = RNG.integers(0, 20, size=(3, 10)).astype("int64")
    return model, [ids]


def image_out_functional() -> tuple[keras.Model, list[np.ndarray]]:
    """Two inputs, a Dense reshaped into a channels-last image, upsampling, a transposed
    convolution, LayerNorm and PReLU; the model's output is an image."""
    image = keras.Input((4, 4, 2))
    vector = keras.Input((6,))
    seed = layers.Reshape((4, 4, 3))(layers.Dense(48)(vector))
    x = layers.Concatenate()([image, seed])
    x = layers.Conv2DTranspose(3, 4, strides=2, padding="same")(x)
    x = layers.PReLU(shared_axes=[1, 2])(x)
    x = layers.UpSampling2D()(x)
    x = layers.Conv2D(2, 3, padding="same")(x)
    x = layers.LayerNormalization(axis=[1, 2, 3])(x)
    return keras.Model([image, vector], x), [_images(4, 4, 2), _images(6)]


def flat_output_sequential() -> tuple[keras.Model, list[np.ndarray]]:
    """A Flatten of a 3-channel image is the model's output: NetStudio must give Keras'
    order, so the image is read channels last before it."""
    model = keras.Sequential([
        keras.Input((5, 5, 1)),
        layers.Conv2D(3, 2),
        layers.Activation("relu"),
        layers.Flatten(),
    ])  # fmt: skip
    return model, [_images(5, 5, 1)]


def volume_sequential() -> tuple[keras.Model, list[np.ndarray]]:
    model = keras.Sequential([
        keras.Input((6, 6, 6, 2)),
        layers.Conv3D(3, 3, activation="relu"),
        layers.MaxPooling3D(),
        layers.Flatten(),
        layers.Dense(2),
    ])  # fmt: skip
    return model, [_images(6, 6, 6, 2)]


def element_wise_functional() -> tuple[keras.Model, list[np.ndarray]]:
    """The layers without weights that move or combine numbers: padding, cropping, scaling,
    global max pooling, the element-wise joins, activation layers, RepeatVector, Permute and
    TimeDistributed(Dense)."""
    inputs = keras.Input((6, 6, 3))
    x = layers.Rescaling(0.5, offset=0.1)(inputs)
    x = layers.ZeroPadding2D(1)(x)
    x = layers.Cropping2D(2)(x)
    x = layers.SpatialDropout2D(0.2)(x)
    x = layers.Conv2D(4, 2, activation="leaky_relu")(x)
    v = layers.GlobalMaxPooling2D()(x)
    a = layers.Dense(4, activation="elu")(v)
    b = layers.LeakyReLU(negative_slope=0.1)(layers.Dense(4)(v))
    joined = [layers.Multiply()([a, b]), layers.Subtract()([a, b]), layers.Average()([a, b]),
              layers.Maximum()([a, b])]
    x = layers.ReLU()(layers.Add()(joined))
    x = layers.RepeatVector(3)(layers.Activation("tanh")(x))
    x = layers.Permute((2, 1))(x)
    x = layers.TimeDistributed(layers.Dense(2))(x)
    outputs = layers.Softmax()(layers.ELU(alpha=0.5)(x))
    return keras.Model(inputs, outputs), [_images(6, 6, 3)]


MODELS = [cnn_sequential, branches_functional, sequence_sequential, image_out_functional,
          flat_output_sequential, volume_sequential, element_wise_functional]


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("make", MODELS, ids=lambda f: f.__name__)
def test_imported_model_predicts_what_keras_predicts(make, suffix, tmp_path):
    keras.utils.set_random_seed(3)
    model, inputs = make()
    _randomise_weights(model)
    project, report = _assert_same_predictions(model, inputs, tmp_path / f"model{suffix}")
    assert not report.not_mapped
    assert project.graph.nodes  # a project a user can open and edit


# Bad input ----------------------------------------------------------------------------------


def _seed(name: str) -> keras.Model:
    """The guides' two models, as ../shared/reference/keras_seed_*.py build them."""
    if name == "seed-mlp":
        model = keras.Sequential([
            keras.Input((28, 28)), layers.Flatten(), layers.Dense(128, activation="relu"),
            layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax"),
        ])  # fmt: skip
    else:
        model = keras.Sequential([
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
            layers.Conv2D(64, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
            layers.Conv2D(64, (3, 3), activation="relu"), layers.Flatten(),
            layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax"),
        ])  # fmt: skip
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def _layers(project) -> list[tuple[str, dict]]:
    graph = project.graph
    return [(graph.nodes[n].layer_id, dict(graph.nodes[n].params))
            for n in graph.topological_order()]


@pytest.mark.parametrize("template", ["seed-mlp", "seed-cnn"])
def test_the_guides_trained_models_import_as_the_seed_templates(template, tmp_path):
    """A reader's model.save(...) of the guide's model opens as the seed template, with the
    trained weights: the same predictions on the same digits (gray images 1×28×28 here)."""
    model = _seed(template)
    _randomise_weights(model)
    path = tmp_path / f"{template}.h5"
    model.save(path)
    digits = RNG.uniform(size=(2, 28, 28, 1)).astype("float32")
    keras_digits = digits[..., 0] if template == "seed-mlp" else digits
    got, project, report = _imported_predictions(path, [digits], [])
    expected = keras.ops.convert_to_numpy(model(keras_digits, training=False))
    np.testing.assert_allclose(got[0], expected, atol=1e-4, rtol=0)
    assert _layers(project) == _layers(load_template(template))
    assert infer_shapes(project.graph).total_params == {
        "seed-mlp": 109_386, "seed-cnn": 93_322}[template]
    assert project.training["optimizer"] == "adam"
    assert not report.not_mapped


def test_layouts_and_settings_are_reported(tmp_path):
    model, _ = cnn_sequential()
    path = tmp_path / "cnn.keras"
    model.save(path)
    project, report, _ = import_keras_model(path)
    text = report.text()
    assert "Input [9, 9, 3] (channels last, Keras) → [3, 9, 9] (channels first" in text
    assert project.training["optimizer"] == "sgd"
    assert project.training["learning_rate"] == pytest.approx(0.05)
    assert project.training["momentum"] == pytest.approx(0.9)
    outputs = [n for n in project.graph.nodes.values() if n.layer_id == "Output"]
    assert [n.params["loss"] for n in outputs] == ["cross_entropy"]
    norm = next(n for n in project.graph.nodes.values() if n.layer_id == "BatchNorm")
    assert (norm.params["momentum"], norm.params["epsilon"]) == (0.9, 0.05)
    # The Flatten's order is absorbed by the Dense's kernel: no extra node in the graph.
    assert "Permute" not in {n.layer_id for n in project.graph.nodes.values()}


def test_a_flatten_that_is_the_output_reads_its_image_channels_last(tmp_path):
    model, _ = flat_output_sequential()
    path = tmp_path / "flat.keras"
    model.save(path)
    project, report, _ = import_keras_model(path)
    graph = project.graph
    flatten = next(n for n in graph.nodes.values() if n.layer_id == "Flatten")
    before = graph.nodes[graph.predecessors(flatten.id)[0]]
    assert before.layer_id == "Permute" and list(before.params["dims"]) == [2, 3, 1]
    assert "Permute to channels last" in report.text()


def test_a_layer_applied_twice_is_imported_twice_and_reported(tmp_path):
    inputs = keras.Input((5,))
    shared = layers.Dense(5, activation="tanh", name="shared")
    outputs = layers.Dense(2)(shared(shared(inputs)))
    model = keras.Model(inputs, outputs)
    _randomise_weights(model)
    for suffix in SUFFIXES:
        project, report = _assert_same_predictions(model, [_images(5)],
                                                   tmp_path / f"shared{suffix}")
        assert {"shared", "shared_2"} <= set(project.graph.nodes)
        assert "applied 2 times" in report.text()


# Keras 2 files: inbound nodes as nested lists, the input shape on the first layer ----------


def _keras2_layer(cls: str, name: str, config: dict, inbound: list | None = None) -> dict:
    config = {"name": name, "trainable": True, "dtype": "float32", **config}
    entry = {"class_name": cls, "config": config}
    if inbound is not None:
        entry["name"] = name
        entry["inbound_nodes"] = [[[source, 0, 0, {}] for source in inbound]] if inbound else []
    return entry


def _write_keras2_h5(path: Path, model_config: dict, model: keras.Model) -> None:
    """A .h5 file as Keras 2 (TensorFlow) wrote it, holding `model`'s weights."""
    with h5py.File(path, "w") as h5:
        h5.attrs["keras_version"] = "2.13.1"
        h5.attrs["backend"] = "tensorflow"
        h5.attrs["model_config"] = json.dumps(model_config)
        group = h5.create_group("model_weights")
        names = [layer.name for layer in model.layers]
        group.attrs["layer_names"] = np.array([n.encode() for n in names])
        for layer in model.layers:
            layer_group = group.create_group(layer.name)
            weight_names = [f"{layer.name}/{w.path.split('/')[-1]}:0" for w in layer.weights]
            layer_group.attrs["weight_names"] = np.array([n.encode() for n in weight_names])
            for name, weight in zip(weight_names, layer.weights, strict=True):
                layer_group.create_dataset(name, data=keras.ops.convert_to_numpy(weight))


_K2_CONV = {"kernel_size": [3, 3], "strides": [1, 1], "padding": "same",
            "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
            "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform",
                                                     "config": {"seed": None}},
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None, "bias_regularizer": None,
            "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}


def test_a_keras2_functional_h5_file(tmp_path):
    inputs = keras.Input((6, 6, 2), name="input_1")
    a = layers.Conv2D(3, 3, padding="same", activation="relu", name="conv2d")(inputs)
    b = layers.Conv2D(3, 3, padding="same", name="conv2d_1")(inputs)
    x = layers.BatchNormalization(name="batch_normalization")(layers.Add(name="add")([a, b]))
    outputs = layers.Dense(2, activation="softmax", name="dense")(layers.Flatten(name="flatten")(x))
    model = keras.Model(inputs, outputs)
    _randomise_weights(model)
    config = {"class_name": "Functional", "config": {"name": "model", "layers": [
        _keras2_layer("InputLayer", "input_1", {"batch_input_shape": [None, 6, 6, 2],
                                                "sparse": False, "ragged": False}, []),
        _keras2_layer("Conv2D", "conv2d", {**_K2_CONV, "filters": 3, "activation": "relu"},
                      ["input_1"]),
        _keras2_layer("Conv2D", "conv2d_1", {**_K2_CONV, "filters": 3, "activation": "linear"},
                      ["input_1"]),
        _keras2_layer("Add", "add", {}, ["conv2d", "conv2d_1"]),
        _keras2_layer("BatchNormalization", "batch_normalization", {
            "axis": [3], "momentum": 0.99, "epsilon": 0.001, "center": True, "scale": True,
            "beta_initializer": {"class_name": "Zeros", "config": {}},
            "beta_regularizer": None, "gamma_regularizer": None, "beta_constraint": None,
            "gamma_constraint": None}, ["add"]),
        _keras2_layer("Flatten", "flatten", {"data_format": "channels_last"},
                      ["batch_normalization"]),
        _keras2_layer("Dense", "dense", {"units": 2, "activation": "softmax", "use_bias": True},
                      ["flatten"]),
    ], "input_layers": [["input_1", 0, 0]], "output_layers": [["dense", 0, 0]]}}
    path = tmp_path / "keras2.h5"
    _write_keras2_h5(path, config, model)
    x = _images(6, 6, 2)
    got, _, report = _imported_predictions(path, [x], [])
    expected = keras.ops.convert_to_numpy(model(x, training=False))
    np.testing.assert_allclose(got[0], expected, atol=1e-4, rtol=0)
    assert not report.not_mapped


def test_a_keras2_sequential_h5_file_with_the_shape_on_its_first_layer(tmp_path):
    model = keras.Sequential([keras.Input((4, 3)), layers.LSTM(5, name="lstm"),
                              layers.Dense(2, name="dense")])
    _randomise_weights(model)
    lstm = {"units": 5, "activation": "tanh", "recurrent_activation": "sigmoid",
            "use_bias": True, "return_sequences": False, "return_state": False,
            "go_backwards": False, "stateful": False, "unroll": False, "time_major": False,
            "implementation": 2, "unit_forget_bias": True, "dropout": 0.0,
            "recurrent_dropout": 0.0, "batch_input_shape": [None, 4, 3]}
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        _keras2_layer("LSTM", "lstm", lstm),
        _keras2_layer("Dense", "dense", {"units": 2, "activation": "linear", "use_bias": True}),
    ]}}
    path = tmp_path / "keras2_lstm.h5"
    _write_keras2_h5(path, config, model)
    x = _images(4, 3)
    got, _, report = _imported_predictions(path, [x], [])
    expected = keras.ops.convert_to_numpy(model(x, training=False))
    np.testing.assert_allclose(got[0], expected, atol=1e-4, rtol=0)
    assert not report.not_mapped


# Bad input: each a plain message, nothing run, nothing written --------------------------------


def _refused(path: Path) -> ImportRefused:
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(ImportRefused) as caught:
        import_keras_model(path)
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing written
    assert "Traceback" not in str(caught.value)
    return caught.value


def _small_model() -> keras.Model:
    return keras.Sequential([keras.Input((4,)), layers.Dense(2, name="dense")])


def test_a_truncated_keras_file_is_refused(tmp_path):
    path = tmp_path / "model.keras"
    _small_model().save(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "not a Keras model archive" in str(_refused(path))


def test_a_foreign_zip_is_refused(tmp_path):
    path = tmp_path / "photos.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "holiday photos")
    assert "has no config.json" in str(_refused(path))


def test_a_file_that_is_not_hdf5_is_refused(tmp_path):
    path = tmp_path / "model.h5"
    path.write_bytes(b"this is not HDF5 at all" * 10)
    assert "neither a .keras archive nor an HDF5 .h5 file" in str(_refused(path))


def test_a_weights_only_h5_is_refused(tmp_path):
    model = _small_model()
    weights = tmp_path / "model.weights.h5"
    model.save_weights(weights)
    path = tmp_path / "weights.h5"
    path.write_bytes(weights.read_bytes())
    weights.unlink()
    assert "no model architecture" in str(_refused(path))


def test_an_archive_whose_weights_do_not_fit_is_refused(tmp_path):
    path = tmp_path / "model.keras"
    _small_model().save(path)
    with zipfile.ZipFile(path) as archive:
        config = archive.read("config.json")
    empty = tmp_path / "empty.h5"
    with h5py.File(empty, "w"):
        pass
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", config)
        archive.write(empty, "model.weights.h5")
    empty.unlink()
    message = str(_refused(path))
    assert "layer dense: Dense has 0 weight arrays in the file" in message


def test_a_pickle_named_keras_is_never_unpickled(tmp_path):
    marker = tmp_path.parent / f"{tmp_path.name}-unpickled"

    class Trap:
        def __reduce__(self):
            return (Path.touch, (marker,))

    import pickle

    path = tmp_path / "model.keras"
    path.write_bytes(pickle.dumps(Trap()))
    assert "not a Keras model archive" in str(_refused(path))
    assert not marker.exists()


@keras.saving.register_keras_serializable(package="Tests")
class Doubling(layers.Layer):
    def call(self, x):
        return x * 2


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_custom_layer_is_refused_by_name(suffix, tmp_path):
    model = keras.Sequential([keras.Input((4,)), layers.Dense(3), Doubling(name="twice")])
    path = tmp_path / f"custom{suffix}"
    model.save(path)
    error = _refused(path)
    assert "twice" in str(error)
    assert "Doubling is a custom layer" in error.report.text()


def test_a_lambda_layer_is_refused_and_its_code_never_run(tmp_path, monkeypatch):
    import marshal
    import pickle

    model = keras.Sequential([keras.Input((4,)), layers.Lambda(lambda x: x + 1, name="plus"),
                              layers.Dense(2)])
    path = tmp_path / "lambda.keras"
    model.save(path)

    def never(*args, **kwargs):
        raise AssertionError("code from the file was loaded")

    monkeypatch.setattr(marshal, "loads", never)
    monkeypatch.setattr(pickle, "loads", never)
    error = _refused(path)
    assert "plus" in str(error)
    assert "never runs code from a file" in error.report.text()


def test_what_netstudio_cannot_compute_exactly_is_refused_not_swapped(tmp_path):
    inputs = keras.Input((4, 4, 2))
    x = layers.Conv2DTranspose(2, 3, strides=2, padding="same", name="up")(inputs)
    x = layers.Conv1D(2, 2, padding="causal", name="causal")(layers.Reshape((64, 2))(x))
    path = tmp_path / "inexact.keras"
    keras.Model(inputs, x).save(path)
    error = _refused(path)
    assert "up" in str(error) and "2 layer(s)" in str(error)
    text = error.report.text()
    assert "shifted by one cell" in text and "causal" in text


@pytest.mark.parametrize(
    ("layer", "shape", "reason"),
    [
        (lambda: layers.GRU(3, reset_after=False), (4, 3), "reset_after=False"),
        (lambda: layers.Embedding(9, 3, mask_zero=True), (4,), "mask_zero=True"),
        (lambda: layers.ZeroPadding2D(((1, 2), (1, 1))), (5, 5, 2), "different amounts"),
        (lambda: layers.Dense(2, activation="softplus"), (4,), "softplus"),
        (lambda: layers.BatchNormalization(center=False), (4,), "center=False"),
        (lambda: layers.Conv2D(2, 3, data_format="channels_first"), (2, 6, 6), "channels_first"),
    ],
    ids=["gru-reset-before", "masking", "uneven-padding", "softplus", "no-beta",
         "channels-first"],
)
def test_settings_without_an_exact_counterpart_are_refused(layer, shape, reason, tmp_path):
    model = keras.Sequential([keras.Input(shape), layer()])
    path = tmp_path / "model.keras"
    model.save(path)
    assert reason in _refused(path).report.text()


def test_training_only_settings_are_listed_and_the_model_still_imported(tmp_path):
    model = keras.Sequential([
        keras.Input((4,)),
        layers.Dense(3, kernel_regularizer="l2", name="dense"),
        layers.Dense(2, name="frozen", trainable=False),
    ])  # fmt: skip
    _, report = _assert_same_predictions(model, [_images(4)], tmp_path / "reg.keras")
    text = report.text()
    assert "Dense's kernel_regularizer only changes training" in text
    assert "frozen in Keras (trainable=False)" in text


def test_a_model_inside_the_model_is_refused_by_name(tmp_path):
    inner = keras.Sequential([keras.Input((4,)), layers.Dense(3)], name="block")
    inputs = keras.Input((4,))
    model = keras.Model(inputs, layers.Dense(2)(inner(inputs)))
    path = tmp_path / "nested.keras"
    model.save(path)
    error = _refused(path)
    assert "block" in str(error)
    assert "a model used as a layer" in error.report.text()


def test_an_open_input_size_is_refused(tmp_path):
    model = keras.Sequential([keras.Input((None, 3)), layers.LSTM(2)])
    path = tmp_path / "open.keras"
    model.save(path)
    assert "left open" in _refused(path).report.text()


def test_a_subclassed_model_is_refused(tmp_path):
    @keras.saving.register_keras_serializable(package="Tests")
    class Tiny(keras.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.dense = layers.Dense(2)

        def call(self, x):
            return self.dense(x)

    model = Tiny()
    model(np.zeros((1, 3), dtype="float32"))
    path = tmp_path / "tiny.keras"
    model.save(path)
    assert "subclass of Model" in str(_refused(path))


def _survives(path: Path) -> None:
    """An import of a damaged file gives a project or a plain refusal, never a crash (the
    HDF5 library can crash on one: the app reads files in a child process)."""
    try:
        import_isolated(path)
    except ImportRefused as error:
        assert str(error)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_damaged_files_are_refused_never_a_crash(suffix, tmp_path):
    keras.utils.set_random_seed(4)
    model, _ = branches_functional()
    source = tmp_path / f"model{suffix}"
    model.save(source)
    data = source.read_bytes()
    rng = np.random.default_rng(11)
    damaged = tmp_path / f"damaged{suffix}"
    for cut in np.linspace(0, len(data), 6, endpoint=False)[1:]:
        damaged.write_bytes(data[: int(cut)])
        _survives(damaged)
    for _ in range(8):
        changed = bytearray(data)
        for position in rng.integers(0, len(data), size=16):
            changed[position] = int(rng.integers(0, 256))
        damaged.write_bytes(bytes(changed))
        _survives(damaged)


def test_odd_values_in_a_config_are_refused_never_a_crash(tmp_path):
    keras.utils.set_random_seed(5)
    model, _ = branches_functional()
    source = tmp_path / "model.keras"
    model.save(source)
    with zipfile.ZipFile(source) as archive:
        config = json.loads(archive.read("config.json"))
        weights = archive.read("model.weights.h5")
    places: list[list] = []

    def walk(value, place):
        places.append(place)
        items = value.items() if isinstance(value, dict) else (
            enumerate(value) if isinstance(value, list) else [])
        for key, item in items:
            walk(item, [*place, key])

    walk(config, [])
    rng = np.random.default_rng(5)
    odd_values = [None, "x", -1, 0, 10**9, {}, [], [None], 2.5, True, [1, 2, 3]]
    damaged = tmp_path / "odd.keras"
    for index in rng.integers(1, len(places), size=60):
        changed = json.loads(json.dumps(config))
        *parents, last = places[index]
        node = changed
        for key in parents:
            node = node[key]
        node[last] = odd_values[int(rng.integers(len(odd_values)))]
        with zipfile.ZipFile(damaged, "w") as archive:
            archive.writestr("config.json", json.dumps(changed))
            archive.writestr("model.weights.h5", weights)
        try:
            import_keras_model(damaged)
        except ImportRefused as error:
            assert str(error)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_app_reads_the_file_in_a_child_process_with_the_same_result(suffix, tmp_path):
    keras.utils.set_random_seed(6)
    model, _ = cnn_sequential()
    path = tmp_path / f"model{suffix}"
    model.save(path)
    project, report, weights = import_isolated(path)
    here_project, here_report, here_weights = import_keras_model(path)
    assert project.to_dict() == here_project.to_dict()
    assert report.text() == here_report.text()
    assert weights.keys() == here_weights.keys()
    assert all(torch.equal(weights[k], here_weights[k]) for k in weights)


def test_a_refusal_in_the_child_process_reads_as_in_the_app(tmp_path):
    path = tmp_path / "photos.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "holiday photos")
    with pytest.raises(ImportRefused) as caught:
        import_isolated(path)
    assert str(caught.value) == f"{path} is a zip archive but not a Keras model: it has no " \
        "config.json"
    assert caught.value.args[0].template.startswith("{path} is a zip archive")  # translatable


def test_a_crash_while_reading_is_a_refusal_not_the_apps_crash(tmp_path, monkeypatch):
    """What the HDF5 library does on some damaged files (a segmentation fault), here by a
    stand-in reader that crashes so."""
    path = tmp_path / "model.h5"
    _small_model().save(path)
    crashing = tmp_path / "crashing-python"
    crashing.write_text("#!/bin/sh\nkill -SEGV $$\n")
    crashing.chmod(0o755)
    monkeypatch.setattr("studio.importers.keras_h5.sys.executable", str(crashing))
    with pytest.raises(ImportRefused) as caught:
        import_isolated(path)
    assert "is damaged" in str(caught.value)
