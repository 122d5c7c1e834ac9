"""The briefs service: reading briefs as frozen views, snapshots, and convenience writes.

Reads return the frozen values of ``briefer.briefs.model`` so the GUI and the exporters never
hold ORM objects. Every write goes through an operation of ``briefer.briefs.operations``
(one transaction each, invertible); the functions here apply one and return the new id.
Snapshots are plain JSON-able dicts: undo of a deletion, named versions and comparisons
all use the same shape (``briefer.briefs.snapshots``, re-exported here).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.briefs import operations as ops
from briefer.briefs.ledger_rows import attach_ledger
from briefer.briefs.model import (
    Attendee,
    BriefSummary,
    BriefView,
    QuoteView,
    SectionView,
    SourceRef,
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
from briefer.errors import NotFoundError
from briefer.library.topics import find_topic
from briefer.library.views import split_path
from briefer.store import ReadSession, Store
from briefer.store.models import (
    Brief,
    BriefSection,
    BriefVersion,
    Passage,
    Quote,
    Source,
    Topic,
)

#: The snapshot names are re-exported from ``briefer.briefs.snapshots``.
__all__ = [
    "BRIEF_KEYS",
    "QUOTE_KEYS",
    "SECTION_KEYS",
    "SNAPSHOT_FORMAT",
    "VOLATILE_BRIEF_KEYS",
    "accept_all_suggestions",
    "accept_suggestion",
    "add_quote",
    "add_quote_for_topic",
    "add_section",
    "brief_view",
    "clear_contents",
    "create_brief",
    "delete_brief",
    "dismiss_suggestion",
    "duplicate_brief",
    "find_section",
    "get_brief",
    "get_snapshot",
    "iso_or_none",
    "list_briefs",
    "move_quote",
    "move_section",
    "quote_dict",
    "remove_quote",
    "remove_section",
    "resolve_topic",
    "restore_from_snapshot",
    "restore_quote",
    "restore_section",
    "restore_version_record",
    "section_dict",
    "set_quote_side",
    "snapshot_dict",
    "source_ref",
    "strip_volatile",
    "trim_quote",
    "update_brief",
    "update_section",
]

# --------------------------------------------------------------------------- reads


def source_ref(src: Source) -> SourceRef:
    return SourceRef(
        id=src.id,
        title=src.title,
        short_title=src.short_title or src.title,
        kind=src.kind,  # type: ignore[arg-type]
        organisations=tuple(src.organisations or ()),
        date=src.date,
        origin=src.origin,
        language=src.language,
        url=src.url or "",
        reference=src.reference or "",
        marking=src.marking or "",
    )


_FINAL = re.compile(r"\bfinal\b|最終", re.IGNORECASE)


def version_status(session: Session, brief: Brief) -> dict[str, Any]:
    """Version and status from the brief's named versions.

    The newest version names the version; the brief is unchanged since it when its revision
    is the one that version took (taking a version bumps the revision once). Status is
    "Final" only for an unchanged brief whose newest version is called final; else "Draft".
    """
    rows = session.execute(
        select(BriefVersion.name, BriefVersion.taken_at, BriefVersion.snapshot)
        .where(BriefVersion.brief_id == brief.id)
        .order_by(BriefVersion.id)
    ).all()
    if not rows:
        return {"version_label": "", "status": "Draft", "version_number": 0}
    name, taken_at, snap = rows[-1]
    taken_rev = (snap or {}).get("brief", {}).get("revision")
    changed = not (isinstance(taken_rev, int) and brief.revision == taken_rev + 1)
    final = not changed and _FINAL.search(name or "") is not None
    return {
        "version_label": name,
        "status": "Final" if final else "Draft",
        "version_number": len(rows),
        "version_taken_at": taken_at,
        "changed_since_version": changed,
    }


class _PassageIndex:
    """Finds the passage a quote starts in (heading path and page for citations).

    The passages of an ordinary source are read at once (one query for a brief of a
    thousand quotes); a source of more than ``WHOLE`` passages (a 300-page report: 100,000)
    is asked per quote, through the ``(source_id, start)`` index.
    """

    WHOLE = 2000

    def __init__(self, session: Session, source_ids: Iterable[int]) -> None:
        self._session = session
        self._by_source: dict[int, list[tuple[int, int, str, int | None]]] = {}
        ids = sorted(set(source_ids))
        counts = (
            dict(
                session.execute(
                    select(Passage.source_id, func.count())
                    .where(Passage.source_id.in_(ids))
                    .group_by(Passage.source_id)
                ).all()
            )
            if ids
            else {}
        )
        self._large = {sid for sid, n in counts.items() if n > self.WHOLE}
        small = [sid for sid in ids if sid not in self._large]
        if small:
            rows = session.execute(
                select(*self._columns())
                .where(Passage.source_id.in_(small))
                .order_by(Passage.source_id, Passage.start, Passage.ordinal)
            )
            for sid, start, end, path, page in rows:
                self._by_source.setdefault(sid, []).append((start, end, path, page))
        self._starts = {sid: [p[0] for p in ps] for sid, ps in self._by_source.items()}

    @staticmethod
    def _columns() -> tuple[Any, ...]:
        return (Passage.source_id, Passage.start, Passage.end, Passage.heading_path, Passage.page)

    def _around(self, source_id: int, start: int) -> list[tuple[int, int, str, int | None]]:
        """The passage starting at or before ``start`` and the one after, from the index."""
        near = Passage.source_id == source_id
        before = self._session.execute(
            select(*self._columns())
            .where(near, Passage.start <= start)
            .order_by(Passage.start.desc())
            .limit(1)
        ).all()
        after = self._session.execute(
            select(*self._columns())
            .where(near, Passage.start > start)
            .order_by(Passage.start)
            .limit(1)
        ).all()
        return [tuple(r[1:]) for r in (*before, *after)]  # type: ignore[misc]

    def locate(self, source_id: int, start: int, end: int) -> tuple[tuple[str, ...], int | None]:
        if source_id in self._large:
            passages = self._around(source_id, start)
            starts = [p[0] for p in passages]
        else:
            passages = self._by_source.get(source_id, [])
            starts = self._starts.get(source_id, [])
        if not passages:
            return (), None
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < passages[i][1]:
            hit = passages[i]
        elif i + 1 < len(passages) and passages[i + 1][0] < end:
            hit = passages[i + 1]  # the quote starts in the blank space before a passage
        elif i >= 0:
            hit = passages[i]
        else:
            hit = passages[0]
        return split_path(hit[2]), hit[3]


def _quote_view(q: Quote, ref: SourceRef, index: _PassageIndex) -> QuoteView:
    path, page = index.locate(q.source_id, q.start, q.end)
    return QuoteView(
        id=q.id,
        side=q.side,  # type: ignore[arg-type]
        source=ref,
        start=q.start,
        end=q.end,
        text=q.display_text or q.text,
        heading_path=path,
        page=page,
        suggested=q.suggested,
        status=q.status,  # type: ignore[arg-type]
        verbatim=q.text,
        trimmed=bool(q.display_text),
        side_overridden=q.side_overridden,
    )


def brief_view(session: Session, brief_id: int, *, include_suggested: bool = True) -> BriefView:
    brief = session.get(Brief, brief_id)
    if brief is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    sections = list(
        session.scalars(
            select(BriefSection)
            .where(BriefSection.brief_id == brief_id)
            .order_by(BriefSection.position, BriefSection.id)
        )
    )
    quotes = list(
        session.scalars(
            select(Quote)
            .where(Quote.section_id.in_([s.id for s in sections]))
            .order_by(Quote.section_id, Quote.side, Quote.position, Quote.id)
        )
    )
    if not include_suggested:
        quotes = [q for q in quotes if not q.suggested]
    refs = {
        src.id: source_ref(src)
        for src in session.scalars(
            select(Source).where(Source.id.in_({q.source_id for q in quotes}))
        )
    }
    index = _PassageIndex(session, refs)
    by_section: dict[int, list[Quote]] = {}
    for q in quotes:
        by_section.setdefault(q.section_id, []).append(q)
    views = []
    for s in sections:
        qs = by_section.get(s.id, [])
        views.append(
            SectionView(
                id=s.id,
                topic=s.heading,
                assessment=s.assessment,  # type: ignore[arg-type]
                assessment_comment=s.assessment_comment,
                industry=tuple(
                    _quote_view(q, refs[q.source_id], index) for q in qs if q.side == "industry"
                ),
                official=tuple(
                    _quote_view(q, refs[q.source_id], index) for q in qs if q.side == "official"
                ),
                context=tuple(
                    _quote_view(q, refs[q.source_id], index) for q in qs if q.side == "context"
                ),
                lines_to_take=tuple(s.lines_to_take or ()),
                if_asked=tuple(s.if_asked or ()),
                background=s.background,
                notes=s.notes,
                topic_id=s.topic_id,
                position=s.position,
                assessment_suggested=bool(s.assessment_suggested),
            )
        )
    # --- asks ledger: each section also as ledger rows (briefs/ledger_rows.py) ---
    views = attach_ledger(session, views)
    # --- end asks ledger ---
    return BriefView(
        id=brief.id,
        title=brief.title,
        meeting_date=brief.meeting_date,
        venue=brief.venue,
        organisation=brief.organisation,
        author=brief.author,
        marking=brief.marking,
        objectives=brief.objectives,
        scene_setter=brief.scene_setter,
        sections=tuple(views),
        updated_at=brief.updated_at,
        created_at=brief.created_at,
        revision=brief.revision,
        language=brief.language or "en",
        purpose=brief.purpose or "",
        minister_ask=brief.minister_ask or "",
        key_messages=tuple(brief.key_messages or ()),
        attendees=tuple(
            Attendee(str(a.get("name", "")), str(a.get("pen_picture", "")))
            for a in (brief.attendees or ())
            if isinstance(a, dict)
        ),
        agenda=tuple(brief.agenda or ()),
        handling=brief.handling or "",
        contact_officer=brief.contact_officer or "",
        contact_phone=brief.contact_phone or "",
        cleared_by=brief.cleared_by or "",
        reference=brief.reference or "",
        reference_date=brief.reference_date,
        marking_scheme=brief.marking_scheme or "",
        marking_caveats=tuple(brief.marking_caveats or ()),
        copy_number=brief.copy_number or "",
        distribution=tuple(brief.distribution or ()),
        **version_status(session, brief),
    )


def get_brief(store: Store, brief_id: int, include_suggested: bool = True) -> BriefView:
    """The brief as the editor and the exporters see it (suggestions left out on request)."""
    with ReadSession(store) as s:
        return brief_view(s, brief_id, include_suggested=include_suggested)


def list_briefs(store: Store) -> list[BriefSummary]:
    """All briefs, most recently changed first."""
    with ReadSession(store) as s:
        sections = dict(
            s.execute(
                select(BriefSection.brief_id, func.count()).group_by(BriefSection.brief_id)
            ).all()
        )
        quote_rows = s.execute(
            select(BriefSection.brief_id, Quote.suggested, Quote.status, func.count())
            .join(BriefSection, BriefSection.id == Quote.section_id)
            .group_by(BriefSection.brief_id, Quote.suggested, Quote.status)
        )
        quotes: dict[int, list[int]] = {}
        for bid, is_suggestion, status, n in quote_rows:
            c = quotes.setdefault(bid, [0, 0, 0])
            c[0] += n
            c[1] += n if is_suggestion else 0
            c[2] += n if status != "ok" else 0
        out = []
        for b in s.scalars(select(Brief).order_by(Brief.updated_at.desc(), Brief.id.desc())):
            total, suggested, flagged = quotes.get(b.id, [0, 0, 0])
            out.append(
                BriefSummary(
                    id=b.id,
                    title=b.title,
                    meeting_date=b.meeting_date,
                    venue=b.venue,
                    organisation=b.organisation,
                    author=b.author,
                    marking=b.marking,
                    updated_at=b.updated_at,
                    revision=b.revision,
                    section_count=sections.get(b.id, 0),
                    quote_count=total,
                    suggested_count=suggested,
                    flagged_count=flagged,
                )
            )
        return out


def get_snapshot(store: Store, brief_id: int, *, include_versions: bool = False) -> dict[str, Any]:
    with ReadSession(store) as s:
        return snapshot_dict(s, brief_id, include_versions=include_versions)


def resolve_topic(session: Session, topic: str | int) -> Topic:
    if isinstance(topic, int):
        t = session.get(Topic, topic)
        if t is None:
            raise NotFoundError(f"There is no topic #{topic}.")
        return t
    return find_topic(session, topic)


def find_section(store: Store, brief_id: int, topic: str | int) -> int | None:
    """The id of the brief's section for a topic, if it has one."""
    with ReadSession(store) as s:
        t = resolve_topic(s, topic)
        return s.scalar(
            select(BriefSection.id)
            .where(BriefSection.brief_id == brief_id, BriefSection.topic_id == t.id)
            .order_by(BriefSection.position)
            .limit(1)
        )


