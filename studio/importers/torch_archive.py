"""Reading a .pt2 file (torch.export) for the importer, without unpickling anything.

`torch.export.load` trusts its file: it unpickles (weights_only=False) any payload marked as
pickled, the sample inputs when they do not load as plain tensors, pickled constants and
custom objects; it loads compiled AOTInductor libraries; and it hands the symbolic shape
expressions in the program's JSON to sympy, which evaluates them as Python. A .pt2 file made
elsewhere is therefore checked here first, as the zip archive it is, and only a copy made of
what torch.export's own serialization writes reaches torch.export.load:

- the archive is a zip whose `archive_format` says "pt2" and which holds `models/model.json`;
  a torch.save file (a pickle in a zip) or anything else is refused, never opened by torch;
- every weight and constant is a raw tensor payload described by JSON (no `use_pickle`), and
  every other entry is one of the archive's known bookkeeping files; anything else (a compiled
  library, a pickled object, a legacy state dict) is refused by name;
- the sample inputs (a pickle, not needed to read the graph) and extra files are left out;
- every symbolic expression is made of numbers, size symbols and sympy's arithmetic names only.
The program is read, never run: the importer walks its graph and takes its weights.
"""

from __future__ import annotations

import io
import json
import re
import tokenize
import zipfile
from pathlib import Path
from typing import Any

from studio.importers.report import ImportRefused, ImportReport
from studio.messages import msg

MAX_PT2_BYTES = 8 * 1024**3
"""Larger than any model NetStudio can hold; a bigger archive is refused before reading."""
MAX_ENTRIES = 100_000

_BOOKKEEPING = {
    "archive_format",
    "archive_version",
    "byteorder",
    ".data/version",
    ".data/serialization_id",
}
_MODEL = "models/model.json"
_WEIGHTS_CONFIG = "data/weights/model_weights_config.json"
_CONSTANTS_CONFIG = "data/constants/model_constants_config.json"
_SAMPLE_INPUTS = "data/sample_inputs/model.pt"
_DROPPED_PREFIXES = ("extra/",)

# What a symbolic size expression may contain (sympy evaluates the text as Python).
_SYMPY_NAMES = {
    "Symbol", "Integer", "Rational", "Float", "positive", "integer", "nonnegative", "real",
    "finite", "True", "False", "oo", "Max", "Min", "Abs", "Mod", "FloorDiv", "ModularIndexing",
    "Where", "PythonMod", "CleanDiv", "CeilToInt", "FloorToInt", "CeilDiv", "LShift", "RShift",
    "IsNonOverlappingAndDenseIndicator", "TruncToFloat", "TruncToInt", "RoundToInt",
    "RoundDecimal", "ToFloat", "FloatPow", "PowByNatural", "IntTrueDiv", "FloatTrueDiv",
    "Eq", "Ne", "Lt", "Le", "Gt", "Ge", "And", "Or", "Not", "sqrt", "Mul", "Add", "Pow",
    "floor", "ceiling", "Equality", "Unequality", "StrictLessThan", "LessThan",
    "StrictGreaterThan", "GreaterThan", "BooleanTrue", "BooleanFalse", "Piecewise",
}  # fmt: skip
_SIZE_SYMBOL = re.compile(r"[a-z]\d+")
_SYMPY_OPS = {"(", ")", ",", "+", "-", "*", "/", "//", "%", "**", "=", "<", ">", "<=", ">=",
              "==", "!="}  # fmt: skip
_TARGET_PREFIXES = ("torch.ops.", "_operator.", "math.", "torch.sym_", "torch._sym_")


def load_program(path: Path, report: ImportReport) -> Any:
    """The ExportedProgram in the .pt2 file at `path`, read from a checked copy of it."""
    data = _read(path, report)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportRefused(_not_pt2(path), report) from None
    with archive:
        clean = _checked_copy(archive, path, report, len(data))
    return _torch_load(clean, path, report)


def _read(path: Path, report: ImportReport) -> bytes:
    try:
        if path.stat().st_size > MAX_PT2_BYTES:
            raise ImportRefused(
                msg("{path} is larger than any model NetStudio can hold", path=str(path)), report
            )
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise ImportRefused(msg("There is no file {path}", path=str(path)), report) from None
    except OSError as exc:
        raise ImportRefused(
            msg("{path} cannot be read ({reason})", path=str(path), reason=exc.strerror or exc),
            report,
        ) from None


def _not_pt2(path: Path) -> str:
    return msg(
        "{path} is not a torch.export program (.pt2), or the file is damaged or cut short",
        path=str(path),
    )


