"""Automatic tagging inside the store; manual tags and untags are never overwritten."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from briefer.ingest.tagger import PRIMARY_SHARE, Tagger, TopicTerms
from briefer.library.views import split_path
from briefer.store.models import Passage, PassageTopic, Source, Topic, TopicAlias

_TAGGERS: dict[tuple[TopicTerms, ...], Tagger] = {}
_BATCH = 200


def build_tagger(session: Session, topic_ids: Iterable[int] | None = None) -> Tagger:
    """A tagger for the store's topics (or some of them), reused while they are unchanged."""
    names = select(Topic.id, Topic.name)
    aliases = select(TopicAlias.topic_id, TopicAlias.alias).order_by(TopicAlias.id)
    if topic_ids is not None:
        ids = list(topic_ids)
        names = names.where(Topic.id.in_(ids))
        aliases = aliases.where(TopicAlias.topic_id.in_(ids))
    terms: dict[int, list[str]] = {tid: [name] for tid, name in session.execute(names)}
    for tid, alias in session.execute(aliases):
        terms[tid].append(alias)
    key = tuple(TopicTerms(tid, tuple(t)) for tid, t in sorted(terms.items()))
    tagger = _TAGGERS.get(key)
    if tagger is None:
        if len(_TAGGERS) > 8:
            _TAGGERS.clear()
        tagger = _TAGGERS[key] = Tagger(key)
    return tagger


def retag(session: Session, source_ids: list[int] | None, topic_ids: list[int] | None) -> int:
    """Recompute automatic tags for the given sources and/or topics; returns tags written.

    Scores always come from every topic, because whether a tag is *primary* depends on the
    passage's other topics; only the rows of the requested topics are rewritten, and the
    primary flags of the passages touched are then brought up to date.
    """
    tagger = build_tagger(session)
    wanted = set(topic_ids) if topic_ids is not None else None
    scope = select(PassageTopic.passage_id).where(PassageTopic.origin == "auto")
    if topic_ids is not None:
        scope = scope.where(PassageTopic.topic_id.in_(topic_ids))
    if source_ids is not None:
        scope = scope.where(
            PassageTopic.passage_id.in_(select(Passage.id).where(Passage.source_id.in_(source_ids)))
        )
    touched: set[int] = set(session.scalars(scope)) if wanted is not None else set()
    del_stmt = delete(PassageTopic).where(PassageTopic.origin == "auto")
    if topic_ids is not None:
        del_stmt = del_stmt.where(PassageTopic.topic_id.in_(topic_ids))
    if source_ids is not None:
        del_stmt = del_stmt.where(
            PassageTopic.passage_id.in_(select(Passage.id).where(Passage.source_id.in_(source_ids)))
        )
    session.execute(del_stmt)
    manual_q = select(PassageTopic.passage_id, PassageTopic.topic_id).where(
        PassageTopic.origin == "manual"
    )
    if source_ids is not None:
        manual_q = manual_q.join(Passage, Passage.id == PassageTopic.passage_id).where(
            Passage.source_id.in_(source_ids)
        )
    manual = {(pid, tid) for pid, tid in session.execute(manual_q)}
    all_sources = (
        list(source_ids)
        if source_ids is not None
        else list(session.scalars(select(Source.id).order_by(Source.id)))
    )
    written: list[dict[str, object]] = []
    for i in range(0, len(all_sources), _BATCH):
        batch = all_sources[i : i + _BATCH]
        # Each source text is read once, not once per passage.
        texts = dict(
            session.execute(select(Source.id, Source.text).where(Source.id.in_(batch))).all()
        )
        rows = session.execute(
            select(Passage.id, Passage.source_id, Passage.start, Passage.end, Passage.heading_path)
            .where(Passage.source_id.in_(batch), Passage.content.is_(True))
            .order_by(Passage.source_id, Passage.ordinal)
        )
        for pid, sid, start, end, path in rows:
            for tag in tagger.score(texts[sid][start:end], split_path(path)):
                if wanted is not None and tag.topic_id not in wanted:
                    continue
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
                touched.add(pid)
    if written:
        session.execute(insert(PassageTopic), written)
    if wanted is not None and touched:
        _refresh_primary(session, sorted(touched))
    return len(written)


def _refresh_primary(session: Session, passage_ids: list[int]) -> None:
    """primary = score >= PRIMARY_SHARE x the passage's best automatic score."""
    for i in range(0, len(passage_ids), 500):
        rows = session.execute(
            select(PassageTopic.passage_id, PassageTopic.topic_id, PassageTopic.score).where(
                PassageTopic.passage_id.in_(passage_ids[i : i + 500]),
                PassageTopic.origin == "auto",
            )
        ).all()
        top: dict[int, float] = {}
        for pid, _tid, score in rows:
            top[pid] = max(top.get(pid, 0.0), score)
        if rows:
            session.execute(
                update(PassageTopic),
                [
                    {
                        "passage_id": pid,
                        "topic_id": tid,
                        "primary": score >= PRIMARY_SHARE * top[pid],
                    }
                    for pid, tid, score in rows
                ],
            )


def tag_sources(session: Session, source_ids: list[int]) -> int:
    return retag(session, source_ids, None)


def retag_topics(session: Session, topic_ids: list[int]) -> int:
    return retag(session, None, topic_ids)


def retag_all(session: Session) -> int:
    return retag(session, None, None)
