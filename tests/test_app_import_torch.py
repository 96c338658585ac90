"""File → Import Model… with PyTorch models: a .py file that defines an nn.Module asks before
running anything, and a refused model can be imported up to a node chosen in the refusal
dialog, the rest listed as cut off."""

from __future__ import annotations

from pathlib import Path

import torch
from PySide6.QtWidgets import QDialog, QFileDialog
from torch import nn

from widgets.import_dialogs import CUT_CHOSEN, ImportReportDialog, RunCodeDialog

pytest_plugins = ["app_fixtures"]

def _choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(path), "All files (*)"))
    )


def _import_through_menu(window, qtbot) -> None:
    window.actions.import_model.trigger()
    qtbot.waitUntil(lambda: not window.import_running(), timeout=60_000)
    qtbot.wait(10)  # the result arrives through a queued signal


MODULE = """
from torch import nn

open({marker!r}, "w").close()


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)


class Net(Encoder):
    def forward(self, x):
        return self.fc(x)
"""


def test_a_pytorch_module_file_asks_before_its_code_runs(window, tmp_path, monkeypatch):
    marker = tmp_path / "the-file-ran"
    source = tmp_path / "net.py"
    source.write_text(MODULE.format(marker=str(marker)))
    _choose_file(monkeypatch, source)
    asked: list[RunCodeDialog] = []

    def decline(dialog):
        asked.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RunCodeDialog, "exec", decline)
    before = window.document.project.to_dict()
    assert window.import_dialog() is False
    [dialog] = asked
    text = dialog.findChild(type(dialog.problem), "runCodeWarning").text()
    assert "run the file's Python code" in text and "trust" in text and "Encoder, Net" in text
    assert dialog.class_choice.currentText() == "Net"  # the file's last class
    assert not dialog.run_button.isDefault()  # Enter does not run code
    assert not marker.exists() and not window.import_running()
    assert window.document.project.to_dict() == before

    # Accepted: the import runs with the consent, the class and the input shape chosen.
    started: list[tuple] = []
    monkeypatch.setattr(window, "import_path", lambda path, **o: started.append((path, o)))

    def accept(dialog):
        dialog.class_choice.setCurrentText("Encoder")
        dialog.shape.setText("1,x")
        dialog.buttons.accepted.emit()  # refused: not sizes
        assert dialog.problem.isVisibleTo(dialog) and dialog.result() == 0
        dialog.shape.setText("4")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RunCodeDialog, "exec", accept)
    assert window.import_dialog() is True
    assert started == [
        (str(source), {"run_code": True, "class_name": "Encoder", "input_shape": [4]})
    ]
    assert not marker.exists()  # the dialog itself never runs the file


def test_a_refused_model_can_be_imported_up_to_a_chosen_node(
    window, qtbot, tmp_path, monkeypatch
):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3), nn.LogSoftmax(dim=1))
    source = tmp_path / "classifier.pt2"
    program = torch.export.export(model.eval(), (torch.randn(2, 6),))
    torch.export.save(program, source)
    target = tmp_path / "classifier.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    _choose_file(monkeypatch, source)
    shown: list[ImportReportDialog] = []

    def choose_cut(dialog):
        shown.append(dialog)
        if not dialog.refused:
            return QDialog.DialogCode.Accepted
        assert dialog.cut_choice.currentText() == "linear_1"  # nearest the refused part
        dialog._cut_chosen()
        return CUT_CHOSEN

    monkeypatch.setattr(ImportReportDialog, "exec", choose_cut)
    _import_through_menu(window, qtbot)  # refused, then imported again up to linear_1
    qtbot.waitUntil(lambda: len(shown) == 2 and not window.import_running(), timeout=60_000)

    refused, imported = shown
    assert "log_softmax" in refused.report_text.toPlainText()
    report = imported.report_text.toPlainText()
    assert "cut off: the import ends at node linear_1" in report
    layers = [n.layer_id for n in window.document.project.graph.nodes.values()]
    assert sorted(layers) == ["Dense", "Dense", "Input", "Output"]
    assert window.document.path == target and target.with_suffix(".safetensors").exists()
