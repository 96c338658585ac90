"""Display-time translation of the texts that come from the engine.

The engine writes layer titles, summaries, categories, parameter help and its messages in
English. The app translates them where it shows them: registry texts under the context "layers",
help cards under "layer_help", messages (studio.messages) under "errors", template names under
"templates" and data set titles under "datasets". scripts/update_translations.py puts all of them
in the .ts file, so that one file covers the engine without the engine knowing about Qt.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from studio.layers.base import LayerType
from studio.layers.registry import CATEGORY_COMMENT
from studio.messages import fill
from studio.params import Param


def tr_layers(text: str) -> str:
    return QCoreApplication.translate("layers", text) if text else text


def layer_title(layer: LayerType) -> str:
    return tr_layers(layer.title)


def layer_summary(layer: LayerType) -> str:
    return tr_layers(layer.summary)


def category_name(category: str) -> str:
    # Disambiguated: "Normalization" is a category and also a layer's title.
    return QCoreApplication.translate("layers", category, CATEGORY_COMMENT)


def param_label(param: Param) -> str:
    return tr_layers(param.title)


def param_help(param: Param) -> str:
    """A layer parameter's text is its help card's (context "layer_help"); a training
    setting's is the registry's ("layers")."""
    if not param.help:
        return param.help
    card_text = QCoreApplication.translate("layer_help", param.help)
    return card_text if card_text != param.help else tr_layers(param.help)


def choice_label(value: str) -> str:
    """Choice values are identifiers (relu, cross_entropy); show them as words."""
    return tr_layers(value.replace("_", " "))


def template_text(text: str) -> str:
    """A built-in template's name or description; a user's own project name stays as it is."""
    return QCoreApplication.translate("templates", text) if text else text


def dataset_title(title: str) -> str:
    return QCoreApplication.translate("datasets", title) if title else title


def class_names(classes: list[str], dataset: str) -> list[str]:
    """A data set's class names as the user reads them: a built-in set's ("circle", "Trouser")
    translated under "classes", told apart by the set's English title ("square" is a shape in
    one set and a waveform in another); the classes of the user's own data stay as they are."""
    return [QCoreApplication.translate("classes", c, dataset or None) for c in classes]


def tr_message(text: str) -> str:
    """An engine message in the user's language.

    A studio.messages.Message is translated from its template, then filled in with its values
    (values that are messages are translated first). A plain string is looked up as a whole
    under "errors" (constant messages), and otherwise shown as it is. A translation whose
    placeholders do not fit the values falls back to the English text rather than fail.
    """
    return fill(text, QCoreApplication.translate)


def tr_error(exc: BaseException) -> str:
    """An exception's message, translated (see tr_message)."""
    text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    return tr_message(text)


def format_datetime(moment: datetime, language: str | None = None) -> str:
    """A date and time as the user's locale writes it ("29/11/2026 08:45", "2026/11/29 08:45").

    Without a locale (the C locale of a bare system, which would write "29 11 2026 08:45"),
    the interface language decides: Chinese dates for the Chinese interface, else ISO 8601."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.C:
        if language is None:
            from widgets.app import interface_language  # widgets.app imports this module

            language = interface_language()
        if language != "zh_CN":
            return moment.strftime("%Y-%m-%d %H:%M")
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def plural(text: str, n: int) -> str:
    """A count's words in the right form. Texts with counts are translated with Qt's numerus
    forms (tr(source, "", n)), and the translation files give each language its forms. English
    is the source language and loads no file, so its source texts say "sample(s)" as Qt's
    convention has it; the English form is chosen here."""
    return text.replace("(s)", "" if n == 1 else "s")


def count(n: int) -> str:
    """A count as the user's locale groups digits ("10,000"; without a locale, English)."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.C:
        return f"{n:,}"
    return locale.toString(n)
