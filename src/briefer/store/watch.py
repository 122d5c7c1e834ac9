"""A cheap fingerprint of what others may have changed, for windows that refresh on change.

``change_stamp`` reads a few indexed maxima and counts of small tables (no scan of passages or
texts): every brief operation writes a ``brief_event`` row, imports and deletions move the
source count or largest id, topic edits the topic ones. A window polls it every few seconds
and reloads what it shows when the stamp moves.
"""

from __future__ import annotations

from sqlalchemy import func, select

from briefer.store.db import Store
from briefer.store.models import BriefEvent, Source, Topic
from briefer.store.uow import ReadSession


def change_stamp(store: Store) -> tuple[int, ...]:
    """Moves whenever briefs, sources or topics change (in this or another Briefer)."""
    with ReadSession(store) as s:
        row = s.execute(
            select(
                select(func.coalesce(func.max(BriefEvent.id), 0)).scalar_subquery(),
                select(func.count(Source.id)).scalar_subquery(),
                select(func.coalesce(func.max(Source.id), 0)).scalar_subquery(),
                select(func.count(Topic.id)).scalar_subquery(),
                select(func.coalesce(func.max(Topic.id), 0)).scalar_subquery(),
            )
        ).one()
    return tuple(int(v) for v in row)
