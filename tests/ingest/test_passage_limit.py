"""No passage is longer than MAX_PASSAGE_CHARS, whatever the format, and offsets stay exact.

Every hostile input is built here: a megabyte of text on one line, a Markdown paragraph of 1 MB
without blank lines, a DOCX table cell, an HTML paragraph, an e-mail body and a PDF page
without line breaks, in English and Japanese. Normal documents (the seeds and every document
under tests/) are left exactly as they were: none of their passages comes near the limit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from format_fixtures import make_docx, make_eml, make_text_pdf
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.ingest.asks_detect import PassageSpan, detect_asks, official_spans
from briefer.ingest.model import Document, bounded
from briefer.ingest.passage_limit import MAX_HEADING_LABEL, MAX_PASSAGE_CHARS, split_span
from briefer.ingest.readers import read_path, read_text
from briefer.ingest.tagger import Tagger, TopicTerms
from briefer.library.topics import default_taxonomy

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))
sys.path.insert(0, str(ROOT / "tools"))

from linear_time import growth_at  # noqa: E402
from passage_digest import documents  # noqa: E402

EN = "The parties agreed to deepen cooperation on semiconductors and data flows. "
JA = "双方は半導体とデータの流通に関する協力を深めることで一致した。"


def check(doc: Document) -> None:
    """Each passage within the limit, exactly its span of the text, trimmed, in order."""
    end = 0
    for s in doc.segments:
        body = doc.text[s.start : s.end]
        assert 0 < len(body) <= MAX_PASSAGE_CHARS
        assert body == body.strip()
        assert s.start >= end
        end = s.end
    for s in doc.segments:
        assert all(len(label) <= MAX_HEADING_LABEL for label in s.heading_path)


def covered(doc: Document, needle: str) -> bool:
    """Every non-whitespace character of the text's stretches is inside a passage, in order."""
    joined = "".join(doc.text[s.start : s.end] for s in doc.segments)
    return "".join(needle.split()) in "".join(joined.split())


# ---------------------------------------------------------------- the splitting itself


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab 。.!?\n」、x\u0301")), min_size=1, max_size=400),
    st.integers(min_value=2, max_value=40),
)
def test_split_spans_are_bounded_exact_and_cover_everything(text: str, limit: int) -> None:
    core = text.strip()
    if not core:
        return
    start = text.index(core[0])
    end = start + len(core)
    spans = split_span(text, start, end, limit)
    assert spans
    pos = start
    for a, b in spans:
        assert start <= pos <= a < b <= end
        piece = text[a:b]
        assert len(piece) <= limit
        assert piece == piece.strip()
        assert not text[pos:a].strip()  # only whitespace between pieces
        pos = b
    assert not text[pos:end].strip()


def test_cuts_fall_at_sentence_ends_then_spaces_then_anywhere() -> None:
    english = EN * 200
    spans = split_span(english, 0, len(english.rstrip()))
    assert len(spans) > 1
    assert all(english[a:b].endswith(".") for a, b in spans)
    japanese = JA * 400
    spans = split_span(japanese, 0, len(japanese))
    assert all(japanese[a:b].endswith("。") for a, b in spans)
    words = "semiconductors " * 1000
    spans = split_span(words, 0, len(words.rstrip()))
    assert all(words[a:b].endswith("semiconductors") for a, b in spans)
    solid = "x" * (3 * MAX_PASSAGE_CHARS + 7)
    assert [b - a for a, b in split_span(solid, 0, len(solid))] == [MAX_PASSAGE_CHARS] * 3 + [7]


def test_a_hard_cut_keeps_a_letter_with_its_accent() -> None:
    text = "e\u0301" * MAX_PASSAGE_CHARS  # 8,000 code points, no space
    for a, b in split_span(text, 0, len(text)):
        assert text[a] == "e" and text[b - 1] == "\u0301"


def test_a_long_heading_is_cut_in_the_paths_below_it() -> None:
    text = "# " + "Heading words " * 2_000 + "\n\nA paragraph under it, with a sentence.\n"
    path = Path(__file__)  # only the text matters
    from briefer.ingest.markdown_reader import markdown_document

    doc = markdown_document(text, origin=path.name)
    check(doc)
    last = doc.segments[-1]
    assert last.kind == "paragraph" and doc.text[last.start : last.end].startswith("A paragraph")
    assert len(last.heading_path[0]) == MAX_HEADING_LABEL and last.heading_path[0].endswith("…")
    assert doc.segments[0].kind == "heading"
    assert {s.kind for s in doc.segments[1:-1]} == {"paragraph"}


# ---------------------------------------------------------------- every format


def test_a_megabyte_line_of_text_is_split_with_exact_offsets() -> None:
    """(``test_hostile_input`` reads 10 MB of one line, the attack suite imports it.)"""
    line = EN.replace(". ", ", ") * 14_000  # 1 MB, commas but no sentence end
    doc = read_text(line, origin="one-line.txt")
    check(doc)
    assert len(doc.segments) >= len(line) // MAX_PASSAGE_CHARS
    assert covered(doc, line)


