"""Cutting an imported graph at a node of the user's choice.

A model made elsewhere often ends in a part NetStudio has no layer for (a custom head, a
post-processing step). Instead of refusing the whole model, the user can import everything up
to a node they name (`netstudio import model.onnx --cut-at NODE`, or a choice in the app's
refusal dialog): that node's output becomes the model's output, and every operator after it
is listed in the report as cut off. A refusal therefore carries the nodes it could be cut at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.graph import Graph
from studio.importers.report import ImportRefused, ImportReport
from studio.layout import layered_positions
from studio.messages import msg


class CutPointsRefusal(ImportRefused):
    """A refused import that would succeed when cut at one of `cut_points` (node names, in
    the model's order): everything up to each of them was mapped."""

    def __init__(self, message: str, report: ImportReport, cut_points: list[str]) -> None:
        super().__init__(message, report)
        self.cut_points = cut_points


def cut_off_entry(cut_at: str) -> str:
    """The report's text for an operator left out because the import was cut before it."""
    return msg("cut off: the import ends at node {node}, as asked", node=cut_at)


def mapped_graph(builder: Any, report: ImportReport, path: Path) -> Graph:
    """The graph an operator-by-operator importer (ONNX, .pt2) built, laid out; refused with
    the unmapped operators and the nodes it could be cut at where anything was not mapped.
    `builder` has `graph` and `cut_points()`."""
    if report.not_mapped:
        raise CutPointsRefusal(
            msg(
                "{path} cannot be imported: {count} operator(s) have no NetStudio layer or "
                "settings it cannot express exactly: {ops}",
                path=str(path),
                count=len(report.not_mapped),
                ops=", ".join(where for where, _ in report.not_mapped[:8]),
            ),
            report,
            builder.cut_points(),
        )
    graph = builder.graph
    for node_id, position in layered_positions(graph).items():
        graph.move_node(node_id, position)
    return graph
