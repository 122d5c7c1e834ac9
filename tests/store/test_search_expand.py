"""Cross-language search (``store.expand``): a query word naming a topic also finds the
topic's name in the other language, from the store's own topics, on the ranking index and
without it, counted as listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.library import search, sources, topics
from briefer.library.sources import SourceFields
from briefer.store import Store
from briefer.store import search as store_search

EN = [
    "Partners discussed semiconductor supply chains and export controls.",
    "Cooperation on semiconductors continues under the memorandum.",
    "A paragraph about travel budgets only.",
]
JA = [
    "日EU間で半導体のサプライチェーン強靱化について議論した。",
    "先端半導体の研究開発で協力する。",
    "出張予算についての段落。",
]


def _import(store: Store, tmp: Path, name: str, paragraphs: list[str]) -> int:
    f = tmp / f"{name}.txt"
    f.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    return sources.import_file(store, f, SourceFields(kind="official")).id  # type: ignore[arg-type]


@pytest.fixture
def both(store: Store, tmp_path: Path) -> Store:
    _import(store, tmp_path, "en", EN)
    _import(store, tmp_path, "ja", JA)
    return store


def _heads(store: Store, topic_word: str) -> tuple[str, str, str]:
    """(topic name, its first Latin alias, its first Japanese alias), read from the store
    (the default taxonomy), so the test names no translation itself."""
    cjk_re = store_search._CJK
    for t in topics.list_topics(store, counts=False):
        latin = next((a for a in t.aliases if not cjk_re.search(a)), "")
        cjk = next((a for a in t.aliases if cjk_re.search(a)), "")
        if latin.casefold() == topic_word:
            return t.name, latin, cjk
    raise AssertionError(f"no topic with the head term {topic_word!r}")


def _texts(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.text for h in hits]


@pytest.mark.parametrize("indexed", [False, True])
def test_an_english_word_finds_the_japanese_name(both: Store, indexed: bool) -> None:
    store = both
    name, latin, cjk = _heads(store, "semiconductor")
    assert cjk and cjk in JA[0]  # the default taxonomy's Japanese head is in the passages
    if indexed:
        search.update_rank_index(store)
        assert search.rank_index_status(store) == "current"
    plain = search.search(store, latin, limit=50)
    assert _texts(plain) and all(not store_search._CJK.search(t) for t in _texts(plain))
    found = search.expansions(store, latin)
    assert [(e.typed, e.also, e.topic) for e in found] == [(latin, (cjk,), name)]
    wide = search.search(store, latin, limit=50, expand=True)
    texts = _texts(wide)
    assert set(texts) == {EN[0], EN[1], JA[0], JA[1]}
    assert search.count(store, latin, expand=True) == len(wide) == 4
    for h in wide:  # each hit holds the word or its translation, marked
        assert "<mark>" in h.snippet and h.matched_in == "text"
        assert (cjk in h.text) or (latin in h.text.casefold())
    # paging through the union gives each match once
    pages = search.search(store, latin, limit=2, expand=True) + search.search(
        store, latin, limit=2, offset=2, expand=True
    )
    assert sorted(h.passage_id for h in pages) == sorted(h.passage_id for h in wide)


@pytest.mark.parametrize("indexed", [False, True])
def test_the_japanese_name_finds_the_english_word(both: Store, indexed: bool) -> None:
    store = both
    name, latin, cjk = _heads(store, "semiconductor")
    if indexed:
        search.update_rank_index(store)
    found = search.expansions(store, cjk)
    assert found and found[0].topic == name and latin in found[0].also
    wide = search.search(store, cjk, limit=50, expand=True)
    assert set(_texts(wide)) == {EN[0], EN[1], JA[0], JA[1]}
    assert search.count(store, cjk, expand=True) == 4
    assert search.count(store, cjk) == 2


def test_other_words_of_the_query_still_apply(both: Store) -> None:
    store = both
    _name, latin, _cjk = _heads(store, "semiconductor")
    search.update_rank_index(store)
    hits = search.search(store, f"{latin} export", limit=50, expand=True)
    assert _texts(hits) == [EN[0]]  # no Japanese passage holds "export"
    assert search.count(store, f"{latin} export", expand=True) == 1


def test_only_head_terms_expand(both: Store) -> None:
    """A later alias (a part of the topic, not its name) and a plain word search only what
    was typed: the topic filter is the way to search a whole topic."""
    store = both
    for t in topics.list_topics(store, counts=False):
        later = [a for a in t.aliases if store_search._CJK.search(a)][1:3]
        for alias in later:
            assert search.expansions(store, alias) == [], (t.name, alias)
    assert search.expansions(store, "budgets") == []
    assert search.search(store, "budgets", expand=True) == search.search(store, "budgets")


def test_an_officers_own_topic_expands(store: Store, tmp_path: Path) -> None:
    """Nothing is built in: a topic the officer adds expands the same way."""
    topics.add_topic(store, "Hydrogen", aliases=["hydrogen", "水素"])
    _import(
        store, tmp_path, "h", ["Hydrogen valleys were discussed.", "水素の国際サプライチェーン。"]
    )
    search.update_rank_index(store)
    assert [e.also for e in search.expansions(store, "hydrogen")] == [("水素",)]
    assert len(search.search(store, "hydrogen", expand=True)) == 2
    assert len(search.search(store, "hydrogen")) == 1
    assert len(search.search(store, "水素", expand=True)) == 2
