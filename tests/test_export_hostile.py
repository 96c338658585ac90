"""Hostile text through every export: it never leaves its string literal or its line, never
runs, and never stops an export with a traceback.

Project names, descriptions and class names come from files users download and share. Each
hostile piece below is tried alone in the generated source, and all of them together (as the
project's name, description, data set and class names) through every export format. The
generated packages then run in a fresh Python process, in a scratch folder, and a marker file
that the payloads would create must not appear.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import onnx
import pytest
import torch

from studio.compiler import compile_graph
from studio.errors import StudioError
from studio.export import FORMATS, ExportError, export
from studio.graph import Edge, Graph
from studio.project import Project, load_project
from studio.runs import load_trained, save_weights
from studio.safe_text import one_line, python_string
from studio.source import SourceEmitter, SourceError, class_name, model_source

MARKER = "PWNED"
TOUCH = f"__import__('os').system('touch {MARKER}')"
HOSTILE = {
    "triple-double-quote": f'X""";__import__("os").system("touch {MARKER}");"""',
    "triple-single-quote": f"X''';{TOUCH};'''",
    "quotes-and-backslash": f'it\'s "quoted" {TOUCH} and ends in a backslash \\',
    "newline": f"two lines\n{TOUCH}",
    "carriage-return": f"two lines\r{TOUCH}",
    "nul": f"nul\x00{TOUCH}",
    "lone-surrogate": "lone \ud800 surrogate",
    # Python reads a coding declaration on a file's first two lines; UTF-7 decodes +AAo- to \n.
    "coding-declaration": f"# -*- coding: utf-7 -*- +AAo-{TOUCH}",
    "unicode-line-breaks": f"a\u2028b\u2029c\x85d\x0be\x0cf{TOUCH}",
    "bidi-and-terminal-codes": "\u202eevil\x1b[31mred\x1b[0m",
    "keyword-class-name": "None",
    "chinese": "手写数字",
}
SURROGATE = "\ud800"
ALL_BUT_SURROGATES = " | ".join(v for v in HOSTILE.values() if SURROGATE not in v)
SUBPROCESS_ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def tiny_graph() -> Graph:
    graph = Graph()
    x = graph.add_node("Input", {"shape": [4]})
    dense = graph.add_node("Dense", {"units": 3, "activation": "softmax"})
    out = graph.add_node("Output", {"loss": "cross_entropy"})
    graph.connect(x.id, dense.id)
    graph.connect(dense.id, out.id)
    return graph


def hostile_project(text: str) -> Project:
    project = Project(name=text, graph=tiny_graph(), description=text)
    project.dataset = {**project.dataset, "name": text, "path": text}
    return project


def write_run(folder: Path, project: Project, classes: list[str]) -> Path:
    """A run folder as training leaves it, with hostile class names recorded. The JSON is
    written escaped (ensure_ascii), as a lone surrogate cannot be written as UTF-8."""
    folder.mkdir(parents=True)
    (folder / "project.json").write_text(json.dumps(project.to_dict()), encoding="utf-8")
    weights = compile_graph(project.graph).state_dict()
    save_weights(folder / "model.safetensors", weights, project)
    (folder / "metrics.json").write_text(json.dumps({"classes": classes}), encoding="utf-8")
    return folder


@pytest.fixture
def arrives(monkeypatch):
    """`arrives[path] = project` makes the exporter receive that project (with fresh weights)
    from `path`, as if it had been read from there. The project loader refuses much of the
    hostile text below (NUL, lone surrogates); the exporter must hold even if some arrives."""
    from studio import export as exporter

    projects: dict[str, Project] = {}
    real = exporter.load_source

    def load_source(source, note=None):
        project = projects.get(str(source))
        if project is None:
            return real(source, note)
        return project, compile_graph(project.graph).state_dict()

    monkeypatch.setattr(exporter, "load_source", load_source)
    return projects


def no_marker_anywhere(*roots: Path) -> None:
    for root in roots:
        assert not list(root.rglob(MARKER)), f"the payload ran: {MARKER} under {root}"


def assert_plain_source(source: str, title: str) -> None:
    """Parses; its module level is only imports, assignments, classes and the main block;
    holds no control character but newlines; keeps user text off the first two lines; and
    PROJECT_NAME evaluates back to exactly `title`."""
    tree = ast.parse(source)
    allowed = (ast.Import, ast.ImportFrom, ast.Assign, ast.ClassDef, ast.If)
    docstring, *body = tree.body
    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)
    assert all(isinstance(node, allowed) for node in body), [type(n).__name__ for n in body]
    assert all(c == "\n" or c.isprintable() for c in source)
    source.encode("utf-8")
    assert "coding" not in "".join(source.splitlines(keepends=True)[:2])
    (name,) = [
        node.value
        for node in body
        if isinstance(node, ast.Assign) and node.targets[0].id == "PROJECT_NAME"
    ]
    assert ast.literal_eval(name) == title


# The generator itself ----------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_model_source_holds_hostile_text_only_as_a_literal(text):
    source = model_source(tiny_graph(), class_name(text), text)
    assert_plain_source(source, text)
    namespace: dict = {"__name__": "exported"}
    exec(compile(source, "<exported>", "exec"), namespace)  # defines, runs nothing
    assert namespace["PROJECT_NAME"] == text
    assert namespace[class_name(text)]()(torch.randn(2, 4)).shape == (2, 3)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_literals_and_lines_hold_any_text(text):
    assert ast.literal_eval(python_string(text)) == text
    assert python_string(text).isascii() and python_string(text).isprintable()
    line = one_line(text)
    assert line.isprintable() and len(line.splitlines()) == 1
    line.encode("utf-8")


@pytest.mark.parametrize(
    "bad_id", ["dense_1\n", "dense_1\r", "dense_1;x", "import", "eval", "_modules", "Dense_1"]
)
def test_a_node_id_that_is_not_a_python_name_is_refused_plainly(tmp_path, monkeypatch, bad_id):
    # The graph refuses such ids when it loads them; the exporter must hold even if one arrives.
    graph = tiny_graph()
    node = graph.nodes.pop("dense_1")
    node.id = bad_id
    graph.nodes[bad_id] = node
    graph.edges = [
        Edge(bad_id if e.source == "dense_1" else e.source,
             bad_id if e.target == "dense_1" else e.target, e.port)
        for e in graph.edges
    ]  # fmt: skip
    project = Project(name="bad id", graph=graph)
    monkeypatch.setattr("studio.export.load_source", lambda source, note: (project, None))
    for fmt, target in (("py", "pkg"), ("py", "model.py"), ("onnx", "m.onnx")):
        with pytest.raises(SourceError, match="cannot be written as Python source") as caught:
            export(tmp_path / "p.json", fmt, tmp_path / target)
        assert python_string(bad_id) in str(caught.value) and "\n" not in str(caught.value)
        assert isinstance(caught.value, StudioError)  # the CLI and the app show its message
    assert sorted(tmp_path.iterdir()) == []


def test_a_shared_value_never_takes_the_name_of_a_node():
    emitter = SourceEmitter({"add_1", "add_1_0", "add_1_1"})
    assert emitter._fresh_name("add_1") == "add_1_2"
    assert emitter._fresh_name("add_1") == "add_1_3"


# Every format, end to end -------------------------------------------------------------------


@pytest.fixture
def hostile_run(tmp_path, arrives):
    classes = [HOSTILE["triple-double-quote"], HOSTILE["newline"], HOSTILE["nul"]]
    project = hostile_project(ALL_BUT_SURROGATES)
    run = write_run(tmp_path / "run", project, classes)
    arrives[str(run)] = project
    return run, project, classes


TARGETS = {"py": "package", "py-file": "model.py", "onnx": "m", "pt2": "m", "pt": "m"}
TARGETS["safetensors"] = "m"


def _written_project(fmt: str, written: list[Path]) -> dict:
    """The project as the export wrote it, read as plain JSON: the loader's own rules on text
    (it refuses NUL, for one) are not the exporter's business."""
    if fmt == "safetensors":
        from safetensors import safe_open

        with safe_open(str(written[0]), framework="pt") as f:
            embedded = json.loads(f.metadata()["project"])
        assert embedded == json.loads(written[1].read_text("utf-8"))
    return json.loads(written[1].read_text("utf-8"))


