"""Brief-level operations: create, delete, restore, edit details, duplicate, versions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import select

from briefer.briefs import markings, snapshots
from briefer.briefs.operation_base import (
    BriefEditError,
    Context,
    Operation,
    _brief,
    _get,
    field_label,
)
from briefer.errors import NotFoundError
from briefer.store.models import Brief, BriefVersion

LANGUAGES = ("en", "ja")


def _clean_list(key: str, value: Any) -> list[Any]:
    """A list field: strings stripped, empty entries dropped; attendees as name/pen picture."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [line for line in value.splitlines()]
    if not isinstance(value, list | tuple):
        raise BriefEditError(f"The {key.replace('_', ' ')} must be a list.")
    if key != "attendees":
        return [str(v).strip() for v in value if str(v).strip()]
    out = []
    for item in value:
        if isinstance(item, Mapping):
            name = str(item.get("name", "") or "").strip()
            pen = str(item.get("pen_picture", "") or "").strip()
        elif isinstance(item, list | tuple) and 1 <= len(item) <= 2:
            name = str(item[0]).strip()
            pen = str(item[1]).strip() if len(item) > 1 else ""
        else:
            name, pen = str(item).strip(), ""
        if not name and pen:
            raise BriefEditError("An attendee needs a name.")
        if name:
            out.append({"name": name, "pen_picture": pen})
    return out


def _clean_date(value: Any, what: str) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()) if value.strip() else None
        except ValueError as exc:
            raise BriefEditError(f"{value!r} is not a date (use YYYY-MM-DD).") from exc
    if value is not None and not isinstance(value, date):
        raise BriefEditError(f"The {what} must be a date.")
    return value


def _clean_brief_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in snapshots.BRIEF_KEYS:
            raise BriefEditError(f"A brief has no field {key!r}.")
        if key in snapshots.BRIEF_LIST_KEYS:
            out[key] = _clean_list(key, value)
            continue
        if key == "reference_date":
            out[key] = _clean_date(value, "reference date")
            continue
        if key == "language":
            value = (str(value or "en").strip().lower() or "en").split("-")[0]
            if value not in LANGUAGES:
                raise BriefEditError(
                    f"Briefs are written in {' or '.join(LANGUAGES)}, not {value!r}."
                )
            out[key] = value
            continue
        if key == "marking_scheme":
            value = str(value or "").strip().lower()
            if value and value not in markings.SCHEMES:
                raise BriefEditError(
                    f"Unknown marking scheme {value!r}: use {', '.join(markings.SCHEMES)}."
                )
            out[key] = value
            continue
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


@dataclass(frozen=True)
class CreateBrief(Operation):
    title: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    LABEL: ClassVar[str] = "New brief"

    def run(self, ctx: Context) -> Operation:
        values = _clean_brief_fields({**self.fields, "title": self.title})
        if values.get("marking") and not values.get("marking_scheme"):
            values["marking_scheme"] = markings.scheme_for(values["marking"])
        brief = Brief(**values)
        ctx.session.add(brief)
        ctx.session.flush()
        ctx.note(brief.id)
        ctx.create(brief.id)
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
        snap = snapshots.snapshot_dict(s, brief.id, include_versions=True)
        snapshots.clear_contents(s, brief.id)
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
        brief = snapshots.restore_from_snapshot(
            ctx.session, dict(self.snapshot), include_versions=True
        )
        ctx.touch(brief.id)
        return DeleteBrief(brief.id)


@dataclass(frozen=True)
class UpdateBriefFields(Operation):
    brief_id: int
    fields: Mapping[str, Any]
    LABEL: ClassVar[str] = "Edit brief details"

    @property
    def label(self) -> str:
        return field_label(self.fields, self.LABEL)

    def run(self, ctx: Context) -> Operation:
        brief = _brief(ctx.session, self.brief_id)
        values = _clean_brief_fields(self.fields)
        if "marking" in values and "marking_scheme" not in values:
            values["marking_scheme"] = markings.scheme_for(values["marking"])
        old = {k: getattr(brief, k) for k in values}
        old = {k: list(v) if isinstance(v, list) else v for k, v in old.items()}
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
        snap = snapshots.snapshot_dict(s, self.brief_id)
        title = (self.new_title or "").strip() or f"Copy of {snap['brief']['title']}"
        brief = snapshots.restore_from_snapshot(s, snap, keep_ids=False, title=title)
        ctx.note(brief.id)
        ctx.create(brief.id)
        return DeleteBrief(brief.id)


@dataclass(frozen=True)
class RestoreSnapshot(Operation):
    """Replace a brief's fields and sections by a snapshot (its versions are kept)."""

    brief_id: int
    snapshot: Mapping[str, Any]
    LABEL: ClassVar[str] = "Restore brief"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        before = snapshots.snapshot_dict(s, self.brief_id)
        snapshots.restore_from_snapshot(s, dict(self.snapshot), brief_id=self.brief_id)
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
        taken = s.scalars(select(BriefVersion.name).where(BriefVersion.brief_id == self.brief_id))
        if any(" ".join(t.split()).casefold() == " ".join(name.split()).casefold() for t in taken):
            raise BriefEditError(
                f"Brief #{self.brief_id} already has a version named “{name}”: "
                "give this one another name."
            )
        version = BriefVersion(
            brief_id=self.brief_id, name=name, snapshot=snapshots.snapshot_dict(s, self.brief_id)
        )
        s.add(version)
        s.flush()
        ctx.touch(self.brief_id)
        ctx.create(version.id)
        return DeleteVersion(version.id)


@dataclass(frozen=True)
class DeleteVersion(Operation):
    version_id: int
    LABEL: ClassVar[str] = "Delete version"

    def run(self, ctx: Context) -> Operation:
        s = ctx.session
        version = _get(s, BriefVersion, self.version_id, "version")
        data = {
            "id": version.id,
            "name": version.name,
            "taken_at": snapshots.iso_or_none(version.taken_at),
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
        version = snapshots.restore_version_record(ctx.session, self.brief_id, dict(self.data))
        ctx.touch(self.brief_id)
        return DeleteVersion(version.id)
