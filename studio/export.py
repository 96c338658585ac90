"""Exports of a project or a trained model, in the forms other tools load.

  safetensors  the weights, with the project JSON beside them (NetStudio opens them again)
  onnx         ONNX through torch's dynamo exporter, dynamic batch, checked by onnx.checker
  pt2          a torch.export ExportedProgram with a dynamic batch (torch.export.load)
  pt           a plain state_dict of tensors (torch.load(weights_only=True)), project beside it
  py           a folder: readable model source, weights, predict.py, train.py (DDP, torchrun)

Weights are read without unpickling anything (safetensors, or torch.load(weights_only=True)).
A project without trained weights exports its architecture with freshly initialised weights
(ONNX, pt2, py) and says so; the weight-only formats (pt, safetensors) refuse it, since a file
of random numbers would later look exactly like a trained one.

Where an export writes is export_targets' business: the path given (a name without an
extension gets the format's), never over an existing file unless force=True, never over what
is being exported. User text (names, descriptions, class names) reaches generated files only
through safe_text: escaped literals and one-line comments, never raw.
"""

from __future__ import annotations

import io
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import torch
from torch import fx

from studio.compiler import compile_graph, example_inputs, plan_model
from studio.export_sources import load_source
from studio.export_targets import (  # the errors are imported from here too
    ExportError,
    TargetExistsError,  # noqa: F401
    check_package_folder,
    check_targets,
    output_paths,
)
from studio.files import atomic_write, atomic_write_text
from studio.graph import Graph
from studio.layers.backbone_modules import without_pretrained_files
from studio.messages import msg, term
from studio.project import Project, dumps_readable
from studio.runs import save_weights
from studio.safe_text import one_line
from studio.shapes import Analysis
from studio.source import check_node_ids, class_name, model_source

FORMATS = ("safetensors", "onnx", "pt2", "pt", "py")
# Example batch for tracing. Not 1: torch.export specializes a dimension traced at size 1.
_TRACE_BATCH = 2

Note = Callable[[str], None]


def print_note(text: str) -> None:
    print(f"Note: {text}", file=sys.stderr)


def export(
    source: str | os.PathLike[str],
    fmt: str,
    output: str | os.PathLike[str],
    *,
    note: Note = print_note,
    force: bool = False,
) -> list[Path]:
    """Export a run folder, weights file or project as `fmt`; returns the files written.

    `output` is written as given; a name without an extension gets the format's (see
    export_targets). Existing files, the project .json written beside .pt and .safetensors
    weights included, are refused with TargetExistsError unless `force`."""
    if fmt not in FORMATS:
        raise ExportError(
            msg(
                "Unknown export format {format!r}; choose one of {formats}",
                format=fmt,
                formats=", ".join(FORMATS),
            )
        )
    targets = output_paths(fmt, Path(output))
    path = targets[0]
    folder = fmt == "py" and path.suffix.lower() != ".py"
    if folder:
        check_package_folder(path, force=force)
    else:
        check_targets(targets, force=force, source=Path(source))
    project, weights = load_source(source, note)
    check_node_ids(project.graph)  # before anything is built from them
    if fmt == "py":
        if folder:
            from studio.export_package import write_package
            from studio.export_package.labels import class_names

            classes = class_names(Path(source), project)
            return write_package(project, weights, path, note=note, classes=classes, force=force)
        source_text = model_source(project.graph, class_name(project.name), project.name)
        atomic_write_text(path, source_text)
        return [path]
    if weights is None and fmt in ("pt", "safetensors"):
        raise ExportError(
            msg(
                "{source} is a project without trained weights, and a .{format} file holds "
                "only weights: it would hold random numbers that look like a trained model. "
                "Train it first (netstudio train PROJECT --out RUN) and export the run folder, "
                "or choose onnx, pt2 or py to export the architecture.",
                source=str(source),
                format=fmt,
            )
        )
    model = inference_model(project, weights)
    if weights is None:
        note(
            msg(
                '"{name}" has no trained weights: the {format} export holds freshly '
                "initialised (random) weights. Export a trained run folder for a model that "
                "predicts.",
                name=one_line(project.name),
                format=fmt,
            )
        )
    if fmt == "onnx":
        return [write_onnx(model, path, graph=project.graph, title=project.name)]
    if fmt == "pt2":
        return [write_pt2(model, path, graph=project.graph)]
    beside = targets[1]
    project_text = _project_text(project, beside)  # refused before any file is written
    state = model.state_dict()
    if fmt == "pt":
        atomic_write(path, lambda tmp: torch.save(_plain_tensors(state), tmp))
    else:
        save_weights(path, state, project)
    atomic_write_text(beside, project_text)
    return [path, beside]


