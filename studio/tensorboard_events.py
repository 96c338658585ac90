"""TensorBoard event files, written without TensorBoard, TensorFlow or protobuf installed.

An events file is a sequence of TFRecords, each one serialized `Event` protocol buffer:

    uint64 length (little-endian) | uint32 masked crc32c(length) | data | uint32 masked crc32c(data)

The few messages NetStudio writes (scalars, a graph, the hparams plugin's records, a restart
marker) are encoded here by hand in protobuf's wire format; the field numbers are those of
tensorboard/compat/proto/{event,summary,graph,node_def,attr_value,tensor_shape}.proto and
tensorboard/plugins/hparams/{api,plugin_data}.proto. The tests read what this module writes
with TensorBoard's own reader and protos, so a wrong number shows there.

Records are kept in memory and appended to the file on `flush()`: a run flushes once per epoch,
and a file it cannot write costs it the events, never the run (the caller decides what to say).
"""

from __future__ import annotations

import itertools
import math
import os
import re
import socket
import struct
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE_VERSION = "brain.Event:2"  # version 2: restarts are marked by SessionLog START events
FILE_PREFIX = "events.out.tfevents."

# CRC-32C (Castagnoli), reflected polynomial, one table: event records are small.
_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)
del _n, _c


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    table = _CRC_TABLE
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc32c(data: bytes) -> int:
    """TFRecord's masking: a CRC stored next to the data it covers would otherwise be easy to
    confuse with data whose CRC is itself."""
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def record(data: bytes) -> bytes:
    """One TFRecord around `data`."""
    length = struct.pack("<Q", len(data))
    return (length + struct.pack("<I", masked_crc32c(length)) + data
            + struct.pack("<I", masked_crc32c(data)))


def read_records(path: str | os.PathLike[str]) -> Iterator[bytes]:
    """The records of a file, up to the first damaged or truncated one (a writer killed
    mid-record leaves one)."""
    with open(path, "rb") as f:
        data = f.read()
    at = 0
    while at + 12 <= len(data):
        header = data[at:at + 8]
        (length,) = struct.unpack("<Q", header)
        (header_crc,) = struct.unpack("<I", data[at + 8:at + 12])
        end = at + 12 + length
        if header_crc != masked_crc32c(header) or end + 4 > len(data):
            return
        body = data[at + 12:end]
        if struct.unpack("<I", data[end:end + 4])[0] != masked_crc32c(body):
            return
        yield body
        at = end + 4


# Protobuf wire format ------------------------------------------------------------------------

_VARINT, _FIXED64, _BYTES, _FIXED32 = 0, 1, 2, 5


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # a negative int64 is its 64-bit two's complement
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _key(number: int, wire_type: int) -> bytes:
    return _varint(number << 3 | wire_type)


def _int(number: int, value: int) -> bytes:
    return _key(number, _VARINT) + _varint(int(value)) if value else b""


def _double(number: int, value: float) -> bytes:
    return _key(number, _FIXED64) + struct.pack("<d", value)


def _float(number: int, value: float) -> bytes:
    return _key(number, _FIXED32) + struct.pack("<f", value)


def _bytes(number: int, value: bytes) -> bytes:
    """A length-delimited field: bytes, a string or an embedded message (written even when
    empty: an empty message that is set differs from one that is not)."""
    return _key(number, _BYTES) + _varint(len(value)) + value


def _text(number: int, value: str) -> bytes:
    return _bytes(number, value.encode("utf-8", "replace")) if value else b""


def _float32(value: float) -> float:
    """A double as the float32 field will hold it; one beyond float32's range is infinite."""
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def decode_fields(data: bytes) -> Iterator[tuple[int, int, Any]]:
    """(field number, wire type, value) of a message: an int for varints, bytes for the rest.
    Stops at the first malformed field."""
    at, end = 0, len(data)
    while at < end:
        key, at = _read_varint(data, at)
        if key is None:
            return
        number, wire_type = key >> 3, key & 7
        if wire_type == _VARINT:
            value, at = _read_varint(data, at)
            if value is None:
                return
        elif wire_type in (_FIXED64, _FIXED32):
            size = 8 if wire_type == _FIXED64 else 4
            value, at = data[at:at + size], at + size
        elif wire_type == _BYTES:
            length, at = _read_varint(data, at)
            if length is None or at + length > end:
                return
            value, at = data[at:at + length], at + length
        else:
            return
        yield number, wire_type, value