@pytest.mark.parametrize("fmt", TARGETS, ids=TARGETS)
def test_hostile_text_round_trips_through_every_format(hostile_run, tmp_path, fmt):
    run, project, _ = hostile_run
    out = tmp_path / "out"
    written = export(run, fmt.removesuffix("-file"), out / TARGETS[fmt], note=lambda _: None)
    main = written[0]
    if fmt == "py":
        folder = main.parent
        assert_plain_source((folder / "model.py").read_text("utf-8"), project.name)
        config = json.loads((folder / "config.json").read_text("utf-8"))
        assert config["name"] == one_line(project.name) and "\n" not in config["name"]
        readme = (folder / "README.md").read_text("utf-8")
        assert readme.startswith(f"# {one_line(project.name)}\n\n")
    elif fmt == "py-file":
        assert_plain_source(main.read_text("utf-8"), project.name)
    elif fmt == "onnx":
        doc = onnx.load(main).doc_string
        assert doc == f"{one_line(project.name)}: exported by NetStudio"
    elif fmt == "pt2":
        assert torch.export.load(main).module()(torch.randn(2, 4)).shape == (2, 3)
    else:  # weights with the project beside them (and inside, for safetensors), text intact
        written_project = _written_project(fmt, written)
        assert written_project["name"] == project.name
        assert written_project["description"] == project.description
    no_marker_anywhere(tmp_path)


