"""The `netstudio` command: the app when there is a screen, and headless commands everywhere.

Errors that come from the user's input (a damaged project, a graph that does not fit, an
unknown data set) end with a plain message and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from studio.errors import StudioError
from studio.export import FORMATS as EXPORT_FORMATS
from studio.project import load_project, save_project
from studio.templates import load_template, template_names

EXIT_USER_ERROR = 1
HEADLESS_COMMANDS = "templates, new, summary, datasets, train, export"


class UserError(StudioError):
    """A failure to report in one plain message (exit status 1)."""


def _load(path: str):
    return load_project(path)


def cmd_templates(args: argparse.Namespace) -> int:
    for name in template_names():
        project = load_template(name)
        print(f"{name:<18} {project.name} — {project.description}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    target = Path(args.project)
    if target.exists() and not args.force:
        raise UserError(f"{target} already exists; choose another name or add --force")
    project = load_template(args.template)
    save_project(project, target)
    print(f"Wrote {target} from the template {args.template!r} ({project.name}).")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from studio.runs.storage import project_of
    from studio.summary import format_problems, format_summary, summarize

    project = project_of(args.project)
    summary = summarize(project.graph)
    print(format_summary(summary, project.name))
    if Path(args.project).is_dir():
        print(_run_line(Path(args.project)))
    if not summary.analysis.ok:
        print("\nThe model does not fit together yet:", file=sys.stderr)
        print(format_problems(summary.analysis, project.graph), file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _run_line(folder: Path) -> str:
    """One line on a run folder: how far it got and how it ended."""
    from studio.runs.folder import read_metrics, read_record

    record, metrics = read_record(folder), read_metrics(folder)
    history = metrics.get("history") if isinstance(metrics.get("history"), list) else []
    epochs = (record.get("settings") or {}).get("epochs", "?")
    line = f"Run: {record.get('status') or metrics.get('status') or 'unknown'}, " \
           f"{len(history)} of {epochs} epochs"
    accuracy = metrics.get("test_accuracy")
    if isinstance(accuracy, (int, float)):
        line += f", test accuracy {accuracy * 100:.2f}%"
    if record.get("message"):
        line += f" ({record['message']})"
    return line


def cmd_datasets(args: argparse.Namespace) -> int:
    from studio.data import list_datasets

    for info in list_datasets():
        mark = "✓" if info.available else "✗"
        print(f"{mark} {info.name:<20} {info.title:<20} {info.detail}")
    print("\n✓ usable now, offline   ✗ needs a download (or the offline package named)")
    return 0


_TRAIN_OVERRIDES = {
    # command-line option -> training setting
    "epochs": "epochs",
    "batch_size": "batch_size",
    "lr": "learning_rate",
    "optimizer": "optimizer",
    "validation_split": "validation_split",
    "seed": "seed",
    "device": "device",
}


def cmd_train(args: argparse.Namespace) -> int:
    import signal

    from studio.progress import ProgressPrinter
    from studio.runs.pipeline import RunRequest, execute
    from studio.training import TrainingState

    if args.project is None and args.resume is None:
        raise UserError("Name the project to train (or --resume a run folder)")
    changed = {
        setting: getattr(args, option)
        for option, setting in _TRAIN_OVERRIDES.items()
        if getattr(args, option) is not None
    }
    if args.mixed_precision:
        changed["mixed_precision"] = True
    project_path = Path(args.project) if args.project else None
    request = RunRequest(
        project=None if args.resume else _load(args.project),
        project_path=project_path,
        out_dir=Path(args.resume or args.out) if (args.resume or args.out) else None,
        resume=bool(args.resume),
        dataset=args.dataset,
        train_limit=args.limit,
        test_limit=args.limit_test,
        changed=changed,
        force=args.force,
    )
    printer = ProgressPrinter()
    state = TrainingState(
        on_batch=printer.batch,
        on_epoch=printer.epoch,
        on_message=printer.message,
        on_progress=printer.download,
        on_started=printer.started,
        on_evaluating=printer.evaluating,
    )

    def stop(signum, frame):
        if state.stop_requested:
            raise KeyboardInterrupt
        printer.message("Stopping after this batch (Ctrl-C again to abort at once)…")
        state.request_stop()

    previous = signal.signal(signal.SIGINT, stop)
    try:
        outcome = execute(request, state)
    finally:
        signal.signal(signal.SIGINT, previous)
    if outcome is None:
        printer.message("Stopped before training began.")
        return 0
    result, folder = outcome.result, outcome.run_dir
    if result.test_accuracy is not None:
        printer.message(f"Test accuracy: {result.test_accuracy * 100:.2f}%")
    elif result.test_loss is not None:
        printer.message(f"Test loss: {result.test_loss:.5f}")
    if folder is not None:
        printer.message(f"The run is in {folder}/ (model, checkpoint, metrics; "
                        f"`netstudio export {folder} --format onnx -o model.onnx`).")
    if result.status == "stopped" and folder is not None:
        printer.message(f"Stopped. Continue with: netstudio train --resume {folder}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from studio.export import export

    written = export(args.source, args.format, Path(args.output), force=args.force)
    for path in written:
        print(f"Wrote {path}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    if not _has_display() and not args.screenshot:
        print(
            "netstudio: no display found, so the app cannot open here. Headless commands: "
            f"{HEADLESS_COMMANDS} (see `netstudio --help`).",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    if args.screenshot and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        # Imported by name at run time: the engine never depends on the Qt application.
        app = importlib.import_module("widgets.app")
    except ImportError as exc:
        raise UserError(f"The app cannot start: {exc}. Headless commands still work.") from None
    return app.run(args)


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio",
        description="Build neural networks by drawing them; train and export them. "
        "`netstudio [PROJECT]` opens the app.",
    )
    parser.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("templates", help="list the built-in templates")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("new", help="write a template as a project file")
    p.add_argument("template", help="template name (see `netstudio templates`)")
    p.add_argument("project", help="project file to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("summary", help="layers, output shapes, parameters, FLOPs; errors per node")
    p.add_argument("project", help="project file, run folder or .safetensors file")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("datasets", help="data sets and whether each is available offline")
    p.set_defaults(func=cmd_datasets)

    p = sub.add_parser("train", help="train a project headless, with a progress bar")
    p.add_argument("project", nargs="?", help="project file (optional with --resume)")
    p.add_argument("--dataset", help="data set name (see `netstudio datasets`)")
    p.add_argument("--epochs", type=int)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--lr", type=float, help="learning rate")
    p.add_argument("--optimizer", choices=("adam", "adamw", "sgd", "rmsprop"))
    p.add_argument("--validation-split", type=float, metavar="FRACTION")
    p.add_argument("--seed", type=int)
    p.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps")
    p.add_argument("--mixed-precision", action="store_true", help="16-bit where supported")
    p.add_argument("--out", metavar="DIR",
                   help="the run folder (default: a new folder in PROJECT.runs/ beside the "
                   "project file)")
    p.add_argument("--resume", metavar="DIR",
                   help="continue the run in DIR on its own data set and limits (stopped, "
                   "killed or failed; a finished one with more --epochs)")
    p.add_argument("--force", action="store_true",
                   help="replace an ended run already in the --out folder")
    p.add_argument("--limit", type=int, metavar="N", help="use only the first N training samples")
    p.add_argument("--limit-test", type=int, metavar="N", help="use only N test samples")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("export", help="export a project or a trained run")
    p.add_argument("source", help="project file, or a run folder of `netstudio train`")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="what to write")
    p.add_argument("-o", "--output", required=True, help="file or folder to write")
    p.add_argument("--force", action="store_true",
                   help="replace the file or folder if it exists (never the source)")
    p.set_defaults(func=cmd_export)

    parser.set_defaults(func=None, project=None)
    parser.commands = set(sub.choices)  # type: ignore[attr-defined]
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if argv and argv[0] not in parser.commands and not argv[0].startswith("-"):
        # A bare project path opens the app; argparse would take it for a command name.
        args = _parse_gui(parser, argv)
    else:
        args = parser.parse_args(argv)
    try:
        if args.func is None:
            return cmd_gui(args)
        return args.func(args)
    except StudioError as exc:
        print(f"netstudio: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("netstudio: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `netstudio summary x | head`: the reader has gone; say nothing more. Python would
        # complain again when it flushes stdout at exit, so point it at nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _parse_gui(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    gui = argparse.ArgumentParser(prog="netstudio", add_help=False)
    gui.add_argument("project")
    gui.add_argument("--screenshot", metavar="PNG")
    gui.add_argument("--train", action="store_true")
    args, unknown = gui.parse_known_args(argv)
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.func = None
    return args


if __name__ == "__main__":
    sys.exit(main())
