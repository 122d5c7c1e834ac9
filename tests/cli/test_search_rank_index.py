"""``briefer search`` keeps the ranking index beside the store in step: a small change is
indexed on the spot, a large one is answered from FTS5 with a note, ``--build-index``
brings it up to date with progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

from briefer.cli import library
from briefer.store import rank_index


def _status(store: str) -> str:
    import sqlite3

    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return rank_index.status(Path(store), rank_index.fts_structure(con))
    finally:
        con.close()


def test_a_search_indexes_a_small_change_on_the_spot(demo: str, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert _status(demo) == "missing"
    code, out, err = run(capsys, "--store", demo, "search", "semiconductors", "--no-expand")
    assert code == 0 and "semiconductor" in out.lower() and err == ""  # no note: indexed
    assert _status(demo) == "current"
    doc = tmp_path / "2024-06-01_note.txt"
    doc.write_text("A note on quantum sensing and semiconductors.\n", "utf-8")
    assert run(capsys, "--store", demo, "import", str(doc), "--kind", "other")[0] == 0
    assert _status(demo) == "stale"
    code, out, err = run(capsys, "--store", demo, "search", "quantum sensing", "--no-expand")
    assert code == 0 and "quantum sensing" in out.lower() and err == ""
    assert _status(demo) == "current"


def test_a_large_change_gets_a_note_then_build_index(  # type: ignore[no-untyped-def]
    demo: str, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "CLI_INDEX_BUDGET", 10)
    code, out, err = run(capsys, "--store", demo, "search", "semiconductors")
    assert code == 0 and "semiconductor" in out.lower()  # answered all the same
    assert "ranking index is behind" in err and "--build-index" in err
    assert _status(demo) == "missing"
    code, out, err = run(capsys, "--store", demo, "search", "semiconductors", "--build-index")
    assert code == 0 and "semiconductor" in out.lower()
    assert "passages indexed" in err
    assert _status(demo) == "current"
