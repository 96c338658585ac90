"""Project files: round trip, atomic save, and a clear error for every kind of bad file."""

import json
import os
from pathlib import Path

import pytest

from studio.project import (
    MAX_DESCRIPTION_LENGTH,
    MAX_FILE_BYTES,
    MAX_NAME_LENGTH,
    ProjectError,
    load_project,
    project_from_dict,
    project_from_text,
    save_project,
)
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


# Hostile files: each case refused with a message naming the field, or loaded with a note ------


_PLACES = {
    "units": lambda d: d["graph"]["nodes"][2]["params"],
    "learning_rate": lambda d: d["training"],
    "position": lambda d: d["graph"]["nodes"][0],
}


def _text_with(raw: str, where: str = "units") -> str:
    """seed-mlp's JSON with the field `where` holding `raw` JSON text (which json.dumps would
    not write: NaN, huge numbers, deep nesting)."""
    data = _good()
    _PLACES[where](data)[where] = "@@raw@@"
    return json.dumps(data).replace('"@@raw@@"', raw)


def test_nesting_deep_enough_for_a_recursion_error_is_refused(tmp_path):
    depth = 200_000
    path = _write(tmp_path, _text_with("[" * depth + "]" * depth))
    with pytest.raises(ProjectError, match="nested far too deeply"):
        load_project(path)


def test_nesting_past_the_limit_names_the_field(tmp_path):
    path = _write(tmp_path, _text_with("[" * 40 + "]" * 40))
    with pytest.raises(ProjectError, match=r"graph.nodes\[2\].params.units\[0\].*32 levels"):
        load_project(path)


def test_an_integer_over_pythons_digit_limit_is_refused_by_field(tmp_path):
    path = _write(tmp_path, _text_with("9" * 5000))
    with pytest.raises(ProjectError, match=r"graph.nodes\[2\].params.units is a number of 5,000"):
        load_project(path)


@pytest.mark.parametrize("raw", ["1e400", "-1e999", "1" + "0" * 400 + ".0"])
def test_a_float_that_overflows_is_refused_by_field(tmp_path, raw):
    path = _write(tmp_path, _text_with(raw))
    with pytest.raises(ProjectError, match=r"params.units is .*only finite numbers"):
        load_project(path)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("field", ["position", "learning_rate", "units"])
def test_nan_and_infinity_are_refused_anywhere(tmp_path, constant, field):
    raw = f"[{constant}, 0]" if field == "position" else constant
    path = _write(tmp_path, _text_with(raw, field))
    with pytest.raises(ProjectError, match=f"{field}.* is {constant}; only finite numbers"):
        load_project(path)


def test_nan_in_a_dict_from_elsewhere_is_refused_too():
    data = _mutated(lambda d: d["graph"]["nodes"][0].update(position=[float("nan"), 0.0]))
    with pytest.raises(ProjectError, match=r"nodes\[0\].position\[0\] is nan"):
        project_from_dict(data, "autosave")


def test_a_position_far_off_the_canvas_is_refused(tmp_path):
    path = _write(tmp_path, _mutated(lambda d: d["graph"]["nodes"][0].update(position=[1e12, 0])))
    with pytest.raises(ProjectError, match=r"nodes\[0\].position must be two numbers"):
        load_project(path)


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d.update(name="a\ud800b"), "name"),
        (lambda d: d.update(description="\udfff"), "description"),
        (lambda d: d["dataset"].update(path="/data/\ud800"), "dataset.path"),
        (lambda d: d["graph"]["nodes"][1].update(id="flatten\ud800"), r"graph.nodes\[1\].id"),
    ],
)
def test_lone_surrogates_are_refused_by_field(tmp_path, change, field):
    # json.dumps writes a lone surrogate as the escape \ud800, which json.loads accepts.
    path = _write(tmp_path, _mutated(change))
    with pytest.raises(ProjectError, match=f"{field} holds a lone surrogate"):
        load_project(path)


def test_a_nul_character_is_refused(tmp_path):
    path = _write(tmp_path, _mutated(lambda d: d["dataset"].update(path="a\0b")))
    with pytest.raises(ProjectError, match=r"dataset\.path holds a NUL character"):
        load_project(path)


