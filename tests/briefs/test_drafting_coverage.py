"""Drafting from the seeds, coverage, gaps and the timeline."""

from __future__ import annotations

from brief_helpers import INDUSTRY, state

from briefer.briefs import coverage, drafting, operations, service
from briefer.briefs import operations as ops
from briefer.library import asks
from briefer.library.sources import get_source


def test_draft_sections_from_the_seeds(store):
    bid = ops.CreateBrief("Digital Partnership Council", {}).apply(store).created_id
    ids = drafting.draft(store, bid, ["AI", "Semiconductors", "cybersecurity"])
    assert len(ids) == 3
    view = service.get_brief(store, bid)
    assert [s.id for s in view.sections] == ids
    assert [s.topic for s in view.sections] == [
        "Artificial intelligence",
        "Semiconductors",
        "Cybersecurity",
    ]
    ledger = {(a.source_id, a.start, a.end): a for a in asks.list_asks(store)}
    texts = {}
    quoted: list[str] = []
    for section in view.sections:
        assert section.industry and len(section.industry) <= 3, section.topic
        assert section.assessment_comment.startswith(drafting.PROPOSED)
        n = len(section.industry)
        assert f"{n} ask" in section.assessment_comment
        answers = set()
        for q in section.industry:
            ask = ledger[(q.source.id, q.start, q.end)]  # every industry quote is an ask
            assert ask.status in section.assessment_comment
            answers |= {(r.source_id, r.start, r.end) for r in ask.responses[:1]}
        for q in section.official:  # official quotes answer a drafted ask...
            assert q.source.kind == "official"
            if answers:
                assert (q.source.id, q.start, q.end) in answers
            else:  # ...or, when the ledger links none, are the topic's own official text
                assert "officials addressed the topic" in section.assessment_comment
        for q in (*section.industry, *section.official):
            assert q.suggested
            src = texts.setdefault(q.source.id, get_source(store, q.source.id).text)
            assert src[q.start : q.end] == q.text
            quoted.append(" ".join(q.text.split()))
    assert len(quoted) == len(set(quoted)) or all(
        len(set(" ".join(q.text.split()) for q in (*s.industry, *s.official)))
        == len(s.industry) + len(s.official)
        for s in view.sections
    )
    # The generic opening of the Council report answers nothing.
    assert not [t for t in quoted if "reaffirmed the significance" in t]


def test_ledger_assessment_wording():
    assessment, comment = drafting.ledger_assessment(
        [
            ("addressed", "joint research call"),
            ("partly", "regulatory alignment"),
            ("unaddressed", "mutual recognition of certification"),
        ]
    )
    assert assessment == "partly"
    assert comment == (
        f"{drafting.PROPOSED} 3 asks: 1 addressed (joint research call), 1 partly "
        "(regulatory alignment), 1 unaddressed (mutual recognition of certification)."
    )
    assert drafting.ledger_assessment([("addressed", "x")])[0] == "aligned"
    assert drafting.ledger_assessment([("unaddressed", "x")], more=2)[0] == "not_addressed"
    assert drafting.ledger_assessment([]) is None


def test_draft_is_deterministic_and_appends(store):
    a = ops.CreateBrief("A", {}).apply(store).created_id
    b = ops.CreateBrief("B", {}).apply(store).created_id
    drafting.draft(store, a, ["Cybersecurity"], per_side=1)
    drafting.draft(store, b, ["Cybersecurity"], per_side=1)

    def quotes(bid):
        return [
            (q["source_id"], q["start"], q["side"])
            for sd in state(store, bid)["sections"]
            for q in sd["quotes"]
        ]

    assert quotes(a) == quotes(b)
    first = quotes(a)
    again = drafting.draft(store, a, ["Cybersecurity"], per_side=1)
    view = service.get_brief(store, a)
    assert len(view.sections) == 1 and again == [view.sections[0].id]  # no duplicate section
    now = quotes(a)
    assert now[: len(first)] == first or set(first) <= set(now)
    assert len(now) == 2 * len(first)  # new suggestions appended, none repeated
    assert len(set(now)) == len(now)


