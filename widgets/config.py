"""Where the app keeps its settings (recent files, interface language) and autosaves.

NETSTUDIO_CONFIG_DIR overrides the platform's app-data folder, so tests and portable installs
never touch the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

CONFIG_ENV = "NETSTUDIO_CONFIG_DIR"
MAX_RECENT = 8
LANGUAGES = ("system", "en", "zh_CN")
"""Interface language settings: follow the system's locale, or one of the shipped languages."""


def config_dir(create: bool = True) -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        path = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        path = Path(location or Path.home() / ".netstudio")
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def settings(create: bool = True) -> QSettings:
    return QSettings(str(config_dir(create) / "netstudio.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [str(v) for v in value or []]


def add_recent_file(path: str | os.PathLike[str]) -> list[str]:
    entry = str(Path(path).resolve())
    files = [entry, *(f for f in recent_files() if f != entry)][:MAX_RECENT]
    settings().setValue("recentFiles", files)
    return files


def clear_recent_files() -> None:
    settings().setValue("recentFiles", [])


def language() -> str:
    """The interface language setting: "system", "en" or "zh_CN"."""
    value = settings(create=False).value("language", "system")
    return value if value in LANGUAGES else "system"


def set_language(value: str) -> None:
    if value not in LANGUAGES:
        raise ValueError(f"unknown interface language {value!r}")
    settings().setValue("language", value)