def _read_varint(data: bytes, at: int) -> tuple[int | None, int]:
    value = shift = 0
    while at < len(data) and shift < 70:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7
    return None, at


# Events and summaries ------------------------------------------------------------------------


def event(step: int = 0, *, wall_time: float | None = None, file_version: str = "",
          graph_def: bytes | None = None, summary: bytes | None = None,
          session_log: bytes | None = None) -> bytes:
    """An Event: wall_time=1, step=2, file_version=3, graph_def=4, summary=5, session_log=7."""
    out = _double(1, time.time() if wall_time is None else wall_time) + _int(2, step)
    out += _text(3, file_version)
    if graph_def is not None:
        out += _bytes(4, graph_def)
    if summary is not None:
        out += _bytes(5, summary)
    if session_log is not None:
        out += _bytes(7, session_log)
    return out


def session_start_log() -> bytes:
    """SessionLog{status=START}: a reader drops what was recorded at this event's step and
    after, i.e. what a run wrote after its last checkpoint before it was stopped."""
    return _int(1, 1)


def summary(values: Iterable[bytes]) -> bytes:
    """A Summary of Summary.Value messages (field 1, repeated)."""
    return b"".join(_bytes(1, value) for value in values)


def scalar_value(tag: str, value: float) -> bytes:
    """Summary.Value{tag=1, simple_value=2}: what TensorBoard's Scalars tab plots."""
    return _text(1, tag) + _float(2, _float32(float(value)))


def plugin_value(tag: str, plugin_name: str, content: bytes, tensor: bytes = b"") -> bytes:
    """Summary.Value{tag=1, metadata=9{plugin_data=1{plugin_name=1, content=2}}, tensor=8}."""
    plugin_data = _text(1, plugin_name) + _bytes(2, content)
    return _text(1, tag) + _bytes(9, _bytes(1, plugin_data)) + _bytes(8, tensor)


# The graph -----------------------------------------------------------------------------------

Shape = tuple[int | None, ...]
AttrValue = bool | int | float | str | list[Shape]


@dataclass
class GraphNode:
    """One node for TensorBoard's Graphs tab: `op` is its kind (the layer type), `inputs` the
    names of the nodes feeding it, in port order; `attrs` show in its info card (a list of
    shapes as `_output_shapes` labels its outgoing edges, None for an unknown size)."""

    name: str
    op: str
    inputs: Sequence[str] = ()
    attrs: Mapping[str, AttrValue] = field(default_factory=dict)


def graph_def(nodes: Iterable[GraphNode]) -> bytes:
    """GraphDef{node=1 repeated NodeDef, versions=4 VersionDef{producer=1}}."""
    out = b"".join(_bytes(1, _node_def(node)) for node in nodes)
    return out + _bytes(4, _int(1, 22))  # a GraphDef producer version TensorBoard accepts


def _node_def(node: GraphNode) -> bytes:
    """NodeDef{name=1, op=2, input=3 repeated, attr=5 map<string, AttrValue>}."""
    out = _text(1, node.name) + _text(2, node.op)
    out += b"".join(_bytes(3, name.encode("utf-8", "replace")) for name in node.inputs)
    for key, value in node.attrs.items():
        out += _bytes(5, _text(1, key) + _bytes(2, _attr_value(value)))
    return out


def _attr_value(value: AttrValue) -> bytes:
    """AttrValue{list=1{shape=7 repeated}, s=2, i=3, f=4, b=5}."""
    if isinstance(value, bool):
        return _key(5, _VARINT) + (b"\x01" if value else b"\x00")
    if isinstance(value, int):
        return _key(3, _VARINT) + _varint(value)
    if isinstance(value, float):
        return _float(4, _float32(value))
    if isinstance(value, list):
        return _bytes(1, b"".join(_bytes(7, _tensor_shape(shape)) for shape in value))
    return _bytes(2, str(value).encode("utf-8", "replace"))


def _tensor_shape(shape: Shape) -> bytes:
    """TensorShapeProto{dim=2 repeated Dim{size=1}}; an unknown size is -1."""
    return b"".join(
        _bytes(2, _key(1, _VARINT) + _varint(-1 if size is None else size)) for size in shape
    )


# The hparams plugin --------------------------------------------------------------------------

