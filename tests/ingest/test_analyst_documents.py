"""Real-shaped documents read as an analyst reads them (issue 17), English and Japanese.

Each test builds its inputs in ``analyst_fixtures`` (or here) and checks what the officer
would otherwise fix by hand: title, organisations, date, kind, heading paths, furniture,
and that every passage is exactly ``source.text[start:end]``.
"""

from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path

import pytest
from analyst_fixtures import Labelled, build
from format_fixtures import SOFFICE, make_text_pdf
from metadata_accuracy import FIELDS, score, table

from briefer.app import main
from briefer.errors import IngestError
from briefer.ingest import ocr
from briefer.ingest.kind import suggest_kind
from briefer.ingest.model import Document, Segment
from briefer.ingest.readers import read_path

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def analyst_set(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Labelled]:
    return {d.path.name: d for d in build(tmp_path_factory.mktemp("analyst"))}


def check_offsets(doc: Document) -> None:
    for seg in doc.segments:
        piece = doc.text[seg.start : seg.end]
        assert piece == piece.strip() and piece, seg


def find(doc: Document, needle: str) -> Segment:
    found = [s for s in doc.segments if needle in doc.text[s.start : s.end]]
    assert found, f"{needle!r} not in any passage"
    return found[0]


def texts(doc: Document, *, content: bool) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.segments if s.content is content]


# --- metadata on the whole set ---------------------------------------------------------


def test_metadata_accuracy_on_the_analyst_set(analyst_set: dict[str, Labelled]) -> None:
    rows = score(list(analyst_set.values()))
    for field in FIELDS:
        right = sum(r.right[field] for r in rows)
        assert right >= len(rows) - 1, (field, table(rows))


# --- 1. titles ---------------------------------------------------------------------------


@needs_soffice
def test_pdf_title_set_over_two_lines_is_one_title(analyst_set: dict[str, Labelled]) -> None:
    doc = read_path(analyst_set["council-results-en.pdf"].path)
    check_offsets(doc)
    assert doc.proposed.title == analyst_set["council-results-en.pdf"].title
    title = find(doc, "Results of the Japan-EU Digital")
    assert title.kind == "heading" and "quantum technology" in doc.text[title.start : title.end]


def test_breadcrumb_and_masthead_are_not_titles(analyst_set: dict[str, Labelled]) -> None:
    release = read_path(analyst_set["quantum-release.txt"].path)
    assert release.proposed.title == "EU and Japan deepen cooperation on quantum research"
    assert not find(release, "Home › Newsroom").content
    newsletter = read_path(analyst_set["newsletter-ja.txt"].path)
    assert newsletter.proposed.title == "日EU経済連携協定の最新動向"


def test_title_set_over_several_short_lines_is_joined(tmp_path: Path) -> None:
    """A title broken over seven lines of one block (commas and "and" at the line ends, a
    line starting "by") is one title; a site trail saved without separators is not it."""
    lines = [
        "Statements and Speeches Example Ministry of Trade top page",
        "",
        "Joint Press Conference",
        "by the Minister for Trade of Exampleland,",
        "Ms Anna Example,",
        "Commissioner for Trade and",
        "Mr Ben Sample,",
        "Director-General of the Example Office",
        "Following the 4th Trade Dialogue",
        "",
        "12 May 2021",
        "",
        "The two sides discussed supply chains for batteries and the next round of talks.",
    ]
    path = tmp_path / "conference.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = read_path(path)
    assert doc.proposed.title == " ".join(lines[2:9])
    assert doc.proposed.date == date(2021, 5, 12)
    # A heading followed by a hard-wrapped paragraph is not a title over several lines.
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(
        "Battery supply chains\nthe partners agreed to map the supply chain of battery\n"
        "materials and to meet again in the autumn.\n",
        encoding="utf-8",
    )
    assert read_path(wrapped).proposed.title == "Battery supply chains"