# --------------------------------------------------------------------------- writes


def create_brief(store: Store, title: str, **fields: Any) -> int:
    inverse = ops.CreateBrief(title, fields).apply(store)
    assert isinstance(inverse, ops.DeleteBrief)
    return inverse.brief_id


def update_brief(store: Store, brief_id: int, **fields: Any) -> None:
    ops.UpdateBriefFields(brief_id, fields).apply(store)


def delete_brief(store: Store, brief_id: int) -> None:
    ops.DeleteBrief(brief_id).apply(store)


def duplicate_brief(store: Store, brief_id: int, new_title: str | None = None) -> int:
    inverse = ops.DuplicateBrief(brief_id, new_title).apply(store)
    assert isinstance(inverse, ops.DeleteBrief)
    return inverse.brief_id


def add_section(
    store: Store,
    brief_id: int,
    topic: str | int | None = None,
    heading: str = "",
    position: int | None = None,
) -> int:
    topic_id = None
    if topic is not None:
        with ReadSession(store) as s:
            topic_id = resolve_topic(s, topic).id
    inverse = ops.AddSection(brief_id, topic_id, heading, position).apply(store)
    assert isinstance(inverse, ops.RemoveSection)
    return inverse.section_id


def remove_section(store: Store, section_id: int) -> None:
    ops.RemoveSection(section_id).apply(store)


