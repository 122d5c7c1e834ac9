"""Drafting: a first cut of a brief's sections from the asks ledger.

For each topic, the industry column gets the topic's *asks* (``library.asks``: requests
found in industry sources, never lead-ins, context or self-descriptions) and the official
column the official text that answers each of them, so ask i and its answer belong
together (the export lays them out as ledger rows). The assessment is drafted from the
asks' statuses ("3 asks: 1 addressed (…), 1 partly (…), 1 unaddressed (…)") and starts
with ``PROPOSED`` until the officer edits or confirms it. No text is quoted twice in a
section; ``other`` sources (press, analysis) are drawn on only when the officer asks for
them: as a *Context* column of their own (``context=True``), or mixed into the official
column (``include_other=True``). A topic without asks falls back to its best-scored
passages. The result is deterministic: the same library and brief give the same draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sqlalchemy import false, func, select, true
from sqlalchemy.orm import Session

from briefer.briefs import service
from briefer.briefs.changes import Applied
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
from briefer.ingest.ask_align import evidence_units
from briefer.ingest.ask_terms import Glossary
from briefer.ingest.asks_detect import ask_label
from briefer.labels import counted
from briefer.library import asks as asks_ledger
from briefer.store import Store, UnitOfWork
from briefer.store.models import (
    Ask,
    Brief,
    BriefSection,
    Passage,
    PassageTopic,
    Quote,
    Source,
    Topic,
)
from briefer.store.texts import Spans

#: Passages shorter than this are rarely worth quoting (fragments, footnotes, labels).
SUBSTANTIVE_CHARS = 60
FOCUS_WEIGHT = 4.0  # share of the passage's tag scores that belongs to this topic (0..1)
MANUAL_BONUS = 2.0  # the officer tagged it by hand
RECENCY_BONUS = 0.5  # the newest source gets all of it, the oldest none
PROPOSED = "Proposed from the evidence:"
#: When the ledger links no answer, official passages fill the column only if the topic holds
#: this share of their tag scores at least (one of two or three topics, not one of many).
FALLBACK_FOCUS = 0.34


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
    #: the share of the passage's tag scores that belongs to this topic (0..1)
    focus: float = 1.0

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
    session: Session,
    topic: Topic,
    *,
    per_side: int | None = None,
    include_other: bool = False,
    context: bool = False,
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
    official_kinds = ("official", "other") if include_other else ("official",)
    sides: list[tuple[str, tuple[str, ...]]] = [
        ("industry", ("industry",)),
        ("official", official_kinds),
    ]
    if context:  # press and analysis, in a column of their own
        sides.append(("context", ("other",)))
    for side, kinds in sides:
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
                focus=round(focus, 6),
            )
        )
    out.sort(key=Candidate.sort_key)
    return out, counts


#: "Proposed from the evidence:" in the brief's language (the officer confirms or edits it)
PROPOSED_IN = {"en": PROPOSED, "ja": "根拠からの提案："}
_STATUS_JA = {"addressed": "対応済み", "partly": "一部対応", "unaddressed": "未対応"}


def _ja(language: str) -> bool:
    return language.lower().startswith("ja")


def propose_assessment(
    industry: int, official: int, language: str = "en"
) -> tuple[str, str] | None:
    """(assessment, comment) from how much evidence each side has, worded in the brief's
    language (English unless it is Japanese); None without evidence."""
    if not industry and not official:
        return None
    ja = _ja(language)
    p = PROPOSED_IN["ja"] if ja else PROPOSED
    if not official:
        return "not_addressed", (
            f"{p}業界はこのトピックを取り上げている（{industry} 段落）が、公式文書には扱いがない。"
            if ja
            else f"{p} industry raises this topic ({counted(industry, 'passage', 'passages')}) "
            "but no official text addresses it."
        )
    if not industry:
        return "official_only", (
            f"{p}公式文書はこのトピックを扱っている（{official} 段落）が、業界の立場はない。"
            if ja
            else f"{p} official texts address this topic "
            f"({counted(official, 'passage', 'passages')}) but no industry position does."
        )
    return "partly", (
        f"{p}双方がこのトピックを扱っている（業界 {industry} 段落、公式 {official} 段落）。"
        "一致しているか相違しているかを判断してください。"
        if ja
        else f"{p} both sides address this topic ({industry} industry, "
        f"{counted(official, 'official passage', 'official passages')}); decide whether they "
        "are aligned or divergent."
    )


def _same_text(a: str) -> str:
    return " ".join(a.split()).casefold()


@dataclass
class _Column:
    """What a section already quotes: spans and texts (a text is never quoted twice)."""

    spans: list[tuple[int, int, int]]
    texts: set[str]

    def taken(self, source_id: int, start: int, end: int, text: str) -> bool:
        return _same_text(text) in self.texts or any(
            sid == source_id and s < end and start < e for sid, s, e in self.spans
        )

    def take(self, source_id: int, start: int, end: int, text: str) -> None:
        self.spans.append((source_id, start, end))
        self.texts.add(_same_text(text))


#: An ask with fewer distinct specific notions than this (generic concepts aside) leans on
#: its context ("Hence, work needs to be done to ensure further alignment on this crucial
#: element."): quoted alone it says little, so it comes after the asks that stand alone...
STANDALONE_NOTIONS = 4
#: ...and so does one that refers back ("Hence", "this element", 「そのため」) with fewer than
#: this many: the notions it has are the topic's, the point is in the sentence before.
ANAPHORIC_NOTIONS = 6
_REFERS_BACK = re.compile(
    r"^\W*(?:hence|thus|therefore|accordingly|similarly|likewise|to\s+this\s+end|"
    r"in\s+(?:this|that)\s+(?:regard|respect|context)|for\s+(?:this|that)\s+reason)\b"
    r"|\b(?:this|these|those|such|the\s+same|the\s+above)\s+(?:\w+\s+)?(?:element|issue|point|"
    r"matter|area|aspect|effort|approach|measure|topic|question|challenge|goal|objective)s?\b"
    r"|^\W*(?:そのため|このため|したがって|よって|これに|この点|その際|同様に|こうした|そうした)",
    re.IGNORECASE,
)


def leans_on_context(text: str, notions: int) -> bool:
    """Whether an ask says little quoted alone: few specific notions, or few and it refers
    back to what came before."""
    return notions < STANDALONE_NOTIONS or (
        notions < ANAPHORIC_NOTIONS and _REFERS_BACK.search(text) is not None
    )


def specific_notions(joined_terms: str, glossary: Glossary) -> int:
    """How many distinct specific notions an ask's stored terms hold: words, phrases and
    glossary concepts, a concept absorbing its words, generic concepts not counted."""
    own = joined_terms.split(asks_ledger.SEP) if joined_terms else []
    if "" in own:  # the lead-in's terms follow an empty separator
        own = own[: own.index("")]
    units = evidence_units(own, glossary.parts)
    return sum(1 for u in units if not (u.startswith("c:") and u[2:] in glossary.generic))


def _topic_ask_rows(topic: Topic, *columns: Any, by_source: bool = False) -> Any:
    """The topic's asks (``columns`` of them): primary tags only (a bullet that mentions a
    topic in passing is not one of its asks; as ``read_asks(topic=...)``), asks of sources
    replaced by a newer version left out. ``by_source``: the caller narrows the sources, so
    the planner must start from them, not from the topic's every tag (``topic_id + 0``
    keeps SQLite off the tag index; the rows are the same)."""
    superseded = select(Source.previous_version_id).where(Source.previous_version_id.is_not(None))
    topic_id: Any = PassageTopic.topic_id + 0 if by_source else PassageTopic.topic_id
    return (
        select(*columns)
        .select_from(Ask)
        .join(PassageTopic, PassageTopic.passage_id == Ask.passage_id)
        .where(
            topic_id == topic.id,
            # "= 0/1", not "IS": SQLite seeks the tag index on topic and primary together
            PassageTopic.primary == true(),
            PassageTopic.excluded == false(),
            Ask.source_id.not_in(superseded),
        )
    )


def _topic_ask_order(topic: Topic, by_source: bool = False) -> Any:
    """The ids of the topic's asks (primary tags), newest source first (undated last), then
    tag score, then reading order."""
    return (
        _topic_ask_rows(topic, Ask.id, by_source=by_source)
        .join(Source, Source.id == Ask.source_id)
        .order_by(
            Source.date.is_(None),
            Source.date.desc(),
            PassageTopic.score.desc(),
            Ask.source_id.desc(),
            Ask.start,
            Ask.end,
        )
    )


#: A topic with at least this many asks is paged by walking its sources from the newest down
#: (``_newest_ask_ids``) rather than sorting all its asks: at 100,000 sources a topic has
#: ~115,000 asks and a page needs the newest few dozen sources' asks.
WALK_FROM_ASKS = 2000


def topic_asks(
    s: Session,
    topic: Topic,
    *,
    limit: int | None = None,
    offset: int = 0,
    total: int | None = None,
) -> list[asks_ledger.AskView]:
    """The topic's asks in drafting order, ``limit`` from ``offset``: ranked in SQL
    (``_topic_ask_order``), so only the asks a draft may quote are read as views (at 100,000
    sources a topic has tens of thousands); within the page, asks that stand alone first.
    ``total``: the topic's ask count when the caller has it (``count_topic_asks``); a large
    topic's page is then found from the newest sources down, without sorting every ask."""
    if limit is not None and total is not None and total >= WALK_FROM_ASKS:
        ids = _newest_ask_ids(s, topic, offset + limit, total)[offset:]
    else:
        stmt = _topic_ask_order(topic).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        ids = list(s.scalars(stmt))
    if not ids:
        return []
    views = {a.id: a for a in asks_ledger.read_asks(s, ask_ids=ids)}
    glossary = asks_ledger.glossary_for_session(s)
    notions = {
        ask_id: specific_notions(joined or "", glossary)
        for ask_id, joined in s.execute(select(Ask.id, Ask.terms).where(Ask.id.in_(ids)))
    }
    found = [views[i] for i in ids if i in views]
    # within the page, asks that stand alone before those that lean on their context (the
    # sort is stable: otherwise the SQL order, newest source first, holds)
    return sorted(found, key=lambda a: leans_on_context(a.text, notions.get(a.id, 0)))