def test_docx_running_head_above_the_title_style_is_not_the_title(tmp_path: Path) -> None:
    """A long line with no sentence end above the Title-styled paragraph (a running head
    pasted into the body) is not the title; an opening sentence before a heading still
    makes that heading a section, not the title."""
    from format_fixtures import make_docx

    head = "Committee 2: Energy and Climate Example Forum 2020 Annual Report Draft Copy"
    path = make_docx(
        tmp_path / "report.docx",
        [
            ("", head),
            ("Title", "Annual Report of the Example Forum to the Ministers of Both Partners"),
            ("", "Brussels, 3 March 2020"),
            ("Heading 1", "Recommendations"),
            ("", "The forum calls on both governments to align their hydrogen standards."),
        ],
    )
    doc = read_path(path)
    assert doc.proposed.title == (
        "Annual Report of the Example Forum to the Ministers of Both Partners"
    )
    assert not any(s.kind == "heading" and doc.text[s.start : s.end] == head for s in doc.segments)
    prose = make_docx(
        tmp_path / "prose.docx",
        [
            ("", "The forum met in Brussels on 3 March 2020 to agree its annual message."),
            ("Heading 1", "Recommendations"),
            ("", "The forum calls on both governments to align their hydrogen standards."),
        ],
    )
    assert read_path(prose).proposed.title != "Recommendations"


# --- 2. organisations from the text ----------------------------------------------------


def test_organisations_from_letterhead_source_line_signatories_and_first_line(
    analyst_set: dict[str, Labelled],
) -> None:
    for name in (
        "quantum-release.txt",
        "ai-position.txt",
        "joint-statement.docx",
        "republished-outcome.html",
        "newsletter-ja.txt",
    ):
        want = analyst_set[name].organisations
        assert set(read_path(analyst_set[name].path).proposed.organisations) == set(want), name


# --- 3. dates ----------------------------------------------------------------------------


def test_published_month_year_and_document_date_over_file_date(
    analyst_set: dict[str, Labelled], tmp_path: Path
) -> None:
    doc = read_path(analyst_set["joint-statement.docx"].path)
    assert doc.proposed.date == date(2024, 4, 30)  # the meeting in its first sentence
    assert doc.proposed.extra["file_date"] == "2013-12-23"  # shown beside it
    store = tmp_path / "s.sqlite"
    path = str(analyst_set["joint-statement.docx"].path)
    assert main(["--store", str(store), "import", path, "--kind", "auto", "--dry-run"]) == 0
    paper = read_path(analyst_set["ai-position.txt"].path)
    assert paper.proposed.date == date(2024, 2, 12)


def test_dry_run_shows_both_dates(
    analyst_set: dict[str, Labelled], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(analyst_set["joint-statement.docx"].path)
    store = str(tmp_path / "s.sqlite")
    main(["--store", store, "import", path, "--kind", "auto", "--dry-run"])
    out = capsys.readouterr().out
    assert "date 2024-04-30 (file properties: 2013-12-23)" in out
    main(["--store", store, "--json", "import", path, "--kind", "auto", "--dry-run"])
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0]["file_date"] == "2013-12-23"


# --- 4. kind -----------------------------------------------------------------------------


def test_republished_outcome_is_official_and_news_is_other(
    analyst_set: dict[str, Labelled],
) -> None:
    assert suggest_kind(read_path(analyst_set["republished-outcome.html"].path)) == "official"
    assert suggest_kind(read_path(analyst_set["news-industry-proposal.html"].path)) == "other"
    assert suggest_kind(read_path(analyst_set["joint-statement.docx"].path)) == "industry"


# --- 5. Japanese PDFs ----------------------------------------------------------------------


