"""Briefs: brief new/set/section/quote/list/show/draft/add-quote/verify/snapshot/versions/
compare/restore/accept/duplicate/delete, one handler per action.

JSON shapes follow the contract (README, "JSON contract"): keys may be added, never renamed.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefer.briefs.labels import ASSESSMENT_LABELS
from briefer.cli import edit
from briefer.cli.args import (
    Commands,
    Creates,
    Handlers,
    parse_count,
    parse_date,
    parse_date_or_clear,
    parse_id,
    parse_offset,
)
from briefer.cli.brief_output import (
    brief_json,
    brief_text,
    check_json,
    diff_text,
    quote_json,
    section_json,
)
from briefer.cli.output import emit, fmt_date
from briefer.errors import BrieferError
from briefer.labels import counted, escape_controls

if TYPE_CHECKING:
    from briefer.briefs.model import QuoteView
    from briefer.store import Store


def register(commands: Commands) -> Handlers:
    """``brief`` and its actions (cli.team adds pack, unpack and history after these)."""
    brief = commands.add("brief", help="prepare meeting briefs")
    commands.actions("brief", brief, required=True)
    common = commands.common

    new = commands.action("brief", "new", help="start a brief for a meeting")
    new.add_argument("title")
    new.add_argument(
        "--date", type=parse_date, help="meeting date: 2025-05-12, 12 May 2025, 2025年5月12日..."
    )
    new.add_argument("--venue", default="")
    new.add_argument("--organisation", default="")
    new.add_argument("--author", default="")
    new.add_argument("--marking", default="", help="protective marking, e.g. OFFICIAL-SENSITIVE")
    new.add_argument("--objectives", default="")
    new.add_argument("--scene-setter", default="")

    _add_front_page_options(new)

    st = commands.action("brief", "set", help="edit the brief's details and front page")
    st.add_argument("id", type=int)
    st.add_argument("--title")
    st.add_argument(
        "--date", type=parse_date_or_clear, help="meeting date, as for brief new ('' clears it)"
    )
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

    sec = commands.action("brief", "section", help="edit one section of a brief")
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

    qu = commands.action("brief", "quote", help="remove, move or trim a quote")
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

    commands.action("brief", "list", help="list briefs")

    show = commands.action("brief", "show", help="a brief with its sections and quotes")
    show.add_argument("id", type=parse_id)
    show.add_argument("--no-suggested", action="store_true", help="leave suggestions out")

    dr = commands.action("brief", "draft", help="suggest quotes for topics")
    dr.add_argument("id", type=parse_id)
    dr.add_argument("--topic", action="append", required=True, help="topic (repeatable)")
    dr.add_argument("--per-side", type=parse_count, default=3)
    dr.add_argument(
        "--include-other", action="store_true", help="also draw on 'other' sources (official side)"
    )
    dr.add_argument(
        "--context",
        action="store_true",
        help="quote press and analysis ('other' sources) in a Context column of their own",
    )

    aq = commands.action("brief", "add-quote", help="quote a span of a source")
    aq.add_argument("id", type=parse_id)
    aq.add_argument("--topic", required=True)
    aq.add_argument("--source", type=parse_id, required=True)
    aq.add_argument("--start", type=parse_offset, required=True)
    aq.add_argument("--end", type=parse_offset, required=True)
    aq.add_argument("--side", choices=("industry", "official", "context"))

    ve = commands.action("brief", "verify", help="check every quote against its source")
    ve.add_argument("id", type=parse_id)

    sn = commands.action("brief", "snapshot", help="save a named version")
    sn.add_argument("id", type=parse_id)
    sn.add_argument("--name", default="")

    vs = commands.action("brief", "versions", help="list saved versions")
    vs.add_argument("id", type=parse_id)

    cmp_ = commands.action("brief", "compare", help="what changed since a version")
    cmp_.add_argument("id", type=parse_id)
    cmp_.add_argument("version_id", type=parse_id)

    rs = commands.action("brief", "restore", help="go back to a saved version")
    rs.add_argument("id", type=parse_id)
    rs.add_argument("version_id", type=parse_id)

    ac = commands.action("brief", "accept", help="accept suggested quotes")
    ac.add_argument("id", type=parse_id)
    ac.add_argument("--section", type=parse_id, help="only this section")

    du = commands.action("brief", "duplicate", help="copy a brief for the next meeting")
    du.add_argument("id", type=parse_id)
    du.add_argument("--title")

    de = commands.action("brief", "delete", help="delete a brief")
    de.add_argument("id", type=parse_id)

    return {
        "brief new": Creates(_new),
        "brief set": _set_brief,
        "brief section": _set_section,
        "brief quote remove": _quote_remove,
        "brief quote move": _quote_move,
        "brief quote trim": _quote_trim,
        "brief list": _list,
        "brief show": _show,
        "brief draft": _draft,
        "brief add-quote": _add_quote,
        "brief verify": _verify,
        "brief snapshot": _snapshot,
        "brief versions": _versions,
        "brief compare": _compare,
        "brief restore": _restore,
        "brief accept": _accept,
        "brief duplicate": _duplicate,
        "brief delete": _delete,
    }


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
    p.add_argument(
        "--reference-date",
        type=parse_date_or_clear,
        help="date of the reference: 2025-05-02, 2 May 2025... ('' clears it)",
    )
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


# --------------------------------------------------------------------------- actions


def _new(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    fields = {
        "meeting_date": ns.date,
        "venue": ns.venue,
        "organisation": ns.organisation,
        "author": ns.author,
        "marking": ns.marking,
        "objectives": ns.objectives,
        "scene_setter": ns.scene_setter,
        **_front_page_fields(ns),
    }
    bid = edit.create(store, ops.CreateBrief(ns.title, fields))
    emit(ns, {"id": bid}, lambda: f"Created brief #{bid} {ns.title.strip()}")


def _list(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import service

    items = service.list_briefs(store)

    def text() -> str:
        if not items:
            return "No briefs yet: `briefer brief new TITLE`."
        return "\n".join(
            f"#{b.id:<5} {fmt_date(b.meeting_date):<10}  {b.title}  "
            f"({b.section_count} sections, {b.quote_count} quotes"
            + (f", {b.suggested_count} suggested" if b.suggested_count else "")
            + (f", {b.flagged_count} to check" if b.flagged_count else "")
            + ")"
            for b in items
        )

    emit(ns, items, text)


def _show(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import service

    view = service.get_brief(store, ns.id, include_suggested=not ns.no_suggested)
    emit(ns, brief_json(store, view), lambda: brief_text(view))


def _draft(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import drafting, service
    from briefer.cli.asks import ledger_progress

    ids = drafting.draft(
        store,
        ns.id,
        ns.topic,
        per_side=ns.per_side,
        include_other=ns.include_other,
        context=ns.context,
        progress=ledger_progress,
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


def _add_quote(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops
    from briefer.briefs import service
    from briefer.briefs.quote_checks import quote_notes
    from briefer.store import ReadSession

    with ReadSession(store) as s:
        topic_id = service.resolve_topic(s, ns.topic).id
        notes = quote_notes(s, ns.source, ns.start, ns.end, topic_id)
    quote_id = edit.create(
        store, ops.AddQuoteToTopic(ns.id, topic_id, ns.source, ns.start, ns.end, ns.side)
    )
    for note in notes:  # said, not refused: the quote is made as asked
        print(f"briefer: note: {escape_controls(note)}", file=sys.stderr)
    section_id = _section_of(store, ns.id, quote_id)
    emit(
        ns,
        {"id": quote_id, "quote_id": quote_id, "section_id": section_id, "brief_id": ns.id},
        lambda: f"Added quote #{quote_id} to section #{section_id} of brief #{ns.id}",
    )


def _verify(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import verify

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
        counts = {s: sum(1 for c in checks if c.status == s) for s in ("ok", "moved", "changed")}
        lines.append(", ".join(f"{n} {s}" for s, n in counts.items()))
        return "\n".join(lines)

    emit(ns, {"id": ns.id, "checks": [check_json(c) for c in checks]}, text)


def _snapshot(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import versions

    name = " ".join(ns.name.split())
    if not name:  # the first "Version N" no version of the brief is named yet
        taken = {v.name.casefold() for v in versions.list_versions(store, ns.id)}
        n = len(taken) + 1
        while f"version {n}" in taken:
            n += 1
        name = f"Version {n}"
    vid = versions.take_version(store, ns.id, name)
    emit(
        ns,
        {"id": vid, "brief_id": ns.id, "name": name},
        lambda: f"Saved version #{vid} “{name}” of brief #{ns.id}",
    )


def _versions(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import versions

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


def _compare(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import versions

    diff = versions.compare_brief(store, ns.id, ns.version_id)
    emit(ns, diff, lambda: diff_text(diff))


def _restore(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import versions

    versions.restore_version(store, ns.id, ns.version_id)
    emit(
        ns,
        {"id": ns.id, "restored_version": ns.version_id},
        lambda: f"Brief #{ns.id} restored to version #{ns.version_id}",
    )


def _accept(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    if ns.section is not None:
        op = ops.AcceptAllSuggestions(section_id=ns.section)
    else:
        op = ops.AcceptAllSuggestions(brief_id=ns.id)
    inverse = edit.apply(store, op).inverse
    # The inverse puts back each accepted suggestion, one operation per quote.
    assert isinstance(inverse, ops.Compound)
    n = len(inverse.ops)
    accepted = counted(n, "suggestion", "suggestions")
    emit(ns, {"id": ns.id, "accepted": n}, lambda: f"Accepted {accepted}")


def _duplicate(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    new_id = edit.create(store, ops.DuplicateBrief(ns.id, ns.title))
    emit(ns, {"id": new_id, "from": ns.id}, lambda: f"Created brief #{new_id} from #{ns.id}")


def _delete(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    edit.apply(store, ops.DeleteBrief(ns.id))
    emit(ns, {"deleted": ns.id}, lambda: f"Deleted brief #{ns.id}")


def _set_brief(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops
    from briefer.briefs import service

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
    edit.apply(store, ops.UpdateBriefFields(ns.id, fields))
    view = service.get_brief(store, ns.id)
    emit(
        ns,
        brief_json(store, view),
        lambda: f"Updated brief #{ns.id}: {', '.join(k.replace('_', ' ') for k in fields)}",
    )


def _section_id(store: Store, brief_id: int, ref: str) -> int:
    """A section of the brief by id or by topic name; a clear error otherwise."""
    from briefer.briefs import service

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
    from briefer.briefs import operations as ops
    from briefer.briefs import service

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
    edit.apply(store, ops.UpdateSectionFields(section_id, fields))
    view = service.get_brief(store, ns.id)
    section = next(s for s in view.sections if s.id == section_id)
    #: what each field's change is called when said (not its name: "assessment suggested"
    #: set to False is the officer accepting drafting's proposal)
    said = {"assessment_suggested": "assessment accepted"}
    emit(
        ns,
        section_json(section, None),
        lambda: (
            f"Updated section #{section_id} {section.topic}: "
            + ", ".join(said.get(k, k.replace("_", " ")) for k in fields)
        ),
    )


def _section_of(store: Store, brief_id: int, quote_id: int) -> int:
    """The section of the brief that holds the quote."""
    from briefer.briefs import service

    view = service.get_brief(store, brief_id)
    for s in view.sections:
        if any(q.id == quote_id for q in s.quotes):
            return s.id
    raise BrieferError(f"Brief #{brief_id} has no quote #{quote_id}.")


def _quote_in_brief(store: Store, brief_id: int, quote_id: int) -> QuoteView:
    from briefer.briefs import service

    view = service.get_brief(store, brief_id)
    for s in view.sections:
        for q in s.quotes:
            if q.id == quote_id:
                return q
    raise BrieferError(f"Brief #{brief_id} has no quote #{quote_id}.")


def _quote_remove(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    quote = _quote_in_brief(store, ns.id, ns.quote)
    edit.apply(store, ops.RemoveQuote(quote.id))
    emit(
        ns,
        {"id": quote.id, "removed": True, "brief_id": ns.id},
        lambda: f"Removed quote #{quote.id} from brief #{ns.id}",
    )


def _quote_move(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    quote = _quote_in_brief(store, ns.id, ns.quote)
    section_id = _section_id(store, ns.id, ns.section) if ns.section else None
    if ns.position is not None and ns.position < 1:
        raise BrieferError("--position counts from 1 (the first quote of its column).")
    position = None if ns.position is None else ns.position - 1
    if section_id is None and ns.side is None and position is None:
        raise BrieferError("Nothing to move: give --section, --side or --position.")
    edit.apply(store, ops.MoveQuote(quote.id, section_id, ns.side, position))
    _emit_quote(ns, store, quote.id, "Moved")


def _quote_trim(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import operations as ops

    quote = _quote_in_brief(store, ns.id, ns.quote)
    edit.apply(store, ops.TrimQuote(quote.id, None if ns.clear else ns.text))
    _emit_quote(ns, store, quote.id, "Trimmed")


def _emit_quote(ns: argparse.Namespace, store: Store, quote_id: int, verb: str) -> None:
    moved = _quote_in_brief(store, ns.id, quote_id)
    emit(
        ns,
        quote_json(moved),
        lambda: f"{verb} quote #{quote_id}: “{moved.text[:120]}”",
    )
