"""A store file read with ``sqlite3`` alone: the CLI's read-only commands (``briefer search``)
run their queries on it without importing SQLAlchemy or the models, which is most of a short
command's time (docs/PERFORMANCE.md, "The command line").

Only for a store file already at this version's schema with something in it: anything else
(new, empty, older, foreign, damaged, a server) goes through ``bootstrap.open_for_use``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefer.store.schema import SCHEMA_HEAD, TABLES, is_sqlite_file


def current_and_in_use(path: Path, *, complete: bool = False) -> bool:
    """One read-only look: a Briefer store file at this version's schema, with something in
    it (an empty one gets the default topics on open); with ``complete``, none of its
    tables missing either (``open_store`` checks that for the full path)."""
    if not is_sqlite_file(path):
        return False  # open_for_use refuses it with its one-line reason
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
            (in_use,) = con.execute(
                "SELECT EXISTS (SELECT 1 FROM source) OR EXISTS (SELECT 1 FROM topic)"
            ).fetchone()
            if complete:
                present = {
                    r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                in_use = in_use and present >= TABLES
        finally:
            con.close()
    except (OSError, sqlite3.Error, TypeError, ValueError):
        return False
    return revision == SCHEMA_HEAD and bool(in_use)


def connect_for_reading(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a current store file in use, or None (use the full path)."""
    if not current_and_in_use(path, complete=True):
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    con.execute("PRAGMA busy_timeout = 5000")  # as store.db: a writer may hold the file
    return con
