"""ONNX import: NetStudio's own exports come back as the same graph predicting the same, and a
file that is not a model, or holds an operator with no layer, is refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest
import torch
from import_round_trip import refused_example, registry_layers, same_outputs, side_by_side
from onnx import TensorProto, helper, numpy_helper

from studio.compiler import compile_graph, example_inputs
from studio.export import inference_model, write_onnx
from studio.graph import Graph
from studio.importers.onnx_import import import_onnx
from studio.importers.report import ImportRefused
from studio.project import Project
from studio.templates import load_template

TEMPLATES = [
    "seed-mlp",
    "seed-cnn",
    "residual-cnn",
    "conv-autoencoder",
    "lstm-classifier",
    "gru-classifier",
]


def _chain(shape: list[int], *layers: tuple[str, dict]) -> Project:
    graph = Graph()
    last = graph.add_node("Input", {"shape": shape}).id
    for layer_id, params in layers:
        node = graph.add_node(layer_id, params)
        graph.connect(last, node.id)
        last = node.id
    output = graph.add_node("Output", {"loss": "mse", "target": "labels"})
    graph.connect(last, output.id)
    return Project(name="chain", graph=graph)


# Small graphs of single registry layers (and the layouts around them).
SMALL = {
    "dense-relu": _chain([12], ("Dense", {"units": 5, "activation": "relu"})),
    "dense-on-sequence": _chain([4, 6], ("Dense", {"units": 3})),
    "conv2d-same-stride2": _chain(
        [2, 7, 7], ("Conv2D", {"filters": 3, "padding": "same", "strides": 2}), ("Flatten", {})
    ),
    "conv1d": _chain([9, 3], ("Conv1D", {"filters": 4, "kernel_size": 3, "activation": "tanh"})),
    "conv1d-same": _chain([8, 2], ("Conv1D", {"filters": 2, "padding": "same"})),
    "conv2d-same-uneven": _chain(
        [1, 7, 8], ("Conv2D", {"filters": 2, "kernel_size": 4, "strides": 3, "padding": "same"})
    ),
    "conv1d-same-stride2": _chain(
        [9, 3], ("Conv1D", {"filters": 2, "kernel_size": 4, "strides": 2, "padding": "same"})
    ),
    "max-pool1d": _chain([8, 3], ("MaxPooling1D", {"pool_size": 2})),
    "conv-transpose": _chain([2, 5, 5], ("ConvTranspose2D", {"filters": 3})),
    "global-average-sequence": _chain([6, 4], ("GlobalAveragePooling", {})),
    "lstm-sequences": _chain(
        [5, 3], ("LSTM", {"units": 4, "return_sequences": True}), ("Dense", {"units": 2})
    ),
    "gru-bidirectional": _chain(
        [5, 3], ("GRU", {"units": 4, "return_sequences": True, "bidirectional": True})
    ),
    "lstm-bidirectional": _chain(
        [5, 3], ("LSTM", {"units": 3, "return_sequences": True, "bidirectional": True})
    ),
    "batchnorm-image": _chain([3, 5, 5], ("BatchNorm", {})),
    "batchnorm-sequence": _chain([6, 4], ("BatchNorm", {})),
    "avg-pool": _chain([2, 8, 8], ("AveragePooling2D", {"pool_size": 2})),
    "max-pool-same": _chain([2, 7, 7], ("MaxPooling2D", {"pool_size": 2, "padding": "same"})),
    "global-max": _chain([3, 6, 6], ("GlobalMaxPooling", {})),
    "leaky-relu": _chain([8], ("LeakyReLU", {"negative_slope": 0.2})),
    "elu": _chain([8], ("ELU", {"alpha": 0.5})),
    "selu-sigmoid-tanh": _chain([8], ("SELU", {}), ("Sigmoid", {}), ("Tanh", {})),
    "gelu": _chain([8], ("GELU", {})),
    "softmax": _chain([8], ("Softmax", {})),
    "prelu": _chain([3, 4, 4], ("PReLU", {})),
    "dropout": _chain([8], ("Dense", {"units": 4}), ("Dropout", {"rate": 0.3})),
    "reshape": _chain([12], ("Reshape", {"target_shape": [3, 4]})),
}


def _merge_graph(layer_id: str) -> Project:
    graph = Graph()
    x = graph.add_node("Input", {"shape": [2, 6, 6]}).id
    a = graph.add_node("Conv2D", {"filters": 3, "padding": "same"}).id
    b = graph.add_node("Conv2D", {"filters": 3, "padding": "same", "activation": "relu"}).id
    merge = graph.add_node(layer_id, {} if layer_id == "Subtract" else {"inputs": 2}).id
    out = graph.add_node("Output", {"loss": "mse", "target": "labels"}).id
    for source, target in ((x, a), (x, b), (a, merge), (b, merge), (merge, out)):
        graph.connect(source, target)
    return Project(name=layer_id, graph=graph)


for _merge in ("Add", "Subtract", "Multiply", "Concatenate"):
    SMALL[f"merge-{_merge.lower()}"] = _merge_graph(_merge)


def _exported(project: Project, folder: Path) -> tuple[torch.nn.Module, Path]:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(3)
        model = inference_model(project, None)
    # Fresh BatchNorm statistics are 0 and 1: give them values an import could get wrong.
    with torch.no_grad():
        for name, tensor in model.state_dict().items():
            if name.endswith(("running_mean", "running_var")):
                tensor.copy_(torch.rand_like(tensor) + 0.5)
    path = folder / "model.onnx"
    write_onnx(model, path, graph=project.graph, title=project.name)
    return model, path


def _nodes(project: Project) -> list[tuple[str, str, dict]]:
    """The graph as a user sees it in the editor, less positions: ids, layers, parameters."""
    order = project.graph.topological_order()
    return [(n, project.graph.nodes[n].layer_id, project.graph.nodes[n].params) for n in order]


def _edges(project: Project) -> set[tuple[str, str, int]]:
    return {(e.source, e.target, e.port) for e in project.graph.edges}


def _same_predictions(original: torch.nn.Module, project: Project, weights: dict) -> None:
    imported = compile_graph(project.graph).eval()
    imported.load_state_dict(weights)  # strict: exactly the compiled model's parameters
    inputs = example_inputs(original.input_types, batch=3)
    with torch.no_grad():
        torch.testing.assert_close(imported(*inputs), original(*inputs), atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_round_trip_is_the_same_graph_and_predicts_the_same(name, tmp_path):
    template = load_template(name)
    original, path = _exported(template, tmp_path)
    project, weights, report = import_onnx(path)
    # Outputs' losses are the template's own choices; ONNX keeps none, so they are guessed.
    assert _nodes(project) == _nodes(template)
    assert _edges(project) == _edges(template)
    assert not report.not_mapped and not report.approximated
    assert project.name == template.name
    _same_predictions(original, project, weights)


@pytest.mark.parametrize("name", sorted(SMALL))
def test_single_layer_round_trip_predicts_the_same(name, tmp_path):
    source = SMALL[name]
    original, path = _exported(source, tmp_path)
    project, weights, report = import_onnx(path)
    assert not report.not_mapped
    layers = [layer for _, layer, _ in _nodes(project)]
    # An inference graph has no Dropout left in it: there is nothing to bring back.
    assert [layer for _, layer, _ in _nodes(source) if layer != "Dropout"] == layers
    _same_predictions(original, project, weights)


def test_node_ids_and_weights_come_back_by_name(tmp_path):
    original, path = _exported(load_template("seed-cnn"), tmp_path)
    _, weights, _ = import_onnx(path)
    assert set(weights) == set(original.state_dict())
    assert torch.equal(weights["conv2d_2.weight"], original.state_dict()["conv2d_2.weight"])


# Bad input -------------------------------------------------------------------------------


def _refused(path: Path) -> ImportRefused:
    before = sorted(path.parent.iterdir())
    with pytest.raises(ImportRefused) as caught:
        import_onnx(path)
    assert sorted(path.parent.iterdir()) == before, "a refused import wrote something"
    return caught.value


def test_truncated_file_is_refused_plainly(tmp_path):
    _, path = _exported(load_template("seed-mlp"), tmp_path)
    data = path.read_bytes()
    cut = tmp_path / "cut.onnx"
    cut.write_bytes(data[: len(data) // 2])
    path.unlink()
    error = _refused(cut)
    assert "cut.onnx" in str(error) and "not an ONNX model" in str(error)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"PK\x03\x04 this is a zip archive, not a model",
        b'{"format": "netstudio-project"}',
        bytes(range(256)) * 8,
    ],
    ids=["empty", "zip", "json", "binary"],
)
def test_foreign_file_is_refused_plainly(tmp_path, content):
    path = tmp_path / "foreign.onnx"
    path.write_bytes(content)
    error = _refused(path)
    assert "foreign.onnx" in str(error)
    assert "Traceback" not in str(error)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="There is no file"):
        import_onnx(tmp_path / "nowhere.onnx")


def _handmade(tmp_path: Path, op: str, **attrs) -> Path:
    """Input → Gemm (with weights) → `op` → output, built with onnx.helper."""
    weight = numpy_helper.from_array(np.ones((4, 3), np.float32), "dense.weight")
    bias = numpy_helper.from_array(np.zeros(4, np.float32), "dense.bias")
    nodes = [
        helper.make_node("Gemm", ["x", "dense.weight", "dense.bias"], ["h"], name="fc", transB=1),
        helper.make_node(op, ["h"], ["y"], name="odd_one", **attrs),
    ]
    graph = helper.make_graph(
        nodes,
        "handmade",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 4])],
        [weight, bias],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)])
    onnx.checker.check_model(model)
    path = tmp_path / "handmade.onnx"
    onnx.save(model, path)
    return path


def test_handmade_model_imports(tmp_path):
    project, weights, _ = import_onnx(_handmade(tmp_path, "Relu"))
    assert [layer for _, layer, _ in _nodes(project)] == ["Input", "Dense", "Output"]
    assert project.graph.nodes["dense"].params["activation"] == "relu"
    assert torch.equal(weights["dense.weight"], torch.ones(4, 3))


def test_unsupported_operator_is_refused_with_its_name_and_place(tmp_path):
    error = _refused(_handmade(tmp_path, "Hardmax"))
    assert "Hardmax" in str(error) and "odd_one" in str(error)
    assert [where for where, _ in error.report.not_mapped] == ["node odd_one (Hardmax)"]
    # What could be mapped is still in the report, so the user sees what came across.
    assert any("Dense" in str(what) for _, what in error.report.mapped)


def test_settings_a_layer_cannot_express_are_refused_not_swapped(tmp_path):
    # GELU's tanh approximation is not GELU: refused, never imported as the exact one.
    error = _refused(_handmade(tmp_path, "Gelu", approximate="tanh"))
    assert "tanh approximation" in str(error.report.not_mapped[0][1])


# Models made elsewhere ---------------------------------------------------------------------


def _init(name: str, array: np.ndarray) -> onnx.TensorProto:
    return numpy_helper.from_array(array.astype(np.float32), name)


def _foreign_cnn(tmp_path: Path) -> Path:
    """A small CNN as other converters write it: BatchNormalization with its statistics,
    GlobalAveragePool then Flatten, MatMul + Add for the dense layer, two branches joined by
    Concat, LeakyRelu and PRelu with their own slopes, node names like /conv1/Conv."""
    rng = np.random.default_rng(0)
    inits = [
        _init("c1.w", rng.normal(size=(4, 3, 3, 3))),
        _init("c1.b", rng.normal(size=4)),
        _init("bn.scale", rng.uniform(0.5, 1.5, 4)),
        _init("bn.bias", rng.normal(size=4)),
        _init("bn.mean", rng.normal(size=4)),
        _init("bn.var", rng.uniform(0.5, 2.0, 4)),
        _init("c2.w", rng.normal(size=(2, 3, 1, 1))),
        _init("slope", rng.uniform(0.1, 0.3, (6, 1, 1))),
        _init("fc.w", rng.normal(size=(6, 5))),
        _init("fc.b", rng.normal(size=5)),
    ]
    nodes = [
        helper.make_node(
            "Conv",
            ["x", "c1.w", "c1.b"],
            ["a"],
            name="/conv1/Conv",
            pads=[1, 1, 1, 1],
            kernel_shape=[3, 3],
        ),
        helper.make_node(
            "BatchNormalization",
            ["a", "bn.scale", "bn.bias", "bn.mean", "bn.var"],
            ["b"],
            name="/bn1/BatchNormalization",
            epsilon=1e-3,
        ),
        helper.make_node("LeakyRelu", ["b"], ["c"], name="/act1/LeakyRelu", alpha=0.2),
        helper.make_node("Conv", ["x", "c2.w"], ["d"], name="/conv2/Conv", kernel_shape=[1, 1]),
        helper.make_node("Concat", ["c", "d"], ["e"], name="/cat/Concat", axis=1),
        helper.make_node("PRelu", ["e", "slope"], ["f"], name="/act2/PRelu"),
        helper.make_node(
            "MaxPool", ["f"], ["g"], name="/pool/MaxPool", kernel_shape=[2, 2], strides=[2, 2]
        ),
        helper.make_node("GlobalAveragePool", ["g"], ["h"], name="/gap/GlobalAveragePool"),
        helper.make_node("Flatten", ["h"], ["i"], name="/flat/Flatten"),
        helper.make_node("MatMul", ["i", "fc.w"], ["j"], name="/fc/MatMul"),
        helper.make_node("Add", ["j", "fc.b"], ["k"], name="/fc/Add"),
        helper.make_node("Softmax", ["k"], ["y"], name="/out/Softmax", axis=1),
    ]
    graph = helper.make_graph(
        nodes,
        "foreign_cnn",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 5])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model, full_check=True)
    path = tmp_path / "foreign_cnn.onnx"
    onnx.save(model, path)
    return path


def test_model_made_elsewhere_predicts_what_onnx_computes(tmp_path):
    from onnx.reference import ReferenceEvaluator  # the test's yardstick; the importer runs nothing

    path = _foreign_cnn(tmp_path)
    project, weights, report = import_onnx(path)
    layers = [layer for _, layer, _ in _nodes(project)]
    assert layers.count("Conv2D") == 2 and "BatchNorm" in layers and "Concatenate" in layers
    assert "GlobalAveragePooling" in layers and "Dense" in layers and "Flatten" not in layers
    assert any("/conv1/Conv" in str(where) for where, _ in report.mapped)
    model = compile_graph(project.graph).eval()
    model.load_state_dict(weights)
    x = np.random.default_rng(1).normal(size=(3, 3, 8, 8)).astype(np.float32)
    expected = ReferenceEvaluator(str(path)).run(None, {"x": x})[0]
    with torch.no_grad():
        got = model(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, expected, atol=1e-4, rtol=1e-4)


def _one_conv(tmp_path: Path, pads: list[int], size: int) -> Path:
    weight = _init("w", np.ones((2, 1, 3, 3)))
    node = helper.make_node("Conv", ["x", "w"], ["y"], name="odd_conv", pads=pads)
    graph = helper.make_graph(
        [node],
        "one_conv",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1, 5, 5])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2, size, size])],
        [weight],
    )
    path = tmp_path / "one_conv.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)
    return path


def test_uneven_padding_that_is_not_same_is_refused(tmp_path):
    # Keras' 'same' puts the odd cell after; this one pads before only: no layer does that.
    error = _refused(_one_conv(tmp_path, [1, 1, 0, 0], 4))
    assert [where for where, _ in error.report.not_mapped] == ["node odd_conv (Conv)"]
    assert "padding" in str(error.report.not_mapped[0][1])


def test_symmetric_padding_other_than_same_becomes_zero_padding(tmp_path):
    from onnx.reference import ReferenceEvaluator

    path = _one_conv(tmp_path, [2, 2, 2, 2], 7)
    project, weights, _ = import_onnx(path)
    layers = [layer for _, layer, _ in _nodes(project)]
    assert layers == ["Input", "ZeroPadding2D", "Conv2D", "Output"]
    assert list(project.graph.nodes["zero_padding2d_1"].params["padding"]) == [2, 2]
    model = compile_graph(project.graph).eval()
    model.load_state_dict(weights)
    x = np.random.default_rng(2).normal(size=(2, 1, 5, 5)).astype(np.float32)
    expected = ReferenceEvaluator(str(path)).run(None, {"x": x})[0]
    with torch.no_grad():
        np.testing.assert_allclose(model(torch.from_numpy(x)).numpy(), expected, atol=1e-5)


def test_weights_in_separate_files_are_refused(tmp_path):
    model = onnx.load(_handmade(tmp_path, "Relu"))
    path = tmp_path / "external.onnx"
    onnx.save(
        model,
        path,
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location="external.data",
        size_threshold=0,
    )
    error = _refused(path)
    assert "separate files" in str(error)


# Every registry layer ------------------------------------------------------------------------

# Layers whose ONNX export has no importable form yet (the operators named in each refusal):
# RepeatVector (Expand/Tile), UpSampling2D (Resize), Cropping2D (Slice), SimpleRNN (a loop of
# MatMuls), attention and transformer blocks, PositionalEmbedding, Rescaling and Normalization
# (arithmetic with constants), Average (Div). Some examples of other layers are refused too
# (import_round_trip.refused_example): average pooling with Keras' uneven 'same' (Pad + Div),
# a bidirectional LSTM/GRU's last step (Slice + Concat).
NOT_IMPORTED = {
    "RepeatVector", "UpSampling2D", "Cropping2D", "SimpleRNN", "TransformerEncoder",
    "PositionalEmbedding", "MultiHeadAttention", "Rescaling", "Normalization", "Average",
}  # fmt: skip


def _refused_by_name(project: Project, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    _, path = _exported(project, folder)
    with pytest.raises(ImportRefused) as caught:
        import_onnx(path)
    # Never a crash or a vague no: each operator left out is named with its node.
    not_mapped = caught.value.report.not_mapped
    assert not_mapped and all(where.startswith("node ") for where, _ in not_mapped)


@pytest.mark.slow
@pytest.mark.parametrize(("layer_id", "cases"), registry_layers())
def test_every_layer_round_trips_or_is_refused_by_name(layer_id, cases, tmp_path):
    """Every example of every registry layer exports, imports and predicts the same, or is
    refused naming each operator left out. A layer's examples go side by side in one graph:
    one export each instead of one per example."""
    if layer_id in NOT_IMPORTED:
        _refused_by_name(side_by_side(layer_id, cases), tmp_path)
        return
    refused = [case for case in cases if refused_example(layer_id, case)]
    for index, case in enumerate(refused):
        _refused_by_name(side_by_side(layer_id, [case]), tmp_path / f"refused_{index}")
    source = side_by_side(layer_id, [case for case in cases if case not in refused])
    original, path = _exported(source, tmp_path)
    imported, weights, report = import_onnx(path)
    assert not report.not_mapped
    same_outputs(original, source, imported, weights)


def test_the_import_command_writes_the_project_and_its_weights(tmp_path, capsys):
    """`netstudio import model.onnx -o p.json` writes p.json and p.safetensors (the weights
    with the project embedded), which `netstudio export` takes back to ONNX; nothing is
    replaced without --force."""
    from studio.cli import main
    from studio.runs.storage import load_trained

    original, path = _exported(load_template("seed-mlp"), tmp_path)
    target = tmp_path / "imported.json"
    assert main(["import", str(path), "-o", str(target)]) == 0
    weights_file = target.with_suffix(".safetensors")
    assert target.is_file() and weights_file.is_file()
    project, weights = load_trained(weights_file)
    _same_predictions(original, project, weights)
    again = tmp_path / "again.onnx"
    assert main(["export", str(weights_file), "--format", "onnx", "-o", str(again)]) == 0
    assert again.stat().st_size > 100_000
    # The weights file alone existing is enough to refuse, before anything is written.
    target.unlink()
    assert main(["import", str(path), "-o", str(target)]) == 1
    assert not target.exists() and "already exists" in capsys.readouterr().err


# Cutting the import at a node ------------------------------------------------------------------


def test_a_refused_model_can_be_imported_up_to_a_node(tmp_path):
    path = _handmade(tmp_path, "Hardmax")
    refused = _refused(path)
    assert refused.cut_points == ["fc"]  # where everything before was mapped
    project, weights, report = import_onnx(path, cut_at="fc")
    assert [layer for _, layer, _ in _nodes(project)] == ["Input", "Dense", "Output"]
    assert report.cut_off == [
        ("node odd_one (Hardmax)", "cut off: the import ends at node fc, as asked")
    ]
    assert "Cut off, as asked (1):" in report.lines()
    assert not report.not_mapped
    assert torch.equal(weights["dense.weight"], torch.ones(4, 3))


def test_a_cut_keeps_everything_before_the_node_and_predicts_it(tmp_path):
    from onnx.reference import ReferenceEvaluator

    path = _foreign_cnn(tmp_path)
    # A global pooling keeps two axes of size 1 that no layer gives: not a place to end.
    with pytest.raises(ImportRefused) as caught:
        import_onnx(path, cut_at="/gap/GlobalAveragePool")
    assert caught.value.report.not_mapped == [("output h", "it reads a global pooling's kept axes")]
    project, weights, report = import_onnx(path, cut_at="/flat/Flatten")
    layers = [layer for _, layer, _ in _nodes(project)]
    assert "GlobalAveragePooling" in layers and "Dense" not in layers
    cut = [str(where) for where, _ in report.cut_off]
    assert cut == ["node /fc/MatMul (MatMul)", "node /fc/Add (Add)",
                   "node /out/Softmax (Softmax)"]
    model = compile_graph(project.graph).eval()
    model.load_state_dict(weights)
    x = np.random.default_rng(1).normal(size=(3, 3, 8, 8)).astype(np.float32)
    [pooled] = ReferenceEvaluator(str(path)).run(["h"], {"x": x})
    with torch.no_grad():
        got = model(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, pooled.reshape(3, -1), atol=1e-4, rtol=1e-4)


def test_cutting_at_a_node_that_is_not_there_names_the_nodes(tmp_path):
    path = _handmade(tmp_path, "Relu")
    with pytest.raises(ImportRefused) as caught:
        import_onnx(path, cut_at="nowhere")
    assert "nowhere" in str(caught.value) and "fc, odd_one" in str(caught.value)


def test_the_import_command_offers_the_cut_and_makes_it(tmp_path, capsys):
    from studio.cli import main

    path = _handmade(tmp_path, "Hardmax")
    target = tmp_path / "cut.json"
    assert main(["import", str(path), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Hardmax" in err and "--cut-at NODE: fc" in err and not target.exists()
    assert main(["import", str(path), "-o", str(target), "--cut-at", "fc"]) == 0
    assert "cut off: the import ends at node fc" in capsys.readouterr().out
    assert target.exists() and target.with_suffix(".safetensors").exists()
