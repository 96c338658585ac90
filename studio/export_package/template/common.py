"""What predict.py and train.py share: the settings, the model, weights and input data.

Needs PyTorch only (numpy too, for .npy/.npz data). Nothing here unpickles objects: .pt files
load with torch.load(weights_only=True), which accepts tensors and plain data and nothing else,
so a weights or data file can never run code.
"""

import json
import struct
from pathlib import Path

import torch

import model as model_source

HERE = Path(__file__).resolve().parent
CONFIG = json.loads((HERE / "config.json").read_text(encoding="utf-8"))
INPUTS = CONFIG["inputs"]  # one entry per model input: name, shape (no batch), dtype
OUTPUT = CONFIG["output"]  # the Output layer: its loss and target, or None
CLASSES = CONFIG.get("classes") or []  # the data set's class names, one per score, if known


def build_model(training=False, pretrained_files=True):
    """The model as drawn, or (training=True) the variant whose forward stops before a final
    softmax/sigmoid that the loss applies itself. Both have the same weights.
    pretrained_files=False: a pretrained backbone does not read (or download) its weights
    file, because the caller loads every weight next."""
    backbone = getattr(model_source, "PretrainedBackbone", None)
    if backbone is not None:
        backbone.pretrained_files = pretrained_files
    name = CONFIG["training_class"] if training else CONFIG["model_class"]
    return getattr(model_source, name)()


def default_weights():
    """The weights exported with the model, or None if it was exported untrained."""
    return HERE / CONFIG["weights"] if CONFIG["weights"] else None


# Weights ------------------------------------------------------------------------------------

_SAFETENSORS_DTYPES = {
    "F64": torch.float64,
    "F32": torch.float32,
    "F16": torch.float16,
    "BF16": torch.bfloat16,
    "I64": torch.int64,
    "I32": torch.int32,
    "I16": torch.int16,
    "I8": torch.int8,
    "U8": torch.uint8,
    "BOOL": torch.bool,
}


def load_weights(path):
    """A state_dict from .safetensors, or from a .pt state_dict or train.py checkpoint."""
    path = Path(path)
    if path.suffix == ".safetensors":
        try:
            from safetensors.torch import load_file
        except ImportError:
            return read_safetensors(path)
        return load_file(str(path))
    data = safe_torch_load(path)
    if isinstance(data, dict) and isinstance(data.get("model"), dict):
        data = data["model"]  # a checkpoint written by train.py
    return data


def safe_torch_load(path):
    """torch.load that accepts tensors and plain data only: a crafted file cannot run code."""
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise SystemExit(f"There is no file {path}") from None
    except Exception as exc:  # whatever went wrong, one clear message and nothing ran
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SystemExit(
            f"{path} was refused: it holds more than tensors and plain data, or is damaged, "
            f"and files are never unpickled here ({first})"
        ) from None


def read_safetensors(path):
    """A minimal reader for when the safetensors package is not installed: the file is an
    8-byte little-endian header length, a JSON header, then the raw tensor bytes."""
    data = Path(path).read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    header.pop("__metadata__", None)
    body = memoryview(data)[8 + size :]
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        dtype = _SAFETENSORS_DTYPES[info["dtype"]]
        raw = bytearray(body[start:end])
        flat = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors


def save_weights(path, state_dict):
    path = Path(path)
    tensors = {k: v.detach().to("cpu").contiguous() for k, v in state_dict.items()}
    if path.suffix == ".safetensors":
        from safetensors.torch import save_file  # writing this format needs the package

        save_file(tensors, str(path))
    else:
        torch.save(tensors, path)


# Input data ---------------------------------------------------------------------------------


def synthetic_inputs(count, generator):
    """Random inputs of the model's shapes: floats ~N(0, 1), token ids below the vocabulary."""
    xs = []
    for spec in INPUTS:
        shape = (count, *spec["shape"])
        if spec["dtype"].startswith("int"):
            xs.append(torch.randint(0, spec["high"], shape, generator=generator))
        else:
            xs.append(torch.randn(shape, generator=generator))
    return xs


def load_arrays(path):
    """Arrays by name from .npz, .npy (one array: 'x') or .pt (a tensor or a dict of tensors)."""
    path = Path(path)
    if path.suffix == ".pt":
        data = safe_torch_load(path)
        return {"x": data} if torch.is_tensor(data) else dict(data)
    import numpy as np

    try:
        # allow_pickle=False: arrays of numbers only, never pickled objects.
        loaded = np.load(path, allow_pickle=False)
        if path.suffix == ".npy":
            return {"x": torch.from_numpy(loaded)}
        return {key: torch.from_numpy(loaded[key]) for key in loaded.files}
    except FileNotFoundError:
        raise SystemExit(f"There is no file {path}") from None
    except ValueError as exc:  # e.g. object arrays, which would need unpickling
        raise SystemExit(f"{path} was refused: {exc}") from None


def model_inputs(arrays, prefix):
    """The model's inputs from named arrays: `prefix` for a one-input model (x_train), else
    `prefix_NAME` for each input; reshaped to the input's shape when the sizes agree."""
    xs = []
    for spec in INPUTS:
        key = prefix if len(INPUTS) == 1 else f"{prefix}_{spec['name']}"
        if key not in arrays:
            raise SystemExit(f"The data has no array {key!r} (it has {sorted(arrays)})")
        xs.append(as_input(arrays[key], spec, key))
    return xs


def as_input(x, spec, key):
    shape = tuple(spec["shape"])
    per_sample = 1
    for size in shape:
        per_sample *= size
    if x[0].numel() != per_sample:
        raise SystemExit(
            f"{key} holds samples of shape {tuple(x.shape[1:])}, but the model's input "
            f"{spec['name']} takes {shape}"
        )
    x = x.reshape(len(x), *shape)
    return x.long() if spec["dtype"].startswith("int") else x.float()
