"""Floating-point operations per sample, per node.

Most layers count themselves (their `flops` formula: tens of microseconds, which matters in a
graph of thousands of distinct layers); the rest are run on meta tensors (no memory, no time)
under torch's FlopCounterMode, which counts matrix products and convolutions. Counts are cached
by layer, parameters and input types: an edit recounts only the nodes it changed.
"""

from __future__ import annotations

import functools
import threading
import warnings
from typing import Any

import torch
from torch.utils.flop_counter import FlopCounterMode

from studio.compiler import example_inputs, resolve_function
from studio.graph import Graph
from studio.layers.base import Call, TensorType
from studio.layers.registry import get_layer
from studio.shapes import Analysis


def needs_counter(graph: Graph) -> bool:
    """Whether counting this graph runs torch's FlopCounterMode (a layer without a formula,
    such as the Transformer encoder)."""
    return any(
        not node.layer.is_input and node.layer.flops is None for node in graph.nodes.values()
    )


# FlopCounterMode's first use imports torch._dynamo (its dispatch mode is wrapped in
# torch._disable_dynamo): 2 to 4 seconds of imports, once per process. The app has it done on a
# background thread and counts such graphs once it is ready, so the window never freezes.
_counter_ready = threading.Event()
_warm_up_started = threading.Lock()


def prepare_counter() -> None:
    """Import what the counter's first use imports; returns when it is done."""
    import torch._dynamo  # noqa: F401

    _counter_ready.set()


def prepare_counter_in_background() -> None:
    """prepare_counter on a daemon thread, started once per process."""
    if _warm_up_started.acquire(blocking=False):
        threading.Thread(target=prepare_counter, name="flop-counter-warm-up", daemon=True).start()


def counter_ready() -> bool:
    return _counter_ready.is_set()


class _MetaEmitter:
    """Runs a layer's emit calls at once on meta tensors (no fx graph to build and compile:
    a node costs well under a millisecond instead of ten, so a 20,000-node graph of distinct
    layers is counted in seconds)."""

    def __init__(self, module: torch.nn.Module | None) -> None:
        self._module = module

    def module(self, *args: Any) -> Any:
        return self._module(*args)

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return resolve_function(function)(*args, **kwargs)

    def method(self, obj: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(obj, name)(*args, **kwargs)

    def getitem(self, obj: Any, index: Any) -> Any:
        return obj[index]


@functools.lru_cache(maxsize=4096)
def node_flops(layer_id: str, params: tuple, inputs: tuple[TensorType, ...]) -> int:
    layer = get_layer(layer_id)
    call = Call(dict(params), list(inputs))
    if layer.flops is not None:
        return layer.flops(call, layer.infer(call))
    spec = layer.module(call)
    # Inference FLOPs, and in eval mode: a training-mode BatchNorm refuses a batch of one
    # vector (it has no batch statistics to take).
    module = spec.build(device="meta").eval() if spec is not None else None
    counter = FlopCounterMode(display=False)
    # Counting runs no real computation: torch's advice about it (padding='same' with an even
    # kernel "may require a zero-padded copy") is noise in a summary.
    with counter, torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        layer.emit(_MetaEmitter(module), call, list(example_inputs(list(inputs), 1, "meta")))
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
