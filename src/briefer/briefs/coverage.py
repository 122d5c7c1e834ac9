"""Coverage and gaps: which topics each source speaks to, and where industry and officials
part ways.

Counts are of content passages (no headings, no furniture) with a *primary* tag: a passage
that mentions a topic in passing is not coverage of it (see ``briefer.ingest.tagger``).
Manual tags count, manual untags do not. By default a source replaced by a newer version
is left out, so a re-imported text is not counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import bindparam, exists, func, select, text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select

from briefer.briefs.model import SourceRef
from briefer.briefs.service import resolve_topic, source_ref
from briefer.library.topics import tagged_passages
from briefer.library.views import split_path
from briefer.store import ReadSession, Store
from briefer.store.models import Passage, PassageTopic, Source, Topic
from briefer.store.texts import Spans

GapStatus = Literal["covered", "industry_only", "official_only", "none"]
KIND_ORDER = {"industry": 0, "official": 1, "other": 2}


@dataclass(frozen=True, slots=True)
class TopicRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """A topics × sources matrix: ``counts[i][j]`` passages of source j on topic i."""

    topics: tuple[TopicRef, ...]
    sources: tuple[SourceRef, ...]
    counts: tuple[tuple[int, ...], ...]

    def count(self, topic_id: int, source_id: int) -> int:
        i = next(n for n, t in enumerate(self.topics) if t.id == topic_id)
        j = next(n for n, s in enumerate(self.sources) if s.id == source_id)
        return self.counts[i][j]

    def by_kind(self, topic_id: int) -> dict[str, int]:
        """Passages on a topic per source kind."""
        i = next(n for n, t in enumerate(self.topics) if t.id == topic_id)
        out = {"industry": 0, "official": 0, "other": 0}
        for src, n in zip(self.sources, self.counts[i], strict=True):
            out[src.kind] += n
        return out


@dataclass(frozen=True, slots=True)
class Gap:
    topic: str
    industry: int  # passages in industry sources
    official: int  # passages in official sources
    status: GapStatus
    topic_id: int = 0
    other: int = 0  # passages in "other" sources: shown, but they decide no status


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: date
    source: SourceRef
    passage_id: int
    heading_path: tuple[str, ...]
    start: int
    end: int
    text: str
    primary: bool


def _counted(stmt: Select, source_ids: Iterable[int] | None) -> Select:  # type: ignore[type-arg]
    """Restrict a passage/tag query to what coverage counts."""
    stmt = stmt.where(
        PassageTopic.excluded.is_(False),
        PassageTopic.primary.is_(True),
        Passage.content.is_(True),
        Passage.kind != "heading",
    )
    return _sources_filter(stmt, source_ids)


def _sources_filter(stmt: Select, source_ids: Iterable[int] | None) -> Select:  # type: ignore[type-arg]
    if source_ids is not None:
        return stmt.where(Source.id.in_(list(source_ids)))
    newer = aliased(Source)
    return stmt.where(~exists().where(newer.previous_version_id == Source.id))


def _sources(s: Session, source_ids: Iterable[int] | None) -> list[Any]:
    """The sources coverage counts, as rows of their columns but the text (10,000 ORM
    objects took 5 s), grouped by kind, oldest first."""
    columns = [c for c in Source.__table__.c if c.name != "text"]
    rows = list(s.execute(_sources_filter(select(*columns), source_ids)))
    rows.sort(key=lambda src: (KIND_ORDER.get(src.kind, 3), src.date or date.min, src.id))
    return rows


def coverage(store: Store, source_ids: Iterable[int] | None = None) -> Coverage:
    """How many passages of each source are primarily about each topic.

    One pass over the tags, grouped by topic and source; the sources left out (replaced by
    a newer version) are dropped afterwards in Python, not tested per tag in SQL (which made
    the count take 20+ s at 10,000 sources).
    """
    ids = list(source_ids) if source_ids is not None else None
    with ReadSession(store) as s:
        sources = _sources(s, ids)
        topics = list(
            s.execute(select(Topic.id, Topic.name).order_by(func.lower(Topic.name), Topic.id))
        )
        # Passages drive the join, in table order, and each one's tags are found by the
        # primary key: SQLite otherwise scans the tags by topic and looks passages up at
        # random (3x slower at 10,000 sources). CROSS JOIN fixes SQLite's join order.
        join = "CROSS JOIN" if s.get_bind().dialect.name == "sqlite" else "JOIN"
        only = " AND p.source_id IN :ids" if ids is not None else ""
        stmt = text(
            f"""SELECT pt.topic_id, p.source_id, count(*) FROM passage p {join} passage_topic pt
            ON pt.passage_id = p.id
            WHERE pt.excluded = :no AND pt."primary" = :yes AND p.content = :yes
              AND p.kind != 'heading'{only}
            GROUP BY pt.topic_id, p.source_id"""
        )
        params: dict[str, Any] = {"no": False, "yes": True}
        if ids is not None:
            stmt = stmt.bindparams(bindparam("ids", expanding=True))
            params["ids"] = ids
        shown = {src.id for src in sources}
        cells = {(tid, sid): n for tid, sid, n in s.execute(stmt, params) if sid in shown}
        return Coverage(
            topics=tuple(TopicRef(t.id, t.name) for t in topics),
            sources=tuple(source_ref(src) for src in sources),
            counts=tuple(tuple(cells.get((t.id, src.id), 0) for src in sources) for t in topics),
        )


def totals_by_kind(cov: Coverage) -> dict[int, dict[str, int]]:
    """Per topic id, its passages per source kind: the sums of its coverage row."""
    out: dict[int, dict[str, int]] = {}
    for topic, row in zip(cov.topics, cov.counts, strict=True):
        sums = {"industry": 0, "official": 0, "other": 0}
        for src, n in zip(cov.sources, row, strict=True):
            sums[src.kind] = sums.get(src.kind, 0) + n
        out[topic.id] = sums
    return out


def gap_status(industry: int, official: int) -> GapStatus:
    if industry and official:
        return "covered"
    if industry:
        return "industry_only"
    if official:
        return "official_only"
    return "none"


def gaps(store: Store, source_ids: Iterable[int] | None = None) -> list[Gap]:
    """One entry per topic: does industry raise it, does an official text address it?"""
    return gaps_of(coverage(store, source_ids))


def gaps_of(cov: Coverage) -> list[Gap]:
    """The gaps of a coverage matrix already computed (the window shows both)."""
    out = []
    for topic in cov.topics:
        kinds = cov.by_kind(topic.id)
        out.append(
            Gap(
                topic=topic.name,
                industry=kinds["industry"],
                official=kinds["official"],
                status=gap_status(kinds["industry"], kinds["official"]),
                topic_id=topic.id,
                other=kinds["other"],
            )
        )
    return out


def timeline(
    store: Store,
    topic: str | int,
    source_ids: Iterable[int] | None = None,
    *,
    primary_only: bool = True,
) -> list[TimelineEntry]:
    """Dated passages on a topic across sources, oldest first (undated sources left out)."""
    ids = list(source_ids) if source_ids is not None else None
    with ReadSession(store) as s:
        t = resolve_topic(s, topic)
        stmt = (
            tagged_passages(t.id, primary_only=primary_only)
            .where(Passage.kind != "heading", Source.date.is_not(None))
            .order_by(Source.date, Source.id, Passage.ordinal)
        )
        stmt = _sources_filter(stmt, ids)
        refs: dict[int, SourceRef] = {}
        span = Spans(s)
        out = []
        for tag, p, src in s.execute(stmt):
            ref = refs.setdefault(src.id, source_ref(src))
            assert src.date is not None
            out.append(
                TimelineEntry(
                    date=src.date,
                    source=ref,
                    passage_id=p.id,
                    heading_path=split_path(p.heading_path),
                    start=p.start,
                    end=p.end,
                    text=span(p.source_id, p.start, p.end),
                    primary=tag.primary,
                )
            )
        return out
