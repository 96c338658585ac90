#!/usr/bin/env bash
# Sets everything up (first run only), then opens NetStudio. With no screen it runs a headless
# example instead: the seed CNN's summary and a short training run. Arguments go to `netstudio`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$root/scripts/setup.sh"
ns="$root/.venv/bin/netstudio"
if [ $# -gt 0 ]; then exec "$ns" "$@"; fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then exec "$ns"; fi
echo "No screen here: running the headless example (netstudio --help lists the commands)."
example="$(mktemp -d)"
"$ns" new seed-cnn "$example/seed-cnn.json"
"$ns" summary "$example/seed-cnn.json"
