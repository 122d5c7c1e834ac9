"""The machinery of brief operations: ``Operation``, ``Context``, ``Compound`` and helpers.

The operations themselves live in ``brief_ops``, ``section_ops`` and ``quote_ops``;
``briefer.briefs.operations`` gathers them all (its docstring tells how they work).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from briefer.briefs.changes import Applied, Changes
from briefer.briefs.model import ASSESSMENT_LABELS
from briefer.errors import BrieferError, NotFoundError
from briefer.store import ConflictError, Store, UnitOfWork
from briefer.store.engines import officer
from briefer.store.models import (
    Ask,
    AskResponse,
    Brief,
    BriefEvent,
    BriefSection,
    BriefVersion,
    Passage,
    PassageTopic,
    Quote,
    Source,
    Topic,
    utcnow,
)
from briefer.store.texts import source_length
from briefer.store.uow import CONFLICT_MESSAGE

SIDES: tuple[str, ...] = ("industry", "official", "context")
ASSESSMENTS: tuple[str, ...] = tuple(ASSESSMENT_LABELS)
QUOTE_STATUSES: tuple[str, ...] = ("ok", "moved", "changed")
TEXT_SECTION_FIELDS = ("heading", "assessment", "assessment_comment", "background", "notes")
LIST_SECTION_FIELDS = ("lines_to_take", "if_asked")
#: How the Edit menu names one field ("Undo Edit lines to take").
FIELD_NAMES: dict[str, str] = {
    "title": "title",
    "meeting_date": "meeting date",
    "venue": "venue",
    "author": "prepared by",
    "organisation": "organisation",
    "marking": "marking",
    "objectives": "objectives",
    "scene_setter": "scene setter",
    "heading": "heading",
    "assessment": "assessment",
    "assessment_comment": "assessment comment",
    "background": "background",
    "notes": "notes",
    "lines_to_take": "lines to take",
    "if_asked": "if asked",
}


def field_label(fields: Mapping[str, Any], default: str) -> str:
    """ "Edit lines to take" for an edit of one named field, else ``default``."""
    keys = list(fields)
    if len(keys) == 1 and keys[0] in FIELD_NAMES:
        return f"Edit {FIELD_NAMES[keys[0]]}"
    return default


#: What separates the kept pieces of an ellipsis trim.
TRIM_SEPARATOR = re.compile(r"\s*(?:…|\.\.\.)\s*")


class BriefEditError(BrieferError):
    """An edit to a brief that cannot be made (bad offsets, bad trim, unknown field...)."""


def natural_side(source_kind: str) -> str:
    """Industry sources quote on the industry side, official ones on the official side, and
    press and analysis (``other``) as context: never as an official outcome by default."""
    return {"industry": "industry", "official": "official"}.get(source_kind, "context")


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
    #: The brief, section or quote the operation created (see ``create``).
    created: int | None = None
    #: What the flushes wrote, gathered by ``_record`` (see ``changes``).
    written: dict[str, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.officer = officer(self.session)
        event.listen(self.session, "before_flush", self._stamp)
        event.listen(self.session, "after_flush", self._record)

    def create(self, ident: int) -> None:
        """Name the row the operation created (``Applied.created_id``)."""
        self.created = ident

    def wrote(self, kind: str, *idents: int | None) -> None:
        """Note that rows of ``kind`` changed (``_record`` does this for every flush)."""
        self.written.setdefault(kind, set()).update(i for i in idents if i is not None)

    def _record(self, session: Session, _flush: Any) -> None:
        """After each flush (pre-flush state still visible): note what was written, by id."""
        for state, objs in (("new", session.new), ("dirty", session.dirty)):
            for obj in objs:
                self._note_row(obj, state)
        for obj in session.deleted:
            self._note_row(obj, "deleted")

    def _note_row(self, obj: Any, state: str) -> None:
        if isinstance(obj, Brief):
            self.wrote("deleted_briefs" if state == "deleted" else "briefs", obj.id)
        elif isinstance(obj, BriefSection):
            self.wrote("briefs", obj.brief_id)
            self.wrote("sections", obj.id)
            if state != "dirty" or _changed_attr(obj, "position"):
                self.wrote("layout", obj.brief_id)
        elif isinstance(obj, Quote):
            self.wrote("sections", obj.section_id, *_old_values(obj, "section_id"))
        elif isinstance(obj, BriefVersion):
            self.wrote("briefs", obj.brief_id)
        elif isinstance(obj, Ask | AskResponse):
            self.wrote("asks", 0)
        elif isinstance(obj, Source):
            self.wrote("sources", obj.id)
        elif isinstance(obj, Passage):
            self.wrote("passages", obj.source_id)
        elif isinstance(obj, PassageTopic | Topic):
            self.wrote("topics", 0)

    def changes(self) -> Changes:
        """What the transaction changed, from what it flushed."""
        w = self.written
        deleted = frozenset(w.get("deleted_briefs", ()))
        briefs = frozenset(w.get("briefs", set()) | self.touched | self.noted) - deleted
        asks = "asks" in w  # an ask decision shows in the ledger of every brief quoting it
        sources = w.get("sources", set()) | w.get("passages", set())
        return Changes(
            sources="sources" in w,
            topics="topics" in w,
            passages="passages" in w or "topics" in w,
            briefs=bool(briefs or deleted or asks),
            source_id=next(iter(sources)) if len(sources) == 1 else None,
            brief_ids=frozenset() if asks else briefs,
            deleted_ids=deleted,
            section_ids=None if asks else frozenset(w.get("sections", ())),
            layout=frozenset(w.get("layout", ())),
        )

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

    def apply(self, store: Store, *, seen: dict[int, int] | None = None) -> Applied:
        """Make the change in one transaction; return what it did: the operation that
        undoes it, the :class:`Changes` (ids included) and the id of any row it created.

        With ``seen`` (brief id → revision the caller last saw), a brief changed by someone
        else since is refused (``ConflictError``); after the change ``seen`` holds the new
        revisions."""
        with UnitOfWork(store) as uow:
            ctx = Context(uow.session, seen=seen)
            inverse = self.run(ctx)
            ctx.finish(self.label, self.detail)
            uow.commit()
            changes = ctx.changes()
        if seen is not None:
            for brief_id, revision in ctx.revisions.items():
                if revision is None:
                    seen.pop(brief_id, None)
                else:
                    seen[brief_id] = revision
        return Applied(inverse, changes, ctx.created)

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


def _changed_attr(obj: Any, name: str) -> bool:
    return bool(inspect(obj).attrs[name].history.has_changes())


def _old_values(obj: Any, name: str) -> tuple[Any, ...]:
    """The values an attribute had before this flush (a quote moved out of a section)."""
    return tuple(inspect(obj).attrs[name].history.deleted or ())


_Row = TypeVar("_Row")


def _get(s: Session, model: type[_Row], ident: int, what: str) -> _Row:
    row = s.get(model, ident)
    if row is None:
        raise NotFoundError(f"There is no {what} #{ident}.")
    return row


def _brief(s: Session, brief_id: int) -> Brief:
    return _get(s, Brief, brief_id, "brief")


def _section(s: Session, section_id: int) -> BriefSection:
    return _get(s, BriefSection, section_id, "section")


def _quote(s: Session, quote_id: int) -> Quote:
    return _get(s, Quote, quote_id, "quote")


def _source(s: Session, source_id: int) -> Source:
    return _get(s, Source, source_id, "source")


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
    _renumber(rest)


def _renumber(items: list[Any]) -> None:
    """Make the positions of ``items`` 0..n-1 in list order (touching only what changes)."""
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


def _check_span(s: Session, src: Source, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise BriefEditError("Quote offsets must be whole numbers.")
    length = source_length(s, src.id) or 0
    if not 0 <= start < end <= length:
        raise BriefEditError(
            f"A quote must be a non-empty span of the source: 0 ≤ start < end ≤ {length} "
            f"(got {start}–{end})."
        )


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise BriefEditError(f"Unknown side {side!r}: use industry, official or context.")


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
