"""The officer's decisions on the asks ledger, as undoable operations.

Each operation returns its inverse (like the brief operations of ``brief_ops``), so the
window puts them on its undo stack. Decisions are kept in the ledger's own rows, which
re-computation leaves alone: a status override, a linked answer (``origin="manual"``), an
unlinked automatic answer (kept with ``excluded`` set so it does not come back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.briefs.operation_base import BriefEditError, Context, Operation, _check_span, _source
from briefer.errors import NotFoundError
from briefer.ingest.ask_align import STATUSES
from briefer.store.models import Ask, AskResponse, Passage, utcnow


def _ask(s: Session, ask_id: int) -> Ask:
    ask = s.get(Ask, ask_id)
    if ask is None:
        raise NotFoundError(f"There is no ask #{ask_id}.")
    return ask


def _response(s: Session, ask_id: int, source_id: int, start: int, end: int) -> AskResponse | None:
    return s.scalar(
        select(AskResponse)
        .where(
            AskResponse.ask_id == ask_id,
            AskResponse.source_id == source_id,
            AskResponse.start == start,
            AskResponse.end == end,
        )
        .order_by(AskResponse.id)
        .limit(1)
    )


@dataclass(frozen=True)
class SetAskStatus(Operation):
    """Set (or clear, with ``status=None``) the officer's status for an ask."""

    ask_id: int
    status: str | None
    confirmed: bool = True
    LABEL: ClassVar[str] = "Change ask status"

    @property
    def label(self) -> str:
        return "Confirm ask" if self.status is None and self.confirmed else self.LABEL

    def run(self, ctx: Context) -> Operation:
        if self.status is not None and self.status not in STATUSES:
            raise BriefEditError(f"Unknown status {self.status!r}: use {', '.join(STATUSES)}.")
        ask = _ask(ctx.session, self.ask_id)
        inverse = SetAskStatus(self.ask_id, ask.status_override, ask.confirmed)
        # Confirming without a status freezes what the ledger says now.
        ask.status_override = self.status or (ask.auto_status if self.confirmed else None)
        ask.confirmed = self.confirmed
        ask.decided_by, ask.decided_at = ctx.officer, utcnow()
        return inverse


def confirm(ask_id: int) -> SetAskStatus:
    """The operation that confirms an ask's current status."""
    return SetAskStatus(ask_id, None, True)


@dataclass(frozen=True)
class LinkAnswer(Operation):
    """Link an official span as an answer to an ask (or bring back an unlinked one)."""

    ask_id: int
    source_id: int
    start: int
    end: int
    LABEL: ClassVar[str] = "Link answer"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        ask = _ask(s, self.ask_id)
        src = _source(s, self.source_id)
        _check_span(s, src, self.start, self.end)
        if src.id == ask.source_id:
            raise BriefEditError("An ask cannot be answered by its own source.")
        row = _response(s, self.ask_id, self.source_id, self.start, self.end)
        if row is not None and not row.excluded:
            raise BriefEditError("That text is already linked to this ask.")
        if row is not None:
            row.excluded = False
            return UnlinkAnswer(self.ask_id, self.source_id, self.start, self.end)
        passage_id = s.scalar(
            select(Passage.id)
            .where(
                Passage.source_id == src.id,
                Passage.start <= self.start,
                Passage.end > self.start,
            )
            .order_by(Passage.ordinal)
            .limit(1)
        )
        s.add(
            AskResponse(
                ask_id=ask.id,
                source_id=src.id,
                passage_id=passage_id,
                start=self.start,
                end=self.end,
                rank=-1,  # linked answers come first
                score=0.0,
                strength="linked",
                evidence=[f"linked by {ctx.officer}" if ctx.officer else "linked by the officer"],
                origin="manual",
                excluded=False,
            )
        )
        s.flush()
        return UnlinkAnswer(self.ask_id, self.source_id, self.start, self.end)


@dataclass(frozen=True)
class UnlinkAnswer(Operation):
    """Remove an answer from an ask; an automatic one stays away after re-computation."""

    ask_id: int
    source_id: int
    start: int
    end: int
    LABEL: ClassVar[str] = "Unlink answer"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        _ask(s, self.ask_id)
        row = _response(s, self.ask_id, self.source_id, self.start, self.end)
        if row is None or row.excluded:
            raise NotFoundError("That text is not linked to this ask.")
        if row.origin == "manual":
            s.delete(row)
        else:
            row.excluded = True
        s.flush()
        return LinkAnswer(self.ask_id, self.source_id, self.start, self.end)


def unlink_by_id(s: Session, ask_id: int, response_id: int) -> UnlinkAnswer:
    """The operation that unlinks response ``response_id`` (as listed) from an ask."""
    row = s.get(AskResponse, response_id)
    if row is None or row.ask_id != ask_id or row.excluded:
        raise NotFoundError(f"Ask #{ask_id} has no answer #{response_id}.")
    return UnlinkAnswer(ask_id, row.source_id, row.start, row.end)
