"""PyTorch import: NetStudio's own .pt2 exports come back as the same graph predicting the
same; a model written in PyTorch (exported with torch.export, or an nn.Module class in a .py
file, run with consent in a child process) comes in with its weights; a pickle, a damaged file
or an operator with no layer is refused plainly with nothing written, and nothing in a file is
ever unpickled."""

from __future__ import annotations

import io
import json
import pickle
import warnings
import zipfile
from pathlib import Path

import pytest
import torch
from import_round_trip import refused_example, registry_layers, same_outputs, side_by_side
from torch import nn

from studio.compiler import compile_graph, example_inputs
from studio.export import inference_model, write_pt2
from studio.importers import import_file
from studio.importers.report import ImportRefused
from studio.importers.torch_export import import_pt2
from studio.project import Project
from studio.templates import load_template

TEMPLATES = ["seed-mlp", "seed-cnn", "residual-cnn", "conv-autoencoder"]  # LSTM: below


def _exported(project: Project, folder: Path) -> tuple[nn.Module, Path]:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(3)
        model = inference_model(project, None)
    # Fresh BatchNorm statistics are 0 and 1: give them values an import could get wrong.
    with torch.no_grad():
        for name, tensor in model.state_dict().items():
            if name.endswith(("running_mean", "running_var")):
                tensor.copy_(torch.rand_like(tensor) + 0.5)
    path = folder / "model.pt2"
    write_pt2(model, path, graph=project.graph)
    return model, path


def _nodes(project: Project) -> list[tuple[str, str, dict]]:
    """The graph as a user sees it in the editor, less positions and the Output's loss (a
    .pt2 file keeps no training settings)."""
    graph = project.graph
    return [
        (n, node.layer_id, {} if node.layer.is_output else node.params)
        for n in graph.topological_order()
        if (node := graph.nodes[n])
    ]


def _edges(project: Project) -> set[tuple[str, str, int]]:
    return {(e.source, e.target, e.port) for e in project.graph.edges}


def _predicts_the_same(original: nn.Module, project: Project, weights: dict, inputs=None) -> None:
    imported = compile_graph(project.graph).eval()
    imported.load_state_dict(weights)  # strict: exactly the compiled model's parameters
    if inputs is None:
        inputs = example_inputs(original.input_types, batch=3)
    with torch.no_grad():
        torch.testing.assert_close(imported(*inputs), original(*inputs), atol=1e-4, rtol=1e-4)


def _refused(path: Path, **options) -> ImportRefused:
    before = sorted(path.parent.iterdir())
    with pytest.raises(ImportRefused) as caught:
        import_file(path, **options)
    assert sorted(path.parent.iterdir()) == before, "a refused import wrote something"
    assert "Traceback" not in str(caught.value)
    return caught.value


# NetStudio's own exports -------------------------------------------------------------------


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_round_trip_is_the_same_graph_and_predicts_the_same(name, tmp_path):
    template = load_template(name)
    original, path = _exported(template, tmp_path)
    project, report, weights = import_pt2(path)
    assert _nodes(project) == _nodes(template)
    assert _edges(project) == _edges(template)
    assert not report.not_mapped and not report.approximated
    assert set(weights) == set(original.state_dict())
    _predicts_the_same(original, project, weights)


# Layers whose export has no importable form yet (each refusal names the operators):
# RepeatVector (unsqueeze + repeat), Cropping2D (slices), attention and transformer blocks,
# PositionalEmbedding, Rescaling and Normalization (arithmetic with constants), Average (div).
# Some examples of other layers are refused too (import_round_trip.refused_example): average
# pooling with Keras' uneven 'same', a bidirectional recurrent layer's last step.
NOT_IMPORTED = {
    "RepeatVector", "Cropping2D", "TransformerEncoder", "PositionalEmbedding",
    "MultiHeadAttention", "Rescaling", "Normalization", "Average",
}  # fmt: skip


