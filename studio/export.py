"""Exports of a project or a trained run. Formats: py (readable PyTorch source)."""

from __future__ import annotations

from pathlib import Path

from studio.project import load_project
from studio.source import class_name, model_source

FORMATS = ("py",)


def export(source: str | Path, fmt: str, output: Path) -> list[Path]:
    project = load_project(source)
    if fmt == "py":
        text = model_source(project.graph, class_name(project.name), project.name)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        return [output]
    raise ValueError(f"unknown export format {fmt!r}")
