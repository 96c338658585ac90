"""Write a graph as readable, standalone PyTorch source: one nn.Module class with named layers.

The same walk that builds the fx GraphModule drives this emitter, so the source computes exactly
what the compiled model computes, and its state_dict keys are the same (one attribute per node).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any

from torch import nn

from studio.compiler import plan_model, walk_graph
from studio.errors import StudioError
from studio.graph import Graph
from studio.layers.base import ModuleSpec, TensorType
from studio.layers.modules import OWN_MODULES
from studio.layers.run_block_modules import SOURCE_WRITERS
from studio.messages import msg
from studio.safe_text import (
    class_identifier,
    is_class_identifier,
    is_node_id,
    python_comment,
    python_string,
)


class SourceError(StudioError):
    """A graph that cannot be written as Python source. The message is for the user."""


# Its attributes (methods such as eval, and _modules, training, …) cannot name a layer: the
# layer would shadow them, or be shadowed and silently not called.
_BARE_MODULE = nn.Module()


def check_node_ids(graph: Graph) -> None:
    """Refuse, naming it, a node id that cannot be written as-is as a Python attribute and
    local name. The ids must stay as they are: they are the state_dict's keys."""
    for node_id in graph.nodes:
        if not is_node_id(node_id) or hasattr(_BARE_MODULE, node_id):
            raise SourceError(
                msg(
                    "The layer id {node} cannot be written as Python source: an id is "
                    "lowercase letters, digits and underscores, starts with a letter, and is "
                    "neither a Python keyword nor a name that PyTorch modules use. Rename the "
                    "layer.",
                    node=python_string(node_id),
                )
            )


@dataclass(eq=False)
class _Expr:
    """A value in the generated code: text, the expressions it uses, how often it is used."""

    text: str
    parts: list[Any] = field(default_factory=list)
    uses: int = 0
    name: str | None = None

    def render(self) -> str:
        return self.name or self.text.format(*(_render(p) for p in self.parts))


