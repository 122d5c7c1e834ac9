from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.ingest.model import PATH_SEPARATOR, Segment
from briefer.ingest.segment import segment

BULLET_MARKERS = set("•-*–+・○●▪◦‣■□◆◇▶►◼◾✓✔")


def check_invariants(text: str, segments: list[Segment]) -> None:
    """Ordered, non-overlapping, stripped, and nothing but bullet markers left out."""
    covered = [False] * len(text)
    previous_end = 0
    for seg in segments:
        assert 0 <= seg.start < seg.end <= len(text)
        assert seg.start >= previous_end
        passage = text[seg.start : seg.end]
        assert passage == passage.strip()
        previous_end = seg.end
        for i in range(seg.start, seg.end):
            covered[i] = True
    for i, ch in enumerate(text):
        if not covered[i] and not ch.isspace():
            assert ch in BULLET_MARKERS, f"dropped {ch!r} at {i} in {text!r}"


def find(text: str, segments: list[Segment], beginning: str) -> Segment:
    for seg in segments:
        if text[seg.start : seg.end].startswith(beginning):
            return seg
    raise AssertionError(f"no passage starts with {beginning!r}")


def path(seg: Segment) -> str:
    return PATH_SEPARATOR.join(seg.heading_path)


def test_every_seed_passage_is_exact_and_stripped(seed_file: Path) -> None:
    text = seed_file.read_text(encoding="utf-8")
    segments = segment(text)
    assert segments
    check_invariants(text, segments)
    for seg in segments:
        if seg.kind == "heading":
            assert seg.heading_path
            assert seg.level >= 1
        if seg.kind == "bullet":
            assert seg.level >= 1


