"""Where an export writes, and the rules that keep it from destroying anything.

- The path given is the path written. A name without an extension gets the format's one
  (`-o model` → model.onnx); an extension of another format is refused (`--format onnx
  -o model.pt`), since the file would be misnamed or renamed behind the user's back.
- An existing file or folder is never replaced unless the caller says `force`; that includes
  the project JSON that the pt and safetensors exports write beside the weights.
- The file being exported is never written over, force or not.
- The py package is written into a temporary sibling folder and moved into place at the end,
  so a failure leaves the old folder or nothing, never a mix. Even with `force`, only an
  earlier package export is replaced: a folder holding anything else is never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from studio.errors import StudioError
from studio.messages import msg
from studio.runs import CHECKPOINT_FILE, PROJECT_FILE, WEIGHTS_FILE, RunError

# Extensions each format writes; the first is added to a name without one.
SUFFIXES = {
    "safetensors": (".safetensors",),
    "onnx": (".onnx",),
    "pt2": (".pt2",),
    "pt": (".pt", ".pth"),
    "py": (".py",),
}
_PROJECT_SUFFIX = ".json"
PACKAGE_FORMAT = "netstudio-package"
FOLDER_MODE = 0o755  # as the files inside get 0644 (studio.files), whatever the umask
# What a package export writes, plus what running its scripts adds without being asked.
PACKAGE_ENTRIES = frozenset(
    {
        "model.py",
        "model.safetensors",
        "config.json",
        "common.py",
        "predict.py",
        "train.py",
        "README.md",
        "__pycache__",
    }
)


class ExportError(RunError):
    """An export that cannot be made. The message is for the user."""


class TargetExistsError(ExportError):
    """The export would replace existing files; `paths` lists them. Exporting again with
    force=True replaces them (an app can ask the user first)."""

    def __init__(self, message: str, paths: list[Path]) -> None:
        super().__init__(message)
        self.paths = paths


def output_paths(fmt: str, output: Path) -> list[Path]:
    """The files (or, for a py package, the folder) an export to `output` writes, the main one
    first: a .pt or .safetensors file has its project .json beside it."""
    output = Path(output)
    if not output.name or output.name in (".", ".."):
        raise ExportError(msg("{path} is not a file name: name the export", path=output))
    suffix = output.suffix.lower()
    owner = next((f for f, s in SUFFIXES.items() if suffix in s), None)
    if fmt == "py":
        if owner not in (None, "py") or suffix == _PROJECT_SUFFIX:
            raise _mismatch(output, fmt, owner)
        return [output]  # a .py file: the model's source alone; any other name: a folder
    if owner == fmt:
        path = output
    elif owner is not None or suffix == _PROJECT_SUFFIX:
        raise _mismatch(output, fmt, owner)
    else:
        # No extension, or one that is part of the name ("run-0.5"): the format's is added.
        path = output.with_name(output.name + SUFFIXES[fmt][0])
    if fmt in ("pt", "safetensors"):
        return [path, path.with_suffix(_PROJECT_SUFFIX)]
    return [path]


def _mismatch(output: Path, fmt: str, owner: str | None) -> ExportError:
    wanted = SUFFIXES[fmt][0]
    stem = output.with_suffix("").name
    if fmt == "py":
        return ExportError(
            msg(
                "{path} ends in {suffix}, but the py export writes a folder (or a .py file): "
                "name it {folder} or {file}.",
                path=output,
                suffix=output.suffix,
                folder=stem,
                file=stem + ".py",
            )
        )
    if owner is None:  # .json: the project's own extension
        return ExportError(
            msg(
                "{path} ends in {suffix}, the extension of project files, but a {format} "
                "export is a {wanted} file: name it {name}.",
                path=output,
                suffix=output.suffix,
                format=fmt,
                wanted=wanted,
                name=stem + wanted,
            )
        )
    return ExportError(
        msg(
            "{path} ends in {suffix}, the extension of {owner} files, but the format is "
            "{format}: name it {name}, or choose the format {owner}.",
            path=output,
            suffix=output.suffix,
            owner=owner,
            format=fmt,
            name=stem + wanted,
        )
    )


def check_targets(paths: list[Path], *, force: bool, source: Path) -> None:
    """Refuse to write over what is being exported, and over anything that exists unless
    `force`."""
    inputs = _inputs(source)
    for path in paths:
        if any(_same_file(path, used) for used in inputs):
            raise ExportError(
                msg(
                    "{path} is part of what is being exported: write the export under "
                    "another name.",
                    path=path,
                )
            )
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if not existing or force:
        return
    if len(existing) == 2:
        message = msg(
            "{first} and {second} already exist: an export never replaces files unless asked "
            "to. Choose another name, or use --force to replace them.",
            first=str(existing[0]),
            second=str(existing[1]),
        )
    elif existing[0] != paths[0]:
        message = msg(
            "{path} already exists, and the export writes the project beside the weights "
            "under that name. Choose another name, or use --force to replace it.",
            path=str(existing[0]),
        )
    else:
        message = msg(
            "{path} already exists: an export never replaces a file unless asked to. "
            "Choose another name, or use --force to replace it.",
            path=str(existing[0]),
        )
    raise TargetExistsError(message, existing)


def _inputs(source: Path) -> list[Path]:
    """The files an export reads: the source, the project beside weights, a run's files."""
    if source.is_dir():
        return [source / name for name in (PROJECT_FILE, WEIGHTS_FILE, CHECKPOINT_FILE)]
    if source.suffix.lower() in (".pt", ".pth", ".safetensors"):
        return [source, source.with_suffix(_PROJECT_SUFFIX)]
    return [source]


