"""A .py file to import: Keras code (read, never run) or a PyTorch nn.Module class (run, with
consent, in a separate process). Which one is decided by parsing the file, never running it.

Keras code stays the default: a file is taken as a PyTorch model only when it defines a class
deriving from nn.Module (directly or through another class of the file) and imports neither
keras nor tensorflow. Running such a file is refused unless the user allows it (`run_code`,
the command line's --run-code, a confirmation in the app): it is the one import that runs
someone's code.
"""

from __future__ import annotations

import ast
from pathlib import Path

from studio.importers.report import ImportRefused
from studio.messages import msg

MAX_SOURCE_BYTES = 4 * 1024 * 1024


def read_source(path: Path) -> str:
    """The file's text; a file that cannot be model code is refused in one sentence."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise ImportRefused(msg("Cannot read {path}: {reason}", path=str(path),
                                reason=exc.strerror or str(exc))) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise ImportRefused(msg("{path} is larger than {size} MB: not Keras model code",
                                path=str(path), size=MAX_SOURCE_BYTES // (1024 * 1024)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(msg("{path} is not UTF-8 text (byte {offset}): not Python code",
                                path=str(path), offset=exc.start)) from None


def torch_module_classes(text: str) -> list[str]:
    """The nn.Module classes a Python file defines at its top level, in the file's order;
    empty for Keras code, code that does not parse, and code without such a class."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []  # the Keras reader reports the syntax error with its line
    if _imports_keras(tree):
        return []
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
            _is_module_base(base, found) for base in node.bases
        ):
            found.append(node.name)
    return found


def _imports_keras(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(name.split(".")[0] in ("keras", "tensorflow") for name in names):
            return True
    return False


def _is_module_base(base: ast.expr, known: list[str]) -> bool:
    """nn.Module, torch.nn.Module, Module (from torch.nn), or a class of the file that is one."""
    if isinstance(base, ast.Name):
        return base.id == "Module" or base.id in known
    if isinstance(base, ast.Attribute):
        return base.attr == "Module" and isinstance(base.value, (ast.Name, ast.Attribute))
    return False


def import_python_file(
    path: Path,
    run_code: bool = False,
    class_name: str | None = None,
    input_shape: list[int] | None = None,
    cut_at: str | None = None,
) -> tuple:
    """Keras code, read without running it; or, when the file defines an nn.Module class
    and `run_code` allows it, that class traced in a separate process."""
    text = read_source(path)
    classes = torch_module_classes(text)
    if not classes:
        if cut_at or class_name or input_shape:
            option = "--cut-at" if cut_at else "--class" if class_name else "--input-shape"
            raise ImportRefused(
                msg("{option} applies to PyTorch models; {path} is read as Keras code",
                    option=option, path=str(path))
            )
        from studio.importers.keras_code import import_keras_code

        return import_keras_code(text, path.name)
    if not run_code:
        raise ImportRefused(
            msg(
                "{path} defines the PyTorch model class {classes}. Importing it means running "
                "the file's Python code, which NetStudio never does unless you allow it: it "
                "would run the file in a separate process to trace the model. If you trust "
                "the file, import it with --run-code (netstudio import {path} --run-code -o "
                "PROJECT).",
                path=str(path),
                classes=", ".join(classes),
            )
        )
    from studio.importers.torch_module import import_torch_module

    chosen = class_name or classes[-1]
    return import_torch_module(path, chosen, classes, input_shape, cut_at)


def parse_input_shape(text: str) -> list[int]:
    """An input's sizes without the batch as the command line gives them: "1,28,28"."""
    import argparse

    try:
        sizes = [int(part) for part in text.replace("x", ",").replace("×", ",").split(",")]
    except ValueError:
        sizes = []
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError(
            msg("{text!r} is not an input shape; give whole sizes without the batch, such as "
                "1,28,28", text=text)
        )
    return sizes
