"""Killing Briefer mid-edit loses nothing the screen showed as done.

A child process applies a burst of brief edits through the same path the editor uses
(``brief_commands.perform``: an undo command around an operation, one committed transaction
each) and prints ``DONE <n>`` after each. It is killed with SIGKILL mid-burst; the reopened
store must hold every edit whose DONE line was printed, and pass ``PRAGMA integrity_check``.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.bootstrap import open_for_use
from briefer.briefs import service

CHILD = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.ui.brief_commands import perform
from briefer.ui.qt import QApplication
from briefer.ui.workspace import Workspace

app = QApplication([sys.argv[0]])
store = open_for_use(sys.argv[1], seed_if_new=True)
ws = Workspace(store)
ws.problem.connect(lambda text: print("PROBLEM", text, flush=True))
brief_id = perform(ws, ops.CreateBrief("Crash test")).inverse.brief_id
section_id = perform(ws, ops.AddSection(brief_id, None, "Burst")).inverse.section_id
source_id = int(sys.argv[2])
print("READY", brief_id, section_id, flush=True)
i = 0
while True:
    if i % 4 == 3:
        op = ops.AddQuote(section_id, source_id, i, i + 20)
    else:
        points = [f"point {j}" for j in range(i + 1)]
        op = ops.UpdateSectionFields(section_id, {"lines_to_take": points})
    if perform(ws, op) is None:
        sys.exit(2)
    print("DONE", i, flush=True)
    i += 1
"""


def _burst_and_kill(path: Path, source_id: int, kill_after: int) -> tuple[int, int, int]:
    """Run the child until it has printed ``kill_after`` DONE lines (or more), then SIGKILL."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(source_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    brief_id = section_id = last = -1
    deadline = time.monotonic() + 60
    try:
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "READY":
                brief_id, section_id = int(parts[1]), int(parts[2])
            elif parts[0] == "DONE":
                last = int(parts[1])
                if last >= kill_after:
                    child.send_signal(signal.SIGKILL)
                    break
            else:
                pytest.fail(f"child said: {line}")
            assert time.monotonic() < deadline, "the burst is too slow"
        child.wait(10)
        # lines the child printed before the kill landed still count as shown to the officer
        rest = child.stdout.read()
        for line in rest.splitlines():
            if line.startswith("DONE"):
                last = int(line.split()[1])
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    assert child.returncode == -signal.SIGKILL
    return brief_id, section_id, last


@pytest.mark.parametrize("kill_after", [7, 41])
def test_sigkill_mid_burst_loses_nothing_shown_as_done(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "crash.briefer"
    store = open_for_use(path, seed_if_new=True)
    from briefer.library import sources

    source_id = sources.list_sources(store)[0].id
    store.close()

    brief_id, section_id, last = _burst_and_kill(path, source_id, kill_after)
    assert last >= kill_after

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = open_for_use(path)
    try:
        brief = service.get_brief(store, brief_id)
        (section,) = brief.sections
        assert section.id == section_id
        done_lines = [i for i in range(last + 1) if i % 4 != 3]
        done_quotes = [i for i in range(last + 1) if i % 4 == 3]
        # every edit printed as done is there (one more may have committed before the kill)
        assert len(section.lines_to_take) >= done_lines[-1] + 1
        assert list(section.lines_to_take) == [
            f"point {j}" for j in range(len(section.lines_to_take))
        ]
        starts = sorted(q.start for q in section.official + section.industry)
        assert starts[: len(done_quotes)] == done_quotes
        assert brief.revision >= 2 + last + 1  # create, add section, then one per edit
    finally:
        store.close()
