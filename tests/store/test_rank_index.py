"""Exact ranking over every match through the tantivy index beside the store
(``store.rank_index``): the oldest best passage comes first, filters keep the exact top, the
index follows the store, a stale or missing one never gives a wrong answer, and a killed
build recovers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.library import search as search_service
from briefer.library import sources, topics
from briefer.library.sources import SourceFields
from briefer.store import Store, rank_index
from briefer.store import search as store_search

WORD = "zorbulation"


def _path(store: Store) -> Path:
    path = search_service.rank_index_file(store)
    assert path is not None
    return path


def _import(store: Store, tmp: Path, name: str, paragraphs: list[str], kind: str = "other") -> int:
    f = tmp / f"{name}.txt"
    f.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    return sources.import_file(store, f, SourceFields(kind=kind)).id  # type: ignore[arg-type]


def _weak(i: int) -> str:
    return (
        f"Paragraph {i} of the annex records item {i} of the working plan, on logistics, "
        f"meeting rooms, travel budgets and the agenda of session {i}, and the {WORD} once."
    )


def _strong() -> str:
    return f"The {WORD} of {WORD}s: {WORD} {WORD}, a {WORD}."


@pytest.fixture
def big(store: Store, tmp_path: Path) -> tuple[Store, int, int]:
    """The best passage imported first (an official source), then 1,100 newer weaker
    matches in an industry source: more than the 1,000 newest FTS5 used to rank."""
    best = _import(store, tmp_path, "best", ["An opening line.", _strong()], kind="official")
    weak = _import(store, tmp_path, "weak", [_weak(i) for i in range(1100)], kind="industry")
    return store, best, weak


def _ranked_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any use of the FTS5 ranking fail: the answer must come from the index."""

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("ranked by FTS5, not by the index")

    monkeypatch.setattr(store_search, "_search_words", refuse)


