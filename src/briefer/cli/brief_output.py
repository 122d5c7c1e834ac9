"""How a brief, a section, a quote and a version comparison print, as JSON and as text.

JSON shapes follow the contract (README, "JSON contract"): keys may be added, never renamed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.briefs.labels import ASSESSMENT_LABELS
from briefer.cli.output import as_dict, fmt_date

if TYPE_CHECKING:
    from briefer.briefs import verify, versions
    from briefer.briefs.model import BriefView, QuoteView, SectionView
    from briefer.store import Store


def quote_json(q: QuoteView) -> dict[str, Any]:
    return {
        "id": q.id,
        "source_id": q.source.id,
        "source_title": q.source.title,
        "source_short_title": q.source.short_title,
        "source_kind": q.source.kind,
        "source_date": q.source.date,
        "start": q.start,
        "end": q.end,
        "text": q.verbatim or q.text,
        "display_text": q.text if q.trimmed else None,
        "side": q.side,
        "side_overridden": q.side_overridden,
        "suggested": q.suggested,
        "status": q.status,
        "heading_path": list(q.heading_path),
        "page": q.page,
        "source_url": q.source.url,
        "source_reference": q.source.reference,
        "source_marking": q.source.marking,
    }


def section_json(s: SectionView, topic_name: str | None) -> dict[str, Any]:
    return {
        "id": s.id,
        "topic": topic_name or s.topic,
        "topic_id": s.topic_id,
        "heading": s.topic,
        "position": s.position,
        "assessment": s.assessment,
        "assessment_label": ASSESSMENT_LABELS.get(s.assessment, s.assessment),
        "assessment_comment": s.assessment_comment,
        "assessment_suggested": s.assessment_suggested,
        "industry": [quote_json(q) for q in s.industry],
        "official": [quote_json(q) for q in s.official],
        "context": [quote_json(q) for q in s.context],
        "lines_to_take": list(s.lines_to_take),
        "if_asked": list(s.if_asked),
        "background": s.background,
        "notes": s.notes,
    }


def brief_json(store: Store, view: BriefView) -> dict[str, Any]:
    from briefer.briefs import markings, service

    snap = service.get_snapshot(store, view.id)
    topics = {sd["id"]: sd.get("topic") for sd in snap["sections"]}
    return {
        "id": view.id,
        "title": view.title,
        "meeting_date": view.meeting_date,
        "venue": view.venue,
        "organisation": view.organisation,
        "author": view.author,
        "marking": view.marking,
        "objectives": view.objectives,
        "scene_setter": view.scene_setter,
        "revision": view.revision,
        "created_at": view.created_at,
        "updated_at": view.updated_at,
        "language": view.language,
        "purpose": view.purpose,
        "minister_ask": view.minister_ask,
        "key_messages": list(view.key_messages),
        "attendees": [{"name": a.name, "pen_picture": a.pen_picture} for a in view.attendees],
        "agenda": list(view.agenda),
        "handling": view.handling,
        "contact_officer": view.contact_officer,
        "contact_phone": view.contact_phone,
        "cleared_by": view.cleared_by,
        "reference": view.reference,
        "reference_date": view.reference_date,
        "marking_scheme": view.marking_scheme,
        "marking_caveats": list(view.marking_caveats),
        "marking_line": markings.compose(view.marking, view.marking_caveats),
        "copy_number": view.copy_number,
        "distribution": list(view.distribution),
        "version": view.version_label,
        "version_number": view.version_number,
        "status": view.status,
        "changed_since_version": view.changed_since_version,
        "sections": [section_json(s, topics.get(s.id)) for s in view.sections],
    }


def quote_line(q: QuoteView) -> str:
    flags = []
    if q.suggested:
        flags.append("suggested")
    if q.status != "ok":
        flags.append(q.status)
    if q.side_overridden:
        flags.append("side overridden")
    where = " › ".join(q.heading_path)
    cite = f"{q.source.short_title}" + (f", {where}" if where else "")
    cite += f", p. {q.page}" if q.page else ""
    flag = f"  ({', '.join(flags)})" if flags else ""
    text = q.text if len(q.text) <= 300 else q.text[:297] + "..."
    return f"    [{q.id}] “{text}”\n        — {cite} [#{q.source.id} {q.start}-{q.end}]{flag}"


def brief_text(view: BriefView) -> str:
    head = [f"#{view.id} {view.title}"]
    meta = [
        f"date: {fmt_date(view.meeting_date)}",
        f"venue: {view.venue or '—'}",
        f"marking: {view.marking or '—'}",
        f"revision {view.revision}",
    ]
    head.append("   ".join(meta))
    if view.organisation or view.author:
        head.append(f"organisation: {view.organisation or '—'}   author: {view.author or '—'}")
    if view.objectives:
        head += ["", "Objectives", *(f"  {line}" for line in view.objectives.splitlines())]
    if view.scene_setter:
        head += ["", "Scene setter", *(f"  {line}" for line in view.scene_setter.splitlines())]
    for n, s in enumerate(view.sections, 1):
        head += ["", f"{n}. {s.topic}  [section {s.id}]"]
        head.append(f"  Assessment: {ASSESSMENT_LABELS.get(s.assessment, s.assessment)}")
        if s.assessment_comment:
            head += [f"    {line}" for line in s.assessment_comment.splitlines()]
        columns = [("Industry position", s.industry), ("Official outcome", s.official)]
        if s.context:
            columns.append(("Context (press and analysis)", s.context))
        for label, quotes in columns:
            head.append(f"  {label} ({len(quotes)})")
            head += [quote_line(q) for q in quotes]
        for label, lines in (("Lines to take", s.lines_to_take), ("If asked", s.if_asked)):
            if lines:
                head.append(f"  {label}")
                head += [f"    - {line}" for line in lines]
        if s.background:
            head += ["  Background", *(f"    {line}" for line in s.background.splitlines())]
        if s.notes:
            head += ["  Notes (private)", *(f"    {line}" for line in s.notes.splitlines())]
    if not view.sections:
        head += ["", "No sections yet: `briefer brief draft ID --topic TOPIC`."]
    return "\n".join(head)


def check_json(c: verify.QuoteCheck) -> dict[str, Any]:
    return as_dict(c)


def diff_text(diff: versions.BriefDiff) -> str:
    lines = []
    for f in diff.fields:
        lines += [f"{f.field} changed:", *(f"  {x}" for x in f.diff.splitlines()[2:])]
    for s in diff.sections:
        if not s.changed:
            continue
        lines.append(f"{s.heading}: {s.status}")
        for f in s.fields:
            lines += [f"  {f.field}:", *(f"    {x}" for x in f.diff.splitlines()[2:])]
        for q in s.quotes:
            if q.status == "reworded":
                lines.append(f"  ~ {q.side} quote reworded: {q.diff[:300]}")
            elif q.status == "added":
                lines.append(f"  + {q.side}: “{(q.new_text or '')[:200]}”")
            else:
                lines.append(f"  - {q.side}: “{(q.old_text or '')[:200]}”")
    return "\n".join(lines) or "No changes since that version."