def _newest_ask_ids(s: Session, topic: Topic, want: int, total: int) -> list[int]:
    """The first ``want`` ids of ``_topic_ask_order`` (at most), found by walking the dated
    sources from the newest down in whole days (the order's first key), each stretch's asks
    ranked in SQL by the full order, and stopping once ``want`` are found; the undated
    sources' asks (ranked last) only if the dated ones fall short. A stretch starts at twice
    the page in sources and doubles while the topic's asks are sparse there, so the work is
    the page's, not the library's (counting the sources would already be linear)."""
    stretch = max(16, 2 * want)
    ids: list[int] = []
    before = None
    while len(ids) < want and len(ids) < total:
        days = select(Source.date).where(Source.date.is_not(None))
        if before is not None:
            days = days.where(Source.date < before)
        dates = list(s.scalars(days.order_by(Source.date.desc()).limit(stretch)))
        if not dates:
            break
        low = dates[-1]  # the whole of the last day: a day's asks rank by score across sources
        in_days = select(Source.id).where(Source.date >= low)
        if before is not None:
            in_days = in_days.where(Source.date < before)
        ids += s.scalars(
            _topic_ask_order(topic, by_source=True)
            .where(Ask.source_id.in_(in_days))
            .limit(want - len(ids))
        )
        before = low
        stretch *= 2  # a sparse stretch: read further next time
    if len(ids) < want:
        ids += s.scalars(
            _topic_ask_order(topic).where(Source.date.is_(None)).limit(want - len(ids))
        )
    return ids