@pytest.mark.parametrize("fmt", TARGETS, ids=TARGETS)
def test_the_headline_payload_through_the_real_loader_and_every_format(tmp_path, fmt):
    # The name of issue 12, read from a real run folder (the loader accepts quotes).
    name = HOSTILE["triple-double-quote"]
    run = write_run(tmp_path / "run", hostile_project(name), ["a", "b", "c"])
    written = export(run, fmt.removesuffix("-file"), tmp_path / TARGETS[fmt], note=lambda _: None)
    assert written and all(p.exists() for p in written)
    if fmt.startswith("py"):
        model = written[0] if fmt == "py-file" else written[0].parent / "model.py"
        assert_plain_source(model.read_text("utf-8"), name)
    if fmt in ("pt", "safetensors"):
        assert load_project(written[1]).name == name
        assert load_trained(run)[0].name == name
    no_marker_anywhere(tmp_path)


def test_every_format_is_covered():
    assert {f.removesuffix("-file") for f in TARGETS} == set(FORMATS)


def test_a_lone_surrogate_that_reaches_the_exporter_is_written_escaped_or_refused(
    tmp_path, arrives
):
    project = hostile_project(" | ".join(HOSTILE.values()))
    source = tmp_path / "run"
    arrives[str(source)] = project
    quiet = {"note": lambda _: None}
    package = export(source, "py", tmp_path / "package", **quiet)[0].parent
    assert_plain_source((package / "model.py").read_text("utf-8"), project.name)
    (single,) = export(source, "py", tmp_path / "model.py", **quiet)
    assert_plain_source(single.read_text("utf-8"), project.name)
    (path,) = export(source, "onnx", tmp_path / "m.onnx", **quiet)
    assert SURROGATE not in onnx.load(path).doc_string
    assert export(source, "pt2", tmp_path / "m.pt2", **quiet)[0].is_file()
    for fmt in ("pt", "safetensors"):
        with pytest.raises(ExportError, match="lone surrogate"):
            export(source, fmt, tmp_path / "w", **quiet)
    assert not list(tmp_path.glob("w*"))
    no_marker_anywhere(tmp_path)


# The packages run -------------------------------------------------------------------------

RUN_PACKAGES = """
import os, runpy, sys
scratch = sys.argv[1]
for folder in sys.argv[2:]:
    os.chdir(scratch)
    sys.path.insert(0, folder)
    for script, argv in (("model.py", []), ("predict.py", ["--count", "2", "--top", "3"])):
        sys.argv = [script, *argv]
        runpy.run_path(os.path.join(folder, script), run_name="__main__")
    sys.path.remove(folder)
    for name in ("model", "common"):
        sys.modules.pop(name, None)
"""


def test_exported_packages_run_in_a_fresh_process_without_side_effects(
    tmp_path, hostile_run, arrives
):
    run, _, classes = hostile_run
    packages = []
    for key, text in HOSTILE.items():
        project = hostile_project(text)
        folder = write_run(tmp_path / "runs" / key, project, [text, "b", "c"])
        arrives[str(folder)] = project
        packages.append(export(folder, "py", tmp_path / key, note=lambda _: None)[0].parent)
        classes.append(text)
    packages.append(export(run, "py", tmp_path / "all", note=lambda _: None)[0].parent)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", RUN_PACKAGES, str(scratch), *map(str, packages)],
        capture_output=True,
        text=True,
        timeout=240,
        env=SUBPROCESS_ENV,
        cwd=scratch,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    no_marker_anywhere(tmp_path)
    out = result.stdout
    assert out.count("output: (2, 3)") == len(packages)
    assert out.count("sample 1: ") == len(packages)
    # predict.py prints the class names, escaped onto one line, never raw control characters.
    for name in classes:
        assert f"{one_line(name)} (class " in out
    assert not any(c in out for c in "\r\x00\x1b\u2028\u202e")
