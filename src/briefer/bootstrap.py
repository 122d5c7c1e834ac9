"""One place where the GUI and the CLI open a store, so they cannot drift apart.

Opening an existing store file first checks it (not ours or newer: refused untouched), then
takes the rolling backup (always before a schema upgrade; otherwise only when the store
changed since the last one), then migrates. Anything the officer should know but that does
not stop the store from opening (a cloud-synced folder, a backup that failed) ends up in
``store.warnings`` and is logged (the CLI prints it on stderr).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import paths, pdf_work
from briefer.errors import StoreError
from briefer.store import backup, schema
from briefer.store.schema import (
    SCHEMA_HEAD,
    default_store_path,
    is_sqlite_file,
)

if TYPE_CHECKING:
    from briefer.store import Store

# SQLAlchemy, the models and the seeds are imported where a store is opened in full, so a
# read-only command on a current store (open_direct) imports none of them.

log = logging.getLogger("briefer")


def is_empty(store: Store) -> bool:
    from sqlalchemy import func, select

    from briefer.store import ReadSession
    from briefer.store.models import Source, Topic

    with ReadSession(store) as s:
        return not s.scalar(select(func.count()).select_from(Source)) and not s.scalar(
            select(func.count()).select_from(Topic)
        )


def store_file(location: str | os.PathLike[str] | None) -> Path | None:
    """The local file a location names (None for a database URL)."""
    if location is None:
        location = default_store_path()
    text = os.fspath(location)
    if "://" in text:
        return None
    return paths.resolve(text, StoreError)


def check_location(location: str | os.PathLike[str] | None, *, create: bool) -> None:
    """Refuse, in one line and before anything is made, a store file that does not exist
    when ``create`` is False (a command that only reads or edits: a mistyped path must not
    look like an empty library), and with ``create`` one whose folder does not exist, except
    the default store in the user data folder, whose folder is made on first use."""
    path = store_file(location)
    if path is None or paths.regular_or_new(path, what="a Briefer store", error=StoreError):
        return  # a server, or an existing file (checked further when opened)
    if not create:
        at = "" if location is None else f" --store {path}"
        raise StoreError(
            f"No store at {path}. Check the path; to start one, run `briefer demo{at}` (the "
            f"sample library) or `briefer import FILE...{at}`."
        )
    if not path.parent.is_dir() and path != paths.resolve(
        schema.user_data_store_path(), StoreError
    ):
        raise StoreError(
            f"No folder {path.parent}, so no store can be made at {path}. Check the path, "
            "or make the folder first."
        )


def _backup_before_open(path: Path, *, defer: bool = False) -> list[str]:
    """Check an existing store file, then back it up; returns warnings.

    With ``defer`` the routine backup (not the one before a schema upgrade) is left to
    ``backup_now``: the window shows first and copies a large store in the background."""
    # a FIFO, device, over-long name or path under a file: refused in one line, not opened
    if not paths.regular_or_new(path, what="a Briefer store", error=StoreError):
        return []
    if path.stat().st_size == 0:
        return []
    from briefer.store.db import _check_sqlite_file

    _check_sqlite_file(path)  # not a store, or from a newer Briefer: refused untouched
    revision = backup.store_revision(path) if _needs_upgrade(path) else SCHEMA_HEAD
    if revision != SCHEMA_HEAD:
        try:
            backup.backup_on_open(path, label=f"before-upgrade-{revision}", force=True)
        except StoreError as exc:
            raise StoreError(
                f"{exc} The store was not upgraded to this version of Briefer, "
                "so it is unchanged; free some space or make the folder writable."
            ) from exc
        return []
    return [] if defer else backup_now(path)


def backup_now(path: Path) -> list[str]:
    """The rolling backup of a store file (skipped when unchanged); returns warnings."""
    try:
        backup.backup_on_open(path)
    except StoreError as exc:
        return [f"No backup was taken when the store was opened: {exc}"]
    return []


def _needs_upgrade(path: Path) -> bool:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False  # no schema yet: a brand-new store
    return row is not None and row[0] != SCHEMA_HEAD


def needs_upgrade(location: str | os.PathLike[str] | None) -> bool:
    """Whether opening this store file will upgrade its schema (a backup copy, then the
    migrations: a minute or more for a large store), so a window can say so first. False
    for a server, a new or foreign file: nothing slow happens there before a refusal."""
    path = store_file(location)
    return path is not None and is_sqlite_file(path) and _needs_upgrade(path)


def _current_and_in_use(path: Path) -> bool:
    """A Briefer store file at this version's schema, with something in it (one read-only
    look, shared with the CLI's sqlite3-only read path). Anything else is for open_for_use."""
    from briefer.store.direct import current_and_in_use

    return current_and_in_use(path)


