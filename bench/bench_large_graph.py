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
from studio.flops import node_flops
from studio.project import Project, load_project
from studio.shapes import count_parameters, infer_shapes
from studio.summary import format_summary, summarize


def chain_project(nodes: int, distinct: bool = False) -> dict:
    """Input → (Dense 16, ReLU) × … → Output: `nodes` nodes in one chain, as a project file.
    With `distinct`, every Dense has its own width (no two share a cached count)."""
    items = [{"id": "input_1", "type": "Input", "params": {"shape": [16]}, "position": [0, 0]}]
    for i in range(1, nodes - 1):
        units = 16 + i % 5000 if distinct else 16
        layer = ("Dense", {"units": units}) if i % 2 else ("ReLU", {})
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


def clear_caches() -> None:
    """Time the first look at a graph: a small graph's counts would otherwise all be cached
    after one run, and a large one's (over the caches' 4,096 entries) never."""
    count_parameters.cache_clear()
    node_flops.cache_clear()


def summary_text(project: Project) -> str:
    clear_caches()
    return format_summary(summarize(project.graph), project.name)


def measure(nodes: int, folder: Path, distinct: bool = False) -> dict[str, float]:
    path = folder / f"chain{nodes}.json"
    path.write_text(json.dumps(chain_project(nodes, distinct), indent=2))
    project = load_project(path)
    graph = project.graph
    return {
        "load": seconds(lambda: load_project(path)),
        "infer_shapes": seconds(lambda: (clear_caches(), infer_shapes(graph))),
        "summary": seconds(lambda: summary_text(project)),
        "build (meta)": seconds(lambda: compile_graph(graph, device="meta"), repeat=1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[2000, 20000])
    args = parser.parse_args()
    small, large = args.sizes
    with tempfile.TemporaryDirectory() as folder:
        measure(200, Path(folder))  # warm torch's FLOP counter and fx once
        for distinct in (False, True):
            times = {n: measure(n, Path(folder), distinct) for n in (small, large)}
            kind = "every Dense its own width" if distinct else "identical layers"
            print(f"\nChain of Dense and ReLU, {kind}")
            print(f"{'':<14}{small:>10,} nodes{large:>10,} nodes{'ratio':>9}")
            for step in times[small]:
                a, b = times[small][step], times[large][step]
                print(f"{step:<14}{a:>14.3f} s{b:>14.3f} s{b / a:>8.1f}x")
            a, b = sum(times[small].values()), sum(times[large].values())
            linear = f"(linear: {large / small:.0f}x)"
            print(f"{'total':<14}{a:>14.3f} s{b:>14.3f} s{b / a:>8.1f}x   {linear}")

if __name__ == "__main__":
    main()
