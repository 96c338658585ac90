"""Keras code → a NetStudio project: the guides' models, read and never run.

`import_keras_code(text, source_name)` reads a Python file or a pasted snippet (studio.importers.
keras_reader), picks the model it builds (the one compiled, else the last), turns its layers
into registry layers (studio.importers.keras_layers), adds the Output node with the loss that
compile() names, lays the graph out and checks it. What compile() and fit() say becomes the
project's training settings. Every call or argument that could not come across is in the
report with its line; a layer that cannot be imported is left out only where the graph stays
valid without it, else the import is refused with the report.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from studio.graph import Graph, GraphError
from studio.importers.keras_applications import convert_application
from studio.importers.keras_layers import LayerCall, NotConvertible, convert_layer
from studio.importers.keras_reader import (
    APPLICATION,
    Fallback,
    FunctionalModel,
    KerasObject,
    Reader,
    RefusedCode,
    SequentialModel,
    Tensor,
    Unknown,
)
from studio.importers.keras_settings import loss_of, training_from
from studio.importers.report import ImportRefused, ImportReport
from studio.layout import layered_positions
from studio.messages import msg
from studio.project import Project
from studio.settings import DATASET_DEFAULTS, default_training
from studio.shapes import infer_shapes

MAX_CODE_BYTES = 4 * 1024 * 1024
"""A model's code is a few kilobytes; a larger file is not model code (and parsing it would
take long)."""

_WRITE_OUT = msg("NetStudio reads the code without running it, so it cannot know what this "
                 "gives: write the layers out one by one, with numbers")


def line(number: int) -> str:
    return msg("line {line}", line=number)


def import_keras_file(path: Path) -> tuple[Project, ImportReport]:
    """`import_keras_code` for a file on disk (the command line's `netstudio import`)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CODE_BYTES + 1)
    except OSError as exc:
        raise ImportRefused(msg("Cannot read {path}: {reason}", path=str(path),
                                reason=exc.strerror or str(exc))) from None
    if len(data) > MAX_CODE_BYTES:
        raise ImportRefused(msg("{path} is larger than {size} MB: not Keras model code",
                                path=str(path), size=MAX_CODE_BYTES // (1024 * 1024)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(msg("{path} is not UTF-8 text (byte {offset}): not Python code",
                                path=str(path), offset=exc.start)) from None
    return import_keras_code(text, path.name)


def import_keras_code(text: str, source_name: str) -> tuple[Project, ImportReport]:
    """The project that Keras code describes, and the report of what came across.

    Raises ImportRefused (with the report) when no valid graph can be made: a syntax error,
    no model, a model built in a loop or from values only known when run, a custom layer."""
    report = ImportReport(source=source_name)
    try:
        return _import(text, source_name, report)
    except ImportRefused:
        _in_line_order(report)
        raise


def _import(text: str, source_name: str, report: ImportReport) -> tuple[Project, ImportReport]:
    if len(text) > MAX_CODE_BYTES:
        raise ImportRefused(msg("{source} is longer than {size} MB: not Keras model code",
                                source=source_name, size=MAX_CODE_BYTES // (1024 * 1024)))
    reader = Reader()
    # Code copied from a web page keeps the page's indentation on every line.
    code = textwrap.dedent(text.replace("\r\n", "\n"))
    try:
        reader.read_module(code, source_name)
    except RefusedCode as exc:
        report.add_not_mapped(source_name, str(exc))
        raise ImportRefused(exc.args[0], report) from None
    for number, reason in reader.skipped:
        report.add_not_mapped(line(number), reason)
    for number, note in reader.notes:
        report.add_mapped(line(number), note)
    model, name = _chosen_model(reader, report, source_name)
    _refuse_unknowable_structure(reader, report)
    graph = Graph()
    builder = _Builder(graph, report)
    if isinstance(model, SequentialModel):
        outputs = builder.sequential(model, reader)
    else:
        outputs = builder.functional(model, reader)
    settings = reader.compiled.get(id(model))
    loss = loss_of(settings, builder.last_activation(outputs), builder.output_shape(outputs),
                   report)
    for output in outputs:
        node = graph.add_node("Output", {"loss": loss})
        graph.connect(output, node.id)
    _check(graph, report, builder)
    for node_id, position in layered_positions(graph).items():
        graph.move_node(node_id, position)
    project = Project(
        name=Path(source_name).stem or "Imported model",
        graph=graph,
        dataset=_dataset(reader, report),
        training={**default_training(), **training_from(settings, report)},
        description=str(msg("Imported from the Keras code in {source} (the variable {model}).",
                            source=source_name, model=repr(name or "model"))),
    )
    _in_line_order(report)
    return project, report


def _in_line_order(report: ImportReport) -> None:
    """Entries sorted by their line, as the user reads the code (stable: same line, same
    order); entries without a line (the loss chosen) come last."""

    def key(entry: tuple[str, str]) -> int:
        values = getattr(entry[0], "values", None) or {}
        number = values.get("line")
        return number if isinstance(number, int) else 1 << 30

    for entries in (report.mapped, report.not_mapped, report.approximated):
        entries.sort(key=key)


def _chosen_model(reader: Reader, report: ImportReport, source: str) -> tuple[Any, str | None]:
    if not reader.models and reader.subclassed_models:
        number, cls = reader.subclassed_models[0]
        raise ImportRefused(msg(
            "Line {line}: {cls} is a subclass of Model, whose layers are used by code in its "
            "call(); NetStudio reads Sequential and functional (Model(inputs, outputs)) "
            "models. Write it as one of those", line=number, cls=cls), report)
    if not reader.models:
        raise ImportRefused(
            msg("{source}: found no Keras model in the code (Sequential([...]), "
                "model.add(...) or Model(inputs, outputs))", source=source), report)
    compiled = [m for m in reader.models if reader.compiled.get(id(m[0]), None)
                and reader.compiled[id(m[0])].compile]
    chosen = (compiled or reader.models)[-1]
    for model, name in reader.models:
        if model is not chosen[0]:
            report.add_not_mapped(line(model.line), msg(
                "another model ({name}): NetStudio imports one model per file, the one that "
                "is compiled (else the last)", name=name or "?"))
    return chosen


def _refuse_unknowable_structure(reader: Reader, report: ImportReport) -> None:
    for number in reader.loops:
        report.add_not_mapped(line(number), msg("the model is built in a loop. {advice}",
                                                advice=_WRITE_OUT))
    for number, condition in reader.unresolved:
        report.add_not_mapped(line(number), msg(
            "the layers depend on {condition}, known only when the code runs. {advice}",
            condition=condition, advice=_WRITE_OUT))
    first = min([*reader.loops, *(n for n, _ in reader.unresolved)], default=None)
    if first is not None:
        raise ImportRefused(msg(
            "Line {line}: the model's layers are made in a loop or under a condition that "
            "only running the code decides; write the layers out one by one", line=first),
            report)


_RANK_NEEDED = ("Permute", "Dense", "LayerNormalization", "PReLU")


class _Builder:
    """Adds the chosen model's layers to the graph, reporting each one."""

    def __init__(self, graph: Graph, report: ImportReport) -> None:
        self.graph = graph
        self.report = report
        self.input_lines: dict[str, int] = {}
        self.node_lines: dict[str, int] = {}
        self.custom: list[tuple[int, str]] = []
        self.unpooled: set[str] = set()  # pretrained blocks whose pooling Keras leaves out
        self.shared_reported: set[int] = set()  # id() of layer objects applied twice, said

    # Sequential ------------------------------------------------------------------------------

    def sequential(self, model: SequentialModel, reader: Reader) -> list[str]:
        # A pretrained model as an item (Sequential([base, Dense(…)])) is a layer here.
        items = [LayerCall(APPLICATION, [item], dict(item.kwargs), item.line)
                 if isinstance(item, KerasObject) and item.kind == "applications" else item
                 for item in model.layers]
        if items and not any(isinstance(item, (LayerCall, Tensor)) for item in items):
            unknown = items[0]
            raise ImportRefused(msg(
                "Line {line}: the model's layers come from {text}, known only when the code "
                "runs; write the layers out one by one",
                line=getattr(unknown, "line", model.line),
                text=getattr(unknown, "text", "?")), self.report)
        shape, dtype, shape_line = None, None, model.line
        if items and isinstance(items[0], Tensor):  # layers.Input(...) as the first item
            step = reader.steps[items.pop(0).step]
            shape, dtype, shape_line = step.input_shape, step.input_dtype, step.line
        elif items and isinstance(items[0], LayerCall) and items[0].cls == "InputLayer":
            first = items.pop(0)
            shape = first.kwargs.get("input_shape", first.kwargs.get("shape",
                                     first.args[0] if first.args else None))
            shape_line = first.line
        elif items and isinstance(items[0], LayerCall):
            shape, dtype = _shape_from_first_layer(items[0])
            shape_line = items[0].line
        if shape is None and model.build_shape is not None:
            built = model.build_shape
            shape = tuple(built[1:]) if isinstance(built, (list, tuple)) else built
        if shape is None:
            raise ImportRefused(msg(
                "Line {line}: the model's input shape is not written; add input_shape=(…) to "
                "the first layer, or keras.Input(shape=(…)) before it", line=model.line),
                self.report)
        current = self.input_node(shape, dtype, shape_line, first_layer=items[0] if items
                                  else None)
        for item in items:
            if isinstance(item, LayerCall):
                current = self.layer(item, [current]) or current
            else:
                where = item.line if isinstance(item, (Unknown, Fallback)) else model.line
                text = item.text if isinstance(item, (Unknown, Fallback)) else "?"
                self.report.add_not_mapped(line(where), msg(
                    "{text} is not a layer NetStudio can read. {advice}", text=text,
                    advice=_WRITE_OUT))
        return [current]

    # Functional ------------------------------------------------------------------------------

    def functional(self, model: FunctionalModel, reader: Reader) -> list[str]:
        if not model.outputs or not model.inputs:
            raise ImportRefused(msg(
                "Line {line}: the model's inputs or outputs could not be read (Model(inputs, "
                "outputs) must name Input tensors and the layers' results); see the report",
                line=model.line),
                self.report)
        wanted: set[int] = set()
        stack = [t.step for t in model.outputs]
        while stack:
            index = stack.pop()
            if index not in wanted:
                wanted.add(index)
                stack.extend(reader.steps[index].inputs)
        nodes: dict[int, str | None] = {}
        for index in sorted(wanted):
            step = reader.steps[index]
            if step.call is None:
                nodes[index] = self.input_node(step.input_shape, step.input_dtype, step.line)
                continue
            inputs = [nodes.get(i) for i in step.inputs]
            if any(i is None for i in inputs):
                self.report.add_not_mapped(line(step.line), msg(
                    "{cls}: what flows into it was not imported", cls=step.call.cls))
                nodes[index] = None
                continue
            made = self.layer(step.call, inputs)  # type: ignore[arg-type]
            # A single-input layer left out passes its input on; a merge cannot.
            nodes[index] = made if made or len(inputs) > 1 else inputs[0]
        outputs = [nodes[t.step] for t in model.outputs]
        if any(o is None for o in outputs):
            raise ImportRefused(msg("The model's output depends on layers that could not be "
                                    "imported; see the report"), self.report)
        return outputs  # type: ignore[return-value]

    # Nodes -----------------------------------------------------------------------------------

    def input_node(self, shape: Any, dtype: Any, number: int,
                   first_layer: LayerCall | None = None) -> str:
        if not isinstance(shape, (list, tuple)) or not shape or not all(
                isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in shape):
            raise ImportRefused(msg(
                "Line {line}: the input shape {shape} must be written as whole numbers "
                "(NetStudio needs every size fixed, None included)", line=number,
                shape=_written(shape)), self.report)
        keras_shape = list(shape)
        ours = [keras_shape[-1], *keras_shape[:-1]] if len(shape) in (3, 4) else keras_shape
        integer = dtype in ("int32", "int64", "int", "int16", "int8", "uint8") or (
            first_layer is not None and first_layer.cls == "Embedding")
        node = self.graph.add_node(
            "Input", {"shape": ours, "dtype": "int64" if integer else "float32"})
        self.input_lines[node.id] = number
        if ours != keras_shape:
            self.report.add_mapped(line(number), msg(
                "Input {keras} (channels last, Keras) → {ours} (channels first, NetStudio)",
                keras=_written(keras_shape), ours=_written(ours)))
        else:
            self.report.add_mapped(line(number), msg("Input {shape}", shape=_written(ours)))
        return node.id

    def layer(self, call: LayerCall, inputs: list[str]) -> str | None:
        """The node for one Keras layer call, connected to `inputs`; None if left out."""
        where = line(call.line)
        if call.custom or call.cls == "Lambda":
            self.custom.append((call.line, call.cls))
            self.report.add_not_mapped(where, msg(
                "{cls} computes what its own code says; NetStudio cannot know that without "
                "running it (and never runs it)", cls=call.cls))
            return None
        for fallback in _take_plain_values(call):
            self.report.add_approximated(where, msg(
                "{cls}: {text} depends on how the code is started; {value} (its value when "
                "started plainly) is used", cls=call.cls, text=fallback.text,
                value=fallback.value))
        if call.cls == APPLICATION:
            return self.application(call, inputs)
        pooled = self._pooled_by_block(call, inputs)
        if pooled is not None:
            return pooled
        bad = _unknown_argument(call)
        if bad is not None:
            self.report.add_not_mapped(where, msg("{cls}: {text} {advice}", cls=call.cls,
                                                  text=bad, advice=_WRITE_OUT))
            return None
        try:
            # Only these need the rank (shape inference of the graph so far).
            rank = self._rank(inputs[0]) if inputs and call.cls in _RANK_NEEDED else None
            converted = convert_layer(call, rank)
        except NotConvertible as exc:
            self.report.add_not_mapped(where, msg("{cls} left out: {reason}", cls=call.cls,
                                                  reason=exc.args[0]))
            return None
        if converted.identity:
            self.report.add_mapped(where, msg("{cls}: computes nothing, no node needed",
                                              cls=call.cls))
            return inputs[0] if inputs else None
        if converted.layer_id == "Dense" and rank == 2:
            # Keras' Dense on a sequence acts on each step: NetStudio's TimeDistributed.
            converted.layer_id = "TimeDistributed"
        params = dict(converted.params)
        if converted.layer_id in ("Add", "Concatenate", "Multiply", "Average", "Maximum"):
            params["inputs"] = len(inputs)
        node = None
        try:
            node = self.graph.add_node(converted.layer_id, params,
                                       node_id=self._keras_name(call))
            for port, source in enumerate(inputs):
                self.graph.connect(source, node.id, port)
        except GraphError as exc:
            self.report.add_not_mapped(where, msg("{cls} left out: {reason}", cls=call.cls,
                                                  reason=str(exc)))
            if node is not None:
                self.graph.remove_node(node.id)
            return None
        self.node_lines[node.id] = call.line
        self.report.add_mapped(where, msg("{cls} → {node}", cls=call.cls, node=node.id))
        last = node.id
        for layer_id, extra in converted.after:
            follower = self.graph.add_node(layer_id, dict(extra))
            self.graph.connect(last, follower.id)
            self.node_lines[follower.id] = call.line
            self.report.add_mapped(where, msg(
                "{cls}'s activation → {node} (as Keras computes it: {params})", cls=call.cls,
                node=follower.id, params=", ".join(f"{k}={v}" for k, v in extra.items())))
            last = follower.id
        for argument, reason in converted.ignored:
            self.report.add_not_mapped(where, msg("{cls}({arg}=…) {reason}", cls=call.cls,
                                                  arg=argument, reason=reason))
        for text in converted.changed:
            self.report.add_approximated(where, text)
        if call.applied > 1 and id(call) not in self.shared_reported:
            self.shared_reported.add(id(call))
            self.report.add_approximated(where, msg(
                "{cls} is applied {count} times; Keras shares its weights between the calls, "
                "NetStudio gives each call its own", cls=call.cls, count=call.applied))
        return last

    def application(self, call: LayerCall, inputs: list[str]) -> str | None:
        """A keras.applications model used as a layer → NetStudio's pretrained block."""
        model = call.args[0]
        where = line(call.line)
        try:
            converted, pools = convert_application(model.cls, model.kwargs)
        except NotConvertible as exc:
            self.report.add_not_mapped(where, exc.args[0])
            raise ImportRefused(msg("Line {line}: {reason}", line=call.line,
                                    reason=exc.args[0]), self.report) from None
        node = self.graph.add_node(converted.layer_id, converted.params)
        self.graph.connect(inputs[0], node.id)
        self.node_lines[node.id] = call.line
        self.report.add_mapped(where, msg("{cls} → {node} (pretrained block)", cls=model.cls,
                                          node=node.id))
        for text in converted.changed:
            self.report.add_approximated(where, text)
        if not pools:
            self.unpooled.add(node.id)
        return node.id

    def _pooled_by_block(self, call: LayerCall, inputs: list[str]) -> str | None:
        """Keras' pretrained model with pooling=None gives feature maps; NetStudio's block
        gives them averaged, which only a GlobalAveragePooling2D after it also does."""
        blocks = [i for i in inputs if i in self.unpooled]
        if not blocks:
            return None
        if call.cls in ("GlobalAveragePooling2D", "GlobalAveragePooling") and not call.kwargs.get(
                "keepdims"):
            self.report.add_mapped(line(call.line), msg(
                "{cls}: {node} averages its features already, no node needed", cls=call.cls,
                node=blocks[0]))
            # From here on the block's output is what Keras has after the pooling too.
            self.unpooled.discard(blocks[0])
            return blocks[0]
        raise ImportRefused(msg(
            "Line {line}: {cls} takes the feature maps of a pretrained model; NetStudio's "
            "pretrained blocks give their features averaged. Write pooling=\"avg\" in the "
            "model, or a GlobalAveragePooling2D after it", line=call.line, cls=call.cls),
            self.report)

    def _keras_name(self, call: LayerCall) -> str | None:
        """The layer's name= in Keras, as the node's id where it can be one (the report and
        the graph then use the names the code uses)."""
        name = call.kwargs.get("name")
        if not isinstance(name, str):
            return None
        try:
            self.graph.check_id(name)
        except GraphError:
            return None
        return name

    def _rank(self, node_id: str) -> int | None:
        info = infer_shapes(self.graph).nodes.get(node_id)
        return info.output.rank if info is not None and info.output is not None else None

    def output_shape(self, outputs: list[str]) -> tuple[int, ...] | None:
        info = infer_shapes(self.graph).nodes.get(outputs[-1]) if outputs else None
        return info.output.shape if info is not None and info.output is not None else None

    def last_activation(self, outputs: list[str]) -> str | None:
        node = self.graph.node(outputs[-1]) if outputs else None
        if node is None:
            return None
        if node.layer_id in ("Softmax", "Sigmoid"):
            return node.layer_id.lower()
        return node.params.get("activation")


def _shape_from_first_layer(call: LayerCall) -> tuple[Any, Any]:
    kwargs = call.kwargs
    dtype = kwargs.get("dtype")
    if "input_shape" in kwargs:
        return kwargs["input_shape"], dtype
    if "batch_input_shape" in kwargs and isinstance(kwargs["batch_input_shape"], (list, tuple)):
        return tuple(kwargs["batch_input_shape"][1:]), dtype
    if "input_dim" in kwargs and call.cls != "Embedding":
        return (kwargs["input_dim"],), dtype
    if call.cls == "Embedding" and "input_length" in kwargs:
        return (kwargs["input_length"],), "int64"
    return None, dtype


def _take_plain_values(call: LayerCall) -> list[Fallback]:
    """Replaces `x if len(sys.argv) > 1 else 64` by 64 in the call; returns those replaced."""
    taken = [v for v in [*call.args, *call.kwargs.values()] if isinstance(v, Fallback)]
    call.args = [v.value if isinstance(v, Fallback) else v for v in call.args]
    call.kwargs = {k: v.value if isinstance(v, Fallback) else v for k, v in call.kwargs.items()}
    return taken


def _unknown_argument(call: LayerCall) -> Any:
    values = [*call.args, *call.kwargs.values()]
    for value in values:
        if isinstance(value, Unknown):
            return msg("{text} (line {line}) is only known when the code runs.",
                       text=value.text, line=value.line)
        if isinstance(value, LayerCall):
            inner = _unknown_argument(value)
            if inner is not None:
                return inner
    return None


def _written(shape: Any) -> str:
    if isinstance(shape, (list, tuple)):
        parts = [_written(s) if isinstance(s, Unknown) else str(s) for s in shape]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    if isinstance(shape, Unknown):
        return shape.text
    return repr(shape)


def _check(graph: Graph, report: ImportReport, builder: _Builder) -> None:
    if builder.custom:
        number, cls = builder.custom[0]
        raise ImportRefused(msg(
            "Line {line}: {cls} is a custom layer (its computation is code of its own); "
            "NetStudio cannot import what that code computes. Replace it with built-in Keras "
            "layers",
            line=number, cls=cls), report)
    if all(node.layer_id in ("Input", "Output") for node in graph.nodes.values()):
        raise ImportRefused(msg("None of the model's layers could be imported; see the report"),
                            report)
    _flat_gray_input(graph, report, builder)
    analysis = infer_shapes(graph)
    if not analysis.ok:
        problems = "; ".join(str(p) for p in analysis.problems[:5])
        raise ImportRefused(msg(
            "The imported graph does not fit together ({problems}); see the report for what "
            "was left out", problems=problems), report)
    for node_id, node in graph.nodes.items():
        if node.layer_id != "Flatten":
            continue
        source = graph.predecessors(node_id)[0]
        shape = analysis.nodes[source].output.shape
        if len(shape) >= 3 and shape[0] > 1:
            report.add_approximated(line(builder.node_lines.get(node_id, 0)), msg(
                "Flatten reads the {shape} channels-first image in another order than Keras "
                "does with channels last; the graph is new, so this changes nothing it can "
                "learn (it would matter only for weights trained in Keras)",
                shape="×".join(str(s) for s in shape)))


def _flat_gray_input(graph: Graph, report: ImportReport, builder: _Builder) -> None:
    """Keras' Flatten(input_shape=(28, 28)) takes grayscale images without a channel axis;
    NetStudio's image data sets give 1×28×28. Flattened, both are the same 784 numbers."""
    for node_id, number in builder.input_lines.items():
        node = graph.node(node_id)
        shape = node.params["shape"]
        successors = graph.successors(node_id)
        if (len(shape) == 2 and node.params["dtype"] == "float32" and successors
                and all(graph.node(s).layer_id == "Flatten" for s in successors)):
            graph.set_params(node_id, {"shape": [1, *shape]})
            report.mapped[:] = [entry for entry in report.mapped if not (
                entry[0] == line(number) and getattr(entry[1], "template", "") == "Input {shape}")]
            report.add_mapped(line(number), msg(
                "Input {shape} is flattened at once: read as a 1×{h}×{w} grayscale image, "
                "as NetStudio's image data sets give (the same {n} numbers)",
                shape=_written(shape), h=shape[0], w=shape[1], n=shape[0] * shape[1]))


_KERAS_DATASETS = {"mnist": "mnist", "fashion_mnist": "fashion-mnist", "cifar10": "cifar-10"}


def _dataset(reader: Reader, report: ImportReport) -> dict[str, Any]:
    for name, number in reader.datasets:
        ours = _KERAS_DATASETS.get(name)
        if ours is not None:
            report.add_mapped(line(number), msg("data set {name} → {ours}", name=name, ours=ours))
            return {**DATASET_DEFAULTS, "name": ours}
        report.add_not_mapped(line(number), msg(
            "the data set keras.datasets.{name} is not one NetStudio has; choose one in the "
            "project", name=name))
        break
    return dict(DATASET_DEFAULTS)
