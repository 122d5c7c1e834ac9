"""Unit of work: one transaction per user action.

    with UnitOfWork(store) as uow:
        ...
        uow.commit()

Leaving the block without ``commit()`` rolls everything back, so a failed action leaves
the store exactly as it was. Repositories and services never commit on their own.
"""

from __future__ import annotations

import threading
from types import TracebackType

from sqlalchemy.orm import Session

from briefer.store.db import Store

# SQLite has one writer at a time; serialising writes inside the process avoids
# "database is locked" between the UI thread and workers (Anki does the same).
_write_lock = threading.RLock()


class UnitOfWork:
    session: Session

    def __init__(self, store: Store) -> None:
        self.store = store
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        _write_lock.acquire()
        self.session = self.store.sessions()
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
            _write_lock.release()

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

    def __exit__(self, *exc: object) -> None:
        self.session.rollback()
        self.session.close()
