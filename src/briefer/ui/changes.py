"""The change bus: one notification after an edit, carrying what it changed.

:class:`~briefer.briefs.changes.Changes` is a plain value of the core (operations return
it); views listen to :class:`ChangeBus` and refresh only for what concerns them.
"""

from __future__ import annotations

from briefer.briefs.changes import Changes
from briefer.ui.qt import QObject, Signal

__all__ = ["ChangeBus", "Changes"]


class ChangeBus(QObject):
    """Carries :class:`Changes` from whoever edited to every view."""

    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)
