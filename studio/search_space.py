"""What a hyperparameter search varies: parsed from specs such as `dense_1.units=32,64,128`,
`lr=1e-4..1e-2:log` or `optimizer=adam,sgd`, checked against the project before any trial runs.

A spec names a training setting (as studio.settings names it, `lr` for learning_rate) or a
layer parameter as NODE.PARAM, and gives either a list of values or a range LOW..HIGH (`:log`
to sample it on a log scale). Every value and both ends of a range are validated by the
parameter's own declaration, so a range outside its limits is refused with the same plain
message the inspector gives. Whether a value also fits the rest of the graph (a kernel larger
than its input) is known only per trial: that trial fails with the node's message.

No Optuna here beyond `suggest`, which takes any object with Optuna's trial methods.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from studio.errors import StudioError
from studio.messages import msg, term
from studio.params import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    ParamError,
    SizeParam,
)
from studio.project import Project
from studio.settings import TRAINING_PARAMS, validate_training

# Short names a user may type for training settings.
ALIASES = {"lr": "learning_rate", "wd": "weight_decay"}
# Training settings a search does not vary, and why.
NOT_SEARCHABLE = {
    "epochs": msg("epochs is the search's own budget: give it with --epochs"),
    "validation_split": msg("the validation split cannot be searched: trials are compared on "
                            "one validation set"),
    "device": msg("the device cannot be searched: it changes where a trial runs, not how it "
                  "learns"),
    "train_limit": msg("the training samples cannot be searched: trials are compared on the "
                       "same data"),
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


class SearchSpaceError(StudioError):
    """A --param spec that cannot be searched. The message names the spec and what is wrong."""


@dataclass(frozen=True)
class Dimension:
    """One thing a search varies: a list of values, or a range."""

    key: str  # "dense_1.units" or "learning_rate": the Optuna parameter name
    node: str | None  # the node for a layer parameter, None for a training setting
    param: str
    values: tuple[Any, ...] | None = None
    low: float | None = None
    high: float | None = None
    log: bool = False
    integer: bool = False

    def suggest(self, trial: Any) -> Any:
        if self.values is not None:
            return trial.suggest_categorical(self.key, list(self.values))
        if self.integer:
            return trial.suggest_int(self.key, int(self.low), int(self.high), log=self.log)
        return trial.suggest_float(self.key, self.low, self.high, log=self.log)

    def describe(self) -> str:
        """The spec in canonical form (what a resumed search is compared on)."""
        if self.values is not None:
            return f"{self.key}={','.join(_text(v) for v in self.values)}"
        scale = ":log" if self.log else ""
        return f"{self.key}={_text(self.low)}..{_text(self.high)}{scale}"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class SearchSpace:
    dimensions: tuple[Dimension, ...]

    def suggest(self, trial: Any) -> dict[str, Any]:
        return {d.key: d.suggest(trial) for d in self.dimensions}

    def grid(self) -> dict[str, list[Any]]:
        """The grid sampler's space: every dimension must be a list of values."""
        for d in self.dimensions:
            if d.values is None:
                raise SearchSpaceError(
                    msg("A grid search takes lists of values; {name} is a range. Give its "
                        "values (e.g. {example}), or search with the random or TPE sampler",
                        name=d.key, example=_grid_example(d))
                )
        return {d.key: list(d.values) for d in self.dimensions}

    def size(self) -> int | None:
        """How many points a grid has (None with a range)."""
        if any(d.values is None for d in self.dimensions):
            return None
        return math.prod(len(d.values) for d in self.dimensions)

    def describe(self) -> list[str]:
        return [d.describe() for d in self.dimensions]

    def apply(self, project: Project, values: dict[str, Any]) -> Project:
        """A copy of `project` with `values` (by key) set. A value that does not fit the
        graph raises the graph's error, naming the node (studio.graph.GraphError)."""
        copy = Project(project.name, project.graph.copy(), dict(project.dataset),
                       dict(project.training), project.description)
        changes = {}
        for d in self.dimensions:
            if d.key not in values:
                continue
            if d.node is None:
                changes[d.param] = values[d.key]
            else:
                copy.graph.set_params(d.node, {d.param: values[d.key]})
        if changes:
            copy.training = validate_training({**copy.training, **changes})
        return copy


def _grid_example(d: Dimension) -> str:
    low, high = d.low or 0, d.high or 0
    if d.log and low > 0:
        points = [low * (high / low) ** (i / 2) for i in range(3)]
    else:
        points = [low + (high - low) * i / 2 for i in range(3)]
    if d.integer:
        points = [round(p) for p in points]
    return f"{d.key}={','.join(_text(p) for p in points)}"


