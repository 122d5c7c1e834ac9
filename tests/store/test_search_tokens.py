"""Search on the tagger's tokenisation: Latin words inside Japanese, phrases first, and hits
that say where they matched."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.library import search as search_service
from briefer.library import sources
from briefer.library.sources import SourceFields
from briefer.store import Store

JA = """日EU協力の現状

RCEPの枠組みで協議を進め、PPPの活用を確認した。

生成AIの利用について意見交換を行った。

彼は said that 会議 went well と述べた。
"""

EN = """# Partnership notes

## Digital Partnership Council

The council reviewed the digital agenda and the partnership with industry.

The new Digital Partnership deliverables were adopted by both sides.

Budget lines were approved.
"""


def _add(store: Store, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return sources.import_file(store, path, SourceFields(kind="official")).id


def test_a_latin_acronym_inside_japanese_is_found(store: Store, tmp_path: Path) -> None:
    _add(store, tmp_path, "ja.txt", JA)
    hits = search_service.search(store, "RCEP")
    assert [h.text[:4] for h in hits] == ["RCEP"]
    assert "<mark>RCEP</mark>の枠組み" in hits[0].snippet
    assert [h.text[:4] for h in search_service.search(store, "ppp")] == ["RCEP"]
    # A two-letter acronym glued to kanji and kana is found too ...
    assert any(h.text.startswith("生成AI") for h in search_service.search(store, "AI"))
    # ... but not inside a Latin word of a Japanese passage ("said").
    hits = search_service.search(store, "ai")
    assert hits and all("said" not in h.text for h in hits)


def test_hits_hold_the_query_or_say_where_they_matched(store: Store, tmp_path: Path) -> None:
    _add(store, tmp_path, "en.md", EN)
    hits = search_service.search(store, "digital partnership")
    assert hits
    # Passages holding the two words as a phrase come first, whatever bm25 says.
    phrase = ["digital partnership" in h.text.lower() for h in hits]
    assert phrase[:2] == [True, True] and not any(phrase[2:])
    assert any(h.text.startswith("The council reviewed") for h in hits[2:])
    for h in hits:
        lowered = h.text.lower()
        in_text = "digital" in lowered and "partnership" in lowered
        assert h.matched_in == ("text" if in_text else "heading")
    heading_only = search_service.search(store, "council budget")
    assert [(h.text, h.matched_in) for h in heading_only] == [
        ("Budget lines were approved.", "heading")
    ]


def test_japanese_query_with_particles_or_inflection(store: Store, tmp_path: Path) -> None:
    _add(
        store,
        tmp_path,
        "ja2.txt",
        "協力の記録\n\n双方はデータ流通の促進に向けた連携を強めた。\n\n予算について議論した。\n",
    )
    for query in ("データの流通", "連携を強める", "流通を促進する"):
        hits = search_service.search(store, query)
        assert [h.text[:4] for h in hits] == ["双方はデ"], query
    # A quoted phrase stays exact; content words only stay one substring.
    assert search_service.search(store, '"データの流通"') == []
    assert search_service.search(store, "データ流通")


def test_cli_says_when_a_hit_matched_only_in_a_heading(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefer.app import main

    _add(store, tmp_path, "en.md", EN)
    assert main(["--store", str(tmp_path / "store.sqlite"), "search", "council budget"]) == 0
    out = capsys.readouterr().out
    assert "(matched in the heading)" in out and "[Budget] lines were approved." in out
