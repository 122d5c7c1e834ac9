"""The briefs service: one import for the reads, the snapshots and the command line's writes.

The reads live in ``briefer.briefs.reads`` (columns a view needs, never a source's text) and
the snapshots in ``briefer.briefs.snapshots``; both are re-exported here. Every write is an
operation of ``briefer.briefs.operations`` (one transaction each, returning its inverse,
its ``Changes`` and any new id), and callers apply operations directly. The functions below
are what the command line still calls (one operation each, returning the new id where there
is one); they go when its handlers apply the operations themselves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from briefer.briefs import operations as ops
from briefer.briefs.changes import Applied
from briefer.briefs.reads import (
    _PassageIndex,
    brief_view,
    find_section,
    get_brief,
    get_snapshot,
    list_briefs,
    refresh_brief,
    resolve_topic,
    source_ref,
    version_status,
)
from briefer.briefs.snapshots import (
    BRIEF_KEYS,
    QUOTE_KEYS,
    SECTION_KEYS,
    SNAPSHOT_FORMAT,
    VOLATILE_BRIEF_KEYS,
    clear_contents,
    iso_or_none,
    quote_dict,
    restore_from_snapshot,
    restore_quote,
    restore_section,
    restore_version_record,
    section_dict,
    snapshot_dict,
    strip_volatile,
)
from briefer.store import ReadSession, Store
from briefer.store.models import Quote

#: The reads and snapshot names are re-exported from ``reads`` and ``snapshots``.
__all__ = [
    "BRIEF_KEYS",
    "QUOTE_KEYS",
    "SECTION_KEYS",
    "SNAPSHOT_FORMAT",
    "VOLATILE_BRIEF_KEYS",
    "_PassageIndex",
    "accept_all_suggestions",
    "add_quote_for_topic",
    "brief_view",
    "clear_contents",
    "create_brief",
    "delete_brief",
    "duplicate_brief",
    "find_section",
    "get_brief",
    "get_snapshot",
    "iso_or_none",
    "list_briefs",
    "move_quote",
    "quote_dict",
    "refresh_brief",
    "remove_quote",
    "resolve_topic",
    "restore_from_snapshot",
    "restore_quote",
    "restore_section",
    "restore_version_record",
    "section_dict",
    "snapshot_dict",
    "source_ref",
    "strip_volatile",
    "trim_quote",
    "update_brief",
    "update_section",
    "version_status",
]

# --------------------------------------------------------------------------- writes


def _created(applied: Applied) -> int:
    assert applied.created_id is not None
    return applied.created_id


def create_brief(store: Store, title: str, **fields: Any) -> int:
    return _created(ops.CreateBrief(title, fields).apply(store))


def update_brief(store: Store, brief_id: int, **fields: Any) -> None:
    ops.UpdateBriefFields(brief_id, fields).apply(store)


def delete_brief(store: Store, brief_id: int) -> None:
    ops.DeleteBrief(brief_id).apply(store)


def duplicate_brief(store: Store, brief_id: int, new_title: str | None = None) -> int:
    return _created(ops.DuplicateBrief(brief_id, new_title).apply(store))


def update_section(store: Store, section_id: int, **fields: Any) -> None:
    ops.UpdateSectionFields(section_id, fields).apply(store)


def add_quote_for_topic(
    store: Store,
    brief_id: int,
    topic: str | int,
    source_id: int,
    start: int,
    end: int,
    side: str | None = None,
) -> tuple[int, int]:
    """Quote into the topic's section, creating the section when the brief has none.
    Returns (section id, quote id)."""
    with ReadSession(store) as s:
        topic_id = resolve_topic(s, topic).id
    quote_id = _created(
        ops.AddQuoteToTopic(brief_id, topic_id, source_id, start, end, side).apply(store)
    )
    with ReadSession(store) as s:
        section_id = s.scalar(select(Quote.section_id).where(Quote.id == quote_id))
        assert section_id is not None
        return section_id, quote_id


def remove_quote(store: Store, quote_id: int) -> None:
    ops.RemoveQuote(quote_id).apply(store)


def move_quote(
    store: Store,
    quote_id: int,
    section_id: int | None = None,
    side: str | None = None,
    position: int | None = None,
) -> None:
    ops.MoveQuote(quote_id, section_id, side, position).apply(store)


def trim_quote(store: Store, quote_id: int, display_text: str | None) -> None:
    ops.TrimQuote(quote_id, display_text).apply(store)


def accept_all_suggestions(
    store: Store, *, section_id: int | None = None, brief_id: int | None = None
) -> int:
    """Accept every suggestion of a section or a whole brief; returns how many."""
    inverse = (
        ops.AcceptAllSuggestions(section_id=section_id, brief_id=brief_id).apply(store).inverse
    )
    assert isinstance(inverse, ops.Compound)
    return len(inverse.ops)
