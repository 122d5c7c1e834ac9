"""Ask and commitment detection on text written for the test (not the dev set)."""

from __future__ import annotations

from briefer.ingest.ask_align import Doc, Index, align
from briefer.ingest.ask_terms import load_glossary, terms
from briefer.ingest.asks_detect import (
    PassageSpan,
    ask_cue,
    commitment_strength,
    detect_asks,
    sentences,
)
from briefer.ingest.readers import read_text


def _asks(text: str) -> list[str]:
    doc = read_text(text.encode("utf-8"), origin="t.txt")
    spans = [
        PassageSpan(i, s.kind, s.level, s.start, s.end, s.content)
        for i, s in enumerate(doc.segments)
    ]
    return [doc.text[a.start : a.end] for a in detect_asks(doc.text, spans)]


def test_english_cues_and_not_asks() -> None:
    assert ask_cue("We call on the Commission to publish guidance.")
    assert ask_cue("Both sides should set up a working group on drones.")
    assert ask_cue("It is crucial that certification is mutual.")
    assert ask_cue("We would welcome a joint pilot on e-invoicing.")
    assert ask_cue("Privacy must be safeguarded.")
    assert ask_cue("Demand for drones has grown since the pandemic.") is None
    assert ask_cue("Our members operate in 30 countries.") is None
    assert ask_cue("We welcome the adoption of the regulation.") is None
    assert ask_cue("We remain encouraged by the progress.") is None


def test_japanese_cues() -> None:
    assert ask_cue("政府間の対話の創設を求める。")
    assert ask_cue("規制の調和を図るべきである。")
    assert ask_cue("人材交流の拡大を期待する。")
    assert ask_cue("ドローンの市場は拡大している。") is None


def test_commitment_strength() -> None:
    assert (
        commitment_strength("The two sides agreed to launch a drone dialogue.")[0] == "commitment"
    )
    assert commitment_strength("The EU side explained its drone rules.")[0] == "reported"
    assert commitment_strength("Both sides exchanged views on drones.")[0] == "reported"
    assert commitment_strength("双方は、対話を立ち上げることで合意した。")[0] == "commitment"
    assert commitment_strength("日本側から、戦略について説明した。")[0] == "reported"


def test_sentences_respect_abbreviations() -> None:
    text = "Rules (e.g. the Drone Act) apply. We ask for more. 次に進む。以上"
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == ["Rules (e.g. the Drone Act) apply.", "We ask for more.", "次に進む。", "以上"]


def test_bullets_under_an_asking_lead_in_are_asks_with_context() -> None:
    text = (
        "Drones\n\nThe drone market has doubled since 2020.\n\n"
        "We invite both governments to:\n\n"
        "  • open test corridors for drone deliveries;\n"
        "  • recognise each other's pilot licences.\n\n"
        "Our association represents 200 drone makers.\n"
    )
    found = _asks(text)
    assert found == [
        "open test corridors for drone deliveries;",
        "recognise each other's pilot licences.",
    ]


def test_japanese_lead_in_with_bullets() -> None:
    text = (
        "ドローン\n\nドローン市場は拡大している。\n\n"
        "以下を要望する。\n・試験空域の開放\n・操縦資格の相互承認\n"
    )
    assert _asks(text) == ["試験空域の開放", "操縦資格の相互承認"]


def _index(sentences: list[tuple[str, str]]) -> Index:
    g = load_glossary()
    index = Index()
    for i, (text, strength) in enumerate(sentences):
        words = terms(text, g)
        lang = "ja" if any("\u3040" <= ch <= "\u9fff" for ch in text) else "en"
        from collections import Counter

        index.add(Doc(i, Counter(words), len(words), strength, 99, lang))
    return index


def test_a_shared_common_word_or_bare_topic_is_no_answer() -> None:
    g = load_glossary()
    index = _index(
        [
            (
                "The two sides will promote standard contractual clauses for transfers.",
                "commitment",
            ),
            ("Leaders discussed the semiconductor industry.", "reported"),
        ]
    )
    ask = terms("We call for a joint expert group on standardisation of semiconductors.", g)
    verdict = align(index, ask, parts=g.parts)
    assert verdict.status == "unaddressed" and not verdict.responses


def test_japanese_official_text_answers_an_english_ask() -> None:
    g = load_glossary()
    index = _index(
        [
            ("双方は、経済安全保障に関する定期的な対話を立ち上げることで合意した。", "commitment"),
            ("双方は、協力の重要性を再確認した。", "commitment"),
        ]
    )
    ask = terms("We urge the EU and Japan to start a regular dialogue on economic security.", g)
    verdict = align(index, ask, parts=g.parts)
    assert verdict.responses and verdict.responses[0].key == 0
    assert verdict.status == "addressed"
    assert "c:economic_security" in verdict.responses[0].evidence


def test_third_person_author_asks() -> None:
    """A named author asks in the third person: "X urges / requests that / asks that / calls
    on" (sentences written for this test)."""
    assert ask_cue("Industry requests that the council publish a roadmap for data spaces.")
    assert ask_cue("The federation urges regulators in both regions to align audit rules.")
    assert ask_cue("The chamber asks that customs procedures be digitised by 2027.")
    assert ask_cue("ACME Alliance calls on both governments to fund joint testbeds.")
    assert ask_cue("The association recommends that the partners pool their test sites.")
    assert ask_cue("Our federation invites the ministries to open a regular consultation.")
    # reports, findings and past requests are not asks
    assert ask_cue("A recent survey suggests that demand for drones will double.") is None
    assert ask_cue("Members report that licensing delays grew last year.") is None
    assert ask_cue("The ministry requested comments on the draft in March.") is None
    assert ask_cue("The regulation encourages investment in rural networks.") is None


def test_japanese_third_person_and_polite_asks() -> None:
    assert ask_cue("同連合会は、手続の電子化を求めている。")
    assert ask_cue("産業界は、両政府に対し共同試験の実施を要請している。")
    assert ask_cue("認証制度の相互承認を強く要請いたします。")
    assert ask_cue("当協会は、審査期間の短縮を要望いたします。")
    assert ask_cue("昨年、同省は意見募集を行った。") is None
