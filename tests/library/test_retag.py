"""Re-tagging in batches: progress, cancelling, and a commit per batch from a worker."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from briefer.library import tagging
from briefer.store import Store, UnitOfWork
from briefer.store.models import Passage, PassageTopic, Topic


def _auto_tags(store: Store) -> list[tuple[int, int, int, float, bool]]:
    with UnitOfWork(store) as uow:
        rows = uow.session.execute(
            select(
                Passage.source_id,
                PassageTopic.passage_id,
                PassageTopic.topic_id,
                PassageTopic.score,
                PassageTopic.primary,
            )
            .join(Passage, Passage.id == PassageTopic.passage_id)
            .where(PassageTopic.origin == "auto")
            .order_by(PassageTopic.passage_id, PassageTopic.topic_id)
        ).all()
    return [tuple(r) for r in rows]


def _wipe_scores(store: Store) -> None:
    """Mark every automatic tag so that a re-tagged one can be told from an old one."""
    with UnitOfWork(store) as uow:
        for row in uow.session.scalars(select(PassageTopic).where(PassageTopic.origin == "auto")):
            row.score = -1.0
        uow.commit()


def test_retag_in_batches_reports_progress_and_rebuilds_the_same_tags(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _auto_tags(seeded_store)
    assert before
    _wipe_scores(seeded_store)
    monkeypatch.setattr(tagging, "_BATCH", 1)  # one seed source per batch
    seen: list[tuple[int, int]] = []
    with UnitOfWork(seeded_store) as uow:
        written = tagging.retag_all(uow.session, progress=lambda d, t, _w: seen.append((d, t)))
        uow.commit()
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert written == len(before)
    assert _auto_tags(seeded_store) == before


def test_cancelling_without_batch_commits_leaves_the_store_unchanged(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wipe_scores(seeded_store)
    wiped = _auto_tags(seeded_store)
    monkeypatch.setattr(tagging, "_BATCH", 1)
    polls = iter([False, True])
    with (
        pytest.raises(tagging.RetagCancelled, match="no tags were changed"),
        UnitOfWork(seeded_store) as uow,
    ):
        tagging.retag_all(uow.session, cancelled=lambda: next(polls))
        uow.commit()
    assert _auto_tags(seeded_store) == wiped


def test_a_worker_committing_per_batch_keeps_the_batches_done(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wipe_scores(seeded_store)
    monkeypatch.setattr(tagging, "_BATCH", 1)
    with UnitOfWork(seeded_store) as uow:
        ai = uow.session.scalar(select(Topic.id).where(Topic.name == "Artificial intelligence"))
    assert ai is not None
    polls = iter([False, False, True])
    with (
        pytest.raises(tagging.RetagCancelled, match="2 of 3 source"),
        UnitOfWork(seeded_store) as uow,
    ):
        tagging.retag_topics(uow.session, [ai], cancelled=lambda: next(polls), commit_batches=True)
    rows = _auto_tags(seeded_store)
    sources = sorted({r[0] for r in rows})
    done, left = sources[:2], sources[2:]
    # the two sources done have fresh AI tags, the other topics' rows stay as they were
    assert all(r[3] >= 0 for r in rows if r[0] in done and r[2] == ai)
    assert any(r[2] == ai for r in rows if r[0] in done)
    assert all(r[3] == -1.0 for r in rows if r[0] in done and r[2] != ai)
    # the source not reached keeps its earlier (whole) tags
    assert left and all(r[3] == -1.0 for r in rows if r[0] in left)
