"""The final softmax or sigmoid that an Output's loss applies itself, and whether training can
leave it out.

PyTorch's cross-entropy applies a softmax to what the model outputs, and NetStudio's binary
cross-entropy a sigmoid (BCEWithLogits). A model drawn the Keras way ends in
Dense(activation='softmax'): for training, the compiler leaves that softmax out
(studio.compiler.plan_model(logits=True)), so that it is applied once; the model as drawn, for
predictions and export, keeps it. That is only the same model where nothing between the
activation and the Output changes its values per class. Where something does (a softmax over
a sequence's steps, flattened; a pooling of probabilities), the activation must stay, the loss
applies it a second time and can never get near 0: studio.shapes puts a warning on the node.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.graph import Graph

if TYPE_CHECKING:  # studio.shapes imports this module
    from studio.shapes import NodeInfo

LOSS_FUSED_ACTIVATION = {"cross_entropy": "softmax", "binary_cross_entropy": "sigmoid"}
"""The activation each loss applies itself."""
ACTIVATION_LAYER = {"softmax": "Softmax", "sigmoid": "Sigmoid"}
"""The activation as a node of its own."""

PASS_THROUGH = frozenset(
    {"Dropout", "SpatialDropout2D", "GaussianNoise", "Flatten", "Reshape", "Permute"}
)
"""Layers that hand on their input's values unchanged (in evaluation), at most laid out anew.
A final activation moves past them: training leaves it to the loss. Dropout (GaussianNoise)
then zeroes (shakes) logits instead of probabilities while training, which is the same in
evaluation. Add here any identity-like layer to come: a softmax before it is then left to
the loss too, as long as it acts on a vector (see `FusedActivation.removable`)."""

KEEPS_RANGE = PASS_THROUGH | frozenset(
    {
        "MaxPooling1D",
        "MaxPooling2D",
        "MaxPooling3D",
        "AveragePooling1D",
        "AveragePooling2D",
        "GlobalAveragePooling",
        "GlobalMaxPooling",
        "UpSampling2D",
        "RepeatVector",
        "Cropping2D",
        "ZeroPadding1D",
        "ZeroPadding2D",
    }
)
"""Layers whose outputs lie within the range of their inputs (they pick, average or repeat
values, or add zeros): probabilities stay between 0 and 1 through them, so a loss that applies
its own softmax after them applies a second one. Not removable (the activation does not move
past what mixes positions or adds values it never made), but worth the warning."""


@dataclass(frozen=True)
class FusedActivation:
    """A softmax/sigmoid whose values reach an Output whose loss applies it again."""

    node_id: str
    """The node that applies it: a Dense/Conv (its activation parameter) or a Softmax/Sigmoid."""
    activation: str
    output_id: str
    loss: str
    as_parameter: bool
    """Applied through the node's `activation` parameter, not by an activation node."""
    between: tuple[str, ...]
    """The nodes between it and the Output, in the order the values flow."""
    removable: bool
    """Training may leave it out: the model before the loss is the same with it moved last."""


def fused_activations(
    graph: Graph, nodes: Mapping[str, NodeInfo], output_ids: list[str]
) -> list[FusedActivation]:
    """For each Output among `output_ids` whose loss applies an activation itself, the node that
    applies it in the model too, found back through pass-through and range-keeping layers.
    `nodes`: the shape analysis' NodeInfo of each node (a node that does not fit gives no
    verdict)."""
    found = (_find(graph, nodes, output_id) for output_id in output_ids)
    return [f for f in found if f is not None]


def _find(graph: Graph, nodes: Mapping[str, NodeInfo], output_id: str) -> FusedActivation | None:
    loss = graph.nodes[output_id].params.get("loss", "")
    activation = LOSS_FUSED_ACTIVATION.get(loss)
    if activation is None:
        return None
    between: list[str] = []
    current = _single_source(graph, output_id)
    while current is not None and current not in between:  # a loop has no last layer
        node = graph.nodes[current]
        as_parameter = node.params.get("activation") == activation
        if as_parameter or node.layer_id == ACTIVATION_LAYER[activation]:
            chain = [current, *reversed(between)]
            infos = [nodes.get(n) for n in chain]
            if not all(info is not None and info.ok for info in infos):
                return None
            # Each value must go to the Output alone: another consumer needs the activation.
            removable = all(len(graph.outgoing(n)) == 1 for n in chain)
            removable &= all(graph.nodes[n].layer_id in PASS_THROUGH for n in between)
            # A sigmoid acts on each value alone and moves past any rearrangement; a softmax
            # only where it spans the same values as the loss's: one vector of class scores.
            if activation == "softmax":
                removable &= all(info.output.rank == 1 for info in infos)
            return FusedActivation(
                node_id=current,
                activation=activation,
                output_id=output_id,
                loss=loss,
                as_parameter=as_parameter,
                between=tuple(reversed(between)),
                removable=removable,
            )
        if node.layer_id not in KEEPS_RANGE:
            return None
        between.append(current)
        current = _single_source(graph, current)
    return None


def _single_source(graph: Graph, node_id: str) -> str | None:
    edges = [e for e in graph.incoming(node_id) if e is not None]
    return edges[0].source if len(edges) == 1 else None


SCORING_LAYERS = frozenset({"Dense", "TimeDistributed"})
"""Layers that turn their input into class scores with weights: a softmax right before the
last of them, on the way to a loss that applies softmax itself, is almost always a softmax
that was meant to end the model and was left one layer too early."""


def early_softmaxes(graph: Graph, output_ids: list[str]) -> list[tuple[str, str, str]]:
    """(softmax node, scoring node, Output) where the model's last scoring layer before a
    cross-entropy Output is fed by a softmax (a Dense's activation or a Softmax node) through
    range-keeping layers only. Training cannot leave that softmax to the loss: the scores are
    computed from probabilities."""
    found = []
    for output_id in output_ids:
        if graph.nodes[output_id].params.get("loss") != "cross_entropy":
            continue
        scoring = _back_through(graph, _single_source(graph, output_id), KEEPS_RANGE)
        if scoring is None or graph.nodes[scoring].layer_id not in SCORING_LAYERS:
            continue
        if graph.nodes[scoring].params.get("activation") == "softmax":
            continue  # the usual end of a classifier: left to the loss, not early
        source = _back_through(graph, _single_source(graph, scoring), PASS_THROUGH)
        if source is None:
            continue
        node = graph.nodes[source]
        if node.params.get("activation") == "softmax" or node.layer_id == "Softmax":
            found.append((source, scoring, output_id))
    return found


def _back_through(graph: Graph, node_id: str | None, kinds: frozenset[str]) -> str | None:
    """The first node from `node_id` backwards that is not one of `kinds` (one input each)."""
    seen: set[str] = set()
    while node_id is not None and graph.nodes[node_id].layer_id in kinds and node_id not in seen:
        seen.add(node_id)
        node_id = _single_source(graph, node_id)
    return node_id
