"""Hostile files in the app: whatever the loader accepts opens without a crash or a freeze,
and whatever it refuses gives the command line's message in a dialog, the app still usable.

Accepted files are opened, painted and summarised in a child process (a segfault there fails
this test instead of killing pytest), which reports each file as it finishes, with its time.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.errors import StudioError
from studio.project import MAX_NAME_LENGTH, load_project
from studio.templates import load_template

pytest_plugins = ["app_fixtures"]

SEED = 13
MUTANTS = 200  # drawn; of those the loader accepts, the first ACCEPTED_SAMPLE are opened
ACCEPTED_SAMPLE = 25
REFUSED_SAMPLE = 8
SECONDS_PER_FILE = 20  # a freeze is a file that takes longer than this to open and paint
START_SECONDS = 90  # the child's own start: importing PyTorch and Qt on a loaded machine


def template_tree(name: str = "seed-mlp") -> dict:
    return load_template(name).to_dict()


def nasty_but_valid() -> dict[str, bytes]:
    """Hand-made files a person or a program might write, each odd in one way."""
    files: dict[str, dict] = {}

    def variant(label: str, change) -> None:
        tree = template_tree()
        change(tree)
        files[label] = tree

    def move_all(tree, where):
        for i, node in enumerate(tree["graph"]["nodes"]):
            node["position"] = where(i)

    variant("long-name", lambda t: t.update(name="N" * 5000))
    variant("long-description", lambda t: t.update(description="word " * 20000))
    variant("name-at-the-limit", lambda t: t.update(name=("深度学习😀" * 200)[:MAX_NAME_LENGTH]))
    variant("unicode-name", lambda t: t.update(name="模型 😀 e\u0301\u0301\u0301 ﷺ \u05d0\u05d1 Ω"))
    variant(
        "odd-unicode",
        lambda t: t.update(
            name="\u202eledom\u202c 模型 😀 e\u0301\u0301\u0301 \u200b\ufeff",
            description="ﷺ" * 50 + " \u0000-free, RTL \u05d0\u05d1 and CJK 深度学习" * 20,
        ),
    )
    variant("huge-coordinates", lambda t: move_all(t, lambda i: [1e15 * i, -1e15]))
    variant("largest-float-coordinates", lambda t: move_all(t, lambda i: [1e308, -1e308]))
    variant("tiny-coordinates", lambda t: move_all(t, lambda i: [5e-324 * i, -0.0]))
    variant("all-on-one-spot", lambda t: move_all(t, lambda i: [0.0, 0.0]))
    variant("one-long-column", lambda t: move_all(t, lambda i: [0.0, 150.0 * i]))
    variant("negative-far", lambda t: move_all(t, lambda i: [-9e5 - i, -9e5]))
    files["many-nodes"] = chain(1500)
    files["wide-fan"] = fan(300)
    return {label: json.dumps(tree).encode("utf-8") for label, tree in files.items()}


def chain(count: int) -> dict:
    nodes = [{"id": "input_1", "type": "Input", "params": {"shape": [8]}, "position": [0, 0]}]
    for i in range(1, count - 1):
        nodes.append({"id": f"relu_{i}", "type": "ReLU", "params": {}, "position": [i * 230, 0]})
    nodes.append({"id": "output_1", "type": "Output", "params": {}, "position": [count * 230, 0]})
    ids = [n["id"] for n in nodes]
    edges = [{"from": a, "to": b, "port": 0} for a, b in itertools.pairwise(ids)]
    return project_tree("chain", nodes, edges)


def fan(count: int) -> dict:
    """One Input feeding `count` Dense layers side by side, all joined by one Concatenate."""
    nodes = [{"id": "input_1", "type": "Input", "params": {"shape": [4]}, "position": [0, 0]}]
    edges = []
    for i in range(1, count + 1):
        nodes.append(
            {
                "id": f"dense_{i}",
                "type": "Dense",
                "params": {"units": 2},
                "position": [230, i * 150],
            }
        )
        edges.append({"from": "input_1", "to": f"dense_{i}", "port": 0})
    return project_tree("fan", nodes, edges)


def project_tree(name: str, nodes: list, edges: list) -> dict:
    tree = template_tree()
    tree["name"] = name
    tree["graph"] = {"nodes": nodes, "edges": edges}
    return tree


def sort_by_loader(files: dict[str, bytes], folder: Path) -> tuple[list[Path], list[Path]]:
    accepted, refused = [], []
    for label, data in files.items():
        path = folder / f"{label}.json"
        path.write_bytes(data)
        try:
            load_project(path)
        except StudioError:
            refused.append(path)
        else:
            accepted.append(path)
    return accepted, refused


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[Path], list[Path]]:
    try:
        from fuzz_projects import mutants
    except ImportError:  # the mutator is written alongside; the hand-made files still run
        drawn = {}
    else:
        drawn = {f"mutant-{i:03d}": data for i, data in enumerate(mutants(SEED, MUTANTS))}
    folder = tmp_path_factory.mktemp("hostile")
    accepted, refused = sort_by_loader(drawn, folder)
    hand_accepted, hand_refused = sort_by_loader(nasty_but_valid(), folder)
    return accepted[:ACCEPTED_SAMPLE] + hand_accepted, refused[:REFUSED_SAMPLE] + hand_refused


def test_the_corpus_has_files_of_both_kinds(corpus):
    accepted, _refused = corpus
    assert len(accepted) >= 10, "too few accepted files to say anything"
    hand_made = {p.stem for p in accepted}
    assert {"all-on-one-spot", "one-long-column", "many-nodes", "name-at-the-limit"} <= hand_made


def test_the_app_opens_every_accepted_file_without_crash_or_freeze(corpus, tmp_path):
    accepted, _ = corpus
    report = tmp_path / "report.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NETSTUDIO_CONFIG_DIR": str(tmp_path / "config"),
        "NETSTUDIO_LANGUAGE": "en",
    }
    limit = START_SECONDS + SECONDS_PER_FILE * len(accepted)
    started = time.monotonic()
    try:
        child = subprocess.run(
            [sys.executable, __file__, str(report), *map(str, accepted)],
            env=env,
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        child = None
    lines = report.read_text().splitlines() if report.exists() else []
    done = [json.loads(line) for line in lines]
    finished = {d["file"] for d in done if "seconds" in d}
    stuck = [d["file"] for d in done if "seconds" not in d and d["file"] not in finished]
    assert child is not None, f"the app froze on {stuck[-1:]} (no end within {limit} s)"
    assert child.returncode == 0, (
        f"the app crashed (exit {child.returncode}) while opening {stuck[-1:]}:\n"
        f"{child.stderr[-3000:]}"
    )
    assert "Traceback" not in child.stderr, child.stderr[-3000:]
    assert finished == {p.name for p in accepted}
    slow = {d["file"]: d["seconds"] for d in done if d.get("seconds", 0) > SECONDS_PER_FILE}
    assert not slow, f"took too long to open: {slow}"
    for d in done:
        if "seconds" in d:
            assert d["opened"], f"{d['file']} was accepted by the loader but not by the app"
            assert d["zoom"] >= 0.15 and math.isfinite(d["zoom"]), d
            assert d["visible"], f"{d['file']}: no layer in view after opening"
    assert time.monotonic() - started < limit


def test_a_refused_file_gives_the_command_lines_message_and_the_app_stays_usable(
    corpus, window, message_boxes
):
    _, refused = corpus
    assert refused, "no refused file in the corpus"
    graph = window.document.graph
    before = len(graph.nodes)
    for path in refused:
        message_boxes.calls.clear()
        try:
            load_project(path)
        except StudioError as exc:
            expected = str(exc)
        assert not window.open_path(str(path))
        assert [(kind, title) for kind, title, _ in message_boxes.calls] == [
            ("warning", "Cannot open project")
        ], path.name
        shown = message_boxes.calls[0][2]
        assert shown == expected, path.name
        assert "Traceback" not in shown
        assert window.document.graph is graph  # the open project stays
    # Still usable: an edit works, and undo takes it back.
    assert window.document.add_node("Dense", (0.0, 600.0))
    assert len(graph.nodes) == before + 1
    window.document.undo()
    assert len(graph.nodes) == before


def test_the_command_line_prints_the_same_message(corpus, tmp_path):
    """The CLI's wording, for one refused file: what the dialog must repeat."""
    _, refused = corpus
    path = refused[0]
    try:
        load_project(path)
    except StudioError as exc:
        expected = str(exc)
    env = {**os.environ, "NETSTUDIO_LANGUAGE": "en", "NETSTUDIO_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "summary", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert f"netstudio: {expected}" in result.stderr


# The child process ---------------------------------------------------------------------------


def open_each(report: Path, paths: list[str]) -> int:
    """Open, paint and summarise each file in one window, reporting as it goes."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from widgets.app import application
    from widgets.main_window import MainWindow

    app = application()
    window = MainWindow(interactive=False)
    window.show()
    app.processEvents()
    with report.open("a", encoding="utf-8") as out:
        for path in paths:
            name = Path(path).name
            out.write(json.dumps({"file": name}) + "\n")  # started: the culprit if we die
            out.flush()
            started = time.perf_counter()
            opened = window.open_path(path, ask=False)
            for _ in range(3):
                app.processEvents()
            window.grab()
            window.summary.refresh_now()
            window.select_all()
            window.view.fit()
            window.grab()
            seen = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
            visible = any(
                seen.intersects(i.sceneBoundingRect()) for i in window.scene.nodes.values()
            )
            result = {
                "file": name,
                "opened": opened,
                "seconds": round(time.perf_counter() - started, 2),
                "zoom": window.view.zoom(),
                "visible": visible or not window.scene.nodes,
            }
            out.write(json.dumps(result) + "\n")
            out.flush()
    window._closing = True
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(open_each(Path(sys.argv[1]), sys.argv[2:]))
