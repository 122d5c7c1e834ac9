"""The briefs service: reading briefs as frozen views, snapshots, and convenience writes.

Reads return the frozen values of ``briefer.briefs.model`` so the GUI and the exporters never
hold ORM objects. Every write goes through an operation of ``briefer.briefs.operations``
(one transaction each, invertible); the functions here apply one and return the new id.
Snapshots are plain JSON-able dicts: undo of a deletion, named versions and comparisons
all use the same shape.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.briefs import operations as ops
from briefer.briefs.model import BriefSummary, BriefView, QuoteView, SectionView, SourceRef
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

SNAPSHOT_FORMAT = 1
#: Keys of a snapshot's "brief" entry that every operation changes (bookkeeping, not content).
VOLATILE_BRIEF_KEYS = ("revision", "updated_at")

BRIEF_KEYS = (
    "title",
    "meeting_date",
    "venue",
    "organisation",
    "author",
    "marking",
    "objectives",
    "scene_setter",
)
SECTION_KEYS = (
    "topic_id",
    "heading",
    "position",
    "assessment",
    "assessment_comment",
    "lines_to_take",
    "if_asked",
    "background",
    "notes",
)
QUOTE_KEYS = (
    "source_id",
    "start",
    "end",
    "text",
    "display_text",
    "side",
    "side_overridden",
    "position",
    "suggested",
    "status",
)


# --------------------------------------------------------------------------- snapshots


def iso_or_none(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _parse_datetime(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"id": q.id, **{k: getattr(q, k) for k in QUOTE_KEYS}}


def section_dict(session: Session, section: BriefSection) -> dict[str, Any]:
    """A section with its quotes (industry column first, each in order)."""
    topic_name = None
    if section.topic_id is not None:
        topic_name = session.scalar(select(Topic.name).where(Topic.id == section.topic_id))
    quotes = session.scalars(
        select(Quote)
        .where(Quote.section_id == section.id)
        .order_by(Quote.side, Quote.position, Quote.id)  # industry column, then official
    )
    data: dict[str, Any] = {"id": section.id, "topic": topic_name}
    for key in SECTION_KEYS:
        value = getattr(section, key)
        data[key] = list(value) if isinstance(value, list | tuple) else value
    data["quotes"] = [quote_dict(q) for q in quotes]
    return data


def snapshot_dict(
    session: Session, brief_id: int, *, include_versions: bool = False
) -> dict[str, Any]:
    """Everything about a brief as JSON-able data, ids included (undo restores the same ids)."""
    brief = session.get(Brief, brief_id)
    if brief is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    head: dict[str, Any] = {"id": brief.id}
    for key in BRIEF_KEYS:
        head[key] = getattr(brief, key)
    head["meeting_date"] = iso_or_none(brief.meeting_date)
    head["created_at"] = iso_or_none(brief.created_at)
    head["updated_at"] = iso_or_none(brief.updated_at)
    head["revision"] = brief.revision
    sections = session.scalars(
        select(BriefSection)
        .where(BriefSection.brief_id == brief_id)
        .order_by(BriefSection.position, BriefSection.id)
    )
    snap: dict[str, Any] = {
        "format": SNAPSHOT_FORMAT,
        "brief": head,
        "sections": [section_dict(session, s) for s in sections],
    }
    if include_versions:
        versions = session.scalars(
            select(BriefVersion).where(BriefVersion.brief_id == brief_id).order_by(BriefVersion.id)
        )
        snap["versions"] = [
            {
                "id": v.id,
                "name": v.name,
                "taken_at": iso_or_none(v.taken_at),
                "snapshot": v.snapshot,
            }
            for v in versions
        ]
    return snap


def strip_volatile(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot without revision and updated_at: what "the same brief" compares."""
    out = dict(snapshot)
    out["brief"] = {k: v for k, v in snapshot["brief"].items() if k not in VOLATILE_BRIEF_KEYS}
    return out


def _free(session: Session, model: type, wanted: Any) -> Any:
    """Keep an id when nothing else holds it (undo restores the same ids); else a fresh one."""
    if wanted is None or session.get(model, wanted) is not None:
        return None
    return wanted


def restore_section(
    session: Session, brief_id: int, data: dict[str, Any], *, keep_ids: bool = True
) -> BriefSection:
    """Re-create a section and its quotes from a snapshot entry (positions as recorded;
    the caller renumbers). Quotes of sources deleted since are left out."""
    topic_id = data.get("topic_id")
    if topic_id is not None and session.get(Topic, topic_id) is None:
        topic_id = None
    section = BriefSection(
        id=_free(session, BriefSection, data.get("id")) if keep_ids else None,
        brief_id=brief_id,
        topic_id=topic_id,
        heading=data["heading"],
        position=data["position"],
        assessment=data.get("assessment", "none"),
        assessment_comment=data.get("assessment_comment", ""),
        lines_to_take=list(data.get("lines_to_take", [])),
        if_asked=list(data.get("if_asked", [])),
        background=data.get("background", ""),
        notes=data.get("notes", ""),
    )
    session.add(section)
    session.flush()
    for qd in data.get("quotes", []):
        restore_quote(session, section.id, qd, keep_ids=keep_ids)
    return section


