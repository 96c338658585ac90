"""How long the app takes to open a large project file: 200 and 2,000 layers.

A chain Input → (Dense → ReLU)… → Output is written as a project file, then timed in one
process, offscreen unless a display is set:
  - load: `studio.project.load_project` (read, validate) alone;
  - open: File → Open into a shown main window (load, shape inference, scene building,
    arrange when the layout needs it, fit), as `MainWindow.open_path` does it;
  - paint: the first frame of the whole window afterwards (`grab()`);
  - summary: the Summary tab's table (shapes, parameters, FLOPs), which follows on a timer.
The first open in a process also pays for importing what counting FLOPs needs (torch's
dynamo, about 2 s once): a small template is opened first, unmeasured, to take that out.
Target (issue 12): a 2,000-node graph opens in a few seconds; the sum is printed as "total".

usage: python bench/bench_app_open.py [--nodes 200 2000] [--layout row|column|grid]
       [--profile N]   (cProfile of the open of the last size: the N costliest functions)
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def chain_project(nodes: int, layout: str) -> dict:
    """A valid project of `nodes` layers in a chain; positions as a hand-made file has them."""
    ids = ["input_1"]
    kinds = ["Input"]
    for i in range(1, nodes - 1):
        kinds.append("Dense" if i % 2 else "ReLU")
        ids.append(f"{kinds[-1].lower()}_{i}")
    kinds.append("Output")
    ids.append("output_1")
    per_row = 40

    def position(i: int) -> list[float]:
        if layout == "row":
            return [i * 230.0, 0.0]
        if layout == "column":
            return [0.0, i * 150.0]
        return [(i % per_row) * 230.0, (i // per_row) * 150.0]

    graph_nodes = []
    for i, (node_id, kind) in enumerate(zip(ids, kinds, strict=True)):
        params: dict = {}
        if kind == "Input":
            params = {"shape": [16]}
        elif kind == "Dense":
            params = {"units": 16}
        graph_nodes.append({"id": node_id, "type": kind, "params": params, "position": position(i)})
    edges = [{"from": a, "to": b, "port": 0} for a, b in itertools.pairwise(ids)]
    return {
        "format": "netstudio-project",
        "version": 1,
        "name": f"Chain of {nodes}",
        "description": "",
        "graph": {"nodes": graph_nodes, "edges": edges},
    }


def measure(window, path: Path, app) -> dict[str, float]:
    from studio.project import load_project

    t0 = time.perf_counter()
    load_project(path)
    t1 = time.perf_counter()
    ok = window.open_path(str(path), ask=False)
    app.processEvents()
    t2 = time.perf_counter()
    window.grab()
    t3 = time.perf_counter()
    window.summary.refresh_now()  # the Summary tab's table, filled on a timer after an edit
    t4 = time.perf_counter()
    if not ok:
        raise SystemExit(f"the app refused {path}: {window.last_error}")
    return {
        "load": t1 - t0,
        "open": t2 - t1,
        "paint": t3 - t2,
        "summary": t4 - t3,
        "total": t4 - t1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--layout", choices=["row", "column", "grid"], default="row")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()

    config = tempfile.mkdtemp(prefix="netstudio-bench-")
    os.environ["NETSTUDIO_CONFIG_DIR"] = config
    from widgets.app import application
    from widgets.main_window import MainWindow

    app = application()
    window = MainWindow(interactive=False)
    window.show()
    app.processEvents()
    window.summary.refresh_now()
    print(f"opening a chain of N layers laid out as one {args.layout} (seconds)")
    print(f"{'N':>6} {'load':>7} {'open':>7} {'paint':>7} {'summary':>7} {'total':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.nodes:
            path = Path(folder) / f"chain-{n}.json"
            path.write_text(json.dumps(chain_project(n, args.layout)), encoding="utf-8")
            profile = cProfile.Profile() if args.profile and n == args.nodes[-1] else None
            if profile:
                profile.enable()
            t = measure(window, path, app)
            if profile:
                profile.disable()
            row = " ".join(f"{t[k]:7.2f}" for k in ("load", "open", "paint", "summary", "total"))
            print(f"{n:>6} {row}   ({len(window.scene.nodes)} nodes on the canvas)")
            if profile:
                pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    window._closing = True
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
