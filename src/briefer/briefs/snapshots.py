"""Briefs as snapshots: plain JSON-able dicts, and re-creating briefs from them.

Undo of a deletion, named versions, comparisons and brief packs all use the same shape:
``{"format", "brief": {...}, "sections": [{..., "quotes": [...]}], "versions": [...]}``.
Ids are kept where they are free, so undo brings back the same rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.briefs.operation_base import renumber_brief
from briefer.errors import NotFoundError
from briefer.store.models import Brief, BriefSection, BriefVersion, Quote, Source, Topic

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
    # front page and markings (schema 0008)
    "language",
    "purpose",
    "minister_ask",
    "key_messages",
    "attendees",
    "agenda",
    "handling",
    "contact_officer",
    "contact_phone",
    "cleared_by",
    "reference",
    "reference_date",
    "marking_scheme",
    "marking_caveats",
    "copy_number",
    "distribution",
)
#: Brief keys holding lists (JSON); "attendees" holds {"name", "pen_picture"} dicts.
BRIEF_LIST_KEYS = ("key_messages", "attendees", "agenda", "marking_caveats", "distribution")
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
    "assessment_suggested",
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
        value = getattr(brief, key)
        head[key] = (
            [dict(v) if isinstance(v, dict) else v for v in value]
            if isinstance(value, list)
            else value
        )
    head["meeting_date"] = iso_or_none(brief.meeting_date)
    head["reference_date"] = iso_or_none(brief.reference_date)
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
        assessment_suggested=bool(data.get("assessment_suggested", False)),
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
            value = head[key]
            setattr(brief, key, list(value) if key in BRIEF_LIST_KEYS else value)
    brief.meeting_date = _parse_date(head.get("meeting_date"))
    if "reference_date" in head:
        brief.reference_date = _parse_date(head.get("reference_date"))
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
    renumber_brief(session, brief.id)
    return brief
