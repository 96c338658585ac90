"""Fast training with a frozen backbone: its features computed once per sample, the head alone
trained on them.

A backbone (a Pretrained node, or a TrainedModel block) frozen whole and fed directly by the
model's Input gives the same features for a sample every epoch, as long as nothing changes the
sample on the way (augmentation does). Then the backbone runs once over the data set and each
epoch trains only what comes after it: the head, a graph in which a new Input of the feature
shape takes the place of Input + backbone, with the same node ids.

The head is built sharing the full model's own layer modules, so training the head trains the
full model's weights in place: checkpoints, the saved weights, early stopping's best weights,
evaluation, export and resume all see the full model of a normal run.

Features larger than MEMORY_LIMIT are written to a file on disk and read back through a memory
map (studio.feature_disk); where the disk has no room either, the full model trains.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import torch
from torch import fx, nn

from studio.compiler import compile_graph, plan_model
from studio.devices import autocast_for
from studio.feature_disk import (
    FEATURES_ENV,
    FeatureFile,
    MappedSource,
    disk_refusal,
    features_folder,
)
from studio.graph import Graph
from studio.memory import human_bytes
from studio.messages import msg

# Features of every split up to this size are held on the training device, beside the model
# and a batch's activations; larger ones are written to disk (studio.feature_disk).
MEMORY_LIMIT = 1_000_000_000


def is_backbone(graph: Graph, node_id: str) -> bool:
    node = graph.nodes[node_id]
    return node.layer.category == "Pretrained" or node.layer_id == "TrainedModel"


def frozen_backbone(graph: Graph) -> str | None:
    """The id of a backbone frozen whole ("freeze": "all") that the model's one Input feeds
    and feeds nothing else; None where there is none, and the full model must train."""
    plan = plan_model(graph)
    if len(plan.inputs) != 1:
        return None
    edges = graph.outgoing(plan.inputs[0])
    if len(edges) != 1:
        return None
    target = edges[0].target
    if target not in plan.nodes or not is_backbone(graph, target):
        return None
    return target if graph.nodes[target].params.get("freeze") == "all" else None


def split_graph(graph: Graph, backbone_id: str) -> tuple[Graph, Graph]:
    """(Input → backbone, the head): the head is `graph` with its Input and the backbone
    replaced by an Input of the backbone's output shape, named as the backbone, so the head's
    weights are named as the full model's less the backbone's."""
    analysis = plan_model(graph).analysis
    (input_id,) = [e.source for e in graph.incoming(backbone_id) if e is not None]
    body = Graph()
    source = graph.nodes[input_id]
    body.add_node(source.layer_id, dict(source.params), node_id=input_id)
    backbone = graph.nodes[backbone_id]
    body.add_node(backbone.layer_id, dict(backbone.params), node_id=backbone_id)
    body.connect(input_id, backbone_id, 0)

    head = graph.copy()
    _, edges = head.remove_node(backbone_id)
    head.remove_node(input_id)
    features = analysis.nodes[backbone_id].output
    head.add_node("Input", {"shape": list(features.shape), "dtype": features.dtype},
                  node_id=backbone_id)
    for edge in edges:
        if edge.source == backbone_id:
            head.connect(backbone_id, edge.target, edge.port)
    return body, head


def head_model(graph: Graph, backbone_id: str, model: fx.GraphModule) -> fx.GraphModule:
    """The head of `model` (compiled from `graph` for training, logits=True) as a module of
    its own that holds the very layer modules of `model`, not copies."""
    _, head_graph = split_graph(graph, backbone_id)
    # Built on the meta device (nothing allocated) and with the random state put back after:
    # its own fresh layers are thrown away, and the run's random numbers stay as they were.
    with torch.random.fork_rng(devices=[]):
        head = compile_graph(head_graph, logits=True, device="meta")
    for name, _ in list(head.named_children()):
        setattr(head, name, model.get_submodule(name))
    return head


def features_size(graph: Graph, backbone_id: str, samples: int) -> int:
    """Bytes the backbone's features of `samples` samples take as float32."""
    shape = plan_model(graph).analysis.nodes[backbone_id].output.shape
    return samples * int(torch.Size(shape).numel()) * 4  # float32


