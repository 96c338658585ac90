"""Auto-arrange for the screen: studio's left-to-right columns, wrapped into rows of columns
when one long row would have to be shrunk until its text cannot be read.

The column assignment is the engine's (`studio.layout.layered_positions`); this only decides
how many columns fit on one band for the canvas's shape and stacks the bands.
"""

from __future__ import annotations

import math

from studio.graph import Graph
from studio.layout import COLUMN_SPACING, layered_positions
from widgets.canvas import style

BAND_GAP = 100.0
MARGIN = 80.0


def arranged_positions(
    graph: Graph, viewport: tuple[float, float] | None = None
) -> dict[str, tuple[float, float]]:
    """Positions for every node; with a viewport size, wrapped to read best in it."""
    base = layered_positions(graph)
    if not base or viewport is None:
        return base
    columns = sorted({x for x, _ in base.values()})
    column_of = {x: i for i, x in enumerate(columns)}
    ys = [y for _, y in base.values()]
    band_height = max(ys) - min(ys) + style.NODE_HEIGHT
    per_band = best_band_width(len(columns), band_height, viewport)
    pitch = band_height + BAND_GAP
    out = {}
    for node_id, (x, y) in base.items():
        band, col = divmod(column_of[x], per_band)
        out[node_id] = (col * COLUMN_SPACING, y + band * pitch)
    return out


def best_band_width(columns: int, band_height: float, viewport: tuple[float, float]) -> int:
    """The number of columns per band that lets the whole graph show at the largest zoom."""
    width, height = viewport
    best, best_zoom = columns, -1.0
    for per_band in range(columns, 0, -1):
        bands = math.ceil(columns / per_band)
        w = (per_band - 1) * COLUMN_SPACING + style.NODE_WIDTH + 2 * MARGIN
        h = bands * band_height + (bands - 1) * BAND_GAP + 2 * MARGIN
        zoom = min(width / w, height / h, 1.0)
        if zoom > best_zoom + 1e-6:
            best, best_zoom = per_band, zoom
    return best


def is_engine_layout(graph: Graph) -> bool:
    """Whether the nodes sit exactly where studio's layout puts them (a template or a file
    written by `netstudio new`), so that re-wrapping them loses nothing a person arranged."""
    base = layered_positions(graph)
    return bool(base) and all(
        abs(graph.nodes[n].position[0] - x) < 0.5 and abs(graph.nodes[n].position[1] - y) < 0.5
        for n, (x, y) in base.items()
    )
