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
SCHEMA_HEAD = "0013"
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
        "source_sketch",
        "store_setting",
        "topic",
        "topic_alias",
        "topic_learned_term",
    }
)


def default_store_path() -> Path:
    """``$BRIEFER_STORE`` or ``briefer.sqlite`` in the platform's user data folder."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("Briefer", appauthor=False)) / "briefer.sqlite"
