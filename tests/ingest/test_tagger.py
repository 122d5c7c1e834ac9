"""The tagger on inputs of its own, one test per class of input the issue names."""

from __future__ import annotations

import pytest

from briefer.ingest.tagger import Tagger, TagScore, TopicTerms
from briefer.library.topics import default_taxonomy

AI, CHIPS, QUANTUM, CABLES, HPC, RI, TRADE = 1, 2, 3, 4, 5, 6, 7


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(
        [
            TopicTerms(AI, ("Artificial intelligence", "AI", "生成AI")),
            TopicTerms(CHIPS, ("Semiconductors", "chips", "半導体")),
            TopicTerms(QUANTUM, ("quantum computers", "quantum", "量子暗号")),
            TopicTerms(CABLES, ("submarine cables", "海底ケーブル")),
            TopicTerms(HPC, ("supercomputers", "HPC")),
            TopicTerms(RI, ("R&D", "joint research")),
            TopicTerms(TRADE, ("IPEF", "digital trade", "越境データ")),
        ]
    )


def primary(tags: list[TagScore]) -> set[int]:
    return {t.topic_id for t in tags if t.primary}


TITLE = "Cooperation on AI, chips and submarine cables"


# 1. A title's topics are not inherited by metadata lines, lead-ins or passages below it.
@pytest.mark.parametrize(
    "line",
    [
        "Source: Ministry of Digital Affairs. Published: 3 May 2026.",
        "Lisbon, 4 May 2026",
        "Download the full report (PDF, 2 MB)",
        "Contact: Jane Roe, press office, +351 21 000 0000",
        "On 3 March the partners met in Lisbon, co-chaired by the two ministers.",
        "The officials thanked each other for the constructive atmosphere of the talks.",
    ],
)
def test_no_primary_tag_from_the_title(tagger: Tagger, line: str) -> None:
    tags = tagger.score(line, (TITLE,), title=TITLE, position=1)
    assert primary(tags) == set()


def test_a_metadata_line_naming_a_topic_is_weak_evidence(tagger: Tagger) -> None:
    tags = tagger.score("Subject: call on chips and AI", (), position=0)
    assert {t.topic_id for t in tags} == {AI, CHIPS}
    assert primary(tags) == set()


def test_a_section_heading_supports_a_body_passage_that_is_about_it(tagger: Tagger) -> None:
    body = "Both sides will share early warnings about shortages of legacy parts."
    tags = tagger.score(body, (TITLE, "3. Semiconductors"), title=TITLE, position=6)
    assert primary(tags) == {CHIPS}
    assert tags[0].evidence == ("heading: 3. Semiconductors",)
    # A lead-in at the top of a document does not take the heading's topic.
    lead = "The ministers met in Osaka on 2 June and were hosted by the city."
    assert tagger.score(lead, (TITLE, "3. Semiconductors"), title=TITLE, position=0) == []


# 2. Latin acronyms written against Japanese text.
def test_a_latin_acronym_inside_japanese_finds_its_topic(tagger: Tagger) -> None:
    tags = tagger.score("IPEFの枠組みで協力を進めることを確認した。")
    assert primary(tags) == {TRADE}
    assert tags[0].evidence == ("IPEF",)
    assert primary(tagger.score("生成AIの活用を議論した。")) == {AI}
    # ... but not a Latin word that merely contains the letters.
    assert tagger.score("The aide said so in a Japanese 会議.") == []


# 3. Japanese compounds and inflections.
def test_japanese_compounds_contain_their_topic_terms(tagger: Tagger) -> None:
    assert primary(tagger.score("量子暗号通信網の実証を開始した。")) == {QUANTUM}
    assert primary(tagger.score("越境データの取扱いについて意見交換を行った。")) == {TRADE}
    assert primary(tagger.score("北極海を経由する海底ケーブルを敷設する。")) == {CABLES}


