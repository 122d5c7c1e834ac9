"""The briefs service: one import for the reads and the snapshots; no writes.

The reads live in ``briefer.briefs.reads`` (columns a view needs, never a source's text) and
the snapshots in ``briefer.briefs.snapshots``; both are re-exported here. Every write is an
operation of ``briefer.briefs.operations`` (one transaction each, returning its inverse,
its ``Changes`` and any new id), and every caller (the window's ``OperationCommand``, the
command line's ``cli/edit.py``) applies operations directly: one path per action.
"""

from __future__ import annotations

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

#: The reads and snapshot names are re-exported from ``reads`` and ``snapshots``.
__all__ = [
    "BRIEF_KEYS",
    "QUOTE_KEYS",
    "SECTION_KEYS",
    "SNAPSHOT_FORMAT",
    "VOLATILE_BRIEF_KEYS",
    "_PassageIndex",
    "brief_view",
    "clear_contents",
    "find_section",
    "get_brief",
    "get_snapshot",
    "iso_or_none",
    "list_briefs",
    "quote_dict",
    "refresh_brief",
    "resolve_topic",
    "restore_from_snapshot",
    "restore_quote",
    "restore_section",
    "restore_version_record",
    "section_dict",
    "snapshot_dict",
    "source_ref",
    "strip_volatile",
    "version_status",
]
