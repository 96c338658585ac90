"""The import report: what an import brought in, what it left out, and what it changed.

Every importer (Keras code, Keras files, ONNX, PyTorch) fills one `ImportReport`. The command
line prints it and the app shows it, so a user always learns what did not come across; an
import never silently changes what a model computes. An import that cannot give a valid graph
raises `ImportRefused` carrying the report, and nothing is written.

Entries are (where, text) pairs: `where` names the place in the source the user can find
("line 12", "node /conv1/Conv", "layer dense_2"), `text` says what happened in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from studio.errors import StudioError
from studio.messages import msg


@dataclass
class ImportReport:
    """What one import did, entry by entry, in the order the source was read."""

    source: str = ""
    """The file (or "pasted code") the model came from."""
    mapped: list[tuple[str, str]] = field(default_factory=list)
    """(where, what it became), e.g. ("line 5", "Conv2D conv2d: 32 filters, 3×3")."""
    not_mapped: list[tuple[str, str]] = field(default_factory=list)
    """(where, why it was left out), e.g. ("line 9", "the layer class MyBlock is custom …")."""
    approximated: list[tuple[str, str]] = field(default_factory=list)
    """(where, what differs and why), e.g. a Flatten whose order differs from Keras'."""
    cut_off: list[tuple[str, str]] = field(default_factory=list)
    """(where, why), operators after the node the user chose to end the import at."""

    def add_mapped(self, where: str, what: str) -> None:
        self.mapped.append((where, what))

    def add_not_mapped(self, where: str, reason: str) -> None:
        self.not_mapped.append((where, reason))

    def add_approximated(self, where: str, why: str) -> None:
        self.approximated.append((where, why))

    def add_cut_off(self, where: str, why: str) -> None:
        self.cut_off.append((where, why))

    @property
    def complete(self) -> bool:
        """Whether everything was brought in as it is (nothing left out or changed)."""
        return not self.not_mapped and not self.approximated and not self.cut_off

    def lines(self, translate: Callable[[str], str] = str) -> list[str]:
        """The report as text lines, for the command line and the app's dialog. Texts may be
        studio.messages.Message objects: `translate` puts them in the interface language
        (studio.translate.tr on the command line)."""
        out: list[str] = []
        sections = (
            (msg("Imported ({count}):", count=len(self.mapped)), self.mapped),
            (msg("Not imported ({count}):", count=len(self.not_mapped)), self.not_mapped),
            (msg("Changed on the way ({count}):", count=len(self.approximated)),
             self.approximated),
            (msg("Cut off, as asked ({count}):", count=len(self.cut_off)), self.cut_off),
        )
        for title, entries in sections:
            if not entries:
                continue
            out.append(translate(title))
            out.extend(f"  {translate(where)}: {translate(text)}" for where, text in entries)
        return out

    def text(self, translate: Callable[[str], str] = str) -> str:
        return "\n".join(self.lines(translate))


class ImportRefused(StudioError):
    """An import that gives no usable model. The message says why in one plain sentence;
    `report` lists everything that was read, so the user sees what to change."""

    def __init__(self, message: str, report: ImportReport | None = None) -> None:
        super().__init__(message)
        self.report = report if report is not None else ImportReport()
