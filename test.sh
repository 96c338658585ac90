#!/usr/bin/env bash
# Sets everything up (first run only), then runs the linter and the whole test suite headless.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/setup.sh"
cd "$root"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check studio widgets tests bench
# One test process per core (pytest-xdist); a file's tests stay in one process, so that a
# module's costly fixture (the all-layers export, a trained run) is built once. Arguments after
# test.sh go to pytest (e.g. `bash test.sh -n 0 tests/test_cli.py` for one process). A test
# process that crashes fails the run at once (its test is named) instead of being replaced.
.venv/bin/python -m pytest -n logical --dist loadfile --max-worker-restart 0 "$@"