def count_topic_asks(s: Session, topic: Topic) -> int:
    """How many asks the topic has (no sort, no join of the sources: at 10,000 sources the
    count over the ordered query was most of a draft). Both indexes of migration 0017 cover
    it (``ix_passage_topic_asks``, ``ix_ask_passage_source``): no table row is read."""
    return int(s.scalar(_topic_ask_rows(topic, func.count())) or 0)


#: Asks read (as views, with their answers' texts) per page while drafting a topic, at
#: least; another page only if these are all quoted already.
ASK_PAGE = 10


STATUS_ORDER = ("addressed", "partly", "unaddressed")
LABELS_SHOWN = 3


def ledger_assessment(
    statuses: Sequence[tuple[str, str]], more: int = 0, language: str = "en", on_topic: int = 0
) -> tuple[str, str] | None:
    """(assessment, comment) from the drafted asks' (status, label) pairs, worded in the
    brief's language (English unless it is Japanese). ``on_topic``: official passages on the
    topic drafted without the ledger linking them to an ask — with them, asks that no
    official text answers directly are not "not addressed": officials did address the topic."""
    if not statuses:
        return None
    ja = _ja(language)
    by: dict[str, list[str]] = {k: [] for k in STATUS_ORDER}
    for status, label in statuses:
        by.setdefault(status, []).append(label)
    parts = []
    for status in STATUS_ORDER:
        labels = by[status]
        if not labels:
            continue
        sep = "；" if ja else "; "
        shown = sep.join(labels[:LABELS_SHOWN]) + (sep + "…" if len(labels) > LABELS_SHOWN else "")
        if ja:
            parts.append(f"{_STATUS_JA[status]} {len(labels)} 件（{shown}）")
        else:
            parts.append(f"{len(labels)} {status} ({shown})")
    n = len(statuses)
    if ja:
        comment = f"{PROPOSED_IN['ja']}要望 {n} 件：{'、'.join(parts)}。"
        if more:
            comment += f"このトピックの要望はほかに {more} 件あり、要望一覧で確認できます。"
    else:
        comment = f"{PROPOSED} {counted(n, 'ask', 'asks')}: {', '.join(parts)}."
        if more:
            comment += (
                f" {counted(more, 'more ask', 'more asks')} on this topic "
                f"{'is' if more == 1 else 'are'} in the asks ledger."
            )
    if on_topic:
        shown_n = min(on_topic, COUNT_CAP)
        plus = "+" if on_topic >= COUNT_CAP else ""
        if ja:
            comment += (
                f"公式文書はこれらの要望に直接は答えていないが、このトピックを扱っている"
                f"（公式 {shown_n}{plus} 段落）。要望に応えているか判断してください。"
            )
        else:
            passages = "official passage" if on_topic == 1 else "official passages"
            comment += (
                " No official text answers these asks directly, but officials addressed the "
                f"topic ({shown_n}{plus} {passages}); decide whether that meets the asks."
            )
    if len(by["addressed"]) == n:
        assessment = "aligned"
    elif len(by["unaddressed"]) == n and not on_topic:
        assessment = "not_addressed"
    else:
        assessment = "partly"
    return assessment, comment


