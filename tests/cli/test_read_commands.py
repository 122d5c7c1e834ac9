"""Commands that only read (search, sources, source show, topics, topic show) open the store
the quick way: no rolling backup and no migration check when the schema is current, and
every other store (new, older, foreign, damaged, newer) still goes through the full open."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import run, run_json

from briefer.store.backup import list_backups
from briefer.store.db import SCHEMA_HEAD

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.sqlite"

READS = [
    ("search", "submarine cables"),
    ("sources",),
    ("source", "show", "1"),
    ("topics",),
    ("topic", "show", "Cybersecurity"),
]


def test_reads_take_no_backup_and_leave_the_file_as_it_was(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(demo)
    passage = run_json(capsys, "--store", demo, "source", "show", "1")["passages"][0]["id"]
    code, _, err = run(capsys, "--store", demo, "tag", str(passage), "Cybersecurity")
    assert code == 0, err
    backups = list_backups(path)
    before = path.read_bytes()
    for args in READS:
        code, out, err = run(capsys, "--store", demo, *args, "--json")
        assert code == 0, err
        assert json.loads(out)
    assert list_backups(path) == backups  # changed since the last backup, yet none taken
    assert path.read_bytes() == before
    # The next command that may write takes the backup the reads left.
    assert run(capsys, "--store", demo, "brief", "list")[0] == 0
    assert len(list_backups(path)) == len(backups) + 1


def test_a_new_store_gets_the_default_topics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a read no longer makes a store (tests/cli/test_store_location.py); a new brief does
    store = str(tmp_path / "new.sqlite")
    assert run(capsys, "--store", store, "brief", "new", "DPC")[0] == 0
    topics = run_json(capsys, "--store", store, "topics")
    assert len(topics) >= 15


def test_a_store_emptied_of_everything_gets_them_back_as_before(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(demo)
    with con:
        for table in ("passage_topic", "topic_alias", "topic"):
            con.execute(f"DELETE FROM {table}")
    con.close()
    assert run_json(capsys, "--store", demo, "topics") == []  # sources still there
    for source in run_json(capsys, "--store", demo, "sources"):
        assert run(capsys, "--store", demo, "source", "delete", str(source["id"]))[0] == 0
    assert len(run_json(capsys, "--store", demo, "topics")) >= 15


@pytest.mark.parametrize("damage", ["newer", "dropped", "foreign"])
def test_reads_refuse_what_every_command_refuses(
    demo: str, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    con = sqlite3.connect(demo)
    con.execute("PRAGMA journal_mode=DELETE")
    with con:
        if damage == "newer":
            con.execute("UPDATE alembic_version SET version_num = '9999'")
        elif damage == "dropped":
            con.execute("DROP TABLE brief_section")
        else:
            con.execute("DROP TABLE alembic_version")
    con.close()
    before = Path(demo).read_bytes()
    for args in READS:
        code, out, err = run(capsys, "--store", demo, *args, "--json")
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith("briefer: error:")
        assert Path(demo).read_bytes() == before


def test_a_read_upgrades_an_older_store_after_backing_it_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, path)
    hits = run_json(capsys, "--store", str(path), "search", "semiconductor")
    assert hits
    [made] = list_backups(path)
    assert made.label == "before-upgrade-0001"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    con.close()
