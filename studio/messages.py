"""User-facing sentences that the app can show in another language.

The engine writes its messages in English. A message made with `msg` is that English text (a
`str`, so the engine, the command line and the tests use it as before) and also remembers how it
was made: a constant template and named values. The app translates the template (Qt context
"errors") and fills in the values, translating those that are messages themselves:

    raise ShapeError(msg("Dense expects a flat input (a vector), but gets a {got}; ...",
                         got=x.describe()))

`term` marks a word or phrase that appears inside messages (a layer's parameter title, the kind
of a tensor); it is translated under its own context.

Templates are `str.format` templates (`{name}`, `{value!r}`, `{lr:g}`) and must be string
literals: scripts/update_translations.py finds them in the source to put them in the .ts file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ERRORS_CONTEXT = "errors"


class Message(str):
    """English text that remembers its template, values and translation context."""

    template: str
    values: dict[str, Any]
    context: str

    def __new__(
        cls, template: str, values: dict[str, Any] | None = None, context: str = ERRORS_CONTEXT
    ) -> Message:
        values = dict(values or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template, self.values, self.context = template, values, context
        return self

    def __str__(self) -> str:
        # str(exc) and f"{message}" keep the message (and what it is made of) intact.
        return self

    def __reduce__(self):
        return (Message, (self.template, self.values, self.context))


def msg(template: str, /, **values: Any) -> Message:
    """A message of the "errors" context: `template` (a literal) filled in with `values`."""
    return Message(template, values)


def term(text: str, context: str = ERRORS_CONTEXT) -> Message:
    """A word or phrase used inside messages, translated under `context` where it is shown."""
    return Message(text, None, context)


def joined(parts: list[str], separator: str = ", ") -> Message:
    """Messages (or plain values) in a row, e.g. "input 1 is …, input 2 is …", each translated
    where it is a message; the separator itself stays as it is."""
    values = {f"part{i}": part for i, part in enumerate(parts)}
    template = separator.replace("{", "{{").replace("}", "}}").join(f"{{{k}}}" for k in values)
    return Message(template, values)


def fill(text: str, lookup: Callable[[str, str], str]) -> str:
    """`text` in another language, given `lookup(context, source)` for one template: a Message
    by its template, its values that are messages translated first; a plain string looked up
    as a whole under "errors". A translation whose placeholders do not fit the values falls
    back to the English text rather than fail. The app (Qt) and the command line (the .ts read
    without Qt) both translate through this one function."""
    if not text:
        return text
    if not isinstance(text, Message):
        return lookup(ERRORS_CONTEXT, text)
    template = lookup(text.context, text.template)
    if not text.values:
        return template
    values = {k: fill(v, lookup) if isinstance(v, Message) else v for k, v in text.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str.__str__(text)
