"""Automatic tagging inside the store; manual tags and untags are never overwritten."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from briefer.ingest.tagger import Tagger, TopicTerms
from briefer.library.views import split_path
from briefer.store.models import Passage, PassageTopic, Source, Topic


def build_tagger(session: Session, topic_ids: Iterable[int] | None = None) -> Tagger:
    stmt = select(Topic)
    if topic_ids is not None:
        stmt = stmt.where(Topic.id.in_(list(topic_ids)))
    return Tagger(
        TopicTerms(t.id, (t.name, *(a.alias for a in t.aliases))) for t in session.scalars(stmt)
    )


def retag(session: Session, source_ids: list[int] | None, topic_ids: list[int] | None) -> int:
    """Recompute automatic tags for the given sources/topics; returns tags written."""
    tagger = build_tagger(session, topic_ids)
    del_stmt = delete(PassageTopic).where(PassageTopic.origin == "auto")
    if topic_ids is not None:
        del_stmt = del_stmt.where(PassageTopic.topic_id.in_(topic_ids))
    if source_ids is not None:
        del_stmt = del_stmt.where(
            PassageTopic.passage_id.in_(
                select(Passage.id).where(Passage.source_id.in_(source_ids))
            )
        )
    session.execute(del_stmt)
    manual_q = select(PassageTopic.passage_id, PassageTopic.topic_id).where(
        PassageTopic.origin == "manual"
    )
    rows_q = (
        select(Passage.id, Passage.start, Passage.end, Passage.heading_path, Source.text)
        .join(Source, Source.id == Passage.source_id)
        .where(Passage.content.is_(True))
        .order_by(Passage.source_id, Passage.ordinal)
    )
    if source_ids is not None:
        rows_q = rows_q.where(Passage.source_id.in_(source_ids))
        manual_q = manual_q.join(Passage, Passage.id == PassageTopic.passage_id).where(
            Passage.source_id.in_(source_ids)
        )
    manual = set((tuple(r) for r in session.execute(manual_q)))
    written = []
    for pid, start, end, path, text in session.execute(rows_q):
        for tag in tagger.score(text[start:end], split_path(path)):
            if (pid, tag.topic_id) in manual:
                continue
            written.append(
                {
                    "passage_id": pid,
                    "topic_id": tag.topic_id,
                    "origin": "auto",
                    "score": tag.score,
                    "primary": tag.primary,
                    "excluded": False,
                }
            )
    if written:
        session.execute(PassageTopic.__table__.insert(), written)
    return len(written)


def tag_sources(session: Session, source_ids: list[int]) -> int:
    return retag(session, source_ids, None)


def retag_topics(session: Session, topic_ids: list[int]) -> int:
    return retag(session, None, topic_ids)


def retag_all(session: Session) -> int:
    return retag(session, None, None)
