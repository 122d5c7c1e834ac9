"""A store written by the first release (schema 0001) opens: backed up first, then upgraded."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from briefer.bootstrap import open_for_use
from briefer.briefs.service import get_brief
from briefer.errors import StoreError
from briefer.library.search import search
from briefer.library.topics import list_topics
from briefer.store import backup
from briefer.store.db import SCHEMA_HEAD

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.sqlite"


def _revision(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_fixture_is_small_and_at_0001() -> None:
    assert FIXTURE.stat().st_size < 1024 * 1024
    assert _revision(FIXTURE) == "0001"


def test_0001_store_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, path)
    original = FIXTURE.read_bytes()
    store = open_for_use(path)
    try:
        [made] = backup.list_backups(path)
        assert made.label == "before-upgrade-0001"
        assert _revision(made.path) == "0001"
        assert _revision(path) == SCHEMA_HEAD
        brief = get_brief(store, 1)
        assert brief.title == "EU-Japan Digital Partnership Council"
        [section] = brief.sections
        assert len(section.industry) == 1 and len(section.official) == 1
        assert [h.source_id for h in search(store, "semiconductor")]
        assert {h.source_id for h in search(store, "半導体")} == {2}
        assert {h.source_id for h in search(store, "導")} == {2}
        names = {t.name: t.aliases for t in list_topics(store)}
        assert "a+b*c?" in names["Export controls"]
    finally:
        store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for qid, start, end, text, source in con.execute(
        'SELECT q.id, q.start, q."end", q.text, (SELECT group_concat(c.text, \'\') FROM '
        "(SELECT text FROM source_chunk WHERE source_id = s.id ORDER BY start) AS c) "
        "FROM quote q JOIN source s "
        "ON s.id = q.source_id"
    ):
        assert source[start:end] == text, qid
    con.close()
    assert FIXTURE.read_bytes() == original
    open_for_use(path).close()  # at head now: a plain rolling backup, no second upgrade
    latest, first = backup.list_backups(path)
    assert (latest.label, first.label) == ("auto", "before-upgrade-0001")
    assert _revision(latest.path) == SCHEMA_HEAD


def test_no_upgrade_without_a_backup(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    monkeypatch.setenv(backup.BACKUP_DIR_ENV, str(blocker))
    with pytest.raises(StoreError, match="not upgraded"):
        open_for_use(path)
    assert path.read_bytes() == FIXTURE.read_bytes()


@pytest.mark.parametrize("revision", ["9999", "0003_future"])
def test_newer_store_is_refused_untouched_without_backup(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "newer.sqlite"
    shutil.copyfile(FIXTURE, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        open_for_use(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite"]
