"""The standalone Python package export: a folder that needs PyTorch and nothing of NetStudio.

    model.py           the model as readable source (studio.source), plus a training variant
                       without the final softmax/sigmoid when the loss applies it itself
    model.safetensors  the trained weights (absent when the project was never trained)
    config.json        the project's inputs, output, loss and training settings
    common.py          shared by the two scripts: settings, weights, data (template/common.py)
    predict.py         runs the model and prints predictions (template/predict.py)
    train.py           trains alone or under torchrun with DDP (template/train.py)
    README.md          how to run it on one machine and on several

The scripts in template/ are fixed files, the same for every model: everything that differs
lives in model.py and config.json. The template folder has no __init__.py so that they are
never imported as part of NetStudio (their imports resolve only beside a model.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from studio.compiler import LOSS_FUSED_ACTIVATION, plan_model, walk_graph
from studio.export_targets import PACKAGE_FORMAT, check_package_folder, staged_folder
from studio.files import atomic_write_text
from studio.graph import Graph
from studio.messages import msg, term
from studio.project import Project, dumps_readable
from studio.runs import RunError, save_weights
from studio.safe_text import one_line
from studio.source import SourceEmitter, class_name, model_source

TEMPLATE_DIR = Path(__file__).resolve().parent / "template"
SCRIPTS = ("common.py", "predict.py", "train.py")
WEIGHTS = "model.safetensors"
CONFIG_VERSION = 1
# Training settings that train.py understands; the rest (augmentation, early stopping,
# validation split, mixed precision) stay in NetStudio and are listed in the README.
TRAINING_KEYS = (
    "optimizer",
    "learning_rate",
    "momentum",
    "nesterov",
    "weight_decay",
    "l1",
    "batch_size",
    "epochs",
    "schedule",
    "schedule_step",
    "schedule_gamma",
    "seed",
)


def write_package(
    project: Project,
    weights: dict[str, torch.Tensor] | None,
    folder: Path,
    *,
    note: Callable[[str], None],
    classes: list[str] | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the package as the folder `folder`: a new one, or (force) in place of an earlier
    package export. It is written beside it first and moved into place when complete.
    `classes`: the class names predict.py prints (see labels.class_names)."""
    from studio.export import inference_model
    from studio.export_package.readme import readme

    check_package_folder(folder, force=force)
    name = class_name(project.name)
    source, training_class = package_source(project.graph, name, project.name)
    config = package_config(
        project, name, training_class, has_weights=weights is not None, classes=classes
    )
    model = inference_model(project, weights) if weights is not None else None  # weights fit?
    trainable = config["output"] is not None
    scripts = SCRIPTS if trainable else SCRIPTS[:2]
    names = [
        "model.py",
        *([WEIGHTS] if model is not None else []),
        "config.json",
        *scripts,
        "README.md",
    ]
    with staged_folder(folder) as staging:
        atomic_write_text(staging / "model.py", source)
        if model is not None:
            save_weights(staging / WEIGHTS, model.state_dict(), project)
        atomic_write_text(staging / "config.json", dumps_readable(config) + "\n")
        for script in scripts:
            atomic_write_text(staging / script, (TEMPLATE_DIR / script).read_text("utf-8"))
        atomic_write_text(staging / "README.md", readme(config, trainable=trainable))
    if model is None:
        note(
            msg(
                '"{name}" has no trained weights, so the package has no {file}: predict.py runs '
                "with random weights until train.py has trained the model.",
                name=one_line(project.name),
                file=WEIGHTS,
            )
        )
    if not trainable:
        note(
            msg(
                "train.py was not written: training needs exactly one Output layer (it says "
                "which loss to use), and this model has {count}.",
                count=term("several") if _output_count(project.graph) else term("none"),
            )
        )
    return [folder / n for n in names]


def _output_count(graph: Graph) -> int:
    return sum(1 for node in graph.nodes.values() if node.layer.is_output)


# model.py -----------------------------------------------------------------------------------

_MAIN = '\n\n\nif __name__ == "__main__":'


