"""Reads Keras model code without running it: a small evaluator over Python's syntax tree.

Only what can be known from the text is known: literals, names bound to literals earlier in the
file, arithmetic on them, Keras layer calls, `Sequential([...])` / `model.add(...)`, the
functional API (`keras.Input`, `layer(x)`, `layers.add([a, b])`, `Model(inputs, outputs)`), and
`compile(...)` / `fit(...)`. Anything else becomes an `Unknown` value carrying its line, and
whatever depends on it is reported instead of guessed. Nothing in the file is ever executed
or imported: a file that would delete files or start processes is only text here.
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass, field
from typing import Any

from studio.importers.keras_layers import MERGE_FUNCTIONS, LayerCall, known_layer_classes
from studio.messages import msg


@dataclass(frozen=True)
class Unknown:
    """A value that only running the code would give."""

    line: int
    text: str
    """The expression as written (e.g. "n_units"), for the report."""


@dataclass
class Tensor:
    """What a functional call returns: the output of one step of the model."""

    step: int  # index into Reader.steps


@dataclass
class Step:
    """One node of the model being read: a Keras input, a layer call, or a merge."""

    call: LayerCall | None
    inputs: list[int]
    line: int
    input_shape: tuple[Any, ...] | None = None
    input_dtype: str | None = None


@dataclass
class SequentialModel:
    line: int
    layers: list[LayerCall | Tensor] = field(default_factory=list)
    build_shape: Any = None


@dataclass
class FunctionalModel:
    line: int
    inputs: list[Tensor]
    outputs: list[Tensor]


@dataclass
class KerasObject:
    """An optimizer, loss, metric or callback object: its class and arguments."""

    kind: str
    cls: str
    kwargs: dict[str, Any]
    args: list[Any]
    line: int


@dataclass
class Settings:
    """What compile(...) and fit(...) said, each value with its line."""

    compile: dict[str, tuple[Any, int]] = field(default_factory=dict)
    fit: dict[str, tuple[Any, int]] = field(default_factory=dict)


class RefusedCode(Exception):
    """The code cannot be read (a syntax error); the message says where and why."""


_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.FloorDiv: operator.floordiv, ast.Div: operator.truediv, ast.Mod: operator.mod}
_COMPARISONS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
                ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}
_KERAS_ROOTS = ("keras", "tensorflow", "tf")
_MODEL_CLASSES = {"Sequential", "Model", "Functional"}
_INPUT_NAMES = {"Input", "InputLayer"}
_MAX_INLINE_DEPTH = 4
APPLICATION = "keras.applications"
"""The LayerCall class standing for a keras.applications model used as a layer."""


class Reader:
    """Walks a module's statements in order, keeping what each name is bound to."""

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}
        self.env: dict[str, Any] = {}
        self.functions: dict[str, ast.FunctionDef] = {}
        self.custom_classes: dict[str, int] = {}
        self.subclassed_models: list[tuple[int, str]] = []
        self.steps: list[Step] = []
        self.models: list[tuple[Any, str | None]] = []  # (model, variable name)
        self.compiled: dict[int, Settings] = {}  # id(model) → settings
        self.loops: list[int] = []
        self.unresolved: list[tuple[int, str]] = []
        self.skipped: list[tuple[int, str]] = []
        """(line, reason) for calls on things that are not layers (a pretrained model)."""
        self.datasets: list[tuple[str, int]] = []
        self.notes: list[tuple[int, str]] = []
        """(line, what) for calls read as something that needs no node."""
        self._depth = 0

    # Statements ------------------------------------------------------------------------------

    def read_module(self, text: str, source: str) -> None:
        try:
            tree = ast.parse(text, filename=source)
            self.statements(tree.body)
        except SyntaxError as exc:
            if exc.lineno is None:
                raise RefusedCode(msg("{source}: {error}; NetStudio reads the code as Python "
                                      "and could not", source=source, error=exc.msg)) from None
            raise RefusedCode(
                msg("{source}, line {line}: {error}; NetStudio reads the code as Python and "
                    "could not", source=source, line=exc.lineno, error=exc.msg)
            ) from None
        except (RecursionError, MemoryError):
            # ast.parse and this reader both recurse into nested expressions.
            raise RefusedCode(msg("{source}: the code nests expressions too deeply to read",
                                  source=source)) from None

    def statements(self, body: list[ast.stmt]) -> Any:
        for stmt in body:
            if isinstance(stmt, ast.Return):
                return self.value(stmt.value) if stmt.value is not None else None
            self.statement(stmt)
        return None

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                self.aliases[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])
        elif isinstance(stmt, ast.ImportFrom):
            for alias in stmt.names:
                self.aliases[alias.asname or alias.name] = f"{stmt.module or ''}.{alias.name}"
        elif isinstance(stmt, ast.Assign):
            value = self.value(stmt.value)
            for target in stmt.targets:
                self.bind(target, value, stmt.lineno)
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            self.bind(stmt.target, self.value(stmt.value), stmt.lineno)
        elif isinstance(stmt, ast.AugAssign):
            self.bind(stmt.target, Unknown(stmt.lineno, ast.unparse(stmt)), stmt.lineno)
        elif isinstance(stmt, ast.Expr):
            self.value(stmt.value)
        elif isinstance(stmt, ast.FunctionDef):
            self.functions[stmt.name] = stmt
        elif isinstance(stmt, ast.ClassDef):
            self.custom_classes[stmt.name] = stmt.lineno
            if any((self.dotted(base) or "").endswith("Model") for base in stmt.bases):
                self.subclassed_models.append((stmt.lineno, stmt.name))
        elif isinstance(stmt, (ast.For, ast.While, ast.AsyncFor)):
            if self._builds_model(stmt):
                self.loops.append(stmt.lineno)
        elif isinstance(stmt, ast.If):
            self._branch(stmt)
        elif isinstance(stmt, (ast.With, ast.Try)):
            self.statements(stmt.body)

    def _branch(self, stmt: ast.If) -> None:
        test = self.value(stmt.test)
        if _is_main_guard(stmt.test):
            self.statements(stmt.body)
        elif isinstance(test, (bool, int, float, str)) and not isinstance(test, Unknown):
            self.statements(stmt.body if test else stmt.orelse)
        elif self._builds_model(stmt):
            self.unresolved.append((stmt.lineno, ast.unparse(stmt.test)))

    def _builds_model(self, node: ast.AST) -> bool:
        """Whether a loop or branch makes layers or adds to a model (then it matters)."""
        for sub in ast.walk(node):
            if not isinstance(sub, ast.Call):
                continue
            name = self.dotted(sub.func) or ""
            last = name.rsplit(".", 1)[-1]
            if self.layer_class(name) or (last in MERGE_FUNCTIONS and ".layers." in f".{name}"):
                return True
            func = sub.func
            if (isinstance(func, ast.Attribute) and func.attr == "add"
                    and isinstance(func.value, ast.Name)
                    and isinstance(self.env.get(func.value.id), SequentialModel)):
                return True
        return False

    def bind(self, target: ast.expr, value: Any, line: int) -> None:
        if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                and isinstance(self.env.get(target.value.id), KerasObject)):
            # base.trainable = False on a pretrained model
            self.env[target.value.id].kwargs[target.attr] = value
        elif isinstance(target, ast.Name):
            self.env[target.id] = value
            if isinstance(value, (SequentialModel, FunctionalModel)):
                self._name_model(value, target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value if isinstance(value, (tuple, list)) else None
            for i, element in enumerate(target.elts):
                if values is not None and len(values) == len(target.elts):
                    self.bind(element, values[i], line)
                else:
                    self.bind(element, Unknown(line, ast.unparse(element)), line)

    def _name_model(self, model: Any, name: str) -> None:
        for i, (known, _) in enumerate(self.models):
            if known is model:
                self.models[i] = (model, name)

    # Names -----------------------------------------------------------------------------------

    def dotted(self, node: ast.expr) -> str | None:
        """`layers.Dense` → "tensorflow.keras.layers.Dense" after the file's imports."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id, node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def _is_keras(self, name: str) -> bool:
        parts = name.split(".")
        return parts[0] in _KERAS_ROOTS or len(parts) == 1 or parts[0] in ("layers", "models")

    def layer_class(self, name: str) -> str | None:
        """The Keras layer class a dotted name stands for, or None."""
        last = name.rsplit(".", 1)[-1]
        if last in self.custom_classes and "." not in name:
            return last
        if not self._is_keras(name) or last in _MODEL_CLASSES or last in _INPUT_NAMES:
            return None
        if ".layers." in f".{name}" or last in known_layer_classes():
            return last if last[:1].isupper() else None
        return None

    # Expressions -----------------------------------------------------------------------------

    def value(self, node: ast.expr) -> Any:
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List)):
            values = [self.value(e) for e in node.elts]
            return tuple(values) if isinstance(node, ast.Tuple) else values
        if isinstance(node, ast.Dict):
            return {self.value(k): self.value(v) for k, v in zip(node.keys, node.values,
                                                                 strict=True) if k is not None}
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = self.value(node.operand)
            return -inner if _is_number(inner) else Unknown(line, ast.unparse(node))
        if isinstance(node, ast.BinOp):
            return self._arithmetic(node)
        if isinstance(node, ast.Compare):
            return self._comparison(node)
        if isinstance(node, ast.Name):
            if node.id in self.env:
                return self.env[node.id]
            return {"None": None, "True": True, "False": False}.get(
                node.id, Unknown(line, node.id))
        if isinstance(node, ast.Attribute):
            name = self.dotted(node)
            if name is None:
                return Unknown(line, ast.unparse(node))
            self._note_dataset(name, line)
            last = name.rsplit(".", 1)[-1]
            if any(f".{kind}." in f".{name}" for kind in ("activations", "nn")):
                return last  # activation=tf.nn.relu is activation='relu'
            return KerasObject("name", last, {}, [], line)
        if isinstance(node, ast.IfExp):
            return self._if_expression(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        return Unknown(line, ast.unparse(node))

    def _arithmetic(self, node: ast.BinOp) -> Any:
        left, right = self.value(node.left), self.value(node.right)
        op = _BINARY.get(type(node.op))
        if op and _is_number(left) and _is_number(right) and abs(right) < 1e12 and abs(
                left) < 1e12:
            try:
                return op(left, right)
            except ZeroDivisionError:
                pass
        return Unknown(node.lineno, ast.unparse(node))

    def _comparison(self, node: ast.Compare) -> Any:
        """`K.image_data_format() == 'channels_first'` and the like, on known plain values."""
        left = self.value(node.left)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = self.value(right_node)
            compare = _COMPARISONS.get(type(op))
            if compare is None or not (_is_plain(left) and _is_plain(right)):
                return Unknown(node.lineno, ast.unparse(node))
            try:
                if not compare(left, right):
                    return False
            except TypeError:  # 'a' < 1
                return Unknown(node.lineno, ast.unparse(node))
            left = right
        return True

    def _if_expression(self, node: ast.IfExp) -> Any:
        test = self.value(node.test)
        if not isinstance(test, (Unknown, KerasObject)):
            return self.value(node.body if test else node.orelse)
        body, orelse = self.value(node.body), self.value(node.orelse)
        if isinstance(body, Unknown) and not isinstance(orelse, Unknown):
            # `int(sys.argv[1]) if len(sys.argv) > 1 else 5`: the value when run plainly.
            return Fallback(orelse, node.lineno, ast.unparse(node))
        return Unknown(node.lineno, ast.unparse(node))

    def _note_dataset(self, name: str | None, line: int) -> None:
        if name and ".datasets." in f".{name}":
            self.datasets.append((name.split(".datasets.", 1)[-1].split(".")[0], line))

    def arguments(self, node: ast.Call) -> tuple[list[Any], dict[str, Any]]:
        args = [self.value(a) for a in node.args]
        kwargs = {k.arg: self.value(k.value) for k in node.keywords if k.arg is not None}
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
                k.arg is None for k in node.keywords):
            args.append(Unknown(node.lineno, ast.unparse(node)))
        return args, kwargs

    def call(self, node: ast.Call) -> Any:
        line = node.lineno
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            owner = self.env.get(node.func.value.id)
            if isinstance(owner, SequentialModel | FunctionalModel):
                return self.model_method(owner, node)
        if isinstance(node.func, ast.Call):  # layers.Dense(64)(x)
            return self.apply(self.value(node.func), node)
        if isinstance(node.func, ast.Name) and node.func.id in self.env:
            return self.apply(self.env[node.func.id], node)  # a layer (or else) made before
        name = self.dotted(node.func)
        if name is None:
            return Unknown(line, ast.unparse(node))
        self._note_dataset(name, line)
        last = name.rsplit(".", 1)[-1]
        if "." not in name and last in self.functions:
            return self.inline(self.functions[last], node)
        args, kwargs = self.arguments(node)
        if last in ("int", "float") and "." not in name and len(args) == 1:
            return _convert_number(args[0], last, line, ast.unparse(node))
        if not self._is_keras(name):
            return Unknown(line, ast.unparse(node))
        if last == "image_data_format":
            return "channels_last"  # Keras' setting unless a keras.json says otherwise
        if last in _INPUT_NAMES:
            return self.keras_input(args, kwargs, line)
        if last == "Sequential":
            model = SequentialModel(line)
            layers = args[0] if args else kwargs.get("layers", [])
            if isinstance(layers, (list, tuple)):
                model.layers.extend(layers)
            elif layers is not None:
                model.layers.append(layers)
            self.models.append((model, None))
            return model
        if last in ("Model", "Functional"):
            inputs = args[0] if args else kwargs.get("inputs")
            outputs = args[1] if len(args) > 1 else kwargs.get("outputs")
            model = FunctionalModel(line, _tensors(inputs), _tensors(outputs))
            self.models.append((model, None))
            return model
        if last in MERGE_FUNCTIONS and ".layers." in f".{name}.":
            merged = LayerCall(MERGE_FUNCTIONS[last], [], {k: v for k, v in kwargs.items()}, line)
            return self.connect(merged, args[0] if args else kwargs.get("inputs"), line)
        layer = self.layer_class(name)
        if layer:
            return LayerCall(layer, args, kwargs, line, custom=layer in self.custom_classes)
        if last == "preprocess_input" and args and isinstance(args[0], Tensor):
            self.notes.append((line, msg(
                "{name}: NetStudio's pretrained blocks normalise their input themselves",
                name=ast.unparse(node.func))))
            return args[0]
        for kind in ("optimizers", "losses", "metrics", "callbacks", "applications"):
            if f".{kind}." in f".{name}":
                return KerasObject(kind, last, kwargs, args, line)
        if last in self.custom_classes:
            return LayerCall(last, args, kwargs, line, custom=True)
        return Unknown(line, ast.unparse(node))

    def inline(self, function: ast.FunctionDef, node: ast.Call) -> Any:
        """A function of the file called with literal arguments (`build_model()`): its body is
        read with those values bound, as far as it can be."""
        if self._depth >= _MAX_INLINE_DEPTH:
            return Unknown(node.lineno, ast.unparse(node))
        args, kwargs = self.arguments(node)
        saved = dict(self.env)
        params = function.args.args
        defaults = [self.value(d) for d in function.args.defaults]
        for param, default in zip(params[len(params) - len(defaults):], defaults, strict=True):
            self.env[param.arg] = default
        for param, arg in zip(params, args, strict=False):
            self.env[param.arg] = arg
        for key, arg in kwargs.items():
            self.env[key] = arg
        self._depth += 1
        try:
            result = self.statements(function.body)
        finally:
            self._depth -= 1
            self.env = saved
        return result

    def keras_input(self, args: list[Any], kwargs: dict[str, Any], line: int) -> Tensor:
        shape = args[0] if args else kwargs.get("shape", kwargs.get("input_shape"))
        if shape is None and "batch_shape" in kwargs and isinstance(kwargs["batch_shape"],
                                                                     (list, tuple)):
            shape = tuple(kwargs["batch_shape"][1:])
        dtype = kwargs.get("dtype")
        self.steps.append(Step(None, [], line, input_shape=shape, input_dtype=dtype))
        return Tensor(len(self.steps) - 1)

    def apply(self, layer: Any, node: ast.Call) -> Any:
        """`layer(x)` / `layer([a, b])`: a layer applied to tensors."""
        args, kwargs = self.arguments(node)
        if isinstance(layer, SequentialModel | FunctionalModel):
            self.skipped.append((node.lineno, msg(
                "a model used as a layer of another is not imported; write its layers into "
                "the model")))
            return Unknown(node.lineno, ast.unparse(node))
        if isinstance(layer, KerasObject) and layer.kind == "applications":
            # A pretrained model used as a layer: the builder maps it (keras_applications).
            block = LayerCall(APPLICATION, [layer], {}, node.lineno)
            return self.connect(block, args[0] if args else kwargs.get("inputs"), node.lineno)
        if not isinstance(layer, LayerCall):
            self.skipped.append((node.lineno, msg("{what} is not a Keras layer NetStudio can "
                                                  "read", what=ast.unparse(node.func))))
            return Unknown(node.lineno, ast.unparse(node))
        return self.connect(layer, args[0] if args else kwargs.get("inputs"), node.lineno)

    def connect(self, layer: LayerCall, inputs: Any, line: int) -> Any:
        tensors = _tensors(inputs)
        if not tensors or len(tensors) != len(inputs if isinstance(inputs, (list, tuple))
                                               else [inputs]):
            self.skipped.append((line, msg(
                "{cls}: what flows into it is not a result of keras.Input or of a layer "
                "NetStudio could read", cls=layer.cls)))
            return Unknown(line, f"{layer.cls}(…)")
        layer.applied += 1
        self.steps.append(Step(layer, [t.step for t in tensors], line))
        return Tensor(len(self.steps) - 1)

    def model_method(self, model: Any, node: ast.Call) -> Any:
        assert isinstance(node.func, ast.Attribute)
        method, line = node.func.attr, node.lineno
        args, kwargs = self.arguments(node)
        settings = self.compiled.setdefault(id(model), Settings())
        if method == "add" and isinstance(model, SequentialModel):
            model.layers.append(args[0] if args else Unknown(line, ast.unparse(node)))
        elif method == "build" and isinstance(model, SequentialModel):
            model.build_shape = args[0] if args else kwargs.get("input_shape")
        elif method == "compile":
            names = ("optimizer", "loss", "loss_weights", "metrics")
            bound = dict(zip(names, args, strict=False)) | kwargs
            settings.compile = {k: (v, line) for k, v in bound.items()}
        elif method == "fit":
            names = ("x", "y", "batch_size", "epochs")
            bound = dict(zip(names, args, strict=False)) | kwargs
            settings.fit = {k: (v, line) for k, v in bound.items() if k not in ("x", "y")}
        return Unknown(line, ast.unparse(node))


@dataclass(frozen=True)
class Fallback:
    """A value that depends on how the program is started, and the one it has by default."""

    value: Any
    line: int
    text: str


def _convert_number(value: Any, kind: str, line: int, text: str) -> Any:
    if isinstance(value, Fallback):
        return Fallback(_convert_number(value.value, kind, line, text), value.line, value.text)
    if _is_number(value) or isinstance(value, str):
        try:
            return int(value) if kind == "int" else float(value)
        except ValueError:
            pass
    return Unknown(line, text)


def _tensors(value: Any) -> list[Tensor]:
    if isinstance(value, Tensor):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, Tensor) for v in value):
        return list(value)
    if isinstance(value, dict) and all(isinstance(v, Tensor) for v in value.values()):
        return list(value.values())
    return []


def _is_plain(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
    )
