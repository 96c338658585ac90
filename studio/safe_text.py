"""User text in generated files: Python string literals, comments and one-line display text.

Project names, descriptions, node ids and class names come from files that users download,
share and hand-edit. Exports write some of that text into Python source, Markdown and ONNX
metadata. Nothing here ever lets such text leave its literal or its line, whatever it holds:
quotes, triple quotes, backslashes, newlines, carriage returns, NUL, lone surrogates, bidi
controls. Generators must use these helpers and never interpolate raw user text into source
(in particular never into a docstring).
"""

from __future__ import annotations

import keyword
import re

# A node id as it may appear in generated source: a lowercase identifier. `fullmatch`, never
# `match` with `$`: `$` also matches before a final newline, so "dense_1\n" would pass.
_NODE_ID = re.compile(r"[a-z_][a-z0-9_]*")
# Names the generated model.py itself uses as globals or locals inside forward().
RESERVED_NAMES = frozenset({"self", "torch", "nn", "F", "forward", "training"})
_DISPLAY_LIMIT = 200


def python_string(value: str) -> str:
    """A Python string literal that evaluates to exactly `value`.

    `ascii()` escapes every non-ASCII and non-printable character (newlines, NUL, lone
    surrogates included) and every quote that would close the literal, so the result is one
    line of printable ASCII that no content can break out of."""
    if not isinstance(value, str):
        raise TypeError(f"python_string takes text, not {type(value).__name__}")
    return ascii(value)


def one_line(value: str, limit: int = _DISPLAY_LIMIT) -> str:
    """`value` as one line of printable text, for a comment, a Markdown line or metadata.

    Printable characters stay as they are (Chinese names stay readable); every other one
    (line breaks of any kind, NUL, other control and format characters such as bidi
    overrides, lone surrogates) is written as its Python escape, e.g. `\\n`. The result can
    be encoded as UTF-8 and has no line break. Long text is cut to `limit` characters."""
    text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def python_comment(value: str, limit: int = _DISPLAY_LIMIT) -> str:
    """A one-line `#` comment holding `value`.

    Keep such comments off a file's first two lines: Python reads a `coding:` declaration
    there, and a name like "coding: utf-7" would change how the whole file is decoded."""
    return "# " + one_line(value, limit)


def is_node_id(value: object) -> bool:
    """Whether `value` can be written as-is as an attribute and a local name in model.py."""
    return (
        isinstance(value, str)
        and _NODE_ID.fullmatch(value) is not None
        and not keyword.iskeyword(value)
        and value not in RESERVED_NAMES
    )


def class_identifier(title: str, limit: int = 60) -> str:
    """A Python class name made from a project title: its ASCII letters and digits in
    CamelCase ("Seed CNN (MNIST)" → SeedCNNMNIST), never a keyword or a name model.py uses."""
    words = re.findall(r"[A-Za-z0-9]+", str(title))
    name = "".join(w[:1].upper() + w[1:] for w in words)[:limit] or "Model"
    if not name[0].isalpha():
        name = f"Model{name}"
    if keyword.iskeyword(name) or name in RESERVED_NAMES:
        name = f"{name}Model"  # None, True, False, F
    return name


def is_class_identifier(value: object) -> bool:
    """Whether `value` can name the model's class in model.py."""
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isidentifier()
        and not keyword.iskeyword(value)
        and value not in RESERVED_NAMES
    )
