#!/usr/bin/env bash
# Sets everything up (first run only), then runs the linter and the whole test suite headless.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/setup.sh"
cd "$root"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check studio widgets tests bench
.venv/bin/python -m pytest "$@"
