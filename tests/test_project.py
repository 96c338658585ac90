"""Project files: round trip, atomic save, and a clear error for every kind of bad file."""

import json

import pytest

from studio.project import ProjectError, load_project, save_project
from studio.templates import load_template, template_names


@pytest.mark.parametrize("name", template_names())
def test_round_trip_keeps_everything(tmp_path, name):
    project = load_template(name)
    path = tmp_path / "p.json"
    save_project(project, path)
    again = load_project(path)
    assert again.to_dict() == project.to_dict()
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_saved_file_is_readable_json_with_format_and_version(tmp_path):
    path = tmp_path / "p.json"
    save_project(load_template("seed-cnn"), path)
    data = json.loads(path.read_text())
    assert data["format"] == "netstudio-project" and data["version"] == 1
    assert '"shape": [1, 28, 28]' in path.read_text()


def _write(tmp_path, data):
    path = tmp_path / "bad.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def _good():
    return load_template("seed-mlp").to_dict()


def _mutated(change):
    data = _good()
    change(data)
    return data


BAD_FILES = {
    "truncated": (lambda: json.dumps(_good())[:200], "damaged or not JSON"),
    "not a project": (lambda: {"hello": 1}, "not a NetStudio project"),
    "newer version": (
        lambda: _mutated(lambda d: d.update(version=99)),
        "newer NetStudio.*the file was not changed",
    ),
    "missing graph": (lambda: _mutated(lambda d: d.pop("graph")), "'graph' is missing"),
    "missing node id": (
        lambda: _mutated(lambda d: d["graph"]["nodes"][1].pop("id")),
        r"nodes\[1\]: the field 'id' is missing",
    ),
    "wrong type": (
        lambda: _mutated(lambda d: d["graph"].update(nodes={})),
        "graph.nodes must be a list",
    ),
    "wrong param type": (
        lambda: _mutated(lambda d: d["graph"]["nodes"][2]["params"].update(units="many")),
        "Units must be a whole number",
    ),
    "unknown layer": (
        lambda: _mutated(lambda d: d["graph"]["nodes"][2].update(type="Dens")),
        "no layer type 'Dens'; did you mean 'Dense'",
    ),
    "edge to nowhere": (
        lambda: _mutated(lambda d: d["graph"]["edges"][0].update(to="ghost")),
        "no node 'ghost'",
    ),
    "bad training value": (
        lambda: _mutated(lambda d: d["training"].update(batch_size=0)),
        "training: Batch size must be between 1",
    ),
    "bad position": (
        lambda: _mutated(lambda d: d["graph"]["nodes"][0].update(position="x")),
        "position must be two numbers",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_gives_a_clear_error_and_is_left_untouched(tmp_path, case):
    make, message = BAD_FILES[case]
    path = _write(tmp_path, make())
    before = path.read_bytes()
    with pytest.raises(ProjectError, match=message):
        load_project(path)
    assert path.read_bytes() == before


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="There is no file"):
        load_project(tmp_path / "nope.json")


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    save_project(load_template("seed-mlp"), path)
    before = path.read_bytes()

    def broken_replace(*args):
        raise OSError("disk full")

    monkeypatch.setattr("studio.project.os.replace", broken_replace)
    with pytest.raises(OSError):
        save_project(load_template("seed-cnn"), path)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]
