"""Re-tagging the library in the background, in batches that survive a quit or a crash.

Some changes ask for the whole library to be re-tagged for a few topics: the first open after
an upgrade whose taxonomy added default aliases (``topics.merge_default_aliases``) is one. At
10,000 sources that is minutes of work; done inside opening the store it froze the window
before it showed and held the write lock all along. Instead the change only *schedules* the
re-tag (a ``store_setting`` row naming the topics and the last source done) and returns at
once; :func:`resume` then works through the sources in small batches, one transaction each,
so other writers get in between, progress can be shown, a cancel or a quit stops after the
current batch, and the next start carries on where it stopped.

Until it has finished, passages keep the tags they had (still right, only missing what the
new aliases would add); new imports are tagged with the whole taxonomy at once anyway.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer.library import tagging
from briefer.store import Store, UnitOfWork
from briefer.store.models import Passage, Source, StoreSetting, Topic

PENDING_KEY = "retag_pending"

#: sources per transaction at most, and passages: about a second of work, so an edit waits
#: about that long and a quit is prompt. A source with more passages than that is a batch
#: of its own (a 20 MB report, 110,000 passages: some 25 s of CPU).
BATCH = 50
PASSAGES_PER_BATCH = 5000

#: more topic ids than fit in a setting's value (500 characters): re-tag them all
_ALL = "all"


@dataclass(frozen=True)
class Pending:
    """A scheduled re-tag: its topics (None: every topic) and the last source id done."""

    topic_ids: tuple[int, ...] | None
    after: int


@dataclass(frozen=True)
class Progress:
    """How far a re-tag is: sources done of the sources in the library."""

    done: int
    total: int
    finished: bool


def pending(session: Session, *, lock: bool = False) -> Pending | None:
    """The scheduled re-tag, if any; ``lock`` holds its row until the transaction ends (a
    team store's other clients then wait for this batch instead of doing it too)."""
    row = session.get(StoreSetting, PENDING_KEY, with_for_update=lock or None)
    if row is None:
        return None
    try:
        data = json.loads(row.value)
        topics = data["topics"]
        after = int(data["after"])
        topic_ids = None if topics == _ALL else tuple(int(t) for t in topics)
    except (ValueError, TypeError, KeyError):
        # unreadable (hand-edited?): re-tag everything from the start, which is always right
        return Pending(None, 0)
    return Pending(topic_ids, after)


def _write(session: Session, item: Pending) -> None:
    topics: object = _ALL if item.topic_ids is None else sorted(item.topic_ids)
    value = json.dumps({"topics": topics, "after": item.after}, separators=(",", ":"))
    if len(value) > 500:
        value = json.dumps({"topics": _ALL, "after": item.after}, separators=(",", ":"))
    row = session.get(StoreSetting, PENDING_KEY)
    if row is None:
        session.add(StoreSetting(key=PENDING_KEY, value=value))
    else:
        row.value = value


def schedule(session: Session, topic_ids: list[int] | None) -> None:
    """Ask for the library to be re-tagged for ``topic_ids`` (None: every topic), in the
    caller's transaction. Joined with a re-tag already scheduled, which starts over so the
    sources it had done get the added topics too."""
    earlier = pending(session)
    topics: tuple[int, ...] | None = None
    if topic_ids is not None and (earlier is None or earlier.topic_ids is not None):
        before = earlier.topic_ids if earlier is not None and earlier.topic_ids else ()
        topics = tuple(sorted(set(topic_ids) | set(before)))
    _write(session, Pending(topics, 0))
    session.flush()


def progress(session: Session) -> Progress | None:
    """How far the scheduled re-tag is, or None if there is none."""
    item = pending(session)
    if item is None:
        return None
    total = session.scalar(select(func.count(Source.id))) or 0
    done = session.scalar(select(func.count(Source.id)).where(Source.id <= item.after)) or 0
    return Progress(done, total, False)


def _next_sources(session: Session, after: int, most: int) -> list[int]:
    """The next sources after ``after``: at most ``most``, and no more passages than
    ``PASSAGES_PER_BATCH`` unless the first alone has more."""
    rows = session.execute(
        select(Source.id, func.count(Passage.id))
        .outerjoin(Passage, Passage.source_id == Source.id)
        .where(Source.id > after)
        .group_by(Source.id)
        .order_by(Source.id)
        .limit(most)
    ).all()
    ids: list[int] = []
    passages = 0
    for source_id, count in rows:
        if ids and passages + count > PASSAGES_PER_BATCH:
            break
        ids.append(source_id)
        passages += count
    return ids


def resume(
    store: Store,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int | None = None,
) -> Progress | None:
    """Carry on with the scheduled re-tag, one transaction per ``batch`` sources, until it is
    finished or ``cancelled()``; returns how far it got (None: nothing was scheduled).

    Each batch re-reads the schedule inside its own transaction, so two windows or a window
    and a command on one store share the work instead of doing it twice."""
    batch = batch or BATCH
    with UnitOfWork(store) as uow:
        start = progress(uow.session)
    if start is None:
        return None
    done, total = start.done, start.total
    if on_progress is not None:
        on_progress(start)
    while True:
        if cancelled is not None and cancelled():
            return Progress(done, total, False)
        with UnitOfWork(store) as uow:
            s = uow.session
            item = pending(s, lock=True)
            if item is None:  # finished by another client meanwhile
                return Progress(total, total, True)
            ids = _next_sources(s, item.after, batch)
            if not ids:
                row = s.get(StoreSetting, PENDING_KEY)
                if row is not None:
                    s.delete(row)
                uow.commit()
                finished = Progress(max(done, total), max(done, total), True)
                if on_progress is not None:
                    on_progress(finished)
                return finished
            topics: list[int] | None = None
            if item.topic_ids is not None:
                # a topic deleted since it was scheduled has nothing left to re-tag
                topics = list(s.scalars(select(Topic.id).where(Topic.id.in_(item.topic_ids))))
            if topics is None or topics:
                tagging.retag(s, ids, topics)
            _write(s, Pending(item.topic_ids, ids[-1]))
            uow.commit()
        done += len(ids)
        total = max(total, done)
        if on_progress is not None:
            on_progress(Progress(done, total, False))
