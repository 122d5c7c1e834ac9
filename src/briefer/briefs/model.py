"""Plain, frozen values that the briefs service returns and the exporters render.

They never hold ORM objects, so they can cross threads and outlive a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from briefer.briefs.labels import ASSESSMENT_LABELS as ASSESSMENT_LABELS  # re-exported

Side = Literal["industry", "official", "context"]
SourceKind = Literal["industry", "official", "other"]
Assessment = Literal["aligned", "partly", "divergent", "not_addressed", "official_only", "none"]


#: Classification levels of the known schemes (briefer.briefs.markings); LIMITE and 取扱注意
#: are distribution/handling labels, set as caveats, not levels.
MARKING_PRESETS: tuple[str, ...] = (
    "",
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "RESTREINT UE/EU RESTRICTED",
    "機密性2",
    "機密性3",
)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """What a citation and the annex need to know about a source."""

    id: int
    title: str
    short_title: str
    kind: SourceKind
    organisations: tuple[str, ...]
    date: date | None
    origin: str
    language: str
    url: str = ""
    reference: str = ""
    marking: str = ""


@dataclass(frozen=True, slots=True)
class Attendee:
    """Someone at the meeting, with the short pen picture a brief gives the minister."""

    name: str
    pen_picture: str = ""


@dataclass(frozen=True, slots=True)
class QuoteView:
    id: int
    side: Side
    source: SourceRef
    start: int
    end: int
    text: str  # the verbatim span, or the trimmed form when an ellipsis trim was recorded
    heading_path: tuple[str, ...] = ()
    page: int | None = None
    suggested: bool = False
    status: Literal["ok", "moved", "changed"] = "ok"
    # The verbatim span ``source.text[start:end]`` (``text`` may be the trimmed form).
    verbatim: str = ""
    trimmed: bool = False
    side_overridden: bool = False
    #: For an industry quote holding asks of the ledger: their status, and why (evidence).
    ask_status: str | None = None
    ask_evidence: str = ""


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One row of a section's ledger: an industry quote (an ask), the official quotes that
    answer it, and the ask's status (None when the quote holds no ask of the ledger). A row
    without an industry quote holds an official quote that answers none of them."""

    industry: QuoteView | None
    official: tuple[QuoteView, ...]
    status: str | None
    #: The answer is an official quote already shown in an earlier row (never quoted twice).
    answered_above: bool = False


@dataclass(frozen=True, slots=True)
class SectionView:
    id: int
    topic: str
    assessment: Assessment
    assessment_comment: str
    industry: tuple[QuoteView, ...]
    official: tuple[QuoteView, ...]
    lines_to_take: tuple[str, ...]
    if_asked: tuple[str, ...]
    background: str
    notes: str
    topic_id: int | None = None
    position: int = 0
    #: The assessment is drafting's proposal, not yet reviewed by the officer.
    assessment_suggested: bool = False
    #: The section as ledger rows (briefs/ledger_rows.py); empty when no quote is an ask.
    ledger: tuple[LedgerRow, ...] = ()
    #: Press and analysis (``other`` sources) quoted as context, never as an outcome.
    context: tuple[QuoteView, ...] = ()

    @property
    def quotes(self) -> tuple[QuoteView, ...]:
        """Every quote of the section, column by column (industry, official, context)."""
        return (*self.industry, *self.official, *self.context)


@dataclass(frozen=True, slots=True)
class BriefView:
    id: int
    title: str
    meeting_date: date | None
    venue: str
    organisation: str
    author: str
    marking: str
    objectives: str
    scene_setter: str
    sections: tuple[SectionView, ...]
    version_label: str = "Draft"
    updated_at: datetime | None = None
    created_at: datetime | None = None
    revision: int = 0
    # The front page (all optional) and how the brief is marked.
    language: str = "en"
    purpose: str = ""
    minister_ask: str = ""
    key_messages: tuple[str, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[str, ...] = ()
    handling: str = ""
    contact_officer: str = ""
    contact_phone: str = ""
    cleared_by: str = ""
    reference: str = ""
    reference_date: date | None = None
    marking_scheme: str = ""
    marking_caveats: tuple[str, ...] = ()
    copy_number: str = ""
    distribution: tuple[str, ...] = ()
    #: From the brief's named versions: "Final" when nothing changed since a version so
    #: named; "Draft" otherwise. ``version_label`` names the newest version ("" if none).
    status: str = "Draft"
    version_number: int = 0
    version_taken_at: datetime | None = None
    changed_since_version: bool = False

    def cited_sources(self) -> list[SourceRef]:
        """Sources in order of first citation: the annex numbering."""
        seen: dict[int, SourceRef] = {}
        for section in self.sections:
            for quote in section.quotes:
                seen.setdefault(quote.source.id, quote.source)
        return list(seen.values())


@dataclass(frozen=True, slots=True)
class BriefSummary:
    """One row of the brief list: enough to choose a brief without loading it."""

    id: int
    title: str
    meeting_date: date | None
    venue: str
    organisation: str
    author: str
    marking: str
    updated_at: datetime | None
    revision: int
    section_count: int = 0
    quote_count: int = 0
    suggested_count: int = 0
    flagged_count: int = 0  # quotes whose status is not "ok"
