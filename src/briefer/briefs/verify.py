"""Checking that every quote still says what its source says.

A brief is only as good as its quotes, and sources get replaced by newer versions. A quote
is "ok" when the source still has its text at its offsets, "moved" when the exact text was
found elsewhere (in the same source or in a newer version, and the quote re-anchored), and
"changed" when it was not found exactly: the closest fuzzy match is reported as a candidate
and the quote is flagged, never dropped. The status is stored on the quote; every change
goes through operations, so a verification can be undone like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.briefs.operations import (
    Compound,
    Context,
    Operation,
    SetQuoteAnchor,
    check_trim,
)
from briefer.errors import BrieferError, NotFoundError
from briefer.store import ReadSession, Store, UnitOfWork
from briefer.store.models import Brief, BriefSection, Quote, Source
from briefer.store.texts import source_text, text_span

#: A fuzzy match at least this good re-anchors a quote to a new version (flagged "changed").
REANCHOR_SCORE = 85.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """The closest span found for a quote whose text is no longer in the source."""

    source_id: int
    start: int
    end: int
    text: str
    score: float  # 0..100 (rapidfuzz partial ratio)


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    quote_id: int
    section_id: int
    status: str  # ok | moved | changed
    source_id: int  # where the quote is anchored after the check
    start: int
    end: int
    text: str
    previous: tuple[int, int, int] | None = None  # (source_id, start, end) before a re-anchor
    candidate: Candidate | None = None
    note: str = ""


def newer_versions(session: Session, source_id: int) -> list[int]:
    """The chain of newer versions of a source, oldest first (newest import wins a fork)."""
    chain: list[int] = []
    seen = {source_id}
    current = source_id
    while True:
        nxt = session.scalar(
            select(Source.id)
            .where(Source.previous_version_id == current)
            .order_by(Source.id.desc())
            .limit(1)
        )
        if nxt is None or nxt in seen:
            return chain
        chain.append(nxt)
        seen.add(nxt)
        current = nxt


def find_exact(haystack: str, needle: str, near: int) -> int | None:
    """The occurrence of ``needle`` closest to offset ``near`` (re-anchoring the right copy)."""
    best: int | None = None
    i = haystack.find(needle)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = haystack.find(needle, i + 1)
    return best


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span to whole words and drop surrounding blanks."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def fuzzy_candidate(source_id: int, text: str, needle: str) -> Candidate | None:
    """The best fuzzy match of ``needle`` in ``text``, the text of source ``source_id``."""
    if not needle.strip() or not text:
        return None
    found = fuzz.partial_ratio_alignment(needle, text)
    if found is None:
        return None
    start, end = _snap(text, found.dest_start, found.dest_end)  # dest = the source text
    if start >= end:
        return None
    return Candidate(source_id, start, end, text[start:end], round(found.score, 1))


class _Texts:
    """Whole source texts for checking a brief's quotes: the last few read are kept (the
    quotes of one source come together), not every text the brief cites."""

    KEEP = 4

    def __init__(self, session: Session) -> None:
        self.session = session
        self.kept: dict[int, str] = {}

    def __call__(self, source_id: int) -> str:
        body = self.kept.pop(source_id, None)
        if body is None:
            body = source_text(self.session, source_id) or ""
        self.kept[source_id] = body
        while len(self.kept) > self.KEEP:
            del self.kept[next(iter(self.kept))]
        return body


def _check(
    session: Session, quote: Quote, texts: _Texts | None = None
) -> tuple[QuoteCheck, Operation | None]:
    texts = texts or _Texts(session)
    src = session.get(Source, quote.source_id)
    assert src is not None  # quotes restrict source deletion
    here = (quote.source_id, quote.start, quote.end)
    targets = newer_versions(session, src.id)
    newest = targets[-1] if targets else None

    def result(status: str, sid: int, start: int, end: int, **kw: object) -> QuoteCheck:
        previous = here if (sid, start, end) != here else None
        return QuoteCheck(
            quote.id,
            quote.section_id,
            status,
            sid,
            start,
            end,
            quote.text,
            previous,
            **kw,  # type: ignore[arg-type]
        )

    def anchor(status: str, sid: int, start: int, end: int) -> Operation | None:
        if (sid, start, end, status) == (*here, quote.status):
            return None
        return SetQuoteAnchor(quote.id, sid, start, end, quote.text, status, quote.display_text)

    if newest is None:
        if text_span(session, src.id, quote.start, quote.end) == quote.text:
            return result("ok", *here), anchor("ok", *here)
        body = texts(src.id)
        at = find_exact(body, quote.text, quote.start)
        if at is not None:
            end = at + len(quote.text)
            note = f"Found at {at}–{end} of the same source."
            return result("moved", src.id, at, end, note=note), anchor("moved", src.id, at, end)
        cand = fuzzy_candidate(src.id, body, quote.text)
        note = "The text is no longer in the source."
        return result("changed", *here, candidate=cand, note=note), anchor("changed", *here)
    assert newest is not None
    newest_text = texts(newest)
    at = find_exact(newest_text, quote.text, quote.start)
    if at is not None:
        end = at + len(quote.text)
        note = f"Re-anchored to the newer version #{newest}."
        return result("moved", newest, at, end, note=note), anchor("moved", newest, at, end)
    cand = fuzzy_candidate(newest, newest_text, quote.text)
    note = f"Not found in the newer version #{newest}; kept on source #{src.id}."
    return result("changed", *here, candidate=cand, note=note), anchor("changed", *here)


class Cancelled(BrieferError):
    """The officer stopped a verification: nothing was recorded."""


def plan(
    session: Session,
    brief_id: int,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[QuoteCheck], Operation]:
    """Check every quote of a brief; the operation records the results (statuses, anchors).

    ``progress(done, total, "")`` after each quote; ``cancelled()`` true stops before the
    next one with :class:`Cancelled` (a changed quote in a long source is a fuzzy match
    over its text: seconds for a 20 MB report)."""
    if session.get(Brief, brief_id) is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    quotes = list(
        session.scalars(
            select(Quote)
            .join(BriefSection, BriefSection.id == Quote.section_id)
            .where(BriefSection.brief_id == brief_id)
            .order_by(BriefSection.position, Quote.side, Quote.position)
        )
    )
    checks: list[QuoteCheck] = []
    updates: list[Operation] = []
    texts = _Texts(session)
    for done, q in enumerate(quotes):
        if cancelled is not None and cancelled():
            raise Cancelled("Cancelled: no quote was verified.")
        if progress is not None:
            progress(done, len(quotes), "")
        check, op = _check(session, q, texts)
        checks.append(check)
        if op is not None:
            updates.append(op)
    return checks, Compound(tuple(updates), "Verify quotes")


def verify_operation(
    store: Store,
    brief_id: int,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[QuoteCheck], Operation]:
    """The checks and the (not yet applied) operation recording them: for an undoable verify
    (read-only: it can run on a worker; see :func:`plan` for ``progress`` and ``cancelled``)."""
    with ReadSession(store) as s:
        return plan(s, brief_id, progress=progress, cancelled=cancelled)


def verify(store: Store, brief_id: int) -> list[QuoteCheck]:
    """Check every quote and store the outcome on the quotes, in one transaction."""
    with UnitOfWork(store) as uow:
        ctx = Context(uow.session)
        checks, op = plan(uow.session, brief_id)
        op.run(ctx)
        ctx.finish("Verify quotes", "verify")
        uow.commit()
    return checks


def move_quotes_to_version(
    store: Store, old_source_id: int, new_source_id: int
) -> list[QuoteCheck]:
    """Re-anchor every quote of a source (in all briefs) to its new version.

    Exact text first (the occurrence nearest the old offset): "moved". Otherwise a fuzzy
    match of at least ``REANCHOR_SCORE`` re-anchors the quote to the new wording, flagged
    "changed" for the officer to read again. A quote that no longer appears stays on the
    old source, flagged "changed", with the best candidate reported.
    """
    if old_source_id == new_source_id:
        raise BrieferError("Choose two different sources.")
    with UnitOfWork(store) as uow:
        s = uow.session
        old, new = s.get(Source, old_source_id), s.get(Source, new_source_id)
        if old is None or new is None:
            missing = old_source_id if old is None else new_source_id
            raise NotFoundError(f"There is no source #{missing}.")
        ctx = Context(s)
        checks: list[QuoteCheck] = []
        updates: list[Operation] = []
        new_text = source_text(s, new.id) or ""
        for q in s.scalars(
            select(Quote).where(Quote.source_id == old.id).order_by(Quote.section_id, Quote.id)
        ):
            previous = (q.source_id, q.start, q.end)
            at = find_exact(new_text, q.text, q.start)
            if at is not None:
                end = at + len(q.text)
                updates.append(
                    SetQuoteAnchor(q.id, new.id, at, end, q.text, "moved", q.display_text)
                )
                checks.append(
                    QuoteCheck(
                        q.id,
                        q.section_id,
                        "moved",
                        new.id,
                        at,
                        end,
                        q.text,
                        previous,
                        note=f"Found in source #{new.id}.",
                    )
                )
                continue
            cand = fuzzy_candidate(new.id, new_text, q.text)
            if cand is not None and cand.score >= REANCHOR_SCORE:
                display = q.display_text
                if display is not None:
                    try:
                        check_trim(cand.text, display)
                    except BrieferError:
                        display = None
                updates.append(
                    SetQuoteAnchor(
                        q.id, new.id, cand.start, cand.end, cand.text, "changed", display
                    )
                )
                checks.append(
                    QuoteCheck(
                        q.id,
                        q.section_id,
                        "changed",
                        new.id,
                        cand.start,
                        cand.end,
                        cand.text,
                        previous,
                        cand,
                        note=f"Re-anchored to reworded text ({cand.score:.0f}% match).",
                    )
                )
                continue
            updates.append(
                SetQuoteAnchor(q.id, q.source_id, q.start, q.end, q.text, "changed", q.display_text)
            )
            checks.append(
                QuoteCheck(
                    q.id,
                    q.section_id,
                    "changed",
                    q.source_id,
                    q.start,
                    q.end,
                    q.text,
                    None,
                    cand,
                    note=f"No longer in source #{new.id}; kept on the old one.",
                )
            )
        for op in updates:
            op.run(ctx)
        ctx.finish("Move quotes to new source version", "move_quotes_to_version")
        uow.commit()
    return checks


__all__ = [
    "Candidate",
    "QuoteCheck",
    "find_exact",
    "fuzzy_candidate",
    "move_quotes_to_version",
    "newer_versions",
    "plan",
    "verify",
    "verify_operation",
]
