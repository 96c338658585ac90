"""Shape inference on a 200-node graph: how long one edit's re-inference takes.

Baseline in the same run: the naive way to get the same shapes, building the PyTorch model and
running a forward pass on meta tensors. Usage: python bench/bench_shapes.py
"""

import time

import torch

from studio.compiler import compile_graph, example_inputs
from studio.graph import Graph
from studio.shapes import count_parameters, infer_shapes


def residual_graph(blocks: int) -> Graph:
    g = Graph()
    x = g.add_node("Input", {"shape": [16, 32, 32]}).id
    for _ in range(blocks):
        a = g.add_node("Conv2D", {"filters": 16, "padding": "same", "activation": "relu"}).id
        b = g.add_node("Conv2D", {"filters": 16, "padding": "same"}).id
        add = g.add_node("Add").id
        relu = g.add_node("ReLU").id
        g.connect(x, a)
        g.connect(a, b)
        g.connect(b, add, 0)
        g.connect(x, add, 1)
        g.connect(add, relu)
        x = relu
    head = g.add_node("GlobalAveragePooling").id
    g.connect(x, head)
    d = g.add_node("Dense", {"units": 10}).id
    g.connect(head, d)
    return g


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    g = residual_graph(50)  # 50 blocks × 4 + 3 = 203 nodes
    infer_shapes(g)  # warm the parameter-count cache, as after the first edit in the app
    ours = best_of(lambda: infer_shapes(g))
    count_parameters.cache_clear()
    cold = best_of(lambda: (count_parameters.cache_clear(), infer_shapes(g)), repeat=2)

    def naive():
        model = compile_graph(g, device="meta")
        with torch.no_grad():
            model(*example_inputs(model.input_types, batch=1, device="meta"))

    baseline = best_of(naive, repeat=3)
    print(f"nodes: {len(g.nodes)}")
    print(f"infer_shapes (per edit, warm cache): {ours * 1e3:.1f} ms")
    print(f"infer_shapes (cold cache):           {cold * 1e3:.1f} ms")
    print(f"baseline build + meta forward:       {baseline * 1e3:.1f} ms")
    print(f"ratio baseline / ours: {baseline / ours:.1f}x")


if __name__ == "__main__":
    main()
