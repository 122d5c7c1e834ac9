"""Readers for DOCX, PDF, HTML, Markdown and e-mail: text, structure, pages, metadata."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from format_fixtures import (
    SOFFICE,
    add_footnote,
    make_docx,
    make_eml,
    make_text_pdf,
    make_zip_bomb,
    seed_to_html,
    soffice_to_pdf,
    truncate_file,
)

from briefer.errors import IngestError
from briefer.ingest.email_reader import list_attachments, read_attachment
from briefer.ingest.kind import suggest_kind
from briefer.ingest.model import Document
from briefer.ingest.pdf_layout import Line
from briefer.ingest.pdf_reader import _repair
from briefer.ingest.readers import detect_format, read_path, read_text


def check_offsets(doc: Document) -> None:
    """Every passage is exactly its span of the text, trimmed, in order, not overlapping."""
    end = 0
    for s in doc.segments:
        passage = doc.text[s.start : s.end]
        assert passage and passage == passage.strip()
        assert s.start >= end
        end = s.end


def passage(doc: Document, needle: str) -> tuple[str, object]:
    seg = next(s for s in doc.segments if needle in doc.text[s.start : s.end])
    return doc.text[seg.start : seg.end], seg


# --- DOCX ----------------------------------------------------------------------------------


@pytest.fixture
def policy_docx(tmp_path: Path) -> Path:
    path = make_docx(
        tmp_path / "paper.docx",
        [
            ("Title", "Position paper on data flows"),
            ("", "Brussels, 27 June 2023"),
            ("Heading 1", "1. Data free flow with trust"),
            ("", "We support data free flow with trust across borders."),
            ("Heading 2", "Government access"),
            ("List Bullet", "Requests must be necessary and proportionate."),
            ("List Bullet 2", "Independent oversight applies."),
            ("Heading 1", "2. 半導体"),
            ("", "半導体の供給網を強化する。令和6年4月30日に合意した。"),
        ],
        table=[["Topic", "Ask"], ["AI", "Align definitions"]],
        title="Data flows paper",
        author="Jane Officer",
        created=datetime(2023, 6, 1, 9, 0),
    )
    add_footnote(path, "We support data free flow with trust across borders.", "See the G7 text.")
    return path


def test_docx_structure_metadata_and_offsets(policy_docx: Path) -> None:
    doc = read_path(policy_docx)
    assert doc.format == "docx"
    check_offsets(doc)
    _, seg = passage(doc, "Independent oversight")
    assert seg.kind == "bullet" and seg.level == 2
    # "Title" is an outermost heading like "Heading 1" (not a parent of every passage).
    assert seg.heading_path == ("1. Data free flow with trust", "Government access")
    assert passage(doc, "Brussels")[1].heading_path == ("Position paper on data flows",)
    _, jp = passage(doc, "供給網")
    assert jp.heading_path[-1] == "2. 半導体" and "令和6年4月30日" in doc.text
    _, row = passage(doc, "Align definitions")
    assert doc.text[row.start : row.end] == "AI | Align definitions"
    _, note = passage(doc, "See the G7 text.")
    assert note.heading_path == ("Footnotes",) and note.content
    p = doc.proposed
    assert p.title == "Data flows paper"
    assert p.date == date(2023, 6, 27)  # the dateline in the text beats the file's created date
    assert p.extra["author"] == "Jane Officer"


def test_docx_without_styles_falls_back_to_the_text_rules(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "plain.docx",
        [
            ("", "Joint statement"),
            ("", ""),
            ("", "1. Semiconductors"),
            ("", ""),
            ("", "The parties will cooperate on semiconductor supply chains and research."),
        ],
    )
    doc = read_path(path)
    _, seg = passage(doc, "supply chains")
    assert seg.heading_path[-1] == "1. Semiconductors"


def test_docx_named_txt_is_read_by_content(policy_docx: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "paper.txt"
    renamed.write_bytes(policy_docx.read_bytes())
    assert detect_format(renamed) == "docx"
    assert read_path(renamed).format == "docx"


def test_bad_docx_inputs(policy_docx: Path, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="damaged"):
        read_path(truncate_file(policy_docx, tmp_path / "cut.docx"))
    with pytest.raises(IngestError, match="zip bomb"):
        read_path(make_zip_bomb(tmp_path / "bomb.docx"))
    ole = tmp_path / "locked.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(IngestError, match="password-protected"):
        read_path(ole)


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_pages_running_heads_and_metadata(tmp_path: Path) -> None:
    body = [
        "1. Semiconductors",
        "",
        "The parties agreed to strengthen cooperation on semiconductor supply",
        "chains and research.",
    ]
    pages = [
        ["Ministry of Examples - Press release", *body, "Page 1 of 3"],
        [
            "Ministry of Examples - Press release",
            "2. Quantum",
            "",
            "Joint research on quantum technologies will continue in 2025 and beyond.",
            "Page 2 of 3",
        ],
        [
            "Ministry of Examples - Press release",
            "3. Submarine cables",
            "",
            "Both sides will support secure submarine cables between Europe and Japan.",
            "Page 3 of 3",
        ],
    ]
    path = make_text_pdf(tmp_path / "release.pdf", pages, title="Outcome of the dialogue")
    doc = read_path(path)
    check_offsets(doc)
    assert doc.format == "pdf"
    assert doc.proposed.title == "Outcome of the dialogue"
    assert doc.proposed.extra["author"] == "Test Author"
    furniture = [doc.text[s.start : s.end] for s in doc.segments if not s.content]
    assert furniture.count("Ministry of Examples - Press release") == 3
    assert {"Page 1 of 3", "Page 2 of 3", "Page 3 of 3"} <= set(furniture)
    _, q = passage(doc, "quantum technologies")
    assert q.page == 2 and q.heading_path == ("2. Quantum",)
    _, c = passage(doc, "submarine cables between")
    assert c.page == 3 and c.content


def test_pdf_hyphenation_and_ligatures_are_repaired() -> None:
    raw = ["The coopera-", "tion on ﬁbre and ﬂows", "EU-", "Japan"]
    lines = [line.text for line in _repair([Line(x) for x in raw])]
    assert lines == ["The cooperation on fibre and flows", "EU-", "Japan"]


def test_pdf_without_text_layer_encrypted_or_corrupt(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(IngestError, match=r"no text layer \(it is probably a scan\)"):
        read_path(scan)
    writer.encrypt("secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(IngestError, match="password-protected"):
        read_path(locked)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n" + b"\x00garbage" * 50)
    with pytest.raises(IngestError, match=r"damaged|no pages"):
        read_path(broken)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_written_by_libreoffice(policy_docx: Path, tmp_path: Path) -> None:
    make_docx(
        tmp_path / "long.docx",
        [("Heading 1", "1. Semiconductors")]
        + [
            ("", f"Paragraph {i} on semiconductor supply chains and joint research. " * 6)
            for i in range(40)
        ],
        header="Briefing pack header",
        page_footer=True,
    )
    (pdf,) = soffice_to_pdf([tmp_path / "long.docx"], tmp_path)
    doc = read_path(pdf)
    check_offsets(doc)
    pages = [s.page for s in doc.segments]
    assert pages == sorted(pages) and max(p or 0 for p in pages) >= 2
    heads = [s for s in doc.segments if doc.text[s.start : s.end] == "Briefing pack header"]
    assert len(heads) >= 2 and not any(s.content for s in heads)
    _, seg = passage(doc, "Paragraph 39")
    assert seg.heading_path == ("1. Semiconductors",)


# --- HTML ----------------------------------------------------------------------------------


def test_html_structure_furniture_and_meta(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        """<!doctype html><html lang="ja"><head><meta charset="shift_jis">
<title>日EU デジタルパートナーシップ | 総務省</title>
<meta property="og:site_name" content="総務省">
<meta property="article:published_time" content="2024-04-30T10:00:00+09:00">
</head><body>
<nav class="global-nav"><ul><li>ホーム</li><li>報道資料</li></ul></nav>
<div class="cookie-consent">本サイトではクッキーを使用しています。</div>
<main><h1>第2回日EUデジタルパートナーシップ閣僚会合の結果</h1>
<p>令和6年4月30日、ブリュッセルにおいて
第2回会合が開催されました。</p>
<h2>１．半導体</h2><ul><li>研究開発で協力する。<ul><li>専門家チームを設置した。</li></ul></li></ul>
<table><tr><th>分野</th><th>成果</th></tr><tr><td>AI</td><td>協力の強化</td></tr></table>
</main><footer><p>著作権 総務省</p></footer>
<script>var x = 1;</script></body></html>""",
        encoding="shift_jis",
    )
    doc = read_path(page)
    check_offsets(doc)
    assert doc.format == "html" and doc.proposed.language == "ja"
    assert doc.proposed.title == "第2回日EUデジタルパートナーシップ閣僚会合の結果"
    assert doc.proposed.date == date(2024, 4, 30)
    assert doc.proposed.organisations == ("総務省",)
    text, _ = passage(doc, "ブリュッセル")
    assert "において第2回" in text  # no space invented where the source broke the line
    _, nested = passage(doc, "専門家チーム")
    assert nested.kind == "bullet" and nested.level == 2
    assert nested.heading_path == ("第2回日EUデジタルパートナーシップ閣僚会合の結果", "１．半導体")
    assert passage(doc, "AI | 協力の強化")[1].content
    for needle in ("ホーム", "クッキー", "著作権"):
        assert not passage(doc, needle)[1].content
    assert "var x" not in doc.text
    assert suggest_kind(doc) == "official"


def test_html_that_is_mostly_script_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "app.html"
    page.write_text(
        "<html><head><script>" + "function f(){return 1;}\n" * 400 + "</script></head>"
        "<body><div id='root'></div><noscript>Enable JavaScript.</noscript></body></html>"
    )
    with pytest.raises(IngestError, match="mostly script"):
        read_path(page)


def test_html_named_txt_is_sniffed(tmp_path: Path, seed_file: Path) -> None:
    path = seed_to_html(seed_file.read_text(encoding="utf-8"), tmp_path / "saved.txt", title="X")
    assert detect_format(path) == "html"


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_headings_and_lists(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text(
        "# Meeting notes\n\nIntro paragraph about the EU-Japan dialogue and its outcome.\n\n"
        "## Data\n\n- Data free flow with trust\n  continues on a second line\n"
        "    * Nested point on data\n\n```\ncode block\n```\n",
        encoding="utf-8",
    )
    doc = read_path(md)
    check_offsets(doc)
    assert doc.format == "markdown" and doc.proposed.title == "Meeting notes"
    text, seg = passage(doc, "Data free flow")
    assert text == "Data free flow with trust\n  continues on a second line"
    assert seg.kind == "bullet" and seg.heading_path == ("Meeting notes", "Data")
    _, nested = passage(doc, "Nested point")
    assert nested.level == 2
    assert passage(doc, "code block")[1].kind == "paragraph"


# --- E-mail --------------------------------------------------------------------------------


def test_eml_headers_body_and_attachments(tmp_path: Path, policy_docx: Path) -> None:
    mail = make_eml(
        tmp_path / "mail.eml",
        subject="Fwd: Outcome of the Digital Partnership Council",
        sender="METI Press <press@meti.go.jp>",
        body="Dear colleagues,\n\nThe Council agreed to cooperate on semiconductors and "
        "quantum research.\n\nBest regards\n",
        attachments=[
            (
                "paper.docx",
                policy_docx.read_bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            ("notes.txt", b"Short note on AI cooperation with Japan.\n", "text/plain"),
        ],
    )
    doc = read_path(mail)
    check_offsets(doc)
    p = doc.proposed
    assert doc.format == "eml"
    assert p.title == "Outcome of the Digital Partnership Council"
    assert p.date == date(2024, 4, 30)
    assert p.organisations == ("meti.go.jp",)
    assert p.extra["attachments"] == "paper.docx; notes.txt"
    assert not passage(doc, "From: METI Press")[1].content
    assert passage(doc, "quantum research")[1].content
    assert suggest_kind(doc) == "official"
    listed = list_attachments(mail)
    assert [(a.index, a.filename) for a in listed] == [(0, "paper.docx"), (1, "notes.txt")]
    inner = read_attachment(mail, 0)
    assert inner.format == "docx" and inner.origin == "mail.eml › paper.docx"
    assert "Independent oversight applies." in inner.text
    with pytest.raises(IngestError, match="no attachment #3"):
        read_attachment(mail, 2)


def test_html_only_eml(tmp_path: Path) -> None:
    mail = make_eml(
        tmp_path / "html.eml",
        subject="Keidanren statement",
        sender="Keidanren Federation <info@keidanren.or.jp>",
        html="<html><body><h1>Statement</h1><p>Industry calls for aligned AI rules "
        "between the EU and Japan.</p></body></html>",
    )
    doc = read_path(mail)
    assert passage(doc, "aligned AI rules")[1].heading_path == ("Statement",)
    assert doc.proposed.organisations == ("Keidanren Federation",)
    assert suggest_kind(doc) == "industry"


# --- Limits and plain text -----------------------------------------------------------------


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.pdf"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(IngestError, match="200 MB"):
        read_path(big)


def test_pasted_text_still_works() -> None:
    doc = read_text("日欧協力について\n\n１．半導体\n\n半導体の供給網を強化する。\n")
    assert doc.format == "text" and any(s.heading_path == ("１．半導体",) for s in doc.segments)


def test_pdf_reflow_joins_wrapped_lines_and_keeps_list_items() -> None:
    """A wrapped line is joined even when it is short, if the next word could not fit;
    "(HPC)" starting a line is a wrap, "(a)" a list item."""
    from briefer.ingest.pdf_reader import _reflow

    lines = [
        "The EU and Japan will continue their joint work on high-performance computing",
        "(HPC) and have identified hybrid quantum-HPC applications to further cooperate.",
        "Both sides agreed on three points, listed below for the record of the meeting:",
        "(a) research funding;",
        "Short heading line",
        "A paragraph that follows the heading and runs on to fill the line completely.",
    ]
    out = _reflow(lines, width=max(len(x) for x in lines))
    assert out[0].startswith("The EU and Japan") and "(HPC) and have" in out[0]
    assert "(a) research funding;" in out
    assert "Short heading line" in out  # room for the next word: a real break


LIBRARY_FILES = Path(__file__).resolve().parent / "library_files"


def test_public_pdf_library_test_files_without_xref_table_are_read() -> None:
    """pdfminer.six's own sample PDFs (library_files/LICENCES.md): no cross-reference table,
    which pypdf refuses; PDFium rebuilds it, as viewers do. One in a predefined Japanese CID
    font. Every passage is exactly its slice of the text."""
    latin = read_path(LIBRARY_FILES / "pdfminer-simple1.pdf")
    assert latin.text.split() == ["Hello", "World", "Hello", "World"]
    japanese = read_path(LIBRARY_FILES / "pdfminer-simple3.pdf")
    assert "あいうえお" in japanese.text and "World" in japanese.text
    for doc in (latin, japanese):
        assert doc.segments
        for seg in doc.segments:
            piece = doc.text[seg.start : seg.end]
            assert piece and piece == piece.strip()


def test_a_pdf_that_pdfium_cannot_open_either_is_still_refused(tmp_path: Path) -> None:
    broken = tmp_path / "no-xref.pdf"
    data = (LIBRARY_FILES / "pdfminer-simple1.pdf").read_bytes()
    broken.write_bytes(data.replace(b"/Type /Catalog", b"/Type /Nothing").replace(b"obj", b"ob"))
    with pytest.raises(IngestError, match=r"is damaged: it is not a readable PDF"):
        read_path(broken)
