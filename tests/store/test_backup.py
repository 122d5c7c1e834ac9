"""Rolling backups on open, ``briefer backup``/``restore``, and the cloud-folder warning."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefer import cli
from briefer.bootstrap import open_for_use
from briefer.errors import StoreError
from briefer.library.topics import add_topic, list_topics
from briefer.store import backup
from briefer.store.db import SCHEMA_HEAD

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.sqlite"


def _dump(path: Path) -> list[object]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'passage_%' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return [(t, con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]
    finally:
        con.close()


def _new_store(tmp_path: Path) -> Path:
    path = tmp_path / "briefer.sqlite"
    open_for_use(path).close()
    return path


def test_a_new_store_has_no_backup_and_reopening_backs_it_up_once(tmp_path: Path) -> None:
    path = _new_store(tmp_path)
    assert backup.list_backups(path) == []
    open_for_use(path).close()
    first = backup.list_backups(path)
    assert [b.label for b in first] == ["auto"]
    assert _dump(first[0].path) == _dump(path)
    for _ in range(3):  # unchanged: no new copies
        open_for_use(path).close()
    assert backup.list_backups(path) == first
    store = open_for_use(path)
    add_topic(store, "Export controls")
    store.close()
    open_for_use(path).close()
    latest = backup.list_backups(path)
    assert len(latest) == 2
    assert "Export controls" in str(_dump(latest[0].path))


def test_only_the_newest_n_are_kept(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(backup.BACKUP_KEEP_ENV, "3")
    path = _new_store(tmp_path)
    for i in range(6):
        store = open_for_use(path)
        add_topic(store, f"Topic {i}")
        store.close()
    kept = backup.list_backups(path)
    assert len(kept) == 3
    assert "Topic 4" in str(_dump(kept[0].path))  # the newest: opened after topic 4 was added


def test_backups_can_be_turned_off_or_moved(tmp_path: Path, monkeypatch) -> None:
    path = _new_store(tmp_path)
    monkeypatch.setenv(backup.BACKUP_KEEP_ENV, "0")
    open_for_use(path).close()
    assert backup.list_backups(path) == []
    monkeypatch.setenv(backup.BACKUP_KEEP_ENV, "10")
    monkeypatch.setenv(backup.BACKUP_DIR_ENV, str(tmp_path / "elsewhere"))
    open_for_use(path).close()
    assert [b.path.parent for b in backup.list_backups(path)] == [tmp_path / "elsewhere"]


def test_backup_holds_only_committed_data(tmp_path: Path) -> None:
    path = _new_store(tmp_path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO topic (name, description) VALUES ('Uncommitted', '')")
    try:
        made = backup.backup_store(path)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "Uncommitted" not in str(_dump(made))
    assert _dump(made) == _dump(path)


def test_restore_replaces_the_content_and_keeps_a_safety_copy(tmp_path: Path) -> None:
    path = _new_store(tmp_path)
    saved = backup.backup_store(path)
    store = open_for_use(path)
    add_topic(store, "Added after the backup")
    store.close()
    before_restore = _dump(path)
    safety = backup.restore_store(path, saved)
    assert safety is not None and _dump(safety) == before_restore
    assert _dump(path) == _dump(saved)
    store = open_for_use(path)
    assert "Added after the backup" not in {t.name for t in list_topics(store)}
    store.close()


def test_restore_of_an_old_backup_upgrades_it(tmp_path: Path, capsys) -> None:
    path = _new_store(tmp_path)
    old = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, old)
    assert cli.main(["--store", str(path), "restore", str(old), "--yes", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert Path(out["safety_backup"]).is_file()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]
    assert con.execute("SELECT count(*) FROM quote").fetchone() == (2,)
    con.close()


def _foreign(tmp_path: Path) -> Path:
    p = tmp_path / "contacts.sqlite"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    return p


def _newer(tmp_path: Path) -> Path:
    p = tmp_path / "newer.sqlite"
    shutil.copyfile(FIXTURE, p)
    con = sqlite3.connect(p)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    return p


def _damaged(tmp_path: Path) -> Path:
    p = tmp_path / "damaged.sqlite"
    data = bytearray(FIXTURE.read_bytes())
    for i in range(4096 * 3, len(data) - 4096, 97):
        data[i] = 0xA5
    p.write_bytes(bytes(data))
    return p


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda t: t / "missing.sqlite", "no such file"),
        (lambda t: (t / "notes.txt").write_text("hello") and t / "notes.txt", "not a Briefer"),
        (lambda t: (t / "empty.sqlite").write_bytes(b"") or t / "empty.sqlite", "not a Briefer"),
        (_foreign, "not a Briefer store"),
        (_newer, "newer version"),
        (_damaged, "damaged|not a readable|malformed"),
    ],
)
def test_restore_refuses_what_is_not_a_good_store(tmp_path: Path, make, message: str) -> None:
    path = _new_store(tmp_path)
    before = path.read_bytes()
    bad = make(tmp_path)
    with pytest.raises(StoreError, match=message):
        backup.restore_store(path, bad)
    assert path.read_bytes() == before
    assert backup.list_backups(path) == []  # not even the safety copy was needed


def test_restore_refuses_the_store_itself(tmp_path: Path) -> None:
    path = _new_store(tmp_path)
    with pytest.raises(StoreError, match="the store itself"):
        backup.restore_store(path, path)


def test_cli_backup_list_and_restore_confirmation(tmp_path: Path, capsys, monkeypatch) -> None:
    path = _new_store(tmp_path)
    target = tmp_path / "copy.sqlite"
    assert cli.main(["--store", str(path), "backup", "--to", str(target)]) == 0
    assert _dump(target) == _dump(path)
    capsys.readouterr()
    assert cli.main(["--store", str(path), "backup", "--to", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert cli.main(["--store", str(path), "backup", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)["backup"]
    assert cli.main(["--store", str(path), "backup", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert made in [b["path"] for b in listed["backups"]]
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert cli.main(["--store", str(path), "restore", made]) == 1
    assert "--yes" in capsys.readouterr().err


# --------------------------------------------------------------------------- cloud folders

CLOUD = [
    (r"C:\Users\ana\OneDrive\Briefer\briefer.sqlite", "OneDrive"),
    (r"C:\Users\ana\OneDrive - European Commission\briefer.sqlite", "OneDrive"),
    ("/Users/ana/Library/CloudStorage/OneDrive-Contoso/briefer.sqlite", "OneDrive"),
    ("/home/ana/OneDrive/briefer.sqlite", "OneDrive"),
    (r"C:\Users\ana\Dropbox\briefs\briefer.sqlite", "Dropbox"),
    (r"C:\Users\ana\Dropbox (Team)\briefer.sqlite", "Dropbox"),
    ("/Users/ana/Dropbox/briefer.sqlite", "Dropbox"),
    ("/Users/ana/Library/CloudStorage/Dropbox/briefer.sqlite", "Dropbox"),
    ("/home/ana/Dropbox/briefer.sqlite", "Dropbox"),
    ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/briefer.sqlite", "iCloud Drive"),
    (r"C:\Users\ana\iCloudDrive\briefer.sqlite", "iCloud Drive"),
    (r"G:\My Drive\briefer.sqlite", "Google Drive"),
    (r"C:\Users\ana\Google Drive\briefer.sqlite", "Google Drive"),
    (
        "/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/b.sqlite",
        "Google Drive",
    ),
    ("/home/ana/GoogleDrive/briefer.sqlite", "Google Drive"),
]
LOCAL = [
    r"C:\Users\ana\AppData\Local\Briefer\briefer.sqlite",
    "/Users/ana/Library/Application Support/Briefer/briefer.sqlite",
    "/home/ana/.local/share/Briefer/briefer.sqlite",
    "/home/ana/dropboxes-of-letters/briefer.sqlite",
    "/home/ana/notes/OneDrive.sqlite",
]


@pytest.mark.parametrize(("path", "service"), CLOUD)
def test_cloud_folders_are_recognised(path: str, service: str) -> None:
    assert backup.cloud_sync_service(path) == service
    assert "sync" in (backup.cloud_warning(path) or "").lower()


@pytest.mark.parametrize("path", LOCAL)
def test_local_folders_are_not_flagged(path: str) -> None:
    assert backup.cloud_sync_service(path) is None


def test_store_in_a_synced_folder_opens_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "Dropbox" / "briefer.sqlite"
    path.parent.mkdir()  # a new store is made only in a folder that exists
    store = open_for_use(path)
    store.close()
    assert any("Dropbox" in w for w in store.warnings)
    done = subprocess.run(
        [sys.executable, "-m", "briefer.app", "--store", str(path), "topics"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stderr
    assert "briefer: warning:" in done.stderr and "Dropbox" in done.stderr


def test_cli_restore_repairs_a_store_that_no_longer_opens(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The damaged store is the one that needs restoring: restore must not open it first."""
    from briefer.app import main

    store = tmp_path / "work.sqlite"
    assert main(["--store", str(store), "demo"]) == 0
    assert main(["--store", str(store), "backup", "--to", str(tmp_path / "good.sqlite")]) == 0
    store.write_bytes(b"garbage, not a database " * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"work.sqlite{suffix}").unlink(missing_ok=True)
    capsys.readouterr()
    assert main(["--store", str(store), "sources"]) == 1
    assert main(["--store", str(store), "restore", str(tmp_path / "good.sqlite"), "--yes"]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "sources", "--json"]) == 0
    assert "Joint letter" in capsys.readouterr().out


def test_a_search_index_block_that_runs_sqlite_out_of_memory_is_a_damaged_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random bytes in an FTS5 block can claim a size SQLite cannot allocate, and sqlite3
    raises SQLITE_NOMEM as MemoryError (a CI run's restore of such a backup crashed): the
    check names the damaged index instead."""
    store = _new_store(tmp_path)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(store, copy)
    real_connect = sqlite3.connect

    class NoMemoryOnCheck:
        def __init__(self, con: sqlite3.Connection) -> None:
            self.con = con

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if "integrity-check" in sql:
                raise MemoryError
            return self.con.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self.con, name)

    monkeypatch.setattr(
        backup.sqlite3, "connect", lambda *a, **k: NoMemoryOnCheck(real_connect(*a, **k))
    )
    problems = backup.backup_problems(copy, SCHEMA_HEAD)
    assert problems and all("search index" in p and "damaged" in p for p in problems)
