"""One tokenisation per passage, shared by the tagger and the asks ledger's reading
(``ask_terms.PassageWords``), gives exactly what tokenising each sentence again gave."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.corpus import Generator
from briefer.ingest.ask_terms import PassageWords, load_glossary, terms
from briefer.ingest.readers import read_text
from briefer.ingest.tokens import content_terms, has_cjk
from briefer.library import asks, tagging

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _documents() -> list[tuple[str, str]]:
    gen = Generator(7)
    docs = [(f"gen-{i}", gen.source(i).text) for i in range(40)]
    docs += [(p.name, p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    # words that the bounds of a span could cut, clause breaks inside glossary forms,
    # hyphens, acronyms, possessives, digits and a passage with Japanese in it
    docs.append(
        (
            "edge",
            "Data-free flow of data with trust: the EU's R&D on AI, 5G and SMEs' "
            "cyber-security.\n\n"
            "Free flow; of data, economic security - and semi-conductors (chips) in 2024.\n\n"
            "日EU間のデータ流通とAI規制について、economic security の協力を進める。",
        )
    )
    return docs


@pytest.mark.parametrize(("name", "text"), _documents())
def test_every_span_reads_as_its_own_tokenisation(name: str, text: str) -> None:
    """Sentences, and spans with random bounds (inside words too), of every passage: the
    shared words give the terms ``terms`` gives the span alone, or None (and the caller
    tokenises the span itself)."""
    glossary = load_glossary()
    doc = read_text(text, origin=f"{name}.txt")
    rng = random.Random(name)
    shared = 0
    for words in tagging.passage_words(doc.text, doc.segments).values():
        body = words.text
        bounds = [(a, b) for a in range(0, len(body), 7) for b in (a + rng.randrange(40),)]
        bounds += [(0, len(body)), (len(body), len(body))]
        for a, b in bounds:
            b = min(b, len(body))
            got = words.terms(a, b, glossary)
            if got is not None:
                shared += 1
                assert got == terms(body[a:b], glossary), (name, body[a:b])
    if not has_cjk(doc.text):
        assert shared > 0  # an English document's spans are read from its words


def test_the_ledger_reading_and_the_tags_are_those_of_separate_tokenisations() -> None:
    """``asks.read_document`` and ``tagging.prepare_tags_with`` with the shared words give
    the rows they give tokenising on their own (official and industry readings)."""
    glossary = load_glossary()
    key = (
        tagging.TopicTerms(1, ("data flows", "data"), ()),
        tagging.TopicTerms(2, ("artificial intelligence", "AI", "人工知能"), ()),
    )
    for name, text in _documents():
        doc = read_text(text, origin=f"{name}.txt")
        words = tagging.passage_words(doc.text, doc.segments)
        for kind in ("official", "industry"):
            alone = asks.read_document(kind, doc.text, doc.segments, glossary)
            shared = asks.read_document(kind, doc.text, doc.segments, glossary, words)
            assert shared == alone, name
        alone_tags = tagging.prepare_tags_with(key, doc.text, name, doc.segments)
        shared_tags = tagging.prepare_tags_with(key, doc.text, name, doc.segments, words)
        assert shared_tags == alone_tags, name


def test_a_japanese_passage_is_never_read_from_shared_words() -> None:
    """SudachiPy may analyse a sentence alone otherwise than in its passage."""
    body = "量子暗号通信の標準化を進める。AIの信頼性を高める。"
    words = PassageWords(body, content_terms(body))
    assert words.terms(0, body.index("。") + 1, load_glossary()) is None
