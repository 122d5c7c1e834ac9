"""The import writer's shortcuts give the answers of the plain ways they replace."""

from __future__ import annotations

import pickle
import random

from sqlalchemy import func, insert, select

from briefer.ingest.tagger import TagScore
from briefer.library import near_duplicates as nd
from briefer.library import tagging
from briefer.store import ReadSession, Store, UnitOfWork
from briefer.store.models import Source, SourceSketch


def _grouped(session, hashes, threshold):  # type: ignore[no-untyped-def]
    """The grouped query ``find_near_duplicates`` ran before (and still runs elsewhere)."""
    shared = func.count().label("shared")
    return [
        (int(sid), int(count))
        for sid, count in session.execute(
            select(SourceSketch.source_id, shared)
            .where(SourceSketch.hash.in_(list(hashes)))
            .group_by(SourceSketch.source_id)
            .having(shared >= nd._shared_needed(threshold))
            .order_by(shared.desc(), SourceSketch.source_id.desc())
            .limit(3)
        )
    ]


def test_the_near_duplicate_shortcut_finds_what_the_grouped_query_finds(store: Store) -> None:
    rng = random.Random(7)
    common = [rng.randrange(-(2**31), 2**31) for _ in range(40)]  # shared by many sources
    sketches: dict[int, list[int]] = {}
    with UnitOfWork(store) as uow:
        s = uow.session
        for i in range(300):
            src = Source(title=f"s{i}", kind="official", content_hash=f"h{i}", origin="")
            s.add(src)
            s.flush()
            own = rng.sample(common, rng.randrange(4, 20))
            own += [rng.randrange(-(2**31), 2**31) for _ in range(nd.SKETCH_SIZE - len(own))]
            sketches[src.id] = sorted(set(own))[: nd.SKETCH_SIZE]
            s.execute(
                insert(SourceSketch), [{"source_id": src.id, "hash": h} for h in sketches[src.id]]
            )
        uow.commit()
    ids = list(sketches)
    probes = [list(sketches[i]) for i in ids[:20]]  # itself: 32 of 32
    for k in (26, 24, 23, 20):  # near the threshold's 24 on both sides
        for sid in rng.sample(ids, 5):
            keep = rng.sample(sketches[sid], k)
            probes.append(keep + [rng.randrange(2**31) for _ in range(32 - k)])
    probes += [rng.sample(common, 32) for _ in range(5)]  # only common hashes
    with ReadSession(store) as s:
        for threshold in (0.6, 0.7, 0.3):
            for hashes in probes:
                want = _grouped(s, hashes, threshold)
                got = nd.find_near_duplicates(s, hashes, threshold=threshold)
                assert [(d.source_id, d.similarity) for d in got] == [
                    (sid, nd.resemblance_from_shared(c)) for sid, c in want
                ]
        found = sum(1 for h in probes if nd.find_near_duplicates(s, h))
    assert found >= 30  # the probes do reach the threshold (the check is not vacuous)


def test_tag_rows_keep_every_tag_in_order_and_pickle_small() -> None:
    scored = [
        (0, [TagScore(3, 0.5, True, ("a", "b")), TagScore(7, 0.25, False, ("c",))]),
        (1, []),
        (4, [TagScore(2, 1.0, True, ("d",))]),
    ]
    rows = tagging.TagRows.of(scored)
    assert list(rows) == [(0, 3, 0.5, True), (0, 7, 0.25, False), (4, 2, 1.0, True)]
    again = pickle.loads(pickle.dumps(rows))
    assert list(again) == list(rows) and len(again) == 3
    more = tagging.TagRows.of([(9, [TagScore(1, 0.125, False)])])
    again.extend(more)
    assert list(again)[-1] == (9, 1, 0.125, False)
    many = tagging.TagRows.of((i, [TagScore(i % 30, 0.5, True, ("x",) * 3)]) for i in range(5000))
    assert len(pickle.dumps(many)) < 30 * 5000
    prepared = tagging.PreparedTags((), rows)
    assert prepared.by_ordinal == {
        0: [TagScore(3, 0.5, True), TagScore(7, 0.25, False)],
        4: [TagScore(2, 1.0, True)],
    }
    assert tagging.prepared_rows(prepared, [100, 101, 102, 103, 104]) == [
        (100, 3, 0.5, True),
        (100, 7, 0.25, False),
        (104, 2, 1.0, True),
    ]


def test_the_write_mark_moves_with_every_commit_to_the_store(store: Store) -> None:
    """The batch's topics' terms are reused only while nothing was written in between, by
    this connection or another one."""
    import sqlite3

    from briefer.library.importing import _write_mark
    from briefer.library.topics import add_topic

    def mark() -> object:
        with UnitOfWork(store) as uow:
            return _write_mark(uow.session)

    first = mark()
    assert first is not None and mark() == first  # nothing written: the same
    add_topic(store, "Hydrogen")
    second = mark()
    assert second != first  # this process wrote
    path = store.url[len("sqlite:///") :]
    other = sqlite3.connect(path)
    other.execute("UPDATE topic SET name = 'Hydrogen fuel' WHERE name = 'Hydrogen'")
    other.commit()
    other.close()
    assert mark() != second  # another connection wrote
