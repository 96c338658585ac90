"""A PyTorch nn.Module class in a Python file → an editable NetStudio graph with its weights.

This is the one import that runs code: the class exists only when its file runs. So it is
done only with the user's consent (studio.importers.torch_source), and in a child process
(studio/importers/torch_child.py, `python -I`, an empty working folder, a time limit) that
imports the file, makes the class with no arguments, traces it with torch.fx, and writes it
as a torch.export program. The parent reads that .pt2 as it reads any file made elsewhere
(studio.importers.torch_archive: checked, nothing unpickled) and maps it with the .pt2
importer, so an nn.Module and a .pt2 file come in the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from studio.importers.report import ImportRefused, ImportReport
from studio.messages import msg

CHILD_SCRIPT = Path(__file__).with_name("torch_child.py")
TIMEOUT_S = 180.0
"""Importing PyTorch, running the file and tracing a model takes seconds; a file still busy
after this is not defining a model."""
_KEPT_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP")


def import_torch_module(
    path: Path,
    class_name: str,
    classes: list[str],
    input_shape: list[int] | None = None,
    cut_at: str | None = None,
    timeout: float = TIMEOUT_S,
) -> tuple[Any, ImportReport, dict[str, Any]]:
    """The project of the nn.Module class `class_name` of the file at `path` (one of the
    file's `classes`), traced with an input of `input_shape` (without the batch; None: from
    its first layer), its weights and the report."""
    from studio.importers.torch_archive import load_program
    from studio.importers.torch_export import import_program

    path = Path(path)
    report = ImportReport(source=str(path))
    with tempfile.TemporaryDirectory(prefix="netstudio-import-") as folder:
        result = _run_child(path, Path(folder), class_name, input_shape, timeout, report)
        if not result.get("ok"):
            line = result.get("line")
            where = msg("line {line}", line=line) if line else msg("class {name}",
                                                                    name=class_name)
            report.add_not_mapped(where, str(result.get("error", "")))
            raise ImportRefused(
                msg("{path}: the model class {name} could not be traced: {error}",
                    path=str(path), name=class_name, error=str(result.get("error", ""))),
                report,
            )
        shape = result.get("input_shape")
        report.add_mapped(
            msg("class {name}", name=class_name),
            msg("run in a separate process and traced with an input of {shape} ({dtype})",
                shape=shape, dtype=result.get("dtype")),
        )
        if len(classes) > 1:
            report.add_mapped(
                msg("class {name}", name=class_name),
                msg("the file defines {classes}; this one was imported (choose another with "
                    "--class NAME)", classes=", ".join(classes)),
            )
        program = load_program(Path(folder) / "model.pt2", report)
    return import_program(program, report, path, class_name, cut_at)


def _run_child(
    path: Path, folder: Path, class_name: str, input_shape: list[int] | None, timeout: float,
    report: ImportReport,
) -> dict[str, Any]:
    work = folder / "work"
    work.mkdir()
    command = [
        sys.executable, "-I", str(CHILD_SCRIPT), str(path.resolve()), str(folder), class_name,
        json.dumps(input_shape),
    ]
    environment = {k: v for k, v in os.environ.items() if k in _KEPT_ENVIRONMENT}
    environment.update(HOME=str(work), OMP_NUM_THREADS="1", CUDA_VISIBLE_DEVICES="",
                       PYTHONDONTWRITEBYTECODE="1")
    try:
        finished = subprocess.run(  # the user consented to run this file
            command, cwd=work, env=environment, capture_output=True, timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ImportRefused(
            msg("{path} was still running after {seconds:g} s and was stopped; a file that "
                "defines a model runs in seconds", path=str(path), seconds=timeout),
            report,
        ) from None
    except OSError as exc:
        raise ImportRefused(msg("Cannot start Python to run {path}: {reason}", path=str(path),
                                reason=exc.strerror or str(exc)), report) from None
    try:
        with open(folder / "result.json", encoding="utf-8") as handle:
            result = json.load(handle)
    except (OSError, ValueError):
        last = (finished.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        raise ImportRefused(
            msg("{path}: running it ended without a model (exit status {code}) {detail}",
                path=str(path), code=finished.returncode, detail=last[:300]),
            report,
        ) from None
    return result if isinstance(result, dict) else {"ok": False}
