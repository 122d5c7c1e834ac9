from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from briefer.ingest.metadata import parse_date, propose_metadata


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01 Mar 2022", date(2022, 3, 1)),
        ("1 March 2022", date(2022, 3, 1)),
        ("November 19, 2021 Results of the workshop", date(2021, 11, 19)),
        ("Sept. 3, 2023", date(2023, 9, 3)),
        ("2024-04-30", date(2024, 4, 30)),
        ("30/04/2024", date(2024, 4, 30)),
        ("2024年4月30日", date(2024, 4, 30)),
        ("２０２４年４月３０日", date(2024, 4, 30)),
        ("令和6年4月30日", date(2024, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("Brussels, 27 June 2023", date(2023, 6, 27)),
        ("no date here", None),
        ("31/02/2024", None),
        ("growth of 12.5 percent", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_seed_joint_letter(seed_text: Callable[[str], str]) -> None:
    meta = propose_metadata(seed_text("2022-03-01"))
    assert meta.title.startswith("Joint letter: Industry Recommendations")
    assert meta.date == date(2022, 3, 1)
    assert meta.language == "en"


def test_seed_press_release_date_and_title_line(seed_text: Callable[[str], str]) -> None:
    meta = propose_metadata(seed_text("2021-11-19"))
    assert meta.title == "Results of 12th Japan-EU ICT Strategy Workshop"
    assert meta.date == date(2021, 11, 19)


def test_seed_without_date_line_uses_filename(seed_text: Callable[[str], str]) -> None:
    text = seed_text("2024-04-30")
    meta = propose_metadata(text, "2024-04-30_minutes.txt")
    assert meta.date == date(2024, 4, 30)  # not "May 12 2022" from inside the paragraph
    assert meta.title.startswith("The EU and Japan held their second Digital Partnership Council")
    assert propose_metadata(text).date is None


def test_japanese() -> None:
    text = "令和6年4月30日\n総務省\n\n日EU閣僚会合の結果\n\n本日、会合を開催しました。\n"
    meta = propose_metadata(text)
    assert meta.language == "ja"
    assert meta.date == date(2024, 4, 30)
    assert meta.title == "日EU閣僚会合の結果"  # the ministry's letterhead is not the title
    assert meta.organisations == ("総務省",)


def test_title_falls_back_to_filename() -> None:
    meta = propose_metadata("   \n", "2023-05-02_eu-japan_summit-notes.txt")
    assert meta.title == "Eu japan summit notes"
    assert meta.date == date(2023, 5, 2)


def test_organisations_empty_by_default() -> None:
    assert propose_metadata("Some title\n\nSome text.").organisations == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # formal Japanese documents write dates in kanji numerals
        ("内閣官房\n令和七年五月十二日\n声明", date(2025, 5, 12)),
        ("声明\n二〇二五年十二月三十一日\n外務省", date(2025, 12, 31)),
        ("報道発表\n令和元年五月一日\n総務省", date(2019, 5, 1)),
        ("報道発表\n平成三十年十月二日\n経済産業省", date(2018, 10, 2)),
        ("提言\n２０２５年５月１２日（月）\n日本経済団体連合会", date(2025, 5, 12)),
    ],
)
def test_japanese_dates_in_the_text(text: str, expected: date) -> None:
    assert propose_metadata(text).date == expected


def test_typed_japanese_dates() -> None:
    from briefer.ingest.typed_date import parse_typed_date

    for typed in (
        "令和七年五月十二日",
        "2025年5月12日（月）",
        "2025年5月12日(月曜日)",
        "２０２５年５月１２日",
    ):
        assert parse_typed_date(typed, month_first=False) == date(2025, 5, 12), typed
    assert parse_typed_date("令和七年十三月一日", month_first=False) is None
    assert parse_typed_date("2025年5月12日 会議", month_first=False) is None
