"""A NetStudio run's trained model, used as a block of another model.

Classes listed in CLASSES join studio.layers.modules.OWN_MODULES (built by ModuleSpec, written
into exported source).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn


class TrainedModel(nn.Module):
    """A trained model's layers as one block, frozen or fine-tuned.

    `freeze`: "all" keeps every weight as trained, and the block always computes as when
    evaluating (Dropout off, BatchNorm on its trained statistics); "all_but_last_layers"
    lets the last `trainable_layers` layers with weights learn and keeps the others (and their
    BatchNorm statistics) as trained; "none" fine-tunes it all. Its weights that learn do so
    at the learning rate × `lr_factor`.

    In NetStudio, `body` is built from the run folder `run`: its model up to the node `until`,
    with the run's trained weights. Exported source passes the body, written out as a class of
    its own, so the file needs only PyTorch."""

    def __init__(
        self,
        run: str,
        until: str,
        freeze: str = "all",
        trainable_layers: int = 1,
        lr_factor: float = 1.0,
        body: nn.Module | None = None,
    ) -> None:
        super().__init__()
        if body is None:
            try:
                from studio.layers.run_block_modules import trained_body
            except ImportError:
                raise ImportError(
                    f"This block is the trained NetStudio run {run!r}: building it from the "
                    "run folder needs NetStudio. Pass body=, the run's layers as a module."
                ) from None
            body = trained_body(run, until)
        self.body = body
        self.run, self.until = run, until
        self.freeze, self.trainable_layers = freeze, trainable_layers
        self.lr_factor = lr_factor
        # The body's layers in the order they compute; those with weights can be frozen.
        weighted = [name for name, m in body.named_children() if any(True for _ in m.parameters())]
        if freeze == "all":
            self.frozen_layers = [name for name, _ in body.named_children()]
        elif freeze == "all_but_last_layers":
            self.frozen_layers = weighted[: max(0, len(weighted) - trainable_layers)]
        else:
            self.frozen_layers = []
        for name in self.frozen_layers:
            for p in body.get_submodule(name).parameters():
                p.requires_grad_(False)
        self.train(self.training)

    def train(self, mode: bool = True) -> nn.Module:
        super().train(mode)
        if self.freeze == "all":
            self.body.eval()
        for name in self.frozen_layers:  # a frozen BatchNorm keeps its trained statistics
            self.body.get_submodule(name).eval()
        return self

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x)

    def extra_repr(self) -> str:
        return (f"until={self.until!r}, freeze={self.freeze!r}, "
                f"trainable_layers={self.trainable_layers}, lr_factor={self.lr_factor}")


CLASSES: tuple[type, ...] = (TrainedModel,)


def trained_body(run: str, until: str) -> nn.Module:
    """The run's model up to `until`, compiled, with the run's trained weights (none on the
    meta device, where only shapes and counts are wanted)."""
    from studio.compiler import compile_graph
    from studio.layers.backbone_modules import without_pretrained_files
    from studio.layers.base import ShapeError
    from studio.layers.run_block import read_run, run_paths_from
    from studio.runs.layout import RunError

    try:
        cut = read_run(run, until)
    except ShapeError as exc:
        raise RunError(str(exc)) from None
    # The run's weights replace every weight built here: its backbones' pretrained files
    # are not needed (and another machine may not have them).
    with run_paths_from(cut.folder), without_pretrained_files():
        body = compile_graph(cut.graph, name="TrainedBody")
    if any(p.is_meta for p in body.parameters()) or any(b.is_meta for b in body.buffers()):
        return body
    body.load_state_dict(run_weights(cut.folder, body))
    return body


def run_weights(folder, body: nn.Module) -> dict[str, torch.Tensor]:
    """The run's trained weights of the body's layers (RunError when the run has none)."""
    from studio.messages import msg
    from studio.runs.layout import WEIGHTS_FILE, RunError
    from studio.runs.storage import load_trained

    with _paths_from(folder):
        _, weights = load_trained(folder)
    if weights is None:
        raise RunError(
            msg("The run {path} has no trained weights yet ({file}): train it first",
                path=str(folder), file=WEIGHTS_FILE)
        )
    wanted = body.state_dict()
    return {k: weights[k] for k in wanted}


def _paths_from(folder):
    from studio.layers.run_block import run_paths_from

    return run_paths_from(folder)


# Exported source ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BlockSource:
    """How exported source writes one TrainedModel node without NetStudio: the expression
    that builds it, the classes it needs defined above the model (the run's layers as a class
    of their own), and NetStudio's own module classes those layers use."""

    expression: str
    definitions: str
    own_classes: frozenset[str]


def block_source(run: str, until: str, freeze: str, trainable_layers: int, lr_factor: float,
                 node_id: str) -> BlockSource:
    """The node's source: `TrainedModel('', until, freeze, …, body=<its class>())`,
    the body class written from the run's graph by the same walk that compiles it (so its
    state_dict keys and values match the compiled block's)."""
    from studio.compiler import plan_model, walk_graph
    from studio.layers.run_block import read_run, run_paths_from
    from studio.safe_text import python_comment
    from studio.source import SourceEmitter, check_node_ids

    cut = read_run(run, until)
    name = f"TrainedBody_{node_id}"
    with run_paths_from(cut.folder):
        check_node_ids(cut.graph)
        plan = plan_model(cut.graph)
        emitter = SourceEmitter(set(cut.graph.nodes))
        (output,) = walk_graph(cut.graph, plan, emitter)
    init = "\n".join(f"        {line}" for line in emitter.init_lines) or "        pass"
    forward = "\n".join(f"        {line}" for line in emitter.forward_lines)
    about = python_comment(f"The layers of the NetStudio run {cut.folder.name} up to "
                           f"{cut.until}; their weights come with the model's.")
    definition = (
        f"class {name}(nn.Module):\n"
        f"    {about}\n"
        f"    def __init__(self):\n"
        f"        super().__init__()\n{init}\n\n"
        f"    def forward(self, {', '.join(emitter.arguments)}):\n{forward}\n"
        f"        return {output.render()}\n\n\n"
    )
    expression = (f"TrainedModel('', {cut.until!r}, {freeze!r}, {int(trainable_layers)!r}, "
                  f"{float(lr_factor)!r}, body={name}())")
    return BlockSource(expression, definition,
                       frozenset(emitter.own_classes | {"TrainedModel"}))


def spec_source(spec, node_id: str) -> BlockSource:
    """block_source of a TrainedModel ModuleSpec (its arguments as the layer writes them)."""
    run, until, freeze, trainable_layers, lr_factor = spec.args
    return block_source(run, until, freeze, trainable_layers, lr_factor, node_id)


SOURCE_WRITERS = {"TrainedModel": spec_source}
"""Own module classes that exported source cannot write as `Class(literal arguments)` plus
their class text, by name: each gives the node's expression, the definitions it needs, and
the own classes it uses (see studio.source)."""
