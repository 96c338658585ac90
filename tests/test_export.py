"""Every export, loaded back by the tool a user would load it with, computes what NetStudio's
model computes: safetensors (NetStudio itself), ONNX (onnx.checker + onnxruntime), pt2
(torch.export.load), pt (torch.load(weights_only=True) into the exported source), and the
standalone package (its model.py imported fresh, predict.py and train.py run, and train.py
under torchrun with two processes)."""

import argparse
import importlib.util
import itertools
import json
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
import torch

from studio.compiler import compile_graph, example_inputs
from studio.export import (
    FORMATS,
    ExportError,
    export,
    write_onnx,
    write_pt2,
)
from studio.graph import Graph
from studio.project import Project, load_project, save_project
from studio.runs import RunError, load_trained, save_weights
from studio.source import model_source
from studio.templates import load_template, template_names

ort = pytest.importorskip("onnxruntime")
onnx = pytest.importorskip("onnx")

SUBPROCESS_ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}


# Trained models -----------------------------------------------------------------------------


def trained_model(project: Project, steps: int = 2) -> torch.nn.Module:
    """The drawn model after a few SGD steps on random data: weights no fresh model has."""
    train = compile_graph(project.graph, logits=True)
    optimizer = torch.optim.SGD(train.parameters(), lr=0.05)
    for _ in range(steps):
        out = train(*example_inputs(train.input_types, batch=8))
        optimizer.zero_grad()
        out.float().pow(2).mean().backward()
        optimizer.step()
    model = compile_graph(project.graph)
    model.load_state_dict(train.state_dict())
    return model.eval()


