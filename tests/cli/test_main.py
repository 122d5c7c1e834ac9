"""The command line as a process: entry point, bad stores, the window by default, pipes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run

from briefer.app import main


@pytest.mark.parametrize("kind", ["folder", "not_a_store", "newer"])
def test_bad_store_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    import sqlite3

    if kind == "folder":
        target = tmp_path
    elif kind == "not_a_store":
        target = tmp_path / "cv.docx"
        target.write_bytes(b"PK\x03\x04 not a database")
    else:
        target = tmp_path / "new.sqlite"
        assert main(["--store", str(target), "brief", "new", "A store to upgrade"]) == 0
        con = sqlite3.connect(target)
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("UPDATE alembic_version SET version_num='9999'")
        con.commit()
        con.close()
    capsys.readouterr()
    code, _, err = run(capsys, "--store", str(target), "sources")
    assert code == 1
    assert err.count("\n") == 1 and "briefer: error:" in err


def test_console_script_runs(tmp_path: Path) -> None:
    """The installed entry point works as a separate process (what README tells users)."""
    store = tmp_path / "s.sqlite"
    assert main(["--store", str(store), "brief", "new", "A new store"]) == 0
    proc = subprocess.run(
        [sys.executable, "-m", "briefer.app", "--store", str(store), "topics", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) >= 15


def test_plain_briefer_opens_the_window_on_the_default_store(tmp_path: Path) -> None:
    """README's first Quick-start command runs `briefer` with no arguments at all."""
    import os

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFER_STORE": str(tmp_path / "d.sqlite"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no "last store" from earlier runs
        "HOME": str(tmp_path),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "briefer.app", "--benchmark-startup"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip().splitlines()[-1].split()[0]) > 0  # ms to the window shown
    # First start: the default store was created with the seed corpus in it.
    listing = subprocess.run(
        [sys.executable, "-m", "briefer.app", "sources", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert len(json.loads(listing.stdout)) == 3


def test_a_closed_pipe_is_not_an_error(demo: str) -> None:
    """`briefer coverage --json | head` must not end in a traceback."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before anything is written
    proc = subprocess.run(
        [sys.executable, "-m", "briefer.app", "--store", demo, "coverage", "--json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    os.close(write_end)
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr
