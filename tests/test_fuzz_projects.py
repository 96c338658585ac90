"""Fuzzed project files: every one loads or is refused with a message, never a traceback or a
hang, through the loader and through the real command line; the file is never changed."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fuzz_projects import mutants

from studio.errors import StudioError
from studio.project import load_project, save_project
from studio.summary import format_problems, format_summary, summarize

SEED = 12
LOADER_CASES = 300
CLI_CASES = 30
SECONDS_PER_CASE = 10  # a 3,000-node mutant loads and summarises in about a second
NETSTUDIO = Path(sys.executable).parent / "netstudio"


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    def expire(signum, frame):
        raise Hang(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_mutants_are_reproducible_and_varied():
    first, again = mutants(SEED, 40), mutants(SEED, 40)
    assert first == again
    assert len(set(first)) > 35
    assert mutants(SEED + 1, 40) != first


def test_every_mutant_loads_or_is_refused_with_a_message(tmp_path):
    accepted = refused = 0
    failures = []
    path, saved = tmp_path / "mutant.json", tmp_path / "saved.json"
    for i, data in enumerate(mutants(SEED, LOADER_CASES)):
        path.write_bytes(data)
        before = _digest(path)
        try:
            with time_limit(SECONDS_PER_CASE):
                try:
                    project = load_project(path)
                except StudioError as exc:
                    refused += 1
                    assert str(exc).strip(), f"mutant {i}: an empty message"
                    assert "Traceback" not in str(exc)
                else:
                    accepted += 1
                    # What `netstudio summary` does with a file the loader takes.
                    summary = summarize(project.graph)
                    format_summary(summary, project.name)
                    format_problems(summary.analysis, project.graph)
                    # Saving writes what the loader reads back, the same.
                    save_project(project, saved)
                    assert load_project(saved).to_dict() == project.to_dict()
        except Exception as exc:  # collected: the test lists every failure at once
            failures.append(f"mutant {i}: {type(exc).__name__}: {str(exc)[:200]}")
        assert _digest(path) == before, f"mutant {i}: the file was changed"
    assert not failures, "\n".join(failures)
    # The corpus exercises both sides: files refused and files that still load.
    assert refused > LOADER_CASES // 2 and accepted >= 20, (accepted, refused)


def _cli_sample(tmp_path: Path) -> list[Path]:
    # Every tenth mutant, so the sample holds accepted and refused files alike.
    paths = []
    for i, data in enumerate(mutants(SEED, LOADER_CASES)[:: LOADER_CASES // CLI_CASES]):
        path = tmp_path / f"mutant_{i}.json"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _run_cli(path: Path) -> tuple[Path, subprocess.CompletedProcess, str, str]:
    before = _digest(path)
    result = subprocess.run(
        [str(NETSTUDIO), "summary", str(path)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
    )
    return path, result, before, _digest(path)


def test_the_command_line_exits_0_or_1_without_a_traceback(tmp_path):
    """The installed `netstudio` in its own processes. Each start imports torch (3 to 4 s of
    a core), so a third of the sample goes this way; the next test takes all of it through
    the same entry point in this process."""
    paths = _cli_sample(tmp_path)[::3]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_run_cli, paths))
    for path, result, before, after in results:
        assert result.returncode in (0, 1), (path.name, result.returncode, result.stderr[-2000:])
        assert "Traceback" not in result.stderr, (path.name, result.stderr[-2000:])
        if result.returncode == 1:
            assert result.stderr.startswith("netstudio: ") or "✗" in result.stderr, (
                path.name,
                result.stderr[-2000:],
            )
        assert before == after, f"{path.name} was changed"


def test_the_command_line_entry_point_on_the_whole_sample(tmp_path, capsys):
    from studio.cli import main

    exits = []
    for path in _cli_sample(tmp_path):
        before = _digest(path)
        with time_limit(SECONDS_PER_CASE):
            code = main(["summary", str(path)])
        err = capsys.readouterr().err
        assert code in (0, 1), (path.name, code, err[-2000:])
        assert "Traceback" not in err
        if code == 1:
            assert err.strip(), f"{path.name}: exit 1 without a message"
        assert _digest(path) == before, f"{path.name} was changed"
        exits.append(code)
    assert set(exits) == {0, 1}, exits


@pytest.mark.parametrize("seed", [1, 2])
def test_other_seeds_load_or_refuse(seed, tmp_path):
    """A smaller corpus from other seeds, through the loader only: a wider net for crashes."""
    path = tmp_path / "mutant.json"
    for i, data in enumerate(mutants(seed, 100)):
        path.write_bytes(data)
        with time_limit(SECONDS_PER_CASE):
            try:
                load_project(path)
            except StudioError as exc:
                assert str(exc).strip(), f"seed {seed}, mutant {i}: an empty message"
