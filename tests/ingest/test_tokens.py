"""The shared tokeniser: script boundaries, English inflections, Japanese morphology."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.ingest import tokens
from briefer.ingest.tokens import content_terms, term_forms


def _surfaces(text: str) -> list[str]:
    return [text[t.start : t.end] for t in content_terms(text)]


def test_a_latin_acronym_inside_japanese_is_a_word_of_its_own() -> None:
    text = "MOUの署名に向けてTTCと協議し、生成AIを活用する。"
    words = _surfaces(text)
    assert "MOU" in words and "TTC" in words and "AI" in words
    assert "生成" in words
    (ai,) = [t for t in content_terms(text) if text[t.start : t.end] == "AI"]
    assert ai.caps and ai.lang == "en"


def test_english_singular_plural_and_tense_share_a_form() -> None:
    assert term_forms("quantum computer") == term_forms("Quantum Computers")
    assert term_forms("undersea cables") == term_forms("undersea cable")
    assert term_forms("trusted technologies") == term_forms("trust technology")
    # ... but a derivation is another word: full stemming would merge these.
    assert term_forms("standardization") != term_forms("standard")
    assert term_forms("connectivity") != term_forms("connect")


def test_acronyms_keep_their_case_and_lose_a_plural_s() -> None:
    (sme,) = content_terms("SMEs")
    assert sme.caps and sme.norm == "sme"
    (it,) = content_terms("IT")  # a two-letter acronym that is also a stop word stays
    assert it.caps
    assert content_terms("it is") == []
    assert [t.norm for t in content_terms("THE DATA ACT")] == ["data", "act"]


def test_japanese_inflections_and_compounds() -> None:
    # An inflected verb has its dictionary form; particles and light verbs are left out.
    norms = [t.norm for t in content_terms("連携を強めた。")]
    assert norms == ["連携", "強める"]
    # A compound is analysed into its short units, so it contains its parts.
    parts = [t.norm for t in content_terms("量子暗号")]
    assert [t.norm for t in content_terms("量子暗号通信")][: len(parts)] == parts
    # Spelling variants share a form.
    assert term_forms("コンピューター") == term_forms("コンピュータ")


def test_clause_punctuation_breaks_a_phrase() -> None:
    terms = content_terms("data, flows")
    assert [t.brk for t in terms] == [False, True]
    text = "半導体、量子"
    assert [t.brk for t in content_terms(text) if text[t.start : t.end] == "量子"] == [True]


def test_the_dictionary_loads_once_and_only_for_japanese() -> None:
    content_terms("日本語")
    first = tokens.dictionary_load_seconds()
    assert first is not None and first < 10
    content_terms("もう一度")
    assert tokens.dictionary_load_seconds() == first


def test_long_japanese_runs_are_analysed_in_pieces() -> None:
    text = "量子技術の研究開発を進める。" * 2000  # past Sudachi's input limit in one piece
    words = content_terms(text)
    assert len(words) >= 2000 * 3
    assert all(text[t.start : t.end] for t in words)


ALPHABET = list("aZ5 ,.;-&'’日本のAIデータ流通、。\n（）")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_offsets_are_exact_and_in_order(text: str) -> None:
    last = 0
    for t in content_terms(text):
        assert 0 <= last <= t.start < t.end <= len(text)
        assert t.norm
        assert text[t.start : t.end].strip() == text[t.start : t.end]
        last = t.end
