"""Runs: the run folder (what a run leaves on disk, locked, durable), the files in it, and the
one pipeline that turns a request into a run (`studio.runs.pipeline.execute`), shared by
`netstudio train`, the app and searches.

The names that need no PyTorch (file names, RunError, reading a run's project) come from
studio.runs.layout at once; those that read or write tensors (studio.runs.storage) are imported
on first use, so that looking at a run's project does not load PyTorch.
"""

from studio.runs.layout import (
    CHECKPOINT_FILE,
    LOCK_FILE,
    METRICS_FILE,
    PROJECT_FILE,
    RECORD_FILE,
    WEIGHTS_FILE,
    RunError,
    embedded_project,
    project_of,
)

_FROM_STORAGE = {
    "CHECKPOINT_FORMAT",
    "CHECKPOINT_VERSION",
    "check_weights",
    "load_checkpoint",
    "load_trained",
    "load_weights",
    "save_checkpoint",
    "save_weights",
    "write_json",
}


def __getattr__(name: str):
    if name in _FROM_STORAGE:
        from studio.runs import storage

        return getattr(storage, name)
    raise AttributeError(f"module 'studio.runs' has no attribute {name!r}")


__all__ = [
    "CHECKPOINT_FILE",
    "LOCK_FILE",
    "METRICS_FILE",
    "PROJECT_FILE",
    "RECORD_FILE",
    "WEIGHTS_FILE",
    "RunError",
    "embedded_project",
    "project_of",
    *sorted(_FROM_STORAGE),
]
