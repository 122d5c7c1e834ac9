"""CLI handlers for briefs (brief new/list/show/draft/add-quote/verify/snapshot/versions/
compare/accept/restore/duplicate/delete) and the library overviews (coverage, gaps, timeline).

JSON shapes follow the contract in ``briefer.cli``: keys may be added, never renamed.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from briefer import cli
from briefer.briefs import coverage as coverage_service
from briefer.briefs import drafting, markings, service, verify, versions
from briefer.briefs.model import ASSESSMENT_LABELS, BriefView, QuoteView, SectionView
from briefer.cli import _command, _count, _date, _fmt_date, _id, _offset, emit
from briefer.errors import BrieferError
from briefer.store import Store


def _add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    brief = sub.add_parser("brief", parents=[common], help="prepare meeting briefs")
    b = brief.add_subparsers(dest="action", required=True, metavar="ACTION")

    new = b.add_parser("new", parents=[common], help="start a brief for a meeting")
    new.add_argument("title")
    new.add_argument("--date", type=_date, help="meeting date, YYYY-MM-DD")
    new.add_argument("--venue", default="")
    new.add_argument("--organisation", default="")
    new.add_argument("--author", default="")
    new.add_argument("--marking", default="", help="protective marking, e.g. OFFICIAL-SENSITIVE")
    new.add_argument("--objectives", default="")
    new.add_argument("--scene-setter", default="")

    _add_front_page_options(new)

    st = b.add_parser("set", parents=[common], help="edit the brief's details and front page")
    st.add_argument("id", type=int)
    st.add_argument("--title")
    st.add_argument("--date", help="meeting date, YYYY-MM-DD ('' clears it)")
    st.add_argument("--venue")
    st.add_argument("--organisation")
    st.add_argument("--author")
    st.add_argument("--marking", help="classification level, e.g. OFFICIAL-SENSITIVE, 機密性2")
    st.add_argument("--objectives")
    st.add_argument("--scene-setter")
    _add_front_page_options(st)
    st.add_argument(
        "--clear",
        action="append",
        default=[],
        choices=_LIST_OPTIONS,
        help="empty a list field (repeatable)",
    )

    sec = b.add_parser("section", parents=[common], help="edit one section of a brief")
    sec.add_argument("id", type=int)
    sec.add_argument("section", help="section id, or the section's topic")
    sec.add_argument("--heading")
    sec.add_argument("--assessment", help=f"one of {', '.join(ASSESSMENT_LABELS)} (or its label)")
    sec.add_argument("--assessment-comment", "--comment", dest="assessment_comment")
    sec.add_argument(
        "--accept-assessment",
        action="store_true",
        help="the proposed assessment has been reviewed: export it as the officer's",
    )
    sec.add_argument("--lines-to-take", action="append", metavar="POINT", help="repeatable")
    sec.add_argument("--if-asked", action="append", metavar="POINT", help="repeatable")
    sec.add_argument("--background")
    sec.add_argument("--notes", help="private notes (exported only with --notes)")
    sec.add_argument("--clear", action="append", default=[], choices=("lines-to-take", "if-asked"))

    qu = b.add_parser("quote", parents=[common], help="remove, move or trim a quote")
    qa = qu.add_subparsers(dest="quote_action", required=True, metavar="ACTION")
    qr = qa.add_parser("remove", parents=[common], help="take a quote out of the brief")
    qr.add_argument("id", type=int)
    qr.add_argument("quote", type=int)
    qm = qa.add_parser("move", parents=[common], help="reorder, or move to a section or side")
    qm.add_argument("id", type=int)
    qm.add_argument("quote", type=int)
    qm.add_argument("--section", help="target section id or topic (default: the same)")
    qm.add_argument("--side", choices=("industry", "official", "context"))
    qm.add_argument("--position", type=int, help="1 = first in its column (default: last)")
    qt = qa.add_parser("trim", parents=[common], help="show a quote shortened with …")
    qt.add_argument("id", type=int)
    qt.add_argument("quote", type=int)
    trim = qt.add_mutually_exclusive_group(required=True)
    trim.add_argument("--text", help="the quote with left-out words replaced by …")
    trim.add_argument("--clear", action="store_true", help="show the whole quote again")

    b.add_parser("list", parents=[common], help="list briefs")

    show = b.add_parser("show", parents=[common], help="a brief with its sections and quotes")
    show.add_argument("id", type=_id)
    show.add_argument("--no-suggested", action="store_true", help="leave suggestions out")

    dr = b.add_parser("draft", parents=[common], help="suggest quotes for topics")
    dr.add_argument("id", type=_id)
    dr.add_argument("--topic", action="append", required=True, help="topic (repeatable)")
    dr.add_argument("--per-side", type=_count, default=3)
    dr.add_argument(
        "--include-other", action="store_true", help="also draw on 'other' sources (official side)"
    )
    dr.add_argument(
        "--context",
        action="store_true",
        help="quote press and analysis ('other' sources) in a Context column of their own",
    )

    aq = b.add_parser("add-quote", parents=[common], help="quote a span of a source")
    aq.add_argument("id", type=_id)
    aq.add_argument("--topic", required=True)
    aq.add_argument("--source", type=_id, required=True)
    aq.add_argument("--start", type=_offset, required=True)
    aq.add_argument("--end", type=_offset, required=True)
    aq.add_argument("--side", choices=("industry", "official", "context"))

    ve = b.add_parser("verify", parents=[common], help="check every quote against its source")
    ve.add_argument("id", type=_id)

    sn = b.add_parser("snapshot", parents=[common], help="save a named version")
    sn.add_argument("id", type=_id)
    sn.add_argument("--name", default="")

    vs = b.add_parser("versions", parents=[common], help="list saved versions")
    vs.add_argument("id", type=_id)

    cmp_ = b.add_parser("compare", parents=[common], help="what changed since a version")
    cmp_.add_argument("id", type=_id)
    cmp_.add_argument("version_id", type=_id)

    rs = b.add_parser("restore", parents=[common], help="go back to a saved version")
    rs.add_argument("id", type=_id)
    rs.add_argument("version_id", type=_id)

    ac = b.add_parser("accept", parents=[common], help="accept suggested quotes")
    ac.add_argument("id", type=_id)
    ac.add_argument("--section", type=_id, help="only this section")

    du = b.add_parser("duplicate", parents=[common], help="copy a brief for the next meeting")
    du.add_argument("id", type=_id)
    du.add_argument("--title")

    de = b.add_parser("delete", parents=[common], help="delete a brief")
    de.add_argument("id", type=_id)

    cov = sub.add_parser("coverage", parents=[common], help="topics × sources passage counts")
    cov.add_argument("--source", action="append", type=_id, help="only these sources")
    gp = sub.add_parser("gaps", parents=[common], help="topics industry raises, officials address")
    gp.add_argument("--source", action="append", type=_id, help="only these sources")
    tl = sub.add_parser("timeline", parents=[common], help="a topic's dated passages in order")
    tl.add_argument("topic")
    tl.add_argument("--all-tags", action="store_true", help="include passing mentions")


#: list-valued front-page options: argparse dest -> brief field
_LIST_FIELDS = {
    "key_message": "key_messages",
    "attendee": "attendees",
    "agenda": "agenda",
    "caveat": "marking_caveats",
    "distribution": "distribution",
}
_LIST_OPTIONS = ("key-messages", "attendees", "agenda", "caveats", "distribution")
#: text-valued front-page options: argparse dest -> brief field
_TEXT_FIELDS = {
    "language": "language",
    "purpose": "purpose",
    "ask": "minister_ask",
    "handling": "handling",
    "contact_officer": "contact_officer",
    "contact_phone": "contact_phone",
    "cleared_by": "cleared_by",
    "reference": "reference",
    "reference_date": "reference_date",
    "scheme": "marking_scheme",
    "copy_number": "copy_number",
}


def _add_front_page_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--language", choices=("en", "ja"), help="the brief's language (export)")
    p.add_argument("--purpose", help="purpose of the meeting")
    p.add_argument("--ask", help="what the minister is asked to do")
    p.add_argument("--key-message", action="append", help="a key message (repeatable)")
    p.add_argument(
        "--attendee",
        action="append",
        nargs="+",
        metavar=("NAME", "PEN_PICTURE"),
        help="an attendee and an optional pen picture (repeatable)",
    )
    p.add_argument("--agenda", action="append", metavar="ITEM", help="an agenda item (repeatable)")
    p.add_argument("--handling", help="handling instructions")
    p.add_argument("--contact-officer")
    p.add_argument("--contact-phone")
    p.add_argument("--cleared-by")
    p.add_argument("--reference", help="the brief's reference number")
    p.add_argument("--reference-date", help="date of the reference, YYYY-MM-DD")
    p.add_argument("--scheme", choices=("uk", "eu", "jp"), help="marking scheme")
    p.add_argument(
        "--caveat",
        action="append",
        help="descriptor, caveat or distribution marking: UK EYES ONLY, LIMITE, 関係者限り",
    )
    p.add_argument("--copy-number", help="e.g. '3 of 12' (schemes that number copies)")
    p.add_argument("--distribution", action="append", help="a recipient (repeatable)")


def _front_page_fields(ns: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for dest, key in _TEXT_FIELDS.items():
        value = getattr(ns, dest, None)
        if value is not None:
            fields[key] = value
    for dest, key in _LIST_FIELDS.items():
        value = getattr(ns, dest, None)
        if value is None:
            continue
        if key == "attendees":
            for item in value:
                if len(item) > 2:
                    raise BrieferError(
                        "--attendee takes a name and at most one pen picture (quote them)."
                    )
            value = [list(item) for item in value]
        fields[key] = value
    return fields


cli._EXTRA_PARSERS.append(_add_parsers)


# --------------------------------------------------------------------------- brief


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


def _quote_line(q: QuoteView) -> str:
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
        f"date: {_fmt_date(view.meeting_date)}",
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
            head += [_quote_line(q) for q in quotes]
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


def _check_json(c: verify.QuoteCheck) -> dict[str, Any]:
    return asdict(c)


@_command("brief")
def _brief(ns: argparse.Namespace, store: Store) -> None:
    action = ns.action
    if action == "new":
        bid = service.create_brief(
            store,
            ns.title,
            meeting_date=ns.date,
            venue=ns.venue,
            organisation=ns.organisation,
            author=ns.author,
            marking=ns.marking,
            objectives=ns.objectives,
            scene_setter=ns.scene_setter,
            **_front_page_fields(ns),
        )
        emit(ns, {"id": bid}, lambda: f"Created brief #{bid} {ns.title.strip()}")
    elif action == "set":
        _set_brief(ns, store)
    elif action == "section":
        _set_section(ns, store)
    elif action == "quote":
        _quote_action(ns, store)
    elif action == "list":
        items = service.list_briefs(store)

        def text() -> str:
            if not items:
                return "No briefs yet: `briefer brief new TITLE`."
            return "\n".join(
                f"#{b.id:<5} {_fmt_date(b.meeting_date):<10}  {b.title}  "
                f"({b.section_count} sections, {b.quote_count} quotes"
                + (f", {b.suggested_count} suggested" if b.suggested_count else "")
                + (f", {b.flagged_count} to check" if b.flagged_count else "")
                + ")"
                for b in items
            )

        emit(ns, items, text)
    elif action == "show":
        view = service.get_brief(store, ns.id, include_suggested=not ns.no_suggested)
        emit(ns, brief_json(store, view), lambda: brief_text(view))
    elif action == "draft":
        ids = drafting.draft(
            store,
            ns.id,
            ns.topic,
            per_side=ns.per_side,
            include_other=ns.include_other,
            context=ns.context,
        )
        view = service.get_brief(store, ns.id)
        drafted = [s for s in view.sections if s.id in ids]
        data = {
            "id": ns.id,
            "section_ids": ids,
            "sections": [section_json(s, None) for s in drafted],
        }

        def text() -> str:
            lines = [f"Drafted brief #{ns.id}:"]
            for s in drafted:
                sug = sum(1 for q in s.quotes if q.suggested)
                lines.append(
                    f"  [section {s.id}] {s.topic}: {len(s.industry)} industry, "
                    f"{len(s.official)} official"
                    + (f", {len(s.context)} context" if s.context else "")
                    + f" ({sug} suggested); assessment "
                    f"{ASSESSMENT_LABELS.get(s.assessment, s.assessment)}"
                )
            return "\n".join(lines)

        emit(ns, data, text)
    elif action == "add-quote":
        section_id, quote_id = service.add_quote_for_topic(
            store, ns.id, ns.topic, ns.source, ns.start, ns.end, ns.side
        )
        emit(
            ns,
            {"id": quote_id, "quote_id": quote_id, "section_id": section_id, "brief_id": ns.id},
            lambda: f"Added quote #{quote_id} to section #{section_id} of brief #{ns.id}",
        )
    elif action == "verify":
        checks = verify.verify(store, ns.id)

        def text() -> str:
            if not checks:
                return "The brief has no quotes."
            lines = []
            for c in checks:
                line = f"[{c.quote_id}] {c.status:<8} source #{c.source_id} {c.start}-{c.end}"
                if c.note:
                    line += f"  {c.note}"
                if c.candidate is not None:
                    cand = c.candidate.text[:120]
                    line += f"\n      closest ({c.candidate.score:.0f}%): “{cand}”"
                lines.append(line)
            counts = {
                s: sum(1 for c in checks if c.status == s) for s in ("ok", "moved", "changed")
            }
            lines.append(", ".join(f"{n} {s}" for s, n in counts.items()))
            return "\n".join(lines)

        emit(ns, {"id": ns.id, "checks": [_check_json(c) for c in checks]}, text)
    elif action == "snapshot":
        name = ns.name.strip() or f"Version {len(versions.list_versions(store, ns.id)) + 1}"
        vid = versions.take_version(store, ns.id, name)
        emit(
            ns,
            {"id": vid, "brief_id": ns.id, "name": name},
            lambda: f"Saved version #{vid} “{name}” of brief #{ns.id}",
        )
    elif action == "versions":
        taken = versions.list_versions(store, ns.id)
        emit(
            ns,
            taken,
            lambda: (
                "\n".join(
                    f"#{v.id:<5} {v.taken_at:%Y-%m-%d %H:%M}  {v.name}  "
                    f"({v.section_count} sections, {v.quote_count} quotes)"
                    for v in taken
                )
                or "No versions yet: `briefer brief snapshot ID --name NAME`."
            ),
        )
    elif action == "compare":
        diff = versions.compare_brief(store, ns.id, ns.version_id)
        emit(ns, diff, lambda: _diff_text(diff))
    elif action == "restore":
        versions.restore_version(store, ns.id, ns.version_id)
        emit(
            ns,
            {"id": ns.id, "restored_version": ns.version_id},
            lambda: f"Brief #{ns.id} restored to version #{ns.version_id}",
        )
    elif action == "accept":
        if ns.section is not None:
            n = service.accept_all_suggestions(store, section_id=ns.section)
        else:
            n = service.accept_all_suggestions(store, brief_id=ns.id)
        emit(ns, {"id": ns.id, "accepted": n}, lambda: f"Accepted {n} suggestion(s)")
    elif action == "duplicate":
        new_id = service.duplicate_brief(store, ns.id, ns.title)
        emit(ns, {"id": new_id, "from": ns.id}, lambda: f"Created brief #{new_id} from #{ns.id}")
    elif action == "delete":
        service.delete_brief(store, ns.id)
        emit(ns, {"deleted": ns.id}, lambda: f"Deleted brief #{ns.id}")
    else:  # pragma: no cover - argparse restricts the choices
        raise BrieferError(f"Unknown action {action}")


def _set_brief(ns: argparse.Namespace, store: Store) -> None:
    fields: dict[str, Any] = {}
    for dest, key in (
        ("title", "title"),
        ("date", "meeting_date"),
        ("venue", "venue"),
        ("organisation", "organisation"),
        ("author", "author"),
        ("marking", "marking"),
        ("objectives", "objectives"),
        ("scene_setter", "scene_setter"),
    ):
        value = getattr(ns, dest)
        if value is not None:
            fields[key] = value
    fields.update(_front_page_fields(ns))
    for option in ns.clear:
        key = {"caveats": "marking_caveats"}.get(option, option.replace("-", "_"))
        if key in fields:
            raise BrieferError(f"--clear {option} contradicts a value given for it.")
        fields[key] = []
    if not fields:
        raise BrieferError("Nothing to change: give at least one option (see --help).")
    service.update_brief(store, ns.id, **fields)
    view = service.get_brief(store, ns.id)
    emit(
        ns,
        brief_json(store, view),
        lambda: f"Updated brief #{ns.id}: {', '.join(k.replace('_', ' ') for k in fields)}",
    )


def _section_id(store: Store, brief_id: int, ref: str) -> int:
    """A section of the brief by id or by topic name; a clear error otherwise."""
    view = service.get_brief(store, brief_id)
    if ref.strip().isdigit():
        sid = int(ref)
        if any(s.id == sid for s in view.sections):
            return sid
    wanted = ref.strip().casefold()
    for s in view.sections:
        if s.topic.strip().casefold() == wanted:
            return s.id
    try:
        found = service.find_section(store, brief_id, ref)
    except BrieferError:
        found = None
    if found is None:
        raise BrieferError(f"Brief #{brief_id} has no section {ref!r}.")
    return found


def _assessment_value(text: str) -> str:
    value = text.strip()
    for key, label in ASSESSMENT_LABELS.items():
        if value.casefold() in (key, label.casefold(), key.replace("_", " ")):
            return key
    raise BrieferError(f"Unknown assessment {text!r}: use {', '.join(ASSESSMENT_LABELS)}.")


def _set_section(ns: argparse.Namespace, store: Store) -> None:
    section_id = _section_id(store, ns.id, ns.section)
    fields: dict[str, Any] = {}
    if ns.heading is not None:
        fields["heading"] = ns.heading
    if ns.assessment is not None:
        fields["assessment"] = _assessment_value(ns.assessment)
    for key in ("assessment_comment", "background", "notes"):
        if getattr(ns, key) is not None:
            fields[key] = getattr(ns, key)
    for key in ("lines_to_take", "if_asked"):
        points = getattr(ns, key)
        if points is not None:
            fields[key] = [p.strip() for p in points if p.strip()]
    for option in ns.clear:
        key = option.replace("-", "_")
        if key in fields:
            raise BrieferError(f"--clear {option} contradicts points given for it.")
        fields[key] = []
    if ns.accept_assessment:
        fields["assessment_suggested"] = False
    if not fields:
        raise BrieferError("Nothing to change: give at least one option (see --help).")
    service.update_section(store, section_id, **fields)
    view = service.get_brief(store, ns.id)
    section = next(s for s in view.sections if s.id == section_id)
    emit(
        ns,
        section_json(section, None),
        lambda: (
            f"Updated section #{section_id} {section.topic}: "
            + ", ".join(k.replace("_", " ") for k in fields)
        ),
    )


def _quote_in_brief(store: Store, brief_id: int, quote_id: int) -> QuoteView:
    view = service.get_brief(store, brief_id)
    for s in view.sections:
        for q in s.quotes:
            if q.id == quote_id:
                return q
    raise BrieferError(f"Brief #{brief_id} has no quote #{quote_id}.")


def _quote_action(ns: argparse.Namespace, store: Store) -> None:
    quote = _quote_in_brief(store, ns.id, ns.quote)
    action = ns.quote_action
    if action == "remove":
        service.remove_quote(store, quote.id)
        emit(
            ns,
            {"id": quote.id, "removed": True, "brief_id": ns.id},
            lambda: f"Removed quote #{quote.id} from brief #{ns.id}",
        )
        return
    if action == "move":
        section_id = _section_id(store, ns.id, ns.section) if ns.section else None
        if ns.position is not None and ns.position < 1:
            raise BrieferError("--position counts from 1 (the first quote of its column).")
        position = None if ns.position is None else ns.position - 1
        if section_id is None and ns.side is None and position is None:
            raise BrieferError("Nothing to move: give --section, --side or --position.")
        service.move_quote(store, quote.id, section_id, ns.side, position)
    else:  # trim
        service.trim_quote(store, quote.id, None if ns.clear else ns.text)
    moved = _quote_in_brief(store, ns.id, quote.id)
    emit(
        ns,
        quote_json(moved),
        lambda: (
            f"{'Moved' if action == 'move' else 'Trimmed'} quote #{quote.id}: “{moved.text[:120]}”"
        ),
    )


def _diff_text(diff: versions.BriefDiff) -> str:
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


# --------------------------------------------------------------------------- overviews


@_command("coverage")
def _coverage(ns: argparse.Namespace, store: Store) -> None:
    cov = coverage_service.coverage(store, ns.source)
    data = {
        "topics": cov.topics,
        "sources": cov.sources,
        "matrix": cov.counts,
        "rows": [
            {
                "topic": t.name,
                "topic_id": t.id,
                "counts": dict(zip([str(s.id) for s in cov.sources], row, strict=True)),
            }
            for t, row in zip(cov.topics, cov.counts, strict=True)
        ],
    }

    def text() -> str:
        width = max([len(t.name) for t in cov.topics] + [5])
        cols = [f"S{n}" for n in range(1, len(cov.sources) + 1)]
        lines = ["  ".join([f"{'topic':<{width}}", *(f"{c:>4}" for c in cols)])]
        for t, row in zip(cov.topics, cov.counts, strict=True):
            lines.append("  ".join([f"{t.name:<{width}}", *(f"{n or '·':>4}" for n in row)]))
        lines.append("")
        for c, s in zip(cols, cov.sources, strict=True):
            lines.append(f"{c}: #{s.id} {s.short_title} ({s.kind}, {_fmt_date(s.date)})")
        return "\n".join(lines)

    emit(ns, data, text)


GAP_LABELS = {
    "covered": "covered",
    "industry_only": "industry only: no official outcome",
    "official_only": "official only: no industry position",
    "none": "—",
}


@_command("gaps")
def _gaps(ns: argparse.Namespace, store: Store) -> None:
    items = coverage_service.gaps(store, ns.source)

    def text() -> str:
        width = max([len(g.topic) for g in items] + [5])
        lines = [f"{'topic':<{width}}  {'industry':>8}  {'official':>8}  status"]
        for g in items:
            lines.append(
                f"{g.topic:<{width}}  {g.industry:>8}  {g.official:>8}  {GAP_LABELS[g.status]}"
            )
        return "\n".join(lines)

    emit(ns, items, text)


@_command("timeline")
def _timeline(ns: argparse.Namespace, store: Store) -> None:
    items = coverage_service.timeline(store, ns.topic, primary_only=not ns.all_tags)

    def text() -> str:
        if not items:
            return "No dated passages on this topic."
        lines = []
        for e in items:
            where = " › ".join(e.heading_path)
            lines.append(
                f"{e.date.isoformat()}  {e.source.short_title} ({e.source.kind})"
                + (f" — {where}" if where else "")
            )
            lines.append(f"    {e.text[:200]}")
        return "\n".join(lines)

    emit(ns, items, text)
