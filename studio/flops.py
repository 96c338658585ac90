"""Floating-point operations per sample, per node.

torch's FlopCounterMode counts matrix products and convolutions on meta tensors (no memory, no
time); it sees nothing inside recurrent layers, so those get the textbook formula.
"""

from __future__ import annotations

import torch
from torch.utils.flop_counter import FlopCounterMode

from studio.compiler import compile_graph, example_inputs
from studio.graph import Graph
from studio.shapes import Analysis

_RECURRENT_GATES = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}


def recurrent_flops(layer_id: str, steps: int, features: int, units: int, directions: int) -> int:
    # Each gate at each step: a (features + units) × units product, 2 operations per multiply-add.
    return steps * _RECURRENT_GATES[layer_id] * 2 * units * (features + units) * directions


def count_flops(graph: Graph, analysis: Analysis) -> dict[str, int]:
    """FLOPs of one forward pass of one sample, by node id (0 for nodes without weights)."""
    model = compile_graph(graph, device="meta")
    counter = FlopCounterMode(display=False)
    with counter, torch.no_grad():
        model(*example_inputs(model.input_types, batch=1, device="meta"))
    by_module = counter.get_flop_counts()
    flops = {}
    for node_id, node in graph.nodes.items():
        counts = by_module.get(f"{type(model).__name__}.{node_id}", {})
        flops[node_id] = int(sum(counts.values()))
        if node.layer_id in _RECURRENT_GATES:
            (steps, features) = analysis.nodes[node_id].inputs[0].shape
            directions = 2 if node.params["bidirectional"] else 1
            flops[node_id] = recurrent_flops(
                node.layer_id, steps, features, node.params["units"], directions
            )
    return flops
