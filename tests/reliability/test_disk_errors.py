"""Disk full, read-only and permission errors during an edit, an import, an export, a backup:
a clear BrieferError, the store unchanged, no half-written file left behind.

Simulated three ways: SQLite's own "database or disk is full" (``max_page_count``), injected
driver/OS errors (monkeypatch), and, when the test may mount one, a real 2 MB tmpfs.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_scenario import check_consistent, digest, make_text
from sqlalchemy import event

from briefer import cli
from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.briefs.service import get_brief
from briefer.errors import ExportError, StoreError
from briefer.export import export_brief
from briefer.ingest.readers import read_text
from briefer.library.importing import import_paths
from briefer.library.sources import SourceFields, import_document
from briefer.library.topics import add_topic, set_tag
from briefer.store import Store, backup
from briefer.store import db as store_db


def _cap_growth(dbapi_conn, _record) -> None:
    """The database file may not grow: SQLite answers "database or disk is full"."""
    pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
    dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")


def _full(store: Store) -> None:
    store.engine.dispose()
    event.listen(store.engine, "connect", _cap_growth)


def _inject(store: Store, message: str) -> None:
    """Every write statement fails with ``message`` as the SQLite driver would raise it."""
    store.engine.dispose()

    @event.listens_for(store.engine, "before_cursor_execute")
    def _fail(conn, cursor, statement, params, context, executemany) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError(message)


def _brief(store: Store) -> int:
    removal = ops.CreateBrief("Disk brief").apply(store).inverse
    assert isinstance(removal, ops.DeleteBrief)
    ops.AddQuoteToTopic(removal.brief_id, 1, 1, 0, 40).apply(store)
    return removal.brief_id


MESSAGES = [
    ("database or disk is full", "disk is full"),
    ("attempt to write a readonly database", "read-only"),
    ("database is locked", "busy"),
    ("disk I/O error", "I/O error"),
    ("unable to open database file", "cannot be opened"),
]


def test_edit_on_a_full_database_is_refused_and_changes_nothing(seeded_store: Store) -> None:
    brief_id = _brief(seeded_store)
    path = Path(seeded_store.label)
    _full(seeded_store)
    big = read_text(make_text(1, 1) * 200, origin="big.txt")
    with pytest.raises(StoreError, match="disk is full"):
        import_document(seeded_store, big, SourceFields(kind="industry"))
    with pytest.raises(StoreError, match="disk is full"):
        for i in range(400):  # small edits until the last free page is used
            ops.UpdateBriefFields(brief_id, {"objectives": "x" * 4000 + str(i)}).apply(seeded_store)
    assert check_consistent(path) == []


@pytest.mark.parametrize(("message", "expected"), MESSAGES)
def test_sqlite_errors_become_clear_store_errors(
    seeded_store: Store, message: str, expected: str
) -> None:
    brief_id = _brief(seeded_store)
    path = Path(seeded_store.label)
    before = digest(path)
    _inject(seeded_store, message)
    with pytest.raises(StoreError, match=expected):
        ops.UpdateBriefFields(brief_id, {"objectives": "new"}).apply(seeded_store)
    with pytest.raises(StoreError, match=expected):
        ops.AddQuoteToTopic(brief_id, 2, 2, 0, 30).apply(seeded_store)
    with pytest.raises(StoreError, match=expected):
        set_tag(seeded_store, 1, 1, False)
    with pytest.raises(StoreError, match=expected):
        add_topic(seeded_store, "Export controls", ["dual-use"])
    seeded_store.close()
    assert digest(path) == before
    assert check_consistent(path) == []


def test_import_batch_reports_the_disk_error_per_file(seeded_store: Store, tmp_path: Path) -> None:
    path = Path(seeded_store.label)
    files = []
    for i in range(3):
        f = tmp_path / f"note{i}.txt"
        f.write_text(make_text(7, i), encoding="utf-8")
        files.append(f)
    before = digest(path)
    _inject(seeded_store, "database or disk is full")
    summary = import_paths(seeded_store, files, SourceFields(kind="official"))
    assert summary.failed == 3
    assert all("disk is full" in r.reason for r in summary.results)
    seeded_store.close()
    assert digest(path) == before


def test_cli_prints_the_store_error(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "cli.sqlite"
    open_for_use(path).close()
    before = digest(path)
    original = store_db._set_sqlite_pragmas

    def pragmas_then_full(dbapi_conn, record) -> None:
        original(dbapi_conn, record)
        _cap_growth(dbapi_conn, record)

    monkeypatch.setattr(store_db, "_set_sqlite_pragmas", pragmas_then_full)
    long_aliases = [f"alias {i} " + "y" * 150 for i in range(300)]
    args = [arg for alias in long_aliases for arg in ("--alias", alias)]
    code = cli.main(["--store", str(path), "topic", "add", "Export controls", *args])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("briefer: error: The disk is full")
    assert digest(path) == before


def _export_target_errors(monkeypatch, exc: OSError) -> None:
    import docx.document

    def failing_save(self, target) -> None:
        Path(target).write_bytes(b"PK\x03\x04 half a document")
        raise exc

    monkeypatch.setattr(docx.document.Document, "save", failing_save)


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "not writable")],
)
def test_failed_export_leaves_no_file_and_keeps_the_old_one(
    seeded_store: Store, tmp_path: Path, monkeypatch, code: int, words: str
) -> None:
    brief = get_brief(seeded_store, _brief(seeded_store))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "brief.docx"
    target.write_bytes(b"the previous export")
    _export_target_errors(monkeypatch, OSError(code, "simulated"))
    with pytest.raises(ExportError, match=words):
        export_brief(brief, target, "docx")
    assert sorted(p.name for p in out.iterdir()) == ["brief.docx"]
    assert target.read_bytes() == b"the previous export"


def test_backup_on_a_full_disk_warns_and_leaves_no_part_file(
    seeded_store: Store, monkeypatch
) -> None:
    path = Path(seeded_store.label)
    add_topic(seeded_store, "Changed")  # so the next open wants a backup
    seeded_store.close()

    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, target: sqlite3.Connection) -> None:
            target.execute("CREATE TABLE half_written (x)")  # something reached the disk
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name: str):
            return getattr(self.conn, name)

    def connect(database, *args, **kwargs):
        conn = real_connect(database, *args, **kwargs)
        return FullDisk(conn) if str(database).startswith("file:") else conn

    monkeypatch.setattr(backup.sqlite3, "connect", connect)
    store = open_for_use(path)
    store.close()
    assert any("No backup was taken" in w and "disk is full" in w for w in store.warnings)
    assert not list(backup.backup_dir(path).glob(".*.part"))


# --------------------------------------------------------------------------- real tmpfs


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, when this process may mount one (root on Linux); else skipped."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    point = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    if not (mount and umount):
        pytest.skip("no mount command")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield point
    finally:
        subprocess.run([umount, "-l", str(point)], capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the disk under ``folder`` until about ``leave`` bytes are free."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free
    with filler.open("wb") as fh, contextlib.suppress(OSError):
        fh.write(b"\0" * max(free - leave, 0))
    return filler


# python-docx leaves its zip open when the disk fills; its __del__ then complains.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_real_full_disk_edit_import_export_backup(small_disk: Path, tmp_path: Path) -> None:
    path = small_disk / "store.sqlite"
    store = open_for_use(path, seed_if_new=True)
    brief_id = _brief(store)
    store.close()
    store = open_for_use(path)
    filler = _fill(small_disk, 8 * 1024)
    before = digest(path)
    big = read_text(make_text(3, 3) * 300, origin="big.txt")
    with pytest.raises(StoreError, match="disk is full"):
        import_document(store, big, SourceFields(kind="industry"))
    with pytest.raises(StoreError, match="disk is full"):
        for i in range(200):
            ops.UpdateBriefFields(brief_id, {"objectives": f"{i} " + "z" * 8000}).apply(store)
    with pytest.raises(ExportError, match="disk is full"):
        export_brief(get_brief(store, brief_id), small_disk / "brief.docx", "docx")
    with pytest.raises(StoreError, match="disk is full"):
        backup.backup_store(path)
    store.close()
    assert not [p.name for p in small_disk.rglob("*") if p.name.endswith((".tmp", ".part"))]
    assert not (small_disk / "brief.docx").exists()
    assert check_consistent(path) == []
    filler.unlink()
    store = open_for_use(path)  # space again: everything works, nothing was lost
    ops.UpdateBriefFields(brief_id, {"objectives": "after"}).apply(store)
    store.close()
    assert check_consistent(path) == []
    assert digest(path) != before


def test_real_read_only_disk(small_disk: Path) -> None:
    path = small_disk / "store.sqlite"
    store = open_for_use(path, seed_if_new=True)
    brief_id = _brief(store)
    brief = get_brief(store, brief_id)
    store.close()
    before = digest(path)
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot remount read-only")
    try:
        store = open_for_use(path)  # reading still works...
        try:
            assert get_brief(store, brief_id).title == "Disk brief"
            with pytest.raises(StoreError, match=r"read-only|cannot be opened"):
                ops.UpdateBriefFields(brief_id, {"objectives": "new"}).apply(store)
        finally:
            store.close()
        with pytest.raises(ExportError, match="read-only"):
            export_brief(brief, small_disk / "b.docx", "docx")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], capture_output=True)
    assert digest(path) == before
    assert check_consistent(path) == []
