"""Floating-point operations per sample, per node.

torch's FlopCounterMode counts matrix products and convolutions on meta tensors (no memory, no
time); it sees nothing inside recurrent layers, so those get the textbook formula. Each node is
counted alone, in a one-layer graph, and cached by its layer, parameters and input types: an
edit recounts only the nodes it changed.
"""

from __future__ import annotations

import functools

import torch
from torch.utils.flop_counter import FlopCounterMode

from studio.graph import Graph
from studio.layers.base import TensorType
from studio.shapes import Analysis

_RECURRENT_GATES = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}


def recurrent_flops(layer_id: str, steps: int, features: int, units: int, directions: int) -> int:
    # Each gate at each step: a (features + units) × units product, 2 operations per multiply-add.
    return steps * _RECURRENT_GATES[layer_id] * 2 * units * (features + units) * directions


@functools.lru_cache(maxsize=4096)
def node_flops(layer_id: str, params: tuple, inputs: tuple[TensorType, ...]) -> int:
    from studio.compiler import compile_graph, example_inputs

    values = dict(params)
    if layer_id in _RECURRENT_GATES:
        steps, features = inputs[0].shape
        directions = 2 if values["bidirectional"] else 1
        return recurrent_flops(layer_id, steps, features, values["units"], directions)
    graph = Graph()
    node = graph.add_node(layer_id, values)
    for port, tensor in enumerate(inputs):
        source = graph.add_node("Input", {"shape": list(tensor.shape), "dtype": tensor.dtype})
        graph.connect(source.id, node.id, port)
    # Inference FLOPs, and in eval mode: a training-mode BatchNorm refuses a batch of one
    # vector (it has no batch statistics to take).
    model = compile_graph(graph, device="meta").eval()
    counter = FlopCounterMode(display=False)
    with counter, torch.no_grad():
        model(*example_inputs(model.input_types, batch=1, device="meta"))
    return int(counter.get_total_flops())


def count_flops(graph: Graph, analysis: Analysis) -> dict[str, int]:
    """FLOPs of one forward pass of one sample, by node id (0 for Input nodes)."""
    flops = {}
    for node_id, node in graph.nodes.items():
        info = analysis.nodes[node_id]
        if node.layer.is_input or info.output is None:
            flops[node_id] = 0
            continue
        params = tuple(sorted(node.params.items()))
        flops[node_id] = node_flops(node.layer_id, params, info.inputs)
    return flops
