"""Torch's CPU threads: training threads get them all, the GUI thread computes on one.

PyTorch parallelises with OpenMP, and libgomp keeps a pool of helper threads for each thread
that ever ran a parallel region. Once the GUI thread has such a pool, libgomp counts more
threads than cores on a small machine and stops spinning between parallel regions, which
made the training thread about 20 % slower on two cores for a small model (measured with
bench/bench_gui.py and a plain Python thread: 48,000 against 60,000 samples/s). So while a
window is open its GUI thread is kept single-threaded (it only predicts single samples), and
each training thread sets the configured count for itself.
"""

from __future__ import annotations

import sys
import traceback

import torch

_state = {"configured": 0, "windows": 0}


def reserve_gui_thread() -> int:
    """Call in the GUI thread when a window opens; returns the thread count for training."""
    if _state["windows"] == 0:
        _state["configured"] = torch.get_num_threads()
        torch.set_num_threads(1)
    _state["windows"] += 1
    return _state["configured"]


def release_gui_thread() -> None:
    """Call in the GUI thread when that window has closed."""
    _state["windows"] = max(0, _state["windows"] - 1)
    if _state["windows"] == 0 and _state["configured"]:
        torch.set_num_threads(_state["configured"])


def use_threads(count: int) -> None:
    """Call at the start of a training thread."""
    if count > 0 and torch.get_num_threads() != count:
        torch.set_num_threads(count)


def unexpected_failure(exc: BaseException, sentence: str) -> str:
    """A bug's one line for the user: `sentence` (translated, "%1" for the error) filled in;
    its trace goes to stderr, for a report."""
    traceback.print_exception(exc, file=sys.stderr)
    return sentence.replace("%1", f"{type(exc).__name__}: {exc}")
