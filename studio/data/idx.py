"""Reading and writing IDX files, the format of MNIST, Fashion-MNIST and KMNIST.

An IDX file is: two zero bytes, a type code, the number of dimensions, each dimension as a
big-endian uint32, then the values in C order, big-endian. The files are usually gzipped; we tell
by the content (the gzip magic), not by the file name, since torchvision keeps them unpacked.
"""

from __future__ import annotations

import gzip
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from .base import DatasetError

if TYPE_CHECKING:  # imported where used: listing data sets does not read IDX files
    import numpy as np

_GZIP_MAGIC = b"\x1f\x8b"

# IDX type code -> big-endian numpy dtype
_TYPES: dict[int, str] = {
    0x08: ">u1",
    0x09: ">i1",
    0x0B: ">i2",
    0x0C: ">i4",
    0x0D: ">f4",
    0x0E: ">f8",
}


def read_idx(path: str | Path) -> np.ndarray:
    """The array stored in an IDX file (gzipped or not), in native byte order.

    Raises DatasetError if the file is damaged: truncated, wrong header, wrong length."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        if raw[:2] == _GZIP_MAGIC:
            raw = gzip.decompress(raw)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DatasetError(
            f"Could not read {path}: {exc}. The file may be damaged; delete it and load the "
            "data set again."
        ) from exc
    return parse_idx(raw, name=str(path))


def parse_idx(raw: bytes, name: str = "IDX data") -> np.ndarray:
    """Parse the bytes of an (uncompressed) IDX file."""
    import numpy as np

    def bad(why: str) -> DatasetError:
        return DatasetError(
            f"{name} is not a valid IDX file ({why}). Delete it and load the data set again to "
            "download a fresh copy."
        )

    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise bad("wrong header")
    type_code, ndim = raw[2], raw[3]
    if type_code not in _TYPES:
        raise bad(f"unknown value type 0x{type_code:02x}")
    header = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header:
        raise bad("truncated header")
    shape = struct.unpack(f">{ndim}I", raw[4:header])
    dtype = np.dtype(_TYPES[type_code])
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if len(raw) - header != expected:
        raise bad(f"{len(raw) - header} bytes of data where {expected} were expected")
    data = np.frombuffer(raw, dtype=dtype, offset=header).reshape(shape)
    # Native byte order, and a writable copy that does not pin the whole file's bytes.
    return data.astype(dtype.newbyteorder("="))


def write_idx(path: str | Path, array: np.ndarray, compress: bool | None = None) -> None:
    """Write an array as an IDX file, gzipped if compress (default: if the name ends in .gz).

    Used to make small test fixtures and to export data in MNIST's own format."""
    import numpy as np

    path = Path(path)
    array = np.ascontiguousarray(array)
    codes = {np.dtype(v).newbyteorder("="): k for k, v in _TYPES.items()}
    code = codes.get(array.dtype)
    if code is None:
        raise ValueError(f"IDX cannot store dtype {array.dtype}")
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    body = array.astype(np.dtype(_TYPES[code])).tobytes()
    if compress is None:
        compress = path.name.endswith(".gz")
    data = header + body
    path.write_bytes(gzip.compress(data, mtime=0) if compress else data)
