"""Quote operations: add, remove, move, trim, suggestions and re-anchoring."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select

from briefer.briefs import snapshots
from briefer.briefs.operation_base import (
    QUOTE_STATUSES,
    BriefEditError,
    Compound,
    Context,
    Operation,
    _brief,
    _check_side,
    _check_span,
    _column,
    _place,
    _quote,
    _renumber,
    _section,
    _sections,
    _source,
    check_trim,
    natural_side,
)
from briefer.briefs.section_ops import AddSection, RemoveSection
from briefer.errors import NotFoundError
from briefer.store.models import BriefSection, Quote
from briefer.store.texts import text_span


@dataclass(frozen=True)
class AddQuote(Operation):
    """Quote ``source.text[start:end]`` verbatim; the side follows the source's kind."""

    section_id: int
    source_id: int
    start: int
    end: int
    side: str | None = None
    position: int | None = None
    suggested: bool = False
    LABEL: ClassVar[str] = "Add quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        section = _section(s, self.section_id)
        src = _source(s, self.source_id)
        _check_span(s, src, self.start, self.end)
        natural = natural_side(src.kind)
        side = self.side or natural
        _check_side(side)
        column = _column(s, section.id, side)
        quote = Quote(
            section_id=section.id,
            source_id=src.id,
            start=self.start,
            end=self.end,
            text=text_span(s, src.id, self.start, self.end) or "",
            side=side,
            side_overridden=side != natural,
            position=len(column),
            suggested=bool(self.suggested),
            status="ok",
        )
        s.add(quote)
        s.flush()
        _place([*column, quote], quote, self.position)
        ctx.touch(section.brief_id)
        ctx.create(quote.id)
        return RemoveQuote(quote.id)


@dataclass(frozen=True)
class AddQuoteToTopic(Operation):
    """Quote into the brief's section for a topic, creating the section if there is none."""

    brief_id: int
    topic_id: int
    source_id: int
    start: int
    end: int
    side: str | None = None
    position: int | None = None
    suggested: bool = False
    LABEL: ClassVar[str] = "Add quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        inverses: list[Operation] = []
        section_id = s.scalar(
            select(BriefSection.id)
            .where(BriefSection.brief_id == self.brief_id, BriefSection.topic_id == self.topic_id)
            .order_by(BriefSection.position)
            .limit(1)
        )
        if section_id is None:
            removal = AddSection(self.brief_id, self.topic_id).run(ctx)
            assert isinstance(removal, RemoveSection)
            section_id = removal.section_id
            inverses.append(removal)
        inverses.append(
            AddQuote(
                section_id,
                self.source_id,
                self.start,
                self.end,
                self.side,
                self.position,
                self.suggested,
            ).run(ctx)
        )
        return Compound(tuple(reversed(inverses)), self.LABEL)


@dataclass(frozen=True)
class RemoveQuote(Operation):
    quote_id: int
    LABEL: ClassVar[str] = "Remove quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        quote = _quote(s, self.quote_id)
        section = _section(s, quote.section_id)
        data = snapshots.quote_dict(quote)
        s.delete(quote)
        s.flush()
        _renumber(_column(s, section.id, data["side"]))
        ctx.touch(section.brief_id)
        return RestoreQuote(section.id, data)


@dataclass(frozen=True)
class RestoreQuote(Operation):
    section_id: int
    data: Mapping[str, Any]
    LABEL: ClassVar[str] = "Restore quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        section = _section(s, self.section_id)
        data = dict(self.data)
        column = _column(s, section.id, data["side"])
        quote = snapshots.restore_quote(s, section.id, data)
        if quote is None:
            raise NotFoundError(f"Source #{data['source_id']} of this quote no longer exists.")
        _place([*column, quote], quote, data.get("position"))
        ctx.touch(section.brief_id)
        return RemoveQuote(quote.id)


@dataclass(frozen=True)
class MoveQuote(Operation):
    """Reorder a quote in its column or move it to another section and/or side.

    ``None`` keeps the current section / side; position ``None`` means the end. Moving to
    the side its source does not naturally belong to records an override (moving back
    clears it); ``side_overridden`` set explicitly wins (undo uses it)."""

    quote_id: int
    section_id: int | None = None
    side: str | None = None
    position: int | None = None
    side_overridden: bool | None = None
    LABEL: ClassVar[str] = "Move quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        quote = _quote(s, self.quote_id)
        old_section = _section(s, quote.section_id)
        target = _section(s, self.section_id) if self.section_id is not None else old_section
        if target.brief_id != old_section.brief_id:
            raise BriefEditError("A quote can only move within its brief.")
        side = self.side or quote.side
        _check_side(side)
        old_side, old_overridden = quote.side, quote.side_overridden
        old_column = _column(s, old_section.id, old_side)
        old_position = old_column.index(quote)
        if self.side_overridden is not None:
            overridden = self.side_overridden
        elif side != old_side:
            overridden = side != natural_side(_source(s, quote.source_id).kind)
        else:
            overridden = old_overridden
        if target.id == old_section.id and side == old_side:
            _place(old_column, quote, self.position)
        else:
            new_column = _column(s, target.id, side)
            quote.section_id = target.id
            quote.side = side
            _renumber([q for q in old_column if q is not quote])
            _place([*new_column, quote], quote, self.position)
        quote.side_overridden = overridden
        ctx.touch(old_section.brief_id)
        return MoveQuote(quote.id, old_section.id, old_side, old_position, old_overridden)


