"""An imported activation made the `activation` parameter of the layer before it, as NetStudio
draws it: one rule for every importer that maps operator by operator (ONNX, .pt2).

NetStudio's compiler moves a monotonic activation after a MaxPooling2D (the same values,
cheaper), so an exported model shows Conv2D → MaxPooling2D → ReLU; the rule looks across that
pooling, and where the layer before it cannot take the activation, puts the activation node
back before the pooling, where the user drew it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.graph import Graph
from studio.importers.onnx_values import Value

HOSTS = {"Dense", "Conv1D", "Conv2D", "Conv3D", "DepthwiseConv2D", "ConvTranspose2D"}
"""Layers with an `activation` parameter."""
MONOTONIC = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "leaky_relu": "LeakyReLU"}
"""Activations that commute with max-pooling (the compiler moves them past a MaxPooling2D),
by parameter value → their layer."""
DEFAULT_SHAPE = {"leaky_relu": 0.01, "elu": 1.0}
"""The slope/alpha that the activation parameter applies (studio.layers.common)."""


def fuse_activation(
    graph: Graph,
    readers: dict[str, int],
    value: Value,
    name: str,
    shape: float | None,
    add: Callable[[str, dict[str, Any], list[str]], str],
) -> str | None:
    """Apply activation `name` (with its slope/alpha `shape`) to `value` through a layer's
    parameter: the node that now applies it, or None where the activation stays a node of
    its own. `readers` counts each node's readers (fusion needs one); `add(layer, params,
    inputs)` adds a node and returns its id."""
    if shape is not None and abs(shape - DEFAULT_SHAPE[name]) > 1e-9:
        return None
    if readers.get(value.node) != 1 or value.pooled:
        return None
    before = graph.nodes[value.node]
    if before.layer_id in HOSTS and before.params["activation"] == "linear":
        graph.set_params(before.id, {"activation": name})
        return before.id
    if before.layer_id != "MaxPooling2D" or name not in MONOTONIC:
        return None
    edge = graph.incoming(before.id)[0]
    if edge is None or readers.get(edge.source) != 1:
        return None
    host = graph.nodes[edge.source]
    if host.layer_id in HOSTS and host.params["activation"] == "linear":
        graph.set_params(host.id, {"activation": name})
        return host.id
    # The activation node goes back before the pooling, where the user drew it.
    params = {"negative_slope": shape} if name == "leaky_relu" else {}
    graph.disconnect(edge)
    activation = add(MONOTONIC[name], params, [host.id])
    graph.connect(activation, before.id, 0)
    return activation
