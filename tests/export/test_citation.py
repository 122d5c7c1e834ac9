"""Citation text and XML-safety helpers shared by every writer."""

from __future__ import annotations

from export_fixtures import COUNCIL_TEXT, INDUSTRY_LETTER, JEITA_PAPER

from briefer.briefs.model import QuoteView
from briefer.export.citation import (
    annex_numbers,
    citation,
    contains_japanese,
    sanitize_xml_text,
)


def _q(source, **kw) -> QuoteView:
    return QuoteView(id=1, side="industry", source=source, start=0, end=1, text="x", **kw)


def test_citation_with_page():
    assert citation(_q(INDUSTRY_LETTER, page=3), 2) == (
        "[2] DIGITALEUROPE, JBCE, JEITA, Joint industry letter, 1 Mar 2022, p. 3"
    )


def test_citation_with_heading_path_when_no_page():
    quote = _q(INDUSTRY_LETTER, heading_path=("Intro", "4. Artificial Intelligence (AI)", "Box"))
    assert citation(quote, 1).endswith(", § 4. Artificial Intelligence (AI) › Box")
    assert citation(_q(INDUSTRY_LETTER, heading_path=("Only",)), 1).endswith(", § Only")


def test_citation_without_date_or_locator():
    assert citation(_q(JEITA_PAPER), 4) == "[4] JEITA, JEITA position"


def test_page_wins_over_heading():
    assert citation(_q(COUNCIL_TEXT, page=9, heading_path=("A",)), 3).endswith("6 Dec 2022, p. 9")


def test_annex_numbers_follow_first_citation(brief):
    assert annex_numbers(brief) == {11: 1, 22: 2, 33: 3, 44: 4}


def test_sanitize_xml_text():
    assert sanitize_xml_text("a\x07b\x00c") == "abc"
    assert sanitize_xml_text("tab\tnl\ncr\r") == "tab\tnl\ncr\r"
    assert sanitize_xml_text("v\x0bf\x0c") == "v f "
    assert sanitize_xml_text("x\ufffey\uffff") == "xy"
    assert sanitize_xml_text("lone\ud800") == "lone\ufffd"
    assert sanitize_xml_text("日本語 ok") == "日本語 ok"
    assert sanitize_xml_text("") == ""


def test_contains_japanese():
    assert contains_japanese("「半導体」")
    assert contains_japanese("ひらがな") and contains_japanese("カタカナ")
    assert not contains_japanese("Semiconductors — café")
