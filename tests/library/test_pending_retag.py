"""A scheduled re-tag runs in batches, one transaction each: it can stop after any batch and
carry on later, and it ends with the same tags as re-tagging in one go."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from briefer.library import pending_retag, sources, tagging, topics
from briefer.store import ReadSession, Store, UnitOfWork
from briefer.store.models import PassageTopic, StoreSetting, TopicAlias


def _library(store: Store, tmp_path: Path, n: int = 7) -> None:
    for i in range(n):
        doc = tmp_path / f"note{i}.md"
        doc.write_text(
            f"# Note {i}\n\nThe partners will fund pilot lines for chips (item {i}).\n\n"
            f"Both sides will open their AI Factories to start-ups (item {i}).\n",
            encoding="utf-8",
        )
        sources.import_file(store, doc, sources.SourceFields(kind="official"))


def _tags(store: Store) -> set[tuple[int, int, str, bool]]:
    with ReadSession(store) as s:
        return {
            (r.passage_id, r.topic_id, r.origin, r.primary) for r in s.scalars(select(PassageTopic))
        }


def _drop_alias(store: Store, alias: str) -> int:
    """Remove an alias behind the tagger's back (as an older taxonomy would lack it) and
    re-tag in one go: the library no longer carries what that alias found."""
    with UnitOfWork(store) as uow:
        row = uow.session.scalar(select(TopicAlias).where(TopicAlias.alias == alias))
        assert row is not None
        topic_id = row.topic_id
        uow.session.delete(row)
        uow.session.flush()
        tagging.retag_topics(uow.session, [topic_id])
        uow.commit()
    return topic_id


def _restore_alias(store: Store, topic_id: int, alias: str) -> None:
    with UnitOfWork(store) as uow:
        uow.session.add(TopicAlias(topic_id=topic_id, alias=alias, key=topics._key(alias)))
        pending_retag.schedule(uow.session, [topic_id])
        uow.commit()


def test_resume_in_batches_equals_one_retag_and_survives_a_stop(
    store: Store, tmp_path: Path
) -> None:
    _library(store, tmp_path)
    expected = _tags(store)  # tagged at import with every alias
    topic_id = _drop_alias(store, "AI Factories")
    assert _tags(store) != expected  # the alias found passages: they lost that topic
    _restore_alias(store, topic_id, "AI Factories")

    seen: list[pending_retag.Progress] = []
    calls = iter(range(100))
    stopped = pending_retag.resume(
        store, on_progress=seen.append, cancelled=lambda: next(calls) >= 2, batch=2
    )
    assert stopped is not None and not stopped.finished
    assert stopped.done == 4 and stopped.total == 7
    assert [p.done for p in seen] == [0, 2, 4]
    with ReadSession(store) as s:
        left = pending_retag.pending(s)
        assert left is not None and left.topic_ids == (topic_id,) and left.after > 0
        assert pending_retag.progress(s) == pending_retag.Progress(4, 7, False)

    finished = pending_retag.resume(store, on_progress=seen.append, batch=2)
    assert finished == pending_retag.Progress(7, 7, True)
    assert _tags(store) == expected
    with ReadSession(store) as s:
        assert pending_retag.pending(s) is None
        assert s.get(StoreSetting, pending_retag.PENDING_KEY) is None
    assert pending_retag.resume(store) is None  # nothing left to do


def test_scheduling_again_joins_the_topics_and_starts_over(store: Store, tmp_path: Path) -> None:
    _library(store, tmp_path, n=3)
    with UnitOfWork(store) as uow:
        pending_retag.schedule(uow.session, [3, 1])
        uow.commit()
    pending_retag.resume(store, cancelled=iter([False, True]).__next__, batch=1)
    with UnitOfWork(store) as uow:
        assert pending_retag.pending(uow.session) == pending_retag.Pending((1, 3), 1)
        pending_retag.schedule(uow.session, [2])
        assert pending_retag.pending(uow.session) == pending_retag.Pending((1, 2, 3), 0)
        pending_retag.schedule(uow.session, None)
        pending_retag.schedule(uow.session, [5])  # "every topic" already covers it
        assert pending_retag.pending(uow.session) == pending_retag.Pending(None, 0)
        uow.commit()


def _on_topic(store: Store, topic_id: int) -> set[int]:
    with ReadSession(store) as s:
        return set(
            s.scalars(
                select(PassageTopic.passage_id).where(
                    PassageTopic.topic_id == topic_id, PassageTopic.excluded.is_(False)
                )
            )
        )


def test_an_officers_untag_survives_and_a_deleted_topic_is_skipped(
    store: Store, tmp_path: Path
) -> None:
    _library(store, tmp_path, n=2)
    topic_id = topics.get_topic(store, "High-performance computing").id
    found = _on_topic(store, topic_id)
    assert len(found) >= 2  # the AI Factories passages
    untagged = min(found)
    topics.set_tag(store, untagged, topic_id, False)  # the officer says: not about it
    _drop_alias(store, "AI Factories")
    _restore_alias(store, topic_id, "AI Factories")
    assert pending_retag.resume(store, batch=1) == pending_retag.Progress(2, 2, True)
    assert _on_topic(store, topic_id) == found - {untagged}

    _drop_alias(store, "AI Factories")
    _restore_alias(store, topic_id, "AI Factories")
    topics.delete_topic(store, "High-performance computing")  # deleted while it waits
    assert pending_retag.resume(store) == pending_retag.Progress(2, 2, True)
    assert _on_topic(store, topic_id) == set()


def test_an_unreadable_schedule_retags_everything(store: Store, tmp_path: Path) -> None:
    _library(store, tmp_path, n=2)
    with UnitOfWork(store) as uow:
        uow.session.add(StoreSetting(key=pending_retag.PENDING_KEY, value="{not json"))
        uow.commit()
    with ReadSession(store) as s:
        assert pending_retag.pending(s) == pending_retag.Pending(None, 0)
    before = _tags(store)
    assert pending_retag.resume(store) == pending_retag.Progress(2, 2, True)
    assert _tags(store) == before


def test_batches_hold_a_bounded_number_of_passages(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    _library(store, tmp_path, n=5)  # 3 passages each (heading and two paragraphs)
    monkeypatch.setattr(pending_retag, "PASSAGES_PER_BATCH", 7)
    with UnitOfWork(store) as uow:
        pending_retag.schedule(uow.session, None)
        uow.commit()
    seen: list[int] = []
    done = pending_retag.resume(store, on_progress=lambda p: seen.append(p.done), batch=50)
    assert done == pending_retag.Progress(5, 5, True)
    assert seen == [0, 2, 4, 5, 5]  # two sources (6 passages) a batch, never three (9)
    with ReadSession(store) as s:
        assert pending_retag._next_sources(s, 0, 50) == [1, 2]
        monkeypatch.setattr(pending_retag, "PASSAGES_PER_BATCH", 1)
        assert pending_retag._next_sources(s, 0, 50) == [1]  # one source is never split
