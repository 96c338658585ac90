"""TrainedModel: a NetStudio run's trained model, up to a chosen layer, as one block of another
model (transfer learning from the user's own runs: no download needed).

Shape inference reads the run's project only (project.json, no tensors, no PyTorch), cuts its
graph at the chosen layer and infers that part's shapes; the module (studio.layers.
run_block_modules.TrainedModel) is that part compiled, with the run's trained weights.

A relative run path is taken from the folder of the project that holds the block, as data set
paths are: callers that know it say so with `run_paths_from(folder)`; without, it is taken from
the current directory.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import StudioError
from studio.layers.base import (
    Call,
    Formula,
    LayerType,
    ModuleSpec,
    ShapeError,
    TensorType,
    example,
    format_shape,
)
from studio.layers.common import ChoiceParam, FloatParam, IntParam, count, params
from studio.messages import msg
from studio.params import TextParam


# Longer than any real path: a longer "path" is damaged data (as data set paths).
def _shown(value: Any) -> Any:
    from studio.params import shown

    return shown(value)


# Where relative run paths start ------------------------------------------------------------

_PROJECT_FOLDER: ContextVar[Path | None] = ContextVar("run_block_project_folder", default=None)
_READING: ContextVar[tuple[str, ...]] = ContextVar("run_block_reading", default=())


@contextlib.contextmanager
def run_paths_from(folder: str | os.PathLike[str] | None) -> Iterator[None]:
    """Within this block, a relative `run` path is taken from `folder` (the folder of the
    project file that holds the TrainedModel node)."""
    token = _PROJECT_FOLDER.set(Path(folder) if folder is not None else None)
    try:
        yield
    finally:
        _PROJECT_FOLDER.reset(token)


def run_folder(text: str) -> Path:
    """The run folder a `run` parameter names, absolute; ShapeError when it names none."""
    if not text.strip():
        raise ShapeError(msg("choose the run folder of a trained model (its run parameter is "
                             "empty)"))
    path = Path(text)
    with contextlib.suppress(RuntimeError):  # "~" with no home directory to expand it to
        path = path.expanduser()
    base = _PROJECT_FOLDER.get()
    if not path.is_absolute() and base is not None:
        path = base / path
    return Path(os.path.abspath(path))


def absolute_run_paths(graph: Any, base_dir: str | os.PathLike[str]) -> Any:
    """A copy of `graph` whose TrainedModel nodes name their runs by absolute path: for a run
    folder's copy of the project, which must find them again from anywhere."""
    copy = graph.copy()
    with run_paths_from(base_dir):
        for node in copy.nodes.values():
            if node.layer_id == TRAINED_MODEL_ID and node.params["run"].strip():
                node.params["run"] = str(run_folder(node.params["run"]))
    return copy


# What a run's model is, read without PyTorch ------------------------------------------------


@dataclass(frozen=True)
class RunCut:
    """A run's model cut at one node: what the block computes, and from what."""

    folder: Path
    title: str
    until: str
    input_type: TensorType
    output: TensorType
    graph: Any  # studio.graph.Graph: the part of the run's graph the block keeps
    params: int
    keras_params: int
    weighted: tuple[tuple[str, int], ...] = field(default=())
    """(node id, parameter count) of each layer with weights, in order."""


def read_run(text: str, until: str) -> RunCut:
    """The run's model up to `until` ('' : its features, see default_until); ShapeError with a
    plain reason when the folder or the node cannot be used."""
    folder = run_folder(text)
    project_file = folder / "project.json"
    try:
        stat = project_file.stat()
    except OSError:
        if not folder.is_dir():
            raise ShapeError(msg("there is no run folder {path}", path=str(folder))) from None
        raise ShapeError(msg("{path} is not a NetStudio run folder: it has no project.json",
                             path=str(folder))) from None
    if str(folder) in _READING.get():
        raise ShapeError(msg("the run {path} uses itself as a block", path=str(folder)))
    token = _READING.set((*_READING.get(), str(folder)))
    try:
        return _cut_of(str(folder), stat.st_mtime_ns, stat.st_size, until.strip())
    finally:
        _READING.reset(token)


