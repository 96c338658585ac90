"""The `netstudio` command: the app when there is a screen, and headless commands everywhere.

Errors that come from the user's input (a damaged project, a graph that does not fit, an
unknown data set) end with a plain message and exit status 1, never a traceback. What it prints
is in the interface language (studio.translate: NETSTUDIO_LANGUAGE, else the system's).

Start-up is kept short: modules that import PyTorch are imported inside the commands that need
tensors, so `--help`, `templates`, `datasets` and `new` start without it (tests/test_startup.py).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import re
import sys
from pathlib import Path

from studio.errors import StudioError
from studio.messages import msg, term
from studio.translate import tr

EXIT_USER_ERROR = 1
HEADLESS_COMMANDS = "templates, new, summary, datasets, train, export, search, import"
# studio.export.FORMATS, named here so that `--help` need not import the exporters (and
# PyTorch with them); tests/test_cli.py checks that both agree.
EXPORT_FORMATS = ("safetensors", "onnx", "pt2", "pt", "py")


# A broken graph of thousands of nodes would print thousands of lines; the first ones say it.
MAX_PROBLEM_LINES = 50


class UserError(StudioError):
    """A failure to report in one plain message (exit status 1)."""


def say(text: str, file=None) -> None:
    """Print a message in the interface language."""
    print(tr(text), file=file)


def _load(path: str):
    from studio.project import load_project

    return _noted(load_project(path))


def _noted(project):
    """The project, its loading notes (fields left out, which saving drops) said first."""
    for note in project.notes:
        say(msg("Note: {note}", note=note), file=sys.stderr)
    return project


def cmd_templates(args: argparse.Namespace) -> int:
    from studio.templates import load_template, template_names

    for name in template_names():
        project = load_template(name)
        title = tr(term(project.name, "templates"))
        description = tr(term(project.description, "templates")) if project.description else ""
        print(f"{name:<18} {title} — {description}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from studio.project import save_project
    from studio.templates import load_template

    target = Path(args.project)
    if target.exists() and not args.force:
        raise UserError(msg("{path} already exists; choose another name or add --force",
                            path=str(target)))
    project = load_template(args.template)
    save_project(project, target)
    say(msg("Wrote {path} from the template {template!r} ({title}).", path=str(target),
            template=args.template, title=term(project.name, "templates")))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    import dataclasses

    from studio.layers.run_block import run_paths_from
    from studio.runs.layout import project_of
    from studio.summary import format_summary, summarize

    project = _noted(project_of(args.project))
    with run_paths_from(Path(args.project).parent):  # a TrainedModel's run, relative to the file
        summary = summarize(project.graph, batch_size=project.training["batch_size"])
    # The notes (analysis warnings) are printed here rather than by format_summary, which
    # writes them in English: each in the interface language, its node and layer named.
    table = dataclasses.replace(
        summary, analysis=dataclasses.replace(summary.analysis, warnings=[])
    )
    print(format_summary(table, project.name, tr, _columns))
    for note in summary.analysis.warnings:
        text = tr(note.message)
        if note.node_id:
            layer = tr(term(project.graph.nodes[note.node_id].layer.title, "layers"))
            text = f"{note.node_id} ({layer}): {text}"
        say(msg("Note: {note}", note=text))
    if Path(args.project).is_dir():
        say(_run_line(Path(args.project)))
    if not summary.analysis.ok:
        print("", file=sys.stderr)
        say(msg("The model does not fit together yet:"), file=sys.stderr)
        print(_problem_lines(summary.analysis, project.graph), file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _problem_lines(analysis, graph) -> str:
    """Each problem on its line, the node and its layer named, in the interface language
    (studio.summary.format_problems, translated)."""
    lines = []
    shown = analysis.problems[:MAX_PROBLEM_LINES]
    for p in shown:
        if p.node_id:
            layer = tr(term(graph.nodes[p.node_id].layer.title, "layers"))
            lines.append(f"  ✗ {p.node_id} ({layer}): {tr(p.message)}")
        else:
            lines.append(f"  ✗ {tr(p.message)}")
    if len(analysis.problems) > len(shown):
        hidden = len(analysis.problems) - len(shown)
        lines.append("  " + tr(msg("… and {count} more", count=hidden)))
    return "\n".join(lines)


def _run_line(folder: Path) -> str:
    """One line on a run folder: how far it got and how it ended."""
    from studio.runs.folder import read_metrics, read_record

    record, metrics = read_record(folder), read_metrics(folder)
    history = metrics.get("history") if isinstance(metrics.get("history"), list) else []
    epochs = (record.get("settings") or {}).get("epochs", "?")
    status = record.get("status") or metrics.get("status")
    line = tr(msg("Run: {status}, {done} of {epochs} epochs",
                  status=term(status) if status else term("unknown"),
                  done=len(history), epochs=epochs))
    accuracy = metrics.get("test_accuracy")
    if isinstance(accuracy, (int, float)):
        line += tr(msg(", test accuracy {accuracy}", accuracy=f"{accuracy * 100:.2f}%"))
    if record.get("message"):
        line += f" ({tr(record['message'])})"
    return line


def cmd_datasets(args: argparse.Namespace) -> int:
    from studio.data import list_datasets

    for info in list_datasets():
        mark = "✓" if info.available else "✗"
        title = tr(term(info.title, "datasets"))
        print(f"{mark} {info.name:<20} {_pad(title, 20)} {tr(info.detail)}")
    print()
    say(msg("✓ usable now, offline   ✗ needs a download (or the offline package named)"))
    return 0


def _pad(text: str, width: int) -> str:
    """`text` left-aligned in `width` columns of a terminal."""
    return text + " " * max(0, width - _columns(text))


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
    from studio.runs.pipeline import Cancelled, RunRequest, execute
    from studio.training import TrainingState

    if args.project is None and args.resume is None:
        raise UserError(msg("Name the project to train (or --resume a run folder)"))
    changed = {
        setting: getattr(args, option)
        for option, setting in _TRAIN_OVERRIDES.items()
        if getattr(args, option) is not None
    }
    if args.mixed_precision:
        changed["mixed_precision"] = True
    project_path = Path(args.project) if args.project else None
    project = None if args.resume else _load(args.project)
    dataset = args.dataset
    if args.data is not None:
        project, dataset = _with_data(project, dataset, args.data)
    request = RunRequest(
        project=project,
        project_path=project_path,
        out_dir=Path(args.resume or args.out) if (args.resume or args.out) else None,
        resume=bool(args.resume),
        dataset=dataset,
        train_limit=args.limit,
        test_limit=args.limit_test,
        changed=changed,
        force=args.force,
    )
    printer = ProgressPrinter(tr=tr)
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
        printer.message(msg("Stopping after this batch (Ctrl-C again to abort at once)…"))
        state.request_stop()

    previous = signal.signal(signal.SIGINT, stop)
    try:
        outcome = execute(request, state)
    except Cancelled:  # stopped while a data set or weights file was downloading
        outcome = None
    finally:
        signal.signal(signal.SIGINT, previous)
    if outcome is None:
        printer.cancelled()
        return 0
    printer.finished(outcome)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    import signal

    from studio.search import Search, SearchOptions

    options = SearchOptions(
        specs=args.param or [], trials=args.trials, sampler=args.sampler, prune=args.prune,
        objective=args.objective, epochs=args.epochs, storage=args.storage, study=args.study,
        resume=args.resume, seed=args.seed, dataset=args.dataset, train_limit=args.limit,
        test_limit=args.limit_test, out_dir=Path(args.out) if args.out else None,
    )
    lines = _SearchLines(options.objective, options.trials)
    search = Search(_load(args.project), Path(args.project), options, on_trial=lines.trial,
                    on_message=lines.note)

    def stop(signum, frame):
        if search.stopping:
            raise KeyboardInterrupt
        lines.note(msg("Stopping after this batch; the trial runs again when the search is "
                       "resumed (Ctrl-C again to abort at once)…"))
        search.stop()

    previous = signal.signal(signal.SIGINT, stop)
    try:
        search.open()
        say(msg("Search {study}: {space}; {trials} trials, sampler {sampler}, pruner {pruner}, "
                "objective {objective}. Trials in {folder}", study=search.study_name,
                space=" ".join(search.space.describe()), trials=options.trials,
                sampler=options.sampler, pruner=options.prune, objective=options.objective,
                folder=str(search.folder)))
        search.run()
    finally:
        signal.signal(signal.SIGINT, previous)
    lines.best(search)
    return 0


class _SearchLines:
    """`netstudio search`'s output: a line per trial as it ends, the best at the end."""

    def __init__(self, objective: str, total: int) -> None:
        self.objective, self.total = objective, total

    def note(self, text: str) -> None:
        say(text, file=sys.stderr)

    def _score(self, value: float | None) -> str:
        from studio.progress import METRIC_LABELS

        label = tr(METRIC_LABELS[self.objective])
        if value is None:
            return f"{label} –"
        shown = f"{value * 100:.2f}%" if "accuracy" in self.objective else f"{value:.4f}"
        return f"{label} {shown}"

    def trial(self, result, done: int, best) -> None:
        from studio.search import COMPLETE, FAILED, PRUNED

        params = _params_text(result.params)
        seconds = result.seconds or 0.0
        if result.state == COMPLETE:
            line = msg("Trial {number} ({done} of {total}): {params}: {score} after {epochs} "
                       "epochs, {seconds:.1f} s", number=result.number, done=done,
                       total=self.total, params=params, score=self._score(result.score),
                       epochs=result.epochs, seconds=seconds)
        elif result.state == PRUNED:
            line = msg("Trial {number} ({done} of {total}): {params}: pruned after {epochs} "
                       "epochs ({score}), {seconds:.1f} s", number=result.number, done=done,
                       total=self.total, params=params, score=self._score(result.score),
                       epochs=result.epochs, seconds=seconds)
        elif result.state == FAILED:
            line = msg("Trial {number} ({done} of {total}): {params}: failed: {error}",
                       number=result.number, done=done, total=self.total, params=params,
                       error=result.error)
        else:
            line = msg("Trial {number}: {params}: stopped; it runs again when the search is "
                       "resumed", number=result.number, params=params)
        text = tr(line)
        if best is not None:
            text += tr(msg("; best {score} (trial {number})", score=self._score(best.score),
                           number=best.number))
        print(text, flush=True)

    def best(self, search) -> None:
        best = search.best()
        record = search.folder / "search.json"
        if best is None:
            say(msg("No trial has run to the end yet. The search record: {path}",
                    path=str(record)))
            return
        say(msg("Best: trial {number}, {params}: {score}. Its run folder: {path}",
                number=best.number, params=_params_text(best.params),
                score=self._score(best.score), path=str(search.folder / best.run)))
        if best.test_accuracy is not None:
            say(msg("Its test accuracy, for information only (trials are chosen on the "
                    "validation set): {accuracy}", accuracy=f"{best.test_accuracy * 100:.2f}%"))
        say(msg("The search record: {path}", path=str(record)))


