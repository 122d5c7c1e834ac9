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
from typing import ClassVar

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from briefer.briefs import service
from briefer.briefs.operations import (
    AddQuote,
    AddSection,
    Compound,
    Context,
    Operation,
    RemoveSection,
    UpdateSectionFields,
    natural_side,
)
from briefer.errors import BrieferError, NotFoundError
from briefer.library import tagging
from briefer.library.views import split_path
from briefer.store import Store, UnitOfWork
from briefer.store.models import Brief, BriefSection, Passage, PassageTopic, Quote, Source, Topic

#: Passages shorter than this are rarely worth quoting (fragments, footnotes, labels).
SUBSTANTIVE_CHARS = 60
FOCUS_WEIGHT = 4.0  # share of the passage's tag scores that belongs to this topic (0..1)
HEADING_BONUS = 1.0  # the passage sits under a heading naming the topic
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


def candidates(session: Session, topic: Topic) -> list[Candidate]:
    """The topic's quotable passages, best first (both sides mixed; split by ``side``).

    Primary and manual tags only (like coverage); headings and furniture are skipped, and
    so are sources that have been replaced by a newer version."""
    newer = aliased(Source)
    rows = session.execute(
        select(PassageTopic, Passage, Source)
        .join(Passage, Passage.id == PassageTopic.passage_id)
        .join(Source, Source.id == Passage.source_id)
        .where(
            PassageTopic.topic_id == topic.id,
            PassageTopic.excluded.is_(False),
            (PassageTopic.primary.is_(True)) | (PassageTopic.origin == "manual"),
            Passage.content.is_(True),
            Passage.kind != "heading",
            ~exists().where(newer.previous_version_id == Source.id),
        )
        .order_by(Source.id, Passage.ordinal)
    )
    rows = list(rows)
    # How much of each passage's topical weight is this topic: a paragraph that lists eight
    # topics in passing is a weaker quote for any one of them than a paragraph about it.
    totals = dict(
        session.execute(
            select(PassageTopic.passage_id, func.sum(PassageTopic.score))
            .where(
                PassageTopic.passage_id.in_([p.id for _, p, _ in rows]),
                PassageTopic.excluded.is_(False),
            )
            .group_by(PassageTopic.passage_id)
        ).all()
    )
    tagger = tagging.build_tagger(session, [topic.id])
    dates = sorted({src.date.toordinal() for _, _, src in rows if src.date is not None})
    rank = {d: (i / (len(dates) - 1) if len(dates) > 1 else 1.0) for i, d in enumerate(dates)}
    out = []
    for tag, p, src in rows:
        text = src.text[p.start : p.end]
        if not text.strip():
            continue
        headings = " / ".join(split_path(p.heading_path))
        names_topic = bool(headings and tagger.mentions(headings))
        date_key = src.date.toordinal() if src.date is not None else 0
        focus = tag.score / totals[p.id] if totals.get(p.id) else 1.0
        relevance = (
            FOCUS_WEIGHT * focus
            + tag.score
            + (HEADING_BONUS if names_topic else 0.0)
            + (MANUAL_BONUS if tag.origin == "manual" else 0.0)
            + RECENCY_BONUS * rank.get(date_key, 0.0)
        )
        out.append(
            Candidate(
                passage_id=p.id,
                source_id=src.id,
                start=p.start,
                end=p.end,
                side=natural_side(src.kind),
                substantive=len(text.strip()) >= SUBSTANTIVE_CHARS,
                primary=tag.primary,
                relevance=round(relevance, 6),
                date_key=date_key,
                ordinal=p.ordinal,
            )
        )
    out.sort(key=Candidate.sort_key)
    return out


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
        found = candidates(s, topic)
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
            industry = sum(1 for c in found if c.side == "industry") + sum(
                1 for *_, side in existing if side == "industry"
            )
            official = sum(1 for c in found if c.side == "official") + sum(
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
        ctx.finish()
        uow.commit()
    return ids
