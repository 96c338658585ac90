"""Show a trial's run folder as a run of the Training page's runs list: listed (at the top),
ticked so its curves lie over the plots, and selected. A trial's run is an ordinary run
folder, read like any other; it lives in the search folder, not the project's runs folder, and
the list keeps it at the top through its refreshes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from widgets.i18n import plural
from widgets.training.panel import format_percent
from widgets.training.runs import read_run
from widgets.training.runs_view import RunsView


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchOpenRun", text)


def _status(status: str) -> str:
    return {
        "finished": _tr("finished"),
        "stopped": _tr("stopped"),
        "early-stopped": _tr("stopped early"),
        "failed": _tr("failed"),
        "running": _tr("running"),
    }.get(status, status)


def show_trial_run(view: RunsView, run_dir: Path, number: int) -> bool:
    """List, tick and select the run of trial `number`; False when the folder holds no run."""
    info = read_run(run_dir)
    if info is None:
        return False
    text = (
        plural(_tr("Search trial %1 · %2 · %3 epoch(s)"), info.epochs)
        .replace("%1", str(number))
        .replace("%2", _status(info.status))
        .replace("%3", str(info.epochs))
    )
    last = info.history[-1] if info.history else {}
    if last.get("val_accuracy") is not None:
        text += " · " + _tr("validation %1").replace("%1", format_percent(last["val_accuracy"]))
    if info.test_accuracy is not None:
        text += " · " + _tr("test %1").replace("%1", format_percent(info.test_accuracy))
    return view.show_run(run_dir, text)
