"""The Word export: structure, citations, headers/footers, fonts, templates and safe writing."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Inches
from export_fixtures import (
    IND_AI_1,
    IND_AI_2,
    IND_DATA_1,
    IND_JP_1,
    OFF_AI_1,
    OFF_JP_1,
    OFF_JP_2,
)

from briefer.errors import ExportError
from briefer.export import export_brief
from briefer.export.docx_writer import TOC_INSTRUCTION, quote_marks, write_docx
from briefer.export.options import ExportOptions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _export(brief, tmp_path: Path, **kw) -> Document:
    kw.setdefault("toc_page_numbers", False)  # the LibreOffice layout pass has its own tests
    path = write_docx(brief, tmp_path / "brief.docx", ExportOptions(**kw))
    return Document(str(path))


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _cell_texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def test_one_heading_per_section_in_brief_order(brief, tmp_path):
    doc = _export(brief, tmp_path)
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    topics = [s.topic for s in brief.sections]
    assert h1 == topics  # topic headings only: front matter and annex are "Brief Heading"
    other = [p.text for p in doc.paragraphs if p.style.name == "Brief Heading"]
    assert other[0] == "Objectives" and other[-1] == "Annex: Sources"
    # The marking is in the header and footer only: page 1 printed it three times before.
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == brief.title
    assert all(p.style.name != "Brief Marking" for p in doc.paragraphs)


def test_opening_block_and_assessment_lines(brief, tmp_path):
    texts = _texts(_export(brief, tmp_path))
    assert "Date: 30 April 2024" in texts
    assert "Venue: Brussels, Berlaymont" in texts
    assert "Prepared by: A. Officer, Digital Policy Unit" in texts
    assert "Version: “Draft 2”" in texts
    assert "Status: Draft" in texts
    assert "Assessment: Partly addressed — Sandboxes accepted, definition narrower than asked" in (
        texts
    )
    assert "Assessment: Aligned" in texts


def test_two_independent_columns_not_row_pairs(brief, tmp_path):
    doc = _export(brief, tmp_path)
    assert len(doc.tables) == 3
    for table in doc.tables:
        header = table.rows[0].cells
        assert [c.text for c in header] == ["Industry position", "Official outcome"]
        assert len(table.rows) == 2  # one body row: each column lists its own quotes
    ai, chips, data = doc.tables
    left, right = ai.rows[1].cells
    quotes = [p.text for p in left.paragraphs if p.style.name == "Brief Quote"]
    assert quotes == [quote_marks(IND_AI_1), quote_marks(IND_AI_2.replace("\x07", ""))]
    assert [p.text for p in right.paragraphs if p.style.name == "Brief Quote"] == [
        quote_marks(OFF_AI_1)
    ]
    assert _cell_texts(chips.rows[1].cells[0])[0] == quote_marks(IND_JP_1)
    official = [p.text for p in chips.rows[1].cells[1].paragraphs if p.style.name == "Brief Quote"]
    assert official == [quote_marks(OFF_JP_1), quote_marks(OFF_JP_2)]
    assert _cell_texts(data.rows[1].cells[0])[0] == quote_marks(IND_DATA_1)
    placeholder = data.rows[1].cells[1].paragraphs[0]
    assert placeholder.text == "No official outcome on record."
    assert placeholder.style.name == "Brief Placeholder"


def test_quote_and_citation_styles_and_text(brief, tmp_path):
    doc = _export(brief, tmp_path)
    cell = doc.tables[0].rows[1].cells[0]
    quote, cite = cell.paragraphs[0], cell.paragraphs[1]
    assert quote.style.name == "Brief Quote"
    assert quote.text == f"“{IND_AI_1}”"  # in quotation marks, as on screen
    assert cite.style.name == "Brief Citation"
    assert cite.text == "[1] DIGITALEUROPE, JBCE, JEITA, Joint industry letter, 1 Mar 2022, p. 3"
    cite2 = cell.paragraphs[3].text
    assert cite2 == (
        "[1] DIGITALEUROPE, JBCE, JEITA, Joint industry letter, 1 Mar 2022, "
        "§ 4. Artificial Intelligence (AI) › AI regulatory sandboxes"
    )
    assert doc.tables[0].rows[1].cells[1].paragraphs[1].text.startswith("[2] Council of the EU")


def test_table_rows_repeat_header_and_do_not_split(brief, tmp_path):
    doc = _export(brief, tmp_path)
    table = doc.tables[0]
    first = table.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None
    assert first.find(qn("w:cantSplit")) is not None
    body = table.rows[1]._tr.trPr
    assert body is None or body.find(qn("w:cantSplit")) is None  # a long column flows on
    assert table.style.name == "Brief Table"
    widths = [c.width for c in table.columns]
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert widths[0] == widths[1]
    assert abs(sum(widths) - text_width) < Cm(0.05)


def test_lists_and_background(brief, tmp_path):
    doc = _export(brief, tmp_path)
    numbered = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered[:2] == ["We welcome the risk-based approach.", "We will keep SMEs in mind."]
    # "If asked" is numbered, as on screen
    assert "On timing: trilogues continue this spring." in numbered
    assert "Bell character should vanish." in numbered  # \x07 removed, no crash
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Confirm semiconductor dialogue"]
    # every numbered list restarts: each list uses its own w:num
    num_ids = {
        p._p.pPr.numPr.numId.val for p in doc.paragraphs if p.style.name == "List Number"
    }
    assert len(num_ids) == 4
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert h2.count("Lines to take") == 2 and "Background" in h2


def test_notes_only_with_include_notes(brief, tmp_path):
    plain = "\n".join(_texts(_export(brief, tmp_path)))
    assert "NOTE-ONLY" not in plain and "Notes" not in plain
    (tmp_path / "n").mkdir()
    with_notes = _texts(_export(brief, tmp_path / "n", include_notes=True))
    assert "Notes" in with_notes
    assert "NOTE-ONLY: check with the legal service before the meeting." in with_notes


def test_annex_lists_every_cited_source_in_citation_order(brief, tmp_path):
    doc = _export(brief, tmp_path)
    entries = [p.text for p in doc.paragraphs if p.style.name == "Brief Annex"]
    assert len(entries) == 4
    assert entries[0].startswith("[1]\tJoint industry letter on the AI Act trilogues")
    assert "DIGITALEUROPE, JBCE, JEITA · Industry position · 1 Mar 2022" in entries[0]
    assert "https://example.org/joint-letter.pdf" in entries[0]
    assert entries[1].startswith("[2]\tCouncil general approach")
    assert "Official outcome" in entries[1]
    assert "council-ga.docx" not in entries[1]  # a local file name means nothing to a reader
    assert entries[2].startswith("[3]\t半導体・デジタル産業戦略")
    assert entries[3].startswith("[4]\tJEITA position on data flows")


def test_header_and_footer_carry_marking_title_and_page_fields(brief, tmp_path):
    doc = _export(brief, tmp_path)
    section = doc.sections[0]
    assert not section.different_first_page_header_footer
    header = [p for p in section.header.paragraphs if p.text]
    footer = [p for p in section.footer.paragraphs if p.text]
    assert header[0].text == "OFFICIAL-SENSITIVE"
    assert header[0].style.name == "Brief Marking"
    assert header[1].text == brief.title
    assert footer[-1].text == "OFFICIAL-SENSITIVE"
    footer_xml = section.footer._element.xml
    instr = [t.text.strip() for t in section.footer._element.iter(f"{W}instrText")]
    assert instr == ["PAGE", "NUMPAGES"]
    assert footer_xml.count('w:fldCharType="begin"') == 2
    assert footer_xml.count('w:fldCharType="end"') == 2
    assert footer[0].text.startswith("Page ") and " of " in footer[0].text
    marking_style = doc.styles["Brief Marking"]
    assert marking_style.paragraph_format.alignment == 1  # centred, via the style


def test_no_marking_means_no_marking_lines(brief, tmp_path):
    from dataclasses import replace

    doc = _export(replace(brief, marking=""), tmp_path)
    section = doc.sections[0]
    assert [p.text for p in section.header.paragraphs if p.text] == [brief.title]
    assert all(p.style.name != "Brief Marking" for p in doc.paragraphs)


def test_core_properties(brief, tmp_path):
    core = _export(brief, tmp_path).core_properties
    assert core.title == brief.title
    assert core.subject == "Meeting brief"
    assert core.author == "A. Officer"
    assert core.keywords == "Artificial Intelligence Act; 半導体 (Semiconductors); Data flows"
    assert core.created is not None and core.created.year == 2024
    assert core.modified is not None


def test_japanese_runs_get_east_asian_font(brief, tmp_path):
    doc = _export(brief, tmp_path)
    runs = [r for t in doc.tables for row in t.rows for c in row.cells
            for p in c.paragraphs for r in p.runs]
    japanese = [r for r in runs if "半導体" in r.text]
    assert japanese
    for run in japanese:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == "Yu Gothic"
    english = next(r for r in runs if r.text == quote_marks(IND_AI_1))
    assert english._r.rPr is None  # no direct formatting on plain English runs
    defaults = doc.styles.element.find(
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts"
    )
    assert defaults.get(qn("w:eastAsia")) == "Yu Gothic"


def test_toc_only_when_asked_prefilled_with_topic_entries(brief, tmp_path):
    plain = _export(brief, tmp_path)
    assert "TOC" not in plain.element.body.xml
    (tmp_path / "t").mkdir()
    doc = _export(brief, tmp_path / "t", toc=True)
    instr = [t.text for t in doc.element.body.iter(f"{W}instrText")]
    assert instr[0] == TOC_INSTRUCTION == ' TOC \\o "1-1" \\h \\z \\u '
    assert instr[1:] == [f" PAGEREF _Toc_topic_{n} \\h " for n in (1, 2, 3)]
    entries = [p.text for p in doc.paragraphs if p.style.name == "toc 1"]
    assert entries == [f"{n}. {s.topic}\t" for n, s in enumerate(brief.sections, 1)]
    assert not any("Lines to take" in e or "Objectives" in e for e in entries)  # topics only
    # Word is not asked to update fields on open (it would prompt): the entries are real.
    assert doc.settings.element.find(qn("w:updateFields")) is None
    links = [h.get(qn("w:anchor")) for h in doc.element.body.iter(f"{W}hyperlink")]
    assert links[:3] == ["_Toc_topic_1", "_Toc_topic_2", "_Toc_topic_3"]
    marks = {b.get(qn("w:name")) for b in doc.element.body.iter(f"{W}bookmarkStart")}
    assert {"_Toc_topic_1", "_Toc_topic_2", "_Toc_topic_3"} <= marks


def test_a4_portrait_by_default(brief, tmp_path):
    section = _export(brief, tmp_path).sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.0)) < Cm(0.01)


def test_letter_landscape(brief, tmp_path):
    section = _export(brief, tmp_path, paper="letter", landscape=True).sections[0]
    assert section.page_width == Inches(11)
    assert section.page_height == Inches(8.5)
    assert section.orientation == 1  # WD_ORIENT.LANDSCAPE
    table_widths = _export(brief, tmp_path, paper="letter", landscape=True).tables[0].columns
    assert sum(c.width for c in table_widths) > Inches(8.5)


def _user_template(path: Path) -> Path:
    """A department template: own Normal font, own quote style, sample body text."""
    doc = Document()
    doc.styles["Normal"].font.name = "Georgia"
    quote = doc.styles.add_style("Brief Quote", 1)
    quote.font.name = "Georgia"
    quote.font.italic = True
    doc.add_paragraph("SAMPLE BODY TEXT TO BE REMOVED")
    doc.sections[0].header.paragraphs[0].text = "Department header text"
    doc.save(str(path))
    return path


def test_user_template_is_used_and_missing_styles_added(brief, tmp_path):
    template = _user_template(tmp_path / "dept.docx")
    doc = _export(brief, tmp_path, template=template)
    assert doc.styles["Normal"].font.name == "Georgia"
    assert doc.styles["Brief Quote"].font.italic is True  # the user's definition wins
    for name in ("Brief Citation", "Brief Marking", "Brief Placeholder", "Brief Annex"):
        assert doc.styles[name] is not None
    assert doc.styles["Brief Table"].type == 3
    assert "SAMPLE BODY TEXT" not in doc.element.body.xml
    assert "Department header text" not in doc.sections[0].header._element.xml
    assert doc.tables[0].rows[1].cells[0].paragraphs[1].style.name == "Brief Citation"


def test_dotx_template_is_accepted(brief, tmp_path):
    docx_path = _user_template(tmp_path / "dept.docx")
    dotx = tmp_path / "dept.dotx"
    with zipfile.ZipFile(docx_path) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    doc = _export(brief, tmp_path, template=dotx)
    assert doc.styles["Normal"].font.name == "Georgia"


def test_bad_template_gives_export_error(brief, tmp_path):
    bad = tmp_path / "not-word.docx"
    bad.write_text("hello")
    with pytest.raises(ExportError, match="not a Word document"):
        write_docx(brief, tmp_path / "out.docx", ExportOptions(template=bad))
    with pytest.raises(ExportError, match="Cannot read the template"):
        write_docx(brief, tmp_path / "out.docx", ExportOptions(template=tmp_path / "nope.dotx"))


def test_control_characters_do_not_break_the_document(brief, tmp_path):
    doc = _export(brief, tmp_path)
    xml = doc.element.body.xml
    assert "\x07" not in xml and "\x0b" not in xml
    assert "Assessment: Official only — No official text yet  expected Q3" in _texts(doc)


def test_atomic_write_leaves_only_the_target(brief, tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"previous export")
    write_docx(brief, target)
    assert sorted(os.listdir(tmp_path)) == ["brief.docx"]
    assert zipfile.is_zipfile(target)
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 != 0o600


def test_failed_write_keeps_previous_file_and_cleans_temp(brief, tmp_path, monkeypatch):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"previous export")

    def boom(self, path):
        Path(path).write_bytes(b"partial")
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("docx.document.Document.save", boom)
    with pytest.raises(ExportError, match="open in another program"):
        write_docx(brief, target)
    assert target.read_bytes() == b"previous export"
    assert sorted(os.listdir(tmp_path)) == ["brief.docx"]


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root ignores directory permissions",
)
def test_read_only_folder_gives_export_error(brief, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match=r"^Cannot write .*brief\.docx: it is open"):
            write_docx(brief, folder / "brief.docx")
    finally:
        folder.chmod(0o755)


def test_read_only_folder_error_message_when_rename_refused(brief, tmp_path, monkeypatch):
    """Root cannot be refused by chmod; simulate the OS refusing the final rename instead."""

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr("briefer.export.atomic.os.replace", refuse)
    with pytest.raises(ExportError) as info:
        write_docx(brief, tmp_path / "brief.docx")
    message = str(info.value)
    assert message.startswith(f"Cannot write {tmp_path / 'brief.docx'}: it is open in another")
    assert "Permission denied" in message and "\n" not in message
    assert os.listdir(tmp_path) == []


def test_missing_folder_gives_export_error(brief, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_docx(brief, tmp_path / "missing" / "brief.docx")


def test_export_brief_dispatches(brief, tmp_path):
    draft = ExportOptions(draft=True)  # the fixture has an unreviewed suggestion
    path = export_brief(brief, tmp_path / "b.docx", "docx", draft)
    assert zipfile.is_zipfile(path)
    md = export_brief(brief, tmp_path / "b.md", "md", draft)
    assert md.read_text(encoding="utf-8").startswith("**OFFICIAL-SENSITIVE**")
    with pytest.raises(ExportError):
        export_brief(brief, tmp_path / "b.rtf", "rtf", ExportOptions())  # type: ignore[arg-type]


def test_default_template_defines_every_style_used(tmp_path):
    from briefer.export import make_template

    out = tmp_path / "t.docx"
    assert make_template.main([str(out)]) == 0
    doc = Document(str(out))
    names = {s.name for s in doc.styles}
    for name in (*make_template.PARAGRAPH_STYLES, *make_template.CHARACTER_STYLES,
                 *make_template.TABLE_STYLES):
        assert doc.styles[name] is not None, name
    assert "Brief Quote" in names
    assert doc.paragraphs == [] and doc.tables == []
    shipped = Path(__file__).resolve().parents[2] / "resources" / "brief-template.docx"
    shipped_names = {s.name for s in Document(str(shipped)).styles}
    assert names == shipped_names  # the committed template is up to date


def test_live_toc_for_pdf_has_entries_outside_a_toc_field(brief):
    from briefer.export.docx_writer import build_docx

    doc = build_docx(brief, ExportOptions(toc=True), live_toc=True)
    entries = [p.text for p in doc.paragraphs if p.style.name == "toc 1"]
    assert entries == [f"{n}. {s.topic}\t" for n, s in enumerate(brief.sections, 1)]
    instr = [t.text.strip() for t in doc.element.body.iter(f"{W}instrText")]
    assert instr == [f"PAGEREF _Toc_topic_{n} \\h" for n in (1, 2, 3)]  # no TOC wrapper