@pytest.mark.parametrize(
    "field, limit", [("name", MAX_NAME_LENGTH), ("description", MAX_DESCRIPTION_LENGTH)]
)
def test_names_and_descriptions_have_a_length_limit(tmp_path, field, limit):
    path = _write(tmp_path, _mutated(lambda d: d.update({field: "n" * limit})))
    assert len(getattr(load_project(path), field)) == limit
    path = _write(tmp_path, _mutated(lambda d: d.update({field: "n" * 10_000_000})))
    with pytest.raises(ProjectError, match=f"{field} is 10,000,000 characters long; at most"):
        load_project(path)


def test_a_name_is_one_line_and_a_description_may_have_several(tmp_path):
    path = _write(tmp_path, _mutated(lambda d: d.update(description="one\ntwo\tthree")))
    assert load_project(path).description == "one\ntwo\tthree"
    for name in ("two\nlines", "colour \x1b[31mred"):
        path = _write(tmp_path, _mutated(lambda d, name=name: d.update(name=name)))
        with pytest.raises(ProjectError, match="name holds a control character"):
            load_project(path)


def test_a_long_value_is_quoted_short_in_the_message(tmp_path):
    path = _write(
        tmp_path, _mutated(lambda d: d["graph"]["nodes"][2]["params"].update(units="u" * 9000))
    )
    with pytest.raises(ProjectError, match="Units must be a whole number") as error:
        load_project(path)
    assert len(str(error.value)) < 200


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"format": "netstudio-project", "format": "x"}', "has the key 'format' more than once"),
        (None, r"graph.nodes\[2\].params has the key 'units' more than once"),
    ],
)
def test_duplicate_keys_are_refused_with_the_key_named(tmp_path, text, message):
    if text is None:
        text = json.dumps(_good()).replace('"units": 128', '"units": 128, "units": 7', 1)
    path = _write(tmp_path, text)
    with pytest.raises(ProjectError, match=message):
        load_project(path)


def test_unknown_fields_load_with_a_note_and_are_not_saved(tmp_path):
    def add_unknown(d):
        d["colour"] = "red"
        for node in d["graph"]["nodes"]:
            node["comment"] = "mine"
        d["graph"]["edges"][0]["weight"] = 2

    path = _write(tmp_path, _mutated(add_unknown))
    project = load_project(path)
    notes = "\n".join(project.notes)
    assert len(project.notes) == 3  # one per field name, not one per node
    assert "bad.json has a field 'colour' that NetStudio does not know" in notes
    assert "bad.json.graph.nodes[0] and 5 more have a field 'comment'" in notes
    assert "bad.json.graph.edges[0] has a field 'weight'" in notes
    saved = tmp_path / "saved.json"
    save_project(project, saved)
    assert "colour" not in saved.read_text() and "comment" not in saved.read_text()
    assert load_project(saved).notes == []


def test_a_known_file_has_no_notes():
    assert load_template("seed-cnn").notes == []


@pytest.mark.parametrize(
    "shape, message",
    [
        ([1, 100_000, 100_000], "holds 10,000,000,000 values per sample; NetStudio takes at most"),
        ([2**40], "each size must be at most 16,777,216"),
    ],
)
def test_an_absurd_input_size_is_refused(tmp_path, shape, message):
    path = _write(
        tmp_path, _mutated(lambda d: d["graph"]["nodes"][0]["params"].update(shape=shape))
    )
    with pytest.raises(ProjectError, match=f"input_1: Shape.*{message}"):
        load_project(path)


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_a_file_that_is_not_utf8_is_refused(tmp_path, encoding):
    path = tmp_path / "bad.json"
    path.write_bytes(json.dumps(_mutated(lambda d: d.update(name="café")), ensure_ascii=False)
                     .encode(encoding))
    with pytest.raises(ProjectError, match=r"is not UTF-8 text \(byte [\d,]+\)"):
        load_project(path)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_good()).encode())
    assert load_project(path).name == "Seed MLP (MNIST)"


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with path.open("wb") as f:  # sparse: 5 GB on paper, nothing on the disk
        f.truncate(5 * 1024**3)
    read_sizes = []
    real_open = Path.open

    def recording_open(self, *args, **kwargs):
        stream = real_open(self, *args, **kwargs)
        real_read = stream.read
        stream.read = lambda n=-1: read_sizes.append(n) or real_read(n)
        return stream

    monkeypatch.setattr(Path, "open", recording_open)
    with pytest.raises(ProjectError, match=r"huge\.json is larger than 32 MB"):
        load_project(path)
    assert read_sizes == [MAX_FILE_BYTES + 1]


