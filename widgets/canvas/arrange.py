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


Positions = dict[str, tuple[float, float]]

READABLE_ZOOM = 0.65  # below this a node's text cannot be read: scroll rather than shrink
FAR = 1e6  # a coordinate beyond this is a broken or hostile file, not a layout
CROWDED = 0.25  # the share of overlapping nodes above which a layout is a heap, not a drawing


def arranged_positions(
    graph: Graph, viewport: tuple[float, float] | None = None, base: Positions | None = None
) -> Positions:
    """Positions for every node; with a viewport size, wrapped to read best in it. `base` is
    `layered_positions(graph)` when the caller has it already (it costs most of the time)."""
    base = layered_positions(graph) if base is None else base
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
    if best_zoom < READABLE_ZOOM:
        # Too large to read whole: bands as wide as the canvas shows at a readable zoom, so
        # that the model reads top to bottom with vertical scrolling only.
        fits = (width / READABLE_ZOOM - style.NODE_WIDTH - 2 * MARGIN) / COLUMN_SPACING
        return max(1, min(columns, math.floor(fits) + 1))
    return best


def is_engine_layout(graph: Graph, base: Positions | None = None) -> bool:
    """Whether the nodes sit exactly where studio's layout puts them (a template or a file
    written by `netstudio new`), so that re-wrapping them loses nothing a person arranged."""
    base = layered_positions(graph) if base is None else base
    return bool(base) and all(
        abs(graph.nodes[n].position[0] - x) < 0.5 and abs(graph.nodes[n].position[1] - y) < 0.5
        for n, (x, y) in base.items()
    )


def unreadable_layout(graph: Graph, viewport: tuple[float, float]) -> str:
    """Why the stored positions cannot be shown readably, or "" when they can.

    "far": coordinates no drawing has (1e308 in a hand-edited file); "heap": many nodes on top
    of one another (a file written without positions); "line": every node in one row or one
    column, longer than the canvas shows at a readable zoom (an importer's output)."""
    positions = [node.position for node in graph.nodes.values()]
    if not positions:
        return ""
    if any(abs(x) > FAR or abs(y) > FAR for x, y in positions):
        return "far"
    if len(positions) >= 2 and overlapping_share(positions) >= CROWDED:
        return "heap"
    if len(positions) >= 3:
        xs, ys = [p[0] for p in positions], [p[1] for p in positions]
        width = max(xs) - min(xs) + style.NODE_WIDTH + 2 * MARGIN
        height = max(ys) - min(ys) + style.NODE_HEIGHT + 2 * MARGIN
        one_row = max(ys) - min(ys) < style.NODE_HEIGHT
        one_column = max(xs) - min(xs) < style.NODE_WIDTH
        zoom = min(viewport[0] / width, viewport[1] / height)
        if (one_row or one_column) and zoom < READABLE_ZOOM:
            return "line"
    return ""


def overlapping_share(positions: list[tuple[float, float]]) -> float:
    """The share of nodes whose box overlaps another's (a grid of node-sized cells keeps this
    linear: only nodes in neighbouring cells can overlap)."""
    w, h = style.NODE_WIDTH, style.NODE_HEIGHT
    cells: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(positions):
        cells.setdefault((math.floor(x / w), math.floor(y / h)), []).append(i)
    crowded = set()
    for (cx, cy), members in cells.items():
        near = [
            j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in cells.get((cx + dx, cy + dy), ())
        ]
        if len(near) > 200:  # a pile in one place: every member overlaps
            crowded.update(members)
            continue
        for i in members:
            xi, yi = positions[i]
            if any(
                j != i
                and abs(positions[j][0] - xi) < w * 0.5
                and abs(positions[j][1] - yi) < h * 0.5
                for j in near
            ):
                crowded.add(i)
    return len(crowded) / len(positions)
