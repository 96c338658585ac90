"""Large graphs: load, shape inference, summary (with FLOPs) and build for 2,000- and 20,000-node
chains, and the ratio between the two sizes. Linear work gives about 10x; the quadratic
version this replaced took 0.3 s and 36 s for `netstudio summary` (120x).

Usage: python bench/bench_large_graph.py [--sizes 2000 20000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from studio.compiler import compile_graph
from studio.project import load_project
from studio.shapes import infer_shapes
from studio.summary import format_summary, summarize


def chain_project(nodes: int) -> dict:
    """Input → (Dense 16, ReLU) × … → Output: `nodes` nodes in one chain, as a project file."""
    items = [{"id": "input_1", "type": "Input", "params": {"shape": [16]}, "position": [0, 0]}]
    for i in range(1, nodes - 1):
        layer = ("Dense", {"units": 16}) if i % 2 else ("ReLU", {})
        items.append(
            {"id": f"n{i}", "type": layer[0], "params": layer[1], "position": [i * 230.0, 0]}
        )
    items.append({"id": "output_1", "type": "Output", "params": {}, "position": [nodes * 230, 0]})
    edges = [{"from": a["id"], "to": b["id"], "port": 0} for a, b in pairwise(items)]
    return {
        "format": "netstudio-project",
        "version": 1,
        "name": f"{nodes}-node chain",
        "graph": {"nodes": items, "edges": edges},
    }


def seconds(fn: Callable[[], object], repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(nodes: int, folder: Path) -> dict[str, float]:
    path = folder / f"chain{nodes}.json"
    path.write_text(json.dumps(chain_project(nodes), indent=2))
    project = load_project(path)
    graph = project.graph
    return {
        "load": seconds(lambda: load_project(path)),
        "infer_shapes": seconds(lambda: infer_shapes(graph)),
        "summary": seconds(lambda: format_summary(summarize(graph), project.name)),
        "build (meta)": seconds(lambda: compile_graph(graph, device="meta"), repeat=1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[2000, 20000])
    args = parser.parse_args()
    small, large = args.sizes
    with tempfile.TemporaryDirectory() as folder:
        measure(200, Path(folder))  # warm torch's FLOP counter and fx once
        times = {n: measure(n, Path(folder)) for n in (small, large)}
    print(f"{'':<14}{small:>10,} nodes{large:>10,} nodes{'ratio':>9}")
    for step in times[small]:
        a, b = times[small][step], times[large][step]
        print(f"{step:<14}{a:>14.3f} s{b:>14.3f} s{b / a:>8.1f}x")
    a, b = sum(times[small].values()), sum(times[large].values())
    print(f"{'total':<14}{a:>14.3f} s{b:>14.3f} s{b / a:>8.1f}x   (linear: {large / small:.0f}x)")


if __name__ == "__main__":
    main()
