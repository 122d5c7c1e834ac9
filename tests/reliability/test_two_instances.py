"""Two Briefers on one store: WAL readers, BEGIN IMMEDIATE writers waiting on busy_timeout.

The decision (README "Your data", ARCHITECTURE.md): no lock file. Every edit is one short
transaction; a second process waits for the write lock instead of failing, and one that
waits too long gets a clear "busy" message with the store unchanged.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_scenario import check_consistent, digest
from sqlalchemy import event

from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.errors import StoreError
from briefer.library.topics import add_topic

HERE = Path(__file__).resolve().parent


def test_two_processes_editing_at_once_lose_nothing(seeded_store, tmp_path: Path) -> None:
    path = Path(seeded_store.label)
    removal = ops.CreateBrief("Shared brief").apply(seeded_store).inverse
    assert isinstance(removal, ops.DeleteBrief)
    brief_id = removal.brief_id
    seeded_store.close()
    go, n = tmp_path / "go", 25
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(HERE / "concurrent_worker.py"),
                str(path),
                str(brief_id),
                name,
                str(n),
                str(go),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == "done"
    assert check_consistent(path) == []
    con = sqlite3.connect(path)
    try:
        sections = dict(
            con.execute(
                "SELECT s.heading, count(q.id) FROM brief_section s "
                "LEFT JOIN quote q ON q.section_id = s.id WHERE s.brief_id = ? GROUP BY s.id",
                (brief_id,),
            ).fetchall()
        )
        notes = dict(con.execute("SELECT heading, notes FROM brief_section").fetchall())
        revision = con.execute("SELECT revision FROM brief WHERE id = ?", (brief_id,)).fetchone()
    finally:
        con.close()
    assert sections == {"alpha": n, "beta": n}
    assert notes == {"alpha": f"alpha {n - 1}", "beta": f"beta {n - 1}"}
    # Every operation bumped the revision once: nothing was lost or applied twice.
    assert revision[0] == 1 + 2 * (1 + 2 * n)


def test_a_writer_that_waits_too_long_gets_a_clear_message(store, monkeypatch) -> None:
    path = Path(store.label)
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _short_wait(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 200")

    before = digest(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another instance in the middle of a long write
    try:
        with pytest.raises(StoreError, match="busy"):
            add_topic(store, "Export controls", ["dual-use"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert digest(path) == before
    add_topic(store, "Export controls", ["dual-use"])  # and works once the other is done
    assert digest(path) != before


def test_reader_sees_committed_edits_of_another_instance(store) -> None:
    path = Path(store.label)
    other = open_for_use(path)
    try:
        add_topic(other, "Export controls")
        from briefer.library.topics import get_topic

        assert get_topic(store, "Export controls").name == "Export controls"
    finally:
        other.close()