@dataclass
class _SectionDraft:
    """One section being drafted: what it quotes already, and the undo steps so far."""

    ctx: Context
    section_id: int
    inverses: list[Operation]
    #: the brief's language: the proposed assessment is worded in it
    language: str = "en"

    def __post_init__(self) -> None:
        s = self.ctx.session
        self.existing = list(
            s.execute(
                select(Quote.source_id, Quote.start, Quote.end, Quote.side, Quote.text).where(
                    Quote.section_id == self.section_id
                )
            )
        )
        self.column = _Column(
            [(r[0], r[1], r[2]) for r in self.existing], {_same_text(r[4]) for r in self.existing}
        )
        self.span = Spans(self.ctx.session)  # a candidate's span, not its whole source
        self.official_added = 0

    def taken(self, source_id: int, start: int, end: int) -> bool:
        return self.column.taken(source_id, start, end, self.span(source_id, start, end))

    def add(self, source_id: int, start: int, end: int, side: str) -> None:
        if side == "official":
            self.official_added += 1
        op = AddQuote(self.section_id, source_id, start, end, side=side, suggested=True)
        self.inverses.append(op.run(self.ctx))
        self.column.take(source_id, start, end, self.span(source_id, start, end))


def _draft_topic(
    d: _SectionDraft,
    topic: Topic,
    per_side: int,
    asked: set[tuple[int, int, int]],
    include_other: bool,
    context: bool = False,
) -> tuple[str, str] | None:
    """Quote a topic's asks and their answers into a section; returns the proposed
    assessment (from the statuses; from passage counts when the topic has no asks).
    Context quotes never count towards the assessment: they are not outcomes."""
    s = d.ctx.session
    if context:
        _draft_context(d, topic, per_side)
    drafted: list[tuple[str, str]] = []
    offset = 0
    size = max(ASK_PAGE, 3 * per_side)
    total = count_topic_asks(s, topic)
    while per_side > 0 and total:
        page = topic_asks(s, topic, limit=size, offset=offset, total=total)
        for a in page:
            if len(drafted) >= per_side:
                break
            if (a.source_id, a.start, a.end) in asked or d.taken(a.source_id, a.start, a.end):
                continue
            d.add(a.source_id, a.start, a.end, "industry")
            asked.add((a.source_id, a.start, a.end))
            drafted.append((a.status, ask_label(a.text)))
            for r in a.responses[:1] if a.status != "unaddressed" else ():
                if not d.taken(r.source_id, r.start, r.end):
                    d.add(r.source_id, r.start, r.end, "official")
        if len(drafted) >= per_side or len(page) < size:
            break
        offset += size
    if total:
        more = max(0, total - len(drafted))
        on_topic = 0
        if not d.official_added:
            # The ledger linked no answer: the official column still shows what officials
            # said on the topic (primary tags, best first), and the assessment says so.
            found, _ = candidates(
                s, topic, per_side=per_side + len(d.existing) + 5, include_other=include_other
            )
            # ...about the topic, not a round-up naming it among many (a meeting's opening
            # paragraph answers no ask and is what the ledger keeps out of sections)
            about = [c for c in found if c.side == "official" and c.focus >= FALLBACK_FOCUS]
            on_topic = len(about)
            _pick(d, about, "official", per_side)
        return ledger_assessment(drafted, more, d.language, on_topic)
    # No asks on this topic: its best-scored passages, as before the ledger.
    found, available = candidates(  # context already drafted above
        s, topic, per_side=per_side + len(d.existing) + 5, include_other=include_other
    )
    for side in ("industry", "official"):
        _pick(d, found, side, per_side)
    industry = available["industry"] + sum(1 for r in d.existing if r[3] == "industry")
    official = available["official"] + sum(1 for r in d.existing if r[3] == "official")
    return propose_assessment(industry, official, d.language)