def test_default_taxonomy_domain_terms() -> None:
    tax = default_taxonomy()
    t = Tagger(TopicTerms(i, (e["name"], *e["aliases"])) for i, e in enumerate(tax))
    names = {i: e["name"] for i, e in enumerate(tax)}

    def topics(text: str) -> set[str]:
        return {names[x] for x in primary(t.score(text))}

    assert topics("生成AIのリスクに対応する。") == {"Artificial intelligence"}
    assert topics("量子暗号通信の研究が進められた。") >= {"Quantum"}
    assert topics("越境データ流通の円滑化を図る。") == {"Data flows and data governance"}
    assert topics("A quantum computer will be shared by both institutes.") == {"Quantum"}


# 4. English singular and plural.
def test_singular_finds_a_plural_alias_and_back(tagger: Tagger) -> None:
    assert primary(tagger.score("A quantum computer was installed at the institute.")) == {QUANTUM}
    assert primary(tagger.score("A new submarine cable will land in Hokkaido.")) == {CABLES}
    assert primary(tagger.score("Japan will build two more supercomputer centres.")) == {HPC}


# 5. Enumerations.
def test_a_passage_listing_many_areas_is_about_each(tagger: Tagger) -> None:
    text = (
        "The partners reviewed progress on AI, chips, quantum computers and submarine "
        "cables, and agreed that AI governance needs most work."
    )
    tags = tagger.score(text, ("Overview",), position=5)
    assert primary(tags) == {AI, CHIPS, QUANTUM, CABLES}
    ja = "半導体、量子暗号、生成AI、海底ケーブルの各分野で協力の成果を確認した。"
    assert primary(tagger.score(ja, position=5)) == {AI, CHIPS, QUANTUM, CABLES}


def test_an_enumeration_inside_a_passage_about_something_else(tagger: Tagger) -> None:
    text = "Chips for AI, HPC and quantum computers are the focus of the new chips fund."
    tags = tagger.score(text, ("Semiconductors",), position=5)
    assert primary(tags) == {CHIPS}


# 6. Wrong neighbours.
def test_a_topic_given_as_an_example_does_not_outrank_the_subject(tagger: Tagger) -> None:
    text = (
        "Public funding for advanced computing, for example supercomputers, should be open "
        "to foreign firms that do their R&D in Japan."
    )
    tags = tagger.score(text, position=5)
    assert primary(tags) == {RI}
    assert HPC in {t.topic_id for t in tags}  # still a (secondary) tag, still searchable


def test_an_organisation_describing_itself_gets_no_primary_tag(tagger: Tagger) -> None:
    for text, path in (
        ("The Alliance is an association of 300 companies working on AI, chips and HPC.", ()),
        ("Our members build supercomputers and submarine cables.", ("About us",)),
        ("当協会は、半導体や生成AIの企業で構成される業界団体である。", ()),
    ):
        tags = tagger.score(text, path, position=9)
        assert tags and primary(tags) == set(), text


def test_a_mention_in_passing_does_not_beat_the_heading_subject(tagger: Tagger) -> None:
    text = "Chip makers will share capacity figures every quarter; AI tools were also mentioned."
    tags = tagger.score(text, ("Semiconductors",), position=5)
    assert primary(tags) == {CHIPS}
    assert [t.topic_id for t in tags] == [CHIPS, AI]


def test_learned_terms_are_weaker_evidence_than_aliases() -> None:
    t = Tagger([TopicTerms(1, ("quantum",), learned=("annealing",)), TopicTerms(2, ("chips",))])
    (tag,) = t.score("Annealing machines were compared.")
    assert tag.topic_id == 1 and tag.primary and tag.evidence == ("Annealing",)
    tags = t.score("Chips and annealing machines were compared.")
    assert [(x.topic_id, x.primary) for x in tags] == [(2, True), (1, True)]
    assert tags[0].score > tags[1].score


