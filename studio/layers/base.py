"""What every layer type is made of: tensor types, shape errors, module specs, the emitter API.

A layer describes itself once. Its `emit` function writes the layer's computation through an
`Emitter`; the compiler's emitter builds a torch.fx graph from it and the source exporter's
emitter writes Python text from the same calls, so the two can never disagree.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from studio.messages import msg, term
from studio.params import ParamSet


class ShapeError(Exception):
    """The layer cannot take these inputs. The message says why and what to change."""


@dataclass(frozen=True)
class TensorType:
    """A tensor flowing along an edge: per-sample shape (no batch dimension) and dtype.

    Layouts: images are channels-first (C, H, W) as PyTorch wants them; sequences are
    (time, features) as Keras and batch-first recurrent layers want them; vectors are (F,).
    """

    shape: tuple[int, ...]
    dtype: str = "float32"

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def numel(self) -> int:
        return math.prod(self.shape)

    @property
    def is_integer(self) -> bool:
        return self.dtype.startswith("int")

    def describe(self) -> str:
        """How the shape reads to a user: '32×13×13 image', '64×1 sequence', '128 vector'."""
        shape, kind = format_shape(self.shape), _KINDS.get(self.rank, _TENSOR)
        if self.is_integer:
            return msg("{shape} {kind} of token ids", shape=shape, kind=kind)
        return msg("{shape} {kind}", shape=shape, kind=kind)


_KINDS = {1: term("vector"), 2: term("sequence"), 3: term("image")}
_TENSOR = term("tensor")


def format_shape(shape: tuple[int, ...]) -> str:
    return "×".join(str(s) for s in shape)


@dataclass(frozen=True)
class ModuleSpec:
    """An `nn.Module` as a class name in torch.nn plus literal arguments.

    Instantiating it and writing it as source text use the same data.
    """

    cls: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def build(self, device: Any = None):
        import torch

        with torch.device(device) if device is not None else contextlib.nullcontext():
            return getattr(torch.nn, self.cls)(*self.args, **self.kwargs)

    def source(self) -> str:
        parts = [repr(a) for a in self.args]
        parts += [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"nn.{self.cls}({', '.join(parts)})"

    def __hash__(self) -> int:
        return hash((self.cls, self.args, tuple(sorted(self.kwargs.items()))))


class Emitter(Protocol):
    """What a layer's `emit` may do. Values are opaque handles (fx nodes, or source names)."""

    def module(self, *args: Any) -> Any:
        """Call this node's own submodule on `args`: the one its layer's `module` spec builds."""

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        """Call a function by its qualified name: 'torch.relu', 'F.gelu', 'torch.cat'."""

    def method(self, obj: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call a tensor method: x.flatten(1)."""

    def getitem(self, obj: Any, index: Any) -> Any:
        """Index a value: out[0], x[:, -1]."""


@dataclass(frozen=True)
class Call:
    """The inputs a layer's functions receive, bundled so signatures stay short."""

    params: dict[str, Any]
    inputs: list[TensorType]

    @property
    def x(self) -> TensorType:
        return self.inputs[0]

    def __getitem__(self, name: str) -> Any:
        return self.params[name]


InferFn = Callable[[Call], TensorType]
ModuleFn = Callable[[Call], "ModuleSpec | None"]
EmitFn = Callable[[Any, Call, list[Any]], Any]


@dataclass(frozen=True)
class LayerType:
    """One entry of the layer registry."""

    id: str
    title: str
    category: str
    summary: str
    params: ParamSet
    infer: InferFn
    emit: EmitFn
    module: ModuleFn = lambda call: None
    inputs: int = 1
    """Fixed number of input ports, or -1 when the 'inputs' parameter sets it (Add, Concatenate)."""

    def input_count(self, params: dict[str, Any]) -> int:
        return params["inputs"] if self.inputs < 0 else self.inputs

    @property
    def is_input(self) -> bool:
        return self.id == "Input"

    @property
    def is_output(self) -> bool:
        return self.id == "Output"
