"""Drafting: a first cut of a brief's sections from the tagged library.

For each topic the best passages become *suggested* quotes, industry and official
separately, and an assessment is proposed from the evidence alone: industry but no official
text means "not addressed", official but no industry "official only", both "partly".
Whether the two are aligned or divergent is the officer's judgement, so the draft never
says so. The result is deterministic: the same library and brief give the same draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.briefs import service
from briefer.briefs.operations import (
    AddQuote,
    AddSection,
    Compound,
    Context,
    Operation,
    RemoveSection,
    UpdateSectionFields,
)
from briefer.errors import BrieferError, NotFoundError
from briefer.store import Store, UnitOfWork
from briefer.store.models import Brief, BriefSection, Passage, PassageTopic, Quote, Source, Topic

#: Passages shorter than this are rarely worth quoting (fragments, footnotes, labels).
SUBSTANTIVE_CHARS = 60
FOCUS_WEIGHT = 4.0  # share of the passage's tag scores that belongs to this topic (0..1)
MANUAL_BONUS = 2.0  # the officer tagged it by hand
RECENCY_BONUS = 0.5  # the newest source gets all of it, the oldest none
PROPOSED = "Proposed from the evidence:"


@dataclass(frozen=True, slots=True)
class Candidate:
    passage_id: int
    source_id: int
    start: int
    end: int
    side: str
    substantive: bool
    primary: bool
    relevance: float
    date_key: int
    ordinal: int

    def sort_key(self) -> tuple[object, ...]:
        return (
            not self.substantive,
            not self.primary,
            -self.relevance,
            -self.date_key,
            self.source_id,
            self.ordinal,
        )


#: How many of a side's best-scored tags are re-ranked in full (focus, recency).
POOL = 100
#: Evidence counts in the proposed assessment stop here ("100+ passages").
COUNT_CAP = POOL


def candidates(
    session: Session, topic: Topic, *, per_side: int | None = None
) -> tuple[list[Candidate], dict[str, int]]:
    """The topic's quotable passages, best first, and how many there are per side.

    Primary and manual tags only (like coverage); headings and furniture are skipped, and
    so are sources that have been replaced by a newer version. A topic can have ~100,000
    tags in a large library, so the database hands over each side's ``POOL`` best-scored
    tags (index ``ix_passage_topic_rank``, read in order, stopping early) and only those are
    ranked in full here.
    """
    superseded = select(Source.previous_version_id).where(Source.previous_version_id.is_not(None))
    pool_size = POOL if per_side is None else max(POOL, per_side * 4)
    rows: list[tuple[str, Any]] = []
    counts: dict[str, int] = {}
    for side, kinds in (("industry", ("industry",)), ("official", ("official", "other"))):
        base = (
            select(
                Passage.id,
                Passage.source_id,
                Passage.start,
                Passage.end,
                Passage.ordinal,
                PassageTopic.score,
                PassageTopic.primary,
                PassageTopic.origin,
                Source.date,
            )
            .select_from(PassageTopic)
            .join(Passage, Passage.id == PassageTopic.passage_id)
            .join(Source, Source.id == Passage.source_id)
            .where(
                PassageTopic.topic_id == topic.id,
                PassageTopic.primary.is_(True),  # manual tags are primary too
                PassageTopic.excluded.is_(False),
                Passage.content.is_(True),
                Passage.kind != "heading",
                Source.kind.in_(kinds),
                Source.id.not_in(superseded),
            )
            .order_by(PassageTopic.score.desc(), Passage.id)
        )
        found = list(
            session.execute(
                base.where((Passage.end - Passage.start) >= SUBSTANTIVE_CHARS).limit(pool_size)
            )
        )
        if len(found) < pool_size:  # short passages only when long ones run out
            short = base.where((Passage.end - Passage.start) < SUBSTANTIVE_CHARS)
            found += list(session.execute(short.limit(pool_size - len(found))))
        counts[side] = len(found)
        rows += [(side, r) for r in found]
    # Focus: how much of each pooled passage's topical weight is this topic.
    ids = [r.id for _, r in rows]
    totals: dict[int, float] = {}
    for i in range(0, len(ids), 500):
        totals.update(
            session.execute(
                select(PassageTopic.passage_id, func.sum(PassageTopic.score))
                .where(PassageTopic.passage_id.in_(ids[i : i + 500]))
                .where(PassageTopic.excluded.is_(False))
                .group_by(PassageTopic.passage_id)
            ).all()
        )
    days = [r.date.toordinal() for _, r in rows if r.date is not None]
    lo, hi = (min(days), max(days)) if days else (0, 0)
    out = []
    for side, r in rows:
        day = r.date.toordinal() if r.date is not None else 0
        recency = (day - lo) / (hi - lo) if hi > lo and day else (1.0 if day else 0.0)
        focus = r.score / totals[r.id] if totals.get(r.id) else 1.0
        relevance = (
            FOCUS_WEIGHT * focus
            + r.score
            + (MANUAL_BONUS if r.origin == "manual" else 0.0)
            + RECENCY_BONUS * recency
        )
        out.append(
            Candidate(
                passage_id=r.id,
                source_id=r.source_id,
                start=r.start,
                end=r.end,
                side=side,
                substantive=(r.end - r.start) >= SUBSTANTIVE_CHARS,
                primary=bool(r.primary),
                relevance=round(relevance, 6),
                date_key=day,
                ordinal=r.ordinal,
            )
        )
    out.sort(key=Candidate.sort_key)
    return out, counts


def propose_assessment(industry: int, official: int) -> tuple[str, str] | None:
    """(assessment, comment) from how much evidence each side has; None without evidence."""
    if not industry and not official:
        return None
    if not official:
        return (
            "not_addressed",
            f"{PROPOSED} industry raises this topic ({industry} passage(s)) but no official "
            "text addresses it.",
        )
    if not industry:
        return (
            "official_only",
            f"{PROPOSED} official texts address this topic ({official} passage(s)) but no "
            "industry position does.",
        )
    return (
        "partly",
        f"{PROPOSED} both sides address this topic ({industry} industry, {official} official "
        "passage(s)); decide whether they are aligned or divergent.",
    )


def _overlaps(existing: Sequence[tuple[int, int, int]], c: Candidate) -> bool:
    return any(sid == c.source_id and s < c.end and c.start < e for sid, s, e in existing)


def draft_in(
    ctx: Context, brief_id: int, topics: Sequence[str | int], per_side: int = 3
) -> tuple[list[int], Operation]:
    """Draft inside an open transaction; returns the section ids (one per topic, in the
    order given) and the operation that undoes the whole draft."""
    s = ctx.session
    if s.get(Brief, brief_id) is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    if per_side < 0:
        raise BrieferError("Suggest zero or more quotes per side.")
    inverses: list[Operation] = []
    section_ids: list[int] = []
    seen: set[int] = set()
    for name in topics:
        topic = service.resolve_topic(s, name)
        if topic.id in seen:
            continue
        seen.add(topic.id)
        section_id = s.scalar(
            select(BriefSection.id)
            .where(BriefSection.brief_id == brief_id, BriefSection.topic_id == topic.id)
            .order_by(BriefSection.position)
            .limit(1)
        )
        if section_id is None:
            removal = AddSection(brief_id, topic.id).run(ctx)
            assert isinstance(removal, RemoveSection)
            section_id = removal.section_id
            inverses.append(removal)
        section_ids.append(section_id)
        existing = list(
            s.execute(
                select(Quote.source_id, Quote.start, Quote.end, Quote.side).where(
                    Quote.section_id == section_id
                )
            )
        )
        spans = [(sid, a, b) for sid, a, b, _ in existing]
        # Enough rows to fill each side even if some overlap what is already quoted.
        found, available = candidates(s, topic, per_side=per_side + len(existing) + 5)
        for side in ("industry", "official"):
            picked = 0
            for c in found:
                if picked >= per_side:
                    break
                if c.side != side or _overlaps(spans, c):
                    continue
                inverses.append(
                    AddQuote(section_id, c.source_id, c.start, c.end, suggested=True).run(ctx)
                )
                spans.append((c.source_id, c.start, c.end))
                picked += 1
        section = s.get(BriefSection, section_id)
        assert section is not None
        if section.assessment == "none":
            industry = available["industry"] + sum(
                1 for *_, side in existing if side == "industry"
            )
            official = available["official"] + sum(
                1 for *_, side in existing if side == "official"
            )
            proposal = propose_assessment(industry, official)
            if proposal is not None:
                assessment, comment = proposal
                if section.assessment_comment.strip():
                    comment = f"{comment}\n\n{section.assessment_comment}"
                inverses.append(
                    UpdateSectionFields(
                        section_id, {"assessment": assessment, "assessment_comment": comment}
                    ).run(ctx)
                )
    return section_ids, Compound(tuple(reversed(inverses)), DraftSections.LABEL)


@dataclass(frozen=True)
class DraftSections(Operation):
    """The undoable form of ``draft`` (for the GUI's undo stack)."""

    brief_id: int
    topics: tuple[str | int, ...]
    per_side: int = 3
    LABEL: ClassVar[str] = "Draft sections"

    def run(self, ctx: Context) -> Operation:
        return draft_in(ctx, self.brief_id, self.topics, self.per_side)[1]


def draft(store: Store, brief_id: int, topics: Sequence[str | int], per_side: int = 3) -> list[int]:
    """Draft sections for topics (names, aliases or ids) in one transaction.

    Returns one section id per topic, in the order given; a topic that already has a
    section gets new suggestions appended there instead of a second section."""
    with UnitOfWork(store) as uow:
        ctx = Context(uow.session)
        ids, _ = draft_in(ctx, brief_id, topics, per_side)
        ctx.finish("Draft sections", "draft")
        uow.commit()
    return ids
