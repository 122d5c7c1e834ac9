"""Who did what to a brief: the ``brief_event`` rows written by every operation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from briefer.errors import NotFoundError
from briefer.store import ReadSession, Store
from briefer.store.models import Brief, BriefEvent


@dataclass(frozen=True, slots=True)
class BriefEventView:
    id: int
    brief_id: int
    at: datetime
    officer: str
    action: str
    detail: str
    revision: int | None


def brief_history(store: Store, brief_id: int, *, limit: int | None = None) -> list[BriefEventView]:
    """The brief's changes, oldest first (the last ``limit`` when given)."""
    with ReadSession(store) as s:
        known = s.get(Brief, brief_id) is not None or s.scalar(
            select(func.count()).select_from(BriefEvent).where(BriefEvent.brief_id == brief_id)
        )
        if not known:
            raise NotFoundError(f"There is no brief #{brief_id}.")
        stmt = (
            select(BriefEvent).where(BriefEvent.brief_id == brief_id).order_by(BriefEvent.id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            BriefEventView(e.id, e.brief_id, e.at, e.officer, e.action, e.detail, e.revision)
            for e in reversed(list(s.scalars(stmt)))
        ]


def latest_change(store: Store, brief_id: int) -> tuple[int, datetime] | None:
    """The brief's revision and time of its last change: the GUI polls this (cheap)."""
    with ReadSession(store) as s:
        stmt = select(Brief.revision, Brief.updated_at).where(Brief.id == brief_id)
        row = s.execute(stmt).first()
    return None if row is None else (row[0], row[1])
