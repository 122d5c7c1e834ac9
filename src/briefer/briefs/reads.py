"""Reading briefs as frozen views, selecting only the columns a view needs.

Reads return the frozen values of ``briefer.briefs.model`` so the GUI and the exporters never
hold ORM objects. A cited source is read as the columns of its ``SourceRef`` only: a source's
text may hold 20 million characters and no brief view needs it (the quote keeps its own
words). :func:`refresh_brief` brings a view up to date after an edit by re-reading only the
sections the edit changed (``Changes.section_ids``), so an edit never reloads the whole brief.
Writes are operations (``briefer.briefs.operations``), applied by their callers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.briefs.ledger_rows import attach_ledger
from briefer.briefs.model import (
    Attendee,
    BriefSummary,
    BriefView,
    QuoteView,
    SectionView,
    SourceRef,
)
from briefer.briefs.snapshots import snapshot_dict
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

#: The columns of a source that a brief view shows (never its text).
SOURCE_REF_COLUMNS = (
    Source.id,
    Source.title,
    Source.short_title,
    Source.kind,
    Source.organisations,
    Source.date,
    Source.origin,
    Source.language,
    Source.url,
    Source.reference,
    Source.marking,
)


def source_ref(src: Any) -> SourceRef:
    """The citation of a source (an ORM row or a row of ``SOURCE_REF_COLUMNS``)."""
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
    count = session.scalar(
        select(func.count()).select_from(BriefVersion).where(BriefVersion.brief_id == brief.id)
    )
    if not count:
        return {"version_label": "", "status": "Draft", "version_number": 0}
    newest = session.execute(  # the snapshot of the newest version only
        select(BriefVersion.name, BriefVersion.taken_at, BriefVersion.snapshot)
        .where(BriefVersion.brief_id == brief.id)
        .order_by(BriefVersion.id.desc())
        .limit(1)
    ).one()
    name, taken_at, snap = newest
    taken_rev = (snap or {}).get("brief", {}).get("revision")
    changed = not (isinstance(taken_rev, int) and brief.revision == taken_rev + 1)
    final = not changed and _FINAL.search(name or "") is not None
    return {
        "version_label": name,
        "status": "Final" if final else "Draft",
        "version_number": count,
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


def _section_rows(session: Session, brief_id: int, ids: Collection[int] | None = None) -> list:
    query = select(BriefSection).where(BriefSection.brief_id == brief_id)
    if ids is not None:
        query = query.where(BriefSection.id.in_(ids))
    return list(session.scalars(query.order_by(BriefSection.position, BriefSection.id)))


def section_views(
    session: Session, sections: Sequence[BriefSection], *, include_suggested: bool = True
) -> list[SectionView]:
    """The views of some sections of a brief: their quotes, citations and ledger rows."""
    if not sections:
        return []
    quotes = list(
        session.scalars(
            select(Quote)
            .where(Quote.section_id.in_([s.id for s in sections]))
            .order_by(Quote.section_id, Quote.side, Quote.position, Quote.id)
        )
    )
    if not include_suggested:
        quotes = [q for q in quotes if not q.suggested]
    cited = {q.source_id for q in quotes}
    refs = (
        {
            row.id: source_ref(row)
            for row in session.execute(select(*SOURCE_REF_COLUMNS).where(Source.id.in_(cited)))
        }
        if cited
        else {}
    )
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
    return attach_ledger(session, views)


def _brief_row(session: Session, brief_id: int) -> Brief:
    brief = session.get(Brief, brief_id)
    if brief is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    return brief


def _brief_value(session: Session, brief: Brief, sections: Sequence[SectionView]) -> BriefView:
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
        sections=tuple(sections),
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


def brief_view(session: Session, brief_id: int, *, include_suggested: bool = True) -> BriefView:
    brief = _brief_row(session, brief_id)
    sections = _section_rows(session, brief_id)
    return _brief_value(
        session, brief, section_views(session, sections, include_suggested=include_suggested)
    )


def refresh_brief(
    store: Store, old: BriefView, section_ids: Iterable[int], *, layout: bool = False
) -> BriefView:
    """``old`` brought up to date after an edit that changed the sections ``section_ids``
    (and, with ``layout``, which sections the brief has or their order): the brief's own
    fields are read again, and only those sections; every other section view is kept.

    Raises ``NotFoundError`` if the brief is gone."""
    changed = set(section_ids)
    known = {v.id: v for v in old.sections}
    with ReadSession(store) as s:
        brief = _brief_row(s, old.id)
        if layout:
            order = list(
                s.scalars(
                    select(BriefSection.id)
                    .where(BriefSection.brief_id == old.id)
                    .order_by(BriefSection.position, BriefSection.id)
                )
            )
        else:
            order = list(known)
        wanted = {i for i in order if i in changed or i not in known}
        fresh = {
            v.id: v for v in section_views(s, _section_rows(s, old.id, wanted) if wanted else [])
        }
        sections = [fresh.get(i) or known[i] for i in order if i in fresh or i in known]
        return _brief_value(s, brief, sections)


def get_brief(store: Store, brief_id: int, include_suggested: bool = True) -> BriefView:
    """The brief as the editor and the exporters see it (suggestions left out on request)."""
    with ReadSession(store) as s:
        return brief_view(s, brief_id, include_suggested=include_suggested)


def text_fields(store: Store, kind: str, ident: int, names: Sequence[str]) -> dict[str, str]:
    """Some text fields of one brief (``kind`` "brief") or section ("section") as stored."""
    model = Brief if kind == "brief" else BriefSection
    with ReadSession(store) as s:
        row = s.execute(
            select(*(getattr(model, name) for name in names)).where(model.id == ident)
        ).first()
    if row is None:
        raise NotFoundError(f"{'Brief' if kind == 'brief' else 'Section'} #{ident} not found.")
    return dict(zip(names, row, strict=True))


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
        columns = (
            Brief.id,
            Brief.title,
            Brief.meeting_date,
            Brief.venue,
            Brief.organisation,
            Brief.author,
            Brief.marking,
            Brief.updated_at,
            Brief.revision,
        )
        for b in s.execute(select(*columns).order_by(Brief.updated_at.desc(), Brief.id.desc())):
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