def parse_space(specs: list[str], project: Project) -> SearchSpace:
    """The search space of `specs`, each checked against `project`; SearchSpaceError names the
    first spec that cannot be searched and why."""
    if not specs:
        raise SearchSpaceError(
            msg("Say what to search with --param, e.g. --param dense_1.units=32,64,128 "
                "--param lr=1e-4..1e-2:log")
        )
    dimensions: list[Dimension] = []
    for spec in specs:
        d = parse_spec(spec, project)
        if any(other.key == d.key for other in dimensions):
            raise SearchSpaceError(msg("{name} is given twice; give it once", name=d.key))
        dimensions.append(d)
    return SearchSpace(tuple(dimensions))


def parse_spec(spec: str, project: Project) -> Dimension:
    name, sep, text = spec.partition("=")
    name, text = name.strip(), text.strip()
    if not sep or not name or not text:
        raise SearchSpaceError(
            msg("--param {spec!r}: write NAME=VALUES, e.g. dense_1.units=32,64,128 or "
                "lr=1e-4..1e-2:log", spec=spec)
        )
    if not _NAME.fullmatch(name):
        raise SearchSpaceError(
            msg("--param {spec!r}: {name!r} is not a setting or NODE.PARAM name", spec=spec,
                name=name)
        )
    node, param, declared = _target(name, project)
    key = f"{node}.{param}" if node else param

    def check(value: Any) -> Any:
        try:
            return declared.validate(value)
        except ParamError as exc:
            raise SearchSpaceError(msg("{name}: {error}", name=key, error=str(exc))) from None

    if ".." in text:
        return _range(key, node, param, declared, text, check)
    values = []
    for item in text.split(","):
        value = check(_value(key, declared, item.strip()))
        if isinstance(declared, SizeParam):
            value = value[0]  # validated as a square window; kept as the one number typed
        if value not in values:
            values.append(value)
    return Dimension(key, node, param, values=tuple(values))


def _target(name: str, project: Project) -> tuple[str | None, str, Param]:
    """(node or None, parameter name, its declaration) for a spec's name."""
    if "." not in name:
        setting = ALIASES.get(name, name)
        declared = TRAINING_PARAMS.get(setting)
        if declared is None:
            known = ", ".join(p.name for p in TRAINING_PARAMS if p.name not in NOT_SEARCHABLE)
            raise SearchSpaceError(
                msg("There is no training setting {name!r} to search (settings: {known}; for a "
                    "layer's parameter write NODE.PARAM, e.g. dense_1.units)", name=name,
                    known=known)
            )
        if setting in NOT_SEARCHABLE:
            raise SearchSpaceError(NOT_SEARCHABLE[setting])
        return None, setting, declared
    node_id, param = name.split(".", 1)
    node = project.graph.nodes.get(node_id)
    if node is None:
        known = ", ".join(project.graph.nodes) or "none"
        raise SearchSpaceError(
            msg("The project has no node {node!r} (its nodes: {known})", node=node_id,
                known=known)
        )
    layer = node.layer
    declared = layer.params.get(param)
    if declared is None:
        known = ", ".join(p.name for p in layer.params) or "none"
        raise SearchSpaceError(
            msg("{node} ({layer}) has no parameter {param!r} (its parameters: {known})",
                node=node_id, layer=term(layer.title, "layers"), param=param,
                known=known)
        )
    if layer.is_input:
        raise SearchSpaceError(
            msg("{node}: the Input cannot be searched: the data set is loaded once for all "
                "trials", node=node_id)
        )
    if not isinstance(declared, (IntParam, FloatParam, ChoiceParam, BoolParam, SizeParam)):
        raise SearchSpaceError(
            msg("{name}: this kind of parameter cannot be searched (numbers, choices and "
                "true/false can)", name=name)
        )
    return node_id, param, declared


def _value(key: str, declared: Param, text: str) -> Any:
    """A typed value from the text of a list item."""
    if not text:
        raise SearchSpaceError(msg("{name}: a value in the list is empty", name=key))
    if isinstance(declared, BoolParam):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise SearchSpaceError(msg("{name}: {value!r} is not true or false", name=key,
                                   value=text))
    if isinstance(declared, ChoiceParam):
        return text
    return _number(key, text, whole=not isinstance(declared, FloatParam))


def _number(key: str, text: str, whole: bool) -> int | float:
    try:
        value = float(text)
    except ValueError:
        raise SearchSpaceError(msg("{name}: {value!r} is not a number", name=key,
                                   value=text)) from None
    if not math.isfinite(value):
        raise SearchSpaceError(msg("{name}: {value!r} is not a number", name=key, value=text))
    if whole:
        if not value.is_integer():
            raise SearchSpaceError(msg("{name}: {value!r} is not a whole number", name=key,
                                       value=text))
        return int(value)
    return value


