#!/usr/bin/env bash
# Installs everything NetStudio needs, once: Debian packages (when run as root with apt), and a
# virtual environment in .venv with the project and its Python dependencies. Re-running is
# cheap: it reinstalls only when pyproject.toml changed. Source it or run it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Qt's libraries, a CJK font for the Chinese interface, and Fashion-MNIST for offline training.
debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      fonts-noto-cjk dataset-fashion-mnist)
# What Qt's xcb platform plugin (a real Linux desktop) loads: without any one of these the app
# aborts before its first window, and the offscreen tests never notice. `ldd` of PySide6's
# plugins/platforms/libqxcb.so lists them.
debs+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
       libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxcb-shm0
       libxcb-sync1 libxcb-render0 libxcb1 libx11-xcb1 libxrender1 libsm6 libice6)
# ... and its Wayland plugin, which a Wayland session tries first.
debs+=(libwayland-client0 libwayland-cursor0 libwayland-egl1)
# A virtual X server, so that the test suite starts the app as a desktop does
# (tests/test_xvfb_start.py), and xdotool to find and close its window there.
debs+=(xvfb xauth xdotool x11-utils)
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  # One dpkg query for all of them keeps a re-run well under a second.
  installed=" $(dpkg-query -W -f='${Package}=${db:Status-Status} ' "${debs[@]}" 2>/dev/null || true) "
  missing=()
  for d in "${debs[@]}"; do [[ "$installed" == *" $d=installed "* ]] || missing+=("$d"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || echo "setup: some Debian packages could not be installed; the app still runs without them"
  fi
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
stamp=.venv/.netstudio-installed
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing NetStudio and its dependencies into .venv (PyTorch is large: minutes)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
fi
