"""What an edit changed, as one plain value (Qt-free): kinds of thing, ids, and who asked.

An operation's :meth:`~briefer.briefs.operation_base.Operation.apply` returns an
:class:`Applied` (its inverse, its :class:`Changes` and the id it created), the way Anki's
collection returns ``OpChanges`` that flow to ``operation_did_execute``. The window sends the
``Changes`` on its change bus (``ui/changes.py``); each view refreshes only for what concerns
it, by id, so an edit of one section re-reads that section and nothing else.

The ids are gathered from what the unit of work flushed (``Context`` in ``operation_base``),
so an operation cannot forget to report a row it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from briefer.briefs.operation_base import Operation


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed. Flags say the kind; the id sets narrow it down.

    ``briefs`` with no ``brief_ids`` means any brief may have changed (another officer's
    edit, an ask decision shown in every ledger). ``section_ids`` None means any section of
    the changed briefs; a set (maybe empty: a front-page edit) names the sections whose
    content changed. ``layout`` names the briefs whose sections were added, removed or
    reordered. ``store`` means a different store is now open.
    """

    sources: bool = False
    topics: bool = False
    passages: bool = False
    briefs: bool = False
    store: bool = False
    #: the one source that changed (None: any, or several)
    source_id: int | None = None
    #: briefs whose content changed and that still exist
    brief_ids: frozenset[int] = frozenset()
    #: briefs that no longer exist
    deleted_ids: frozenset[int] = frozenset()
    #: sections of ``brief_ids`` whose content changed (None: any of them)
    section_ids: frozenset[int] | None = None
    #: briefs whose list of sections changed (added, removed, reordered)
    layout: frozenset[int] = frozenset()
    #: whoever made the edit (a view), so it can tell its own edits from others'
    initiator: object = None

    @classmethod
    def everything(cls) -> Changes:
        return cls(sources=True, topics=True, passages=True, briefs=True, store=True)

    def by(self, initiator: object) -> Changes:
        """The same changes, made by ``initiator``."""
        return replace(self, initiator=initiator)

    def brief_changed(self, brief_id: int) -> bool:
        """True if the brief's content may have changed (it may be gone: see ``deleted_ids``)."""
        return self.store or (self.briefs and (not self.brief_ids or brief_id in self.brief_ids))


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying an operation did: the way back, what changed, and any new row's id."""

    inverse: Operation
    changes: Changes
    #: the brief, section or quote the operation created (None if it created none)
    created_id: int | None = None
