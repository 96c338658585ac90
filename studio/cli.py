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

from studio.compiler import CompileError
from studio.graph import GraphError
from studio.project import ProjectError, load_project, save_project
from studio.templates import load_template, template_names

EXIT_USER_ERROR = 1
HEADLESS_COMMANDS = "templates, new, summary, datasets, train, export"


class UserError(Exception):
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
    from studio.summary import format_problems, format_summary, summarize

    project = _load(args.project)
    summary = summarize(project.graph)
    print(format_summary(summary, project.name))
    if not summary.analysis.ok:
        print("\nThe model does not fit together yet:", file=sys.stderr)
        print(format_problems(summary.analysis, project.graph), file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from studio.export import export

    written = export(args.source, args.format, Path(args.output))
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
    p.add_argument("project")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("export", help="export a project or a trained run")
    p.add_argument("source", help="project file, or a run folder of `netstudio train`")
    p.add_argument("--format", required=True, choices=("py",), help="what to write")
    p.add_argument("-o", "--output", required=True, help="file or folder to write")
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
    except (UserError, ProjectError, CompileError, GraphError) as exc:
        print(f"netstudio: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("netstudio: stopped.", file=sys.stderr)
        return 130


def _parse_gui(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    gui = argparse.ArgumentParser(prog="netstudio", add_help=False)
    gui.add_argument("project")
    gui.add_argument("--screenshot", metavar="PNG")
    args, unknown = gui.parse_known_args(argv)
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.func = None
    return args


if __name__ == "__main__":
    sys.exit(main())
