"""A span of a source's text, read in SQL: a 20 MB text stays in the store (loading
``Source.text`` for a page of passages, or for one quote, held it all in memory)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.store.models import Source


def text_span(session: Session, source_id: int, start: int, end: int) -> str | None:
    """``text[start:end]`` of the source (character offsets); None if there is no such
    source. SQL's ``substr`` counts characters from 1, as both engines do."""
    return session.scalar(
        select(func.substr(Source.text, start + 1, max(0, end - start))).where(
            Source.id == source_id
        )
    )


def source_texts(session: Session, source_ids: list[int]) -> dict[int, str]:
    """The whole texts of some sources, by id (re-tagging reads each source once)."""
    rows = session.execute(select(Source.id, Source.text).where(Source.id.in_(source_ids)))
    return {sid: text for sid, text in rows}
