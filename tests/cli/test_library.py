"""The library's commands (demo, sources, source, search, topic, import): the JSON contract,
exit codes and one-line messages on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run, run_json


def test_demo_is_idempotent(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--store", demo, "demo")
    assert data["added"] == 0 and data["already_present"] == 3


def test_sources_json_contract(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    items = run_json(capsys, "sources", "--store", demo)
    assert len(items) == 3
    for item in items:
        assert {"id", "title", "kind", "date", "organisations"} <= set(item)
        assert item["kind"] in ("industry", "official", "other")
    assert [
        i["kind"] for i in run_json(capsys, "sources", "--store", demo, "--kind", "official")
    ] == [
        "official",
        "official",
    ]


def test_source_show_json_contract(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--store", demo, "source", "show", "1")
    assert {"id", "title", "kind", "date", "organisations", "text", "passages"} <= set(data)
    for p in data["passages"]:
        assert {"id", "start", "end", "heading_path", "text", "content", "topics"} <= set(p)
        assert data["text"][p["start"] : p["end"]] == p["text"]
    assert any(not p["content"] for p in data["passages"])  # the cookie banner and co.


def test_search_submarine_cables_ranks_the_council_first(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = run_json(capsys, "--store", demo, "search", "submarine cables")
    assert hits
    assert {"passage_id", "source_id", "score", "snippet", "text"} <= set(hits[0])
    sources = {s["id"]: s for s in run_json(capsys, "--store", demo, "sources")}
    assert "Digital Partnership Council" in sources[hits[0]["source_id"]]["title"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_cookies_finds_no_content(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "--store", demo, "search", "cookies") == []
    furniture = run_json(capsys, "--store", demo, "search", "cookies", "--include-furniture")
    assert furniture and not any(h["content"] for h in furniture)
    code, out, _ = run(capsys, "--store", demo, "search", "cookies")
    assert code == 0 and "No passages found" in out


def test_topic_show_ai_spans_all_three_seeds(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--store", demo, "topic", "show", "AI")
    assert {"industry", "official", "other"} <= set(data)
    source_ids = {p["source_id"] for side in ("industry", "official") for p in data[side]}
    assert source_ids == {1, 2, 3}
    topics = run_json(capsys, "--store", demo, "topics")
    for t in topics:
        assert {"id", "name", "aliases", "industry", "official", "other"} <= set(t)


def test_import_and_tagging_from_the_cli(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "letter.txt"
    f.write_text("Position on quantum\n\nWe ask for joint quantum research programmes.\n")
    code, _out, err = run(
        capsys,
        "--store",
        demo,
        "import",
        str(f),
        "--kind",
        "industry",
        "--title",
        "Quantum letter",
        "--date",
        "2025-01-02",
        "--org",
        "ACME",
    )
    assert code == 0, err
    src = next(
        s for s in run_json(capsys, "--store", demo, "sources") if s["title"] == "Quantum letter"
    )
    assert src["organisations"] == ["ACME"] and src["date"] == "2025-01-02"
    passage = next(
        p
        for p in run_json(capsys, "--store", demo, "source", "show", str(src["id"]))["passages"]
        if "joint quantum" in p["text"]
    )
    assert "Quantum" in passage["topics"]
    assert run(capsys, "--store", demo, "untag", str(passage["id"]), "quantum")[0] == 0
    shown = run_json(capsys, "--store", demo, "source", "show", str(src["id"]))
    assert "Quantum" not in next(p for p in shown["passages"] if p["id"] == passage["id"])["topics"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "{tmp}/missing.txt", "--kind", "industry"), "no such file"),
        (("import", "{tmp}/empty.txt", "--kind", "industry"), "empty"),
        (("import", "{tmp}/binary.txt", "--kind", "industry"), "binary"),
        (("import", "{tmp}/undecodable.txt", "--kind", "industry"), ""),
        (("source", "show", "999"), "no source #999"),
        (("topic", "show", "no-such-topic"), "no topic named"),
        (("import", "{tmp}/empty.txt", "--kind", "lobby"), "Unknown kind"),
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(
    demo: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (tmp_path / "undecodable.txt").write_bytes(bytes([0x81, 0xFE, 0x9D, 0x8D, 0x90]) * 50)
    before = Path(demo).read_bytes()
    code, _out, err = run(capsys, "--store", demo, *(a.format(tmp=tmp_path) for a in args))
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("briefer: error:")
    assert message.lower() in lines[0].lower()
    assert Path(demo).read_bytes() == before


def test_search_says_how_many_match_when_the_limit_cuts(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefer.library import search as search_service
    from briefer.store import open_store

    code, out, _ = run(capsys, "--store", demo, "search", "data", "--limit", "2")
    assert code == 0
    store = open_store(demo)
    try:
        total = search_service.count(store, "data")
    finally:
        store.close()
    assert total > 2
    assert out.strip().splitlines()[-1] == f"2 of {total:,} matching passages shown (--limit)."


def test_search_lines_mark_a_cut_title_with_an_ellipsis(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A listing line shows at most 50 characters of a source's title; a cut title ends in
    "…", so that "Industry Recommendations for further" does not read as the whole title."""
    sources = {s["id"]: s["title"] for s in run_json(capsys, "--store", demo, "sources")}
    hits = run_json(capsys, "--store", demo, "search", "semiconductor", "--no-expand")
    long_titles = {sources[h["source_id"]] for h in hits if len(sources[h["source_id"]]) > 50}
    assert long_titles, "the demo's joint letter has a title over 50 characters"
    code, out, _ = run(capsys, "--store", demo, "search", "semiconductor", "--no-expand")
    assert code == 0
    for title in long_titles:
        assert title not in out
        assert title[:49].rstrip() + "…" in out
    short = {sources[h["source_id"]] for h in hits} - long_titles
    for title in short:
        assert f" {title} (" in out


def test_clip_keeps_short_text_and_marks_a_cut() -> None:
    from briefer.cli.output import clip

    assert clip("Short title", 50) == "Short title"
    assert clip("x" * 50, 50) == "x" * 50
    cut = clip("Results of the Japan-EU Digital Partnership Council", 20)
    assert cut == "Results of the Japa…" and len(cut) == 20
    assert clip("ends with a space here", 12) == "ends with a…"


def test_search_on_a_damaged_search_index_says_the_store_is_damaged(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """FTS5 refuses to open a table whose own records are damaged ("vtable constructor
    failed"): a search says the store is damaged in one line, not with a traceback."""
    import shutil
    import sqlite3

    store = tmp_path / "damaged.sqlite"
    with sqlite3.connect(demo) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(demo, store)
    con = sqlite3.connect(store)
    with con:  # FTS5's structure record (rowid 10) overwritten with garbage
        con.execute("UPDATE passage_fts_data SET block = X'ffffffffffffffffffffffff' WHERE id = 10")
    con.close()
    code, _out, err = run(capsys, "--store", str(store), "search", "data", "--no-expand")
    assert code == 1
    assert err.startswith("briefer: error: The store file is damaged")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
