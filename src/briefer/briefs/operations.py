"""Every change to a brief as a small, invertible operation: one transaction each.

``op.apply(store)`` makes the change in one ``UnitOfWork`` and returns the operation that
undoes it, so the GUI can wrap operations in undo commands while the core stays Qt-free:

    redo():  self.inverse = self.op.apply(store)
    undo():  self.op = self.inverse.apply(store)

Redo re-applies the *inverse's inverse* rather than the original operation, so a quote or
section brought back by undo/redo keeps its id and later commands on the stack still match.
Every operation bumps the brief's ``revision`` and ``updated_at``, records who made it
(``changed_by``/``changed_at`` and a ``brief_event`` row) and leaves positions dense (0..n-1
per brief for sections, per section and side for quotes).

Team stores: ``op.apply(store, seen=revisions)`` carries the revisions the caller's view was
based on (brief id → revision, updated in place after the change). If someone else changed a
brief since, the operation is refused with a ``ConflictError`` and nothing is saved; the row
versions of briefs, sections and quotes catch changes that race within the same moment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from briefer.briefs import service
from briefer.briefs.model import ASSESSMENT_LABELS
from briefer.errors import BrieferError, NotFoundError
from briefer.store import ConflictError, Store, UnitOfWork
from briefer.store.engines import officer
from briefer.store.models import (
    Brief,
    BriefEvent,
    BriefSection,
    BriefVersion,
    Quote,
    Source,
    Topic,
    utcnow,
)
from briefer.store.uow import CONFLICT_MESSAGE

SIDES: tuple[str, ...] = ("industry", "official")
ASSESSMENTS: tuple[str, ...] = tuple(ASSESSMENT_LABELS)
QUOTE_STATUSES: tuple[str, ...] = ("ok", "moved", "changed")
TEXT_SECTION_FIELDS = ("heading", "assessment", "assessment_comment", "background", "notes")
LIST_SECTION_FIELDS = ("lines_to_take", "if_asked")
#: What separates the kept pieces of an ellipsis trim.
TRIM_SEPARATOR = re.compile(r"\s*(?:…|\.\.\.)\s*")


class BriefEditError(BrieferError):
    """An edit to a brief that cannot be made (bad offsets, bad trim, unknown field...)."""


def natural_side(source_kind: str) -> str:
    """Industry sources quote on the industry side; official and other on the official side."""
    return "industry" if source_kind == "industry" else "official"


# --------------------------------------------------------------------------- machinery


@dataclass
class Context:
    """One transaction: the session and the briefs whose revision the change bumps."""

    session: Session
    touched: set[int] = field(default_factory=set)
    #: Brief id → the revision the caller's view was based on (see the module docstring).
    seen: Mapping[int, int] | None = None
    #: Briefs created or deleted: recorded in the history without a revision bump.
    noted: set[int] = field(default_factory=set)
    #: Brief id → revision after the change (None: deleted), filled by ``finish``.
    revisions: dict[int, int | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.officer = officer(self.session)
        event.listen(self.session, "before_flush", self._stamp)

    def touch(self, brief_id: int) -> None:
        self.touched.add(brief_id)

    def note(self, brief_id: int) -> None:
        self.noted.add(brief_id)

    def check(self, brief: Brief) -> None:
        """Refuse the change if the caller saw this brief at another revision."""
        expected = None if self.seen is None else self.seen.get(brief.id)
        if expected is not None and expected != brief.revision:
            raise ConflictError(CONFLICT_MESSAGE)

    def _stamp(self, session: Session, _flush: Any, _instances: Any) -> None:
        now = utcnow()
        for obj in (*session.new, *session.dirty):
            if isinstance(obj, BriefSection | Quote):
                obj.changed_by, obj.changed_at = self.officer, now
            elif isinstance(obj, Brief):
                obj.changed_by = self.officer

    def finish(self, action: str = "Edit brief", detail: str = "") -> None:
        self.session.flush()
        now = utcnow()
        for brief_id in sorted(self.touched):
            brief = self.session.get(Brief, brief_id)
            if brief is not None:
                self.check(brief)
                brief.revision = (brief.revision or 0) + 1
                brief.updated_at = now
        self.session.flush()
        for brief_id in sorted(self.touched | self.noted):
            brief = self.session.get(Brief, brief_id)
            revision = None if brief is None else brief.revision
            self.revisions[brief_id] = revision
            self.session.add(
                BriefEvent(
                    brief_id=brief_id,
                    at=now,
                    officer=self.officer,
                    action=action[:200],
                    detail=detail,
                    revision=revision,
                )
            )
        self.session.flush()


class Operation:
    """Base class: subclasses are frozen dataclasses implementing ``run``."""

    LABEL: ClassVar[str] = "Edit brief"

    @property
    def label(self) -> str:
        """What the Edit menu shows ("Undo Add quote")."""
        return self.LABEL

    @property
    def detail(self) -> str:
        """What the history records besides the label: the operation's kind."""
        return type(self).__name__

    def apply(self, store: Store, *, seen: dict[int, int] | None = None) -> Operation:
        """Make the change in one transaction; return the operation that undoes it.

        With ``seen`` (brief id → revision the caller last saw), a brief changed by someone
        else since is refused (``ConflictError``); after the change ``seen`` holds the new
        revisions."""
        with UnitOfWork(store) as uow:
            ctx = Context(uow.session, seen=seen)
            inverse = self.run(ctx)
            ctx.finish(self.label, self.detail)
            uow.commit()
        if seen is not None:
            for brief_id, revision in ctx.revisions.items():
                if revision is None:
                    seen.pop(brief_id, None)
                else:
                    seen[brief_id] = revision
        return inverse

    def run(self, ctx: Context) -> Operation:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Compound(Operation):
    """Several operations as one transaction and one undo step."""

    ops: tuple[Operation, ...]
    text: str = ""

    @property
    def label(self) -> str:
        if self.text:
            return self.text
        return self.ops[0].label if len(self.ops) == 1 else "Edit brief"

    @property
    def detail(self) -> str:
        names = [op.detail for op in self.ops]
        return ", ".join(names) if len(names) <= 12 else f"{', '.join(names[:12])}, …"

    def run(self, ctx: Context) -> Operation:
        inverses = [op.run(ctx) for op in self.ops]
        return Compound(tuple(reversed(inverses)), self.text)