def _refused_by_name(project: Project, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    _, path = _exported(project, folder)
    with pytest.raises(ImportRefused) as caught:
        import_pt2(path)
    # Never a crash or a vague no: each operator left out is named with its node.
    not_mapped = caught.value.report.not_mapped
    assert not_mapped and all(where.startswith("node ") for where, _ in not_mapped)


# The default run's sample of the registry sweep, beyond the templates' layers: sequence
# layouts, token ids, statistics, joins, grouped convolutions, a layer with a refused example
# and one refused whole. The other layers run with the slow tests.
REPRESENTATIVE = {
    "Conv1D", "Embedding", "BatchNorm", "Concatenate", "DepthwiseConv2D", "AveragePooling2D",
    "Average",
}  # fmt: skip


def _layers(representative: bool) -> list:
    return [p for p in registry_layers() if (p.values[0] in REPRESENTATIVE) == representative]


@pytest.mark.parametrize(("layer_id", "cases"), _layers(representative=True))
def test_each_kind_of_layer_round_trips_or_is_refused_by_name(layer_id, cases, tmp_path):
    _round_trips_or_is_refused_by_name(layer_id, cases, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(("layer_id", "cases"), _layers(representative=False))
def test_every_other_layer_round_trips_or_is_refused_by_name(layer_id, cases, tmp_path):
    _round_trips_or_is_refused_by_name(layer_id, cases, tmp_path)


def _round_trips_or_is_refused_by_name(layer_id: str, cases: list, tmp_path: Path) -> None:
    """Every example of the layer exports, imports and predicts the same, or is refused
    naming each operator left out. The examples go side by side in one graph: one export
    instead of one per example."""
    if layer_id in NOT_IMPORTED:
        _refused_by_name(side_by_side(layer_id, cases), tmp_path)
        return
    refused = [case for case in cases if refused_example(layer_id, case)]
    for index, case in enumerate(refused):
        _refused_by_name(side_by_side(layer_id, [case]), tmp_path / f"refused_{index}")
    source = side_by_side(layer_id, [case for case in cases if case not in refused])
    original, path = _exported(source, tmp_path)
    imported, report, weights = import_pt2(path)
    assert not report.not_mapped
    same_outputs(original, source, imported, weights)


# Models written in PyTorch -----------------------------------------------------------------


class _SmallCnn(nn.Module):
    """A classifier as people write it: nn.Sequential of Conv2d, BatchNorm2d, an in-place
    ReLU, MaxPool2d and LeakyReLU, then x.view, Dropout, Linear and a log_softmax (which has
    no layer)."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, 3, padding=1),
            nn.BatchNorm2d(4),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
            nn.Conv2d(4, 6, 3),
            nn.LeakyReLU(0.2),
        )
        self.drop = nn.Dropout(0.3)
        self.fc = nn.Linear(6 * 2 * 2, 5)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        return torch.log_softmax(self.fc(self.drop(x)), dim=1)


def _save_program(
    model: nn.Module, example: torch.Tensor, path: Path, decompose: bool = False
) -> Path:
    model.eval()
    with torch.random.fork_rng(devices=[]), torch.no_grad():
        torch.manual_seed(1)
        for module in model.modules():
            if isinstance(module, nn.BatchNorm2d):
                module.running_mean.uniform_(-1, 1)
                module.running_var.uniform_(0.5, 2)
    batch = torch.export.Dim("batch", min=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's own notes on nn.LSTM's weights
        program = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
        if decompose:  # the core ATen operators (addmm, convolution…) that compilers take
            program = program.run_decompositions()
    torch.export.save(program, path)
    return path


def test_a_model_written_in_pytorch_imports_up_to_a_chosen_node(tmp_path):
    torch.manual_seed(0)
    model = _SmallCnn()
    x = torch.randn(3, 1, 8, 8)
    path = _save_program(model, x, tmp_path / "small_cnn.pt2")
    # log_softmax has no layer: the import is refused by name, offering where to cut.
    refused = _refused(path)
    assert [where for where, _ in refused.report.not_mapped] == [
        "node log_softmax (aten.log_softmax.int)"
    ]
    assert refused.cut_points[-1] == "linear"
    project, report, weights = import_file(path, cut_at="linear")
    layers = [layer for _, layer, _ in _nodes(project)]
    assert layers == ["Input", "Conv2D", "BatchNorm", "ReLU", "MaxPooling2D", "Conv2D",
                      "LeakyReLU", "Flatten", "Dropout", "Dense", "Output"]
    # Node ids come from the modules that held the weights.
    assert {"features_0", "features_1", "features_4", "fc"} <= set(project.graph.nodes)
    assert [text for _, text in report.cut_off] == [
        "cut off: the import ends at node linear, as asked"
    ]
    imported = compile_graph(project.graph).eval()
    imported.load_state_dict(weights)
    with torch.no_grad():
        expected = model.fc(model.drop(model.features(x).flatten(1)))
        torch.testing.assert_close(imported(x), expected, atol=1e-5, rtol=1e-5)


def test_a_decomposed_program_imports_the_same(tmp_path):
    torch.manual_seed(0)
    model = _SmallCnn()
    x = torch.randn(3, 1, 8, 8)
    path = _save_program(model, x, tmp_path / "core_aten.pt2", decompose=True)
    project, _, weights = import_file(path, cut_at="addmm")
    layers = [layer for _, layer, _ in _nodes(project)]
    # Decomposed, an inference program has no Dropout left: nothing to bring back.
    assert layers == ["Input", "Conv2D", "BatchNorm", "ReLU", "MaxPooling2D", "Conv2D",
                      "LeakyReLU", "Flatten", "Dense", "Output"]
    imported = compile_graph(project.graph).eval()
    imported.load_state_dict(weights)
    with torch.no_grad():
        expected = model.fc(model.features(x).flatten(1))
        torch.testing.assert_close(imported(x), expected, atol=1e-5, rtol=1e-5)


def test_cutting_at_a_node_that_is_not_there_names_the_nodes(tmp_path):
    path = _save_program(nn.Sequential(nn.Linear(4, 3), nn.ReLU()), torch.randn(2, 4),
                         tmp_path / "m.pt2")
    refused = _refused(path, cut_at="nowhere")
    assert "nowhere" in str(refused) and "linear" in str(refused)


def test_settings_a_layer_cannot_express_are_refused_not_swapped(tmp_path):
    model = nn.Sequential(nn.Linear(4, 3), nn.GELU(approximate="tanh"))
    path = _save_program(model, torch.randn(2, 4), tmp_path / "gelu.pt2")
    refused = _refused(path)
    assert "tanh approximation" in refused.report.not_mapped[0][1]


def test_a_sequence_model_with_channels_first_convolution(tmp_path):
    class Signal(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv1d(3, 4, 3, padding=1)
            self.bn = nn.BatchNorm1d(4)
            self.lstm = nn.LSTM(4, 5, batch_first=True)
            self.head = nn.Linear(5, 2)

        def forward(self, x):  # x: batch × channels × time, as nn.Conv1d reads it
            h = torch.relu(self.bn(self.conv(x))).transpose(1, 2)
            out, _ = self.lstm(h)
            return self.head(out[:, -1, :])

    torch.manual_seed(0)
    model = Signal()
    x = torch.randn(3, 3, 7)
    path = _save_program(model, x, tmp_path / "signal.pt2")
    project, _, weights = import_file(path)
    layers = [layer for _, layer, _ in _nodes(project)]
    assert layers == ["Input", "Permute", "Conv1D", "BatchNorm", "ReLU", "LSTM", "Dense",
                      "Output"]
    assert project.graph.nodes["lstm"].params["return_sequences"] is False
    imported = compile_graph(project.graph).eval()
    imported.load_state_dict(weights)
    with torch.no_grad():
        torch.testing.assert_close(imported(x), model(x), atol=1e-5, rtol=1e-5)


# Bad input: never unpickled -----------------------------------------------------------------


class _WritesAFile:
    """A pickle that creates `marker` when unpickled (the harm stands in for any code)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_torch_save_file_named_pt2_is_refused_unread(tmp_path):
    path = tmp_path / "weights.pt2"
    torch.save({"dense.weight": torch.ones(2, 2)}, path)
    refused = _refused(path)
    assert "torch.save" in str(refused) and "pickle" in str(refused)


@pytest.mark.parametrize("form", ["pickle", "torch.save zip"])
def test_a_malicious_pickle_named_pt2_is_never_unpickled(tmp_path, form):
    marker = tmp_path / "written-by-the-pickle"
    path = tmp_path / "model.pt2"
    if form == "pickle":
        path.write_bytes(pickle.dumps(_WritesAFile(marker)))
    else:
        torch.save(_WritesAFile(marker), path)  # data.pkl in a zip, as torch.save writes
    marker.unlink(missing_ok=True)
    _refused(path)
    assert not marker.exists(), "the import unpickled the file"


def _rewritten(source: Path, target: Path, change) -> Path:
    """A copy of the archive with entries changed by `change(name, data) -> data | None`."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for info in archive.infolist():
            data = change(info.filename, archive.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
    return target


def _malicious_pickle(marker: Path) -> bytes:
    buffer = io.BytesIO()
    torch.save(_WritesAFile(marker), buffer)
    return buffer.getvalue()


def test_a_genuine_program_with_malicious_sample_inputs_imports_without_unpickling(tmp_path):
    marker = tmp_path / "written-by-the-pickle"
    _, path = _exported(load_template("seed-mlp"), tmp_path)
    bad = _malicious_pickle(marker)
    changed = _rewritten(
        path,
        tmp_path / "changed.pt2",
        lambda name, data: bad if name.endswith("sample_inputs/model.pt") else data,
    )
    project, _, _ = import_file(changed)
    assert len(project.graph.nodes) == len(load_template("seed-mlp").graph.nodes)
    assert not marker.exists(), "the sample inputs were unpickled"


def test_a_weight_stored_as_a_pickle_is_refused_unread(tmp_path):
    marker = tmp_path / "written-by-the-pickle"
    _, path = _exported(load_template("seed-mlp"), tmp_path)
    bad = _malicious_pickle(marker)

    def change(name: str, data: bytes) -> bytes:
        if name.endswith("model_weights_config.json"):
            config = json.loads(data)
            first = next(iter(config["config"].values()))
            first["use_pickle"] = True
            return json.dumps(config).encode()
        if name.endswith("weights/weight_0"):
            return bad
        return data

    changed = _rewritten(path, tmp_path / "changed.pt2", change)
    path.unlink()
    refused = _refused(changed)
    assert "pickled" in str(refused)
    assert not marker.exists()


def test_a_size_expression_with_code_is_refused_unevaluated(tmp_path):
    marker = tmp_path / "written-by-sympy"
    _, path = _exported(load_template("seed-mlp"), tmp_path)
    code = f"__import__('builtins').open({str(marker)!r}, 'w')"

    def change(name: str, data: bytes) -> bytes:
        if name.endswith("models/model.json"):
            text = data.decode()
            start = text.index('"expr_str": "') + len('"expr_str": "')
            end = text.index('"', start)
            return (text[:start] + code.replace('"', '\\"') + text[end:]).encode()
        return data

    changed = _rewritten(path, tmp_path / "changed.pt2", change)
    path.unlink()
    refused = _refused(changed)
    assert "size expression" in str(refused)
    assert not marker.exists()


def test_a_compiled_library_in_the_archive_is_refused(tmp_path):
    _, path = _exported(load_template("seed-mlp"), tmp_path)
    prefix = zipfile.ZipFile(path).namelist()[0].split("/")[0]
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(f"{prefix}/data/aotinductor/model/model.so", b"\x7fELF")
    refused = _refused(path)
    assert "aotinductor" in str(refused)


def test_truncated_and_foreign_files_are_refused_plainly(tmp_path):
    _, path = _exported(load_template("seed-mlp"), tmp_path)
    data = path.read_bytes()
    path.unlink()
    zeros = bytes(20 << 20)
    for name, content in [
        ("cut.pt2", data[: len(data) // 2]),
        ("empty.pt2", b""),
        ("json.pt2", b'{"format": "netstudio-project"}'),
        ("zip.pt2", _zip_with({"notes.txt": b"hello"})),
        # 20 MB of zeros packed small: refused before anything is unpacked.
        ("bomb.pt2", _zip_with({"a/archive_format": b"pt2", "a/models/model.json": zeros})),
    ]:
        path = tmp_path / name
        path.write_bytes(content)
        refused = _refused(path)
        assert name in str(refused) and "torch.export" in str(refused), str(refused)
        path.unlink()
    with pytest.raises(ImportRefused, match="There is no file"):
        import_file(tmp_path / "nowhere.pt2")


def _zip_with(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# nn.Module classes in Python files ----------------------------------------------------------

MODULE_CODE = '''
import torch
from torch import nn

open({marker!r}, "w").close()  # shows whether the file ran


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed(7)
        self.hidden = nn.Linear(6, 8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return torch.softmax(self.out(torch.relu(self.hidden(x))), dim=-1)
'''


def _module_file(tmp_path: Path, code: str = MODULE_CODE) -> tuple[Path, Path]:
    marker = tmp_path / "the-file-ran"
    path = tmp_path / "mlp.py"
    path.write_text(code.format(marker=str(marker)))
    return path, marker


def test_a_module_file_is_not_run_without_consent(tmp_path):
    path, marker = _module_file(tmp_path)
    refused = _refused(path)
    assert "Mlp" in str(refused) and "--run-code" in str(refused)
    assert not marker.exists(), "the file ran without consent"


def test_keras_code_in_a_py_file_is_still_read_not_run(tmp_path):
    path = tmp_path / "keras_model.py"
    path.write_text(
        "from tensorflow import keras\n"
        "from keras import layers\n"
        "model = keras.Sequential([layers.Input(shape=(4,)), layers.Dense(2)])\n"
    )
    project, _, weights = import_file(path)
    assert weights is None
    assert [layer for _, layer, _ in _nodes(project)] == ["Input", "Dense", "Output"]


def test_a_module_class_imports_in_a_child_process_with_its_weights(tmp_path):
    path, marker = _module_file(tmp_path)
    project, report, weights = import_file(path, run_code=True)
    assert marker.exists()  # it ran, in the child
    layers = [layer for _, layer, _ in _nodes(project)]
    assert layers == ["Input", "Dense", "Dense", "Output"]
    assert project.graph.nodes["out"].params["activation"] == "softmax"
    assert project.name == "Mlp"
    assert any("separate process" in text for _, text in report.mapped)
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # the test's own file
    model = namespace["Mlp"]().eval()
    x = torch.randn(4, 6)
    imported = compile_graph(project.graph).eval()
    imported.load_state_dict(weights)
    with torch.no_grad():
        torch.testing.assert_close(imported(x), model(x), atol=1e-5, rtol=1e-5)


def test_a_failing_module_file_is_refused_with_its_line(tmp_path):
    code = MODULE_CODE.replace("self.out = nn.Linear(8, 3)", "self.out = nn.Linear(8, 3 // 0)")
    path, _ = _module_file(tmp_path, code)
    with pytest.raises(ImportRefused) as caught:
        import_file(path, run_code=True)
    refused = caught.value
    assert "could not be traced" in str(refused) and "ZeroDivisionError" in str(refused)
    assert not (tmp_path / "__pycache__").exists()
    line = code.splitlines().index("        self.out = nn.Linear(8, 3 // 0)") + 1
    assert refused.report.not_mapped[0][0] == f"line {line}"


def test_a_module_file_that_runs_too_long_is_stopped(tmp_path):
    from studio.importers.torch_module import import_torch_module

    path = tmp_path / "slow.py"
    path.write_text("import time\ntime.sleep(60)\n")
    with pytest.raises(ImportRefused, match="still running"):
        import_torch_module(path, "Net", ["Net"], timeout=1.0)


# The command line ---------------------------------------------------------------------------


def test_the_import_command_writes_the_project_and_its_weights(tmp_path, capsys):
    from studio.cli import main
    from studio.runs.storage import load_trained

    original, path = _exported(load_template("seed-cnn"), tmp_path)
    target = tmp_path / "imported.json"
    assert main(["import", str(path), "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Imported (" in out and "Conv2D conv2d_1" in out
    project, weights = load_trained(target.with_suffix(".safetensors"))
    _predicts_the_same(original, project, weights)


def test_the_import_command_offers_a_cut_and_makes_it(tmp_path, capsys):
    from studio.cli import main

    torch.manual_seed(0)
    path = _save_program(_SmallCnn(), torch.randn(2, 1, 8, 8), tmp_path / "small_cnn.pt2")
    target = tmp_path / "cut.json"
    assert main(["import", str(path), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "log_softmax" in err and "--cut-at NODE: linear" in err
    assert not target.exists()
    assert main(["import", str(path), "-o", str(target), "--cut-at", "linear"]) == 0
    out = capsys.readouterr().out
    assert "cut off" in out and target.exists()


def test_the_import_command_asks_before_running_a_module_file(tmp_path, capsys):
    from studio.cli import main

    path, marker = _module_file(tmp_path)
    assert main(["import", str(path), "-o", str(tmp_path / "p.json")]) == 1
    assert "--run-code" in capsys.readouterr().err
    assert not marker.exists()
    assert main(["import", str(path), "-o", str(tmp_path / "p.json"), "--cut-at", "x"]) == 1
    assert not marker.exists()


def test_an_option_that_does_not_apply_is_refused(tmp_path):
    path = tmp_path / "keras_model.py"
    path.write_text("from keras import layers, Sequential\n"
                    "model = Sequential([layers.Input(shape=(4,)), layers.Dense(2)])\n")
    with pytest.raises(ImportRefused, match="--cut-at"):
        import_file(path, cut_at="dense")


def test_the_input_shape_option_takes_sizes_without_the_batch():
    import argparse

    from studio.importers.torch_source import parse_input_shape

    assert parse_input_shape("1,28,28") == [1, 28, 28]
    assert parse_input_shape("3x32x32") == [3, 32, 32]
    for wrong in ("", "1,,28", "0,28", "a,b"):
        with pytest.raises(argparse.ArgumentTypeError, match="such as 1,28,28"):
            parse_input_shape(wrong)
