"""Runs: the run folder (what a run leaves on disk, locked, durable), the files in it, and the
one pipeline that turns a request into a run (`studio.runs.pipeline.execute`), shared by
`netstudio train`, the app and searches."""

from studio.runs.storage import (
    CHECKPOINT_FILE,
    CHECKPOINT_FORMAT,
    CHECKPOINT_VERSION,
    LOCK_FILE,
    METRICS_FILE,
    PROJECT_FILE,
    RECORD_FILE,
    WEIGHTS_FILE,
    RunError,
    check_weights,
    embedded_project,
    load_checkpoint,
    load_trained,
    load_weights,
    save_checkpoint,
    save_weights,
    write_json,
)

__all__ = [
    "CHECKPOINT_FILE",
    "CHECKPOINT_FORMAT",
    "CHECKPOINT_VERSION",
    "LOCK_FILE",
    "METRICS_FILE",
    "PROJECT_FILE",
    "RECORD_FILE",
    "WEIGHTS_FILE",
    "RunError",
    "check_weights",
    "embedded_project",
    "load_checkpoint",
    "load_trained",
    "load_weights",
    "save_checkpoint",
    "save_weights",
    "write_json",
]
