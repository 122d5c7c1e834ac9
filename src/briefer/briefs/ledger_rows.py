"""A section laid out as ledger rows: each industry ask beside the official text that
answers it (from the asks ledger), instead of the i-th industry quote beside the i-th
official one, which suggests a correspondence that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from briefer.briefs.model import LedgerRow, QuoteView, SectionView
from briefer.library.asks import effective_status, readable_term
from briefer.store.models import Ask, AskResponse


def combined_status(statuses: Sequence[str]) -> str | None:
    """One status for a quote holding several asks."""
    if not statuses:
        return None
    if all(s == "addressed" for s in statuses):
        return "addressed"
    if all(s == "unaddressed" for s in statuses):
        return "unaddressed"
    return "partly"


def _evidence(asks: Sequence[Ask], evidence: dict[int, list[str]]) -> str:
    """What the chip's tooltip says: the status and the matched terms of each ask."""
    lines = []
    for a in asks:
        terms = ", ".join(readable_term(t) for t in evidence.get(a.id, [])[:8])
        lines.append(f"{effective_status(a)}: {terms}" if terms else effective_status(a))
    return "\n".join(lines)


def attach_ledger(s: Session, sections: Sequence[SectionView]) -> list[SectionView]:
    """The sections with their ``ledger`` rows filled in (two queries for the brief)."""
    quotes = [q for sec in sections for q in sec.industry]
    if not quotes:
        return list(sections)
    by_source: dict[int, list[QuoteView]] = {}
    for q in quotes:
        by_source.setdefault(q.source.id, []).append(q)
    conditions = [
        (Ask.source_id == sid)
        & (Ask.start < max(q.end for q in qs))
        & (Ask.end > min(q.start for q in qs))
        for sid, qs in by_source.items()
    ]
    asks: list[Ask] = []
    for i in range(0, len(conditions), 200):
        asks += list(s.scalars(select(Ask).where(or_(*conditions[i : i + 200]))))
    if not asks:
        return list(sections)
    answers: dict[int, list[tuple[int, int, int]]] = {}
    evidence: dict[int, list[str]] = {}
    ids = [a.id for a in asks]
    for i in range(0, len(ids), 500):
        for ask_id, sid, start, end, terms in s.execute(
            select(
                AskResponse.ask_id,
                AskResponse.source_id,
                AskResponse.start,
                AskResponse.end,
                AskResponse.evidence,
            )
            .where(AskResponse.ask_id.in_(ids[i : i + 500]), AskResponse.excluded.is_(False))
            .order_by(AskResponse.ask_id, AskResponse.origin.desc(), AskResponse.rank)
        ):
            answers.setdefault(ask_id, []).append((sid, start, end))
            evidence.setdefault(ask_id, list(terms or ()))
    # the asks by source, their spans read once: a quote looks only at its own source's asks
    # (filtering the brief's every ask per quote was 12.9 s for 1,000 quotes at 100,000)
    asks_of: dict[int, list[tuple[int, int, Ask]]] = {}
    for a in asks:
        asks_of.setdefault(a.source_id, []).append((a.start, a.end, a))
    out = []
    for sec in sections:
        rows: list[LedgerRow] = []
        used: set[int] = set()
        any_ask = False
        for q in sec.industry:
            mine = [
                a
                for start, end, a in asks_of.get(q.source.id, ())
                if start < q.end and end > q.start
            ]
            any_ask = any_ask or bool(mine)
            spans = [span for a in mine for span in answers.get(a.id, [])]
            answering = [
                o
                for o in sec.official
                if any(sid == o.source.id and lo < o.end and o.start < hi for sid, lo, hi in spans)
            ]
            paired = tuple(o for o in answering if o.id not in used)
            used.update(o.id for o in paired)
            status = combined_status([effective_status(a) for a in mine])
            shown = q
            if status is not None:
                shown = replace(q, ask_status=status, ask_evidence=_evidence(mine, evidence))
            rows.append(LedgerRow(shown, paired, status, not paired and bool(answering)))
        industry = tuple(r.industry for r in rows if r.industry is not None)
        rows += [LedgerRow(None, (o,), None) for o in sec.official if o.id not in used]
        out.append(replace(sec, ledger=tuple(rows), industry=industry) if any_ask else sec)
    return out