def open_for_reading(location: str | os.PathLike[str] | None = None) -> Store:
    """A store for a command that only reads (search, source show, topics).

    A store file already at this version's schema is opened as it is: its version read in
    one look, then ``open_store``'s own checks (ours, not damaged), without the migration
    check, the rolling backup (nothing will change; the next writing command or the window
    takes it) or the default topics. Anything else (a new, empty or older file, a foreign one,
    a server) goes through ``open_for_use``, which upgrades with its backup or refuses.
    """
    path = store_file(location)
    if path is None or not _current_and_in_use(path):
        return open_for_use(location, create=False)
    from briefer.store import open_store

    pdf_work.clean_stale()  # a read is a start too: a killed PDF export's copies go
    cloud = backup.cloud_warning(path)
    store = open_store(path, migrate=False)
    if cloud:
        store.warnings.append(cloud)
        log.warning("briefer: warning: %s", cloud)
    return store


def open_direct(location: str | os.PathLike[str] | None = None) -> sqlite3.Connection | None:
    """A read-only ``sqlite3`` connection for a command that only reads, when the store is a
    file that ``open_for_reading`` would open as it is (current schema, in use); None for
    anything else, which the caller opens with ``open_for_reading``. The same start as
    there: stale PDF work cleaned, a synced folder warned of."""
    from briefer.store.direct import connect_for_reading

    path = store_file(location)
    if path is None:
        return None
    con = connect_for_reading(path)
    if con is None:
        return None
    pdf_work.clean_stale()
    cloud = backup.cloud_warning(path)
    if cloud:
        log.warning("briefer: warning: %s", cloud)
    return con


def open_for_use(
    location: str | os.PathLike[str] | None = None,
    *,
    seed_if_new: bool = False,
    defer_backup: bool = False,
    create: bool = True,
) -> Store:
    """Open (back up, migrate) a store; a brand-new store gets the default topics, and the
    seed corpus too when ``seed_if_new`` (the GUI's first start). With ``defer_backup``
    the caller runs ``backup_now`` later (the GUI, on a worker once the window shows).
    A new store file is made only with ``create``, and only in a folder that exists (see
    ``check_location``)."""
    check_location(location, create=create)
    path = store_file(location)
    warnings: list[str] = []
    pdf_work.clean_stale()  # copies of a brief a killed PDF export left in the cache
    if path is not None:
        cloud = backup.cloud_warning(path)
        if cloud:
            warnings.append(cloud)
        warnings.extend(_backup_before_open(path, defer=defer_backup))
    from briefer.store import open_store

    store = open_store(location)
    store.warnings.extend(warnings)
    for warning in warnings:
        log.warning("briefer: warning: %s", warning)
    if is_empty(store):
        if seed_if_new:
            from briefer.library.seeds import load_seeds

            load_seeds(store)
        else:
            from briefer.library.topics import install_default_taxonomy
            from briefer.store import UnitOfWork

            with UnitOfWork(store) as uow:
                install_default_taxonomy(uow.session)
                uow.commit()
    else:
        _merge_default_aliases(store)
        _discard_stale_imports(store)
    return store


def _discard_stale_imports(store: Store) -> None:
    """Remove the hidden, partial source an import killed mid-way left (``store.pending``);
    a store that cannot be written keeps it, still hidden, for the next open."""
    from briefer.errors import StoreError
    from briefer.store import pending

    try:
        removed = pending.discard_stale(store)
    except StoreError as exc:
        log.warning("briefer: warning: %s", exc)
        return
    if removed:
        from briefer.labels import counted

        log.info(
            "briefer: removed %s an interrupted import left", counted(removed, "source", "sources")
        )


def retag_note(store: Store) -> str | None:
    """What a command line should say while a scheduled re-tag (``pending_retag``) waits:
    the window does it in the background; a command would hold its caller for minutes."""
    from briefer.library import pending_retag
    from briefer.store import ReadSession

    with ReadSession(store) as s:
        p = pending_retag.progress(s)
    if p is None:
        return None
    return (
        f"the library is being re-tagged for this version's new topic aliases "
        f"({p.done:,} of {p.total:,} sources done); until then those topics miss some "
        "passages. The window finishes it in the background, or run `briefer topic retag`."
    )


def _merge_default_aliases(store: Store) -> None:
    """A store made with an older taxonomy gets the aliases newer versions added (once)."""
    from sqlalchemy.exc import IntegrityError

    from briefer.library.topics import merge_default_aliases
    from briefer.store import UnitOfWork

    try:
        with UnitOfWork(store) as uow:
            added = merge_default_aliases(uow.session)
            uow.commit()
    except IntegrityError:  # another client of a team store merged them at the same moment
        return
    if added:
        log.info("briefer: %d new default aliases added to the store's topics", added)