def save_run(folder: Path, project: Project, model: torch.nn.Module) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    save_weights(folder / "model.safetensors", model.state_dict(), project)
    save_project(project, folder / "project.json")
    return folder


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A trained seed CNN as `netstudio train --out` leaves it, and its model."""
    torch.manual_seed(1)
    project = load_template("seed-cnn")
    model = trained_model(project)
    return save_run(tmp_path_factory.mktemp("run"), project, model), project, model


def training_checkpoint(weights: dict) -> dict:
    """A checkpoint as the trainer writes it after one epoch (tensors and plain data)."""
    return {
        "epoch": 1,
        "history": [{"loss": 0.5}],
        "model": weights,
        "optimizer_name": "adam",
        "optimizer": {},
        "schedule": {},
        "torch_rng": torch.get_rng_state(),
        "generator": torch.Generator().get_state(),
        "early_stopping": {"since_best": 0},
    }


def outputs_of(model, batch: int):
    xs = example_inputs(model.input_types, batch=batch)
    with torch.no_grad():
        return xs, model(*xs)


# Formats ------------------------------------------------------------------------------------


def test_safetensors_export_opens_again_in_netstudio_with_its_weights(run, tmp_path):
    folder, project, model = run
    written = export(folder, "safetensors", tmp_path / "bundle")
    assert written == [tmp_path / "bundle.safetensors", tmp_path / "bundle.json"]
    reopened, weights = load_trained(tmp_path / "bundle.safetensors")
    assert reopened.to_dict() == project.to_dict()
    assert load_project(tmp_path / "bundle.json").to_dict() == project.to_dict()
    for key, value in model.state_dict().items():
        torch.testing.assert_close(weights[key], value, rtol=0, atol=0)


def test_onnx_export_is_valid_and_matches_torch_at_batch_1_and_5(run, tmp_path):
    folder, _, model = run
    (path,) = export(folder, "onnx", tmp_path / "model")
    assert path == tmp_path / "model.onnx"
    onnx.checker.check_model(onnx.load(path), full_check=True)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (inp,) = session.get_inputs()
    assert inp.name == "input_1" and isinstance(inp.shape[0], str)  # a named, dynamic batch
    assert [o.name for o in session.get_outputs()] == ["output_1"]
    for batch in (1, 5):
        (x,), expected = outputs_of(model, batch)
        (got,) = session.run(None, {"input_1": x.numpy()})
        torch.testing.assert_close(torch.from_numpy(got), expected, rtol=1e-4, atol=1e-5)


def test_pt2_export_loads_with_torch_export_and_matches_at_two_batch_sizes(run, tmp_path):
    folder, _, model = run
    (path,) = export(folder, "pt2", tmp_path / "model.pt2")
    loaded = torch.export.load(path).module()
    for batch in (1, 5):
        xs, expected = outputs_of(model, batch)
        torch.testing.assert_close(loaded(*xs), expected)


def test_pt_export_is_a_plain_state_dict_for_the_exported_source(run, tmp_path):
    folder, project, model = run
    path, beside = export(folder, "pt", tmp_path / "weights")
    assert (path, beside) == (tmp_path / "weights.pt", tmp_path / "weights.json")
    state = torch.load(path, weights_only=True)
    assert all(torch.is_tensor(v) for v in state.values())
    namespace: dict = {}
    exec(compile(model_source(project.graph, "Exported"), "<exported>", "exec"), namespace)
    exported = namespace["Exported"]()
    exported.load_state_dict(state)
    xs, expected = outputs_of(model, 3)
    with torch.no_grad():
        torch.testing.assert_close(exported.eval()(*xs), expected)
    # NetStudio reads the .pt back too, with the project beside it.
    (again,) = export(path, "pt2", tmp_path / "again")
    torch.testing.assert_close(torch.export.load(again).module()(*xs), expected)


def test_weights_only_formats_refuse_a_project_that_was_never_trained(tmp_path):
    project = tmp_path / "untrained.json"
    save_project(load_template("seed-mlp"), project)
    for fmt in ("pt", "safetensors"):
        with pytest.raises(ExportError, match="without trained weights"):
            export(project, fmt, tmp_path / "w")
    assert not list(tmp_path.glob("w*"))


def test_architecture_formats_export_an_untrained_project_with_a_note(tmp_path):
    project = tmp_path / "untrained.json"
    save_project(load_template("seed-mlp"), project)
    notes: list[str] = []
    (path,) = export(project, "pt2", tmp_path / "m", note=notes.append)
    assert len(notes) == 1 and "freshly initialised" in notes[0]
    x = torch.randn(2, 1, 28, 28)
    # Seeded by the project's seed: exporting twice gives the same weights.
    export(project, "pt2", tmp_path / "again", note=notes.append)
    first, second = (torch.export.load(p).module() for p in (path, tmp_path / "again.pt2"))
    torch.testing.assert_close(first(x), second(x))


def test_weights_that_belong_to_another_model_are_refused_plainly(run, tmp_path):
    _, _, model = run
    other = load_template("seed-mlp")
    save_weights(tmp_path / "w.safetensors", model.state_dict(), other)
    # Refused when read (studio.runs) or when loaded into the model (export), plainly.
    with pytest.raises(RunError, match=r"does not hold this model's weights|do not fit the pro"):
        export(tmp_path / "w.safetensors", "onnx", tmp_path / "out")
    assert not (tmp_path / "out.onnx").exists()


def test_a_run_stopped_before_its_final_weights_exports_its_checkpoint(run, tmp_path):
    from studio.runs import save_checkpoint

    _, project, model = run
    save_project(project, tmp_path / "project.json")
    save_checkpoint(tmp_path / "checkpoint.pt", training_checkpoint(model.state_dict()))
    notes: list[str] = []
    (path,) = export(tmp_path, "pt2", tmp_path / "m", note=notes.append)
    assert notes == [
        f"{tmp_path} has no model.safetensors: exporting its last checkpoint (epoch 1)"
    ]
    xs, expected = outputs_of(model, 2)
    torch.testing.assert_close(torch.export.load(path).module()(*xs), expected)


def test_unknown_format_and_missing_source_are_plain_errors(run, tmp_path):
    folder, _, _ = run
    with pytest.raises(ExportError, match="Unknown export format 'tflite'"):
        export(folder, "tflite", tmp_path / "x")
    with pytest.raises(ExportError, match="no weights file"):
        export(tmp_path / "missing.pt", "onnx", tmp_path / "x")
    assert issubclass(ExportError, RunError)


def test_cli_offers_every_export_format():
    from studio.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    (fmt,) = [a for a in commands.choices["export"]._actions if a.dest == "format"]
    assert tuple(fmt.choices) == FORMATS


# A layer that cannot be exported is named --------------------------------------------------


def _graph_with_gelu() -> Graph:
    graph = Graph()
    chain = [
        graph.add_node("Input", {"shape": [6]}),
        graph.add_node("Dense", {"units": 4}),
        graph.add_node("GELU"),
        graph.add_node("Dense", {"units": 3}),
    ]
    for a, b in itertools.pairwise(chain):
        graph.connect(a.id, b.id)
    return graph


@pytest.mark.parametrize(
    ("fmt", "exporter", "write"),
    [("pt2 (torch.export)", torch.export, write_pt2), ("ONNX", torch.onnx, write_onnx)],
    ids=["pt2", "onnx"],
)
def test_a_layer_the_exporter_rejects_is_named_in_plain_words(
    monkeypatch, tmp_path, fmt, exporter, write
):
    real_export = exporter.export

    def export_without_gelu(module, *args, **kwargs):
        if any("gelu" in str(node.target) for node in module.graph.nodes):
            raise RuntimeError("no rule for aten.gelu\nlong internal details")
        return real_export(module, *args, **kwargs)

    monkeypatch.setattr(exporter, "export", export_without_gelu)
    graph = _graph_with_gelu()
    with pytest.raises(ExportError) as caught:
        write(compile_graph(graph).eval(), tmp_path / "m", graph=graph)
    assert str(caught.value) == (
        f"The layer gelu_1 (GELU) cannot be exported to {fmt}: no rule for aten.gelu. "
        "Replace it or export another format."
    )
    assert not (tmp_path / "m").exists()


# The standalone package ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(run, tmp_path_factory):
    folder, _, model = run
    target = tmp_path_factory.mktemp("package") / "seed_cnn"
    written = export(folder, "py", target)
    return target, written, model


def python(*args, cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _import_fresh(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_holds_source_weights_scripts_and_readme(package):
    folder, written, _ = package
    names = sorted(p.name for p in written)
    assert names == sorted(
        [
            "model.py",
            "model.safetensors",
            "config.json",
            "common.py",
            "predict.py",
            "train.py",
            "README.md",
        ]
    )
    for script in ("model.py", "common.py", "predict.py", "train.py"):
        text = (folder / script).read_text()
        assert "studio" not in re.findall(r"^\s*(?:from|import)\s+(\w+)", text, re.M)
    readme = (folder / "README.md").read_text()
    assert "torchrun --nnodes=2 --node_rank=0" in readme and "--nproc_per_node" in readme
    config = json.loads((folder / "config.json").read_text())
    assert config["output"]["final_activation"] == "softmax"
    assert config["training_class"] == "SeedCNNMNISTForTraining"


def test_package_source_imported_fresh_computes_the_trained_model(package):
    from safetensors.torch import load_file

    folder, _, model = package
    source = _import_fresh(folder / "model.py", "exported_seed_cnn")
    weights = load_file(str(folder / "model.safetensors"))
    drawn, training = source.SeedCNNMNIST(), source.SeedCNNMNISTForTraining()
    drawn.load_state_dict(weights)
    training.load_state_dict(weights)
    xs, expected = outputs_of(model, 4)
    with torch.no_grad():
        torch.testing.assert_close(drawn.eval()(*xs), expected)
        # The training forward stops before the softmax: the loss applies it, once.
        torch.testing.assert_close(training.eval()(*xs).softmax(-1), expected)


def test_predict_py_prints_the_trained_models_classes(package, tmp_path):
    folder, _, model = package
    (x,), expected = outputs_of(model, 3)
    np.save(tmp_path / "x.npy", x.numpy())
    result = python("predict.py", "--input", str(tmp_path / "x.npy"), "--top", "1", cwd=folder)
    printed = [int(c) for c in re.findall(r"sample \d+: class (\d+)", result.stdout)]
    assert printed == expected.argmax(-1).tolist()


def test_package_reads_safetensors_without_the_safetensors_package(package, monkeypatch):
    from safetensors.torch import load_file

    folder, _, _ = package
    weights = folder / "model.safetensors"
    monkeypatch.syspath_prepend(str(folder))
    try:
        common = importlib.import_module("common")  # the package's, beside its model.py
        ours, library = common.read_safetensors(weights), load_file(str(weights))
    finally:
        for name in ("common", "model"):
            sys.modules.pop(name, None)
    assert ours.keys() == library.keys()
    assert all(torch.equal(ours[k], library[k]) for k in ours)


def test_train_py_alone_on_npz_data_checkpoints_and_learns(package, tmp_path):
    folder, _, model = package
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(96, 28, 28, generator=generator)  # (N, 28, 28): reshaped to 1×28×28
    y = torch.randint(0, 10, (96,), generator=generator)
    np.savez(tmp_path / "d.npz", x_train=x.numpy(), y_train=y.numpy(), x_test=x[:32].numpy(),
             y_test=y[:32].numpy())  # fmt: skip
    final, checkpoints = tmp_path / "final.pt", tmp_path / "ck"
    args = ["train.py", "--data", str(tmp_path / "d.npz"), "--epochs", "2", "--batch-size", "32"]
    args += ["--init-weights", "model.safetensors", "--checkpoint-dir", str(checkpoints)]
    result = python(*args, "--save-final", str(final), cwd=folder)
    assert "epoch 2/2" in result.stdout and "test accuracy" in result.stdout
    trained = torch.load(final, weights_only=True)
    start = model.state_dict()
    assert any(not torch.equal(trained[k], start[k]) for k in start)
    checkpoint = torch.load(checkpoints / "checkpoint.pt", weights_only=True)
    assert checkpoint["epoch"] == 2 and checkpoint["step"] == 6
    assert all(torch.equal(checkpoint["model"][k], trained[k]) for k in trained)


PACKAGE_MODULES = ("common", "model", "predict", "train")


@contextmanager
def package_modules(folder: Path, monkeypatch):
    """Import the package's scripts in this process (fast: torch is already loaded), as
    `python train.py` would from its folder; they are forgotten afterwards."""
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delenv("WORLD_SIZE", raising=False)  # one process, no torchrun
    try:
        yield importlib.import_module
    finally:
        for name in PACKAGE_MODULES:
            sys.modules.pop(name, None)


@pytest.mark.parametrize("name", template_names())
def test_every_template_package_trains_and_predicts(name, tmp_path, monkeypatch, capsys):
    from studio import pretrained_weights

    project = load_template(name)
    # A pretrained backbone's weights file (transfer-learning's), faked in a fresh cache:
    # nothing downloads here. The package built inside this process reads it from there.
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch-home"))
    monkeypatch.setattr(torch.hub, "_hub_dir", None)

    def fake_fetch(arch, weights, progress=None, cancelled=None):
        import torchvision

        path = pretrained_weights.weights_file(arch, weights).path
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(torchvision.models.get_model(arch).state_dict(), path)
        return path

    monkeypatch.setattr(pretrained_weights, "fetch_weights", fake_fetch)
    pretrained_weights.fetch_for_graph(project.graph)
    save_project(project, tmp_path / "project.json")
    folder = tmp_path / "package"
    export(tmp_path / "project.json", "py", folder, note=lambda _: None)
    monkeypatch.chdir(tmp_path)
    with package_modules(folder, monkeypatch) as load:
        train, predict = load("train"), load("predict")
        args = ["--samples", "32", "--batch-size", "16", "--epochs", "1", "--save-final", "w.pt"]
        train.train(train.parse_args(args))
        predict.main(["--weights", "w.pt", "--count", "2"])
    out = capsys.readouterr().out
    assert "epoch 1/1  step 2  loss" in out and "sample 1:" in out
    assert (tmp_path / "checkpoints" / "checkpoint.pt").is_file()


def test_package_of_a_two_input_model_with_tokens_trains_on_npz(tmp_path, monkeypatch, capsys):
    # Token ids through an Embedding, joined with plain features; a yes/no head whose sigmoid
    # the binary cross-entropy applies itself.
    graph = Graph()
    tokens = graph.add_node("Input", {"shape": [5], "dtype": "int64"}, node_id="tokens")
    features = graph.add_node("Input", {"shape": [3]}, node_id="features")
    embed = graph.add_node("Embedding", {"input_dim": 20, "output_dim": 4})
    flat = graph.add_node("Flatten")
    join = graph.add_node("Concatenate")
    head = graph.add_node("Dense", {"units": 1, "activation": "sigmoid"})
    out = graph.add_node("Output", {"loss": "binary_cross_entropy"})
    for a, b, port in (
        (tokens, embed, 0),
        (embed, flat, 0),
        (flat, join, 0),
        (features, join, 1),
        (join, head, 0),
        (head, out, 0),
    ):
        graph.connect(a.id, b.id, port)
    save_project(Project(name="Two inputs", graph=graph), tmp_path / "p.json")
    folder = tmp_path / "package"
    export(tmp_path / "p.json", "py", folder, note=lambda _: None)
    config = json.loads((folder / "config.json").read_text())
    assert config["inputs"][0] == {"name": "tokens", "shape": [5], "dtype": "int64", "high": 20}
    assert config["output"]["final_activation"] == "sigmoid"

    generator = torch.Generator().manual_seed(0)
    arrays = {
        "x_train_tokens": torch.randint(0, 20, (24, 5), generator=generator).numpy(),
        "x_train_features": torch.randn(24, 3, generator=generator).numpy(),
        "y_train": torch.randint(0, 2, (24,), generator=generator).numpy(),
    }
    np.savez(tmp_path / "d.npz", **arrays)
    monkeypatch.chdir(tmp_path)
    with package_modules(folder, monkeypatch) as load:
        train, predict = load("train"), load("predict")
        args = ["--data", "d.npz", "--batch-size", "8", "--epochs", "2", "--save-final", "w.pt"]
        train.train(train.parse_args(args))
        predict.main(["--weights", "w.pt", "--count", "3"])  # synthetic ids stay below 20
    printed = capsys.readouterr().out
    assert "epoch 2/2  step 6" in printed and "accuracy" in printed
    assert printed.count("probability") == 3


def test_package_of_a_model_without_an_output_layer_predicts_but_does_not_train(
    tmp_path, monkeypatch, capsys
):
    graph = Graph()
    x = graph.add_node("Input", {"shape": [4]})
    graph.connect(x.id, graph.add_node("Dense", {"units": 2}).id)
    save_project(Project(name="No head", graph=graph), tmp_path / "p.json")
    notes: list[str] = []
    written = export(tmp_path / "p.json", "py", tmp_path / "package", note=notes.append)
    assert "train.py" not in [p.name for p in written]
    assert any("train.py was not written" in n and "none" in n for n in notes)
    assert "`train.py` is not included" in (tmp_path / "package" / "README.md").read_text()
    with package_modules(tmp_path / "package", monkeypatch) as load:
        load("predict").main(["--count", "2"])
    assert "sample 1: output (2,)" in capsys.readouterr().out


@pytest.mark.slow
def test_train_py_under_torchrun_keeps_both_ranks_identical(tmp_path):
    # A small model with BatchNorm (per-rank running statistics) and Dropout, never trained:
    # the package has no weights and train.py starts from the seed.
    graph = Graph()
    chain = [
        graph.add_node("Input", {"shape": [1, 8, 8]}),
        graph.add_node("Conv2D", {"filters": 4, "activation": "relu"}),
        graph.add_node("BatchNorm"),
        graph.add_node("Flatten"),
        graph.add_node("Dropout", {"rate": 0.2}),
        graph.add_node("Dense", {"units": 3, "activation": "softmax"}),
        graph.add_node("Output", {"loss": "cross_entropy"}),
    ]
    for a, b in itertools.pairwise(chain):
        graph.connect(a.id, b.id)
    save_project(Project(name="Tiny DDP", graph=graph), tmp_path / "tiny.json")
    notes: list[str] = []
    export(tmp_path / "tiny.json", "py", tmp_path / "pkg", note=notes.append)
    assert any("no trained weights" in n for n in notes)

    folder = tmp_path / "pkg"
    args = ["-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", "train.py"]
    args += ["--samples", "96", "--batch-size", "8", "--epochs", "2", "--max-steps", "8"]
    result = python(*args, "--save-final", "final.pt", "--save-every-rank", cwd=folder)
    out = result.stdout
    assert "[rank 0] of 2 on cpu: 48 of 96 samples" in out
    assert "[rank 1] of 2 on cpu: 48 of 96 samples" in out
    # Rank 0 wrote every checkpoint (two epochs: 6 steps, then 2 more) and rank 1 none.
    assert out.count("[rank 0] saved checkpoint") == 2
    assert "[rank 1] saved" not in out
    assert sorted(p.name for p in (folder / "checkpoints").iterdir()) == ["checkpoint.pt"]
    assert torch.load(folder / "checkpoints" / "checkpoint.pt", weights_only=True)["step"] == 8

    final = torch.load(folder / "final.pt", weights_only=True)
    rank0 = torch.load(folder / "final.rank0.pt", weights_only=True)
    rank1 = torch.load(folder / "final.rank1.pt", weights_only=True)
    assert final.keys() == rank1.keys() and "batch_norm_1.running_mean" in final
    for key in final:
        assert torch.equal(rank0[key], final[key]) and torch.equal(rank1[key], final[key]), key
    torch.manual_seed(0)  # train.py's seed: its initial weights
    initial = _import_fresh(folder / "model.py", "tiny_ddp").TinyDDPForTraining().state_dict()
    assert not torch.equal(initial["dense_1.weight"], final["dense_1.weight"])


def test_a_layer_that_declares_it_cannot_go_to_onnx_is_refused_before_tracing(
    monkeypatch, tmp_path
):
    import dataclasses

    from studio.layers import registry

    gelu = registry.get_layer("GELU")
    reason = "no rule for it in this ONNX version"
    monkeypatch.setitem(
        registry._REGISTRY, "GELU", dataclasses.replace(gelu, cannot_export={"onnx": reason})
    )
    graph = _graph_with_gelu()

    def no_trace(*args, **kwargs):
        raise AssertionError("a declared layer is refused before any tracing")

    monkeypatch.setattr("studio.export.export_program", no_trace)
    with pytest.raises(ExportError) as caught:
        write_onnx(compile_graph(graph).eval(), tmp_path / "m.onnx", graph=graph)
    assert str(caught.value) == (
        f"The layer gelu_1 (GELU) cannot be exported to ONNX: {reason}. "
        "Replace it or export another format."
    )
    assert not (tmp_path / "m.onnx").exists()
