"""Keras model files (`.keras`, legacy `.h5`) → an editable NetStudio project with its weights.

The file is read without Keras or TensorFlow (studio.importers.keras_h5): its JSON config gives
the layers and how they connect, Sequential or functional, in Keras 3's layout or Keras 2's
(inbound nodes as nested lists); its HDF5 arrays give the trained weights, converted to the
layouts of the PyTorch modules NetStudio compiles (studio.importers.keras_weights). The
imported model computes what the Keras model computes, images taken channels first.

A model is never brought in half: a layer NetStudio cannot compute exactly (a custom layer, a
Lambda, an option with no counterpart) is listed in the report by name and the import is
refused with that list. Nothing in the file is ever run or unpickled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import torch

from studio.compiler import CompileError, compile_graph
from studio.importers.keras_file_graph import (
    RANK_NEEDED,
    Flow,
    GraphBuilder,
    LayerFailed,
    NeedsChannelsLast,
    keras_call,
    where,
)
from studio.importers.keras_h5 import KerasFile, read_keras_file, read_keras_file_isolated
from studio.importers.keras_layers import NotConvertible, convert_layer, known_layer_classes
from studio.importers.keras_settings import file_loss, file_training
from studio.importers.keras_weights import WeightsMismatch, node_weights
from studio.importers.report import ImportRefused, ImportReport
from studio.layout import layered_positions
from studio.messages import msg
from studio.project import Project
from studio.settings import DATASET_DEFAULTS, default_training
from studio.shapes import infer_shapes

_MODEL_CLASSES = ("Sequential", "Functional", "Model")
_INPUT = "InputLayer"


def import_keras_model(
    path: Path, *, isolated: bool = True
) -> tuple[Project, ImportReport, dict[str, torch.Tensor]]:
    """The project a `.keras` or `.h5` file describes, the report of the import, and the
    trained weights by compile_graph's names. Raises ImportRefused (with the report).

    `isolated`: read the file in a child process, which a damaged HDF5 file may crash
    without taking the app down (keras_h5.read_keras_file_isolated)."""
    path = Path(path)
    source = read_keras_file_isolated(path) if isolated else read_keras_file(path)
    channels_last: frozenset[str] = frozenset()
    while True:
        report = ImportReport(source=str(path))
        builder = GraphBuilder(report, channels_last)
        try:
            _Walker(builder, source, path).run()
            break
        except NeedsChannelsLast as exc:
            if exc.flattens <= channels_last:  # cannot happen twice: a bug, not a loop
                raise AssertionError(f"layout not resolved for {sorted(exc.flattens)}") from None
            channels_last |= exc.flattens
    if builder.failed:
        raise ImportRefused(msg(
            "{path} cannot be imported: {count} layer(s) have no NetStudio layer or settings "
            "it cannot express exactly: {layers}", path=str(path), count=len(builder.failed),
            layers=", ".join(builder.failed[:8])), report)
    graph = builder.graph
    analysis = infer_shapes(graph)
    if not analysis.ok:
        raise ImportRefused(msg("{path}: the imported graph does not fit together: {problem}",
                                path=str(path), problem=str(analysis.problems[0])), report)
    weights = _weights(builder, source, path, report)
    _gray_images(builder, report)
    for node_id, position in layered_positions(graph).items():
        graph.move_node(node_id, position)
    training = {**default_training(), **file_training(source.compile, msg("compile"), report)}
    project = Project(
        name=path.stem or "Imported model",
        graph=graph,
        dataset=dict(DATASET_DEFAULTS),
        training=training,
        description=str(msg("Imported from the Keras model file {file}, with its trained "
                            "weights.", file=path.name)),
    )
    return project, report, weights


class _Walker:
    """Reads the model config's layers in order and has the builder make their nodes."""

    def __init__(self, builder: GraphBuilder, source: KerasFile, path: Path) -> None:
        self.builder = builder
        self.report = builder.report
        self.source = source
        self.path = path

    def refuse(self, text: Any) -> ImportRefused:
        return ImportRefused(text, self.report)

    def run(self) -> list[Flow]:
        cls = self.source.model["class_name"]
        config = self.source.model["config"]
        layers = config.get("layers")
        if cls not in _MODEL_CLASSES:
            raise self.refuse(msg(
                "{path}: the model is a {cls}, a subclass of Model whose own code uses its "
                "layers; NetStudio imports Sequential and functional models", path=str(self.path),
                cls=cls))
        if not isinstance(layers, list) or not all(isinstance(e, dict) for e in layers):
            raise self.refuse(msg("{path}: the model's config lists no layers",
                                  path=str(self.path)))
        entries = [_entry(e) for e in layers]
        if cls == "Sequential":
            return self.sequential(entries, config)
        return self.functional(entries, config)

    # One layer ----------------------------------------------------------------------------

    def apply(self, entry: tuple[str, str, dict, dict], sources: list[Flow],
              hint: str) -> Flow | None:
        name, cls, config, raw = entry
        try:
            _check_class(cls, config, raw)
            return self.builder.layer(name, cls, config, sources, hint)
        except LayerFailed as exc:
            self.report.add_not_mapped(where(name), msg("{cls} not imported: {reason}", cls=cls,
                                                        reason=exc.args[0]))
            self.builder.failed.append(name)
            return None

    def check_only(self, entry: tuple[str, str, dict, dict]) -> None:
        """A layer behind one that failed has no input to build on; its own settings are
        still checked, so the report lists every layer to change at once."""
        name, cls, config, raw = entry
        if cls in RANK_NEEDED or cls in ("Flatten", "Reshape") or name in self.builder.failed:
            return
        try:
            _check_class(cls, config, raw)
            call, _ = keras_call(cls, config)
            convert_layer(call)
        except (LayerFailed, NotConvertible) as exc:
            self.report.add_not_mapped(where(name), msg("{cls} not imported: {reason}", cls=cls,
                                                        reason=exc.args[0]))
            self.builder.failed.append(name)

    def input(self, name: str, batch_shape: Any, dtype: Any, integer: bool) -> Flow | None:
        if not isinstance(batch_shape, (list, tuple)):
            raise self.refuse(msg(
                "{path}: the file does not say the model's input shape (it was saved before "
                "being built); give it keras.Input(shape=(…)) and save it again",
                path=str(self.path)))
        try:
            return self.builder.input(name, list(batch_shape[1:]), dtype, integer)
        except LayerFailed as exc:
            self.report.add_not_mapped(where(name), exc.args[0])
            self.builder.failed.append(name)
            return None

    # Sequential ---------------------------------------------------------------------------

    def sequential(self, entries: list, config: dict[str, Any]) -> list[Flow]:
        name, shape, dtype = "input", None, None
        if entries and entries[0][1] == _INPUT:
            name, _, input_config, _ = entries.pop(0)
            shape = _batch_shape(input_config)
            dtype = input_config.get("dtype")
        elif entries:  # Keras 2: the first layer says the shape, or the model was built
            _, _, first_config, first = entries[0]
            shape = (_batch_shape(first_config) or config.get("build_input_shape")
                     or (first.get("build_config") or {}).get("input_shape"))
        if not entries:
            raise self.refuse(msg("{path}: the model has no layers", path=str(self.path)))
        flow = self.input(name, shape, dtype, integer=entries[0][1] == "Embedding")
        for entry in entries:
            if flow is None:
                self.check_only(entry)
            else:
                flow = self.apply(entry, [flow], entry[0])
        if flow is None:
            return []
        self.output(flow, entries[-1][0])
        return [flow]

    # Functional ---------------------------------------------------------------------------

    def functional(self, entries: list, config: dict[str, Any]) -> list[Flow]:
        flows: dict[Ref, Flow | None] = {}
        embedded = {ref[0] for _, cls, _, raw in entries if cls == "Embedding"
                    for node in _inbound(raw, self) for ref in node}
        for entry in entries:
            name, cls, layer_config, raw = entry
            if cls == _INPUT:
                flows[(name, 0, 0)] = self.input(name, _batch_shape(layer_config),
                                                 layer_config.get("dtype"), name in embedded)
                continue
            nodes = _inbound(raw, self)
            for index, refs in enumerate(nodes):
                missing = [r for r in refs if r not in flows]
                if missing:
                    raise self.refuse(msg(
                        "{path}: layer {name} reads {other}, which the config does not define "
                        "before it", path=str(self.path), name=name, other=missing[0][0]))
                sources = [flows[r] for r in refs]
                if any(s is None for s in sources):
                    flows[(name, index, 0)] = None  # behind a layer already reported
                    self.check_only(entry)
                    continue
                hint = name if index == 0 else f"{name}_{index + 1}"
                flows[(name, index, 0)] = self.apply(entry, sources, hint)  # type: ignore[arg-type]
            if len(nodes) > 1:
                self.report.add_approximated(where(name), msg(
                    "{cls} is applied {count} times; Keras shares its weights between the "
                    "calls, NetStudio gives each call its own copy (the same values now; "
                    "training would change them apart)", cls=cls, count=len(nodes)))
        outputs = []
        for ref in _tensor_list(config.get("output_layers"), self):
            if ref not in flows:
                raise self.refuse(msg("{path}: the model's output {name} is not one of its "
                                      "layers", path=str(self.path), name=ref[0]))
            flow = flows[ref]
            if flow is not None:
                self.output(flow, ref[0])
                outputs.append(flow)
        if not outputs and not self.builder.failed:
            raise self.refuse(msg("{path}: the model has no outputs", path=str(self.path)))
        return outputs

    def output(self, flow: Flow, name: str) -> None:
        if self.builder.failed:
            return
        loss = file_loss(self.source.compile, msg("compile"), self.report)
        if loss is None:
            loss = _loss_for(self.builder, flow)
            self.report.add_approximated(where(name), msg(
                "the file names no loss NetStudio has; the Output node uses {loss}, chosen "
                "from the last layer", loss=loss))
        self.builder.output(flow, loss, name)