@pytest.mark.parametrize("unit", [EN, JA], ids=["en", "ja"])
def test_a_megabyte_markdown_paragraph_without_blank_lines(unit: str) -> None:
    from briefer.ingest.markdown_reader import markdown_document

    lines = "\n".join([unit * 3] * (1_000_000 // (3 * len(unit))))
    text = f"# Outcome\n\n{lines}\n"
    doc = markdown_document(text, origin="para.md")
    check(doc)
    assert doc.segments[0].kind == "heading"
    assert all(s.heading_path == ("Outcome",) for s in doc.segments[1:])
    ends = "." if unit is EN else "。"
    assert all(doc.text[s.start : s.end].endswith(ends) for s in doc.segments[1:])
    assert covered(doc, lines)


def test_a_docx_table_cell_and_a_paragraph_of_a_hundred_thousand_characters(tmp_path: Path) -> None:
    # numbered sentences: a repeated one compresses past the zip-bomb ratio
    cell = "".join(f"{JA[:-1]}（第{i}項）。" for i in range(2_000))  # 76,000 characters
    para = "".join(f"Item {i}: {EN}" for i in range(1_500))
    path = make_docx(
        tmp_path / "cell.docx",
        [("Heading 1", "Outcome"), ("", para)],
        table=[["Topic", "Result"], ["Chips", cell]],
    )
    doc = read_path(path)
    check(doc)
    assert covered(doc, cell) and covered(doc, para)


def test_an_html_paragraph_and_an_email_body(tmp_path: Path) -> None:
    html = tmp_path / "long.html"
    body = EN * 2_000  # 150,000 characters
    html.write_text(f"<html><body><h1>Outcome</h1><p>{body}</p></body></html>", "utf-8")
    doc = read_path(html)
    check(doc)
    assert covered(doc, body)
    mail = make_eml(tmp_path / "long.eml", subject="Readout", sender="a@example.org", body=body)
    doc = read_path(mail)
    check(doc)
    assert covered(doc, body)


def test_a_pdf_page_without_line_breaks(tmp_path: Path) -> None:
    words = "Cooperation on research and semiconductors was agreed. " * 400  # 22,000 characters
    doc = read_path(make_text_pdf(tmp_path / "one-line.pdf", [[words], ["Second page."]]))
    check(doc)
    assert {s.page for s in doc.segments} == {1, 2}
    assert sum(1 for s in doc.segments if s.page == 1) >= 5


# ---------------------------------------------------------------- normal documents


def test_normal_documents_are_left_as_they_were() -> None:
    """The seeds and every document under tests/ have no passage near the limit, so the
    bound changes nothing in them (``tools/passage_digest.py`` compares two checkouts'
    passages, headings, tags and asks in full)."""
    seen = 0
    longest = 0
    for path in documents():
        doc = read_path(path)
        unbounded = doc.segments
        assert bounded(doc.text, unbounded) is unbounded
        longest = max(longest, *(s.end - s.start for s in unbounded))
        seen += 1
    assert seen >= 80
    assert longest * 4 < MAX_PASSAGE_CHARS, longest


# ---------------------------------------------------------------- linear cost after it


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    tax = default_taxonomy()
    return Tagger(
        TopicTerms(i, (str(e["name"]), *map(str, e["aliases"])))  # type: ignore[call-overload]
        for i, e in enumerate(tax)
    )


#: One line of numbered clauses (each piece of it a different text, so no cache helps); the
#: Japanese one names two topics in every clause, which made the tagger's cost quadratic.
LINES = {
    "en": "in round {} the parties agreed on AI and chips, ",
    "ja": "半導体とデータ{}、",
}
#: Clauses at the smaller size: large enough for a quadratic step to dominate (without the
#: bound the Japanese line grew x13-17 from 1,500-2,000 clauses to four times as many;
#: x4.7 with it).
CLAUSES = 3_000
#: t(4n) / t(n) above this is not linear (linear is ~4, quadratic ~16).
MAX_RATIO_4N = 10.0


@pytest.mark.parametrize("lang", sorted(LINES))
def test_tagging_and_reading_asks_of_one_huge_line_grow_linearly(tagger: Tagger, lang: str) -> None:
    """Tagging 220,000 Japanese characters of one line took 37 s (the tagger's overlap checks
    are quadratic in a passage's mentions); in bounded passages the cost is linear. Measured
    in this thread's CPU time, so other processes' load does not count."""

    def work(n: int) -> Callable[[], object]:
        doc = read_text("".join(LINES[lang].format(i) for i in range(n)), origin="line.txt")
        assert len(doc.segments) > 1
        spans = [
            PassageSpan(i, s.kind, s.level, s.start, s.end, s.content)
            for i, s in enumerate(doc.segments)
        ]

        def run() -> None:
            tagger._cache.clear()
            for i, s in enumerate(doc.segments):
                tagger.score(doc.text[s.start : s.end], s.heading_path, kind=s.kind, position=i)
            detect_asks(doc.text, spans)
            official_spans(doc.text, spans)

        return run

    ratio = growth_at(work, CLAUSES, factor=4)
    assert ratio < MAX_RATIO_4N, f"x{ratio:.1f} from {CLAUSES} to {4 * CLAUSES} clauses ({lang})"
