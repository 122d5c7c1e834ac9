"""Drafting when the asks ledger links no answer, and which asks drafting quotes first.

Documents written for these tests (a quantum-technology paper and outcome), not the seeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefer.briefs import drafting, service
from briefer.briefs import operations as ops
from briefer.export.markdown_writer import render_markdown
from briefer.export.options import ExportOptions
from briefer.ingest.readers import read_text
from briefer.library.sources import SourceFields, import_document

INDUSTRY = """Quantum position paper

Quantum technologies

We call on the European Commission and the Japanese government to open their quantum
computing testbeds to start-ups from both partners under reciprocal access rules.

Industry urges both governments to fund a shared cryogenic component supplier base for
superconducting quantum processors.
"""

OFFICIAL = """Ministerial meeting on quantum

Quantum technologies

The ministers welcomed the progress of the quantum flagship programmes and noted the
growing number of researchers working on quantum sensing in both economies.

Both sides held an exchange on their national quantum strategies and on talent policies
for quantum science.
"""


def _import(store, text: str, kind: str, when: date, name: str) -> int:  # type: ignore[no-untyped-def]
    doc = read_text(text, origin=name)
    return import_document(store, doc, SourceFields(kind=kind, date=when)).id  # type: ignore[arg-type]


@pytest.fixture
def quantum(tmp_path: Path, make_store):  # type: ignore[no-untyped-def]
    st = make_store(tmp_path / "q.sqlite", seeded=False)
    _import(st, INDUSTRY, "industry", date(2025, 3, 1), "paper.txt")
    _import(st, OFFICIAL, "official", date(2025, 5, 1), "outcome.txt")
    yield st
    st.close()


def test_official_column_draws_the_topic_when_the_ledger_links_no_answer(quantum) -> None:  # type: ignore[no-untyped-def]
    bid = ops.CreateBrief("Quantum", {}).apply(quantum).created_id
    drafting.draft(quantum, bid, ["Quantum"])
    section = service.get_brief(quantum, bid).sections[0]
    assert len(section.industry) == 2
    assert all(q.ask_status == "unaddressed" for q in section.industry)
    # official text on the topic is quoted even though it answers no ask
    assert section.official, "official passages tagged Quantum must be drafted"
    assert {q.source.kind for q in section.official} == {"official"}
    assert any("flagship programmes" in q.text for q in section.official)
    # the proposal does not claim "not addressed": officials addressed the topic
    assert section.assessment == "partly"
    assert "not addressed" not in section.assessment_comment.lower()
    assert "no official text answers these asks directly" in section.assessment_comment.lower()
    md = render_markdown(service.get_brief(quantum, bid), ExportOptions(draft=True))
    assert "No official text found" not in md
    assert md.count("No direct answer") == 2


def test_without_official_text_on_the_topic_it_stays_not_addressed(tmp_path, make_store) -> None:  # type: ignore[no-untyped-def]
    st = make_store(tmp_path / "i.sqlite", seeded=False)
    _import(st, INDUSTRY, "industry", date(2025, 3, 1), "paper.txt")
    bid = ops.CreateBrief("Quantum", {}).apply(st).created_id
    drafting.draft(st, bid, ["Quantum"])
    section = service.get_brief(st, bid).sections[0]
    assert not section.official
    assert section.assessment == "not_addressed"
    st.close()


OLDER = """Older quantum paper

Quantum technologies

We ask both partners to create a joint quantum key distribution testbed linking research
networks in Europe and Japan.
"""

NEWER = """Newer quantum paper

Quantum technologies

Hence, work needs to be done to ensure further progress on this crucial element of quantum.

We recommend that the partners align their post-quantum cryptography migration timelines
for government networks and publish a common quantum-safe roadmap.
"""


def test_newer_sources_and_standalone_asks_come_first(tmp_path, make_store) -> None:  # type: ignore[no-untyped-def]
    st = make_store(tmp_path / "o.sqlite", seeded=False)
    _import(st, OLDER, "industry", date(2023, 1, 10), "older.txt")
    _import(st, NEWER, "industry", date(2025, 6, 10), "newer.txt")
    bid = ops.CreateBrief("Order", {}).apply(st).created_id
    drafting.draft(st, bid, ["Quantum"], per_side=3)
    texts = [q.text for q in service.get_brief(st, bid).sections[0].industry]
    assert len(texts) == 3
    assert "post-quantum cryptography" in texts[0]  # the newest source's specific ask
    assert "key distribution testbed" in texts[1]  # then the older source's
    assert texts[2].startswith("Hence")  # the context-free sentence last
    st.close()


def test_leans_on_context_reads_the_sentence_not_a_list_of_strings() -> None:
    assert drafting.leans_on_context("This should be addressed soon.", 2)
    assert drafting.leans_on_context("Therefore, the same approach should apply to quantum.", 4)
    assert drafting.leans_on_context("そのため、さらなる取組が求められる。", 3)
    assert not drafting.leans_on_context(
        "We ask both sides to fund a joint photonics pilot line for start-ups.", 7
    )
    # an opener that refers back does not sink an ask that is specific in itself
    assert not drafting.leans_on_context(
        "In this regard, both sides should align export-control lists for lithography tools "
        "and share licensing data with customs.",
        9,
    )
