"""Automatic tagging inside the store; manual tags and untags are never overwritten."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from briefer.errors import BrieferError
from briefer.ingest.ask_terms import PassageWords
from briefer.ingest.model import PATH_SEPARATOR, Segment
from briefer.ingest.tagger import Tagger, TagScore, TopicTerms
from briefer.ingest.tokens import content_terms
from briefer.labels import counted
from briefer.library import learning
from briefer.library.views import split_path
from briefer.store.models import Passage, PassageTopic, Source, Topic, TopicAlias
from briefer.store.texts import source_texts, text_span

_TAGGERS: dict[tuple[TopicTerms, ...], Tagger] = {}
_BATCH = 200
_INSERT_CHUNK = 5000
#: An automatic tag as ``tag_new_source`` writes it on SQLite (the columns of ``_auto_row``).
_AUTO_INSERT = (
    'INSERT INTO passage_topic (passage_id, topic_id, origin, score, "primary", excluded, '
    "taught) VALUES (?, ?, 'auto', ?, ?, 0, 1)"
)
#: What ``score_passages`` reads of each passage, in its order.
_SCORED_COLUMNS = (
    Passage.id,
    Passage.source_id,
    Passage.start,
    Passage.end,
    Passage.heading_path,
    Passage.kind,
)


class TagRows:
    """Scored tags as four flat columns (segment ordinal, topic id, score, primary), in the
    order scored: what a worker sends back and the writer inserts. A 20 MB report's 190,000
    tags as ``TagScore`` objects with their evidence took about 140 MB in the importing
    process and as long to pickle; as arrays, 25 bytes a tag."""

    __slots__ = ("ordinals", "primary", "scores", "topics")

    def __init__(self) -> None:
        self.ordinals = array("q")
        self.topics = array("q")
        self.scores = array("d")
        self.primary = bytearray()

    @classmethod
    def of(cls, scored: Iterable[tuple[int, Sequence[TagScore]]]) -> TagRows:
        """The rows of ``score_passages``' ``(ordinal, tags)`` pairs."""
        rows = cls()
        for ordinal, tags in scored:
            for tag in tags:
                rows.ordinals.append(ordinal)
                rows.topics.append(tag.topic_id)
                rows.scores.append(tag.score)
                rows.primary.append(1 if tag.primary else 0)
        return rows

    def extend(self, other: TagRows) -> None:
        self.ordinals.extend(other.ordinals)
        self.topics.extend(other.topics)
        self.scores.extend(other.scores)
        self.primary.extend(other.primary)

    def __len__(self) -> int:
        return len(self.ordinals)

    def __eq__(self, other: object) -> bool:
        """The same tags in the same order (what two tokenisations of one text must give)."""
        if not isinstance(other, TagRows):
            return NotImplemented
        return (
            self.ordinals == other.ordinals
            and self.topics == other.topics
            and self.scores == other.scores
            and self.primary == other.primary
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __iter__(self) -> Iterator[tuple[int, int, float, bool]]:
        """``(ordinal, topic id, score, primary)`` per tag."""
        for ordinal, topic, score, primary in zip(
            self.ordinals, self.topics, self.scores, self.primary, strict=True
        ):
            yield ordinal, topic, score, bool(primary)

    def __getstate__(self) -> tuple[bytes, bytes, bytes, bytes]:
        return (
            self.ordinals.tobytes(),
            self.topics.tobytes(),
            self.scores.tobytes(),
            bytes(self.primary),
        )

    def __setstate__(self, state: tuple[bytes, bytes, bytes, bytes]) -> None:
        self.ordinals, self.topics, self.scores = array("q"), array("q"), array("d")
        self.ordinals.frombytes(state[0])
        self.topics.frombytes(state[1])
        self.scores.frombytes(state[2])
        self.primary = bytearray(state[3])


@dataclass(frozen=True)
class PreparedTags:
    """A new document's automatic tags, scored before its write transaction (scoring a 20 MB
    report takes half a minute, and the store's write lock must not be held meanwhile), with
    the topic terms they were scored with; ``rows``: the tags by segment position, compact
    (``TagRows``)."""

    key: tuple[TopicTerms, ...]
    rows: TagRows

    @property
    def by_ordinal(self) -> dict[int, list[TagScore]]:
        """The tags by segment position (without their evidence, which is not stored)."""
        out: dict[int, list[TagScore]] = {}
        for ordinal, topic, score, primary in self.rows:
            out.setdefault(ordinal, []).append(TagScore(topic, score, primary))
        return out


def prepare_tags(
    session: Session, text: str, title: str, segments: Sequence[Segment]
) -> PreparedTags:
    """Score a document's content segments as ``retag`` would score them once stored."""
    return prepare_tags_with(tagger_key(session), text, title, segments)


def prepare_tags_with(
    key: tuple[TopicTerms, ...],
    text: str,
    title: str,
    segments: Sequence[Segment],
    words: Mapping[int, PassageWords] | None = None,
) -> PreparedTags:
    """``prepare_tags`` with the topics' terms given (a worker process has no store).
    ``words``: the content passages' words by ordinal (:func:`passage_words`), tokenised
    once for the tagger and the asks ledger's reading."""
    tagger = _tagger_for(key)
    rows = [
        (i, 0, seg.start, seg.end, PATH_SEPARATOR.join(seg.heading_path), seg.kind)
        for i, seg in enumerate(segments)
        if seg.content
    ]
    return PreparedTags(
        key, TagRows.of(score_passages(tagger, {0: (text, title)}, rows, words=words))
    )


def passage_words(text: str, segments: Sequence[Segment]) -> dict[int, PassageWords]:
    """A document's content passages' words, by ordinal: what the tagger scores each
    passage with, shared with the asks ledger's reading (``asks.read_document``)."""
    out: dict[int, PassageWords] = {}
    for i, seg in enumerate(segments):
        if seg.content:
            body = text[seg.start : seg.end]
            out[i] = PassageWords(body, content_terms(body))
    return out


def tag_new_source(
    session: Session,
    source_id: int,
    prepared: PreparedTags | None,
    passage_ids: Sequence[int] | None = None,
    key_now: tuple[TopicTerms, ...] | None = None,
    rows: Sequence[tuple[int, int, float, bool]] | None = None,
) -> int:
    """Tag a source just added: with ``prepared`` scores when the store's topics and learned
    terms are still those they were scored with, else scored now (the same result).
    ``passage_ids``: the new passages' ids by ordinal, when the caller has them;
    ``key_now``: ``tagger_key(session)`` when the caller has read it in this transaction;
    ``rows``: ``prepared_rows(prepared, passage_ids)``, built before the transaction."""
    if prepared is None or (key_now or tagger_key(session)) != prepared.key:
        return tag_sources(session, [source_id])
    if rows is not None and session.connection().dialect.name == "sqlite":
        conn = session.connection()
        for lo in range(0, len(rows), _INSERT_CHUNK):
            conn.exec_driver_sql(_AUTO_INSERT, list(rows[lo : lo + _INSERT_CHUNK]))
        return len(rows)
    if passage_ids is None:
        ids: Mapping[int, int] = dict(
            session.execute(
                select(Passage.ordinal, Passage.id).where(Passage.source_id == source_id)
            ).all()
        )
    else:
        ids = dict(enumerate(passage_ids))
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # Plain tuples through one prepared statement: a 20 MB report has ~190,000 tags, and
        # the ORM's bulk path spent 10 us a row of the write lock on them.
        tuples = [
            (ids[ordinal], topic, score, primary)
            for ordinal, topic, score, primary in prepared.rows
        ]
        for lo in range(0, len(tuples), _INSERT_CHUNK):
            conn.exec_driver_sql(_AUTO_INSERT, tuples[lo : lo + _INSERT_CHUNK])
        return len(tuples)
    written = [
        _auto_row(ids[ordinal], topic, score, primary)
        for ordinal, topic, score, primary in prepared.rows
    ]
    for lo in range(0, len(written), _INSERT_CHUNK):
        session.execute(
            insert(cast(Table, PassageTopic.__table__)), written[lo : lo + _INSERT_CHUNK]
        )
    return len(written)


def prepared_rows(
    prepared: PreparedTags, passage_ids: Sequence[int]
) -> list[tuple[int, int, float, bool]]:
    """The ``passage_topic`` rows of ``prepared`` tags (``tag_new_source(rows=…)``)."""
    return [
        (passage_ids[ordinal], topic, score, primary)
        for ordinal, topic, score, primary in prepared.rows
    ]


def _auto_row(passage_id: int, topic_id: int, score: float, primary: bool) -> dict[str, object]:
    return {
        "passage_id": passage_id,
        "topic_id": topic_id,
        "origin": "auto",
        "score": score,
        "primary": primary,
        "excluded": False,
    }


def tagger_key(session: Session, topic_ids: Iterable[int] | None = None) -> tuple[TopicTerms, ...]:
    """What a tagger is made of: the topics' names, aliases and learned terms."""
    names = select(Topic.id, Topic.name)
    aliases = select(TopicAlias.topic_id, TopicAlias.alias).order_by(TopicAlias.id)
    if topic_ids is not None:
        ids = list(topic_ids)
        names = names.where(Topic.id.in_(ids))
        aliases = aliases.where(TopicAlias.topic_id.in_(ids))
    terms: dict[int, list[str]] = {tid: [name] for tid, name in session.execute(names)}
    for tid, alias in session.execute(aliases):
        terms[tid].append(alias)
    learned = learning.all_learned(session)
    return tuple(
        TopicTerms(tid, tuple(t), learned.get(tid, ())) for tid, t in sorted(terms.items())
    )


def _tagger_for(key: tuple[TopicTerms, ...]) -> Tagger:
    tagger = _TAGGERS.get(key)
    if tagger is None:
        if len(_TAGGERS) > 8:
            _TAGGERS.clear()
        tagger = _TAGGERS[key] = Tagger(key)
    return tagger


def tagger_for_key(key: tuple[TopicTerms, ...]) -> Tagger:
    """The tagger made of ``key`` (``tagger_key``), built once per process."""
    return _tagger_for(key)


def build_tagger(session: Session, topic_ids: Iterable[int] | None = None) -> Tagger:
    """A tagger for the store's topics (or some of them), reused while they are unchanged."""
    return _tagger_for(tagger_key(session, topic_ids))


#: ``progress(done, total, what)``: sources re-tagged so far, of how many.
Progress = Callable[[int, int, str], None]


class RetagCancelled(BrieferError):
    """The officer cancelled a re-tag (see ``retag`` for what was kept)."""


def retag(
    session: Session,
    source_ids: list[int] | None,
    topic_ids: list[int] | None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    commit_batches: bool = False,
) -> int:
    """Recompute automatic tags for the given sources and/or topics; returns tags written.

    Scores always come from every topic, because whether a tag is *primary* depends on the
    passage's other topics; only the rows of the requested topics are rewritten, and the
    primary flags of the passages touched are then brought up to date.

    The work goes in batches of ``_BATCH`` sources, each complete in itself (its old
    automatic rows deleted, its passages scored, its rows written). ``progress`` is called
    after each batch and ``cancelled`` polled before each; on cancelling
    :class:`RetagCancelled` is raised. With ``commit_batches`` the session is committed after
    every batch (a worker's own session: the batches done stay done, the sources not reached
    keep their earlier tags, which are still whole); otherwise nothing is committed here and
    the caller's rollback leaves the store as it was.
    """
    tagger = build_tagger(session)
    wanted = set(topic_ids) if topic_ids is not None else None
    all_sources = (
        list(source_ids)
        if source_ids is not None
        else list(session.scalars(select(Source.id).order_by(Source.id)))
    )
    with _no_cyclic_gc():
        return _retag_batches(
            session, tagger, all_sources, topic_ids, wanted, progress, cancelled, commit_batches
        )


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Scoring allocates millions of short-lived objects and makes no reference cycles; the
    cyclic collector, which kept walking them, cost 10-20 % of a re-tag's CPU time. Reference
    counting still frees everything; the collector is restored (and run once) afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def _retag_batches(
    session: Session,
    tagger: Tagger,
    all_sources: list[int],
    topic_ids: list[int] | None,
    wanted: set[int] | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    commit_batches: bool,
) -> int:
    total = len(all_sources)
    written = 0
    for i in range(0, total, _BATCH):
        if cancelled is not None and cancelled():
            kept = (
                f"{i:,} of {counted(total, 'source', 'sources')} re-tagged; "
                "the others keep their earlier tags"
                if commit_batches
                else "no tags were changed"
            )
            raise RetagCancelled(f"Re-tagging cancelled: {kept}.")
        batch = all_sources[i : i + _BATCH]
        written += _retag_batch(session, tagger, batch, topic_ids, wanted)
        if commit_batches:
            session.commit()
        if progress is not None:
            progress(min(i + _BATCH, total), total, "sources re-tagged")
    return written


def _retag_batch(
    session: Session,
    tagger: Tagger,
    batch: list[int],
    topic_ids: list[int] | None,
    wanted: set[int] | None,
) -> int:
    """Re-tag the sources ``batch`` (see ``retag``); returns tags written."""
    in_batch = select(Passage.id).where(Passage.source_id.in_(batch))
    touched: set[int] = set()
    if wanted is not None:
        scope = select(PassageTopic.passage_id).where(
            PassageTopic.origin == "auto",
            PassageTopic.topic_id.in_(sorted(wanted)),
            PassageTopic.passage_id.in_(in_batch),
        )
        touched = set(session.scalars(scope))
    del_stmt = delete(PassageTopic).where(
        PassageTopic.origin == "auto", PassageTopic.passage_id.in_(in_batch)
    )
    if topic_ids is not None:
        del_stmt = del_stmt.where(PassageTopic.topic_id.in_(topic_ids))
    session.execute(del_stmt)
    manual = set(
        session.execute(
            select(PassageTopic.passage_id, PassageTopic.topic_id).where(
                PassageTopic.origin == "manual", PassageTopic.passage_id.in_(in_batch)
            )
        ).all()
    )
    titles = dict(
        session.execute(select(Source.id, Source.title).where(Source.id.in_(batch))).all()
    )
    # Each source text is read once, not once per passage.
    bodies = dict(source_texts(session, batch))
    texts = {sid: (bodies.get(sid, ""), title) for sid, title in titles.items()}
    rows = session.execute(
        select(*_SCORED_COLUMNS)
        .where(Passage.source_id.in_(batch), Passage.content.is_(True))
        .order_by(Passage.source_id, Passage.ordinal)
    )
    tuples: list[tuple[int, int, float, bool]] = []
    fresh: dict[tuple[int, int], bool] = {}  # primary flags of the topics not rewritten
    for pid, tags in score_passages(tagger, texts, rows):
        for tag in tags:
            if wanted is not None and tag.topic_id not in wanted:
                fresh[(pid, tag.topic_id)] = tag.primary
                continue
            if (pid, tag.topic_id) in manual:
                continue
            tuples.append((pid, tag.topic_id, tag.score, tag.primary))
            touched.add(pid)
    _insert_auto(session, tuples)
    if wanted is not None and touched:
        _refresh_primary(session, sorted(touched), fresh)
    return len(tuples)


def _insert_auto(session: Session, tuples: list[tuple[int, int, float, bool]]) -> None:
    """Write automatic tags ``(passage_id, topic_id, score, primary)``: on SQLite as plain
    tuples through one prepared statement (the ORM's bulk path cost ~10 us a row)."""
    if not tuples:
        return
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        for lo in range(0, len(tuples), _INSERT_CHUNK):
            conn.exec_driver_sql(_AUTO_INSERT, tuples[lo : lo + _INSERT_CHUNK])
        return
    rows = [
        {
            "passage_id": pid,
            "topic_id": tid,
            "origin": "auto",
            "score": score,
            "primary": prim,
            "excluded": False,
        }
        for pid, tid, score, prim in tuples
    ]
    for lo in range(0, len(rows), _INSERT_CHUNK):
        session.execute(insert(cast(Table, PassageTopic.__table__)), rows[lo : lo + _INSERT_CHUNK])


def score_passages(
    tagger: Tagger,
    texts: dict[int, tuple[str, str]],
    rows: Iterable[Sequence[Any]],
    *,
    first_position: int = 0,
    words: Mapping[int, PassageWords] | None = None,
) -> Iterator[tuple[int, list[TagScore]]]:
    """Score content passages ``(id, source_id, start, end, heading_path, kind)`` given in
    document order, with their sources' ``(text, title)``; yields each passage's tags.
    ``first_position``: how many content passages of the first source come before ``rows``
    (a window of a long source); ``words``: passages' words by id, already tokenised."""
    position = first_position
    current = None
    for pid, sid, start, end, path, kind in rows:
        if sid != current:
            if current is not None:
                position = 0
            current = sid
        body, title = texts[sid]
        known = words.get(pid) if words is not None else None
        yield (
            pid,
            tagger.score(
                known.text if known is not None else body[start:end],
                split_path(path),
                kind=kind,
                title=title,
                position=position,
                terms=known.toks if known is not None else None,
            ),
        )
        position += 1


def explain_source(
    session: Session, source_id: int, ordinals: tuple[int, int] | None = None
) -> dict[int, dict[int, TagScore]]:
    """What the tagger finds in each content passage of a source (or of the passages with
    ordinals ``ordinals[0]..ordinals[1]``: the reader's page of a long source), with its
    evidence, by passage and topic id (the tagger is deterministic, so this is why each
    automatic tag is there)."""
    title = session.scalar(select(Source.title).where(Source.id == source_id))
    if title is None:
        return {}
    tagger = build_tagger(session)
    where = [Passage.source_id == source_id, Passage.content.is_(True)]
    before = 0
    if ordinals is not None:
        before = (
            session.scalar(select(func.count()).where(*where, Passage.ordinal < ordinals[0])) or 0
        )
        where += [Passage.ordinal >= ordinals[0], Passage.ordinal <= ordinals[1]]
    rows = session.execute(select(*_SCORED_COLUMNS).where(*where).order_by(Passage.ordinal)).all()
    if not rows:
        return {}
    # only the span these passages cover is read: a long source's text stays in the store
    base = min(r[2] for r in rows)
    stop = max(r[3] for r in rows)
    body = text_span(session, source_id, base, stop)
    shifted = [(pid, sid, a - base, b - base, path, kind) for pid, sid, a, b, path, kind in rows]
    texts = {source_id: (body or "", title)}
    scored = score_passages(tagger, texts, shifted, first_position=before)
    return {pid: {t.topic_id: t for t in tags} for pid, tags in scored}


def _refresh_primary(
    session: Session, passage_ids: list[int], fresh: dict[tuple[int, int], bool]
) -> None:
    """Whether a tag is primary depends on the passage's other topics: bring the flags of
    the automatic tags left in place up to date with this scoring (``fresh``)."""
    for i in range(0, len(passage_ids), 500):
        rows = session.execute(
            select(PassageTopic.passage_id, PassageTopic.topic_id, PassageTopic.primary).where(
                PassageTopic.passage_id.in_(passage_ids[i : i + 500]),
                PassageTopic.origin == "auto",
            )
        ).all()
        changes = [
            {"passage_id": pid, "topic_id": tid, "primary": fresh[(pid, tid)]}
            for pid, tid, primary in rows
            if (pid, tid) in fresh and fresh[(pid, tid)] != primary
        ]
        if changes:
            session.execute(update(PassageTopic), changes)


def tag_sources(session: Session, source_ids: list[int]) -> int:
    return retag(session, source_ids, None)


def retag_topics(
    session: Session,
    topic_ids: list[int],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    commit_batches: bool = False,
) -> int:
    """Re-tag the whole library for ``topic_ids`` (see ``retag``)."""
    return retag(
        session,
        None,
        topic_ids,
        progress=progress,
        cancelled=cancelled,
        commit_batches=commit_batches,
    )


def retag_all(
    session: Session,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    commit_batches: bool = False,
) -> int:
    """Re-tag the whole library for every topic (see ``retag``)."""
    return retag(
        session,
        None,
        None,
        progress=progress,
        cancelled=cancelled,
        commit_batches=commit_batches,
    )
