"""Left-to-right layered layout, for templates and the editor's auto-arrange."""

from __future__ import annotations

from studio.graph import CycleError, Graph

COLUMN_SPACING = 230.0
ROW_SPACING = 150.0


def layered_positions(graph: Graph) -> dict[str, tuple[float, float]]:
    """Columns by longest path from a source; rows ordered by the mean row of predecessors."""
    column: dict[str, int] = {}
    try:
        order = graph.topological_order()
    except CycleError:  # a loop: keep the stored order, the loop is reported elsewhere
        order = list(graph.nodes)
    for node_id in order:
        preds = [p for p in graph.predecessors(node_id) if p in column]
        column[node_id] = max((column[p] + 1 for p in preds), default=0)
    columns: dict[int, list[str]] = {}
    for node_id in order:
        columns.setdefault(column[node_id], []).append(node_id)
    row: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    for c in sorted(columns):
        ids = columns[c]
        keys = {}
        for i, n in enumerate(ids):
            preds = [row[p] for p in graph.predecessors(n) if p in row]
            keys[n] = sum(preds) / len(preds) if preds else float(i)
        ids.sort(key=keys.__getitem__)
        for i, node_id in enumerate(ids):
            row[node_id] = i - (len(ids) - 1) / 2
            positions[node_id] = (c * COLUMN_SPACING, row[node_id] * ROW_SPACING)
    return positions


def auto_arrange(graph: Graph) -> None:
    for node_id, position in layered_positions(graph).items():
        graph.move_node(node_id, position)
