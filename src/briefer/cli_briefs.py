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
from briefer.briefs import drafting, service, verify, versions
from briefer.briefs.model import ASSESSMENT_LABELS, BriefView, QuoteView, SectionView
from briefer.cli import _command, _date, _fmt_date, emit
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

    b.add_parser("list", parents=[common], help="list briefs")

    show = b.add_parser("show", parents=[common], help="a brief with its sections and quotes")
    show.add_argument("id", type=int)
    show.add_argument("--no-suggested", action="store_true", help="leave suggestions out")

    dr = b.add_parser("draft", parents=[common], help="suggest quotes for topics")
    dr.add_argument("id", type=int)
    dr.add_argument("--topic", action="append", required=True, help="topic (repeatable)")
    dr.add_argument("--per-side", type=int, default=3)
    dr.add_argument(
        "--include-other", action="store_true", help="also draw on 'other' sources (official side)"
    )

    aq = b.add_parser("add-quote", parents=[common], help="quote a span of a source")
    aq.add_argument("id", type=int)
    aq.add_argument("--topic", required=True)
    aq.add_argument("--source", type=int, required=True)
    aq.add_argument("--start", type=int, required=True)
    aq.add_argument("--end", type=int, required=True)
    aq.add_argument("--side", choices=("industry", "official"))

    ve = b.add_parser("verify", parents=[common], help="check every quote against its source")
    ve.add_argument("id", type=int)

    sn = b.add_parser("snapshot", parents=[common], help="save a named version")
    sn.add_argument("id", type=int)
    sn.add_argument("--name", default="")

    vs = b.add_parser("versions", parents=[common], help="list saved versions")
    vs.add_argument("id", type=int)

    cmp_ = b.add_parser("compare", parents=[common], help="what changed since a version")
    cmp_.add_argument("id", type=int)
    cmp_.add_argument("version_id", type=int)

    rs = b.add_parser("restore", parents=[common], help="go back to a saved version")
    rs.add_argument("id", type=int)
    rs.add_argument("version_id", type=int)

    ac = b.add_parser("accept", parents=[common], help="accept suggested quotes")
    ac.add_argument("id", type=int)
    ac.add_argument("--section", type=int, help="only this section")

    du = b.add_parser("duplicate", parents=[common], help="copy a brief for the next meeting")
    du.add_argument("id", type=int)
    du.add_argument("--title")

    de = b.add_parser("delete", parents=[common], help="delete a brief")
    de.add_argument("id", type=int)

    cov = sub.add_parser("coverage", parents=[common], help="topics × sources passage counts")
    cov.add_argument("--source", action="append", type=int, help="only these sources")
    gp = sub.add_parser("gaps", parents=[common], help="topics industry raises, officials address")
    gp.add_argument("--source", action="append", type=int, help="only these sources")
    tl = sub.add_parser("timeline", parents=[common], help="a topic's dated passages in order")
    tl.add_argument("topic")
    tl.add_argument("--all-tags", action="store_true", help="include passing mentions")


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
        "industry": [quote_json(q) for q in s.industry],
        "official": [quote_json(q) for q in s.official],
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
        for label, quotes in (("Industry position", s.industry), ("Official outcome", s.official)):
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
        )
        emit(ns, {"id": bid}, lambda: f"Created brief #{bid} {ns.title.strip()}")
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
            store, ns.id, ns.topic, per_side=ns.per_side, include_other=ns.include_other
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
                sug = sum(1 for q in (*s.industry, *s.official) if q.suggested)
                lines.append(
                    f"  [section {s.id}] {s.topic}: {len(s.industry)} industry, "
                    f"{len(s.official)} official ({sug} suggested); assessment "
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