# --------------------------------------------------------------------------- helpers


def _brief(s: Session, brief_id: int) -> Brief:
    brief = s.get(Brief, brief_id)
    if brief is None:
        raise NotFoundError(f"There is no brief #{brief_id}.")
    return brief


def _section(s: Session, section_id: int) -> BriefSection:
    section = s.get(BriefSection, section_id)
    if section is None:
        raise NotFoundError(f"There is no section #{section_id}.")
    return section


def _quote(s: Session, quote_id: int) -> Quote:
    quote = s.get(Quote, quote_id)
    if quote is None:
        raise NotFoundError(f"There is no quote #{quote_id}.")
    return quote


def _source(s: Session, source_id: int) -> Source:
    src = s.get(Source, source_id)
    if src is None:
        raise NotFoundError(f"There is no source #{source_id}.")
    return src


def _sections(s: Session, brief_id: int) -> list[BriefSection]:
    return list(
        s.scalars(
            select(BriefSection)
            .where(BriefSection.brief_id == brief_id)
            .order_by(BriefSection.position, BriefSection.id)
        )
    )


def _column(s: Session, section_id: int, side: str) -> list[Quote]:
    return list(
        s.scalars(
            select(Quote)
            .where(Quote.section_id == section_id, Quote.side == side)
            .order_by(Quote.position, Quote.id)
        )
    )


def _place(items: list[Any], item: Any, position: int | None) -> None:
    """Put ``item`` at ``position`` (end when None; clamped) and renumber 0..n-1."""
    rest = [x for x in items if x is not item]
    at = len(rest) if position is None else max(0, min(int(position), len(rest)))
    rest.insert(at, item)
    for i, x in enumerate(rest):
        if x.position != i:
            x.position = i


def _renumber(items: list[Any]) -> None:
    for i, x in enumerate(items):
        if x.position != i:
            x.position = i


