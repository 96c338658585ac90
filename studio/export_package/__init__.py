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

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

from studio.compiler import LOSS_FUSED_ACTIVATION, plan_model, walk_graph
from studio.files import atomic_write_text
from studio.graph import Graph
from studio.project import Project, dumps_readable
from studio.runs import RunError, save_weights
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
) -> list[Path]:
    """Write the package into `folder` (created, or refreshed if it exists)."""
    from studio.export import ExportError, inference_model
    from studio.export_package.readme import readme

    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; the py export writes a folder (or give a .py name)")
    name = class_name(project.name)
    source, training_class = package_source(project.graph, name, project.name)
    config = package_config(project, name, training_class, has_weights=weights is not None)
    folder.mkdir(parents=True, exist_ok=True)

    written = [_text(folder / "model.py", source)]
    if weights is not None:
        model = inference_model(project, weights)  # checks that the weights fit the model
        save_weights(folder / WEIGHTS, model.state_dict(), project)
        written.append(folder / WEIGHTS)
    else:
        (folder / WEIGHTS).unlink(missing_ok=True)  # never leave weights of an earlier export
        note(
            f"{project.name!r} has no trained weights, so the package has no {WEIGHTS}: "
            "predict.py runs with random weights until train.py has trained the model."
        )
    written.append(_text(folder / "config.json", dumps_readable(config) + "\n"))
    scripts = SCRIPTS if config["output"] is not None else SCRIPTS[:2]
    for script in scripts:
        shutil.copyfile(TEMPLATE_DIR / script, folder / script)
        written.append(folder / script)
    if config["output"] is None:
        (folder / "train.py").unlink(missing_ok=True)
        note(
            "train.py was not written: training needs exactly one Output layer (it says which "
            "loss to use), and this model has "
            f"{'several' if _output_count(project.graph) else 'none'}."
        )
    written.append(_text(folder / "README.md", readme(config, trainable="train.py" in scripts)))
    return written


def _text(path: Path, text: str) -> Path:
    atomic_write_text(path, text)
    return path


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
    emitter = SourceEmitter()
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
    project: Project, model_class: str, training_class: str, *, has_weights: bool
) -> dict[str, Any]:
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
    return {
        "format": "netstudio-package",
        "version": CONFIG_VERSION,
        "name": project.name,
        "model_class": model_class,
        "training_class": training_class,
        "weights": WEIGHTS if has_weights else None,
        "inputs": inputs,
        "output": output,
        "training": {k: project.training[k] for k in TRAINING_KEYS},
        "dataset": project.dataset.get("name"),
    }


def _token_limit(graph: Graph, input_id: str) -> int:
    """Largest token id + 1 for an integer input: the smallest vocabulary of the Embeddings it
    feeds (so synthetic ids are valid for all of them); 2 when no Embedding reads it."""
    sizes = [
        graph.nodes[e.target].params["input_dim"]
        for e in graph.outgoing(input_id)
        if graph.nodes[e.target].layer_id == "Embedding"
    ]
    return min(sizes, default=2)