def test_a_fifo_is_refused_instead_of_waiting_forever(tmp_path):
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    with pytest.raises(ProjectError, match="is not a regular file"):
        load_project(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ProjectError, match="is a folder"):
        load_project(tmp_path)


def test_too_many_nodes_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("studio.project.MAX_NODES", 4)
    with pytest.raises(ProjectError, match=r"graph.nodes holds 6 items; a project holds at most 4"):
        load_project(_write(tmp_path, _good()))


@pytest.mark.parametrize("node_id", ["dense_1\n", "Dense_1", "1dense", "d" * 101, "class"])
def test_node_ids_must_match_in_full(tmp_path, node_id):
    def rename(d):
        d["graph"]["nodes"][2]["id"] = node_id
        d["graph"]["edges"][1]["to"] = node_id
        d["graph"]["edges"][2]["from"] = node_id

    with pytest.raises(ProjectError, match=r"cannot name a node|characters long"):
        load_project(_write(tmp_path, _mutated(rename)))


def test_a_boolean_port_is_refused(tmp_path):
    path = _write(tmp_path, _mutated(lambda d: d["graph"]["edges"][0].update(port=True)))
    with pytest.raises(ProjectError, match=r"edges\[0\].port must be a whole number"):
        load_project(path)


def test_text_of_a_run_or_autosave_goes_through_the_same_checks():
    text = json.dumps(_good()).replace('"units": 128', '"units": NaN', 1)
    with pytest.raises(ProjectError, match=r"run\.json: graph\.nodes\[2\]\.params\.units is NaN"):
        project_from_text(text, "run.json")


def test_a_huge_integer_in_a_dict_from_elsewhere_is_refused_too():
    data = _mutated(lambda d: d["training"].update(seed=10**5000))
    with pytest.raises(ProjectError, match=r"training\.seed is a number of 5,001 digits"):
        project_from_dict(data, "autosave")


def test_saving_a_description_of_brackets_and_spaces_is_quick_and_exact(tmp_path):
    # The old writer folded lists with a regular expression that backtracked for minutes here.
    import time

    description = "[" + " " * (MAX_DESCRIPTION_LENGTH // 2) + "x,   y"
    project = load_template("seed-mlp")
    project.description = description
    path = tmp_path / "p.json"
    start = time.perf_counter()
    save_project(project, path)
    assert time.perf_counter() - start < 2
    assert load_project(path).description == description


def test_lists_of_plain_values_stay_on_one_line_and_strings_keep_their_spaces():
    from studio.project import dumps_readable

    text = dumps_readable({"shape": [1, 28, 28], "names": ["a,   b", "c"], "nested": [[1, 2]]})
    assert '"shape": [1, 28, 28]' in text and '"names": ["a,   b", "c"]' in text
    assert json.loads(text)["nested"] == [[1, 2]]


def test_other_json_files_are_read_with_the_same_bounds(tmp_path):
    from studio.project import read_json_file

    path = tmp_path / "record.json"
    path.write_text('{"status": "finished", "epochs": [1, 2]}')
    assert read_json_file(path) == {"status": "finished", "epochs": [1, 2]}
    for text, message in [
        ('{"a": NaN}', r"record\.json: a is NaN"),
        ('{"a": 1, "a": 2}', "has the key 'a' more than once"),
        ("[" * 100_000, "nested far too deeply"),
        ('{"a": "\\ud800"}', "a holds a lone surrogate"),
    ]:
        path.write_text(text)
        with pytest.raises(ProjectError, match=message):
            read_json_file(path)
