"""Show a trial's run folder as a run of the Training page's runs list: listed (at the top),
ticked so its curves lie over the plots, and selected. A trial's run is an ordinary run
folder, read like any other; it lives in the search folder, not the project's runs folder, so
the list keeps it only until it is next read from that folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem

from widgets.i18n import plural
from widgets.training.panel import format_percent
from widgets.training.runs import read_run
from widgets.training.runs_view import PATH_ROLE, RunsView


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
    key = str(run_dir)
    item = next((view.list.item(i) for i in range(view.list.count())
                 if view.list.item(i).data(PATH_ROLE) == key), None)
    view.runs[key] = info
    if item is None:
        item = QListWidgetItem()
        item.setData(PATH_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        view.list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Unchecked)
        view.list.insertItem(0, item)
        view.list.blockSignals(False)
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
    item.setText(text)
    item.setToolTip(key)
    ticked = {str(r.path) for r in view.ticked()} | {key}
    view.set_ticked(ticked)
    view.list.setCurrentItem(item)
    return True
