"""The asks ledger's catch-up in bounded memory: the compact index answers as the full one
does, and scan blobs are read a row at a time (a 20 MB report's rows were ~200 MB as one
list, and the whole library's index 1.9 GB)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from briefer.ingest import ask_align
from briefer.ingest.ask_align import CompactIndex, Doc, Index, align
from briefer.library import asks as ledger

WORDS = [
    "data",
    "flow",
    "data flow",
    "cabl",
    "undersea",
    "undersea cabl",
    "semiconductor",
    "supply",
    "chain",
    "supply chain",
    "c:submarine_cable",
    "c:cross_border_data",
    "hydrogen",
    "standard",
    "AI",
    "generative AI",
    "c:generative_ai",
    "research",
    "pilot",
    "grid",
    "データ",
    "半導体",
]
STRENGTHS = ["commitment", "process", "reported", "statement"]


def _sentences(n: int, seed: int) -> list[tuple[list[str], str, int, str]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        # a few common words in every sentence, rarer ones in some
        words = rnd.sample(WORDS[:6], 2) + rnd.sample(WORDS, rnd.randint(1, 6))
        words += [f"rare{rnd.randint(0, 40)}" for _ in range(rnd.randint(0, 2))]
        lang = "ja" if any(w in ("データ", "半導体") for w in words) else "en"
        out.append((words, rnd.choice(STRENGTHS), i % 7, lang))
    return out


def _both(sentences, vocab):  # type: ignore[no-untyped-def]
    full = Index()
    compact = CompactIndex(vocab)
    for key, (words, strength, sid, lang) in enumerate(sentences):
        full.add(Doc(key, Counter(words), len(words), strength, sid, lang))
        got, _kept = compact.add(words, len(words), strength, sid, lang)
        assert got == key
    return full, compact


def _asks(seed: int) -> list[tuple[list[str], list[str]]]:
    rnd = random.Random(seed)
    vocab = [*WORDS, *(f"rare{i}" for i in range(41))]
    return [
        (rnd.sample(vocab, rnd.randint(2, 7)), rnd.sample(vocab, rnd.randint(0, 3)))
        for _ in range(60)
    ]


@pytest.mark.parametrize("small_caps", [False, True])
def test_the_compact_index_aligns_as_the_full_index_does(
    small_caps: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if small_caps:  # terms over the posting cap: counted, never walked
        monkeypatch.setattr(ask_align, "MIN_DF_CAP", 5)
        monkeypatch.setattr(ask_align, "MAX_POSTING", 12)
    asks = _asks(3)
    vocab = {t for own, context in asks for t in (*own, *context)}
    full, compact = _both(_sentences(400, 1), vocab)
    assert compact.size == full.size and compact.total_length == full.total_length
    if small_caps:
        assert compact.common  # some terms were too common to keep postings of
    answered = 0
    for own, context in asks:
        a = align(full, own, context=context)
        b = align(compact, own, context=context)
        assert a == b
        answered += bool(a.responses)
    assert answered >= 5  # the comparison is not between empty verdicts


def test_rare_terms_of_new_sentences_are_those_of_the_full_index() -> None:
    asks = _asks(5)
    vocab = {t for own, context in asks for t in (*own, *context)}
    sentences = _sentences(300, 2)
    full, compact = _both(sentences, vocab)
    new = range(250, 300)
    kept: set[str] = set()
    for words, *_ in sentences[250:]:
        kept |= {w for w in words if w in vocab}
    assert compact.rare(kept) == full.terms_of(new) & vocab


def test_scan_rows_are_read_a_row_at_a_time_as_unpack_reads_them() -> None:
    rows: list[list[object]] = [
        [i, i * 10, i * 10 + 9, "commitment", 'a]b\t[c,d\t"q"\tデータ 流通', "ja"]
        for i in range(500)
    ]
    blob = ledger._pack(rows)
    for step in (1, 7, 1 << 14):
        assert list(ledger._stream_rows(blob, step)) == ledger._unpack(blob) == rows
    # the import's packing of slices (one zlib stream of the same JSON array)
    reading = ledger.Reading(
        "official",
        "digest",
        official_slices=[ledger.pack_slice(rows[:200]), ledger.pack_slice(rows[200:])],
    )
    packed = ledger.pack_reading(reading, list(range(1000, 1500)))
    assert list(ledger._stream_rows(packed, 5)) == [[1000 + r[0], *r[1:]] for r in rows]  # type: ignore[operator]
    assert list(ledger._stream_rows(None)) == []
    assert list(ledger._stream_rows(ledger._pack([]))) == []


def test_a_pending_official_source_is_aligned_from_its_rows_streamed(
    store, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """An official source read at import is aligned from its scan blob read a row at a time
    (never unpacked whole), with the answers a full re-computation gives."""
    from briefer.library import importing
    from briefer.library.sources import SourceFields
    from briefer.store import UnitOfWork
    from briefer.store.models import AskScan
    from tests.library.test_asks import INDUSTRY, OFFICIAL, OFFICIAL_JA

    for name, text in (("outcome.txt", OFFICIAL), ("ja.txt", OFFICIAL_JA), ("paper.txt", INDUSTRY)):
        (tmp_path / name).write_text(text, "utf-8")

    def kind_of(path, doc):  # type: ignore[no-untyped-def]
        return SourceFields(kind="industry" if path.name == "paper.txt" else "official")

    assert importing.import_paths(store, [tmp_path], kind_of, workers=1).imported == 3

    def whole(_blob):  # type: ignore[no-untyped-def]
        raise AssertionError("a scan blob was unpacked whole")

    monkeypatch.setattr(ledger, "_unpack", whole)
    assert ledger.refresh(store).realigned >= 1

    def shape() -> list[object]:
        return [
            (a.text, a.status, [(r.source_id, r.start, r.score) for r in a.responses])
            for a in ledger.list_asks(store, up_to_date=False)
        ]

    streamed = shape()
    assert any(status != "unaddressed" for _text, status, _r in streamed)  # type: ignore[misc]
    with UnitOfWork(store) as uow:  # a full re-computation, reading every text
        uow.session.query(AskScan).update({AskScan.glossary: "stale"})
        uow.commit()
    ledger.refresh(store)
    assert shape() == streamed
