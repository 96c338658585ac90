"""A layer's help card (studio.layers.help) as rich text for a QLabel, translated for display.

The engine's sentences are English literals, translated here one by one under the context
"layer_help" (help_texts() lists them for the .ts files); its formulas are symbols and numbers,
the same in every language, so they are shown as they come. The card is cut in two, head and
tail, so that a plot can sit between them (see HelpPanel).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from studio.layers.help import HELP_CONTEXT, HelpCard
from studio.layers.registry import get_layer
from widgets.i18n import category_name, param_label, tr_layers

MONO = "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace"  # unquoted: it goes in style='…'
MUTED = "#6B7280"
HEADING = "#4B5563"
FORMULA_BACKGROUND = "#F3F6FB"
MISTAKE = "#9A3412"  # a warning tone: the app keeps red for what is wrong now


def tr_help(text: str) -> str:
    """One of the engine's help sentences, translated."""
    return QCoreApplication.translate(HELP_CONTEXT, text) if text else text


def _heading(text: str) -> str:
    return (
        f"<p style='margin-top:10px; margin-bottom:2px; color:{HEADING}; font-weight:600'>"
        f"{html.escape(text)}</p>"
    )


def _formula(text: str) -> str:
    # A one-cell table, because a QLabel's rich text draws backgrounds only on table cells;
    # pre-wrap keeps the runs of spaces that set a formula's remarks apart.
    return (
        f"<table width='100%' cellpadding='6' cellspacing='0'><tr>"
        f"<td style='background-color:{FORMULA_BACKGROUND}; font-family:{MONO}; font-size:9pt; "
        "white-space:pre-wrap'>"
        f"{html.escape(text)}</td></tr></table>"
    )


def _paragraph(text: str, style: str = "") -> str:
    return f"<p style='margin-top:0; {style}'>{html.escape(text)}</p>"


def _shape_heading(card: HelpCard, node_id: str | None) -> str:
    if node_id is not None and card.filled:
        return QCoreApplication.translate("HelpCard", "Output shape of %1").replace("%1", node_id)
    return QCoreApplication.translate("HelpCard", "Output shape")


def card_head(card: HelpCard, node_id: str | None = None) -> str:
    """Title, what the layer does, and its shape and parameter-count formulas."""
    title = html.escape(tr_layers(card.title))
    category = html.escape(category_name(card.category))
    parts = [
        f"<p style='margin:0'><span style='font-size:13pt; font-weight:600'>{title}</span>"
        f"&nbsp;&nbsp;<span style='color:{MUTED}'>{category}</span></p>",
        _paragraph(tr_help(card.what)),
        _heading(_shape_heading(card, node_id)),
        _formula(card.formula),
    ]
    if node_id is not None and not card.filled:
        note = QCoreApplication.translate(
            "HelpCard", "%1 does not fit its inputs yet, so this is the general form."
        )
        parts.append(_paragraph(note.replace("%1", node_id), f"color:{MUTED}"))
    heading = QCoreApplication.translate("HelpCard", "Weights it learns")
    if card.params_count == "0":  # one line, so that a plot below stays in view
        none = QCoreApplication.translate("HelpCard", "none, this layer has nothing to learn.")
        parts.append(
            f"<p style='margin-top:10px'><span style='color:{HEADING}; font-weight:600'>"
            f"{html.escape(heading)}:</span> {html.escape(none)}</p>"
        )
    else:
        parts.append(_heading(heading))
        parts.append(_formula(card.params_count))
        if card.params_note:
            parts.append(_paragraph(tr_help(card.params_note), f"color:{MUTED}"))
    return "".join(parts)


def card_tail(card: HelpCard) -> str:
    """When to use the layer, the classic mistake, and what each of its parameters means."""
    parts = [
        _heading(QCoreApplication.translate("HelpCard", "When to use it")),
        _paragraph(tr_help(card.when_to_use)),
        _heading(QCoreApplication.translate("HelpCard", "Common mistake")),
        _paragraph(tr_help(card.common_mistake), f"color:{MISTAKE}"),
    ]
    if card.params:
        layer = get_layer(card.layer_id)
        rows = []
        for name, meaning in card.params:
            param = layer.params.get(name)
            label = param_label(param) if param is not None else name
            rows.append(
                f"<tr><td style='padding:2px 8px 4px 0; font-weight:600' valign='top'>"
                f"{html.escape(label)}</td>"
                f"<td style='padding:2px 0 4px 0'>{html.escape(tr_help(meaning))}</td></tr>"
            )
        parts.append(_heading(QCoreApplication.translate("HelpCard", "Parameters")))
        parts.append(f"<table cellspacing='0'>{''.join(rows)}</table>")
    return "".join(parts)
