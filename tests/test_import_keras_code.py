"""Keras code → NetStudio project (studio.importers.keras_code): the guides' models, read as
text and never run.

tests/keras_code/ holds the guides' code blocks as a reader copies them from the pages in
../shared/seeds/ (the basics guide's block keeps the page's one-space indent and whitespace
lines), and copies of ../shared/reference/keras_seed_*.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.importers import ImportRefused, import_file
from studio.importers.keras_code import import_keras_code
from studio.project import load_project
from studio.shapes import infer_shapes
from studio.templates import load_template

CODE = Path(__file__).parent / "keras_code"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SETTINGS = ("optimizer", "learning_rate", "batch_size", "epochs", "validation_split")


def imported(code: str, name: str = "model.py"):
    return import_keras_code(textwrap.dedent(code), name)


def texts(entries) -> str:
    return "\n".join(f"{where}: {text}" for where, text in entries)


def layer_ids(project) -> list[str]:
    return [node.layer_id for node in project.graph.nodes.values()]


def seed_blocks() -> list[tuple[str, str]]:
    blocks = [
        ("seed-mlp", (CODE / "guide_mlp_block.txt").read_text(encoding="utf-8")),
        ("seed-cnn", (CODE / "guide_cnn_block.txt").read_text(encoding="utf-8")),
        ("seed-mlp", (CODE / "reference_seed_mlp.txt").read_text(encoding="utf-8")),
        ("seed-cnn", (CODE / "reference_seed_cnn.txt").read_text(encoding="utf-8")),
    ]
    for kind in ("mlp", "cnn"):  # the originals too, where the shared folder is there
        original = SHARED / "reference" / f"keras_seed_{kind}.py"
        if original.is_file():
            blocks.append((f"seed-{kind}", original.read_text(encoding="utf-8")))
    return blocks


@pytest.mark.parametrize(("template", "code"), seed_blocks())
def test_the_seeds_code_imports_to_the_seed_templates(template, code):
    project, report = import_keras_code(code, "seed.py")
    expected = load_template(template)
    analysis = infer_shapes(project.graph)
    assert analysis.ok, analysis.problems
    assert analysis.total_params == infer_shapes(expected.graph).total_params
    assert analysis.total_params == {"seed-mlp": 109_386, "seed-cnn": 93_322}[template]
    assert layer_ids(project) == layer_ids(expected)
    assert {k: project.training[k] for k in SETTINGS} == {
        k: expected.training[k] for k in SETTINGS}
    assert project.graph.node("output_1").params["loss"] == "cross_entropy"
    assert not report.not_mapped, texts(report.not_mapped)


def test_the_guides_blocks_name_their_data_set_and_the_cnn_reports_flatten_order():
    code = (CODE / "guide_cnn_block.txt").read_text(encoding="utf-8")
    project, report = import_keras_code(code, "cnn.py")
    assert project.dataset["name"] == "mnist"
    assert project.graph.node("input_1").params["shape"] == (1, 28, 28)
    changed = texts(report.approximated)
    assert "line 19" in changed and "Flatten" in changed and "channels" in changed


def test_a_run_time_epoch_count_takes_its_plain_value_and_says_so():
    code = (CODE / "reference_seed_cnn.txt").read_text(encoding="utf-8")
    project, report = import_keras_code(code, "keras_seed_cnn.py")
    assert project.training["epochs"] == 5
    assert "sys.argv" in texts(report.approximated)


def test_functional_api_with_add_and_concatenate_and_constants():
    project, report = imported("""
        import keras
        from keras import layers
        FILTERS = 16
        inputs = keras.Input(shape=(32, 32, 3))
        x = layers.Conv2D(FILTERS * 2, 3, padding="same", activation="relu")(inputs)
        y = layers.Conv2D(32, (3, 3), padding="same")(x)
        y = layers.BatchNormalization()(y)
        z = layers.add([x, y])
        w = layers.concatenate([z, x])
        w = layers.GlobalAveragePooling2D()(w)
        outputs = layers.Dense(10, activation="softmax")(w)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        model.fit(x_train, y_train, epochs=3, batch_size=128, validation_split=0.1)
    """)
    assert not report.not_mapped, texts(report.not_mapped)
    graph = project.graph
    assert graph.node("input_1").params["shape"] == (3, 32, 32)
    assert sorted(graph.predecessors("add_1")) == ["batch_norm_1", "conv2d_1"]
    assert graph.predecessors("concatenate_1") == ["add_1", "conv2d_1"]
    analysis = infer_shapes(graph)
    assert analysis.ok
    assert analysis.nodes["concatenate_1"].output.shape == (64, 32, 32)
    # Keras: 896 + 9,248 + 128 (BatchNorm incl. moving statistics) + 650
    assert analysis.total_keras_params == 896 + 9_248 + 128 + 650
    assert project.training["optimizer"] == "sgd"
    assert project.training["learning_rate"] == 0.05
    assert project.training["momentum"] == 0.9
    assert (project.training["epochs"], project.training["batch_size"]) == (3, 128)
    assert project.training["validation_split"] == 0.1
    positions = {node.position for node in graph.nodes.values()}
    assert len(positions) == len(graph.nodes)  # laid out, no two nodes on one spot


def test_bidirectional_lstm_and_keras_sgd_defaults():
    project, _ = imported("""
        from tensorflow.keras.models import Sequential
        from tensorflow.keras.layers import Embedding, Bidirectional, LSTM, Dense, Dropout
        from tensorflow.keras.optimizers import SGD
        model = Sequential()
        model.add(Embedding(10000, 64, input_length=100))
        model.add(Bidirectional(LSTM(32, return_sequences=True)))
        model.add(Bidirectional(LSTM(16)))
        model.add(Dropout(0.5))
        model.add(Dense(1, activation='sigmoid'))
        model.compile(SGD(), 'binary_crossentropy', metrics=['acc'])
    """)
    graph = project.graph
    assert graph.node("input_1").params == {"shape": (100,), "dtype": "int64"}
    assert graph.node("lstm_1").params == {
        "units": 32, "return_sequences": True, "bidirectional": True}
    assert graph.node("lstm_2").params["bidirectional"] is True
    assert graph.node("output_1").params["loss"] == "binary_cross_entropy"
    # What Keras' model.summary() counts for the same model.
    assert infer_shapes(graph).total_keras_params == 640_000 + 24_832 + 10_368 + 33
    # Keras' SGD: learning rate 0.01 and no momentum (NetStudio's own default is 0.9).
    assert project.training["optimizer"] == "sgd"
    assert (project.training["learning_rate"], project.training["momentum"]) == (0.01, 0.0)


def test_a_syntax_error_gives_its_line_and_message():
    with pytest.raises(ImportRefused) as caught:
        imported("""
            from keras import layers, models
            model = models.Sequential()
            model.add(layers.Dense(10, activation='relu')
            model.compile(optimizer='adam')
        """, "broken.py")
    message = str(caught.value)
    assert "broken.py" in message and "line 4" in message
    assert "never closed" in message or "invalid syntax" in message


def test_a_model_built_in_a_loop_is_refused_with_the_line():
    with pytest.raises(ImportRefused) as caught:
        imported("""
            from keras import layers, models
            model = models.Sequential([layers.Input((784,))])
            for units in [256, 128, 64]:
                model.add(layers.Dense(units, activation='relu'))
            model.add(layers.Dense(10, activation='softmax'))
        """)
    assert "Line 4" in str(caught.value)
    assert "write the layers out" in str(caught.value)
    assert "line 4" in texts(caught.value.report.not_mapped)


def test_a_value_known_only_when_run_is_listed_and_the_rest_imported():
    project, report = imported("""
        from keras import layers, models
        hidden = int(input("units? "))
        model = models.Sequential([
            layers.Input((784,)),
            layers.Dense(hidden, activation='relu'),
            layers.Dense(10, activation='softmax'),
        ])
    """)
    missing = texts(report.not_mapped)
    assert "line 6" in missing and "only known when the code runs" in missing
    assert layer_ids(project) == ["Input", "Dense", "Output"]


def test_an_unknown_layer_class_is_listed_and_the_rest_imported():
    project, report = imported("""
        from tensorflow.keras import layers, models
        model = models.Sequential()
        model.add(layers.Dense(32, activation='relu', input_shape=(20,)))
        model.add(layers.ActivityRegularization(l1=0.01))
        model.add(layers.Dense(2, activation='softmax', kernel_regularizer='l2'))
    """)
    missing = texts(report.not_mapped)
    assert "line 5: ActivityRegularization left out" in missing
    assert "line 6: Dense(kernel_regularizer=…)" in missing
    assert layer_ids(project) == ["Input", "Dense", "Dense", "Output"]
    assert infer_shapes(project.graph).total_params == 20 * 32 + 32 + 32 * 2 + 2


def test_an_argument_netstudio_cannot_compute_leaves_the_layer_out_not_changed():
    _, report = imported("""
        from keras import layers, models
        model = models.Sequential([layers.Input((100, 8)),
                                   layers.Conv1D(16, 3, padding='causal'),
                                   layers.Flatten(), layers.Dense(1)])
    """)
    assert "line 4: Conv1D left out" in texts(report.not_mapped)
    assert "causal" in texts(report.not_mapped)


def test_a_custom_layer_is_refused_by_name():
    with pytest.raises(ImportRefused) as caught:
        imported("""
            import keras
            from keras import layers
            class Scale(layers.Layer):
                def call(self, x):
                    return x * 2
            model = keras.Sequential([keras.Input((4,)), Scale(), layers.Dense(1)])
        """)
    assert "Scale" in str(caught.value) and "Line 7" in str(caught.value)
    assert "custom" in str(caught.value)


def test_a_lambda_layer_is_refused_like_a_custom_layer():
    with pytest.raises(ImportRefused, match="Line 4: Lambda is a custom layer"):
        imported("""
            from keras import layers, models
            model = models.Sequential([layers.Input((4,)),
                                       layers.Lambda(lambda t: t * 2),
                                       layers.Dense(1)])
        """)


def test_a_keras_pretrained_model_is_named_in_the_report():
    with pytest.raises(ImportRefused) as caught:
        imported("""
            import keras
            base = keras.applications.MobileNetV2(include_top=False)
            inputs = keras.Input((96, 96, 3))
            x = base(inputs)
            outputs = keras.layers.Dense(2)(x)
            model = keras.Model(inputs, outputs)
        """)
    assert "Line 5: NetStudio has no pretrained MobileNetV2" in str(caught.value)
    assert "line 5: NetStudio has no pretrained MobileNetV2" in texts(
        caught.value.report.not_mapped)


@pytest.mark.parametrize("code", [
    "x = " + "+".join(["1"] * 50_000),  # the parser's recursion
    "x = " + "(" * 300 + "1" + ")" * 300,
    "x = 1\x00",
])
def test_hostile_code_is_a_plain_refusal(code):
    with pytest.raises(ImportRefused, match=r"hostile\.py"):
        import_keras_code(code, "hostile.py")


def test_code_that_would_act_when_run_is_never_run(tmp_path):
    marker = tmp_path / "ran.txt"
    code = f"""
        import os, subprocess
        os.system("touch {marker}")
        open({str(marker)!r}, "w").write("ran")
        subprocess.run(["touch", {str(marker)!r}])
        __import__("os").system("touch {marker}")
        def build(units=32):
            os.system("touch {marker}")
            from keras import layers, models
            return models.Sequential([layers.Input((8,)), layers.Dense(units),
                                      layers.Dense(eval("1 + 1"))])
        model = build()
        model.compile(optimizer="adam", loss="mse")
    """
    project, report = imported(code)
    assert not marker.exists()
    assert layer_ids(project) == ["Input", "Dense", "Output"]  # eval(...) is not evaluated
    assert "eval" in texts(report.not_mapped)


def test_no_model_in_the_code_is_a_plain_refusal():
    with pytest.raises(ImportRefused, match="found no Keras model"):
        imported("print('hello')\n", "hello.py")


def test_a_missing_input_shape_says_where_to_add_it():
    with pytest.raises(ImportRefused, match="input_shape"):
        imported("""
            from keras import layers, models
            model = models.Sequential([layers.Dense(10)])
        """)


# The command line ---------------------------------------------------------------------------

ENGLISH = {**os.environ, "NETSTUDIO_LANGUAGE": "en"}


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True,
                          text=True, timeout=120, env=ENGLISH, cwd=cwd)


def test_cli_import_writes_a_project_and_prints_the_report(tmp_path):
    source = tmp_path / "cnn.py"
    source.write_text((CODE / "guide_cnn_block.txt").read_text(encoding="utf-8"),
                      encoding="utf-8")
    target = tmp_path / "cnn.json"
    result = run("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "line 14: Conv2D → conv2d_1" in result.stdout
    assert "Flatten reads" in result.stdout
    project = load_project(target)
    assert infer_shapes(project.graph).total_params == 93_322
    assert json.loads(target.read_text())["training"]["batch_size"] == 64

    again = run("import", str(source), "-o", str(target))
    assert again.returncode == 1 and "--force" in again.stderr
    assert run("import", str(source), "-o", str(target), "--force").returncode == 0


def test_cli_import_refusal_writes_nothing_and_names_the_line(tmp_path):
    source = tmp_path / "loop.py"
    source.write_text("from keras import layers, models\nm = models.Sequential()\n"
                      "for u in (8, 4):\n    m.add(layers.Dense(u))\n", encoding="utf-8")
    target = tmp_path / "loop.json"
    result = run("import", str(source), "-o", str(target))
    assert result.returncode == 1
    assert "Line 3" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_cli_import_names_the_formats_it_reads(tmp_path):
    source = tmp_path / "model.tflite"
    source.write_bytes(b"\x89HDF\r\n")
    result = run("import", str(source), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 1
    assert ".py" in result.stderr and ".keras" in result.stderr and ".h5" in result.stderr
    assert "'.tflite'" in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_import_file_refuses_text_that_is_not_utf8(tmp_path):
    source = tmp_path / "latin.py"
    source.write_bytes(b"x = '\xe9'\n")
    with pytest.raises(ImportRefused, match="UTF-8"):
        import_file(source)


# The mapping table against the registry ----------------------------------------------------


def test_every_mapped_keras_argument_names_a_parameter_of_its_registry_layer():
    from studio.importers.keras_layers import SPECS
    from studio.layers.registry import get_layer

    for keras_class, spec in SPECS.items():
        layer = get_layer(spec.layer_id)
        names = {param.name for param in layer.params}
        targets = {name for name, _ in spec.params.values()} | set(spec.keras_defaults)
        assert targets <= names, (keras_class, targets - names)


SEQUENCE_LAYERS = {"Conv1D", "MaxPooling1D", "AveragePooling1D", "GlobalAveragePooling1D",
                   "GlobalMaxPooling1D", "ZeroPadding1D", "LSTM", "GRU", "SimpleRNN",
                   "LayerNormalization", "RepeatVector", "Embedding"}
VOLUME_LAYERS = {"Conv3D", "MaxPooling3D", "GlobalAveragePooling3D", "GlobalMaxPooling3D"}
FIRST_ARGUMENT = {"Dense": "8", "Conv1D": "4, 3", "Conv2D": "4, 3", "Conv3D": "4, 3",
                  "SeparableConv2D": "4, 3", "Embedding": "50, 8", "RepeatVector": "3",
                  "LSTM": "6", "GRU": "6", "SimpleRNN": "6", "Dropout": "0.2",
                  "SpatialDropout2D": "0.2", "GaussianNoise": "0.1", "Rescaling": "0.5"}


@pytest.mark.parametrize("keras_class", sorted(
    __import__("studio.importers.keras_layers", fromlist=["SPECS"]).SPECS))
def test_every_mapped_keras_layer_imports_into_a_valid_graph(keras_class):
    """Each Keras class of the table, written as in a guide, gives its registry layer."""
    if keras_class in ("Add", "Concatenate", "Multiply", "Subtract", "Average", "Maximum"):
        code = f"""
            import keras
            from keras import layers
            a = keras.Input((8,))
            b = keras.Input((8,))
            model = keras.Model([a, b], layers.{keras_class}()([a, b]))
        """
    else:
        shape = ("(12,)" if keras_class == "Embedding" else "(12, 5)"
                 if keras_class in SEQUENCE_LAYERS else "(6, 8, 8, 2)"
                 if keras_class in VOLUME_LAYERS else "(8, 8, 2)")
        if keras_class in ("Dense", "RepeatVector"):
            shape = "(5,)"
        code = f"""
            from keras import layers, models
            model = models.Sequential([layers.Input({shape}),
                                       layers.{keras_class}({FIRST_ARGUMENT.get(keras_class, "")})])
        """
    project, report = imported(code)
    assert not report.not_mapped, texts(report.not_mapped)
    from studio.importers.keras_layers import SPECS

    assert SPECS[keras_class].layer_id in layer_ids(project)
    assert infer_shapes(project.graph).ok


def test_the_wrapping_and_reordering_layers():
    project, report = imported("""
        import tensorflow as tf
        from tensorflow.keras import layers
        model = tf.keras.Sequential()
        model.add(layers.Dense(7 * 7 * 8, input_dim=16))
        model.add(layers.Reshape((7, 7, 8)))
        model.add(layers.Conv2DTranspose(4, 3, strides=2, padding='same'))
        model.add(layers.Activation('relu'))
        model.add(layers.Activation('linear'))
        model.add(layers.Conv2D(1, (3, 3), padding='same', activation='sigmoid'))
        model.compile(optimizer=tf.keras.optimizers.Adam(2e-4), loss='mse')
    """)
    assert not report.not_mapped, texts(report.not_mapped)
    graph = project.graph
    assert layer_ids(project) == ["Input", "Dense", "Reshape", "ConvTranspose2D", "ReLU",
                                  "Conv2D", "Output"]
    assert graph.node("reshape_1").params["target_shape"] == (8, 7, 7)
    assert "line 6" in texts(report.approximated) and "(8, 7, 7)" not in texts(report.mapped)
    analysis = infer_shapes(graph)
    assert analysis.ok, analysis.problems
    # Keras' 'same' transposed convolution doubles the size at stride 2: so must the import.
    assert analysis.nodes["conv_transpose2d_1"].output.shape == (4, 14, 14)
    assert project.training["learning_rate"] == 2e-4
    assert graph.node("output_1").params["loss"] == "mse"


def test_recurrent_wrappers_on_sequences():
    project, report = imported("""
        from keras import layers, models
        model = models.Sequential([
            layers.Input(shape=(50, 3)),
            layers.Bidirectional(layers.GRU(8, return_sequences=True)),
            layers.TimeDistributed(layers.Dense(4, activation='relu')),
            layers.SimpleRNN(5, dropout=0.1),
            layers.Dense(3, activation='softmax'),
        ])
    """)
    graph = project.graph
    assert graph.node("gru_1").params == {"units": 8, "return_sequences": True,
                                          "bidirectional": True}
    assert graph.node("time_distributed_1").params["units"] == 4
    assert infer_shapes(graph).nodes["time_distributed_1"].output.shape == (50, 4)
    # The RNN's dropout trains differently, so it is listed; the layer itself is kept.
    assert "line 7: SimpleRNN(dropout=…)" in texts(report.not_mapped)
    assert "simple_rnn_1" in graph.nodes


def test_an_imported_functional_model_compiles_and_runs():
    import torch

    from studio.compiler import compile_graph, example_inputs

    project, _ = imported("""
        import keras
        from keras import layers
        inputs = keras.Input(shape=(16, 16, 3))
        x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inputs)
        y = layers.SeparableConv2D(8, 3, padding="same")(x)
        x = layers.Activation("relu")(layers.add([x, y]))
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
        x = layers.Flatten()(x)
        x = layers.Dropout(0.3)(x)
        outputs = layers.Dense(5, activation="softmax")(x)
        model = keras.Model(inputs=inputs, outputs=outputs)
    """)
    module = compile_graph(project.graph)
    module.eval()
    with torch.no_grad():
        scores = module(*example_inputs(module.input_types, batch=3))
    assert scores.shape == (3, 5)
    assert torch.allclose(scores.sum(dim=1), torch.ones(3))  # the softmax is kept


def test_a_model_with_no_importable_layer_is_refused():
    with pytest.raises(ImportRefused, match="None of the model's layers"):
        imported("""
            from keras import layers, models
            model = models.Sequential([layers.Input((4,)), layers.AlphaDropout(0.1)])
        """)


@pytest.mark.parametrize(("keras_name", "ours"), [
    ("mnist", "mnist"), ("fashion_mnist", "fashion-mnist"), ("cifar10", "cifar-10")])
def test_the_keras_data_set_the_code_loads_becomes_the_projects(keras_name, ours):
    from studio.data.registry import canonical_name

    project, report = imported(f"""
        import keras
        (x, y), _ = keras.datasets.{keras_name}.load_data()
        model = keras.Sequential([keras.Input((32, 32, 3)), keras.layers.Flatten(),
                                  keras.layers.Dense(10, activation="softmax")])
    """)
    assert project.dataset["name"] == canonical_name(ours) == ours
    assert f"line 3: data set {keras_name}" in texts(report.mapped)


def test_the_classic_keras_mnist_example_imports_with_its_parameter_count():
    """keras/examples/mnist_cnn.py as it was long copied: constants, `input_shape` chosen by
    K.image_data_format(), keras.losses / keras.activations references, Adadelta."""
    code = (CODE / "keras_example_mnist_cnn.txt").read_text(encoding="utf-8")
    project, report = import_keras_code(code, "mnist_cnn.py")
    assert infer_shapes(project.graph).total_params == 1_199_882  # Keras' model.summary()
    assert project.graph.node("input_1").params["shape"] == (1, 28, 28)
    assert (project.training["batch_size"], project.training["epochs"]) == (128, 12)
    missing = texts(report.not_mapped)
    assert "line 30: the optimizer Adadelta" in missing
    assert "line 33: fit(validation_data=…)" in missing


def test_a_subclassed_model_is_refused_with_what_to_write_instead():
    with pytest.raises(ImportRefused, match="Line 3: Net is a subclass of Model") as caught:
        imported("""
            from tensorflow import keras
            class Net(keras.Model):
                def __init__(self):
                    super().__init__()
                    self.dense = keras.layers.Dense(10)
                def call(self, x):
                    return self.dense(x)
            model = Net()
            model.compile(optimizer="adam", loss="mse")
        """)
    assert "Sequential" in str(caught.value)


def test_a_dense_layer_on_a_sequence_acts_on_each_step_as_in_keras():
    project, _ = imported("""
        import keras
        inputs = keras.Input((20, 6))
        x = keras.layers.LSTM(8, return_sequences=True)(inputs)
        outputs = keras.layers.Dense(3)(x)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="mse")
    """)
    assert layer_ids(project) == ["Input", "LSTM", "TimeDistributed", "Output"]
    analysis = infer_shapes(project.graph)
    assert analysis.nodes["time_distributed_1"].output.shape == (20, 3)
    assert analysis.nodes["time_distributed_1"].params == 8 * 3 + 3


def test_loops_that_do_not_build_the_model_are_no_obstacle():
    project, _ = imported("""
        from keras import layers, models
        seen = set()
        for word in ["a", "b"]:
            seen.add(word)
        model = models.Sequential([layers.Input((4,)), layers.Dense(2)])
        for epoch in range(3):
            model.fit(x, y, epochs=1)
    """)
    assert layer_ids(project) == ["Input", "Dense", "Output"]


def test_a_functional_model_built_in_a_loop_is_refused():
    with pytest.raises(ImportRefused, match="Line 5"):
        imported("""
            import keras
            from keras import layers
            x = inputs = keras.Input((16,))
            for _ in range(3):
                x = layers.add([x, layers.Dense(16)(x)])
            model = keras.Model(inputs, x)
        """)


def test_keras_layer_names_become_node_ids_where_they_can():
    project, report = imported("""
        from keras import layers, models
        model = models.Sequential([
            layers.Input((8,)),
            layers.Dense(16, activation="relu", name="hidden"),
            layers.Dense(4, name="Scores-Out"),
            layers.Dense(2, name="hidden"),
        ])
    """)
    assert list(project.graph.nodes) == ["input_1", "hidden", "dense_1", "dense_2", "output_1"]
    assert "line 5: Dense → hidden" in texts(report.mapped)


def test_the_keras_io_simple_mnist_convnet_imports_with_its_parameter_count():
    project, report = imported("""
        import numpy as np
        import keras
        from keras import layers

        num_classes = 10
        input_shape = (28, 28, 1)
        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
        x_train = np.expand_dims(x_train.astype("float32") / 255, -1)
        model = keras.Sequential(
            [
                keras.Input(shape=input_shape),
                layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
                layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
                layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Flatten(),
                layers.Dropout(0.5),
                layers.Dense(num_classes, activation="softmax"),
            ]
        )
        model.summary()
        batch_size = 128
        epochs = 15
        model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
        model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, validation_split=0.1)
    """)
    assert not report.not_mapped, texts(report.not_mapped)
    assert infer_shapes(project.graph).total_params == 34_826  # as keras.io's summary says
    assert project.dataset["name"] == "mnist"
    assert (project.training["batch_size"], project.training["epochs"]) == (128, 15)
    assert project.training["validation_split"] == 0.1


def test_a_size_given_on_the_command_line_takes_its_plain_value_and_says_so():
    project, report = imported("""
        import sys
        from keras import layers, models
        units = int(sys.argv[2]) if len(sys.argv) > 2 else 48
        model = models.Sequential([layers.Input((8,)), layers.Dense(units), layers.Dense(2)])
    """)
    assert project.graph.node("dense_1").params["units"] == 48
    assert "line 5: Dense: int(sys.argv[2]) if len(sys.argv) > 2 else 48" in texts(
        report.approximated)


def test_keras_leaky_relu_string_keeps_its_slope():
    """Keras' activation='leaky_relu' slopes 0.2; NetStudio's activation choice slopes 0.01,
    so the import adds a LeakyReLU node instead of changing the computation."""
    project, _ = imported("""
        from keras import layers, models
        model = models.Sequential([layers.Input((6,)),
                                   layers.Dense(5, activation='leaky_relu'),
                                   layers.Dense(2, activation='softmax')])
    """)
    graph = project.graph
    assert layer_ids(project) == ["Input", "Dense", "LeakyReLU", "Dense", "Output"]
    assert graph.node("dense_1").params["activation"] == "linear"
    assert graph.node("leaky_re_lu_1").params["negative_slope"] == 0.2
    assert graph.predecessors("dense_2") == ["leaky_re_lu_1"]


def test_layer_normalization_of_each_pixel_is_not_swapped_for_the_whole_image():
    _, report = imported("""
        from keras import layers, models
        model = models.Sequential([layers.Input((8, 8, 4)), layers.LayerNormalization(),
                                   layers.Flatten(), layers.Dense(2)])
    """)
    assert "line 3: LayerNormalization left out" in texts(report.not_mapped)
    project, report = imported("""
        from keras import layers, models
        model = models.Sequential([layers.Input((8, 8, 4)),
                                   layers.LayerNormalization(axis=[1, 2, 3]),
                                   layers.Flatten(), layers.Dense(2)])
    """)
    assert "LayerNorm" in layer_ids(project)
    assert infer_shapes(project.graph).nodes["layer_norm_1"].params == 2 * 8 * 8 * 4


def test_prelu_maps_only_where_it_learns_one_slope_per_channel():
    project, report = imported("""
        from keras import layers, models
        model = models.Sequential([layers.Input((8, 8, 4)), layers.PReLU(shared_axes=[1, 2]),
                                   layers.Flatten(), layers.Dense(10), layers.PReLU(),
                                   layers.Dense(2)])
    """)
    assert not report.not_mapped, texts(report.not_mapped)
    analysis = infer_shapes(project.graph)
    assert analysis.nodes["pre_lu_1"].params == 4 and analysis.nodes["pre_lu_2"].params == 10
    assert project.graph.node("pre_lu_1").params["initial_slope"] == 0.0
    _, report = imported("""
        from keras import layers, models
        model = models.Sequential([layers.Input((8, 8, 4)), layers.PReLU(),
                                   layers.Flatten(), layers.Dense(2)])
    """)
    assert "line 3: PReLU left out" in texts(report.not_mapped)


def test_layers_made_by_code_the_reader_cannot_follow_are_refused_with_the_line():
    with pytest.raises(ImportRefused, match="Line 3: the model's layers come from") as caught:
        imported("""
            from keras import layers, models
            stack = [layers.Dense(n) for n in (64, 32)]
            model = models.Sequential(stack)
        """)
    assert "write the layers out" in str(caught.value)


def test_a_layer_object_applied_twice_is_reported_as_not_sharing_its_weights():
    project, report = imported("""
        import keras
        from keras import layers
        left = keras.Input((10,))
        right = keras.Input((10,))
        shared = layers.Dense(4, activation="relu")
        merged = layers.concatenate([shared(left), shared(right)])
        model = keras.Model([left, right], layers.Dense(1, activation="sigmoid")(merged))
        model.compile(optimizer="adam", loss="binary_crossentropy")
    """)
    assert layer_ids(project).count("Input") == 2
    assert layer_ids(project).count("Dense") == 3
    changed = texts(report.approximated)
    assert "line 6: Dense is applied 2 times" in changed and "shares its weights" in changed
    assert len(report.approximated) == 1
    assert project.graph.node("output_1").params["loss"] == "binary_cross_entropy"
    assert infer_shapes(project.graph).ok


# keras.applications -------------------------------------------------------------------------


def test_the_transfer_learning_recipe_maps_to_a_pretrained_block():
    project, report = imported("""
        import keras
        from keras import layers
        base_model = keras.applications.MobileNetV3Small(
            input_shape=(160, 160, 3), include_top=False, weights="imagenet")
        base_model.trainable = False
        inputs = keras.Input(shape=(160, 160, 3))
        x = keras.applications.mobilenet_v3.preprocess_input(inputs)
        x = base_model(x, training=False)
        x = layers.GlobalAveragePooling2D()(x)
        x = layers.Dropout(0.2)(x)
        outputs = layers.Dense(5, activation="softmax")(x)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer=keras.optimizers.Adam(1e-4),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    """)
    assert not report.not_mapped, texts(report.not_mapped)
    assert layer_ids(project) == ["Input", "MobileNetV3Small", "Dropout", "Dense", "Output"]
    block = project.graph.node("mobile_net_v3small_1").params
    assert (block["freeze"], block["image_size"], block["weights"]) == (
        "all", 160, "IMAGENET1K_V1")
    analysis = infer_shapes(project.graph)
    assert analysis.nodes["mobile_net_v3small_1"].output.shape == (576,)  # Keras' too
    assert "line 10: GlobalAveragePooling2D" in texts(report.mapped)
    assert "torchvision's model and ImageNet weights" in texts(report.approximated)
    assert project.training["learning_rate"] == 1e-4


def test_a_pooled_trainable_backbone_and_what_cannot_follow_an_unpooled_one():
    project, _ = imported("""
        import keras
        base = keras.applications.ResNet50(include_top=False, pooling="avg", weights=None)
        inputs = keras.Input((224, 224, 3))
        model = keras.Model(inputs, keras.layers.Dense(3)(base(inputs)))
    """)
    assert project.graph.node("res_net50_1").params["freeze"] == "none"
    assert project.graph.node("res_net50_1").params["weights"] == "none"
    with pytest.raises(ImportRefused, match="Line 5: Flatten takes the feature maps"):
        imported("""
            import keras
            base = keras.applications.ResNet50(include_top=False)
            inputs = keras.Input((224, 224, 3))
            x = keras.layers.Flatten()(base(inputs))
            model = keras.Model(inputs, keras.layers.Dense(3)(x))
        """)
    with pytest.raises(ImportRefused, match="NetStudio has no pretrained VGG16"):
        imported("""
            import keras
            base = keras.applications.VGG16(include_top=False, pooling="avg")
            inputs = keras.Input((224, 224, 3))
            model = keras.Model(inputs, keras.layers.Dense(3)(base(inputs)))
        """)
    with pytest.raises(ImportRefused, match="include_top=True"):
        imported("""
            import keras
            base = keras.applications.EfficientNetB0()
            inputs = keras.Input((224, 224, 3))
            model = keras.Model(inputs, base(inputs))
        """)


def test_a_pretrained_model_as_the_first_item_of_a_sequential_model():
    project, report = imported("""
        from tensorflow import keras
        base = keras.applications.EfficientNetB0(include_top=False, pooling="avg",
                                                 input_shape=(224, 224, 3))
        base.trainable = False
        model = keras.Sequential([base, keras.layers.Dense(4, activation="softmax")])
    """)
    assert not report.not_mapped, texts(report.not_mapped)
    assert layer_ids(project) == ["Input", "EfficientNetB0", "Dense", "Output"]
    assert project.graph.node("input_1").params["shape"] == (3, 224, 224)
    assert project.graph.node("efficient_net_b0_1").params["freeze"] == "all"
