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
    """An `nn.Module` as a class name plus literal arguments (which may be ModuleSpecs, for
    nn.Sequential). The class is torch.nn's, or one of NetStudio's own in
    studio.layers.modules (written into exported source beside the model).

    Instantiating it and writing it as source text use the same data.
    """

    cls: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def build(self, device: Any = None):
        import torch

        with torch.device(device) if device is not None else contextlib.nullcontext():
            return self._construct()

    def _construct(self):
        args = [a._construct() if isinstance(a, ModuleSpec) else a for a in self.args]
        return module_class(self.cls)(*args, **self.kwargs)

    def source(self) -> str:
        parts = [a.source() if isinstance(a, ModuleSpec) else repr(a) for a in self.args]
        parts += [f"{k}={v!r}" for k, v in self.kwargs.items()]
        prefix = "" if self.cls in own_module_names() else "nn."
        return f"{prefix}{self.cls}({', '.join(parts)})"

    def own_classes(self) -> set[str]:
        """The names of NetStudio's own module classes this spec uses (exported source needs
        their definitions)."""
        found = {self.cls} if self.cls in own_module_names() else set()
        for a in self.args:
            if isinstance(a, ModuleSpec):
                found |= a.own_classes()
        return found

    def __hash__(self) -> int:
        return hash((self.cls, self.args, tuple(sorted(self.kwargs.items()))))


def own_module_names() -> frozenset[str]:
    """NetStudio's own nn.Module classes (studio.layers.modules.OWN_MODULES), by name."""
    from studio.layers.modules import OWN_MODULES  # torch is imported only when modules are

    return frozenset(OWN_MODULES)


def module_class(name: str) -> type:
    from torch import nn

    from studio.layers.modules import OWN_MODULES

    return OWN_MODULES.get(name) or getattr(nn, name)


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
FlopsFn = Callable[[Call, TensorType], int]
"""Floating-point operations of one sample's forward pass, from the inputs and the output."""
ShapeTextFn = Callable[[Call, TensorType], str]
CountTextFn = Callable[[Call], str]


def no_flops(call: Call, out: TensorType) -> int:
    """For layers without a matrix product or convolution (element-wise work, pooling, lookups,
    moving values around): FLOPs count multiply-adds of products only, as torch's counter does."""
    return 0


@dataclass(frozen=True)
class Formula:
    """A layer's formulas for its help card: generic text, and the same filled with one node's
    numbers. `shape` must compute with the same helpers as the layer's `infer` (never a second
    copy of the rule); the card checks that its result ends in the inferred shape."""

    generic_shape: str
    generic_count: str = "0"
    shape: ShapeTextFn | None = None
    count: CountTextFn | None = None


@dataclass(frozen=True)
class Example:
    """One case a layer must handle: parameters (defaults fill the rest) and its input types.
    The registry-wide tests build, run, export and count every example of every layer."""

    params: dict[str, Any]
    inputs: tuple[TensorType, ...]


def example(params: dict[str, Any] | None = None, *inputs: tuple[int, ...] | TensorType) -> Example:
    """example({"units": 7}, (20,)): a float32 input by its shape, any other as a TensorType."""
    types = tuple(t if isinstance(t, TensorType) else TensorType(tuple(t)) for t in inputs)
    return Example(dict(params or {}), types)


@dataclass(frozen=True)
class Card:
    """A help card's sentences, read from the data file beside the layer's module
    (studio/layers/<module>.toml). English source texts, translated where they are shown."""

    what: str
    when_to_use: str = ""
    common_mistake: str = ""
    params: dict[str, str] = field(default_factory=dict)
    params_note: str = ""


@dataclass(frozen=True, eq=False)
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
    examples: tuple[Example, ...] = ()
    """Cases the registry-wide tests run: shape rule against module, export, FLOPs, card."""
    formula: Formula = Formula("out = x")
    flops: FlopsFn | None = None
    """FLOPs by formula; None: counted by running the layer under torch's FlopCounterMode."""
    keras_params: Callable[[Call], int] | None = None
    """The parameter count Keras' model.summary() shows, where it differs from PyTorch's."""
    frozen_params: Callable[[Call], int] | None = None
    """How many of its parameters training leaves as they are (a frozen pretrained backbone);
    None: all of them train."""
    cannot_export: dict[str, str] = field(default_factory=dict)
    """Export formats ("onnx", "pt2") this layer cannot go to, each with the reason."""
    card: Card | None = None
    """Filled in by the registry from the module's card file."""

    def input_count(self, params: dict[str, Any]) -> int:
        return params["inputs"] if self.inputs < 0 else self.inputs

    @property
    def is_input(self) -> bool:
        return self.id == "Input"

    @property
    def is_output(self) -> bool:
        return self.id == "Output"