@functools.lru_cache(maxsize=64)
def _cut_of(folder: str, mtime_ns: int, size: int, until: str) -> RunCut:
    # Shape inference asks for the cut several times per node (shape, module, counts).
    return _cut(_read_project(folder, mtime_ns, size), until)


@dataclass(frozen=True)
class _Run:
    folder: Path
    title: str
    graph: Any
    analysis: Any


@functools.lru_cache(maxsize=32)
def _read_project(folder: str, mtime_ns: int, size: int) -> _Run:
    # Cached by the file's time and size: shape inference runs after every edit, and the
    # run's project changes only if the run is replaced.
    from studio.runs.layout import project_of
    from studio.shapes import infer_shapes

    try:
        project = project_of(folder)
    except StudioError as exc:
        raise ShapeError(msg("the run folder {path} cannot be used: {reason}", path=folder,
                             reason=str(exc))) from None
    with run_paths_from(folder):  # blocks inside the run: from the run's own folder
        analysis = infer_shapes(project.graph)
    if not analysis.ok:
        raise ShapeError(msg("the model of the run {path} does not build: {problem}",
                             path=folder, problem=str(analysis.problems[0])))
    return _Run(Path(folder), project.name, project.graph, analysis)


def default_until(graph: Any, analysis: Any) -> str:
    """The node whose output the block gives when none is chosen: what the run's last layer
    with weights (its classifier, for a classifier) reads, i.e. the model's learned features.
    The class scores themselves are tied to the old task's classes; the features before them
    are what carries over to new ones. Without such a layer: what feeds the Output."""
    outputs = [n for n in graph.nodes.values() if n.layer.is_output]
    if len(outputs) != 1:
        sinks = [n for n in graph.nodes if not graph.outgoing(n)]
        return sinks[0] if len(sinks) == 1 else ""
    feeding = graph.predecessors(outputs[0].id)
    if not feeding:
        return ""
    last = node = feeding[0]
    # Back over layers without weights (a Softmax, a Dropout) to the scoring layer.
    while analysis.nodes[node].params == 0:
        sources = graph.predecessors(node)
        if len(sources) != 1 or graph.nodes[node].layer.is_input:
            return last
        node = sources[0]
    sources = graph.predecessors(node)
    if len(sources) != 1 or graph.nodes[sources[0]].layer.is_input:
        return last
    return sources[0]


def _cut(run: _Run, until: str) -> RunCut:
    from studio.graph import graph_from_dict

    graph, analysis = run.graph, run.analysis
    chosen = until.strip() or default_until(graph, analysis)
    node = graph.nodes.get(chosen)
    if node is None:
        choices = [n for n, v in graph.nodes.items()
                   if not v.layer.is_input and not v.layer.is_output]
        raise ShapeError(msg("the run's model has no layer {node!r}; its layers: {names}",
                             node=_shown(chosen), names=", ".join(choices)))
    if node.layer.is_output or node.layer.is_input:
        raise ShapeError(msg("the block cannot end at {node}, the run's {kind}: choose a "
                             "layer in between", node=chosen, kind=node.layer.id))
    kept = graph.ancestors([chosen])
    inputs = [n for n in analysis.order if n in kept and graph.nodes[n].layer.is_input]
    if len(inputs) != 1:
        raise ShapeError(msg("the run's model up to {node} has {count} inputs; a block takes "
                             "one", node=chosen, count=len(inputs)))
    whole = graph.to_dict()
    part = graph_from_dict({
        "nodes": [n for n in whole["nodes"] if n["id"] in kept],
        "edges": [e for e in whole["edges"] if e["from"] in kept and e["to"] in kept],
    })
    order = [n for n in analysis.order if n in kept]
    weighted = tuple((n, analysis.nodes[n].params) for n in order if analysis.nodes[n].params)
    return RunCut(
        folder=run.folder,
        title=run.title,
        until=chosen,
        input_type=analysis.nodes[inputs[0]].output,
        output=analysis.nodes[chosen].output,
        graph=part,
        params=sum(analysis.nodes[n].params for n in order),
        keras_params=sum(analysis.nodes[n].keras_count for n in order),
        weighted=weighted,
    )


# The layer ----------------------------------------------------------------------------------

TRAINED_MODEL_ID = "TrainedModel"
FREEZE_CHOICES = ("all", "all_but_last_layers", "none")