def move_section(store: Store, section_id: int, new_position: int) -> None:
    ops.MoveSection(section_id, new_position).apply(store)


def update_section(store: Store, section_id: int, **fields: Any) -> None:
    ops.UpdateSectionFields(section_id, fields).apply(store)


def add_quote(
    store: Store,
    section_id: int,
    source_id: int,
    start: int,
    end: int,
    side: str | None = None,
    position: int | None = None,
    suggested: bool = False,
) -> int:
    inverse = ops.AddQuote(section_id, source_id, start, end, side, position, suggested).apply(
        store
    )
    assert isinstance(inverse, ops.RemoveQuote)
    return inverse.quote_id


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
    inverse = ops.AddQuoteToTopic(brief_id, topic_id, source_id, start, end, side).apply(store)
    assert isinstance(inverse, ops.Compound)
    removal = next(op for op in inverse.ops if isinstance(op, ops.RemoveQuote))
    with ReadSession(store) as s:
        quote = s.get(Quote, removal.quote_id)
        assert quote is not None
        return quote.section_id, quote.id


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


def set_quote_side(store: Store, quote_id: int, side: str | None) -> None:
    ops.SetQuoteSide(quote_id, side).apply(store)


def trim_quote(store: Store, quote_id: int, display_text: str | None) -> None:
    ops.TrimQuote(quote_id, display_text).apply(store)


def accept_suggestion(store: Store, quote_id: int) -> None:
    ops.AcceptSuggestion(quote_id).apply(store)


def dismiss_suggestion(store: Store, quote_id: int) -> None:
    ops.DismissSuggestion(quote_id).apply(store)


def accept_all_suggestions(
    store: Store, *, section_id: int | None = None, brief_id: int | None = None
) -> int:
    """Accept every suggestion of a section or a whole brief; returns how many."""
    inverse = ops.AcceptAllSuggestions(section_id=section_id, brief_id=brief_id).apply(store)
    assert isinstance(inverse, ops.Compound)
    return len(inverse.ops)
