"""studio/ is the engine: it must run where Qt is absent, so it never imports Qt or widgets."""

import ast
import pathlib
import subprocess
import sys

STUDIO = pathlib.Path(__file__).resolve().parent.parent / "studio"
FORBIDDEN = ("PySide6", "pyqtgraph", "widgets", "PyQt5", "PyQt6", "shiboken6")


def test_no_module_of_studio_imports_qt():
    offenders = []
    for path in STUDIO.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not offenders


def test_importing_every_studio_module_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys, studio\n"
        "for m in pkgutil.walk_packages(studio.__path__, 'studio.'):\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
