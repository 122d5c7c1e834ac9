"""Every change to a brief as a small, invertible operation: one transaction each.

``op.apply(store)`` makes the change in one ``UnitOfWork`` and returns the operation that
undoes it, so the GUI can wrap operations in undo commands while the core stays Qt-free:

    redo():  self.inverse = self.op.apply(store)
    undo():  self.op = self.inverse.apply(store)

Redo re-applies the *inverse's inverse* rather than the original operation, so a quote or
section brought back by undo/redo keeps its id and later commands on the stack still match.
Every operation bumps the brief's ``revision`` and ``updated_at``, records who made it
(``changed_by``/``changed_at`` and a ``brief_event`` row) and leaves positions dense (0..n-1
per brief for sections, per section and side for quotes).

Team stores: ``op.apply(store, seen=revisions)`` carries the revisions the caller's view was
based on (brief id → revision, updated in place after the change). If someone else changed a
brief since, the operation is refused with a ``ConflictError`` and nothing is saved; the row
versions of briefs, sections and quotes catch changes that race within the same moment.

This module gathers them all: the machinery (``Operation``, ``Context``, ``Compound``, checks)
is in ``operation_base``, the operations in ``brief_ops``, ``section_ops`` and ``quote_ops``.
"""

from __future__ import annotations

from briefer.briefs.brief_ops import (
    CreateBrief,
    DeleteBrief,
    DeleteVersion,
    DuplicateBrief,
    RestoreBrief,
    RestoreSnapshot,
    RestoreVersion,
    RestoreVersionRecord,
    TakeVersion,
    UpdateBriefFields,
)
from briefer.briefs.operation_base import (
    ASSESSMENTS,
    LIST_SECTION_FIELDS,
    QUOTE_STATUSES,
    SIDES,
    TEXT_SECTION_FIELDS,
    TRIM_SEPARATOR,
    BriefEditError,
    Compound,
    Context,
    Operation,
    check_trim,
    natural_side,
    renumber_brief,
)
from briefer.briefs.quote_ops import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddQuote,
    AddQuoteToTopic,
    DismissSuggestion,
    MoveQuote,
    RemoveQuote,
    RestoreQuote,
    SetQuoteAnchor,
    SetQuoteSide,
    SetSuggested,
    TrimQuote,
)
from briefer.briefs.section_ops import (
    AddSection,
    MoveSection,
    RemoveSection,
    RestoreSection,
    UpdateSectionFields,
)

__all__ = [
    "ASSESSMENTS",
    "LIST_SECTION_FIELDS",
    "QUOTE_STATUSES",
    "SIDES",
    "TEXT_SECTION_FIELDS",
    "TRIM_SEPARATOR",
    "AcceptAllSuggestions",
    "AcceptSuggestion",
    "AddQuote",
    "AddQuoteToTopic",
    "AddSection",
    "BriefEditError",
    "Compound",
    "Context",
    "CreateBrief",
    "DeleteBrief",
    "DeleteVersion",
    "DismissSuggestion",
    "DuplicateBrief",
    "MoveQuote",
    "MoveSection",
    "Operation",
    "RemoveQuote",
    "RemoveSection",
    "RestoreBrief",
    "RestoreQuote",
    "RestoreSection",
    "RestoreSnapshot",
    "RestoreVersion",
    "RestoreVersionRecord",
    "SetQuoteAnchor",
    "SetQuoteSide",
    "SetSuggested",
    "TakeVersion",
    "TrimQuote",
    "UpdateBriefFields",
    "UpdateSectionFields",
    "check_trim",
    "natural_side",
    "renumber_brief",
]