def _range(key: str, node: str | None, param: str, declared: Param, text: str,
           check: Any) -> Dimension:
    low_text, _, rest = text.partition("..")
    high_text, _, scale = rest.partition(":")
    if isinstance(declared, (ChoiceParam, BoolParam)):
        raise SearchSpaceError(
            msg("{name} takes a list of values (e.g. {example}), not a range", name=key,
                example=",".join(_text(c) for c in getattr(declared, "choices", (True, False))))
        )
    if scale not in ("", "log"):
        raise SearchSpaceError(
            msg("{name}: {scale!r} is not a scale; write LOW..HIGH or LOW..HIGH:log",
                name=key, scale=scale)
        )
    integer = not isinstance(declared, FloatParam)
    low = _number(key, low_text.strip(), integer)
    high = _number(key, high_text.strip(), integer)
    check(low)
    check(high)
    if not low < high:
        raise SearchSpaceError(
            msg("{name}: a range goes from low to high, not {low} .. {high}", name=key,
                low=_text(low), high=_text(high))
        )
    if scale == "log" and low <= 0:
        raise SearchSpaceError(
            msg("{name}: a log range needs values above 0, not {low} .. {high}", name=key,
                low=_text(low), high=_text(high))
        )
    return Dimension(key, node, param, low=low, high=high, log=scale == "log", integer=integer)


# Settings whose useful values span orders of magnitude: a first search of them is a log range.
LOG_SCALE = {"learning_rate", "weight_decay", "l1"}
# Where a log range starts for such a setting that is 0 now (off): a light penalty.
_LOG_START = 1e-4


def searchable_names(project: Project) -> list[str]:
    """Every name a spec may search in `project`: training settings, then NODE.PARAM for each
    layer's numbers, choices and true/false (the dialog's list of what can be added)."""
    names = [p.name for p in TRAINING_PARAMS if p.name not in NOT_SEARCHABLE]
    for node_id, node in project.graph.nodes.items():
        if node.layer.is_input:
            continue
        for p in node.layer.params:
            if isinstance(p, (IntParam, FloatParam, ChoiceParam, BoolParam, SizeParam)):
                names.append(f"{node_id}.{p.name}")
    return names


def default_spec(name: str, project: Project) -> str:
    """A first spec for searching `name` (a training setting or NODE.PARAM) around its value in
    `project`, for the user to edit: a log range of a tenth to ten times the value for the
    learning rate and the penalties, half, the value and double for whole numbers (units,
    filters, batch size), half to double for other numbers (a dropout rate), every declared
    choice for a choice (the optimizer), true and false. Within the parameter's limits;
    SearchSpaceError when `name` cannot be searched at all."""
    if _NAME.fullmatch(name) is None:
        raise SearchSpaceError(msg("{name!r} is not a setting or NODE.PARAM name", name=name))
    node, param, declared = _target(name, project)
    key = f"{node}.{param}" if node else param
    current = project.training[param] if node is None else project.graph.nodes[node].params[param]
    text = _default_values(param, declared, current)
    try:
        parse_spec(f"{key}={text}", project)
    except SearchSpaceError:  # (limits narrower than the guess): the value alone, to edit
        text = _text(current[0] if isinstance(current, (list, tuple)) else current)
    return f"{key}={text}"


def _default_values(param: str, declared: Param, current: Any) -> str:
    if isinstance(declared, ChoiceParam):
        return ",".join(declared.choices)
    if isinstance(declared, BoolParam):
        return "true,false"
    if isinstance(declared, FloatParam):
        low_limit, high_limit = declared.minimum, declared.maximum
        if param in LOG_SCALE:
            centre = current if current > 0 else _LOG_START
            low = max(centre / 10, low_limit, 1e-12)
            high = min(centre * 10, high_limit)
            return f"{_text(low)}..{_text(high)}:log"
        if current > 0:
            low, high = max(current / 2, low_limit), min(current * 2, high_limit)
        else:  # off now: from off to a quarter of the way up
            low, high = low_limit, low_limit + (high_limit - low_limit) / 4
        return f"{_text(_round(low))}..{_text(_round(high))}"
    number = current[0] if isinstance(current, (list, tuple)) else current
    low_limit = getattr(declared, "minimum", 0)
    high_limit = getattr(declared, "maximum", number * 2)
    points = [number // 2, number, number * 2] if number > 0 else [number, number + 1,
                                                                    number + 2]
    values = sorted({min(max(p, low_limit), high_limit) for p in points})
    return ",".join(str(v) for v in values)


def _round(value: float) -> float:
    """Three significant digits: a range reads 0.25..1, not 0.2500000001..1."""
    return float(f"{value:.3g}")
