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
echo
echo "== 1/3: the seed CNN template as a project file, and its layers, shapes and parameters"
"$ns" new seed-cnn "$example/seed-cnn.json"
"$ns" summary "$example/seed-cnn.json"
echo
# Real data (Fashion-MNIST when it is here; otherwise the trainer says so and falls back to a
# data set that is), but a short run: --limit keeps the first 6,000 of its 60,000 training images.
echo "== 2/3: a quick training run: 1 epoch on 6,000 of Fashion-MNIST's 60,000 training images"
echo "   (--limit 6000; leave it out, and raise --epochs, to train on the whole set)"
"$ns" train "$example/seed-cnn.json" --dataset fashion-mnist --epochs 1 --limit 6000 \
    --out "$example/run"
echo
echo "== 3/3: the trained model exported as ONNX, for other tools"
"$ns" export "$example/run" --format onnx -o "$example/seed-cnn.onnx"
echo
echo "Example files (project, run folder, ONNX model) are in $example"
