"""Exports never destroy anything they were not asked to write.

An existing file (the project JSON written beside .pt and .safetensors weights included) is
refused unless force=True; the file being exported is never written over; an extension of
another format is refused rather than silently renamed; the py package is written beside its
folder and moved into place, so a failure leaves the old folder or nothing.
"""

import json
from pathlib import Path

import pytest

from studio.compiler import compile_graph
from studio.export import ExportError, TargetExistsError, export
from studio.export_package.labels import class_names
from studio.graph import Graph
from studio.project import Project, save_project
from studio.runs import save_weights
from studio.source import model_source

QUIET = {"note": lambda _: None}


def tiny_project(name: str = "Tiny") -> Project:
    graph = Graph()
    x = graph.add_node("Input", {"shape": [4]})
    dense = graph.add_node("Dense", {"units": 3, "activation": "softmax"})
    out = graph.add_node("Output", {"loss": "cross_entropy"})
    graph.connect(x.id, dense.id)
    graph.connect(dense.id, out.id)
    return Project(name=name, graph=graph)


@pytest.fixture
def run(tmp_path) -> Path:
    folder = tmp_path / "run"
    folder.mkdir()
    project = tiny_project()
    save_project(project, folder / "project.json")
    save_weights(folder / "model.safetensors", compile_graph(project.graph).state_dict(), project)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# Existing files -----------------------------------------------------------------------------


def test_the_users_project_beside_the_weights_is_not_replaced(run, tmp_path):
    # The issue: `export run --format pt -o mine` replaced the user's mine.json.
    mine = tmp_path / "mine.json"
    save_project(tiny_project("My edited project"), mine)
    before = mine.read_bytes()
    with pytest.raises(TargetExistsError, match=r"mine\.json already exists") as caught:
        export(run, "pt", tmp_path / "mine", **QUIET)
    assert caught.value.paths == [mine] and "--force" in str(caught.value)
    assert mine.read_bytes() == before and not (tmp_path / "mine.pt").exists()
    written = export(run, "pt", tmp_path / "mine", force=True, **QUIET)
    assert written == [tmp_path / "mine.pt", mine]
    assert json.loads(mine.read_text())["name"] == "Tiny"


def test_weights_and_project_both_existing_are_named_together(run, tmp_path):
    export(run, "safetensors", tmp_path / "m", **QUIET)
    before = snapshot(tmp_path)
    with pytest.raises(TargetExistsError, match=r"m\.safetensors and .*m\.json already exist"):
        export(run, "safetensors", tmp_path / "m", **QUIET)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("fmt", "name"), [("pt2", "m.pt2"), ("py", "m.py"), ("safetensors", "m.safetensors")]
)
def test_an_existing_file_is_refused_unless_forced(run, tmp_path, fmt, name):
    target = tmp_path / name
    target.write_text("the user's file")
    with pytest.raises(TargetExistsError, match="already exists"):
        export(run, fmt, target, **QUIET)
    assert target.read_text() == "the user's file"
    assert export(run, fmt, target, force=True, **QUIET)[0] == target
    assert target.read_bytes() != b"the user's file"


def test_what_is_being_exported_is_never_written_over(run, tmp_path):
    weights, beside = export(run, "pt", tmp_path / "w.pt", **QUIET)
    before = snapshot(tmp_path)
    refused = [
        (weights, "pt", "w.pt"),  # the weights themselves
        (weights, "safetensors", "w"),  # the project beside them: w.json
        (run, "safetensors", "run/model"),  # the run folder's own weights
        (beside, "py", "w.json"),  # a project file: a wrong extension for py
    ]
    for source, fmt, target in refused:
        with pytest.raises(ExportError, match=r"being exported|ends in \.json"):
            export(source, fmt, tmp_path / target, force=True, **QUIET)
    assert snapshot(tmp_path) == before


# Names and extensions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "given", "written"),
    [
        ("onnx", "model", ["model.onnx"]),
        ("pt2", "model.pt2", ["model.pt2"]),
        ("pt2", "model.PT2", ["model.PT2"]),
        ("pt2", "run-0.5", ["run-0.5.pt2"]),
        ("pt", "weights.pth", ["weights.pth", "weights.json"]),
        ("safetensors", "w", ["w.safetensors", "w.json"]),
        ("py", "model.py", ["model.py"]),
    ],
)
def test_the_path_given_is_the_path_written(run, tmp_path, fmt, given, written):
    assert export(run, fmt, tmp_path / given, **QUIET) == [tmp_path / w for w in written]


@pytest.mark.parametrize(
    ("fmt", "given", "advice"),
    [
        ("onnx", "model.pt", "name it model.onnx, or choose the format pt"),
        ("pt", "model.onnx", "name it model.pt, or choose the format onnx"),
        ("pt2", "model.json", "the extension of project files"),
        ("py", "model.onnx", "name it model or model.py"),
        ("safetensors", "model.pth", "name it model.safetensors, or choose the format pt"),
    ],
)
def test_an_extension_of_another_format_is_refused(run, tmp_path, fmt, given, advice):
    before = set(tmp_path.iterdir())
    with pytest.raises(ExportError, match=advice) as caught:
        export(run, fmt, tmp_path / given, **QUIET)
    assert "\n" not in str(caught.value)
    assert set(tmp_path.iterdir()) == before


# The py package's folder --------------------------------------------------------------------


