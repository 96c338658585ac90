"""`netstudio summary` prints the model's notes (analysis warnings) in the interface language."""

from studio.cli import main
from studio.graph import Graph
from studio.project import Project, save_project


def _double_softmax_project(tmp_path):
    """Dense(softmax) → Flatten → Output(cross_entropy): the softmax cannot be left to the loss
    (Flatten of a 4×2 sequence mixes positions), so the summary warns that it applies twice."""
    graph = Graph()
    x = graph.add_node("Input", {"shape": [4, 6]}, node_id="x")
    scores = graph.add_node("Dense", {"units": 2, "activation": "softmax"}, node_id="scores")
    flat = graph.add_node("Flatten", node_id="flat")
    out = graph.add_node("Output", {"loss": "cross_entropy"}, node_id="out")
    for a, b in ((x, scores), (scores, flat), (flat, out)):
        graph.connect(a.id, b.id)
    path = tmp_path / "twice.json"
    save_project(Project(name="Twice", graph=graph), path)
    return path


def test_summary_notes_are_in_chinese_under_a_chinese_locale(tmp_path, monkeypatch, capsys):
    path = _double_softmax_project(tmp_path)
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "zh_CN")
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    note = next(line for line in out.splitlines() if "scores" in line and "softmax" in line)
    assert note.startswith("提示：scores (Dense): 它的 softmax 会进入 out 的 cross_entropy 损失")
    assert "never get near 0" not in out
    assert "Note:" not in out


def test_summary_notes_in_english_name_the_node_and_its_layer(tmp_path, monkeypatch, capsys):
    path = _double_softmax_project(tmp_path)
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "Note: scores (Dense): its softmax reaches the cross_entropy loss of out, which "
        "applies softmax itself" in out
    )
    assert out.count("Note: scores") == 1  # once, not also in English from the table
