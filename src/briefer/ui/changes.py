"""One change notification after an edit, saying what kind of thing changed.

Views listen to :class:`ChangeBus` and refresh only for what concerns them.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.ui.qt import QObject, Signal


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed; ``store`` means a different store is now open."""

    sources: bool = False
    topics: bool = False
    passages: bool = False
    briefs: bool = False
    store: bool = False
    source_id: int | None = None

    @classmethod
    def everything(cls) -> Changes:
        return cls(sources=True, topics=True, passages=True, briefs=True, store=True)


class ChangeBus(QObject):
    """Carries :class:`Changes` from whoever edited to every view."""

    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)
