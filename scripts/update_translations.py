"""Bring the translation files up to date with the source, then compile them.

    .venv/bin/python scripts/update_translations.py          # update the .ts, compile the .qm
    .venv/bin/python scripts/update_translations.py --check  # exit 1 if the .ts is out of date

For every language file resources/i18n/netstudio_<lang>.ts:

1. pyside6-lupdate reads the app's tr() and translate() calls in widgets/.
2. What lupdate cannot see is added under its own context:
   * translate() helpers: a module function `def _tr(text): return
     QCoreApplication.translate("Context", text)` makes each `_tr("literal")` of that module a
     message of "Context";
   * mixins: `self.tr()` in a class that is not a QObject (TrainingSide, ProjectFiles…) is
     looked up at run time under the class of the window that mixes it in, so its messages are
     filed under that class as well;
   * the engine's texts: the layer registry and training settings ("layers"), help cards
     ("layer_help"), messages made with studio.messages.msg/term ("errors" unless named),
     template names and descriptions ("templates") and data set titles ("datasets").
3. Existing translations are kept (a message matched by context and source); a new message whose
   source is translated in another context gets that translation, marked unfinished for review.
   Messages that left the source are kept as "vanished" while they have a translation.
4. pyside6-lrelease compiles the .qm beside the .ts (unfinished translations are left out, so
   those texts show in English).

Re-run it whenever user-visible text changes; then translate the entries marked unfinished (Qt
Linguist: `.venv/bin/pyside6-linguist resources/i18n/netstudio_zh_CN.ts`) and run it again.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

I18N = ROOT / "resources" / "i18n"
WIDGETS = ROOT / "widgets"
STUDIO = ROOT / "studio"
LANGUAGES = ("zh_CN",)
BIN = Path(sys.executable).parent


@dataclass
class Entry:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    locations: list[tuple[str, str]] = field(default_factory=list)
    extracomment: str = ""
    translation: list[str] = field(default_factory=list)  # one form, or the numerus forms
    status: str = "unfinished"  # "" (finished), "unfinished" or "vanished"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"update_translations: {name} not found (install PySide6)")
    return path


# Reading and writing .ts files --------------------------------------------------------------


def read_ts(path: Path) -> list[Entry]:
    if not path.is_file():
        return []
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms: list[str] = []
            status = "unfinished"
            if translation is not None:
                status = translation.get("type", "")
                numerus = translation.findall("numerusform")
                forms = [f.text or "" for f in numerus] if numerus else [translation.text or ""]
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    locations=[
                        (loc.get("filename", ""), loc.get("line", ""))
                        for loc in message.findall("location")
                    ],
                    extracomment=message.findtext("extracomment") or "",
                    translation=forms,
                    status=status,
                )
            )
    return entries


def write_ts(path: Path, language: str, entries: list[Entry]) -> str:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Entry]] = {}
    for entry in entries:
        by_context.setdefault(entry.context, []).append(entry)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for entry in by_context[name]:
            message = ET.SubElement(context, "message")
            if entry.numerus:
                message.set("numerus", "yes")
            for filename, line in entry.locations:
                location = ET.SubElement(message, "location", filename=filename)
                if line:
                    location.set("line", line)
            ET.SubElement(message, "source").text = entry.source
            if entry.comment:
                ET.SubElement(message, "comment").text = entry.comment
            if entry.extracomment:
                ET.SubElement(message, "extracomment").text = entry.extracomment
            translation = ET.SubElement(message, "translation")
            if entry.status:
                translation.set("type", entry.status)
            if entry.numerus:
                for form in entry.translation or [""]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = entry.translation[0] if entry.translation else ""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n'


# What the source holds ------------------------------------------------------------------------


def lupdate_entries(language: str) -> list[Entry]:
    """The tr()/translate() calls of widgets/, as pyside6-lupdate reads them."""
    I18N.mkdir(parents=True, exist_ok=True)
    # Beside the real file, so that lupdate writes file names relative to it.
    ts = I18N / f".lupdate_{language}.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in WIDGETS.rglob("*.py"))
    try:
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-locations", "relative", *files, "-ts", str(ts)],
            cwd=ROOT,
            check=True,
        )
        entries = read_ts(ts)
    finally:
        ts.unlink(missing_ok=True)
    for entry in entries:
        # File names only: line numbers would change with every edit of the source.
        entry.locations = list(dict.fromkeys((name, "") for name, _ in entry.locations))
    return entries


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _translate_helpers(tree: ast.Module) -> dict[str, str]:
    """Module functions that only wrap QCoreApplication.translate("Context", their argument)."""
    helpers = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        argument = node.args.args[0].arg
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and _call_name(inner) == "translate"
                and len(inner.args) >= 2
                and _literal(inner.args[0]) is not None
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id == argument
            ):
                helpers[node.name] = _literal(inner.args[0])
    return helpers


def helper_entries() -> list[Entry]:
    entries = []
    for path in sorted(WIDGETS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _translate_helpers(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in helpers and node.args:
                text = _literal(node.args[0])
                if text:
                    entries.append(Entry(helpers[_call_name(node)], text))
    return entries


def _is_qt_base(base: ast.expr) -> bool:
    name = ast.unparse(base)
    return name.split(".")[-1].startswith("Q") or name.startswith("pg.")


def runtime_contexts() -> dict[str, list[str]]:
    """For each class of widgets/ whose tr() runs under other class names: those names.

    PySide's self.tr() uses the class of the object, not the class that holds the code, so a
    mixin's strings are looked up under the classes that mix it in (and a base class's strings
    under each subclass too)."""
    bases: dict[str, list[str]] = {}
    qt_based: set[str] = set()
    for path in WIDGETS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [ast.unparse(b).split(".")[-1] for b in node.bases]
                if any(_is_qt_base(b) for b in node.bases):
                    qt_based.add(node.name)

    def ancestors(name: str) -> set[str]:
        found = set()
        for base in bases.get(name, []):
            if base in bases:
                found |= {base, *ancestors(base)}
        return found

    def is_qobject(name: str) -> bool:
        return name in qt_based or any(a in qt_based for a in ancestors(name))

    out: dict[str, list[str]] = {}
    for name in sorted(bases):
        users = sorted(d for d in bases if name in ancestors(d) and is_qobject(d))
        if users:
            out[name] = ([name] if is_qobject(name) else []) + users
    return out


def message_entries() -> list[Entry]:
    """msg("…") and term("…") calls of studio/ (studio.messages)."""
    entries = []
    for path in sorted(STUDIO.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _call_name(node) in ("msg", "term")):
                continue
            text = _literal(node.args[0]) if node.args else None
            if not text:
                continue
            context = "errors"
            for keyword in node.keywords:
                if keyword.arg == "context" and _literal(keyword.value):
                    context = _literal(keyword.value)
            if _call_name(node) == "term" and len(node.args) > 1 and _literal(node.args[1]):
                context = _literal(node.args[1])
            where = str(path.relative_to(ROOT))
            entries.append(Entry(context, text, extracomment=f"engine: {where}"))
    return entries


def engine_entries() -> list[Entry]:
    from studio.data import registry as data_registry
    from studio.data.vision import SPECS
    from studio.layers.help import HELP_CONTEXT, help_texts
    from studio.layers.registry import CATEGORIES, CATEGORY_COMMENT, all_layers
    from studio.settings import TRAINING_PARAMS
    from studio.templates import load_template, template_names

    def layers_texts() -> Iterable[str]:
        params = []
        for layer in all_layers():
            yield from (layer.title, layer.summary)
            params += list(layer.params)
        # A layer parameter's help is its card's text, listed under HELP_CONTEXT below.
        for param in TRAINING_PARAMS:
            yield param.help
        for param in params + list(TRAINING_PARAMS):
            yield param.title
            for choice in getattr(param, "choices", ()):
                yield choice.replace("_", " ")

    entries = [
        Entry("layers", t, extracomment="engine: layer registry, training settings")
        for t in layers_texts()
        if t
    ]
    # A category shares its words with a layer's title ("Normalization"): the comment keeps
    # the two apart, so the palette heading can be translated and the layer keep Keras' name.
    entries += [
        Entry("layers", c, comment=CATEGORY_COMMENT, extracomment="engine: layer category")
        for c in CATEGORIES
    ]
    entries += [Entry(HELP_CONTEXT, t, extracomment="engine: help card") for t in help_texts()]
    for name in template_names():
        project = load_template(name)
        for text in (project.name, project.description):
            if text:
                entries.append(Entry("templates", text, extracomment=f"template {name}"))
    titles = [v[0] for v in data_registry.SYNTHETIC.values()]
    titles += [spec.title for spec in SPECS.values()]
    titles += [v[0] for v in data_registry.USER.values()]
    entries += [Entry("datasets", t, extracomment="data set title") for t in titles]
    # Class names of the built-in sets, told apart by the set's title ("square": shape, wave).
    from studio.data import synthetic

    classes = {
        data_registry.SYNTHETIC["synthetic-shapes"][0]: synthetic.SHAPE_CLASSES,
        data_registry.SYNTHETIC["synthetic-waveforms"][0]: synthetic.WAVE_CLASSES,
    }
    classes.update({spec.title: spec.classes for spec in SPECS.values()})
    for title, names in classes.items():
        for name in names:
            if re.fullmatch(r"[A-Za-z][A-Za-z /-]*", name):  # not digits, nor kana
                entries.append(Entry("classes", name, comment=title, extracomment="class name"))
    return entries + message_entries()


def current_entries(language: str) -> list[Entry]:
    """Every message the source asks for, each once, in a stable order."""
    found: list[Entry] = []
    aliases = runtime_contexts()
    for entry in lupdate_entries(language) + helper_entries():
        for context in aliases.get(entry.context, [entry.context]):
            found.append(
                Entry(context, entry.source, entry.comment, entry.numerus, entry.locations)
            )
    found += engine_entries()
    unique: dict[tuple[str, str, str], Entry] = {}
    for entry in found:
        kept = unique.setdefault(entry.key, entry)
        kept.numerus = kept.numerus or entry.numerus
    return list(unique.values())


# Merging ----------------------------------------------------------------------------------------


def merge(current: list[Entry], previous: list[Entry]) -> list[Entry]:
    known = {e.key: e for e in previous if any(e.translation)}
    by_source: dict[str, Entry] = {}
    for e in previous:
        if any(e.translation) and e.status != "unfinished":
            by_source.setdefault(e.source, e)
    for entry in current:
        old = known.get(entry.key)
        if old is not None:
            entry.translation = list(old.translation)
            entry.status = "unfinished" if old.status == "unfinished" else ""
        elif entry.source in by_source:
            entry.translation = list(by_source[entry.source].translation)
            entry.status = "unfinished"
        if entry.numerus and len(entry.translation) != 1:
            entry.translation = entry.translation[:1] or [""]
        if not any(entry.translation):
            entry.status = "unfinished"
    keys = {e.key for e in current}
    vanished = [e for e in previous if e.key not in keys and any(e.translation)]
    for e in vanished:
        e.status, e.locations = "vanished", []
    return current + vanished


def stale_keys(language: str) -> tuple[set, set]:
    """(messages the source has and the .ts lacks, messages of the .ts the source dropped)."""
    ts = I18N / f"netstudio_{language}.ts"
    wanted = {e.key for e in current_entries(language)}
    have = {e.key for e in read_ts(ts) if e.status != "vanished"}
    return wanted - have, have - wanted


def update(language: str) -> None:
    """Update one language's .ts from the source and compile its .qm."""
    ts = I18N / f"netstudio_{language}.ts"
    entries = merge(current_entries(language), read_ts(ts))
    ts.write_text(write_ts(ts, language, entries), encoding="utf-8")
    qm = ts.with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )
    unfinished = sum(e.status == "unfinished" for e in entries)
    total = sum(e.status != "vanished" for e in entries)
    print(f"{ts.relative_to(ROOT)}: {total} messages, {unfinished} unfinished; wrote {qm.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only say whether the .ts files are up to date"
    )
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if not args.check:
            update(language)
            continue
        new, gone = stale_keys(language)
        for context, source, _ in sorted(new):
            print(f"{language}: not in the .ts: [{context}] {source!r}")
        for context, source, _ in sorted(gone):
            print(f"{language}: no longer in the source: [{context}] {source!r}")
        status = status or int(bool(new or gone))
    return status


if __name__ == "__main__":
    sys.exit(main())