def renumber_brief(s: Session, brief_id: int) -> None:
    """Make every position of a brief dense again (after a restore that skipped rows)."""
    s.flush()
    sections = _sections(s, brief_id)
    _renumber(sections)
    for section in sections:
        for side in SIDES:
            _renumber(_column(s, section.id, side))
    s.flush()


def _check_span(src: Source, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise BriefEditError("Quote offsets must be whole numbers.")
    if not 0 <= start < end <= len(src.text):
        raise BriefEditError(
            f"A quote must be a non-empty span of the source: 0 ≤ start < end ≤ {len(src.text)} "
            f"(got {start}–{end})."
        )


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise BriefEditError(f"Unknown side {side!r}: use industry or official.")


def check_trim(text: str, display_text: str) -> None:
    """An ellipsis trim keeps pieces of the quote, in order, joined by " … " or "...".

    Raises when a piece is not in the original (so a trim can never put words in a
    speaker's mouth)."""
    pieces = TRIM_SEPARATOR.split(display_text.strip())
    if not any(p.strip() for p in pieces):
        raise BriefEditError("A trimmed quote must keep some of the original text.")
    pos = 0
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            if 0 < i < len(pieces) - 1:
                raise BriefEditError("A trimmed quote has two ellipses in a row.")
            continue
        found = text.find(piece, pos)
        if found < 0:
            shown = piece if len(piece) <= 60 else piece[:57] + "..."
            raise BriefEditError(
                f"“{shown}” is not in the original quote (or not in this order); a trim may only "
                "leave words out, joined by “ … ”."
            )
        pos = found + len(piece)


def _clean_brief_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in service.BRIEF_KEYS:
            raise BriefEditError(f"A brief has no field {key!r}.")
        if key == "meeting_date":
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value) if value.strip() else None
                except ValueError as exc:
                    raise BriefEditError(f"{value!r} is not a date (use YYYY-MM-DD).") from exc
            elif value is not None and not isinstance(value, date):
                raise BriefEditError("The meeting date must be a date.")
        else:
            value = "" if value is None else str(value)
            if key == "title":
                value = value.strip()
                if not value:
                    raise BriefEditError("A brief needs a title.")
        out[key] = value
    return out


def _clean_section_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in LIST_SECTION_FIELDS:
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise BriefEditError(f"{key} must be a list of lines.")
            out[key] = [str(v) for v in value]
        elif key in TEXT_SECTION_FIELDS:
            value = "" if value is None else str(value)
            if key == "assessment" and value not in ASSESSMENTS:
                raise BriefEditError(f"Unknown assessment {value!r}: use {', '.join(ASSESSMENTS)}.")
            if key == "heading" and not value.strip():
                raise BriefEditError("A section needs a heading.")
            out[key] = value
        else:
            raise BriefEditError(f"A section has no field {key!r}.")
    return out


def _topic_taken(s: Session, brief_id: int, topic_id: int, except_id: int | None = None) -> bool:
    stmt = select(BriefSection.id).where(
        BriefSection.brief_id == brief_id, BriefSection.topic_id == topic_id
    )
    return any(sid != except_id for sid in s.scalars(stmt))


# --------------------------------------------------------------------------- briefs


@dataclass(frozen=True)
class CreateBrief(Operation):
    title: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    LABEL: ClassVar[str] = "New brief"

    def run(self, ctx: Context) -> Operation:
        values = _clean_brief_fields({**self.fields, "title": self.title})
        brief = Brief(**values)
        ctx.session.add(brief)
        ctx.session.flush()
        ctx.note(brief.id)
        return DeleteBrief(brief.id)


@dataclass(frozen=True)
class DeleteBrief(Operation):
    brief_id: int
    LABEL: ClassVar[str] = "Delete brief"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        brief = _brief(s, self.brief_id)
        ctx.check(brief)
        ctx.note(brief.id)
        snap = service.snapshot_dict(s, brief.id, include_versions=True)
        service.clear_contents(s, brief.id)
        for v in s.scalars(select(BriefVersion).where(BriefVersion.brief_id == brief.id)):
            s.delete(v)
        s.flush()  # versions first: the database would cascade them behind the ORM's back
        s.delete(brief)
        s.flush()
        return RestoreBrief(snap)