def test_the_oldest_best_passage_comes_first(big, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store, best, _weak_id = big
    assert search_service.count(store, WORD) == 1101
    assert search_service.rank_index_status(store) == "missing"
    # without the index (today's FTS5 window of the 1,000 newest matches) it is not even seen
    window = search_service.search(store, WORD, limit=1000)
    assert best not in {h.source_id for h in window}
    result = search_service.update_rank_index(store)
    assert result is not None and result.complete and result.passages_added >= 1102
    assert search_service.rank_index_status(store) == "current"
    _ranked_only(monkeypatch)
    hits = search_service.search(store, WORD, limit=10)
    assert hits[0].source_id == best
    assert WORD in hits[0].text
    # every match is reachable by paging, once each, ranked best first
    seen = []
    for offset in range(0, 1200, 100):
        seen += search_service.search(store, WORD, limit=100, offset=offset)
    assert len(seen) == 1101 and len({h.passage_id for h in seen}) == 1101
    scores = [h.score for h in seen]
    assert scores == sorted(scores, reverse=True)


def test_prefix_and_phrase_and_stems(big, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store, best, _ = big
    search_service.update_rank_index(store)
    _ranked_only(monkeypatch)
    # a prefix expanded by the code: every term starting with it, not tantivy's first 50
    assert search_service.search(store, "zorbul", prefix=True, limit=1)[0].source_id == best
    assert len(search_service.search(store, "zorbul", prefix=True, limit=2000)) == 1101
    assert search_service.count(store, "zorbul", prefix=True) == 1101
    # FTS5's Porter stems: the plural finds the singular
    assert len(search_service.search(store, WORD + "s", limit=2000)) == 1101
    phrase = search_service.search(store, '"travel budgets"', limit=2000)
    assert len(phrase) == 1100 == search_service.count(store, '"travel budgets"')
    assert search_service.search(store, '"budgets travel"') == []
    # longer phrases: a phrase of the pair field, the same passages as FTS5's phrase
    longer = '"travel budgets and the agenda"'
    assert len(search_service.search(store, longer, limit=2000)) == 1100
    assert search_service.count(store, longer) == 1100
    one = search_service.search(store, '"the agenda of session 7"', limit=20)
    assert len(one) == 1 and "session 7," in one[0].text
    assert search_service.search(store, '"agenda session"') == []  # not adjacent


def test_filters_keep_the_exact_top(big, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store, best, _weak_id = big
    search_service.update_rank_index(store)
    everything = search_service.search(store, WORD, limit=2000)
    _ranked_only(monkeypatch)
    for cap in (store_search.FILTER_PAGES_CAP, 50):  # growing pages, then the filtered set
        monkeypatch.setattr(store_search, "FILTER_PAGES_CAP", cap)
        for kind in ("official", "industry"):
            want = [h.passage_id for h in everything if h.source_kind == kind][:20]
            got = search_service.search(store, WORD, kinds=[kind], limit=20)
            assert [h.passage_id for h in got] == want
            assert search_service.count(store, WORD, kinds=[kind]) == len(
                [h for h in everything if h.source_kind == kind]
            )
        only = search_service.search(store, WORD, source_ids=[best], limit=20)
        assert [h.passage_id for h in only] == [
            h.passage_id for h in everything if h.source_id == best
        ]


def test_date_filters_keep_the_exact_top(big, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A date filter asks for one larger page (store.search): the top after it is exact."""
    from datetime import date

    store, best, weak = big
    sources.update_source(store, best, date=date(2024, 3, 1))
    sources.update_source(store, weak, date=date(2020, 6, 1))
    search_service.update_rank_index(store)
    everything = search_service.search(store, WORD, limit=2000)
    _ranked_only(monkeypatch)
    for cap in (store_search.FILTER_PAGES_CAP, 50):  # growing pages, then the filtered set
        monkeypatch.setattr(store_search, "FILTER_PAGES_CAP", cap)
        for since, until, sid in ((date(2023, 1, 1), None, best), (None, date(2021, 1, 1), weak)):
            want = [h.passage_id for h in everything if h.source_id == sid][:20]
            got = search_service.search(store, WORD, since=since, until=until, limit=20)
            assert want and [h.passage_id for h in got] == want


def _hits(store: Store, query: str, **kw: object) -> list[int]:
    return [h.passage_id for h in search_service.search(store, query, limit=2000, **kw)]


def test_the_index_follows_the_store(seeded_store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = seeded_store
    search_service.update_rank_index(store)
    assert search_service.rank_index_status(store) == "current"
    # an import makes it stale; the answer meanwhile is FTS5's, with the new passage
    new = _import(store, tmp_path, "new", [f"A note on {WORD} and semiconductors."])
    assert search_service.rank_index_status(store) == "stale"
    stale = _hits(store, WORD)
    assert len(stale) == 1
    result = search_service.update_rank_index(store)
    assert result is not None and result.sources_added == 1  # incremental: the new source
    with monkeypatch.context() as m:
        _ranked_only(m)
        assert _hits(store, WORD) == stale
        # a kind edit needs no re-indexing: kinds are filtered in SQLite
        sources.update_source(store, new, kind="official")
        assert search_service.rank_index_status(store) == "current"
        assert _hits(store, WORD, kinds=["official"]) == stale
        assert _hits(store, WORD, kinds=["industry"]) == []
        # a re-tag (here an officer's tag) is seen by the topic filter at once
        topic = topics.list_topics(store, counts=False)[0]
        assert _hits(store, WORD, topics=[topic.id]) == []
        topics.set_tag(store, stale[0], topic.id, True)
        assert _hits(store, WORD, topics=[topic.id]) == stale
    # a deletion: stale, never shown again, then the index follows
    semis = _hits(store, "semiconductors")
    sources.delete_source(store, new)
    assert search_service.rank_index_status(store) == "stale"
    assert _hits(store, WORD) == []
    result = search_service.update_rank_index(store)
    assert result is not None and result.sources_removed == 1
    with monkeypatch.context() as m:
        _ranked_only(m)
        assert _hits(store, WORD) == []
        assert set(_hits(store, "semiconductors")) == set(semis) - {stale[0]}


QUERIES = [
    "semiconductors",
    "data flows",
    '"submarine cables"',
    '"free flow of data"',
    "cyber",
    "IPEF",
    "Japan EU",
]


def test_stale_or_missing_index_gives_the_same_matches(seeded_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.team.team_count_queries import add_mixed

    store = seeded_store
    add_mixed(store, tmp_path)  # Latin words inside Japanese text, too
    missing = {q: set(_hits(store, q, prefix=True)) for q in QUERIES}
    for q in QUERIES:
        assert search_service.count(store, q, prefix=True) == len(missing[q]), q
    search_service.update_rank_index(store)
    assert search_service.rank_index_status(store) == "current"
    for q in QUERIES:
        ranked = set(_hits(store, q, prefix=True))
        assert ranked == missing[q], q
        assert search_service.count(store, q, prefix=True) == len(ranked), q
    assert len(_hits(store, "IPEF")) == 2  # a Latin word, and one written against Japanese


def test_tokens_are_fts5s(tmp_path: Path) -> None:
    """The words sent to tantivy are the tokens FTS5 makes of the same text."""
    text = (
        "Regulatory sandboxes, semiconductors' supply-chains; naïve cafés at Zürich — ÆON "
        "e-mail v2.0 1,000 units ΑΒΓ δέλτα 日EUの協力 IPEFの枠組み Straße cooperation’s"
    )
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{rank_index.FTS_TOKENIZE}')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    con.execute("INSERT INTO t(x) VALUES (?)", (text,))
    fts = [term for _, term in sorted((o, t) for t, o in con.execute("SELECT term, offset FROM v"))]
    ours, glued = rank_index.analyse(text, rank_index.Stems())
    cjk = [t for t in fts if store_search._CJK.search(t)]
    assert ours.split() == [rank_index.PLACEHOLDER if t in cjk else t for t in fts]
    assert glued.split() == ["eu", "ipef"]


_KILLER = """
import os, signal, sys
from pathlib import Path
from briefer.store import rank_index
seen = [0]
def progress(done, total):
    if done >= int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
rank_index.update(Path(sys.argv[1]), progress=progress, commit_every=int(sys.argv[3]))
"""


@pytest.mark.parametrize("commit_every", [40, 100_000])  # after a commit, before the first
def test_a_killed_build_recovers(big, commit_every) -> None:  # type: ignore[no-untyped-def]
    store, best, _ = big
    path = _path(store)
    proc = subprocess.run(
        [sys.executable, "-c", _KILLER, str(path), "60", str(commit_every)],
        env={**os.environ},
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert search_service.rank_index_status(store) != "current"
    assert search_service.search(store, WORD, limit=5)  # still answers (FTS5)
    result = search_service.update_rank_index(store)
    assert result is not None and result.complete
    assert search_service.rank_index_status(store) == "current"
    hits = search_service.search(store, WORD, limit=2000)
    assert hits[0].source_id == best and len(hits) == 1101
    assert len({h.passage_id for h in hits}) == 1101  # none indexed twice


# ----------------------------------------------------------------------------- Japanese

JA_WORD = "蓄電池"


def _ja_weak(i: int) -> str:
    return (
        f"第{i}回の作業部会では、会議室の手配、出張予算、議事次第の第{i}項と"
        f"事務連絡について確認し、QZXの{JA_WORD}の供給にも一度だけ触れた。"
    )


def _ja_strong() -> str:
    return f"{JA_WORD}：QZXの{JA_WORD}、{JA_WORD}の供給網。"


@pytest.fixture
def big_ja(store: Store, tmp_path: Path) -> tuple[Store, int, int]:
    """An older best Japanese passage (with a Latin acronym written against it), then 1,100
    newer weaker matches: more than the 1,000 newest the trigram path used to rank."""
    best = _import(store, tmp_path, "best", ["冒頭の一文。", _ja_strong()], kind="official")
    weak = _import(store, tmp_path, "weak", [_ja_weak(i) for i in range(1100)], kind="industry")
    return store, best, weak


def _ranked_only_ja(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("ranked by FTS5's trigram window, not by the index")

    monkeypatch.setattr(store_search, "_search_trigram", refuse)


def test_the_oldest_best_japanese_passage_comes_first(big_ja, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Japanese and mixed-script queries rank every match (BM25 over trigrams): an acronym
    written against Japanese, a two-character term, particles."""
    store, best, _ = big_ja
    queries = [JA_WORD, f"QZX {JA_WORD}", "電池", f"{JA_WORD}の供給"]
    counts = {q: search_service.count(store, q) for q in queries}
    assert all(n == 1101 for n in counts.values()), counts
    for q in queries:  # the trigram window of the 1,000 newest never saw it
        assert best not in {h.source_id for h in search_service.search(store, q, limit=1000)}
    result = search_service.update_rank_index(store)
    assert result is not None and result.complete
    _ranked_only_ja(monkeypatch)
    for q in queries:
        hits = search_service.search(store, q, limit=5)
        assert hits[0].source_id == best, q
        assert "QZX" in hits[0].text and JA_WORD in hits[0].text and "<mark>" in hits[0].snippet
        assert hits[0].matched_in == "text"
        everything = search_service.search(store, q, limit=2000)
        assert len(everything) == counts[q] == len({h.passage_id for h in everything})
        scores = [h.score for h in everything]
        assert scores == sorted(scores, reverse=True)


def test_japanese_filters_keep_the_exact_top(big_ja, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store, _best, _ = big_ja
    search_service.update_rank_index(store)
    everything = search_service.search(store, JA_WORD, limit=2000)
    _ranked_only_ja(monkeypatch)
    for cap in (store_search.FILTER_PAGES_CAP, 50):  # growing pages, then the filtered set
        monkeypatch.setattr(store_search, "FILTER_PAGES_CAP", cap)
        for kind in ("official", "industry"):
            want = [h.passage_id for h in everything if h.source_kind == kind][:20]
            got = search_service.search(store, JA_WORD, kinds=[kind], limit=20)
            assert [h.passage_id for h in got] == want


JA_QUERIES = [
    "半導体",  # 3+ characters: a phrase of trigrams
    "データ流通",
    "量子",  # 2 characters: the trigrams that start with it
    "日",  # 1 character
    "IPEF 枠組み",  # mixed scripts: every term a substring
    "ipef",  # (all-Latin: the word path, for comparison)
    '"日 EU"',  # a quoted phrase with a space
    "経済安全保障を強化する",  # particles and inflection: content words
    "存在しない語句",
]


def test_japanese_matches_are_fts5s(seeded_store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The index matches exactly the passages FTS5's trigram index matches."""
    from tests.team.team_count_queries import add_mixed

    store = seeded_store
    add_mixed(store, tmp_path)
    _import(
        store,
        tmp_path,
        "ja",
        [
            "日 EU デジタルパートナーシップの下で、半導体とデータ流通を議論した。",
            "量子暗号通信と量子コンピュータ。ＩＰＥＦの枠組みで経済安全保障を強化した。",
            "日本の半導体産業\tと　全角スペース、Ｑｕａｎｔｕｍ と Café。",
        ],
    )
    fts5 = {q: set(_hits(store, q)) for q in JA_QUERIES}
    assert all(fts5[q] for q in JA_QUERIES[:-1])  # the queries find something
    search_service.update_rank_index(store)
    assert search_service.rank_index_status(store) == "current"
    _ranked_only_ja(monkeypatch)
    for q in JA_QUERIES:
        assert set(_hits(store, q)) == fts5[q], q
        assert search_service.count(store, q) == len(fts5[q]), q


def test_trigrams_are_fts5s() -> None:
    """The trigram field holds the trigrams FTS5's trigram tokenizer makes of the text."""
    text = "ＩＰＥＦの枠組み\tと Ｑｕａｎｔｕｍ　Café ÆON ΑΒΓ 日 EU 令和6年"
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    con.execute("INSERT INTO t(x) VALUES (?)", (text + rank_index.CJK_PAD,))
    fts = [t for _, t in sorted((o, t) for t, o in con.execute("SELECT term, offset FROM v"))]
    folds = rank_index.Folds()
    ours = rank_index.trigram_field(text, folds).split(" ")
    assert len(ours) == len(fts)
    unmap = {chr(0x100000 + ord(c)): c for c in " \t\u3000"}
    assert ["".join(unmap.get(c, c) for c in t) for t in ours] == fts


def test_a_search_far_behind_says_so_without_reading_every_source(big, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The CLI's budget: an index far behind the store is known from two small records
    (FTS5's row count against the one recorded), not from every source's fingerprint."""
    store, _best, _weak = big
    path = _path(store)
    con = sqlite3.connect(path)
    try:
        assert rank_index.behind_at_least(path, con) == 1102  # no index: every passage
        with monkeypatch.context() as m:

            def refuse(_con: object) -> None:
                raise AssertionError("read every source's fingerprint")

            m.setattr(rank_index, "_fingerprints", refuse)
            result = rank_index.update(path, max_passages=100)
        assert not result.complete and "at least 1,102 passages" in result.note
        assert rank_index.update(path).complete
        assert rank_index.behind_at_least(path, con) == 0
        tmp = path.parent
        _import(store, tmp, "more", ["One more note.", f"And the {WORD} in it."])
        assert rank_index.behind_at_least(path, con) == 2
        result = rank_index.update(path, max_passages=100)  # small: indexed on the spot
        assert result.complete and result.passages_added == 2
    finally:
        con.close()
