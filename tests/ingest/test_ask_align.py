"""The status an ask gets from its answers (``ask_align.status_of``)."""

from __future__ import annotations

from briefer.ingest.ask_align import Match, status_of


def _match(strength: str, coverage: float, specific: float) -> Match:
    return Match(1, 5.0, coverage, ("c:x", "y"), strength, specific)


def test_a_committing_answer_covering_enough_addresses_the_ask() -> None:
    assert status_of([_match("commitment", 0.5, 0.5)]) == "addressed"


def test_reporting_or_a_process_only_partly_meets_it() -> None:
    assert status_of([_match("reported", 0.5, 0.5)]) == "partly"
    assert status_of([_match("process", 0.5, 0.4)]) == "partly"


def test_an_answer_covering_little_beyond_generic_notions_leaves_it_unaddressed() -> None:
    # Listed for the officer to judge, but sharing information on *something* is not yet
    # an answer to an ask about something else.
    assert status_of([_match("process", 0.25, 0.1)]) == "unaddressed"
    assert status_of([_match("statement", 0.13, 0.13)]) == "unaddressed"
    # Any of the answers may carry it.
    assert status_of([_match("process", 0.25, 0.1), _match("process", 0.3, 0.25)]) == "partly"
    assert status_of([]) == "unaddressed"


def _ledger(sentences: list[str]):  # type: ignore[no-untyped-def]
    from collections import Counter

    from briefer.ingest.ask_align import Doc, Index
    from briefer.ingest.ask_terms import load_glossary, terms

    glossary = load_glossary()
    index = Index()
    for key, s in enumerate(sentences):
        words = terms(s, glossary)
        index.add(Doc(key, Counter(words), len(words), "commitment", 1))
    return index, glossary


FILLER = [
    "The partners launched a joint call for research on photonic integrated circuits.",
    "Both sides agreed to hold the next ministerial meeting in Brussels in 2027.",
    "The council adopted a work plan on undersea cable repair capacity.",
    "Japan presented its new guidelines for drone traffic management.",
    "The EU and Japan will co-fund two pilot projects on smart grids in island regions.",
]


def test_a_shared_diplomatic_verb_alone_is_no_partial_answer() -> None:
    """'reaffirm … commitment' is what diplomats say about anything: an ask and an official
    sentence sharing only that are not linked, even as 'partly' (sentences written for
    this test)."""
    from briefer.ingest.ask_align import align
    from briefer.ingest.ask_terms import terms

    ask = (
        "We encourage both sides to continuously reaffirm their commitments to ambitious "
        "hydrogen import corridors and ammonia bunkering between the two regions."
    )
    generic = "The sides reaffirmed their commitment to the multilateral trading system."
    specific = (
        "The EU and Japan agreed to study hydrogen import corridors and ammonia bunkering "
        "with port operators."
    )
    short = "We encourage both sides to reaffirm their commitments to hydrogen corridors."
    index, g = _ledger([generic, *FILLER])
    for text in (ask, short):
        verdict = align(index, terms(text, g), parts=g.parts, generic=g.generic)
        assert verdict.status == "unaddressed" and not verdict.responses
    japanese = "双方は、多国間貿易体制へのコミットメントを再確認した。"
    index, g = _ledger([japanese, *FILLER])
    ask_ja = "両地域間の水素輸入回廊へのコミットメントを再確認するよう求める。"
    assert align(index, terms(ask_ja, g), parts=g.parts, generic=g.generic).status == (
        "unaddressed"
    )
    # the same ask is answered when the official text shares what it is about
    index, g = _ledger([generic, specific, *FILLER])
    verdict = align(index, terms(ask, g), parts=g.parts, generic=g.generic)
    assert verdict.status != "unaddressed"
    assert verdict.responses[0].key == 1
