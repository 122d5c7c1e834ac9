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
