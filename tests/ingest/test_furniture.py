from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from briefer.ingest.furniture import mark_furniture
from briefer.ingest.model import Segment
from briefer.ingest.segment import segment


def passages(text: str, segments: list[Segment]) -> list[tuple[str, Segment]]:
    return [(text[s.start : s.end], s) for s in segments]


def first_index(items: list[tuple[str, Segment]], beginning: str) -> int:
    return next(i for i, (p, _) in enumerate(items) if p.startswith(beginning))


def test_joint_letter_tail_is_furniture(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2022-03-01")
    items = passages(text, segment(text))
    start = first_index(items, "For more information, please contact:")
    for passage, seg in items[start:]:
        assert not seg.content, passage
    for passage, seg in items[:start]:
        assert seg.content, passage
    tail = " ".join(p for p, _ in items[start:])
    for cue in (
        "Hit enter to search",
        "This website uses cookies",
        "Back to Digital trade",
        "19 Jun 2024 Publication & Brochure",
        "Joël Guschker",
    ):
        assert cue in tail


def test_joint_letter_sections_and_signatories_are_content(
    seed_text: Callable[[str], str],
) -> None:
    text = seed_text("2022-03-01")
    items = passages(text, segment(text))
    numbered = [s for p, s in items if s.kind == "heading" and re.match(r"\d+\. ", p)]
    assert len(numbered) == 12
    assert all(s.content for s in numbered)
    for beginning in (
        "DIGITALEUROPE represents the digital technology industry",
        "JBCE",
        "Founded in 1999, the Japan Business Council in Europe",
        "The Japan Electronics and Information Technology Industries Association",
        "01 Mar 2022",
        "Joint letter:",
    ):
        assert items[first_index(items, beginning)][1].content, beginning


def test_press_release_contact_block_is_furniture(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2021-11-19")
    items = passages(text, segment(text))
    start = first_index(items, "For further information about this press release")
    assert [p for p, s in items[start:] if s.content] == []
    assert any(p.startswith("TEL:") for p, _ in items[start:])
    assert all(s.content for _, s in items[:start])


def test_official_outcome_is_all_content(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2024-04-30")
    assert all(s.content for s in segment(text))


def test_search_cookies_finds_no_content(seed_file: Path) -> None:
    text = seed_file.read_text(encoding="utf-8")
    for seg in segment(text):
        if seg.content:
            assert "cookie" not in text[seg.start : seg.end].lower()


SYNTHETIC_PAGE = """Skip to main content
Home > Newsroom > Statements

Ministers agree to deepen cooperation on trusted data flows

Tokyo, 12 May 2025

Ministers from both sides met today and agreed to launch a joint working group on trusted data \
flows, with a first report due before the end of the year.

Next steps

The working group will hold its first meeting in September and will consult industry and civil \
society on its draft work plan.

Share this article
Related articles
Ministers meet on semiconductor supply chains
03 Apr 2025 Press release
Subscribe to our newsletter
Media enquiries: press@example.org
Privacy policy | Terms of use
© 2025 Example Ministry. All rights reserved.
"""


def test_synthetic_page() -> None:
    text = SYNTHETIC_PAGE
    items = passages(text, segment(text))
    furniture = [p for p, s in items if not s.content]
    content = [p for p, s in items if s.content]
    assert "Skip to main content" in furniture
    assert "Home > Newsroom > Statements" in furniture
    start = first_index(items, "Share this article")
    assert all(not s.content for _, s in items[start:])
    assert "Ministers meet on semiconductor supply chains" in furniture
    assert any(p.startswith("Ministers from both sides met today") for p in content)
    assert any(p.startswith("The working group will hold") for p in content)
    assert "Next steps" in content


def test_content_mentioning_cue_words_stays_content() -> None:
    text = (
        "Cookie consent rules\n\n"
        "The Commission proposed to simplify cookie consent rules under the ePrivacy framework, "
        "so that users are asked less often and can set preferences in their browser.\n\n"
        "For more information on the consultation, the Commission will publish a summary report "
        "later this year, together with an impact assessment and the views of stakeholders.\n\n"
        "The final paragraph explains the next steps for the Council and the Parliament.\n"
    )
    segments = segment(text)
    assert all(s.content for s in segments)


JAPANESE_PAGE = """本文へスキップ
ホーム > 報道資料

日EUデジタルパートナーシップ閣僚会合の開催結果

総務省は、日EUデジタルパートナーシップ閣僚会合を開催し、人工知能や半導体などの分野での協力について議論しました。

【お問い合わせ先】
国際戦略局国際政策課
電話：03-5253-5920
ページの先頭へ
"""


def test_japanese_furniture() -> None:
    text = JAPANESE_PAGE
    items = passages(text, segment(text))
    content = [p for p, s in items if s.content]
    furniture = [p for p, s in items if not s.content]
    assert content[-1].startswith("総務省は")
    assert "ページの先頭へ" in furniture
    assert "国際戦略局国際政策課" in furniture
    assert "本文へスキップ" in furniture


def test_mark_furniture_keeps_spans() -> None:
    text = "A real paragraph that says something of substance about policy here.\n\nContact us\n"
    first_end = text.index("\n")
    second = text.index("Contact")
    segments = [
        Segment(0, first_end, "paragraph"),
        Segment(second, second + len("Contact us"), "paragraph"),
    ]
    marked = mark_furniture(text, segments)
    assert [(s.start, s.end, s.kind) for s in marked] == [
        (s.start, s.end, s.kind) for s in segments
    ]
    assert [s.content for s in marked] == [True, False]