@needs_soffice
def test_japanese_pdf_spacing_headings_and_page_break(analyst_set: dict[str, Labelled]) -> None:
    doc = read_path(analyst_set["council-results-ja.pdf"].path)
    check_offsets(doc)
    # No space between kanji and Latin letters or digits: the phrase is found as written.
    assert "日本とEUは2024年4月30日にブリュッセルで" in doc.text
    assert "日 EU" not in doc.text and "第 2 回" not in doc.text
    assert doc.proposed.title.startswith("日EUデジタルパートナーシップ協議会の結果")
    headings = {s.heading_path: s.page for s in doc.segments if s.kind == "heading"}
    assert headings[("１．背景",)] == 1
    sub = headings[("１．背景", "（１）半導体")]
    after_break = headings[("２．今後の取組",)]  # the first line after a page break
    assert after_break is not None and sub is not None and after_break > sub
    body = find(doc, "次回の協議会は2025年")
    assert body.heading_path == ("２．今後の取組",) and body.page == after_break
    assert find(doc, "双方は半導体").heading_path == ("１．背景", "（１）半導体")
    # Heading and body are separate passages (not glued), and the title is one passage.
    assert doc.text[find(doc, "１．背景").start : find(doc, "１．背景").end] == "１．背景"
    assert len([s for s in doc.segments if "日EUデジタル" in doc.text[s.start : s.end]]) == 1


def test_japanese_numbering_in_plain_text(analyst_set: dict[str, Labelled]) -> None:
    doc = read_path(analyst_set["newsletter-ja.txt"].path)
    check_offsets(doc)
    assert find(doc, "１．概要").kind == "heading"
    assert find(doc, "双方は半導体").heading_path == ("１．概要", "（１）半導体")
    subhead = find(doc, "今後の予定")
    assert subhead.kind == "heading"
    assert find(doc, "次回の合同委員会").heading_path[-1] == "今後の予定"


def test_japanese_pdf_from_plain_lines_keeps_numbered_heading_after_page_break(
    tmp_path: Path,
) -> None:
    """A PDF without font differences (one font, one size): the text's shape decides."""
    doc = read_path(
        make_text_pdf(
            tmp_path / "plain.pdf",
            [
                ["1. Semiconductors", "", "The sides agreed on an early warning mechanism."],
                ["2. Quantum", "", "Joint research on quantum computing will continue."],
            ],
        )
    )
    assert find(doc, "Joint research").heading_path == ("2. Quantum",)
    assert find(doc, "2. Quantum").page == 2


# --- 6. PDF headings from fonts and outline -------------------------------------------------


@needs_soffice
def test_pdf_headings_from_font_sizes_and_outline(analyst_set: dict[str, Labelled]) -> None:
    doc = read_path(analyst_set["council-results-en.pdf"].path)
    heads = [doc.text[s.start : s.end] for s in doc.segments if s.kind == "heading" and s.content]
    assert heads[1:] == [
        "1. Semiconductors",
        "1.1 Early warning mechanism",
        "2. Quantum technology",
    ]
    assert find(doc, "early warning mechanism for supply").heading_path == (
        "1. Semiconductors",
        "1.1 Early warning mechanism",
    )
    assert find(doc, "Joint research on quantum").heading_path == ("2. Quantum technology",)


# --- 7. e-mail -----------------------------------------------------------------------------


def test_forwarded_mail_signatures_disclaimer_and_quotes_are_furniture(
    analyst_set: dict[str, Labelled],
) -> None:
    doc = read_path(analyst_set["fwd-position-en.eml"].path)
    check_offsets(doc)
    furniture = "\n".join(texts(doc, content=False))
    for piece in (
        "Tom Weber\nDesk officer",
        "Director, International Affairs",
        "confidential",
        "Could you send us",
        "Forwarded message",
        "Tel: +81",
    ):
        assert piece in furniture, piece
    content = "\n".join(texts(doc, content=True))
    assert "calls on the EU and Japan" in content and "joint expert group" in content
    assert doc.proposed.organisations == ("Japan Electronics Example Association (JEEA)",)
    assert doc.proposed.date == date(2024, 4, 29)  # the original message's date
    ja = read_path(analyst_set["fwd-request-ja.eml"].path)
    assert ja.proposed.organisations == ("一般社団法人日本例示工業会",)
    assert "本メールは機密情報" in "\n".join(texts(ja, content=False))
    assert "共同研究の拡充" in "\n".join(texts(ja, content=True))


