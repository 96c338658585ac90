"""Reading an .onnx file for the importer: parsed and checked, never run.

The file is parsed as a protobuf message, checked by onnx.checker and given static shapes by
ONNX's shape inference; nothing in it is executed. A file that is cut short, belongs to another
format or keeps its weights in other files is refused here in one plain sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from studio.importers.report import ImportRefused, ImportReport
from studio.messages import msg

MAX_ONNX_BYTES = 2 * 1024**3
"""Protobuf's own limit: an ONNX model file is never larger."""


@dataclass
class OnnxModel:
    """What the importer needs of a model: its graph, constants and static shapes."""

    proto: Any
    constants: dict[str, np.ndarray]
    """Initializers and Constant nodes' outputs, by tensor name."""
    shapes: dict[str, list[int | None]]
    """Each tensor's dimensions where shape inference knows them (None: not fixed, the batch)."""
    consumers: dict[str, int]
    """How many nodes (and graph outputs) read each tensor."""


def _refuse(text: str, report: ImportReport) -> ImportRefused:
    return ImportRefused(text, report)


def read_onnx(path: Path, report: ImportReport) -> OnnxModel:
    import onnx
    from google.protobuf.message import DecodeError

    try:
        size = path.stat().st_size
        if size > MAX_ONNX_BYTES:
            raise _refuse(
                msg("{path} is larger than any ONNX model can be", path=str(path)), report
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(msg("There is no file {path}", path=str(path)), report) from None
    except OSError as exc:
        raise _refuse(
            msg("{path} cannot be read ({reason})", path=str(path), reason=exc.strerror or exc),
            report,
        ) from None
    not_onnx = msg(
        "{path} is not an ONNX model, or the file is damaged or cut short", path=str(path)
    )
    try:
        proto = onnx.load_model_from_string(data)
    except (DecodeError, ValueError, RuntimeError):
        raise _refuse(not_onnx, report) from None
    # Protobuf reads many byte strings as some message: an empty one is no model at all.
    if not proto.graph.node or not proto.opset_import or proto.ir_version <= 0:
        raise _refuse(not_onnx, report)
    external = [
        t.name for t in proto.graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL
    ]
    if external:
        raise _refuse(
            msg(
                "{path} keeps its weights in separate files ({name} …); NetStudio imports ONNX "
                "models saved as one file",
                path=str(path),
                name=external[0],
            ),
            report,
        )
    try:
        onnx.checker.check_model(proto)
    except (onnx.checker.ValidationError, ValueError) as exc:
        raise _refuse(
            msg(
                "{path} is not a valid ONNX model ({reason})",
                path=str(path),
                reason=_first_line(exc),
            ),
            report,
        ) from None
    try:
        inferred = onnx.shape_inference.infer_shapes(proto)
    except (onnx.shape_inference.InferenceError, ValueError, RuntimeError) as exc:
        raise _refuse(
            msg(
                "{path}: the shapes in the model do not fit together ({reason})",
                path=str(path),
                reason=_first_line(exc),
            ),
            report,
        ) from None
    return OnnxModel(proto, _constants(proto), _shapes(inferred), _consumers(proto))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    line = text.splitlines()[0].strip()
    return line if len(line) <= 200 else line[:197] + "..."


def _constants(proto: Any) -> dict[str, np.ndarray]:
    from onnx import numpy_helper

    found = {t.name: numpy_helper.to_array(t) for t in proto.graph.initializer}
    for node in proto.graph.node:
        if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
            for attribute in node.attribute:
                if attribute.name == "value":
                    found[node.output[0]] = numpy_helper.to_array(attribute.t)
                elif attribute.name in ("value_int", "value_float"):
                    found[node.output[0]] = np.array(
                        attribute.i if attribute.name == "value_int" else attribute.f
                    )
                elif attribute.name in ("value_ints", "value_floats"):
                    found[node.output[0]] = np.array(
                        list(attribute.ints if attribute.name == "value_ints" else attribute.floats)
                    )
    return found


def _shapes(proto: Any) -> dict[str, list[int | None]]:
    shapes: dict[str, list[int | None]] = {}
    graph = proto.graph
    for value in [*graph.input, *graph.value_info, *graph.output]:
        kind = value.type.tensor_type
        if not kind.HasField("shape"):
            continue
        shapes[value.name] = [
            d.dim_value if d.HasField("dim_value") else None for d in kind.shape.dim
        ]
    for tensor in graph.initializer:
        shapes[tensor.name] = list(tensor.dims)
    return shapes


def _consumers(proto: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in proto.graph.node:
        for name in node.input:
            if name:
                counts[name] = counts.get(name, 0) + 1
    for value in proto.graph.output:
        counts[value.name] = counts.get(value.name, 0) + 1
    return counts