def _pick(d: _SectionDraft, found: Sequence[Candidate], side: str, per_side: int) -> None:
    """Quote up to ``per_side`` of a side's candidates (best first) the section lacks."""
    picked = 0
    for c in found:
        if picked >= per_side:
            break
        if c.side != side or d.taken(c.source_id, c.start, c.end):
            continue
        d.add(c.source_id, c.start, c.end, side)
        picked += 1


def _draft_context(d: _SectionDraft, topic: Topic, per_side: int) -> None:
    """The Context column: the topic's best passages from ``other`` sources (press and
    analysis), up to ``per_side``, never a text the section already quotes."""
    found, _ = candidates(
        d.ctx.session, topic, per_side=per_side + len(d.existing) + 5, context=True
    )
    picked = 0
    for c in found:
        if picked >= per_side:
            break
        if c.side != "context" or d.taken(c.source_id, c.start, c.end):
            continue
        d.add(c.source_id, c.start, c.end, "context")
        picked += 1


def draft_in(
    ctx: Context,
    brief_id: int,
    topics: Sequence[str | int],
    per_side: int = 3,
    *,
    include_other: bool = False,
    context: bool = False,
) -> tuple[list[int], Operation]:
    """Draft inside an open transaction; returns the section ids (one per topic, in the
    order given) and the operation that undoes the whole draft. ``context`` fills each
    section's Context column from ``other`` sources (press and analysis). The asks ledger is read as
    stored: bring it up to date (``library.asks.refresh``) before the transaction."""
    s = ctx.session
    brief = s.get(Brief, brief_id)
    if brief is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    if per_side < 0:
        raise BrieferError("Suggest zero or more quotes per side.")
    inverses: list[Operation] = []
    section_ids: list[int] = []
    seen: set[int] = set()
    # An ask is quoted in one section of the brief only (it may carry several topics).
    asked = {
        (sid, a, b)
        for sid, a, b in s.execute(
            select(Quote.source_id, Quote.start, Quote.end)
            .join(BriefSection, BriefSection.id == Quote.section_id)
            .where(BriefSection.brief_id == brief_id, Quote.side == "industry")
        )
    }
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
        proposal = _draft_topic(
            _SectionDraft(ctx, section_id, inverses, brief.language or "en"),
            topic,
            per_side,
            asked,
            include_other,
            context,
        )
        section = s.get(BriefSection, section_id)
        assert section is not None
        if section.assessment == "none" and proposal is not None:
            assessment, comment = proposal
            if section.assessment_comment.strip():
                comment = f"{comment}\n\n{section.assessment_comment}"
            inverses.append(
                UpdateSectionFields(
                    section_id,
                    {
                        "assessment": assessment,
                        "assessment_comment": comment,
                        "assessment_suggested": True,
                    },
                ).run(ctx)
            )
    return section_ids, Compound(tuple(reversed(inverses)), DraftSections.LABEL)


