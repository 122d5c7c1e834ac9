"""Section operations: add, remove, restore, move and edit a brief's sections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.briefs import snapshots
from briefer.briefs.operation_base import (
    ASSESSMENTS,
    LIST_SECTION_FIELDS,
    SIDES,
    TEXT_SECTION_FIELDS,
    BriefEditError,
    Context,
    Operation,
    _brief,
    _column,
    _place,
    _renumber,
    _section,
    _sections,
    field_label,
)
from briefer.errors import NotFoundError
from briefer.store.models import BriefSection, Quote, Topic


def _clean_section_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "assessment_suggested":
            out[key] = bool(value)
        elif key in LIST_SECTION_FIELDS:
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
        ctx.create(section.id)
        return RemoveSection(section.id)


@dataclass(frozen=True)
class RemoveSection(Operation):
    section_id: int
    LABEL: ClassVar[str] = "Remove section"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        section = _section(s, self.section_id)
        brief_id = section.brief_id
        data = snapshots.section_dict(s, section)
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
        section = snapshots.restore_section(s, self.brief_id, data)
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

    @property
    def label(self) -> str:
        return field_label(self.fields, self.LABEL)

    def run(self, ctx: Context) -> Operation:
        section = _section(ctx.session, self.section_id)
        values = _clean_section_fields(self.fields)
        if {"assessment", "assessment_comment"} & values.keys():
            # The officer wrote or chose the assessment: it is no longer a proposal to review.
            values.setdefault("assessment_suggested", False)
        old: dict[str, Any] = {}
        for k, v in values.items():
            current = getattr(section, k)
            old[k] = list(current) if isinstance(current, list) else current
            setattr(section, k, v)
        ctx.touch(section.brief_id)
        return UpdateSectionFields(section.id, old)
