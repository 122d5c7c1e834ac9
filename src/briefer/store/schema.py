"""What a store file is, readable without SQLAlchemy: the read-only commands of the CLI
(``briefer search``) check a store with these and ``sqlite3`` alone (``store.direct``), and
``store.db`` re-exports them for everything else."""

from __future__ import annotations

import os
from pathlib import Path

STORE_ENV = "BRIEFER_STORE"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The newest migration. Opening a store already at this revision needs no Alembic import
#: (start-up time); tests/store/test_db.py checks it equals the migration scripts' head.
SCHEMA_HEAD = "0017"
#: The tables of the models at SCHEMA_HEAD (tests/store/test_db.py checks this against
#: ``store.models``): a current store file lacking one is damaged, and the direct read path
#: leaves it to the full open, which says so.
TABLES = frozenset(
    {
        "ask",
        "ask_response",
        "ask_scan",
        "brief",
        "brief_event",
        "brief_section",
        "brief_version",
        "passage",
        "passage_topic",
        "quote",
        "source",
        "source_chunk",
        "source_sketch",
        "store_setting",
        "topic",
        "topic_alias",
        "topic_learned_term",
    }
)


#: Raw SQL's condition on a source row aliased ``s``: not a source still being imported in
#: batches (``source.importing``, 0016; see ``store/pending.py``).
VISIBLE = "s.importing IS NULL"


def passage_text_sql(p: str = "p") -> str:
    """A SQL expression for the text of the passage row ``p`` (its ``source_id``, ``start``
    and ``"end"``): a substring of the one chunk that holds it, found by primary key. The
    same SQL runs on SQLite and PostgreSQL."""
    return (
        f'(SELECT substr(sc_.text, {p}.start - sc_.start + 1, {p}."end" - {p}.start) '
        f"FROM source_chunk AS sc_ WHERE sc_.source_id = {p}.source_id "
        f"AND sc_.start <= {p}.start ORDER BY sc_.start DESC LIMIT 1)"
    )


def is_sqlite_file(path: Path) -> bool:
    """A regular, non-empty file that starts as an SQLite database does (16 bytes read, so a
    FIFO, a folder or a foreign file is never opened by sqlite3)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def default_store_path() -> Path:
    """``$BRIEFER_STORE`` or ``briefer.sqlite`` in the platform's user data folder."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_store_path()


def user_data_store_path() -> Path:
    """``briefer.sqlite`` in the platform's user data folder (made on first use)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Briefer", appauthor=False)) / "briefer.sqlite"
