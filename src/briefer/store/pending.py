"""Sources still being written: hidden from every read until their last batch commits.

A very large document (more than ``BATCH_PASSAGES`` passages) is written in several
transactions (``library.batched_write``) so that the store's one write lock is released
between them and another writer (an edit in the window, a second import) waits for one batch,
never for the whole import. Until its last transaction, the source row carries
``Source.importing`` ("host pid" of the importing process) and:

* every ORM select through a session of the store leaves it out (``hide_importing``, a
  ``do_orm_execute`` hook installed on the store's session factory: the source, and through
  joins its passages and tags, is simply not there), unless the statement asks for it with
  the execution option ``SHOW_IMPORTING``;
* the raw SQL statements (search) add ``VISIBLE`` for their source alias;
* its tags, sketch and asks-ledger rows are written only by the last transaction, together
  with clearing the mark, so topic boards, coverage, drafting, near-duplicate detection and
  the ledger never meet its passages.

An import that dies mid-way (a kill, a power cut) leaves such a row behind; the next open for
writing or the next import removes it (``discard_stale``) when its process is gone or it has
not moved for ``STALE_SECONDS``. Removal is batched too (``discard``).
"""

from __future__ import annotations

import datetime
import os
import socket
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, event, select, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from briefer.store import schema
from briefer.store.models import AskScan, Source, SourceSketch, utcnow

#: Passages written per transaction of a large import (and removed per transaction of a
#: discard); a document with more passages than this is written in batches. About 0.2-0.4 s
#: of write lock on a quiet machine.
BATCH_PASSAGES = 5000

#: A mark that has not moved (heartbeat: ``imported_at``, touched every batch) for this long
#: is stale even when its process cannot be checked (another host, a reused pid).
STALE_SECONDS = 600

#: Execution option: this statement sees sources still being imported (the importer itself,
#: the clean-up).
SHOW_IMPORTING = "briefer_show_importing"

#: The condition for raw SQL over a source row aliased ``s``.
VISIBLE = schema.VISIBLE


def owner() -> str:
    """This process's mark: "host pid"."""
    return f"{socket.gethostname()} {os.getpid()}"


def _hide(state: ORMExecuteState) -> None:
    if (
        state.is_select
        and not state.is_column_load
        and not state.is_relationship_load
        and not state.execution_options.get(SHOW_IMPORTING, False)
    ):
        state.statement = state.statement.options(
            with_loader_criteria(Source, lambda cls: cls.importing.is_(None), include_aliases=True)
        )


def install(sessions: sessionmaker[Session]) -> None:
    """Hide sources being imported from every ORM select made through ``sessions``."""
    event.listen(sessions, "do_orm_execute", _hide)


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate it on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def is_stale(mark: str, heartbeat: datetime.datetime | None, now: datetime.datetime) -> bool:
    """Has the import that wrote ``mark`` died? Its process is gone (on this host), or it
    has not written a batch for ``STALE_SECONDS``."""
    if heartbeat is not None:
        if heartbeat.tzinfo is None:
            heartbeat = heartbeat.replace(tzinfo=datetime.UTC)
        if (now - heartbeat).total_seconds() > STALE_SECONDS:
            return True
    host, _, pid = mark.rpartition(" ")
    if host != socket.gethostname():
        return False  # cannot be checked from here: the heartbeat decides
    try:
        number = int(pid)
    except ValueError:
        return True
    return not _process_alive(number)


def importing_sources(session: Session) -> list[tuple[int, str, datetime.datetime | None]]:
    """``(id, mark, heartbeat)`` of every source still being imported."""
    rows = session.execute(
        select(Source.id, Source.importing, Source.imported_at)
        .where(Source.importing.is_not(None))
        .execution_options(**{SHOW_IMPORTING: True})
    ).all()
    return [(int(r[0]), str(r[1]), r[2]) for r in rows]


def heartbeat(session: Session, source_id: int) -> None:
    """Mark a source being imported as still moving (once per batch)."""
    session.execute(
        update(Source)
        .where(Source.id == source_id)
        .values(imported_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def discard(
    store: Any,
    source_id: int,
    batch: int = BATCH_PASSAGES,
    progress: Callable[[], None] | None = None,
) -> None:
    """Remove a source still marked as importing, ``batch`` passages per transaction (each
    batch's index rows read from the text still in the store); the source row and its text
    last. A source whose mark has been cleared is left alone."""
    from briefer.store import passage_index
    from briefer.store.uow import UnitOfWork

    while True:
        with UnitOfWork(store) as uow:
            s = uow.session
            if not _still_importing(s, source_id):
                return
            removed = passage_index.delete_last_passages(s, source_id, batch)
            if removed:
                uow.commit()
                if progress is not None:
                    progress()
                continue
            s.execute(delete(SourceSketch).where(SourceSketch.source_id == source_id))
            s.execute(delete(AskScan).where(AskScan.source_id == source_id))
            s.execute(
                delete(Source)
                .where(Source.id == source_id, Source.importing.is_not(None))
                .execution_options(synchronize_session=False)
            )
            uow.commit()
            return


def _still_importing(session: Session, source_id: int) -> bool:
    return (
        session.scalar(
            select(Source.id)
            .where(Source.id == source_id, Source.importing.is_not(None))
            .execution_options(**{SHOW_IMPORTING: True})
        )
        is not None
    )


def discard_stale(store: Any) -> int:
    """Remove what imports that died mid-way left (see the module docstring); returns how
    many sources were removed. SQLite only: a team store writes a source in one
    transaction."""
    if not store.is_sqlite:
        return 0
    from briefer.store.uow import ReadSession

    now = datetime.datetime.now(datetime.UTC)
    with ReadSession(store) as s:
        found = [sid for sid, mark, beat in importing_sources(s) if is_stale(mark, beat, now)]
    for source_id in found:
        discard(store, source_id)
    return len(found)