def _params_text(params: dict) -> str:
    return " ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}"
                    for k, v in params.items())


# The data sets that are the user's own file or folder, named with --data.
_OWN_DATA = ("image-folder", "csv")


def _with_data(project, dataset: str | None, data: str):
    """(project, data set name) reading the user's own folder or CSV file at `data`, a path
    as typed (relative to the current directory, not to the project file)."""
    from studio.data.paths import resolve_data_path
    from studio.data.registry import canonical_name

    if project is None:
        raise UserError(msg("--data cannot be used with --resume: a resumed run continues on "
                            "the data it was trained on"))
    path = resolve_data_path(data)
    name = canonical_name(dataset) if dataset else project.dataset.get("name")
    if name not in _OWN_DATA:
        if dataset:
            raise UserError(msg("--data names your own image folder or CSV file: use it with "
                                "--dataset image-folder or --dataset csv, not {name}", name=name))
        name = "image-folder" if path.is_dir() else "csv"
    settings = {**project.dataset, "name": name, "path": os.path.abspath(path)}
    if name != project.dataset.get("name"):  # the other kind's settings do not apply
        settings.update(label_column=None, task=None)
    project.dataset = settings
    return project, name


def cmd_export(args: argparse.Namespace) -> int:
    from studio.export import export

    written = export(args.source, args.format, Path(args.output), force=args.force)
    for path in written:
        say(msg("Wrote {path}", path=str(path)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from studio.importers import ImportRefused, check_targets, import_file, write_imported

    source, target = Path(args.model), Path(args.output)
    # Checked before the import, which can take a while; the check is made again on writing.
    check_targets(target, args.force)
    options = {"cut_at": args.cut_at, "run_code": args.run_code,
               "class_name": args.class_name, "input_shape": args.input_shape}
    try:
        project, report, weights = import_file(source, **options)
    except ImportRefused as exc:
        # The report says what was read before the refusal; the error line says why.
        for text in exc.report.lines(tr):
            print(text, file=sys.stderr)
        cut_points = getattr(exc, "cut_points", None)
        if cut_points and not args.cut_at:
            # The nodes nearest the refused part first: the most of the model is kept there.
            say(msg("To import the part that NetStudio can map, cut the model at one of these "
                    "nodes with --cut-at NODE: {nodes}",
                    nodes=", ".join(reversed(cut_points[-12:]))), file=sys.stderr)
        raise
    for text in report.lines(tr):
        print(text)
    written = write_imported(project, weights, target, force=args.force)
    say(msg("Wrote {path} ({count} nodes) from {source}.", path=str(target),
            count=len(project.graph.nodes), source=str(source)))
    if len(written) > 1:
        # PROJECT.safetensors: the trained weights with the project embedded, which
        # `netstudio export` and a TrainedModel block take as they are.
        say(msg("Wrote its trained weights to {path}.", path=str(written[1])))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    import importlib

    if getattr(args, "train", False) and not args.project:
        raise UserError(msg("--train needs the project to train: netstudio PROJECT --train"))
    if not _has_display() and not args.screenshot:
        say(msg("netstudio: no display found, so the app cannot open here. Headless commands: "
                "{commands} (see `netstudio --help`).", commands=HEADLESS_COMMANDS),
            file=sys.stderr)
        return EXIT_USER_ERROR
    if args.screenshot and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        # Imported by name at run time: the engine never depends on the Qt application.
        app = importlib.import_module("widgets.app")
    except ImportError as exc:
        raise UserError(msg("The app cannot start: {reason}. Headless commands still work.",
                            reason=str(exc))) from None
    return app.run(args)


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _help(text: str) -> str:
    """A help text in the interface language; argparse %-formats help texts, so a "%" in a
    translation is written doubled."""
    return tr(text).replace("%", "%%")


def _app_usage() -> str:
    lines = [
        ("netstudio [PROJECT]", term("open the app (with PROJECT, a project file)", "cli")),
        ("netstudio PROJECT --train",
         term("open the app and train PROJECT with its settings at once; the console shows "
              "the progress too (a line per epoch), the window the curves", "cli")),
        ("netstudio PROJECT --screenshot PNG [--train]",
         term("save the window (after training, with --train) as PNG and exit", "cli")),
    ]
    out = [tr(term("the app:", "cli"))]
    for usage, what in lines:
        out.append(f"  {usage}")
        out += ["      " + line for line in _wrap(tr(what), 72)]
    return "\n".join(out)


def _columns(text: str) -> int:
    """How many columns of a terminal `text` takes (CJK characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken between words, or between any two CJK
    characters (Chinese has no spaces to break at)."""
    lines, line = [], ""
    for token in re.findall(r"\s+|[\u2e80-\uffef]|[^\s\u2e80-\uffef]+", text):
        if line and _columns(line + token.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's, with help texts wrapped by terminal columns: a Chinese character takes
    two, so wrapping by characters would run past the edge."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(" ".join(text.split()), width)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netstudio",
        description="\n".join(_wrap(_help(term(
            "Build neural networks by drawing them; train and export them. "
            "`netstudio [PROJECT]` opens the app.", "cli")), 78)),
        epilog=_app_usage(),
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--screenshot", metavar="PNG",
                        help=_help(term("render the window to PNG and exit", "cli")))
    parser.add_argument("--train", action="store_true",
                        help=_help(term("with PROJECT: open the app and train the project at "
                                        "once, with progress on the console", "cli")))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("templates", help=_help(term("list the built-in templates", "cli")))
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("new", help=_help(term("write a template as a project file", "cli")))
    p.add_argument("template",
                   help=_help(term("template name (see `netstudio templates`)", "cli")))
    p.add_argument("project", help=_help(term("project file to write", "cli")))
    p.add_argument("--force", action="store_true",
                   help=_help(term("overwrite an existing file", "cli")))
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("summary", help=_help(term(
        "layers, output shapes, parameters, FLOPs; errors per node", "cli")))
    p.add_argument("project",
                   help=_help(term("project file, run folder or .safetensors file", "cli")))
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("datasets", help=_help(term(
        "data sets and whether each is available offline", "cli")))
    p.set_defaults(func=cmd_datasets)

    p = sub.add_parser("train", help=_help(term(
        "train a project headless, with a progress bar", "cli")))
    p.add_argument("project", nargs="?",
                   help=_help(term("project file (optional with --resume)", "cli")))
    p.add_argument("--dataset",
                   help=_help(term("data set name (see `netstudio datasets`)", "cli")))
    p.add_argument("--data", metavar="PATH", help=_help(term(
        "your own data: a folder with one subfolder of images per class, or a CSV file "
        "(with --dataset image-folder or csv; instead of the project's path)", "cli")))
    p.add_argument("--epochs", type=int)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--lr", type=float, help=_help(term("learning rate", "cli")))
    p.add_argument("--optimizer", choices=("adam", "adamw", "sgd", "rmsprop"))
    p.add_argument("--validation-split", type=float, metavar="FRACTION")
    p.add_argument("--seed", type=int)
    p.add_argument("--device", help=_help(term("auto, cpu, cuda, cuda:N or mps", "cli")))
    p.add_argument("--mixed-precision", action="store_true",
                   help=_help(term("16-bit where supported", "cli")))
    p.add_argument("--out", metavar="DIR", help=_help(term(
        "the run folder (default: a new folder in PROJECT.runs/ beside the project file)",
        "cli")))
    p.add_argument("--resume", metavar="DIR", help=_help(term(
        "continue the run in DIR on its own data set and limits (stopped, killed or failed; a "
        "finished one with more --epochs)", "cli")))
    p.add_argument("--force", action="store_true", help=_help(term(
        "replace an ended run already in the --out folder", "cli")))
    p.add_argument("--limit", type=int, metavar="N",
                   help=_help(term("use only the first N training samples", "cli")))
    p.add_argument("--limit-test", type=int, metavar="N",
                   help=_help(term("use only N test samples", "cli")))
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("search", help=_help(term(
        "search hyperparameters: each trial a run, scored on the validation set", "cli")))
    p.add_argument("project", help=_help(term("project file", "cli")))
    p.add_argument("--param", action="append", metavar="NAME=VALUES", help=_help(term(
        "what to search, repeatable: a list (dense_1.units=32,64,128, optimizer=adam,sgd) or "
        "a range (lr=1e-4..1e-2:log, dropout_1.rate=0.1..0.5); a training setting by name, a "
        "layer parameter as NODE.PARAM", "cli")))
    p.add_argument("--trials", type=int, default=20, metavar="N", help=_help(term(
        "trials in the whole search (a resumed search runs what is left)", "cli")))
    p.add_argument("--sampler", choices=("grid", "random", "tpe"), default="tpe",
                   help=_help(term("how values are chosen (tpe: Bayesian)", "cli")))
    p.add_argument("--prune", choices=("none", "median", "halving", "hyperband"),
                   default="none", help=_help(term(
                       "stop hopeless trials early (halving: successive halving)", "cli")))
    p.add_argument("--objective", choices=("val_accuracy", "val_loss"), default="val_accuracy",
                   help=_help(term("what a trial is scored on (never the test set)", "cli")))
    p.add_argument("--epochs", type=int, help=_help(term("epochs per trial", "cli")))
    p.add_argument("--storage", metavar="URL", help=_help(term(
        "an Optuna storage such as sqlite:///search.db or postgresql://…, shared by workers "
        "(default: in memory)", "cli")))
    p.add_argument("--study", metavar="NAME", help=_help(term(
        "the search's name in the storage (default: the project's name and the time)", "cli")))
    p.add_argument("--resume", action="store_true", help=_help(term(
        "continue the study of that name, or join it as another worker", "cli")))
    p.add_argument("--seed", type=int, help=_help(term(
        "the sampler's seed (default: the project's)", "cli")))
    p.add_argument("--dataset",
                   help=_help(term("data set name (see `netstudio datasets`)", "cli")))
    p.add_argument("--limit", type=int, metavar="N",
                   help=_help(term("use only the first N training samples", "cli")))
    p.add_argument("--limit-test", type=int, metavar="N",
                   help=_help(term("use only N test samples", "cli")))
    p.add_argument("--out", metavar="DIR", help=_help(term(
        "the search folder (default: PROJECT.search/STUDY/ beside the project file)", "cli")))
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help=_help(term("export a project or a trained run", "cli")))
    p.add_argument("source", help=_help(term(
        "project file, or a run folder of `netstudio train`", "cli")))
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS,
                   help=_help(term("what to write", "cli")))
    p.add_argument("-o", "--output", required=True,
                   help=_help(term("file or folder to write", "cli")))
    p.add_argument("--force", action="store_true", help=_help(term(
        "replace the file or folder if it exists (never the source)", "cli")))
    p.set_defaults(func=cmd_export)

    from studio.importers import importable_suffixes  # the suffix table only, no PyTorch
    from studio.importers.torch_source import parse_input_shape

    p = sub.add_parser("import", help=_help(term(
        "make a project from a model made elsewhere", "cli")))
    p.add_argument("model", help=_help(msg(
        "the model file to read: {formats}", formats=", ".join(importable_suffixes()))))
    p.add_argument("-o", "--output", required=True,
                   help=_help(term("the project file to write", "cli")))
    p.add_argument("--force", action="store_true", help=_help(term(
        "replace the project file if it exists", "cli")))
    p.add_argument("--cut-at", metavar="NODE", help=_help(term(
        "import only up to this node (ONNX, .pt2, PyTorch module), leaving out the rest",
        "cli")))
    p.add_argument("--run-code", action="store_true", help=_help(term(
        "allow running a .py file that defines a PyTorch nn.Module (in a separate process): "
        "only for files you trust", "cli")))
    p.add_argument("--class", dest="class_name", metavar="NAME", help=_help(term(
        "the nn.Module class to import (default: the file's last one)", "cli")))
    p.add_argument("--input-shape", metavar="SIZES", type=parse_input_shape, help=_help(term(
        "the nn.Module's input without the batch, such as 1,28,28", "cli")))
    p.set_defaults(func=cmd_import)

    for command in sub.choices.values():
        command.formatter_class = _HelpFormatter
    parser.set_defaults(func=None, project=None)
    parser.commands = set(sub.choices)  # type: ignore[attr-defined]
    return parser


def error_text(exc: BaseException) -> str:
    """An error's message in the interface language (as widgets.i18n.tr_error)."""
    text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    return tr(text)


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
        print(f"netstudio: {error_text(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        say(msg("netstudio: stopped."), file=sys.stderr)
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


def run() -> None:
    """The `netstudio` program: `main()`, then the process ends as soon as its work is done.

    A command that used PyTorch would otherwise spend most of a second more (CPU time, more
    on a busy machine) on the interpreter's teardown of PyTorch's modules after the last line
    is printed and every file is written. Python's exit functions still run; only that
    teardown is skipped (as the app does when its window closes, widgets.app.leave)."""
    status = main()
    if "torch" in sys.modules:
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # closed, or a broken pipe
                stream.flush()
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    run()