# Generic words: one that stands alone is supporting evidence, never a topic by itself.
@pytest.fixture(scope="module")
def generic_tagger() -> Tagger:
    return Tagger(
        [
            TopicTerms(1, ("Online platforms", "online platforms", "プラットフォーム", "platform")),
            TopicTerms(2, ("Telecoms", "HAPS", "非地上系ネットワーク")),
            TopicTerms(3, ("Data", "データスペース")),
        ]
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("双方は、高高度のプラットフォームを活用した非地上系ネットワークを検討する。", {2}),
        ("欧州のデータスペースと日本のデータ連携プラットフォームを接続する。", {3}),
        ("The platform will let researchers book computing time.", set()),
        ("プラットフォームの整備を進める。", set()),
    ],
)
def test_a_bare_generic_word_tags_no_topic(
    generic_tagger: Tagger, text: str, want: set[int]
) -> None:
    tags = generic_tagger.score(text)
    assert primary(tags) == want
    assert 1 not in {t.topic_id for t in tags}


def test_a_generic_word_supports_a_topic_named_otherwise(generic_tagger: Tagger) -> None:
    tags = generic_tagger.score(
        "Online platforms must explain how the platform ranks offers.", ("Market rules",)
    )
    assert primary(tags) == {1}
    assert next(t for t in tags if t.topic_id == 1).evidence == ("Online platforms", "platform")
    # Under a heading that names the topic, a passage whose only word for it is generic.
    under = generic_tagger.score(
        "Each platform should publish its ranking rules and consult its users.",
        ("Report", "Online platforms"),
    )
    assert primary(under) == {1}


def test_the_default_taxonomy_holds_no_generic_alias() -> None:
    from briefer.ingest.tagger import GENERIC_WORDS

    generic = {w.casefold() for w in GENERIC_WORDS}
    found = [a for e in default_taxonomy() for a in e["aliases"] if a.casefold() in generic]  # type: ignore[attr-defined]
    assert found == []


# A Japanese topic named as a clause's background is not its subject.
def test_a_background_mention_is_not_the_subject(tagger: Tagger) -> None:
    assert primary(tagger.score("IPEFの枠組みも活用しつつ、海底ケーブルの整備を支援する。")) == {
        CABLES
    }
    # Alone, a background mention makes no primary tag either.
    assert (
        primary(tagger.score("生成AIの急速な発展も念頭に置きつつ、人材の育成を進める。")) == set()
    )
    # Without the cue, the same mention is primary.
    assert primary(tagger.score("IPEFの枠組みで、海底ケーブルの整備を支援する。")) == {
        CABLES,
        TRADE,
    }


# A lead-in: the bodies it names are not its subject; the areas it lists are.
def test_a_lead_in_names_participants_not_topics(tagger: Tagger) -> None:
    assert primary(tagger.score("Experts on submarine cables met in Lisbon on 3 March.")) == set()
    listed = tagger.score(
        "On 3 March the partners met in Lisbon and reviewed work on AI, chips and submarine cables."
    )
    assert primary(listed) == {AI, CHIPS, CABLES}


# A concessive clause concedes a topic; the rest of the sentence is the subject.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Although our members use AI in every product, the shortage of chips is the concern.",
            {CHIPS},
        ),
        ("生成AIの扱いは重要な論点だが、まず海底ケーブルの整備を議論すべき。", {CABLES}),
        ("The partners use AI, although the shortage of chips is the concern.", {AI, CHIPS}),
    ],
)
def test_a_conceded_topic_is_not_the_subject(tagger: Tagger, text: str, want: set[int]) -> None:
    assert primary(tagger.score(text)) == want


# Furniture and notes: a dated event entry is metadata; a reference note takes no heading topic;
# naming a chair is not a lead-in without a date.
def test_event_entries_notes_and_dateless_chairs(tagger: Tagger) -> None:
    assert primary(tagger.score("18 March: Webinar on AI and chips in Brussels")) == set()
    note = "（参考）本対話は、両者の間で定期的に開催している政策対話である。"
    assert primary(tagger.score(note, ("結果", "（1）海底ケーブル"))) == set()
    body = "両者は、陸揚げ局の安全確保について具体的な協力を進めることで一致した。"
    assert primary(tagger.score(body, ("結果", "（1）海底ケーブル"))) == {CABLES}
    chaired = "A new AI headquarters, chaired by the Prime Minister, will steer the policy."
    assert primary(tagger.score(chaired, position=0)) == {AI}


