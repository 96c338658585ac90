"""Typed layer parameters: defaults, limits, and validation with plain-language errors.

Each layer in the registry declares its parameters with these classes; the graph model validates
every value through them, the inspector builds its editors from them, and the project file
stores the validated values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from studio.errors import StudioError
from studio.messages import Message, msg, term


class ParamError(StudioError, ValueError):
    """A parameter value that does not fit its declaration. The message is for the user."""


@dataclass(frozen=True)
class Param:
    name: str
    default: Any
    label: str = ""
    help: str = ""

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    @property
    def term(self) -> Message:
        """The title inside a message (translated as the registry's texts are)."""
        return term(self.title, "layers")

    def validate(self, value: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def default_value(self) -> Any:
        return self.validate(self.default)


class Shown(str):
    """A value quoted in a message: its repr, cut short. Templates keep `{value!r}`."""

    def __repr__(self) -> str:
        return str.__str__(self)


def shown(value: Any, limit: int = 60) -> Shown:
    """`repr(value)` cut to `limit` characters, for `{value!r}` in a message: a message quotes
    what the user wrote, but a hostile file's megabyte-long value must not become a
    megabyte-long message (the app took seconds to paint one)."""
    if isinstance(value, Shown):
        return value
    text = repr(value)
    return Shown(text if len(text) <= limit else text[: limit - 1] + "…")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class IntParam(Param):
    minimum: int = 0
    maximum: int = 1 << 20

    def validate(self, value: Any) -> int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not _is_int(value):
            raise ParamError(
                msg(
                    "{title} must be a whole number, not {value!r}",
                    title=self.term,
                    value=shown(value),
                )
            )
        if not self.minimum <= value <= self.maximum:
            raise ParamError(
                msg(
                    "{title} must be between {minimum} and {maximum}, not {value}",
                    title=self.term,
                    minimum=self.minimum,
                    maximum=self.maximum,
                    value=shown(value),
                )
            )
        return value


@dataclass(frozen=True)
class FloatParam(Param):
    minimum: float = 0.0
    maximum: float = 1e9

    def validate(self, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(
                msg("{title} must be a number, not {value!r}", title=self.term, value=shown(value))
            )
        try:
            value = float(value)
        except OverflowError:  # an integer too large for a float: out of range as well
            value = math.copysign(math.inf, value)
        if not self.minimum <= value <= self.maximum:
            raise ParamError(
                msg(
                    "{title} must be between {minimum:g} and {maximum:g}, not {value:g}",
                    title=self.term,
                    minimum=self.minimum,
                    maximum=self.maximum,
                    value=value,
                )
            )
        return value


@dataclass(frozen=True)
class BoolParam(Param):
    def validate(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ParamError(
                msg(
                    "{title} must be true or false, not {value!r}",
                    title=self.term,
                    value=shown(value),
                )
            )
        return value


@dataclass(frozen=True)
class ChoiceParam(Param):
    choices: tuple[str, ...] = ()

    def validate(self, value: Any) -> str:
        if value not in self.choices:
            raise ParamError(
                msg(
                    "{title} must be one of {options}; not {value!r}",
                    title=self.term,
                    options=", ".join(self.choices),
                    value=shown(value),
                )
            )
        return value


@dataclass(frozen=True)
class SizeParam(Param):
    """A window size such as a kernel: one number for a square (a cube), or one per axis:
    [height, width], or [depth, height, width] with dims 3."""

    minimum: int = 1
    maximum: int = 1024
    dims: int = 2
    axes: tuple[Message, ...] = ()
    """What each number is, for editors to label them, e.g. (term("before", "layers"),
    term("after", "layers")) for a pair that is not a size. Empty: the numbers are a size,
    shown as height × width (depth × height × width), see `is_extent`."""

    @property
    def is_extent(self) -> bool:
        """Whether the numbers are the extent of a window along each axis (height × width),
        rather than the named numbers of `axes`."""
        return not self.axes

    def validate(self, value: Any) -> tuple[int, ...]:
        if _is_int(value):
            value = (value,) * self.dims
        if (
            not isinstance(value, (list, tuple))
            or len(value) != self.dims
            or not all(_is_int(v) for v in value)
        ):
            if self.dims == 3:
                raise ParamError(
                    msg(
                        "{title} must be a whole number or a triple [depth, height, width]",
                        title=self.term,
                    )
                )
            raise ParamError(
                msg("{title} must be a whole number or a pair [height, width]", title=self.term)
            )
        if not all(self.minimum <= v <= self.maximum for v in value):
            raise ParamError(
                msg(
                    "{title} must be between {minimum} and {maximum}, not {value}",
                    title=self.term,
                    minimum=self.minimum,
                    maximum=self.maximum,
                    value=list(value),
                )
            )
        return tuple(value)


@dataclass(frozen=True)
class ShapeParam(Param):
    """A tensor shape without the batch dimension, e.g. [1, 28, 28]; -1 allowed once if asked."""

    allow_infer: bool = False
    max_rank: int = 4
    maximum: int = 1 << 24
    """Largest size of one dimension (16,777,216: a long recording's samples)."""
    max_values: int = 1 << 28
    """Largest number of values per sample (268 million: a gigabyte of float32 per sample)."""

    def validate(self, value: Any) -> tuple[int, ...]:
        if _is_int(value):
            value = (value,)
        if not isinstance(value, (list, tuple)) or not all(_is_int(v) for v in value):
            raise ParamError(
                msg("{title} must be a list of whole numbers such as [1, 28, 28]", title=self.term)
            )
        if not 1 <= len(value) <= self.max_rank:
            raise ParamError(
                msg("{title} must have 1 to {rank} dimensions", title=self.term, rank=self.max_rank)
            )
        inferred = [v for v in value if v == -1]
        if inferred and not self.allow_infer:
            raise ParamError(msg("{title} must contain only positive sizes", title=self.term))
        if len(inferred) > 1:
            raise ParamError(msg('{title} may contain -1 ("the rest") only once', title=self.term))
        if any(v == 0 or v < -1 for v in value):
            raise ParamError(
                msg(
                    "{title} sizes must be positive, not {value}",
                    title=self.term,
                    value=list(value),
                )
            )
        if any(v > self.maximum for v in value):
            raise ParamError(
                msg(
                    "{title}: each size must be at most {maximum:,}, not {value}",
                    title=self.term,
                    maximum=self.maximum,
                    value=shown(list(value)),
                )
            )
        if math.prod(v for v in value if v > 0) > self.max_values:
            raise ParamError(
                msg(
                    "{title} {value} holds {count:,} values per sample; NetStudio takes at "
                    "most {maximum:,}",
                    title=self.term,
                    value=list(value),
                    count=math.prod(v for v in value if v > 0),
                    maximum=self.max_values,
                )
            )
        return tuple(value)


@dataclass(frozen=True)
class ParamSet:
    """The ordered parameters of one layer type."""

    params: tuple[Param, ...] = field(default_factory=tuple)

    def __iter__(self):
        return iter(self.params)

    def get(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default_value() for p in self.params}

    def validate(self, values: dict[str, Any], layer: str) -> dict[str, Any]:
        """Complete `values` with defaults and validate each; unknown names are errors."""
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise ParamError(
                msg(
                    "{layer} has no parameter {name!r} (its parameters: {known})",
                    layer=layer,
                    name=shown(sorted(map(str, unknown))[0]),
                    known=known,
                )
            )
        out = {}
        for p in self.params:
            out[p.name] = p.validate(values[p.name]) if p.name in values else p.default_value()
        return out


def to_json_value(value: Any) -> Any:
    """Parameter values as JSON: tuples become lists."""
    if isinstance(value, tuple):
        return [to_json_value(v) for v in value]
    return value


MAX_TEXT_LENGTH = 4096
"""Longer than any path: a longer value is a damaged or hostile file, not a user's text."""


@dataclass(frozen=True)
class TextParam(Param):
    """A line of text, such as a folder's path or a node's id; empty allowed."""

    max_length: int = MAX_TEXT_LENGTH
    browse: str = ""
    """"folder": the editor offers to choose a folder (the value is its path)."""
    placeholder: str = ""
    """What an empty value means, shown greyed in the empty editor."""

    def validate(self, value: Any) -> str:
        if not isinstance(value, str):
            raise ParamError(
                msg("{title} must be text, not {value!r}", title=self.term, value=shown(value))
            )
        if "\0" in value or len(value) > self.max_length:
            raise ParamError(msg("{title} is too long or holds a NUL character", title=self.term))
        return value
