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
# A short run on real data (Fashion-MNIST when it is here; otherwise the trainer says so and
# falls back to a data set that is), then the trained model exported for other tools.
"$ns" train "$example/seed-cnn.json" --dataset fashion-mnist --epochs 1 --limit 6000 \
    --out "$example/run"
"$ns" export "$example/run" --format onnx -o "$example/seed-cnn.onnx"
echo "Example files (project, run, ONNX model) are in $example"