def test_joint_letter_structure(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2022-03-01")
    segments = segment(text)
    headings = [text[s.start : s.end] for s in segments if s.kind == "heading"]
    numbered = [h for h in headings if h[0].isdigit()]
    assert len(numbered) == 12
    assert numbered[0] == "1. Green x Digital:"
    assert numbered[-1] == "12. Digital R&I:"

    aligned = find(text, segments, "Since creating diverged legal requirements")
    assert aligned.kind == "bullet" and aligned.level == 1
    assert path(aligned) == (
        "4. Artificial Intelligence (AI) › AI regulatory and standard alignment"
    )
    sub = find(text, segments, "AI regulatory and standard alignment:")
    assert sub.kind == "heading" and sub.level == 2
    assert sub.heading_path[-1] == "AI regulatory and standard alignment"

    # A new numbered heading closes the sub-heading.
    cyber = find(text, segments, "Each country and region has its own cybersecurity")
    assert cyber.heading_path == ("5. Cybersecurity",)

    hpc = find(text, segments, "10. High performance computing (HPC):")
    assert hpc.kind == "heading" and hpc.level == 1
    assert hpc.heading_path == ("10. High performance computing (HPC)",)

    # Nested bullets by indentation; the passage excludes the marker.
    nested = find(text, segments, "Requirements and frameworks to ensure")
    assert nested.kind == "bullet" and nested.level == 2
    assert path(nested) == (
        "2. Data free flow and Data Governance › Government access with right balance of data"
        " innovation"
    )
    outer = find(text, segments, "The EU and Japan should lead international discussions")
    assert outer.level == 1

    # The date line and the title are passages, not headings.
    assert find(text, segments, "01 Mar 2022").kind == "paragraph"
    assert find(text, segments, "Joint letter:").kind == "paragraph"
    # The truncated bullet stays a bullet on its own.
    cut = find(text, segments, "Following the highly successful")
    assert text[cut.start : cut.end].endswith("free flow of services and")


def test_press_release_structure(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2021-11-19")
    segments = segment(text)
    sub = find(text, segments, "Major achievements of the 12th")
    assert sub.kind == "heading" and sub.level == 1
    first = find(text, segments, "1. 5G/Beyond 5G (6G)")
    assert first.kind == "heading" and first.heading_path == ("1. 5G/Beyond 5G (6G)",)
    ai = find(text, segments, "The EU side explained the status of the proposed AI regulation")
    assert ai.heading_path == ("2. AI",)
    footnote = find(text, segments, "*")
    assert footnote.kind == "bullet"
    assert text[footnote.start : footnote.end].endswith("Information Sharing and Analysis Center")


def test_one_paragraph_per_line(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2024-04-30")
    segments = segment(text)
    non_blank_lines = [line for line in text.split("\n") if line.strip()]
    assert len(segments) == len(non_blank_lines)
    mou = find(text, segments, "The EU and Japan signed a Memorandum of Cooperation")
    assert mou.kind == "heading"
    after = find(text, segments, "The European Union and Japan signed")
    assert after.kind == "paragraph"
    assert after.heading_path == ("The EU and Japan signed a Memorandum of Cooperation",)
    last = segments[-1]
    assert last.kind == "paragraph"


JAPANESE = """令和6年4月30日
総務省

第1章　概要

日本と欧州連合（EU）は、ブリュッセルにおいて閣僚会合を開催しました。両者は、協力の進捗を確認しました。

１．人工知能（AI）

（１）AIガバナンス
・信頼できるAIの実現に向けて協力することで一致しました。
・研究機関間の協力を強化します。
　○具体的な協力内容については、今後検討します。
（２）標準化
国際標準化の場における連携を一層推進することを確認しました。

２．半導体

①研究開発
半導体の研究開発に関する協力覚書に基づき、専門家チームを設置しました。

【今後の予定】
次回会合は東京で開催する予定です。
"""


def test_japanese_structure() -> None:
    segments = segment(JAPANESE)
    check_invariants(JAPANESE, segments)
    assert find(JAPANESE, segments, "第1章").kind == "heading"
    assert find(JAPANESE, segments, "第1章").level == 1
    assert find(JAPANESE, segments, "日本と欧州連合").kind == "paragraph"
    ai = find(JAPANESE, segments, "１．人工知能")
    assert ai.kind == "heading" and ai.level == 2
    bullet = find(JAPANESE, segments, "信頼できるAI")
    assert bullet.kind == "bullet" and bullet.level == 1
    assert bullet.heading_path == ("第1章　概要", "１．人工知能（AI）", "（１）AIガバナンス")
    nested = find(JAPANESE, segments, "具体的な協力内容")
    assert nested.kind == "bullet" and nested.level == 2
    standard = find(JAPANESE, segments, "国際標準化")
    assert standard.heading_path[-1] == "（２）標準化"
    rd = find(JAPANESE, segments, "半導体の研究開発")
    assert rd.heading_path == ("第1章　概要", "２．半導体", "①研究開発")
    assert find(JAPANESE, segments, "【今後の予定】").kind == "heading"
    assert find(JAPANESE, segments, "次回会合").heading_path[-1] == "【今後の予定】"


def test_decimal_and_lettered_numbering() -> None:
    text = (
        "1. Introduction\n\nSome opening text that explains the purpose of the paper.\n\n"
        "1.1 Scope\n\nThe scope of this paper covers digital policy cooperation.\n\n"
        "A. First option\n\nThe first option would keep the current arrangement in place.\n\n"
        "2. Findings\n\nThe findings are summarised below in several short points.\n"
    )
    segments = segment(text)
    check_invariants(text, segments)
    assert find(text, segments, "1.1 Scope").level == 2
    assert find(text, segments, "A. First option").level == 3
    findings = find(text, segments, "The findings are")
    assert findings.heading_path == ("2. Findings",)


def test_numbered_list_is_not_headings() -> None:
    text = "Our asks:\n\n1. Open data\n2. Fair rules\n3. Common standards\n"
    segments = segment(text)
    items = [s for s in segments if text[s.start].isdigit()]
    assert len(items) == 3
    assert all(s.kind == "paragraph" for s in items)


def test_hard_wrapped_paragraph_is_one_passage() -> None:
    text = (
        "The Commission welcomes the political agreement reached today between the\n"
        "European Parliament and the Council on the Data Act, which will make more\n"
        "data available for reuse.\n\nA second paragraph follows here.\n"
    )
    segments = segment(text)
    assert len(segments) == 2
    assert text[segments[0].start : segments[0].end].endswith("for reuse.")


def test_short_lines_and_closing_line_are_not_headings() -> None:
    text = (
        "We thank all participants for a productive meeting and look forward to more.\n\n"
        "Jane Doe\nHead of Unit\n\nBrussels, 27 June 2023\n\nKind regards\n"
    )
    segments = segment(text)
    assert all(s.kind == "paragraph" for s in segments)


def test_empty_and_marker_only() -> None:
    assert segment("") == []
    assert segment("  \n\n") == []
    assert segment("•\n  • \n・") == []


_ALPHABET = st.sampled_from(
    [*"ab Z.:;,\t 0123456789\n\n\n•-*–・○●▪◦（）()【】①１．。、第章日本語テスト", "\u3000", "\xa0"]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(_ALPHABET, max_size=200), st.text(max_size=200)))
def test_property_segments_cover_text(text: str) -> None:
    segments = segment(text)
    check_invariants(text, segments)