@dataclass(frozen=True)
class RestoreBrief(Operation):
    """Bring a deleted brief back from its snapshot: same ids, sections, quotes, versions."""

    snapshot: Mapping[str, Any]
    LABEL: ClassVar[str] = "Restore brief"

    def run(self, ctx: Context) -> Operation:
        brief = service.restore_from_snapshot(
            ctx.session, dict(self.snapshot), include_versions=True
        )
        ctx.touch(brief.id)
        return DeleteBrief(brief.id)


@dataclass(frozen=True)
class UpdateBriefFields(Operation):
    brief_id: int
    fields: Mapping[str, Any]
    LABEL: ClassVar[str] = "Edit brief details"

    def run(self, ctx: Context) -> Operation:
        brief = _brief(ctx.session, self.brief_id)
        values = _clean_brief_fields(self.fields)
        old = {k: getattr(brief, k) for k in values}
        for k, v in values.items():
            setattr(brief, k, v)
        ctx.touch(brief.id)
        return UpdateBriefFields(brief.id, old)


@dataclass(frozen=True)
class DuplicateBrief(Operation):
    """A copy to start the next meeting's brief from (no versions, fresh ids)."""

    brief_id: int
    new_title: str | None = None
    LABEL: ClassVar[str] = "Duplicate brief"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        snap = service.snapshot_dict(s, self.brief_id)
        title = (self.new_title or "").strip() or f"Copy of {snap['brief']['title']}"
        brief = service.restore_from_snapshot(s, snap, keep_ids=False, title=title)
        ctx.note(brief.id)
        return DeleteBrief(brief.id)


@dataclass(frozen=True)
class RestoreSnapshot(Operation):
    """Replace a brief's fields and sections by a snapshot (its versions are kept)."""

    brief_id: int
    snapshot: Mapping[str, Any]
    LABEL: ClassVar[str] = "Restore brief"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        before = service.snapshot_dict(s, self.brief_id)
        service.restore_from_snapshot(s, dict(self.snapshot), brief_id=self.brief_id)
        ctx.touch(self.brief_id)
        return RestoreSnapshot(self.brief_id, before)


@dataclass(frozen=True)
class RestoreVersion(Operation):
    brief_id: int
    version_id: int
    LABEL: ClassVar[str] = "Restore version"

    def run(self, ctx: Context) -> Operation:
        version = ctx.session.get(BriefVersion, self.version_id)
        if version is None or version.brief_id != self.brief_id:
            raise NotFoundError(f"Brief #{self.brief_id} has no version #{self.version_id}.")
        inverse = RestoreSnapshot(self.brief_id, version.snapshot).run(ctx)
        assert isinstance(inverse, RestoreSnapshot)
        return inverse


@dataclass(frozen=True)
class TakeVersion(Operation):
    brief_id: int
    name: str
    LABEL: ClassVar[str] = "Save version"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        _brief(s, self.brief_id)
        name = self.name.strip()
        if not name:
            raise BriefEditError("A version needs a name.")
        version = BriefVersion(
            brief_id=self.brief_id, name=name, snapshot=service.snapshot_dict(s, self.brief_id)
        )
        s.add(version)
        s.flush()
        ctx.touch(self.brief_id)
        return DeleteVersion(version.id)


@dataclass(frozen=True)
class DeleteVersion(Operation):
    version_id: int
    LABEL: ClassVar[str] = "Delete version"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        version = s.get(BriefVersion, self.version_id)
        if version is None:
            raise NotFoundError(f"There is no version #{self.version_id}.")
        data = {
            "id": version.id,
            "name": version.name,
            "taken_at": service.iso_or_none(version.taken_at),
            "snapshot": version.snapshot,
        }
        brief_id = version.brief_id
        s.delete(version)
        s.flush()
        ctx.touch(brief_id)
        return RestoreVersionRecord(brief_id, data)