def _same_file(path: Path, source: Path) -> bool:
    try:
        return path.exists() and source.exists() and os.path.samefile(path, source)
    except OSError:
        return False


# The py package's folder --------------------------------------------------------------------


def check_package_folder(folder: Path, *, force: bool) -> None:
    """A folder the package may be written to: new, empty, or (with force) an earlier package
    export holding nothing else. Refused otherwise, with what is in the way."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ExportError(
            msg(
                "{folder} is a file or a link; the py export writes a new folder (or give a "
                "name ending in .py for the model's source alone).",
                folder=folder,
            )
        )
    if not folder.exists():
        return
    try:
        entries = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        raise ExportError(
            msg("{folder} cannot be read: {error}", folder=folder, error=exc.strerror)
        ) from None
    if not entries:
        return  # an empty folder (one just made in a file dialog): nothing to lose
    others = [name for name in entries if name not in PACKAGE_ENTRIES]
    if others:
        raise ExportError(
            msg(
                "{folder} already exists and holds files that an export did not write "
                "({names}): the py export never deletes them. Move them, or choose a new "
                "folder name.",
                folder=folder,
                names=", ".join(others[:3]) + (", …" if len(others) > 3 else ""),
            )
        )
    if not _is_package(folder):
        raise ExportError(
            msg(
                "{folder} already exists and is not an earlier NetStudio package export: the "
                "py export never deletes it. Choose a new folder name.",
                folder=folder,
            )
        )
    if not force:
        raise TargetExistsError(
            msg(
                "{folder} already holds an earlier package export. Choose another name, or "
                "use --force to replace it.",
                folder=folder,
            ),
            [folder],
        )


def _is_package(folder: Path) -> bool:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(config, dict) and config.get("format") == PACKAGE_FORMAT


@contextlib.contextmanager
def staged_folder(folder: Path) -> Iterator[Path]:
    """Yield a new empty sibling folder to write into; on success it takes `folder`'s place
    (an old folder there is removed), on failure it is removed and `folder` is untouched."""
    target = Path(os.path.abspath(folder))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = _new_sibling(target, "export")
    except OSError as exc:
        raise _write_error(folder, exc) from None
    try:
        yield staging
        os.chmod(staging, FOLDER_MODE)
        _move_into_place(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, StudioError):  # a FileWriteError already says it plainly
            raise
        raise _write_error(folder, exc) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _new_sibling(target: Path, kind: str) -> Path:
    # A hidden sibling: on the same file system, so that moving it into place is a rename.
    while True:
        path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.{kind}")
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def _move_into_place(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(old, target)  # put the earlier export back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_error(folder: Path, exc: OSError) -> ExportError:
    return ExportError(
        msg(
            "The package could not be written to {folder}: {error}. Nothing was changed there.",
            folder=folder,
            error=exc.strerror or str(exc),
        )
    )