@dataclass(frozen=True)
class DraftSections(Operation):
    """The undoable form of ``draft`` (for the GUI's undo stack)."""

    brief_id: int
    topics: tuple[str | int, ...]
    per_side: int = 3
    include_other: bool = False
    context: bool = False
    LABEL: ClassVar[str] = "Draft sections"

    def apply(self, store: Store, *, seen: dict[int, int] | None = None) -> Applied:
        asks_ledger.refresh(store)  # its own transaction, before the draft's
        applied = super().apply(store, seen=seen)
        # the ledger refresh may have changed the rows of any section: re-read them all
        return replace(applied, changes=replace(applied.changes, section_ids=None))

    def run(self, ctx: Context) -> Operation:
        return draft_in(
            ctx,
            self.brief_id,
            self.topics,
            self.per_side,
            include_other=self.include_other,
            context=self.context,
        )[1]


def draft(
    store: Store,
    brief_id: int,
    topics: Sequence[str | int],
    per_side: int = 3,
    *,
    include_other: bool = False,
    context: bool = False,
    progress: asks_ledger.Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """Draft sections for topics (names, aliases or ids) in one transaction.

    Returns one section id per topic, in the order given; a topic that already has a
    section gets new suggestions appended there instead of a second section.

    The asks ledger is brought up to date first, in its own transaction: usually a few
    sources' worth, but on a store whose sources were never read for the ledger (imported
    before it existed) every source is read and every ask aligned, minutes at 10,000
    sources. ``progress``/``cancelled`` are that step's (``library.asks.refresh``); a
    cancel raises ``library.asks.Cancelled`` before anything of the draft is written."""
    asks_ledger.refresh(store, progress=progress, cancelled=cancelled)
    with UnitOfWork(store) as uow:
        ctx = Context(uow.session)
        ids, _ = draft_in(
            ctx, brief_id, topics, per_side, include_other=include_other, context=context
        )
        ctx.finish("Draft sections", "draft")
        uow.commit()
    return ids
