"""Content terms of asks and answers: the shared tokeniser, phrases, glossary concepts."""

from __future__ import annotations

from collections import Counter

from briefer.ingest.ask_align import Doc, Index, align
from briefer.ingest.ask_terms import Glossary, load_glossary, terms
from briefer.ingest.asks_detect import commitment_strength


def test_a_phrase_never_joins_across_a_function_word_or_punctuation() -> None:
    g = load_glossary()
    words = terms("Cross-border data flows and the free flow of information, pilot lines.", g)
    assert "data flow" in words  # "flows" and "flow" compare equal (Snowball endings)
    assert "flow free" not in words  # "and the" lies between them
    assert "information pilot" not in words  # a comma lies between them
    assert "pilot line" in words


def test_japanese_compounds_give_phrases_and_verbs_are_no_terms() -> None:
    g = load_glossary()
    words = terms("日EU間で量子鍵配送（QKD）の試験網を相互接続し、共同実証を行うべきである。", g)
    assert "量子・鍵" in words and "鍵・配送" in words  # short units of one compound
    assert "QKD" in words  # a Latin acronym written against Japanese is a word of its own
    assert "行う" not in words  # a verb
    assert "鍵" not in words  # one character alone is no term, only inside a phrase
    assert "c:quantum_key_distribution" in words


def test_a_glossary_form_matches_inflected_text_but_not_across_a_comma() -> None:
    g = Glossary.from_entries([{"id": "df", "en": ["data flow"], "ja": ["データ流通"]}])
    assert "c:df" in terms("We call for free data flows.", g)
    assert "c:df" not in terms("We need data, flows of goods and people.", g)
    assert "c:df" in terms("データ流通の促進", g)


def test_generic_concepts_alone_are_no_answer() -> None:
    g = load_glossary()
    index = Index()
    for key, text in enumerate(
        [
            "双方は、基本的価値を共有するパートナーとして、経済成長とイノベーションの重要性を確認した。",
            "双方は、量子鍵配送の試験網を相互接続する共同実証を開始することで合意した。",
        ]
    ):
        words = terms(text, g)
        index.add(Doc(key, Counter(words), len(words), "commitment", 9, "ja"))
    generic_ask = terms("The EU and Japan should uphold shared values and foster innovation.", g)
    verdict = align(index, generic_ask, parts=g.parts, generic=g.generic)
    assert verdict.status == "unaddressed" and not verdict.responses
    qkd_ask = terms("Both sides should interconnect their quantum key distribution test-beds.", g)
    verdict = align(index, qkd_ask, parts=g.parts, generic=g.generic)
    assert [m.key for m in verdict.responses] == [1]


def test_a_commitment_to_talks_or_a_study_is_a_process() -> None:
    assert commitment_strength("The two sides agreed to explore a joint pilot.")[0] == "process"
    assert commitment_strength("Both sides will exchange information on subsidies.")[0] == (
        "process"
    )
    assert commitment_strength("双方は、相互承認の検討を開始することで合意した。")[0] == "process"
    assert commitment_strength("The two sides launched a joint research call.")[0] == ("commitment")
    assert commitment_strength("双方は、行政取決めに署名した。")[0] == "commitment"


def test_the_glossary_is_read_once_until_the_officers_file_changes(tmp_path, monkeypatch):
    import json
    import os

    own = tmp_path / "mine.glossary.json"
    monkeypatch.setenv("BRIEFER_GLOSSARY", str(own))
    entry = {"id": "hovercraft", "en": ["hovercraft"], "ja": ["ホバークラフト"]}
    own.write_text(json.dumps({"concepts": [entry]}), encoding="utf-8")
    first = load_glossary()
    assert load_glossary() is first  # nothing changed: not parsed again
    entry["en"].append("air cushion vehicle")
    own.write_text(json.dumps({"concepts": [entry]}), encoding="utf-8")
    os.utime(own, ns=(own.stat().st_atime_ns, own.stat().st_mtime_ns + 1_000_000))
    second = load_glossary()
    assert second is not first
    assert "c:hovercraft" in terms("A new air cushion vehicle for the islands.", second)
    assert "c:hovercraft" not in terms("A new air cushion vehicle for the islands.", first)
