"""Messages in the user's language without Qt: the command line's translator.

The app translates engine messages with Qt (widgets/i18n.py, tr_message) from the compiled .qm
file. The command line must not import Qt, so it reads the same translations from the .ts file
(XML, the source of the .qm) and applies the same rules:

* a studio.messages.Message is translated from its template under its context, then filled in
  with its values, translated first where they are messages themselves;
* a plain string is looked up as a whole under "errors" (constant messages), else left as is;
* a translation whose placeholders do not fit the values falls back to the English text.

As Qt's lrelease does, unfinished translations count and vanished (obsolete) ones do not.
The file is read only when the language is not English, once per process.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from studio.messages import fill

LANGUAGE_ENV = "NETSTUDIO_LANGUAGE"
"""Overrides the language for one start: en or zh_CN (screenshots, tests)."""
LANGUAGES = ("en", "zh_CN")
I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"
# The system's message language, in the order gettext (and Qt on Unix) asks for it.
LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def system_language() -> str:
    """The language the system asks messages in, from the environment ("zh_CN.UTF-8", "de",
    "" when unset). LANGUAGE may list several ("zh_CN:en"): the first one counts."""
    for name in LOCALE_ENV:
        value = os.environ.get(name, "").split(":")[0].strip()
        if value:
            return value
    return ""


def interface_language(setting: str | None = None, system: str | None = None) -> str:
    """The language NetStudio speaks: "zh_CN" or "en", the same choice in the app and the CLI.

    NETSTUDIO_LANGUAGE wins; then `setting` (the app's saved choice: "en", "zh_CN" or
    "system"); then the system's language (`system`, e.g. Qt's first UI language in the app;
    the environment otherwise): any Chinese gets the Simplified Chinese translation, the rest
    English, the source language."""
    choice = os.environ.get(LANGUAGE_ENV) or setting
    if choice in LANGUAGES:
        return choice
    preferred = system_language() if system is None else system
    return "zh_CN" if preferred.lower().startswith("zh") else "en"


# (context, source, comment) → translation, and (context, source) → the first translation of
# that source under any comment, for lookups without one (as Qt finds them).
Catalogue = dict[tuple[str, ...], str]


@cache
def catalogue(language: str) -> Catalogue:
    """The translations for `language`, from resources/i18n/netstudio_<language>.ts
    (read once); empty for English or a language without a file."""
    path = I18N / f"netstudio_{language}.ts"
    if language == "en" or not path.is_file():
        return {}
    return read_catalogue(path)


def read_catalogue(path: Path) -> Catalogue:
    """The translations of a .ts file, as Qt's lrelease compiles them: unfinished ones count,
    vanished (obsolete) and empty ones do not; a message told apart by a comment is also found
    without it, as Qt finds it."""
    # Imported here: most commands never translate anything.
    import xml.etree.ElementTree as ET

    found: Catalogue = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            text = (forms[0].text if forms else translation.text) or ""
            source = message.findtext("source") or ""
            if text and source:
                found[(name, source, message.findtext("comment") or "")] = text
                found.setdefault((name, source), text)
    return found


class Translator:
    """Translates engine messages into one language (see the module's rules)."""

    def __init__(self, language: str, table: Catalogue | None = None) -> None:
        self.language = language
        self._table = table

    @property
    def table(self) -> Catalogue:
        return self._table if self._table is not None else catalogue(self.language)

    def lookup(self, context: str, source: str, comment: str = "") -> str:
        """The translation of `source` under `context` (and the comment that tells it apart,
        else any), or `source` itself."""
        if self.language == "en":
            return source
        table = self.table
        return (table.get((context, source, comment)) or table.get((context, source, ""))
                or table.get((context, source)) or source)

    def __call__(self, text: str) -> str:
        """`text` in this language: a Message by its template, a plain string as a whole."""
        if not text or self.language == "en":
            return str.__str__(text) if isinstance(text, str) else text
        return fill(text, self.lookup)

    def term(self, text: str, context: str, comment: str = "") -> str:
        """A word shown on its own (a data set title; a class name, told apart by its data
        set's title as the comment), under its context."""
        return self.lookup(context, text, comment) if text else text


def translator(language: str | None = None) -> Translator:
    """The translator into `language`, by default the interface language."""
    return Translator(language or interface_language())


def tr(text: str) -> str:
    """`text` in the interface language (see Translator)."""
    return translator()(text)