def test_mail_attachments_listed_with_the_command_that_imports_each(
    analyst_set: dict[str, Labelled], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = str(analyst_set["fwd-position-en.eml"].path)
    store = str(tmp_path / "s.sqlite")
    assert main(["--store", store, "import", mail, "--kind", "auto"]) == 0
    out = capsys.readouterr().out
    assert f"attachment 1: position.txt  (briefer import {mail} --attachment 1" in out
    assert main(["--store", store, "import", mail, "--attachment", "1", "--kind", "industry"]) == 0
    assert "imported  #2" in capsys.readouterr().out
    assert main(["--store", store, "import", mail, "--attachment", "5", "--kind", "other"]) == 1
    assert "no attachment #5" in capsys.readouterr().err


# --- 8. furniture --------------------------------------------------------------------------


def test_contact_blocks_download_links_and_metadata_lines_are_furniture(
    analyst_set: dict[str, Labelled],
) -> None:
    doc = read_path(analyst_set["quantum-release.txt"].path)
    check_offsets(doc)
    furniture = texts(doc, content=False)
    for line in (
        "Source: European Commission",
        "Press contact:",
        "Anna Example",
        "Spokesperson for research",
        "Tel: +32 2 123 45 67",
    ):
        assert any(line in f for f in furniture), line
    assert find(doc, "agreed today to launch joint").content
    statement = read_path(analyst_set["joint-statement.docx"].path)
    assert not find(statement, "Download the full position paper").content
    newsletter = read_path(analyst_set["newsletter-ja.txt"].path)
    assert not find(newsletter, "出典：欧州委員会").content
    assert not find(newsletter, "電話：03").content


def test_furniture_draws_no_topic_tags(analyst_set: dict[str, Labelled], tmp_path: Path) -> None:
    from briefer.library import sources
    from briefer.library.seeds import load_seeds
    from briefer.store import open_store

    store = open_store(tmp_path / "tags.sqlite")
    try:
        load_seeds(store)
        info = sources.import_file(
            store, analyst_set["quantum-release.txt"].path, sources.SourceFields(kind="official")
        )
        detail = sources.get_source(store, info.id)
        assert any(p.topics for p in detail.passages if p.content)
        assert not any(p.topics for p in detail.passages if not p.content)
    finally:
        store.close()


# --- 9. scanned PDFs -----------------------------------------------------------------------


def _scan_pdf(tmp_path: Path, pages: list[list[str]]) -> Path:
    """An image-only PDF: text pages rendered by PDFium, embedded as grey images."""
    import pypdfium2 as pdfium

    text_pdf = make_text_pdf(tmp_path / "typed.pdf", pages)
    images: list[tuple[int, int, bytes]] = []
    pdf = pdfium.PdfDocument(str(text_pdf))
    for i in range(len(pdf)):
        bitmap = pdf[i].render(scale=200 / 72, grayscale=True)
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        data = bytes(bitmap.buffer)
        images.append((w, h, b"".join(data[y * stride : y * stride + w] for y in range(h))))
    pdf.close()
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(len(images)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(images)} >>".encode())
    for i, (w, h, pixels) in enumerate(images):
        page, content, image = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
            f"/Resources << /XObject << /Im{i} {image} 0 R >> >> >>".encode()
        )
        ops = f"q 595 0 0 842 0 0 cm /Im{i} Do Q".encode()
        objects.append(f"<< /Length {len(ops)} >>\nstream\n".encode() + ops + b"\nendstream")
        packed = zlib.compress(pixels)
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(packed)} >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
        assert page  # numbering above is the objects' order
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(out))
    return path


SCAN_PAGES = [
    ["Outcome of the dialogue", "", "The parties agreed to cooperate on semiconductors."],
    ["Next steps", "", "Joint research on quantum computing will continue."],
]


