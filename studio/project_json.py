"""Reading untrusted JSON for projects: bounded, strict, and every refusal names the field.

`json.loads` alone accepts what a project must not hold: NaN and Infinity (the app then fails
to paint a node at NaN), integers of thousands of digits (ValueError from the int digit limit),
floats that overflow to infinity, duplicate keys (the last one silently wins), lone surrogates
(they cannot be written back as UTF-8), and nesting deep enough to raise RecursionError. Here the
parser's hooks turn the first three into markers instead of failing without a position, and one
iterative walk over the result refuses each marker and every other breach of the limits below,
with the path of the field: "p.json: graph.nodes[3].position[0] is NaN; ...".
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from studio.messages import msg
from studio.params import shown

MAX_DEPTH = 32
"""Nesting levels. A project is 6 deep (project → graph → nodes → node → params → shape)."""
MAX_VALUES = 4_000_000
"""Values (numbers, strings, lists, objects) in one document: 50,000 nodes need about 1.5 M."""
MAX_TEXT_LENGTH = 10_000
"""Characters in any string without a limit of its own (a data set's path, a parameter)."""
MAX_KEY_LENGTH = 100
"""Characters in an object's key: keys are field and parameter names."""
MAX_INT_DIGITS = 30
"""Digits of an integer: no field takes a number near 10**30, and Python refuses to convert
integers of more than 4,300 digits at all."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_SUSPECT = re.compile("[\ud800-\udfff\x00]")  # what _check_text refuses in any string


@dataclass(frozen=True)
class TextRule:
    """How long a string field may be, and whether it is shown as text (then no control
    characters: they garble the window title and the exports' comments; `lines` allows line
    breaks and tabs)."""

    limit: int = MAX_TEXT_LENGTH
    plain: bool = False
    lines: bool = False


_ANY_TEXT = TextRule()


class DocumentError(ValueError):
    """A breach of the limits; `path` is the field, `reason` the message after it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


class _Unusable:
    """What the parser read where a number cannot be used: kept so the walk can name the field."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Duplicates(dict):
    """An object whose text repeated keys; `repeated` lists them."""

    repeated: list[str]


def _parse_int(text: str) -> int | _Unusable:
    return _Unusable(text) if len(text.lstrip("-")) > MAX_INT_DIGITS else int(text)


def _parse_float(text: str) -> float | _Unusable:
    value = float(text)
    return value if math.isfinite(value) else _Unusable(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    repeated = [k for k, _ in pairs if k in seen or seen.add(k)]
    obj = _Duplicates(obj)
    obj.repeated = repeated
    return obj


def parse_json(text: str) -> Any:
    """The JSON document in `text`, with unusable numbers and duplicate keys marked for
    `check_document`. Raises json.JSONDecodeError, or RecursionError for absurd nesting."""
    return json.loads(
        text,
        parse_int=_parse_int,
        parse_float=_parse_float,
        parse_constant=_Unusable,
        object_pairs_hook=_object,
    )


def check_document(data: Any, texts: dict[str, TextRule] | None = None) -> None:
    """Raise DocumentError for the first field that breaks a limit.

    `texts` gives some top-level string fields their own rule; the others may hold up to
    MAX_TEXT_LENGTH characters. The walk is iterative (no depth reaches the recursion limit)
    and visits containers only through the stack: a 20,000-node project takes a fraction of
    its parse time."""
    texts = texts or {}
    if not isinstance(data, (dict, list, tuple)):
        _check_leaf(data, (), _ANY_TEXT)
        return
    count = 0
    stack: list[tuple[Any, int, tuple]] = [(data, 0, ())]
    while stack:
        container, depth, path = stack.pop()
        if depth >= MAX_DEPTH:
            raise DocumentError(_path_text(path), _too_deep())
        count += len(container) + 1
        if count > MAX_VALUES:
            raise DocumentError(
                "",
                msg(
                    "holds more than {limit:,} values; a project holds far fewer",
                    limit=MAX_VALUES,
                ),
            )
        if isinstance(container, dict):
            _check_keys(container, path)
            items = container.items()
        else:
            items = enumerate(container)
        for key, item in items:
            if isinstance(item, (dict, list, tuple)):
                stack.append((item, depth + 1, (*path, key)))
            elif type(item) is str and len(item) <= MAX_TEXT_LENGTH and path:
                # The common case, checked inline: a short string below the top level.
                if _SUSPECT.search(item):
                    _check_leaf(item, (*path, key), _ANY_TEXT)
            else:
                rule = texts.get(key, _ANY_TEXT) if not path else _ANY_TEXT
                _check_leaf(item, (*path, key), rule)


def _check_keys(obj: dict, path: tuple) -> None:
    if isinstance(obj, _Duplicates):
        raise DocumentError(
            _path_text(path),
            msg(
                "has the key {key!r} more than once; keep one of them",
                key=shown(obj.repeated[0]),
            ),
        )
    for key in obj:
        if not isinstance(key, str):
            continue  # only a Python caller's dict can have one; JSON keys are text
        if len(key) > MAX_KEY_LENGTH:
            raise DocumentError(
                _path_text(path),
                msg(
                    "has a key of {length:,} characters ({key!r}); keys are at most "
                    "{limit} characters",
                    length=len(key),
                    key=shown(key),
                    limit=MAX_KEY_LENGTH,
                ),
            )
        if _SUSPECT.search(key):
            _check_text(key, (*path, key), _ANY_TEXT)


def _check_leaf(value: Any, path: tuple, rule: TextRule) -> None:
    if isinstance(value, str):
        _check_text(value, path, rule)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if abs(value) >= 10**MAX_INT_DIGITS:
            # str() refuses integers of over 4,300 digits: count them from the bit length.
            digits = int(value.bit_length() * math.log10(2)) + 1
            raise DocumentError(_path_text(path), _too_many_digits(digits))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise DocumentError(_path_text(path), _not_finite(repr(value)))
    elif isinstance(value, _Unusable):
        digits = value.text.lstrip("-")
        if digits.isdigit():
            raise DocumentError(_path_text(path), _too_many_digits(len(digits)))
        raise DocumentError(_path_text(path), _not_finite(value.text))


def _check_text(text: str, path: tuple, rule: TextRule) -> None:
    if len(text) > rule.limit:
        raise DocumentError(
            _path_text(path),
            msg(
                "is {length:,} characters long; at most {limit:,} are allowed here",
                length=len(text),
                limit=rule.limit,
            ),
        )
    if _SURROGATE.search(text):
        raise DocumentError(
            _path_text(path),
            msg("holds a lone surrogate (an escape such as \\ud800 that is not a character)"),
        )
    if "\0" in text:
        raise DocumentError(_path_text(path), msg("holds a NUL character (\\u0000)"))
    if rule.plain:
        if rule.lines:
            text = text.replace("\n", "").replace("\r", "").replace("\t", "")
        if _CONTROL.search(text):
            raise DocumentError(
                _path_text(path),
                msg("holds a control character (such as a line break or an escape code)"),
            )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _too_many_digits(digits: int) -> str:
    return msg(
        "is a number of {digits:,} digits; numbers in a project are far smaller", digits=digits
    )


def _not_finite(text: str) -> str:
    return msg(
        "is {value}; only finite numbers are allowed (no NaN, Infinity or numbers beyond 1e308)",
        value=shown(text, 40).strip("'"),
    )


def _too_deep() -> str:
    return msg("is nested more than {limit} levels deep; a project is far flatter", limit=MAX_DEPTH)


def _path_text(path: tuple) -> str:
    """graph.nodes[3].position[0] for ("graph", "nodes", 3, "position", 0)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part) else shown(part, 40)
            text += f".{name}" if text else str(name)
    return text