def restore_quote(
    session: Session, section_id: int, data: dict[str, Any], *, keep_ids: bool = True
) -> Quote | None:
    if session.get(Source, data["source_id"]) is None:
        return None
    quote = Quote(
        id=_free(session, Quote, data.get("id")) if keep_ids else None,
        section_id=section_id,
        **{k: data[k] for k in QUOTE_KEYS},
    )
    session.add(quote)
    session.flush()
    return quote


def restore_version_record(
    session: Session, brief_id: int, data: dict[str, Any], *, keep_ids: bool = True
) -> BriefVersion:
    version = BriefVersion(
        id=_free(session, BriefVersion, data.get("id")) if keep_ids else None,
        brief_id=brief_id,
        name=data["name"],
        snapshot=data["snapshot"],
    )
    taken = _parse_datetime(data.get("taken_at"))
    if taken is not None:
        version.taken_at = taken
    session.add(version)
    session.flush()
    return version


def clear_contents(session: Session, brief_id: int) -> None:
    """Delete a brief's sections and quotes through the ORM (keeps the identity map honest)."""
    for q in session.scalars(
        select(Quote).join(BriefSection).where(BriefSection.brief_id == brief_id)
    ):
        session.delete(q)
    session.flush()
    for s in session.scalars(select(BriefSection).where(BriefSection.brief_id == brief_id)):
        session.delete(s)
    session.flush()


def restore_from_snapshot(
    session: Session,
    snapshot: dict[str, Any],
    *,
    brief_id: int | None = None,
    keep_ids: bool = True,
    include_versions: bool = False,
    title: str | None = None,
) -> Brief:
    """Write a snapshot back.

    With ``brief_id`` of an existing brief, its fields and sections are replaced (versions
    are kept). Otherwise a brief is created: with the snapshot's ids where they are free
    (``keep_ids``, undo of a deletion) or fresh ones (a duplicate). The caller commits.
    """
    head = snapshot["brief"]
    brief = session.get(Brief, brief_id) if brief_id is not None else None
    if brief is None:
        brief = Brief(
            id=_free(session, Brief, head.get("id")) if keep_ids else None,
            title=head["title"],
            revision=int(head.get("revision", 1)) if keep_ids else 1,
        )
        created = _parse_datetime(head.get("created_at")) if keep_ids else None
        if created is not None:
            brief.created_at = created
        session.add(brief)
        session.flush()
    else:
        clear_contents(session, brief.id)
    for key in BRIEF_KEYS:
        if key in head:
            setattr(brief, key, head[key])
    brief.meeting_date = _parse_date(head.get("meeting_date"))
    if title is not None:
        brief.title = title
    if keep_ids and head.get("updated_at"):
        brief.updated_at = _parse_datetime(head["updated_at"])  # type: ignore[assignment]
    session.flush()
    for sd in snapshot.get("sections", []):
        restore_section(session, brief.id, sd, keep_ids=keep_ids)
    if include_versions:
        for vd in snapshot.get("versions", []):
            restore_version_record(session, brief.id, vd, keep_ids=keep_ids)
    session.flush()
    ops.renumber_brief(session, brief.id)
    return brief


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
    )


class _PassageIndex:
    """Finds the passage a quote starts in (heading path and page for citations)."""

    def __init__(self, session: Session, source_ids: Iterable[int]) -> None:
        self._by_source: dict[int, list[tuple[int, int, str, int | None]]] = {}
        ids = sorted(set(source_ids))
        if ids:
            rows = session.execute(
                select(
                    Passage.source_id,
                    Passage.start,
                    Passage.end,
                    Passage.heading_path,
                    Passage.page,
                )
                .where(Passage.source_id.in_(ids))
                .order_by(Passage.source_id, Passage.start, Passage.ordinal)
            )
            for sid, start, end, path, page in rows:
                self._by_source.setdefault(sid, []).append((start, end, path, page))
        self._starts = {sid: [p[0] for p in ps] for sid, ps in self._by_source.items()}

    def locate(self, source_id: int, start: int, end: int) -> tuple[tuple[str, ...], int | None]:
        passages = self._by_source.get(source_id)
        if not passages:
            return (), None
        i = bisect_right(self._starts[source_id], start) - 1
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
                lines_to_take=tuple(s.lines_to_take or ()),
                if_asked=tuple(s.if_asked or ()),
                background=s.background,
                notes=s.notes,
                topic_id=s.topic_id,
                position=s.position,
            )
        )
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
        for bid, suggested, status, n in quote_rows:
            c = quotes.setdefault(bid, [0, 0, 0])
            c[0] += n
            c[1] += n if suggested else 0
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
