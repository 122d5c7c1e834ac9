"""Unit of work: one transaction per user action.

    with UnitOfWork(store) as uow:
        ...
        uow.commit()

Leaving the block without ``commit()`` rolls everything back, so a failed action leaves
the store exactly as it was. Repositories and services never commit on their own.

SQLite failures the officer can act on (disk full, read-only, busy, damaged) leave the block
as a ``StoreError`` with a one-line message, so the CLI and the GUI show them as they are.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import threading
from types import TracebackType

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from briefer.errors import StoreError
from briefer.store.db import WRITE_OPTION, Store

# SQLite has one writer at a time; serialising writes inside the process avoids
# "database is locked" between the UI thread and workers (Anki does the same).
_write_lock = threading.RLock()

#: SQLite message fragments → what the officer reads. The change was rolled back in every case.
_SQLITE_MESSAGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("database or disk is full", "disk full"),
        "The disk is full, so the change was not saved (the store is unchanged). "
        "Free some space and try again.",
    ),
    (
        ("readonly database", "read-only", "readonly"),
        "The store is read-only (its file, folder or disk cannot be written), so the change "
        "was not saved.",
    ),
    (
        ("database is locked", "database table is locked", "database is busy"),
        "The store is busy: another Briefer window or command is writing to it. "
        "The change was not saved; try again in a moment.",
    ),
    (
        ("disk i/o error",),
        "The disk could not be read or written (I/O error), so the change was not saved. "
        "Check the disk or network drive the store is on.",
    ),
    (
        ("unable to open database file", "permission denied"),
        "The store file cannot be opened for writing (permission denied or the file was "
        "moved), so the change was not saved.",
    ),
    (
        (
            "database disk image is malformed",
            "file is not a database",
            "malformed",
            # a search index's own records damaged: FTS5 cannot even open the table
            "vtable constructor failed",
        ),
        "The store file is damaged. Restore the latest backup (briefer restore BACKUP; "
        "backups are in the 'backups' folder beside the store).",
    ),
)

class ConflictError(StoreError):
    """Someone else changed what this change was based on; nothing was saved."""


CONFLICT_MESSAGE = (
    "This was changed by someone else in the meantime, so your change was not saved; "
    "refreshed with their version — check it and make your change again."
)

#: Server failures (SQLSTATE class or code) → what the officer reads.
_SERVER_MESSAGES: tuple[tuple[str, str], ...] = (
    ("40001", CONFLICT_MESSAGE),  # serialization failure
    ("40P01", CONFLICT_MESSAGE),  # deadlock: one of two simultaneous changes was refused
    ("08", "The team store server cannot be reached, so the change was not saved. "
     "Check the network and try again."),
    ("53", "The team store server is out of resources (disk full or too many connections), "
     "so the change was not saved."),
    ("42501", "Your database role may not make this change (permission denied); "
     "ask the team store's administrator."),
    ("22003", "A number given is out of range for the store (ids and counts go up to "
     "9,223,372,036,854,775,807)."),
)

#: A Python int too large for SQLite's 64-bit integers: the services' guard for ids and
#: counts that come from somewhere other than the CLI's argparse types.
_OVERFLOW_MESSAGE = _SERVER_MESSAGES[-1][1]

_OS_MESSAGES: dict[int, str] = {
    errno.ENOSPC: _SQLITE_MESSAGES[0][1],
    errno.EROFS: _SQLITE_MESSAGES[1][1],
    errno.EACCES: _SQLITE_MESSAGES[4][1],
    errno.EPERM: _SQLITE_MESSAGES[4][1],
    errno.EIO: _SQLITE_MESSAGES[3][1],
}


def store_error(exc: BaseException | None) -> StoreError | None:
    """The ``StoreError`` an SQLite/driver failure means to the officer, or None."""
    if exc is None or isinstance(exc, StoreError):
        return None
    if isinstance(exc, OverflowError):
        return StoreError(_OVERFLOW_MESSAGE)
    if isinstance(exc, StaleDataError):  # a row version moved on under this transaction
        return ConflictError(CONFLICT_MESSAGE)
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    sqlstate = getattr(orig, "sqlstate", None)  # psycopg (PostgreSQL)
    if isinstance(sqlstate, str):
        for prefix, message in _SERVER_MESSAGES:
            if sqlstate.startswith(prefix):
                return ConflictError(message) if message is CONFLICT_MESSAGE else StoreError(
                    message
                )
        return None
    if isinstance(orig, sqlite3.Error):
        text = str(orig).lower()
        for fragments, message in _SQLITE_MESSAGES:
            if any(f in text for f in fragments):
                return StoreError(message)
        return None
    if isinstance(orig, OSError) and orig.errno in _OS_MESSAGES:
        return StoreError(_OS_MESSAGES[orig.errno])
    return None


class UnitOfWork:
    session: Session

    def __init__(self, store: Store) -> None:
        self.store = store
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        _write_lock.acquire()
        try:
            self.session = self.store.sessions()
            self._committed = False
            if self.store.is_sqlite:
                # BEGIN IMMEDIATE: wait for another process's write here, not fail later.
                self.session.connection(execution_options={WRITE_OPTION: True})
        except BaseException as exc:
            with contextlib.suppress(Exception):
                self.session.close()
            _write_lock.release()
            mapped = store_error(exc)
            if mapped is not None:
                raise mapped from exc
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                try:
                    self.session.rollback()
                except Exception:
                    if exc is None:
                        raise
                    # Keep the original failure; SQLite has rolled back on its own.
        finally:
            self.session.close()
            _write_lock.release()
        mapped = store_error(exc)
        if mapped is not None:
            raise mapped from exc

    def commit(self) -> None:
        self.session.commit()
        self._committed = True

    def flush(self) -> None:
        self.session.flush()


class ReadSession:
    """A read-only session for queries (no write lock; WAL readers never block writers)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Session:
        self.session = self.store.sessions()
        return self.session

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()
        except Exception:
            if exc is None:
                raise
        finally:
            self.session.close()
        mapped = store_error(exc)
        if mapped is not None:
            raise mapped from exc
