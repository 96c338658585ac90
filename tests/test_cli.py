"""The headless command line, as a user runs it."""

import json
import os
import subprocess
import sys

import pytest

from studio.cli import main

ENGLISH = {**os.environ, "NETSTUDIO_LANGUAGE": "en"}  # whatever the machine's locale


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True, timeout=120,
        env=ENGLISH,
    )


def test_templates_lists_the_seeds(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for name in ("seed-mlp", "seed-cnn", "lstm-classifier", "conv-autoencoder", "residual-cnn"):
        assert name in out


def test_new_then_summary_prints_layers_and_totals(tmp_path, capsys):
    path = tmp_path / "my.json"
    assert main(["new", "seed-cnn", str(path)]) == 0
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    assert "conv2d_1 (Conv2D)" in out and "32×26×26" in out
    assert "Total parameters: 93,322" in out
    assert "FLOPs per sample" in out


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "my.json"
    path.write_text("keep me")
    assert main(["new", "seed-mlp", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == "keep me"


def test_summary_of_an_invalid_graph_exits_1_with_node_messages(tmp_path):
    assert main(["new", "seed-mlp", str(tmp_path / "a.json")]) == 0
    project = json.loads((tmp_path / "a.json").read_text())
    # Remove the Flatten: Dense now gets an image.
    nodes = project["graph"]["nodes"]
    project["graph"]["nodes"] = [n for n in nodes if n["type"] != "Flatten"]
    project["graph"]["edges"] = [e for e in project["graph"]["edges"] if e["to"] != "flatten_1"]
    for e in project["graph"]["edges"]:
        if e["from"] == "flatten_1":
            e["from"] = "input_1"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(project))
    result = run("summary", str(path))
    assert result.returncode == 1
    assert "dense_1 (Dense): Dense expects a flat input" in result.stderr
    assert "insert Flatten" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_damaged_project_gives_one_line_not_a_traceback(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "netstudio-project", "version": 1, "name": ')
    result = run("summary", str(path))
    assert result.returncode == 1
    assert "damaged or not JSON" in result.stderr and "Traceback" not in result.stderr


def test_export_py_writes_source_that_runs_alone(tmp_path):
    project = tmp_path / "my.json"
    assert main(["new", "residual-cnn", str(project)]) == 0
    target = tmp_path / "model.py"
    assert main(["export", str(project), "--format", "py", "-o", str(target)]) == 0
    source = target.read_text()
    assert "class SmallResidualCNN(nn.Module)" in source and "self.conv2d_1 =" in source
    result = subprocess.run(
        [sys.executable, str(target)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "output: (2, 10)" in result.stdout


def test_app_without_a_display_says_so_in_one_line(tmp_path, monkeypatch):
    env = {
        k: v
        for k, v in ENGLISH.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1
    assert "no display" in result.stderr and "train" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["summary"], ["new", "no-such-template", "x.json"]])
def test_usage_errors_do_not_trace(tmp_path, args):
    result = run(*args)
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_help_documents_opening_the_app_and_training_in_it(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "netstudio PROJECT --train" in out
    assert "open the app and train PROJECT with its settings at once" in out
    assert "a line per epoch" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_train_without_a_project_to_open_is_refused(capsys):
    assert main(["--train"]) == 1
    assert "--train needs the project to train" in capsys.readouterr().err


def test_the_export_formats_of_help_are_the_exporters():
    from studio.cli import EXPORT_FORMATS
    from studio.export import FORMATS

    assert EXPORT_FORMATS == FORMATS