class FeatureCache:
    """The frozen backbone's features of each split, computed on first use, and the head.
    With `disk` (a folder) the features are written there and memory-mapped, not held in
    memory."""

    def __init__(self, graph: Graph, backbone_id: str, model: fx.GraphModule,
                 splits: Iterable[Any], inputs: Callable[[torch.Tensor], torch.Tensor],
                 batch_size: int, amp: bool, device: torch.device,
                 say: Callable[[str], None], disk: Path | None = None, size: int = 0) -> None:
        self.backbone_id = backbone_id
        self.backbone: nn.Module = model.get_submodule(backbone_id)
        self.head = head_model(graph, backbone_id, model)
        self.splits = [s for s in splits if s is not None]
        self.inputs, self.batch_size, self.amp = inputs, batch_size, amp
        self.device, self.say = device, say
        self.disk, self.size = disk, size
        self.cached: dict[int, Any] | None = None

    def of(self, split: Any) -> Any:
        """The cached features of `split` (one the cache was made with)."""
        if self.cached is None:
            self._compute()
        assert self.cached is not None
        return self.cached[id(split)]

    def _compute(self) -> None:
        samples = sum(len(s) for s in self.splits)
        if self.disk is not None:
            self.say(msg("The frozen backbone's features take {size}, more than the {limit} "
                         "kept in memory: they are written to a file in {folder}, removed "
                         "when the run ends.", size=human_bytes(self.size),
                         limit=human_bytes(MEMORY_LIMIT), folder=str(self.disk)))
        self.say(msg("Computing the frozen backbone's features once ({samples:,} samples)…",
                     samples=samples))
        was_training = self.backbone.training
        self.backbone.eval()
        try:
            self.cached = {id(s): self._features(s) for s in self.splits}
        finally:
            self.backbone.train(was_training)
        self.say(msg("Training the head on cached features."))

    @torch.no_grad()
    def _features(self, split: Any) -> Any:
        file = FeatureFile(self.disk, self.size) if self.disk is not None else None
        xs, ys = [], []
        for xb, yb in split.batches(self.batch_size):
            with autocast_for(self.device, self.amp):
                features = self.backbone(self.inputs(xb)).float()
            if file is not None:
                file.append(features)
            else:
                xs.append(features)
            ys.append(yb)
        # Batched as the samples are (studio.supervised.TensorSource, the same shuffle draw),
        # so a cached run sees the same batches as one without the cache.
        from studio.supervised import TensorSource  # it imports this module

        if file is not None:
            return MappedSource(file.mapped(), torch.cat(ys), self.device, file)
        features = torch.cat(xs).contiguous()
        return TensorSource(features, torch.cat(ys), features.device)


def feature_cache_for(task: Any) -> FeatureCache | None:
    """A FeatureCache for a prepared SupervisedTask, or None where the full model must train:
    no backbone frozen whole right after the Input, augmentation on (each epoch sees other
    images), a reconstruction (its target is the image itself), or features too large for
    memory that the disk has no room for either."""
    graph = task.project.graph
    if task.augment or task.objective.target != "labels":
        return None
    backbone_id = frozen_backbone(graph)
    if backbone_id is None:
        return None
    splits = [task.train_split, task.val_split, task.test_split]
    samples = sum(len(s) for s in splits if s is not None)
    size = features_size(graph, backbone_id, samples)
    disk = None
    if size > MEMORY_LIMIT:
        disk = features_folder()
        refusal = disk_refusal(size, disk)
        if refusal is not None:
            task.state.message(
                msg(
                    "The frozen backbone's features would take {size}, more than the {limit} "
                    "kept in memory, and {refusal}: the whole model runs every epoch. {env} "
                    "names another folder for them.",
                    size=human_bytes(size),
                    limit=human_bytes(MEMORY_LIMIT),
                    refusal=refusal,
                    env=FEATURES_ENV,
                )
            )
            return None
    return FeatureCache(graph, backbone_id, task.model, splits, task.model_inputs,
                        task.settings["batch_size"], task.amp, task.device, task.state.message,
                        disk=disk, size=size)
