"""The library overviews: ``coverage`` (topics × sources), ``gaps``, ``timeline``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefer.cli.args import Commands, Handlers, parse_id
from briefer.cli.output import emit, fmt_date

if TYPE_CHECKING:
    from briefer.store import Store


def register(commands: Commands) -> Handlers:
    cov = commands.add("coverage", help="topics × sources passage counts")
    cov.add_argument("--source", action="append", type=parse_id, help="only these sources")
    gp = commands.add("gaps", help="topics industry raises, officials address")
    gp.add_argument("--source", action="append", type=parse_id, help="only these sources")
    tl = commands.add("timeline", help="a topic's dated passages in order")
    tl.add_argument("topic")
    tl.add_argument("--all-tags", action="store_true", help="include passing mentions")
    return {"coverage": _coverage, "gaps": _gaps, "timeline": _timeline}


def _coverage(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import coverage as coverage_service

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
            lines.append(f"{c}: #{s.id} {s.short_title} ({s.kind}, {fmt_date(s.date)})")
        return "\n".join(lines)

    emit(ns, data, text)


GAP_LABELS = {
    "covered": "covered",
    "industry_only": "industry only: no official outcome",
    "official_only": "official only: no industry position",
    "none": "—",
}


def _gaps(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import coverage as coverage_service

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


def _timeline(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import coverage as coverage_service

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
