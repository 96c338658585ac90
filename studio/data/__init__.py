"""Data sets for NetStudio: built-in synthetic sets, the classic image sets (downloaded or found
on the system), and the user's own image folders and CSV files, held in memory as tensors.

Qt-free. Entry points: `list_datasets()` and `load_dataset(name, ...)`.
"""

from .base import Dataset, DatasetError, DatasetInfo, ProgressFn, default_cache_dir
from .paths import resolve_data_path
from .registry import NAMES, list_datasets, load_dataset

__all__ = [
    "NAMES",
    "Dataset",
    "DatasetError",
    "DatasetInfo",
    "DatasetTooLargeError",
    "ProgressFn",
    "StreamingImageFolder",
    "default_cache_dir",
    "list_datasets",
    "load_dataset",
    "resolve_data_path",
]


def __getattr__(name: str):
    # The image-folder reader imports PyTorch: only when asked for, so that `netstudio
    # datasets` (which only looks at the disk) starts without it.
    if name in ("DatasetTooLargeError", "StreamingImageFolder"):
        from . import folder

        return getattr(folder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