@dataclass(frozen=True)
class SetQuoteSide(Operation):
    """Put a quote on a side (appended to that column); ``None`` returns it to its source's
    natural side and clears the override."""

    quote_id: int
    side: str | None
    LABEL: ClassVar[str] = "Change quote side"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        quote = _quote(s, self.quote_id)
        natural = natural_side(_source(s, quote.source_id).kind)
        side = self.side or natural
        _check_side(side)
        position = None if side != quote.side else _column(s, quote.section_id, side).index(quote)
        return MoveQuote(quote.id, None, side, position, side != natural).run(ctx)


@dataclass(frozen=True)
class TrimQuote(Operation):
    """Record an ellipsis trim (``None`` or "" removes it); the verbatim span is kept."""

    quote_id: int
    display_text: str | None
    LABEL: ClassVar[str] = "Trim quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        quote = _quote(s, self.quote_id)
        old = quote.display_text
        new = (self.display_text or "").strip() or None
        if new is not None:
            if new == quote.text.strip():
                new = None
            else:
                check_trim(quote.text, new)
        quote.display_text = new
        ctx.touch(_section(s, quote.section_id).brief_id)
        return TrimQuote(quote.id, old)


@dataclass(frozen=True)
class SetSuggested(Operation):
    quote_id: int
    suggested: bool
    LABEL: ClassVar[str] = "Mark as suggestion"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        quote = _quote(s, self.quote_id)
        old = quote.suggested
        quote.suggested = bool(self.suggested)
        ctx.touch(_section(s, quote.section_id).brief_id)
        return SetSuggested(quote.id, old)


@dataclass(frozen=True)
class AcceptSuggestion(Operation):
    quote_id: int
    LABEL: ClassVar[str] = "Accept suggestion"

    def run(self, ctx: Context) -> Operation:
        return SetSuggested(self.quote_id, False).run(ctx)


@dataclass(frozen=True)
class DismissSuggestion(Operation):
    """Dismissing a suggestion removes it."""

    quote_id: int
    LABEL: ClassVar[str] = "Dismiss suggestion"

    def run(self, ctx: Context) -> Operation:
        quote = _quote(ctx.session, self.quote_id)
        if not quote.suggested:
            raise BriefEditError(f"Quote #{quote.id} is not a suggestion; remove it instead.")
        return RemoveQuote(quote.id).run(ctx)


@dataclass(frozen=True)
class AcceptAllSuggestions(Operation):
    """Accept the suggestions of one section or of a whole brief (give exactly one id)."""

    section_id: int | None = None
    brief_id: int | None = None
    LABEL: ClassVar[str] = "Accept all suggestions"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        if (self.section_id is None) == (self.brief_id is None):
            raise BriefEditError("Accept the suggestions of a section or of a brief.")
        if self.section_id is not None:
            section_ids = [_section(s, self.section_id).id]
        else:
            assert self.brief_id is not None
            section_ids = [x.id for x in _sections(s, _brief(s, self.brief_id).id)]
        quote_ids = list(
            s.scalars(
                select(Quote.id)
                .join(BriefSection, BriefSection.id == Quote.section_id)
                .where(Quote.section_id.in_(section_ids), Quote.suggested.is_(True))
                .order_by(BriefSection.position, Quote.side, Quote.position)
            )
        )
        inverse = Compound(tuple(AcceptSuggestion(q) for q in quote_ids), self.LABEL).run(ctx)
        if self.brief_id is not None:
            ctx.touch(self.brief_id)
        return inverse


@dataclass(frozen=True)
class SetQuoteAnchor(Operation):
    """Point a quote at a (new) span and record its check status (used by verification)."""

    quote_id: int
    source_id: int
    start: int
    end: int
    text: str
    status: str
    display_text: str | None = None
    LABEL: ClassVar[str] = "Re-anchor quote"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        quote = _quote(s, self.quote_id)
        if self.status not in QUOTE_STATUSES:
            raise BriefEditError(f"Unknown quote status {self.status!r}.")
        src = _source(s, self.source_id)
        _check_span(s, src, self.start, self.end)
        inverse = SetQuoteAnchor(
            quote.id,
            quote.source_id,
            quote.start,
            quote.end,
            quote.text,
            quote.status,
            quote.display_text,
        )
        quote.source_id = src.id
        quote.start, quote.end = self.start, self.end
        quote.text = self.text
        quote.status = self.status
        quote.display_text = self.display_text
        ctx.touch(_section(s, quote.section_id).brief_id)
        return inverse