@dataclass(frozen=True)
class RestoreVersionRecord(Operation):
    brief_id: int
    data: Mapping[str, Any]
    LABEL: ClassVar[str] = "Restore deleted version"

    def run(self, ctx: Context) -> Operation:
        _brief(ctx.session, self.brief_id)
        version = service.restore_version_record(ctx.session, self.brief_id, dict(self.data))
        ctx.touch(self.brief_id)
        return DeleteVersion(version.id)


# --------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class AddSection(Operation):
    brief_id: int
    topic_id: int | None = None
    heading: str = ""
    position: int | None = None
    LABEL: ClassVar[str] = "Add section"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        _brief(s, self.brief_id)
        heading = self.heading.strip()
        if self.topic_id is not None:
            topic = s.get(Topic, self.topic_id)
            if topic is None:
                raise NotFoundError(f"There is no topic #{self.topic_id}.")
            if _topic_taken(s, self.brief_id, topic.id):
                raise BriefEditError(f"The brief already has a section on {topic.name}.")
            heading = heading or topic.name
        if not heading:
            raise BriefEditError("A section needs a topic or a heading.")
        siblings = _sections(s, self.brief_id)
        section = BriefSection(
            brief_id=self.brief_id, topic_id=self.topic_id, heading=heading, position=len(siblings)
        )
        s.add(section)
        s.flush()
        _place([*siblings, section], section, self.position)
        ctx.touch(self.brief_id)
        return RemoveSection(section.id)


@dataclass(frozen=True)
class RemoveSection(Operation):
    section_id: int
    LABEL: ClassVar[str] = "Remove section"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        section = _section(s, self.section_id)
        brief_id = section.brief_id
        data = service.section_dict(s, section)
        for q in s.scalars(select(Quote).where(Quote.section_id == section.id)):
            s.delete(q)
        s.flush()
        s.delete(section)
        s.flush()
        _renumber(_sections(s, brief_id))
        ctx.touch(brief_id)
        return RestoreSection(brief_id, data)


@dataclass(frozen=True)
class RestoreSection(Operation):
    brief_id: int
    data: Mapping[str, Any]
    LABEL: ClassVar[str] = "Restore section"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        _brief(s, self.brief_id)
        data = dict(self.data)
        if data.get("topic_id") is not None and _topic_taken(s, self.brief_id, data["topic_id"]):
            raise BriefEditError("The brief already has a section on this topic.")
        siblings = _sections(s, self.brief_id)
        section = service.restore_section(s, self.brief_id, data)
        _place([*siblings, section], section, data.get("position"))
        for side in SIDES:
            _renumber(_column(s, section.id, side))
        ctx.touch(self.brief_id)
        return RemoveSection(section.id)


@dataclass(frozen=True)
class MoveSection(Operation):
    section_id: int
    new_position: int
    LABEL: ClassVar[str] = "Move section"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        section = _section(s, self.section_id)
        siblings = _sections(s, section.brief_id)
        old = siblings.index(section)
        _place(siblings, section, self.new_position)
        ctx.touch(section.brief_id)
        return MoveSection(section.id, old)


@dataclass(frozen=True)
class UpdateSectionFields(Operation):
    """Assessment and comment, lines to take, if-asked lines, background, notes, heading."""

    section_id: int
    fields: Mapping[str, Any]
    LABEL: ClassVar[str] = "Edit section"

    def run(self, ctx: Context) -> Operation:
        section = _section(ctx.session, self.section_id)
        values = _clean_section_fields(self.fields)
        old: dict[str, Any] = {}
        for k, v in values.items():
            current = getattr(section, k)
            old[k] = list(current) if isinstance(current, list) else current
            setattr(section, k, v)
        ctx.touch(section.brief_id)
        return UpdateSectionFields(section.id, old)


# --------------------------------------------------------------------------- quotes


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
        _check_span(src, self.start, self.end)
        natural = natural_side(src.kind)
        side = self.side or natural
        _check_side(side)
        column = _column(s, section.id, side)
        quote = Quote(
            section_id=section.id,
            source_id=src.id,
            start=self.start,
            end=self.end,
            text=src.text[self.start : self.end],
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
        data = service.quote_dict(quote)
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
        quote = service.restore_quote(s, section.id, data)
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
        _check_span(src, self.start, self.end)
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