def package_source(graph: Graph, name: str, title: str) -> tuple[str, str]:
    """model.py and the name of the class to train. When the Output's loss applies the final
    softmax/sigmoid itself, a subclass with the same layers (so the same weights) gets a
    forward that stops before it, so that the activation is never applied twice."""
    source = model_source(graph, name, title)
    plan = plan_model(graph, logits=True)
    if not plan.skipped and not plan.params_override:
        return source, name
    emitter = SourceEmitter(set(graph.nodes))
    outputs = walk_graph(graph, plan, emitter)
    returned = ", ".join(o.render() for o in outputs)
    forward = "\n".join(f"        {line}" for line in emitter.forward_lines)
    activation = " / ".join(sorted({_fused(graph, o) for o in plan.outputs} - {None}))
    training = f'''class {name}ForTraining({name}):
    """{name} for training: the same layers and weights, but forward returns the scores
    before the final {activation}, which the loss (e.g. CrossEntropyLoss) applies itself."""

    def forward(self, {", ".join(emitter.arguments)}):
{forward}
        return {returned}'''
    head, main, tail = source.partition(_MAIN)
    if not main:
        raise RunError("internal: the model source has no __main__ block to insert before")
    return f"{head}\n\n\n{training}{main}{tail}", f"{name}ForTraining"


def _fused(graph: Graph, output_id: str) -> str | None:
    return LOSS_FUSED_ACTIVATION.get(graph.nodes[output_id].params.get("loss", ""))


# config.json --------------------------------------------------------------------------------


def package_config(
    project: Project,
    model_class: str,
    training_class: str,
    *,
    has_weights: bool,
    classes: list[str] | None = None,
) -> dict[str, Any]:
    """config.json. Its text fields are one-line printable text (one_line): the scripts print
    them, and lone surrogates could not even be written as UTF-8."""
    graph = project.graph
    plan = plan_model(graph)
    types = plan.analysis.nodes
    inputs = [
        {
            "name": n,
            "shape": list(types[n].output.shape),
            "dtype": types[n].output.dtype,
            "high": _token_limit(graph, n) if types[n].output.is_integer else None,
        }
        for n in plan.inputs
    ]
    heads = [o for o in plan.outputs if graph.nodes[o].layer.is_output]
    output = None
    if len(heads) == 1 and len(plan.outputs) == 1:
        head = graph.nodes[heads[0]]
        logits = plan_model(graph, logits=True)
        output = {
            "name": head.id,
            "shape": list(types[head.id].output.shape),
            "loss": head.params["loss"],
            "target": head.params["target"],
            # Whether the inference model already ends in the activation the loss applies:
            # predict.py then reads its outputs as probabilities directly.
            "final_activation": _fused(graph, head.id)
            if (logits.skipped or logits.params_override)
            else None,
        }
    if output is None or not _names_fit(classes, output):
        classes = None
    return {
        "format": PACKAGE_FORMAT,
        "version": CONFIG_VERSION,
        "name": one_line(project.name),
        "model_class": model_class,
        "training_class": training_class,
        "weights": WEIGHTS if has_weights else None,
        "inputs": inputs,
        "output": output,
        "training": {k: project.training[k] for k in TRAINING_KEYS},
        "dataset": one_line(project.dataset.get("name") or ""),
        "classes": [one_line(c) for c in classes] if classes else None,
    }


def _names_fit(classes: list[str] | None, output: dict[str, Any]) -> bool:
    """Whether the names label the output's scores: one per score of a classifier."""
    classifies = output["target"] == "labels" and output["loss"] in (
        "cross_entropy",
        "binary_cross_entropy",
    )
    return bool(classes) and classifies and output["shape"][-1:] == [len(classes)]


def _token_limit(graph: Graph, input_id: str) -> int:
    """Largest token id + 1 for an integer input: the smallest vocabulary of the Embeddings it
    feeds (so synthetic ids are valid for all of them); 2 when no Embedding reads it."""
    sizes = [
        graph.nodes[e.target].params["input_dim"]
        for e in graph.outgoing(input_id)
        if graph.nodes[e.target].layer_id == "Embedding"
    ]
    return min(sizes, default=2)
