"""Opening a store: locate it, check it is ours, migrate it to head, hand out sessions.

A store is one SQLite file by default. ``open_store`` refuses, without writing a byte,
anything that is not a Briefer store or was written by a newer Briefer.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from briefer import paths
from briefer.errors import StoreError

# The newest migration (SCHEMA_HEAD) and the store's location live in store.schema, which
# the CLI's read-only commands import without SQLAlchemy.
from briefer.store.schema import SCHEMA_HEAD as SCHEMA_HEAD
from briefer.store.schema import SQLITE_MAGIC as SQLITE_MAGIC
from briefer.store.schema import STORE_ENV as STORE_ENV
from briefer.store.schema import default_store_path as default_store_path

MIGRATIONS = Path(__file__).with_name("migrations")

if TYPE_CHECKING:
    from alembic.config import Config


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave the engine-specific search tables (FTS5 shadow tables) out of autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIXES))


FTS_PREFIXES = ("passage_fts", "passage_tri")


#: Told ``(step, done, total)`` while a migration copies data (0014 moves every source text
#: into chunks: a minute for a large library); set with ``upgrade_progress``.
_upgrade_listener: Callable[[str, int, int], None] | None = None


@contextmanager
def upgrade_progress(listener: Callable[[str, int, int], None]) -> Iterator[None]:
    """Report the progress of the migrations run inside the block (``open_store``) to
    ``listener(step, done, total)``, called from the migrating thread."""
    global _upgrade_listener
    previous, _upgrade_listener = _upgrade_listener, listener
    try:
        yield
    finally:
        _upgrade_listener = previous


def report_upgrade_progress(step: str, done: int, total: int) -> None:
    """For migrations: tell the listener of ``upgrade_progress``, if any."""
    if _upgrade_listener is not None:
        _upgrade_listener(step, done, total)


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _set_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy/ourselves manage transactions; pysqlite's implicit ones get in the way.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before the UI says "saved", even across a power cut
    # (NORMAL in WAL mode survives a crashed process but may lose the last commits).
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


#: Execution option a unit of work sets: its transaction takes the write lock at BEGIN, so a
#: second writer waits (busy_timeout) instead of failing on a stale read snapshot.
WRITE_OPTION = "briefer_write"


def _begin_sqlite(conn: Any) -> None:
    immediate = conn.get_execution_options().get(WRITE_OPTION)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_sqlite_file(path: Path) -> None:
    """Refuse paths that cannot be a store, before SQLite touches them."""
    # a FIFO would block the read below for ever, a device is not ours to write; a folder,
    # a name too long or a path under a file are refused here too, with the OS's reason
    if not paths.regular_or_new(path, what="a Briefer store", error=StoreError):
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Cannot create the folder for the store {path}: {exc}") from exc
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Cannot read the store {path}: {exc.strerror or exc}") from exc
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a Briefer store (it is not an SQLite database).")
    if head:
        try:
            _check_is_ours(path)
        except DamagedStoreError as exc:
            raise StoreError(
                f"{exc} Restore the latest backup (briefer restore BACKUP; backups are in the "
                "'backups' folder beside the store)."
            ) from exc


class DamagedStoreError(StoreError):
    """A Briefer store file whose schema was damaged behind our back (a table dropped)."""


def _check_is_ours(path: Path) -> None:
    """An existing SQLite file must carry our migration table, at a revision we know."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revs = (
                [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
                if "alembic_version" in tables
                else []
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a readable Briefer store ({exc}).") from exc
    if tables and "alembic_version" not in tables:
        raise StoreError(f"{path} is an SQLite database but not a Briefer store.")
    if revs == [SCHEMA_HEAD]:
        missing = missing_tables(path)
        if missing:
            raise DamagedStoreError(
                f"{path} is damaged: its {', '.join(missing)} table"
                f"{'s are' if len(missing) > 1 else ' is'} missing."
            )
        return
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    unknown = [r for r in revs if r not in known]
    if unknown:
        raise StoreError(
            f"{path} was written by a newer version of Briefer (schema {unknown[0]}); "
            "update Briefer to open it. The store was not changed."
        )


def missing_tables(path: Path) -> list[str]:
    """Tables of the models that a store file at head lacks (dropped behind our back)."""
    from briefer.store.models import Base

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    return sorted(set(Base.metadata.tables) - present)


#: SQLAlchemy backends a store can live on.
_BACKENDS = ("sqlite", "postgresql")


def _store_url(text: str) -> Any:
    """The URL ``text`` names, checked before any driver is loaded or any file touched."""
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(
            f"{text!r} is not a store location: give a file path, sqlite:///PATH or "
            "postgresql://HOST/DATABASE."
        ) from exc
    backend = url.get_backend_name()
    if backend not in _BACKENDS:
        raise StoreError(
            f"{text!r} is not a store location Briefer can use ({backend or 'no database'}): "
            "stores are SQLite files or PostgreSQL databases."
        )
    if (
        backend == "sqlite"
        and url.database
        and url.database != ":memory:"
        and not url.database.startswith("file:")  # an SQLite URI: the caller's own terms
    ):
        # a foreign database is refused here, before the connect hook switches on WAL
        path = paths.resolve(url.database, StoreError)
        _check_sqlite_file(path)
        url = url.set(database=str(path))
    return url


def one_line(exc: BaseException) -> str:
    """A driver's message on one line, without SQLAlchemy's "Background on this error" link."""
    orig = getattr(exc, "orig", None) or exc
    lines = [ln.strip() for ln in str(orig).splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith("(Background on this error")]
    return "; ".join(lines)[:300] or exc.__class__.__name__


@dataclass
class Store:
    """An open store: the engine and a session factory. Use ``UnitOfWork`` for changes."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    #: Things the officer should know about this store (cloud-synced folder, no backup...).
    warnings: list[str] = field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def label(self) -> str:
        """What the title bar and messages show: the file path or the URL without secrets."""
        from briefer.store.engines import safe_label

        return safe_label(self.url)

    def close(self) -> None:
        self.engine.dispose()


def open_store(location: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the store at a path or SQLAlchemy URL, migrated to head."""
    if location is None:
        location = default_store_path()
    text = os.fspath(location)
    if "://" in text:
        url = _store_url(text)
    else:
        path = paths.resolve(text, StoreError)
        _check_sqlite_file(path)
        url = make_url(f"sqlite:///{path}")
    engine = _make_engine(url)
    try:
        if migrate:
            _migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        from briefer.store import engines

        # A server that wants a password libpq could not find (.pgpass, PGPASSWORD...): ask
        # (CLI/GUI prompt, kept in memory only) and try once more.
        retry = engines.ask_password(url) if engines.needs_password(exc) else None
        if retry is None:
            raise StoreError(
                f"Cannot open the store {url.database or url}: {one_line(exc)}"
            ) from exc
        return open_store(retry.render_as_string(hide_password=False), migrate=migrate)
    from briefer.store import pending

    sessions = sessionmaker(engine, expire_on_commit=False)
    pending.install(sessions)  # sources still being imported are hidden from every read
    return Store(url=url.render_as_string(hide_password=False), engine=engine, sessions=sessions)


def _make_engine(url: Any) -> Engine:
    if str(url).startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    connect_args = {"application_name": "briefer", "connect_timeout": 10}
    if make_url(url).get_backend_name() != "postgresql":
        connect_args = {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _migrate(engine: Engine) -> None:
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        current = (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if "alembic_version" in tables
            else None
        )
        if current == SCHEMA_HEAD:
            return
        if current is None and tables:
            raise StoreError("This database has tables but is not a Briefer store.")
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Officers opening a new team store at once: one migrates, the others wait here
            # (Alembic then finds the schema at head and does nothing).
            conn.execute(text("SELECT pg_advisory_xact_lock(4242, 3)"))
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