def _project_text(project: Project, path: Path) -> str:
    """The project file written beside weights, checked to be writable as UTF-8 first."""
    text = dumps_readable(project.to_dict()) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ExportError(
            msg(
                "The project cannot be saved as {path}: its name, description or another text "
                "field holds a character that is not valid Unicode text (a lone surrogate). "
                "Rename it and export again.",
                path=path,
            )
        ) from None
    return text


def _plain_tensors(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    # Detached CPU copies, so the file holds plain tensors and nothing else.
    return {k: v.detach().to("cpu").clone() for k, v in state.items()}


def inference_model(project: Project, weights: dict[str, torch.Tensor] | None) -> fx.GraphModule:
    """The model as drawn (final softmax kept), in eval mode, with these weights or, without
    them, fresh ones seeded by the project's seed (the same export twice gives the same file)."""
    # Trained weights replace every weight built here, so backbones need not read their
    # pretrained files (another machine may not have them); without trained weights the
    # pretrained ones are the model's.
    skip_files = without_pretrained_files() if weights is not None else nullcontext()
    with torch.random.fork_rng(devices=[]), skip_files:
        torch.manual_seed(int(project.training.get("seed", 0)))
        model = compile_graph(project.graph)
    if weights is not None:
        load_weights_into(model, weights)
    return model.eval()


def load_weights_into(model: torch.nn.Module, weights: dict[str, torch.Tensor]) -> None:
    expected = model.state_dict()
    missing = sorted(set(expected) - set(weights))
    unexpected = sorted(set(weights) - set(expected))
    wrong = sorted(
        k
        for k in set(expected) & set(weights)
        if tuple(expected[k].shape) != tuple(weights[k].shape)
    )
    if missing or unexpected or wrong:
        parts = []
        if missing:
            parts.append(f"missing {_few(missing)}")
        if unexpected:
            parts.append(f"unknown {_few(unexpected)}")
        if wrong:
            parts.append(f"other shapes for {_few(wrong)}")
        raise ExportError(
            msg(
                "The weights do not fit the project's model ({problems}): were they "
                "trained for another version of the project?",
                problems="; ".join(parts),
            )
        )
    model.load_state_dict(weights)


def _few(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


# torch.export and ONNX ----------------------------------------------------------------------


def _batch_dynamic_shapes(n_inputs: int) -> tuple[dict[int, Any], ...]:
    # One Dim object for every input ties their batch sizes together; min=1 keeps batch 1 valid
    # even though the trace uses batch 2.
    batch = torch.export.Dim("batch", min=1)
    return tuple({0: batch} for _ in range(n_inputs))


@contextmanager
def _quiet() -> Iterator[None]:
    # The exporters warn about internals a user cannot act on; real failures still raise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def export_program(model: fx.GraphModule) -> torch.export.ExportedProgram:
    args = example_inputs(model.input_types, batch=_TRACE_BATCH)
    with _quiet():
        return torch.export.export(model, args, dynamic_shapes=_batch_dynamic_shapes(len(args)))


def write_pt2(
    model: fx.GraphModule,
    path: Path,
    *,
    graph: Graph,
    program: torch.export.ExportedProgram | None = None,
) -> Path:
    """Save the model as a .pt2 ExportedProgram (`program`, when the caller already has it)."""
    if program is None:
        program = traced_program(model, graph, "pt2 (torch.export)")
    # Saved to memory first: torch.export.save wants a name ending in .pt2, and the atomic
    # write's temporary file has another.
    buffer = io.BytesIO()
    torch.export.save(program, buffer)
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(buffer.getvalue()))
    return path


def traced_program(
    model: fx.GraphModule, graph: Graph, fmt: str = "pt2 (torch.export)"
) -> torch.export.ExportedProgram:
    """torch.export of the model with a dynamic batch; a failure names the layer at fault."""
    refuse_declared(graph, "onnx" if fmt == "ONNX" else "pt2", fmt)
    try:
        return export_program(model)
    except Exception as exc:  # the exporter raises many kinds; each becomes one plain message
        raise _diagnose(graph, fmt, exc, lambda m, g: export_program(m)) from exc


def onnx_model(
    program: torch.export.ExportedProgram,
    input_names: list[str],
    output_names: list[str],
    *,
    optimize: bool = True,
) -> Any:
    """The traced model as an ONNX ModelProto, inputs and outputs named after their nodes,
    checked by onnx.checker. The batch stays dynamic: the program's batch dimension is."""
    try:
        import onnx
        import onnxscript  # noqa: F401  (the dynamo exporter needs it)
    except ImportError as exc:
        raise ExportError(
            msg(
                "ONNX export needs the packages onnx and onnxscript ({name} is missing): "
                "pip install 'netstudio[export]'",
                name=exc.name,
            )
        ) from None
    with _quiet():
        onnx_program = torch.onnx.export(
            program, (), dynamo=True, input_names=input_names, optimize=optimize, verbose=False
        )
    proto = onnx_program.model_proto
    _name_outputs(proto, output_names)
    onnx.checker.check_model(proto, full_check=True)
    return proto


def write_onnx(
    model: fx.GraphModule,
    path: Path,
    *,
    graph: Graph,
    title: str = "",
    program: torch.export.ExportedProgram | None = None,
) -> Path:
    """Save the model as ONNX. It goes through torch.export first, as the dynamo exporter
    does: `program` saves that step when the caller already has it."""
    refuse_declared(graph, "onnx", "ONNX")
    if program is None:
        program = traced_program(model, graph, "ONNX")
    inputs, outputs = list(model.input_names), plan_model(graph).outputs
    try:
        proto = onnx_model(program, inputs, outputs)
    except ExportError:
        raise
    except Exception as exc:  # the exporter raises many kinds; each becomes one plain message

        def probe(m: fx.GraphModule, g: Graph) -> Any:
            names = list(m.input_names)
            return onnx_model(export_program(m), names, plan_model(g).outputs, optimize=False)

        raise _diagnose(graph, "ONNX", exc, probe) from exc
    import onnx

    # The title is user text: one printable line (a lone surrogate is not even valid protobuf).
    proto.doc_string = f"{one_line(title or 'Model')}: exported by NetStudio"
    atomic_write(path, lambda tmp: onnx.save(proto, tmp))
    return path


def _name_outputs(proto: Any, names: list[str]) -> None:
    """Give each output its node's name (output_1) through an Identity node.

    This also mends a model that returns an input unchanged: the exporter then writes an
    Identity whose output reuses the input's name, which ONNX Runtime rejects as a duplicate."""
    from onnx import helper

    graph = proto.graph
    inputs = {i.name for i in graph.input}
    for node in list(graph.node):
        if node.op_type == "Identity" and node.output[0] in inputs:
            graph.node.remove(node)  # it would redefine an input: a no-op, and invalid
    taken = {o for n in graph.node for o in n.output} | inputs
    for value, wanted in zip(graph.output, names, strict=True):
        if value.name == wanted:
            continue
        if wanted in taken:
            wanted = f"{wanted}_output"
        graph.node.append(helper.make_node("Identity", [value.name], [wanted], name=wanted))
        value.name = wanted
        taken.add(wanted)


# Which layer cannot be exported -------------------------------------------------------------


def refuse_declared(graph: Graph, key: str, fmt: str) -> None:
    """Refuse at once a model with a layer that declares it cannot go to this format
    (LayerType.cannot_export), with the layer's own reason: no trace to wait for."""
    for node_id in plan_model(graph).nodes:
        node = graph.nodes[node_id]
        reason = node.layer.cannot_export.get(key)
        if reason:
            raise _layer_refused(graph, node_id, fmt, reason)


def _layer_refused(graph: Graph, node_id: str, fmt: str, reason: str) -> ExportError:
    return ExportError(
        msg(
            "The layer {node} ({layer}) cannot be exported to {format}: {error}. "
            "Replace it or export another format.",
            node=node_id,
            layer=term(graph.nodes[node_id].layer.title, "layers"),
            format=fmt,
            error=reason,
        )
    )


def _diagnose(
    graph: Graph,
    fmt: str,
    exc: BaseException,
    probe: Callable[[fx.GraphModule, Graph], Any],
) -> ExportError:
    """Name the layer that fails to export by exporting each layer alone; the first that fails
    is the culprit. Only runs after a failure, so the happy path pays nothing."""
    plan = plan_model(graph)
    for node_id in plan.nodes:
        node = graph.nodes[node_id]
        if node.layer.is_input:
            continue
        alone = single_layer_graph(graph, plan.analysis, node_id)
        try:
            with _quiet(), without_pretrained_files():  # only the export is tried here
                probe(compile_graph(alone).eval(), alone)
        except Exception as layer_exc:
            return _layer_refused(graph, node_id, fmt, _first_line(layer_exc))
    return ExportError(
        msg(
            "The model cannot be exported to {format}: {error}",
            format=fmt,
            error=_first_line(exc),
        )
    )


def single_layer_graph(graph: Graph, analysis: Analysis, node_id: str) -> Graph:
    """One node of `graph` fed by Inputs of the shapes it receives there."""
    node = graph.nodes[node_id]
    alone = Graph()
    target = alone.add_node(node.layer_id, dict(node.params), node_id=node_id)
    for port, tensor in enumerate(analysis.nodes[node_id].inputs):
        source = alone.add_node("Input", {"shape": list(tensor.shape), "dtype": tensor.dtype})
        alone.connect(source.id, target.id, port)
    return alone


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    line = text.splitlines()[0].strip().rstrip(".")
    return line if len(line) <= 240 else line[:237] + "..."