def test_draft_proposes_from_evidence_and_undoes(store):
    bid = ops.CreateBrief("Gaps", {}).apply(store).created_id
    before = state(store, bid)
    inverse = drafting.DraftSections(bid, ("Blockchain", "Online platforms")).apply(store).inverse
    view = service.get_brief(store, bid)
    assessments = {s.topic: s.assessment for s in view.sections}
    assert assessments == {"Blockchain": "not_addressed", "Online platforms": "official_only"}
    assert isinstance(inverse, operations.Compound) and inverse.label == "Draft sections"
    inverse.apply(store)
    assert state(store, bid) == before


def test_gaps_on_the_seeds(store):
    by_topic = {g.topic: g for g in coverage.gaps(store)}
    for name in ("Green and digital", "Digital trade", "Blockchain"):
        assert by_topic[name].status == "industry_only", by_topic[name]
        assert by_topic[name].industry > 0 and by_topic[name].official == 0
    for name in (
        "Artificial intelligence",
        "Semiconductors",
        "5G, Beyond 5G and 6G",
        "Cybersecurity",
    ):
        assert by_topic[name].status == "covered", by_topic[name]
    assert {g.status for g in by_topic.values()} <= {
        "covered",
        "industry_only",
        "official_only",
        "none",
    }


def test_coverage_matrix(store):
    cov = coverage.coverage(store)
    assert len(cov.sources) == 3 and len(cov.counts) == len(cov.topics)
    assert [s.kind for s in cov.sources] == ["industry", "official", "official"]
    ai = next(t for t in cov.topics if t.name == "Artificial intelligence")
    assert cov.count(ai.id, INDUSTRY) > 0
    only_letter = coverage.coverage(store, [INDUSTRY])
    assert [s.id for s in only_letter.sources] == [INDUSTRY]
    assert all(g.official == 0 for g in coverage.gaps(store, [INDUSTRY]))


def test_timeline(store):
    entries = coverage.timeline(store, "Semiconductors")
    assert entries and [e.date for e in entries] == sorted(e.date for e in entries)
    assert {e.source.kind for e in entries} == {"industry", "official"}
    for e in entries:
        assert get_source(store, e.source.id).text[e.start : e.end] == e.text


def test_proposed_wording_counts_in_words_not_in_parentheses():
    assert drafting.propose_assessment(1, 0)[1] == (
        f"{drafting.PROPOSED} industry raises this topic (1 passage) but no official text "
        "addresses it."
    )
    assert "(2 passages)" in drafting.propose_assessment(0, 2)[1]
    assert "(3 industry, 1 official passage)" in drafting.propose_assessment(3, 1)[1]
    one_more = drafting.ledger_assessment([("addressed", "x")], more=1)[1]
    assert one_more.endswith(
        "1 ask: 1 addressed (x). 1 more ask on this topic is in the asks ledger."
    )
    for comment in (
        drafting.propose_assessment(1, 1)[1],
        drafting.ledger_assessment([("partly", "x"), ("partly", "y")], more=2)[1],
    ):
        assert "(s)" not in comment


def test_a_japanese_brief_gets_its_proposed_assessment_in_japanese(store):
    assessment, comment = drafting.ledger_assessment(
        [("addressed", "共同研究公募"), ("unaddressed", "認証の相互承認")], language="ja"
    )
    assert assessment == "partly"
    assert comment == (
        "根拠からの提案：要望 2 件：対応済み 1 件（共同研究公募）、未対応 1 件（認証の相互承認）。"
    )
    assert drafting.propose_assessment(2, 0, "ja")[1].startswith("根拠からの提案：業界は")

    title = "日EUデジタルパートナーシップ閣僚会合"
    bid = ops.CreateBrief(title, {"language": "ja"}).apply(store).created_id
    assert bid is not None
    [sid] = drafting.draft(store, bid, ["Semiconductors"])
    [section] = service.get_brief(store, bid).sections
    assert section.id == sid
    assert section.assessment_comment.startswith("根拠からの提案：")
    assert "asks" not in section.assessment_comment and "passage" not in section.assessment_comment
