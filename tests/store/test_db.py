from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from briefer.errors import StoreError
from briefer.store import open_store
from briefer.store.db import _alembic_config, head_revision, include_object
from briefer.store.models import Base


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_file_migrates_to_head_and_matches_models(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    store = open_store(path)
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert ctx.get_current_revision() == head_revision()
        assert compare_metadata(ctx, Base.metadata) == []
        tables = set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
        assert {"passage_fts", "passage_tri", "passage_text"} <= tables
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    store.close()


def test_schema_head_constant_matches_the_migrations() -> None:
    from briefer.store.db import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_the_direct_read_path_knows_the_models_tables() -> None:
    """store.schema lists the tables without importing the models (the CLI's direct read
    path checks a store for a dropped one): the list must be the models'."""
    from briefer.store import schema
    from briefer.store.models import Base

    assert set(Base.metadata.tables) == schema.TABLES


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for rev in revisions:
        assert not isinstance(rev.down_revision, tuple), f"merge revision {rev.revision}"


def test_reopening_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    open_store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_non_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n")
    before = _digest(path)
    with pytest.raises(StoreError, match="not a Briefer store"):
        open_store(path)
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="not a Briefer store"):
        open_store(path)
    assert _digest(path) == before


def test_store_from_newer_schema_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="newer version of Briefer"):
        open_store(path)
    assert _digest(path) == before


def test_source_text_is_immutable(seeded_store) -> None:  # type: ignore[no-untyped-def]
    with seeded_store.engine.begin() as conn, pytest.raises(Exception, match="immutable"):
        conn.exec_driver_sql("UPDATE source_chunk SET text = 'rewritten' WHERE source_id = 1")