def _run_cut(c: Call) -> RunCut:
    cut = read_run(c["run"], c["until"])
    if c["freeze"] == "all_but_last_layers" and c["trainable_layers"] > len(cut.weighted):
        raise ShapeError(
            msg(
                "the run's model up to {node} has {count} layers with weights, fewer than "
                "trainable_layers ({wanted}): lower it, or set freeze to none",
                node=cut.until,
                count=len(cut.weighted),
                wanted=c["trainable_layers"],
            )
        )
    if c.x != cut.input_type:
        raise ShapeError(
            msg(
                "the run's model takes a {want} (its Input), but this block gets a {got}; "
                "feed it data shaped as the run was trained on",
                want=cut.input_type.describe(),
                got=c.x.describe(),
            )
        )
    return cut


def _infer(c: Call) -> TensorType:
    return _run_cut(c).output


def _module(c: Call) -> ModuleSpec:
    cut = _run_cut(c)
    return ModuleSpec("TrainedModel", (str(cut.folder), cut.until, c["freeze"],
                                       c["trainable_layers"], c["lr_factor"]))


def _emit(em, c: Call, xs):
    return em.module(xs[0])


def _flops(c: Call, out: TensorType) -> int:
    from studio.flops import count_flops
    from studio.shapes import infer_shapes

    cut = _run_cut(c)
    with run_paths_from(cut.folder):
        return sum(count_flops(cut.graph, infer_shapes(cut.graph)).values())


def _shape_text(c: Call, out: TensorType) -> str:
    cut = _run_cut(c)
    return f"{format_shape(c.x.shape)} → {cut.until} → {format_shape(out.shape)}"


# A longer list of weighted layers reads as a count.
_LISTED = 6


def _count_text(c: Call) -> str:
    cut = _run_cut(c)
    if not cut.weighted:
        return "0"
    if len(cut.weighted) > _LISTED:
        return f"{len(cut.weighted)} layers = {count(cut.params)}"
    terms = " + ".join(count(n) for _, n in cut.weighted)
    return terms if len(cut.weighted) == 1 else f"{terms} = {count(cut.params)}"


def _frozen(c: Call) -> int:
    cut = _run_cut(c)
    if c["freeze"] == "all":
        return cut.params
    if c["freeze"] == "none":
        return 0
    return sum(n for _, n in cut.weighted[: len(cut.weighted) - c["trainable_layers"]])


EXAMPLE_RUN = Path(__file__).with_name("run_block_example")
"""A tiny run folder shipped for the registry-wide tests (Input 1×8×8 → Conv2D 4 → pool →
Flatten → Dense 10 → Output): its layers are checked like every other layer's."""

TRAINED_MODEL = LayerType(
    id=TRAINED_MODEL_ID,
    title="TrainedModel",
    category="Pretrained",
    summary="A model you trained in NetStudio, up to a chosen layer, as one block.",
    params=params(
        TextParam("run", "", browse="folder"),
        TextParam("until", "", max_length=200,
                  placeholder="the features its last layer reads"),
        ChoiceParam("freeze", "all", choices=FREEZE_CHOICES),
        IntParam("trainable_layers", 1, minimum=1, maximum=1000),
        FloatParam("lr_factor", 0.1, minimum=1e-6, maximum=10.0),
    ),
    infer=_infer,
    module=_module,
    emit=_emit,
    examples=(
        # Frozen weights get no gradient, which the registry-wide backward check refuses:
        # the examples fine-tune (tests/test_run_block.py trains frozen blocks).
        example({"run": str(EXAMPLE_RUN), "freeze": "none"}, (1, 8, 8)),
        example({"run": str(EXAMPLE_RUN), "until": "conv2d_1", "freeze": "none"}, (1, 8, 8)),
        example({"run": str(EXAMPLE_RUN), "until": "dense_1", "freeze": "none",
                 "lr_factor": 1.0}, (1, 8, 8)),
    ),
    formula=Formula(
        "out = the output of the chosen layer of the run's model",
        "the weights of the run's layers up to it",
        _shape_text,
        _count_text,
    ),
    flops=_flops,
    keras_params=lambda c: _run_cut(c).keras_params,
    frozen_params=_frozen,
)

LAYERS = [TRAINED_MODEL]