def _checked_copy(
    archive: zipfile.ZipFile, path: Path, report: ImportReport, size: int
) -> bytes:
    infos = archive.infolist()
    if not infos or len(infos) > MAX_ENTRIES:
        raise ImportRefused(_not_pt2(path), report)
    # torch.export.save stores its entries uncompressed: an archive that unpacks to much more
    # than its size was made by something else (and could exhaust the memory).
    if sum(info.file_size for info in infos) > 2 * size + 2**20:
        raise ImportRefused(_not_pt2(path), report)
    prefix = infos[0].filename.split("/", 1)[0] + "/"
    names = {info.filename: info for info in infos}
    if any(not name.startswith(prefix) for name in names):
        raise ImportRefused(_not_pt2(path), report)
    relative = {name[len(prefix):]: name for name in names}  # fmt: skip
    if "data.pkl" in relative:
        raise ImportRefused(
            msg(
                "{path} was saved with torch.save: it is a pickle, which can run any code when "
                "opened, so NetStudio does not open it. Export the model with torch.export "
                "(torch.export.save) and import that .pt2 file.",
                path=str(path),
            ),
            report,
        )
    if _MODEL not in relative or "archive_format" not in relative:
        raise ImportRefused(_not_pt2(path), report)
    try:
        if archive.read(relative["archive_format"]).strip() != b"pt2":
            raise ImportRefused(_not_pt2(path), report)
        model = json.loads(archive.read(relative[_MODEL]))
        weights = _payloads(archive, relative, _WEIGHTS_CONFIG, path, report)
        constants = _payloads(archive, relative, _CONSTANTS_CONFIG, path, report)
    except (zipfile.BadZipFile, ValueError, OSError, KeyError, EOFError):
        raise ImportRefused(_not_pt2(path), report) from None
    if not isinstance(model, dict) or "graph_module" not in model:
        raise ImportRefused(_not_pt2(path), report)
    _check_program(model, path, report)
    model["guards_code"] = []  # Python source that a program run would compile: not needed
    allowed = _BOOKKEEPING | {_MODEL} | weights | constants
    for name in relative:
        if name.endswith("/") or name == _SAMPLE_INPUTS or name.startswith(_DROPPED_PREFIXES):
            continue
        if name not in allowed and name not in (_WEIGHTS_CONFIG, _CONSTANTS_CONFIG):
            raise ImportRefused(
                msg(
                    "{path} holds {entry}, which is not part of a torch.export program's "
                    "graph and weights (a compiled library or a pickled object); NetStudio "
                    "imports plain torch.export.save files",
                    path=str(path),
                    entry=name,
                ),
                report,
            )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for name, full in relative.items():
            if name == _MODEL:
                copy.writestr(full, json.dumps(model))
            elif name == _SAMPLE_INPUTS:
                copy.writestr(full, b"")  # empty: torch then reads no sample inputs at all
            elif name in allowed or name in (_WEIGHTS_CONFIG, _CONSTANTS_CONFIG):
                copy.writestr(full, archive.read(full))
    return out.getvalue()


def _payloads(
    archive: zipfile.ZipFile, relative: dict[str, str], config: str, path: Path,
    report: ImportReport,
) -> set[str]:
    """The payload entries a weights or constants config names, each checked to be a raw
    tensor (torch unpickles the others)."""
    if config not in relative:
        raise ImportRefused(_not_pt2(path), report)
    entries = json.loads(archive.read(relative[config])).get("config", {})
    folder = config.rsplit("/", 1)[0] + "/"
    found = set()
    for fqn, meta in entries.items():
        file_name = str(meta.get("path_name", ""))
        if meta.get("use_pickle") or not file_name or "/" in file_name or ".." in file_name:
            raise ImportRefused(
                msg(
                    "{path} stores {name} as a pickled object, which can run any code when "
                    "opened; NetStudio reads plain tensors only",
                    path=str(path),
                    name=fqn,
                ),
                report,
            )
        if not file_name.startswith(("weight_", "tensor_")):
            raise ImportRefused(
                msg("{path}: {name} is not a tensor; NetStudio reads plain tensors only",
                    path=str(path), name=fqn),
                report,
            )
        if folder + file_name not in relative:
            raise ImportRefused(_not_pt2(path), report)
        found.add(folder + file_name)
    return found


def _check_program(model: dict[str, Any], path: Path, report: ImportReport) -> None:
    """Every symbolic expression safe to hand to sympy, every operator one of torch's."""
    for key, value in _walk(model):
        if key == "expr_str" and not _safe_expression(str(value)):
            raise ImportRefused(
                msg(
                    "{path} holds a size expression that is not one torch.export writes: {text}",
                    path=str(path),
                    text=str(value)[:80],
                ),
                report,
            )
    for node in model.get("graph_module", {}).get("graph", {}).get("nodes", []):
        target = str(node.get("target", ""))
        if not target.startswith(_TARGET_PREFIXES):
            raise ImportRefused(
                msg(
                    "{path} calls {target}, which is not a PyTorch operator; NetStudio imports "
                    "programs made of PyTorch's own operators",
                    path=str(path),
                    target=target[:80],
                ),
                report,
            )


def _walk(value: Any) -> Any:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                yield from _walk(item)
            else:
                yield key, item
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _safe_expression(text: str) -> bool:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    for token in tokens:
        kind, string = token.type, token.string
        if kind in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER):
            continue
        if kind == tokenize.NUMBER:
            continue
        if kind == tokenize.NAME and (string in _SYMPY_NAMES or _SIZE_SYMBOL.fullmatch(string)):
            continue
        if kind == tokenize.STRING and re.fullmatch(r"'[a-z]\d+'|\"[a-z]\d+\"", string):
            continue
        if kind == tokenize.OP and string in _SYMPY_OPS:
            continue
        return False
    return True


def _torch_load(data: bytes, path: Path, report: ImportReport) -> Any:
    import logging
    import warnings

    import torch

    # torch logs the fall-backs it tries on a damaged archive; the refusal below says it all.
    logger = logging.getLogger("torch.export")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.export.load(io.BytesIO(data))
    except Exception as exc:  # torch's deserializer raises many kinds; each is one refusal
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise ImportRefused(
            msg(
                "{path} cannot be read as a torch.export program by this version of "
                "PyTorch ({reason})",
                path=str(path),
                reason=reason,
            ),
            report,
        ) from None
    finally:
        logger.setLevel(level)
