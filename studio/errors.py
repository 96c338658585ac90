"""The one base class for errors meant for the user.

Every error whose message is written for the person using NetStudio (a damaged file, a graph
that does not fit, a missing data set, a run folder in use) derives from `StudioError`, so the
command line and the app catch this one class and show its message, never a traceback.
Anything else that escapes is a bug.
"""

from __future__ import annotations


class StudioError(Exception):
    """A failure to report in one plain message. `str(error)` is that message."""
