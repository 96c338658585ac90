"""Keras weights → the PyTorch layouts of the modules NetStudio compiles.

Keras keeps kernels with the inputs first and the outputs last (Dense: inputs × units; Conv2D:
kh × kw × in × out), PyTorch the other way round (out × in × kh × kw). Recurrent layers stack
their gates in another order (GRU: Keras z, r, h; PyTorch r, z, n; LSTM's i, f, c, o is
PyTorch's i, f, g, o) and Keras' LSTM and SimpleRNN have one bias where PyTorch has two
(the second is zero). BatchNormalization's gamma, beta and moving statistics are PyTorch's
weight, bias and running statistics. A Dense layer that reads a Flatten of an image gets its
kernel rows permuted to NetStudio's channels-first order (studio.importers.keras_file_graph).

`node_weights` returns one node's tensors named as compile_graph names them, without the
node id; it raises WeightsMismatch when the file's arrays are not what the layer needs.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from studio.importers.keras_file_graph import WeightsJob
from studio.messages import msg

Arrays = list[np.ndarray]


class WeightsMismatch(Exception):
    """The file's weights for a layer are not what its config says; the message says how."""


def _want(job: WeightsJob, arrays: Arrays, *counts: int) -> None:
    if len(arrays) not in counts:
        raise WeightsMismatch(msg(
            "{cls} has {got} weight arrays in the file; its config needs {want}", cls=job.cls,
            got=len(arrays), want=" or ".join(str(c) for c in counts)))


def _torch_kernel(kernel: np.ndarray) -> np.ndarray:
    """Spatial axes…, in, out → out, in, spatial axes… (and for a transposed convolution's
    spatial…, out, in → in, out, spatial…, the layout of ConvTranspose's weight)."""
    n = kernel.ndim
    return np.transpose(kernel, (n - 1, n - 2, *range(n - 2)))


def _dense(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 1, 2)
    kernel = arrays[0]
    if job.order is not None:
        if kernel.ndim != 2 or kernel.shape[0] != len(job.order):
            raise WeightsMismatch(msg("{cls}'s kernel {shape} does not fit its input",
                                      cls=job.cls, shape=list(kernel.shape)))
        kernel = kernel[job.order]
    out = {"weight": kernel.T}
    if len(arrays) == 2:
        out["bias"] = arrays[1]
    return out


def _conv(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 1, 2)
    out = {"weight": _torch_kernel(arrays[0])}
    if len(arrays) == 2:
        out["bias"] = arrays[1]
    return out


def _depthwise_kernel(kernel: np.ndarray) -> np.ndarray:
    """kh × kw × C × m → C·m × 1 × kh × kw: output channel c·m + i is filter i of channel c,
    as Keras orders its outputs and PyTorch's grouped convolution does too."""
    kh, kw, channels, multiplier = kernel.shape
    return np.transpose(kernel, (2, 3, 0, 1)).reshape(channels * multiplier, 1, kh, kw)


def _depthwise(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 1, 2)
    out = {"weight": _depthwise_kernel(arrays[0])}
    if len(arrays) == 2:
        out["bias"] = arrays[1]
    return out


def _separable(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 2, 3)
    out = {"0.weight": _depthwise_kernel(arrays[0]), "1.weight": _torch_kernel(arrays[1])}
    if len(arrays) == 3:
        out["1.bias"] = arrays[2]
    return out


def _batchnorm(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 4)
    gamma, beta, mean, variance = arrays
    if job.order is not None:  # a flat vector in NetStudio's order: each feature's own values
        gamma, beta, mean, variance = (a[job.order] for a in arrays)
    return {"weight": gamma, "bias": beta, "running_mean": mean, "running_var": variance}


def _layernorm(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 2)
    gamma, beta = arrays
    if gamma.ndim == 3:  # a whole image: H×W×C → C×H×W
        gamma, beta = np.moveaxis(gamma, -1, 0), np.moveaxis(beta, -1, 0)
    return {"weight": gamma, "bias": beta}


def _embedding(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 1)
    return {"weight": arrays[0]}


def _prelu(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 1)
    return {"weight": arrays[0].reshape(-1)}  # the shared axes are ones: one slope each


def _gru_gates(array: np.ndarray) -> np.ndarray:
    """Keras' gate blocks z, r, h along the last axis → PyTorch's r, z, n."""
    z, r, h = np.split(array, 3, axis=-1)
    return np.concatenate([r, z, h], axis=-1)


def _recurrent_direction(cls: str, job: WeightsJob, arrays: Arrays,
                         suffix: str) -> dict[str, np.ndarray]:
    _want(job, arrays, 3)
    kernel, recurrent, bias = arrays
    if cls == "GRU":
        kernel, recurrent = _gru_gates(kernel), _gru_gates(recurrent)
        if bias.ndim != 2 or bias.shape[0] != 2:
            raise WeightsMismatch(msg(
                "GRU's bias has shape {shape}; NetStudio imports reset_after=True (two bias "
                "rows)", shape=list(bias.shape)))
        bias_ih, bias_hh = _gru_gates(bias[0]), _gru_gates(bias[1])
    else:  # LSTM (i, f, c, o is PyTorch's i, f, g, o) and SimpleRNN: one bias
        bias_ih, bias_hh = bias, np.zeros_like(bias)
    return {f"weight_ih_l0{suffix}": kernel.T, f"weight_hh_l0{suffix}": recurrent.T,
            f"bias_ih_l0{suffix}": bias_ih, f"bias_hh_l0{suffix}": bias_hh}


def _recurrent(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    return _recurrent_direction(job.cls, job, arrays, "")


def _inner_class(job: WeightsJob) -> str:
    inner = job.config.get("layer")
    return inner.get("class_name", "") if isinstance(inner, dict) else ""


def _bidirectional(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    _want(job, arrays, 6)
    cls = _inner_class(job)
    return {**_recurrent_direction(cls, job, arrays[:3], ""),
            **_recurrent_direction(cls, job, arrays[3:], "_reverse")}


def _time_distributed(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    return _dense(job, arrays)


_CONVERTERS: dict[str, Callable[[WeightsJob, Arrays], dict[str, np.ndarray]]] = {
    "Dense": _dense, "Conv1D": _conv, "Conv2D": _conv, "Conv3D": _conv,
    "Conv2DTranspose": _conv, "DepthwiseConv2D": _depthwise, "SeparableConv2D": _separable,
    "BatchNormalization": _batchnorm, "LayerNormalization": _layernorm,
    "Embedding": _embedding, "PReLU": _prelu, "LSTM": _recurrent, "GRU": _recurrent,
    "SimpleRNN": _recurrent, "Bidirectional": _bidirectional,
    "TimeDistributed": _time_distributed,
}  # fmt: skip


def node_weights(job: WeightsJob, arrays: Arrays) -> dict[str, np.ndarray]:
    """The node's tensors by compile_graph's names (without the node id)."""
    convert = _CONVERTERS.get(job.cls)
    if convert is None:
        if arrays:
            raise WeightsMismatch(msg(
                "{cls} has {count} weight arrays in the file; NetStudio's layer has none",
                cls=job.cls, count=len(arrays)))
        return {}
    try:
        return {name: np.ascontiguousarray(value, dtype=np.float32)
                for name, value in convert(job, arrays).items()}
    except ValueError as exc:  # np.split/reshape of arrays of the wrong size
        raise WeightsMismatch(msg("{cls}'s weights have unexpected shapes ({reason})",
                                  cls=job.cls, reason=str(exc))) from None