def _entry(layer: dict[str, Any]) -> tuple[str, str, dict[str, Any], dict[str, Any]]:
    config = layer.get("config") if isinstance(layer.get("config"), dict) else {}
    name = layer.get("name", config.get("name"))
    return str(name), str(layer.get("class_name")), config, layer


def _batch_shape(config: dict[str, Any]) -> Any:
    return config.get("batch_shape", config.get("batch_input_shape"))


def _has_lambda(value: Any) -> bool:
    if isinstance(value, dict):
        return value.get("class_name") == "__lambda__" or any(
            _has_lambda(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_lambda(v) for v in value)
    return False


def _check_class(cls: str, config: dict[str, Any], raw: dict[str, Any]) -> None:
    if cls == "Lambda" or _has_lambda(config):
        raise LayerFailed(msg(
            "its computation is Python code stored in the file (a Lambda); NetStudio never runs "
            "code from a file. Replace it with built-in Keras layers"))
    if cls in _MODEL_CLASSES:
        raise LayerFailed(msg("a model used as a layer is not imported; save the model with "
                              "its layers in one Sequential or functional model"))
    if cls in known_layer_classes() and cls not in ("Input", _INPUT):
        return
    module, registered = raw.get("module"), raw.get("registered_name")
    if (isinstance(module, str) and not module.startswith("keras")) or ">" in cls or (
            isinstance(registered, str) and ">" in registered):
        raise LayerFailed(msg(
            "{cls} is a custom layer: its computation is code that is not in the file (and "
            "NetStudio would never run it). Replace it with built-in Keras layers", cls=cls))
    if module is None:  # Keras 2 files do not say where a class comes from
        raise LayerFailed(msg(
            "{cls} is not a layer NetStudio knows (a custom layer, or a Keras layer NetStudio "
            "does not have)", cls=cls))
    raise LayerFailed(msg("NetStudio has no layer like Keras' {cls}", cls=cls))


Ref = tuple[str, int, int]
"""A Keras tensor as configs name it: (layer, application of the layer, output of it)."""


class _Unreadable(Exception):
    """A connection in the config is not (layer name, number, number)."""


def _ref(item: Any) -> Ref:
    if (isinstance(item, list) and len(item) >= 3 and isinstance(item[0], str)
            and all(isinstance(v, int) and not isinstance(v, bool) for v in item[1:3])):
        return item[0], item[1], item[2]
    raise _Unreadable


def _tensor_refs(value: Any, out: list[Ref]) -> None:
    """Keras 3's inbound node arguments: the __keras_tensor__ entries, in order."""
    if isinstance(value, dict):
        if value.get("class_name") == "__keras_tensor__":
            config = value.get("config")
            out.append(_ref(config.get("keras_history") if isinstance(config, dict) else None))
            return
        for item in value.values():
            _tensor_refs(item, out)
    elif isinstance(value, list):
        for item in value:
            _tensor_refs(item, out)


def _inbound(raw: dict[str, Any], walker: _Walker) -> list[list[Ref]]:
    """The tensors each application of the layer reads: Keras 3 writes {"args": […],
    "kwargs": {…}} per application, Keras 2 a list of [layer, node, tensor, kwargs]."""
    try:
        return _inbound_refs(raw, walker)
    except _Unreadable:
        raise walker.refuse(msg("{path}: the config does not say clearly what layer {name} "
                                "reads", path=str(walker.path), name=raw.get("name"))) from None


def _inbound_refs(raw: dict[str, Any], walker: _Walker) -> list[list[Ref]]:
    nodes = raw.get("inbound_nodes") or []
    out = []
    for node in nodes if isinstance(nodes, list) else []:
        refs: list[Ref] = []
        if isinstance(node, dict):
            _tensor_refs(node.get("args", []), refs)
            extra: list[Ref] = []
            _tensor_refs(node.get("kwargs", {}), extra)
            if extra:
                raise walker.refuse(msg(
                    "{path}: layer {name} is given tensors as keyword arguments (such as a "
                    "mask or an initial state); NetStudio's layers read their inputs only",
                    path=str(walker.path), name=raw.get("name")))
        elif isinstance(node, list):
            refs = [_ref(item) for item in node]
        else:
            raise _Unreadable
        if refs:
            out.append(refs)
    return out


def _tensor_list(value: Any, walker: _Walker) -> list[Ref]:
    """output_layers: ["dense", 0, 0] for one output, [["a", 0, 0], …] for several, or a
    dict of those (Keras 3's named outputs)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list) and value and isinstance(value[0], str):
        value = [value]
    try:
        return [_ref(item) for item in value] if isinstance(value, list) else []
    except _Unreadable:
        raise walker.refuse(msg("{path}: the model's outputs cannot be read",
                                path=str(walker.path))) from None


def _loss_for(builder: GraphBuilder, flow: Flow) -> str:
    node = builder.graph.nodes[flow.node]
    activation = node.layer_id.lower() if node.layer_id in ("Softmax", "Sigmoid") else (
        node.params.get("activation"))
    vector = flow.type.rank == 1
    if vector and activation == "sigmoid":
        return "binary_cross_entropy"
    if vector and (activation == "softmax" or flow.type.shape[0] >= 2):
        return "cross_entropy"
    return "mse"


def _weights(builder: GraphBuilder, source: KerasFile, path: Path,
             report: ImportReport) -> dict[str, torch.Tensor]:
    """Every node's weights in PyTorch's layout, checked to be exactly the compiled model's."""
    found: dict[str, np.ndarray] = {}
    for job in builder.jobs:
        arrays = source.weights.get(job.layer, [])
        try:
            for name, value in node_weights(job, arrays).items():
                found[f"{job.node}.{name}"] = value
        except WeightsMismatch as exc:
            raise ImportRefused(msg("{path}: layer {name}: {reason}", path=str(path),
                                    name=job.layer, reason=exc.args[0]), report) from None
    try:
        with torch.device("meta"):
            expected = compile_graph(builder.graph, device="meta").state_dict()
    except CompileError as exc:
        raise ImportRefused(str(exc), report) from None
    out: dict[str, torch.Tensor] = {}
    for name, tensor in expected.items():
        if name.endswith("num_batches_tracked"):
            out[name] = torch.zeros((), dtype=torch.long)  # Keras keeps no count
            continue
        given = found.get(name)
        if given is None or tuple(given.shape) != tuple(tensor.shape):
            raise ImportRefused(msg(
                "{path}: the weights of {node} do not fit its layer ({name}: {got}, the layer "
                "needs {want})", path=str(path), node=name.split(".")[0], name=name,
                got="none" if given is None else list(given.shape), want=list(tensor.shape)),
                report)
        out[name] = torch.from_numpy(given).to(tensor.dtype)
    return out


def _gray_images(builder: GraphBuilder, report: ImportReport) -> None:
    """Keras' Input((28, 28)) → Flatten takes grayscale images without a channel axis;
    NetStudio's image data sets give 1×28×28. Flattened, both are the same numbers in the
    same order, so the weights are unchanged (as the Keras code importer does)."""
    graph = builder.graph
    for node_id in builder.inputs:
        node = graph.nodes[node_id]
        shape = list(node.params["shape"])
        successors = graph.successors(node_id)
        if (len(shape) == 2 and node.params["dtype"] == "float32" and successors
                and all(graph.nodes[s].layer_id == "Flatten" for s in successors)):
            graph.set_params(node_id, {"shape": [1, *shape]})
            # This entry replaces the Input's own, where the user reads about the Input.
            index = next((i for i, (place, text) in enumerate(report.mapped)
                          if place == where(node_id)
                          and getattr(text, "template", "") == "Input {shape}"), None)
            if index is not None:
                del report.mapped[index]
            report.mapped.insert(index or 0, (where(node_id), msg(
                "Input {shape} is flattened at once: read as a 1×{h}×{w} grayscale image, "
                "as NetStudio's image data sets give (the same {n} numbers)",
                shape=shape, h=shape[0], w=shape[1], n=shape[0] * shape[1])))