HPARAMS_PLUGIN = "hparams"
SESSION_START_TAG = "_hparams_/session_start_info"
SESSION_END_TAG = "_hparams_/session_end_info"
# The hparams plugin's records carry an empty float tensor: TensorProto{dtype=DT_FLOAT,
# tensor_shape{dim{size 0}}}.
_NULL_TENSOR = _int(1, 1) + _bytes(2, _bytes(2, b""))
STATUS_UNKNOWN, STATUS_SUCCESS, STATUS_FAILURE, STATUS_RUNNING = 0, 1, 2, 3
HParam = bool | int | float | str


def _value(value: HParam) -> bytes:
    """google.protobuf.Value{number_value=2, string_value=3, bool_value=4}."""
    if isinstance(value, bool):
        return _key(4, _VARINT) + (b"\x01" if value else b"\x00")
    if isinstance(value, (int, float)):
        return _double(2, float(value))
    return _bytes(3, str(value).encode("utf-8", "replace"))


def _hparams_record(tag: str, field_number: int, message: bytes) -> bytes:
    """A Summary with HParamsPluginData{version=1 (0), <field_number>=message}."""
    return summary([plugin_value(tag, HPARAMS_PLUGIN, _bytes(field_number, message),
                                 _NULL_TENSOR)])


def session_start(hparams: Mapping[str, HParam], start_time: float, group: str = "",
                  model_uri: str = "") -> bytes:
    """The Summary that starts an hparams session: SessionStartInfo{hparams=1 map<string,
    Value>, model_uri=2, group_name=4, start_time_secs=5}."""
    message = b"".join(
        _bytes(1, _text(1, name) + _bytes(2, _value(value))) for name, value in hparams.items()
    )
    message += _text(2, model_uri) + _text(4, group) + _double(5, start_time)
    return _hparams_record(SESSION_START_TAG, 3, message)


def session_end(status: int, end_time: float) -> bytes:
    """SessionEndInfo{status=1, end_time_secs=2}."""
    return _hparams_record(SESSION_END_TAG, 4, _int(1, status) + _double(2, end_time))


# Reading back what a run wrote ---------------------------------------------------------------


def events_files(folder: str | os.PathLike[str]) -> list[Path]:
    """A folder's events files in the order TensorBoard reads them (by name)."""
    try:
        return sorted(p for p in Path(folder).iterdir()
                      if p.name.startswith(FILE_PREFIX) and p.is_file())
    except OSError:
        return []


def scalar_steps(folder: str | os.PathLike[str]) -> Iterator[tuple[str, int]]:
    """(tag, step) of every scalar a folder's events files hold, in the order written (an
    unreadable file, or the rest of a damaged one, is skipped)."""
    for path in events_files(folder):
        try:
            records = list(read_records(path))
        except OSError:
            continue
        for data in records:
            step, summaries = 0, []
            for number, wire_type, value in decode_fields(data):
                if number == 2 and wire_type == _VARINT:
                    step = value - (1 << 64) if value >> 63 else value
                elif number == 5 and wire_type == _BYTES:
                    summaries.append(value)
            for message in summaries:
                for number, _, value in decode_fields(message):
                    if number == 1 and isinstance(value, bytes):
                        tag = next((v for n, _, v in decode_fields(value)
                                    if n == 1 and isinstance(v, bytes)), b"")
                        yield tag.decode("utf-8", "replace"), step


# Writing ---------------------------------------------------------------------------------


_file_numbers = itertools.count()


class EventsFile:
    """An events file of one writer in `folder`, created on the first flush. Its name sorts
    after every events file already there, so TensorBoard reads it after them (a resumed
    run's events come after the stopped run's)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.path: Path | None = None
        self._pending: list[bytes] = [record(event(file_version=FILE_VERSION))]

    def add(self, event_data: bytes) -> None:
        self._pending.append(record(event_data))

    @property
    def pending(self) -> int:
        return len(self._pending)

    def flush(self) -> None:
        """Append what is buffered. OSError when the file cannot be written: the records stay
        buffered, so a later flush may still write them."""
        if not self._pending:
            return
        if self.path is None:
            self.path = self.folder / self._new_name()
        with open(self.path, "ab") as f:
            f.write(b"".join(self._pending))
        self._pending.clear()

    def _new_name(self) -> str:
        now = int(time.time())
        for existing in events_files(self.folder):
            stamp = existing.name[len(FILE_PREFIX):].split(".", 1)[0]
            if stamp.isdigit():
                now = max(now, int(stamp) + 1)
        host = re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname()) or "host"
        return f"{FILE_PREFIX}{now:010d}.{host}.{os.getpid()}.{next(_file_numbers)}"