# A heading lends its one topic to a passage naming one other topic, not to one naming several.
def test_a_heading_adds_nothing_to_a_passage_with_several_topics(tagger: Tagger) -> None:
    several = tagger.score(
        "Both sides discussed AI and the security of chips for data centres.",
        ("Outcomes", "Submarine cables"),
    )
    assert CABLES not in primary(several) and primary(several) == {AI, CHIPS}
    one = tagger.score(
        "Both sides agreed to pool R&D funding for the new route to the Arctic.",
        ("Outcomes", "Submarine cables"),
    )
    assert primary(one) == {CABLES, RI}


# 1. A bullet that opens with a topic label is a sentence, not a metadata line; a line of
# contents ("In this issue: …") still is.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Computing: the partners agreed to pool supercomputers for climate work.", {HPC}),
        ("量子：双方は量子暗号の共同実証を来年度に始めることを確認した。", {QUANTUM}),
        ("In this issue: chips, supercomputers, and what IPEF means for you.", set()),
        ("Subject: call on chips and quantum computers", set()),
    ],
)
def test_a_labelled_sentence_is_not_metadata(tagger: Tagger, text: str, want: set[int]) -> None:
    assert primary(tagger.score(text, position=6)) == want


# 6 / heading support. One sentence naming two topics as much as each other is about both,
# even when its heading names only one of them; an afterthought after a semicolon and an
# aside in brackets are not.
def test_two_topics_of_one_sentence_are_both_primary_whatever_the_heading(
    tagger: Tagger,
) -> None:
    text = "Future submarine cables could also carry links between quantum computers in Europe."
    assert primary(tagger.score(text, ("Connectivity", "Submarine cables"), position=4)) == {
        CABLES,
        QUANTUM,
    }
    ja = "海底ケーブルの共同敷設は、量子暗号の実証にも活用される見込みである。"
    assert primary(tagger.score(ja, ("海底ケーブル",), position=4)) == {CABLES, QUANTUM}


def test_an_afterthought_or_an_aside_stays_secondary(tagger: Tagger) -> None:
    afterthought = "Submarine cables will be repaired faster; supercomputers came up briefly."
    tags = tagger.score(afterthought, ("Submarine cables",), position=4)
    assert primary(tags) == {CABLES} and HPC in {t.topic_id for t in tags}
    aside = (
        "The cable ministers want faster repairs of submarine cables (partly funded through "
        "each side's joint research budget) by the end of next year."
    )
    tags = tagger.score(aside, ("Submarine cables",), position=4)
    assert primary(tags) == {CABLES} and RI in {t.topic_id for t in tags}
    # a short gloss in brackets is the name itself, not an aside
    gloss = "双方は、スーパーコンピュータ（HPC）の相互利用について議論した。"
    wide = Tagger([TopicTerms(HPC, ("HPC",)), TopicTerms(RI, ("joint research",))])
    assert primary(wide.score(gloss, position=4)) == {HPC}


# An alias two topics share names both (a learned word that is another topic's alias, or an
# officer's own taxonomy): the longer match still wins over a shorter one.
def test_a_shared_alias_names_both_topics() -> None:
    cyber = 9
    shared = Tagger(
        [
            TopicTerms(QUANTUM, ("quantum", "post-quantum cryptography", "耐量子計算機暗号")),
            TopicTerms(cyber, ("cybersecurity", "post-quantum cryptography", "耐量子計算機暗号")),
        ]
    )
    for text in (
        "Ministries set a deadline for the move to post-quantum cryptography.",
        "政府機関は耐量子計算機暗号への移行期限を定めた。",
    ):
        tags = shared.score(text, position=4)
        assert primary(tags) == {QUANTUM, cyber}, tags
        assert all(t.evidence for t in tags)
    assert primary(shared.score("A quantum sensor was shown.", position=4)) == {QUANTUM}
