"""`briefer topic retag`: finishes the re-tag an upgrade scheduled, or re-tags for topics; a
writing command meanwhile says in one line that it is pending."""

from __future__ import annotations

import pytest
from cli_helpers import run, run_json

from briefer.library import pending_retag
from briefer.store import ReadSession, UnitOfWork, open_store


def _schedule(path: str) -> None:
    store = open_store(path)
    try:
        with UnitOfWork(store) as uow:
            pending_retag.schedule(uow.session, None)
            uow.commit()
    finally:
        store.close()


def _pending(path: str) -> pending_retag.Pending | None:
    store = open_store(path)
    try:
        with ReadSession(store) as s:
            return pending_retag.pending(s)
    finally:
        store.close()


def test_a_writing_command_notes_the_pending_retag_and_topic_retag_finishes_it(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _schedule(demo)
    code, _out, err = run(capsys, "--store", demo, "topic", "add", "Quantum sensing")
    assert code == 0
    [note] = [line for line in err.splitlines() if line.startswith("briefer: note:")]
    assert "0 of 3 sources done" in note and "briefer topic retag" in note
    assert _pending(demo) is not None  # a command does not do minutes of work unasked

    data = run_json(capsys, "--store", demo, "topic", "retag")
    assert data == {"retagged_sources": 3, "finished": True}
    assert _pending(demo) is None
    code, out, err = run(capsys, "--store", demo, "topic", "add", "Quantum networks")
    assert code == 0 and "note:" not in err

    code, out, _ = run(capsys, "--store", demo, "topic", "retag")
    assert code == 0 and out.startswith("Nothing to re-tag")


def test_topic_retag_for_named_topics(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--store", demo, "topic", "retag", "Semiconductors")
    assert code == 0 and "Re-tagged the library: 3 sources." in out
    code, _out, err = run(capsys, "--store", demo, "topic", "retag", "No such topic")
    assert code == 1 and err.startswith("briefer: error:") and len(err.splitlines()) == 1
    assert _pending(demo) is None  # the refused one scheduled nothing