def test_scan_without_tesseract_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = _scan_pdf(tmp_path, SCAN_PAGES)
    monkeypatch.delenv("BRIEFER_TESSERACT", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(IngestError, match=r"no text layer \(it is probably a scan\)") as err:
        read_path(scan)
    assert "tesseract-ocr tesseract-ocr-jpn" in str(err.value)
    with pytest.raises(IngestError, match="install Tesseract"):
        read_path(scan, ocr=True)


@pytest.mark.skipif(ocr.tesseract() is None, reason="Tesseract is not installed")
def test_scan_read_by_ocr_keeps_pages_and_says_it_was_ocrd(tmp_path: Path) -> None:
    scan = _scan_pdf(tmp_path, SCAN_PAGES)
    with pytest.raises(IngestError, match="Import it with --ocr"):
        read_path(scan)
    doc = read_path(scan, ocr=True)
    check_offsets(doc)
    assert find(doc, "semiconductors").page == 1
    assert find(doc, "quantum computing").page == 2
    assert doc.proposed.extra["text_layer"].startswith("ocr (tesseract")
    note = find(doc, "Text recognised by OCR")
    assert not note.content  # marked in the source, but never quoted as content


# --- 10. near-duplicates across formats ------------------------------------------------------


@needs_soffice
def test_same_paper_as_docx_and_pdf_is_offered_not_silently_imported(
    analyst_set: dict[str, Labelled], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import store_digest

    from briefer.library.importing import import_paths
    from briefer.library.sources import SourceFields
    from briefer.store import open_store

    docx = analyst_set["council-results-en.pdf"].path.with_suffix(".docx")
    pdf = analyst_set["council-results-en.pdf"].path
    store = open_store(tmp_path / "nd.sqlite")
    try:
        first = import_paths(store, [docx], SourceFields(kind="official"))
        assert first.imported == 1
        before = store_digest(store)
        held = import_paths(store, [pdf], SourceFields(kind="official"))
        (result,) = held.results
        assert result.status == "near_duplicate" and result.near_duplicates
        assert result.near_duplicates[0].source_id == first.results[0].source.id  # type: ignore[union-attr]
        assert result.near_duplicates[0].similarity >= 0.8
        for choice in ("--new-version-of", "duplicate", "--keep-both"):
            assert choice in result.reason
        assert store_digest(store) == before  # held: nothing written
        kept = import_paths(store, [pdf], SourceFields(kind="official"), near_duplicate="keep_both")
        assert kept.imported == 1 and kept.results[0].near_duplicates
    finally:
        store.close()
    cli_store = str(tmp_path / "cli.sqlite")
    assert main(["--store", cli_store, "import", str(docx), "--kind", "official"]) == 0
    assert main(["--store", cli_store, "import", str(pdf), "--kind", "official"]) == 0
    out = capsys.readouterr().out
    assert "near_duplicate" in out and "--new-version-of 1" in out and "held" in out


def test_sketch_of_the_migration_matches_the_library() -> None:
    import importlib

    from briefer.library.near_duplicates import sketch

    migration = importlib.import_module("briefer.store.migrations.versions.0010_source_sketch")
    text = " ".join(
        f"Item {i}: the parties agreed on point {i * 7} of the plan." for i in range(40)
    )
    text += "".join(f"日本とEUは第{i}回会合で合意した。" for i in range(20))
    assert sketch(text) == migration.sketch(text) and len(sketch(text)) == 32
    assert sketch("too short to sketch") == []


def test_accuracy_script_scores_the_three_sets(capsys: pytest.CaptureFixture[str]) -> None:
    import metadata_accuracy

    assert metadata_accuracy.main() == 0
    out = capsys.readouterr().out
    assert "Analyst set" in out and "Held-out set" in out and "Real public pages" in out
    assert out.count("| all |") == 3


def test_real_pages_keep_their_measured_accuracy(tmp_path: Path) -> None:
    """The real public pages (real_fixtures.py) at least as well read as when measured:
    title 14, organisations 11, date 14, kind 13 of 14 (one fewer without LibreOffice's PDF)."""
    import metadata_accuracy
    import real_fixtures

    rows = metadata_accuracy.score(real_fixtures.build(tmp_path))
    right = {f: sum(r.right[f] for r in rows) for f in metadata_accuracy.FIELDS}
    missing = len(real_fixtures.LABELS) - len(rows)  # the PDF when soffice is absent
    floors = {"title": 14, "organisations": 11, "date": 14, "kind": 13}
    for field, floor in floors.items():
        assert right[field] >= floor - missing, (field, right)
