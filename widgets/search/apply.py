"""Apply a trial's values to the project as ONE undo step: a macro of the Document's own
edits (a SetParams per layer parameter, one SetSettings for the training settings), so that
each goes through the same commands as an edit by hand, and Undo takes them all back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from studio.search_space import SearchSpace


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchApply", text)


def changes(document, space: SearchSpace, values: dict[str, Any]) -> tuple[
        dict[str, Any], list[tuple[str, str, Any]], list[str]]:
    """(training settings, layer parameters as (node, param, value), nodes gone since the
    search began) of `values` that differ from the project's."""
    project = document.project
    settings: dict[str, Any] = {}
    params: list[tuple[str, str, Any]] = []
    missing: list[str] = []
    for d in space.dimensions:
        if d.key not in values:
            continue
        value = values[d.key]
        if d.node is None:
            if project.training.get(d.param) != value:
                settings[d.param] = value
        elif d.node not in project.graph.nodes:
            missing.append(d.node)
        else:
            current = project.graph.nodes[d.node].params.get(d.param)
            # A window size is searched as one number: (3, 3) already is 3.
            same = current == value or (isinstance(current, (list, tuple))
                                        and all(v == value for v in current))
            if not same:
                params.append((d.node, d.param, value))
    return settings, params, missing


def apply_values(document, space: SearchSpace, values: dict[str, Any],
                 title: str) -> tuple[bool, str]:
    """Set `values` (a trial's, by key) in the document's project as one undo step named
    `title`. (applied, what to tell the user)."""
    settings, params, missing = changes(document, space, values)
    if missing:
        return False, _tr("The model has no layer %1 any more: the trial's values cannot be "
                          "applied.").replace("%1", ", ".join(missing))
    if not settings and not params:
        return False, _tr("The project already has these values.")
    stack = document.undo_stack
    stack.beginMacro(title)
    ok = True
    with document.batch():
        for node, param, value in params:
            if not document.set_param(node, param, value):
                ok = False
                break
        if ok and settings:
            ok = document.set_training(settings)
    stack.endMacro()
    if not ok:  # the Document said why (editRefused); take back what was set
        document.undo()
        return False, _tr("The values were not applied.")
    names = [f"{node}.{param}" for node, param, _ in params] + list(settings)
    return True, _tr("Applied: %1. Undo takes them back.").replace("%1", ", ".join(names))