def test_an_earlier_package_is_replaced_only_when_forced(run, tmp_path):
    folder = tmp_path / "package"
    export(run, "py", folder, **QUIET)
    (folder / "model.py").write_text("# edited by hand")
    with pytest.raises(TargetExistsError, match="already holds an earlier package export"):
        export(run, "py", folder, **QUIET)
    assert (folder / "model.py").read_text() == "# edited by hand"
    written = export(run, "py", folder, force=True, **QUIET)
    assert {p.name for p in written} == {p.name for p in folder.iterdir()}
    assert (folder / "model.py").read_text().startswith('"""Tiny: written by NetStudio')
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_folder_holding_anything_else_is_never_deleted_even_when_forced(run, tmp_path):
    folder = tmp_path / "package"
    export(run, "py", folder, **QUIET)
    (folder / "trained.pt").write_bytes(b"a model trained for hours")
    with pytest.raises(ExportError, match=r"holds files that an export did not write \(trained"):
        export(run, "py", folder, force=True, **QUIET)
    assert (folder / "trained.pt").read_bytes() == b"a model trained for hours"
    home = tmp_path / "home"
    home.mkdir()
    (home / "README.md").write_text("mine")
    with pytest.raises(ExportError, match="is not an earlier NetStudio package export"):
        export(run, "py", home, force=True, **QUIET)
    assert snapshot(home) == {"README.md": b"mine"}


def test_an_empty_folder_is_filled_and_a_file_is_refused(run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()  # as a folder dialog makes it
    assert (empty / "model.py") in export(run, "py", empty, **QUIET)
    (tmp_path / "notes").write_text("a file")
    with pytest.raises(ExportError, match="is a file or a link"):
        export(run, "py", tmp_path / "notes", force=True, **QUIET)
    assert (tmp_path / "notes").read_text() == "a file"


def test_a_failed_package_export_leaves_the_old_folder_intact(run, tmp_path, monkeypatch):
    folder = tmp_path / "package"
    export(run, "py", folder, **QUIET)
    before = snapshot(folder)

    def broken_readme(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("studio.export_package.readme.readme", broken_readme)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(run, "py", folder, force=True, **QUIET)
    assert snapshot(folder) == before
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(run, "py", tmp_path / "new", **QUIET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package", "run"]  # no leftovers


def test_a_failed_move_into_place_puts_the_old_folder_back(run, tmp_path, monkeypatch):
    import studio.export_targets as targets

    folder = tmp_path / "package"
    export(run, "py", folder, **QUIET)
    before = snapshot(folder)
    real_rename = targets.os.rename

    def rename(src, dst):
        if str(src).endswith(".export"):  # the new package taking the old one's place
            raise PermissionError(13, "Permission denied")
        return real_rename(src, dst)

    monkeypatch.setattr(targets.os, "rename", rename)
    with pytest.raises(ExportError, match="Nothing was changed there") as caught:
        export(run, "py", folder, force=True, **QUIET)
    assert "Permission denied" in str(caught.value)
    assert snapshot(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package", "run"]


# Class names in predict.py ------------------------------------------------------------------


def test_class_names_come_from_the_run_then_the_data_set(tmp_path):
    project = tiny_project()
    project.dataset = {**project.dataset, "name": "mnist"}
    run = tmp_path / "run"
    run.mkdir()
    assert class_names(run, project) == [str(d) for d in range(10)]
    # Training fell back to Fashion-MNIST: the run's record says so, and wins.
    (run / "run.json").write_text(json.dumps({"dataset": {"used": "fashion-mnist"}}))
    assert class_names(run, project)[9] == "Ankle boot"
    (run / "metrics.json").write_text(json.dumps({"classes": ["cat", "dog\n", "bird"]}))
    assert class_names(run, project) == ["cat", "dog\\n", "bird"]
    (run / "run.json").write_text(json.dumps({"dataset": {"classes": ["x", "y", "z"]}}))
    assert class_names(run, project) == ["x", "y", "z"]
    (run / "run.json").write_text("{damaged")
    assert class_names(run, project) == ["cat", "dog\\n", "bird"]
    project.dataset = {**project.dataset, "name": "image-folder"}
    assert class_names(tmp_path / "project.json", project) is None


def test_predict_py_prints_class_names(run, tmp_path, monkeypatch, capsys):
    import importlib
    import sys

    (run / "metrics.json").write_text(json.dumps({"classes": ["cat", "dog", "bird"]}))
    folder = export(run, "py", tmp_path / "package", **QUIET)[0].parent
    assert json.loads((folder / "config.json").read_text())["classes"] == ["cat", "dog", "bird"]
    monkeypatch.syspath_prepend(str(folder))
    try:
        importlib.import_module("predict").main(["--count", "2", "--top", "3"])
    finally:
        for name in ("predict", "common", "model"):
            sys.modules.pop(name, None)
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("sample")]
    assert len(lines) == 2
    for line in lines:
        assert all(f"{n} (class {k}) " in line for k, n in enumerate(["cat", "dog", "bird"]))


def test_names_that_do_not_fit_the_output_are_left_out(run, tmp_path):
    (run / "metrics.json").write_text(json.dumps({"classes": ["only", "two"]}))
    folder = export(run, "py", tmp_path / "package", **QUIET)[0].parent
    assert json.loads((folder / "config.json").read_text())["classes"] is None


def test_model_source_is_unchanged_for_plain_names():
    source = model_source(tiny_project().graph, "Tiny", "Tiny")
    assert "PROJECT_NAME = 'Tiny'" in source and "class Tiny(nn.Module)" in source