def _render(value: Any) -> str:
    if isinstance(value, _Expr):
        return value.render()
    if isinstance(value, list):
        return "[" + ", ".join(_render(v) for v in value) + "]"
    if isinstance(value, slice):
        start = "" if value.start is None else repr(value.start)
        stop = "" if value.stop is None else repr(value.stop)
        return f"{start}:{stop}"
    if isinstance(value, tuple):
        inner = ", ".join(_render(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _render_index(index: Any) -> str:
    if isinstance(index, tuple):
        return ", ".join(_render(v) for v in index)
    return _render(index)


class SourceEmitter:
    def __init__(self, taken: set[str] | None = None) -> None:
        # Names in use (the node ids): a shared value's own line never reuses one of them.
        self.taken = set(taken or ())
        self.init_lines: list[str] = []
        self.forward_lines: list[str] = []
        self.arguments: list[str] = []
        self._node_id = ""
        self._spec: ModuleSpec | None = None
        self._exprs: list[_Expr] = []
        self.own_classes: set[str] = set()
        """NetStudio's own module classes the layers use: their definitions go in the file."""
        self.definitions: list[str] = []
        """Further classes the layers need, written for their nodes (a trained run's layers)."""

    def placeholder(self, name: str, tensor: TensorType) -> _Expr:
        self.arguments.append(name)
        return _Expr(name, name=name)

    def begin_node(self, node_id: str, spec: ModuleSpec | None) -> None:
        self._node_id, self._spec, self._exprs = node_id, spec, []

    def _new(self, text: str, parts: list[Any]) -> _Expr:
        for p in _flatten(parts):
            if isinstance(p, _Expr):
                p.uses += 1
        expr = _Expr(text, parts)
        self._exprs.append(expr)
        return expr

    def end_node(self, node_id: str, value: _Expr) -> None:
        # Values used twice inside one node get a line of their own; the rest is inlined.
        shared = (e for e in self._exprs if e.uses > 1 and e is not value)
        for expr in shared:
            line = expr.render()
            expr.name = self._fresh_name(node_id)
            self.forward_lines.append(f"{expr.name} = {line}")
        if value.name is None:
            self.forward_lines.append(f"{node_id} = {value.render()}")
            value.name = node_id

    def _fresh_name(self, node_id: str) -> str:
        k = 0
        while f"{node_id}_{k}" in self.taken:
            k += 1
        self.taken.add(f"{node_id}_{k}")
        return f"{node_id}_{k}"

    def module(self, *args: Any) -> _Expr:
        assert self._spec is not None
        writer = SOURCE_WRITERS.get(self._spec.cls)
        if writer is not None:
            written = writer(self._spec, self._node_id)
            self.own_classes |= written.own_classes
            self.definitions.append(written.definitions)
            self.init_lines.append(f"self.{self._node_id} = {written.expression}")
        else:
            self.own_classes |= self._spec.own_classes()
            self.init_lines.append(f"self.{self._node_id} = {self._spec.source()}")
        return self._new(f"self.{self._node_id}(" + ", ".join("{}" for _ in args) + ")", list(args))

    def call(self, function: str, *args: Any, **kwargs: Any) -> _Expr:
        parts = list(args) + list(kwargs.values())
        slots = ["{}"] * len(args) + [f"{k}={{}}" for k in kwargs]
        return self._new(f"{function}({', '.join(slots)})", parts)

    def method(self, obj: Any, name: str, *args: Any, **kwargs: Any) -> _Expr:
        parts = [obj, *args, *kwargs.values()]
        slots = ["{}"] * len(args) + [f"{k}={{}}" for k in kwargs]
        return self._new(f"{{}}.{name}({', '.join(slots)})", parts)

    def getitem(self, obj: Any, index: Any) -> _Expr:
        return self._new("{}[" + _render_index(index) + "]", [obj])


def _flatten(parts: list[Any]) -> list[Any]:
    out: list[Any] = []
    for p in parts:
        out.extend(_flatten(list(p)) if isinstance(p, (list, tuple)) else [p])
    return out


def own_class_definitions(names: set[str]) -> str:
    """The source of NetStudio's own module classes among `names`, in a fixed order, each
    followed by two blank lines; '' when there are none. The classes use only torch and nn,
    which the generated file imports."""
    return "".join(
        f"{inspect.getsource(cls).strip()}\n\n\n"
        for cls_name, cls in OWN_MODULES.items()
        if cls_name in names
    )


def class_name(title: str) -> str:
    """The class name of a project's model: see safe_text.class_identifier."""
    return class_identifier(title)


def _project_name_lines(title: str) -> str:
    """PROJECT_NAME as an escaped literal; when escaping made it unreadable (Chinese, control
    characters), a one-line comment shows it as text too."""
    literal = python_string(title)
    about = "The name of the NetStudio project this model was drawn in"
    if literal[1:-1] == title:
        return f"# {about}.\nPROJECT_NAME = {literal}"
    return f"{python_comment(f'{about} (as text: {title})')}\nPROJECT_NAME = {literal}"


def model_source(graph: Graph, name: str = "Model", title: str = "") -> str:
    """Standalone Python source of the model (the inference model, as drawn).

    `name` is the class name (an identifier; see class_name). `title`, the project's name, is
    user text: it appears only as an escaped string literal and a one-line comment."""
    check_node_ids(graph)
    if not is_class_identifier(name):
        raise SourceError(msg("{name} is not a valid class name", name=python_string(name)))
    plan = plan_model(graph)
    emitter = SourceEmitter(set(graph.nodes))
    outputs = walk_graph(graph, plan, emitter)
    if name in emitter.own_classes:
        raise SourceError(
            msg(
                "The model's class cannot be called {name}: a layer class of that name is "
                "written into the same file. Rename the project.",
                name=python_string(name),
            )
        )
    returned = ", ".join(o.render() for o in outputs)
    shapes = {n: plan.analysis.nodes[n].output for n in plan.inputs}
    shape_lines = "\n".join(
        f"    {python_string(n)}: {tuple(int(s) for s in t.shape)!r}," for n, t in shapes.items()
    )
    dtypes = {n: t.dtype for n, t in shapes.items()}
    init = "\n".join(f"        {line}" for line in emitter.init_lines) or "        pass"
    forward = "\n".join(f"        {line}" for line in emitter.forward_lines)
    example = ", ".join(
        f"torch.randint(0, 2, (2, *INPUT_SHAPES[{python_string(n)}]))"
        if dtypes[n].startswith("int")
        else f"torch.randn(2, *INPUT_SHAPES[{python_string(n)}])"
        for n in plan.inputs
    )
    # The docstring holds only the class name (an identifier). The project's name goes below
    # the imports, never on the first two lines (where Python looks for a coding declaration).
    return f'''"""{name}: written by NetStudio. Needs only PyTorch.

Load trained weights with `model.load_state_dict(...)`; the attribute names match NetStudio's.
"""

import torch
import torch.nn.functional as F  # noqa: F401  (used by some layers)
from torch import nn

{_project_name_lines(title or name)}

# One sample's shape per input, without the batch dimension.
INPUT_SHAPES = {{
{shape_lines}
}}


{own_class_definitions(emitter.own_classes)}{"".join(emitter.definitions)}class {name}(nn.Module):
    def __init__(self):
        super().__init__()
{init}

    def forward(self, {", ".join(emitter.arguments)}):
{forward}
        return {returned}


if __name__ == "__main__":
    model = {name}().eval()
    with torch.no_grad():
        out = model({example})
    print(type(model).__name__, "output:", tuple(out.shape) if torch.is_tensor(out) else out)
'''
