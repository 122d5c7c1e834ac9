"""The brief as a ministry files it (issue 18): each finding checked on the produced file.

python-docx opens every DOCX; LibreOffice (PDF, the contents' page numbers) and poppler
(pdftotext) are used when installed, and those tests are skipped otherwise.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from export_fixtures import COUNCIL_TEXT, INDUSTRY_LETTER, brief_view

from briefer.briefs import markings
from briefer.briefs.model import Attendee, BriefView, QuoteView, SectionView
from briefer.export import ExportRefused, export_brief, findings, pdf_writer
from briefer.export.citation import locator
from briefer.export.docx_writer import write_docx
from briefer.export.labels import japanese_era, long_date
from briefer.export.options import ExportOptions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HAS_LO = pdf_writer.libreoffice_available()
HAS_POPPLER = shutil.which("pdftotext") is not None
needs_lo = pytest.mark.skipif(not HAS_LO, reason="LibreOffice not installed")
needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils not installed")


def _clean(brief: BriefView) -> BriefView:
    """The fixture without its unreviewed suggestion (so it may go out as final)."""
    sections = tuple(
        replace(
            s,
            industry=tuple(q for q in s.industry if not q.suggested),
            official=tuple(q for q in s.official if not q.suggested),
        )
        for s in brief.sections
    )
    return replace(brief, sections=sections)


def _front(brief: BriefView) -> BriefView:
    return replace(
        brief,
        purpose="Agree the 2025 work programme of the Digital Partnership.",
        minister_ask="Agree the three deliverables and the date of the next Council.",
        key_messages=("Cooperation on AI governance is delivering.", "Chips early warning works."),
        attendees=(
            Attendee("Commissioner A. Example", "Executive Vice-President; former minister."),
            Attendee("Minister B. Example"),
        ),
        agenda=("Opening remarks", "AI governance", "Semiconductors"),
        handling="Not for onward distribution outside the Directorate.",
        contact_officer="J. Smith",
        contact_phone="+32 2 299 11 11",
        cleared_by="Head of Unit, Digital Policy",
        reference="DPC/2024/07",
        reference_date=date(2024, 4, 22),
    )


def _japanese(brief: BriefView) -> BriefView:
    return replace(
        _clean(brief),
        language="ja",
        title="日EUデジタルパートナーシップ閣僚会合",
        marking="機密性2",
        marking_caveats=("関係者限り",),
        venue="東京",
        meeting_date=date(2025, 5, 12),
    )


def _docx(brief: BriefView, tmp_path: Path, name: str = "brief.docx", **kw) -> Document:
    kw.setdefault("toc_page_numbers", False)
    path = write_docx(brief, tmp_path / name, ExportOptions(**kw))
    return Document(str(path))


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _pdf_text(path: Path) -> list[str]:
    """pdftotext per page (form feed separated)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.split("\f")


# --------------------------------------------------------------------------- 1. contents


@needs_lo
def test_docx_contents_carry_real_page_numbers_from_a_layout_pass(brief, tmp_path):
    doc = _docx(brief, tmp_path, toc=True, toc_page_numbers=True)
    entries = [p.text for p in doc.paragraphs if p.style.name == "toc 1"]
    assert len(entries) == len(brief.sections)
    pages = []
    for n, (entry, section) in enumerate(zip(entries, brief.sections, strict=True), 1):
        match = re.fullmatch(rf"{n}\. {re.escape(section.topic)}\t(\d+)", entry)
        assert match, entry
        pages.append(int(match.group(1)))
    assert pages == sorted(pages) and pages[0] >= 1  # in brief order, after the contents
    # The numbers agree with where LibreOffice puts each topic in the PDF.
    pdf = pdf_writer.write_pdf(brief, tmp_path / "b.pdf", ExportOptions(toc=True))
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    outline = dict(pdf_writer._flatten(reader, reader.outline))
    for section, page in zip(brief.sections, pages, strict=True):
        assert outline[section.topic] == page


def test_docx_contents_without_layout_pass_leave_page_fields_to_word(brief, tmp_path):
    doc = _docx(brief, tmp_path, toc=True, toc_page_numbers=False)
    entries = [p for p in doc.paragraphs if p.style.name == "toc 1"]
    assert [p.text for p in entries] == [
        f"{n}. {s.topic}\t" for n, s in enumerate(brief.sections, 1)
    ]
    for entry in entries:  # each entry still holds a PAGEREF field Word fills on update
        assert "PAGEREF" in "".join(t.text for t in entry._p.iter(f"{W}instrText"))


@needs_lo
@needs_poppler
def test_pdf_contents_are_linked_with_page_numbers(brief, tmp_path):
    from pypdf import PdfReader

    path = pdf_writer.write_pdf(brief, tmp_path / "b.pdf", ExportOptions(toc=True))
    pages = _pdf_text(path)
    contents = next(p for p in pages if "Contents" in p)
    for n, section in enumerate(brief.sections, 1):
        line = next(line for line in contents.splitlines() if section.topic in line)
        assert re.search(rf"{n}\. .*?(\d+)\s*$", line), line
    entries = [line for line in contents.splitlines() if "....." in line]
    assert len(entries) == len(brief.sections)  # topics only: no "Lines to take" entries
    reader = PdfReader(str(path))
    page_index = next(i for i, p in enumerate(pages) if "Contents" in p)
    links = [
        a.get_object()
        for a in reader.pages[page_index].get("/Annots", [])
        if a.get_object().get("/Subtype") == "/Link"
    ]
    targets = {reader.get_page_number(link["/Dest"][0]) for link in links if "/Dest" in link}
    assert len(targets) >= 2  # entries link to the topics' pages


# --------------------------------------------------------------------------- 2. dates, labels


class _LocaleDate(date):
    """A date whose strftime answers like a French process locale (what Qt sets up)."""

    def strftime(self, fmt: str) -> str:
        return {"%b": "mai", "%B": "mai"}.get(fmt, super().strftime(fmt))


def test_dates_never_follow_the_process_locale(brief, tmp_path):
    brief = replace(brief, meeting_date=_LocaleDate(2025, 5, 12))
    texts = _texts(_docx(brief, tmp_path))
    assert "Date: 12 May 2025" in texts
    assert not any("mai" in t for t in texts)


def test_japanese_brief_gets_japanese_labels_and_dates(brief, tmp_path):
    doc = _docx(_japanese(brief), tmp_path, toc=True)
    texts = _texts(doc)
    assert "日時：2025年5月12日" in texts
    assert "目次" in texts and "別添：出典" in texts
    assert any(t.startswith("評価：") for t in texts)
    assert "[2] Council of the EU, Council general approach, 2022年12月6日, p. 12" in {
        p.text for t in doc.tables for c in t.rows[1].cells for p in c.paragraphs
    }
    footer = doc.sections[0].footer
    page_line = next(p for p in footer.paragraphs if "ページ" in p.text)
    assert page_line.text == "1 / 1 ページ"  # field results; Word and LibreOffice refresh them
    era = _docx(_japanese(brief), tmp_path, "era.docx", japanese_era=True)
    assert "日時：令和7年5月12日" in _texts(era)
    assert japanese_era(date(2019, 5, 1)) == "令和元年5月1日"
    assert long_date(date(2019, 4, 30), "ja", era=True) == "平成31年4月30日"


# --------------------------------------------------------------------------- 3. unreviewed


def test_export_refuses_unreviewed_drafting_with_the_list(brief, tmp_path):
    proposed = replace(brief.sections[0], assessment_suggested=True)
    brief = replace(brief, sections=(proposed, *brief.sections[1:]))
    with pytest.raises(ExportRefused) as refused:
        export_brief(brief, tmp_path / "b.docx", "docx", ExportOptions())
    message = str(refused.value)
    assert "\n" not in message
    assert "1 proposed assessment not reviewed (Artificial Intelligence Act)" in message
    assert "1 suggested quote not reviewed (半導体 (Semiconductors): #6)" in message
    # the core names no front end's option: the CLI adds --draft, the window its checkbox
    assert "--draft" not in message and message.endswith("export the brief marked DRAFT")
    assert refused.value.advice("export with --draft").endswith(
        "or export with --draft to mark the brief DRAFT"
    )
    assert not (tmp_path / "b.docx").exists()


def test_draft_export_marks_every_unreviewed_item_and_says_so_in_the_header(brief, tmp_path):
    proposed = replace(brief.sections[0], assessment_suggested=True)
    brief = replace(brief, sections=(proposed, *brief.sections[1:]))
    path = export_brief(brief, tmp_path / "b.docx", "docx", ExportOptions(draft=True))
    doc = Document(str(path))
    header = [p.text for p in doc.sections[0].header.paragraphs]
    assert "DRAFT — contains text not yet reviewed by the officer" in header
    assessment = next(t for t in _texts(doc) if t.startswith("Assessment: Partly"))
    assert assessment.endswith("[DRAFT: proposed assessment, not reviewed]")
    cells = [p.text for p in doc.tables[1].rows[1].cells[1].paragraphs]
    suggested = [t for t in cells if "Semiconductor subsidies" in t]
    assert suggested == [
        "[DRAFT: suggested quote, not reviewed] “Semiconductor subsidies will "
        "be reviewed annually.”"
    ]
    accepted = [t for t in cells if "政府は" in t]
    assert accepted and not accepted[0].startswith("[DRAFT")
    assert "Status: Draft" in _texts(doc)


# --------------------------------------------------------------------------- 4. versions


def test_version_and_status_from_named_versions(brief, tmp_path):
    final = replace(
        _clean(brief),
        version_label="Final",
        status="Final",
        version_number=3,
        version_taken_at=datetime(2024, 4, 21, 10, 0),
    )
    texts = _texts(_docx(final, tmp_path))
    assert "Version: 3 “Final”, 21 April 2024" in texts
    assert "Status: Final" in texts
    edited = replace(final, status="Draft", changed_since_version=True)
    texts = _texts(_docx(edited, tmp_path, "e.docx"))
    assert "Status: Draft (changed since “Final”)" in texts
    assert not any(t.startswith("Version: Draft") for t in texts)


# --------------------------------------------------------------------------- 5, 6. screen


def test_topics_are_word_numbered_and_paragraph_numbers_are_optional(brief, tmp_path):
    doc = _docx(brief, tmp_path, paragraph_numbers=True)
    numbering = doc.part.numbering_part.element
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    num_ids = {p._p.pPr.numPr.numId.val for p in headings}
    assert len(num_ids) == 1 and {p._p.pPr.numPr.ilvl.val for p in headings} == {0}
    (num_id,) = num_ids
    num = next(n for n in numbering.findall(qn("w:num")) if n.numId == num_id)
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
    )
    levels = {
        lvl.get(qn("w:ilvl")): lvl.find(qn("w:lvlText")).get(qn("w:val"))
        for lvl in abstract.findall(qn("w:lvl"))
    }
    assert levels == {"0": "%1.", "1": "%1.%2"}
    paragraphs = [
        p
        for p in doc.paragraphs
        if p._p.pPr is not None
        and p._p.pPr.numPr is not None
        and p._p.pPr.numPr.numId.val == num_id
        and p._p.pPr.numPr.ilvl.val == 1
    ]
    texts = [p.text for p in paragraphs]
    assert "We welcome the risk-based approach." in texts  # "1.2"-style paragraph numbers
    plain = _docx(brief, tmp_path, "plain.docx")
    assert not any(
        p._p.pPr is not None and p._p.pPr.numPr is not None and p._p.pPr.numPr.ilvl.val == 1
        for p in plain.paragraphs
    )


def test_source_changed_status_and_trim_are_exported(brief, tmp_path):
    changed = replace(brief.sections[0].industry[0], status="changed")
    moved = replace(brief.sections[0].industry[1], status="moved", trimmed=True)
    section = replace(brief.sections[0], industry=(changed, moved))
    doc = _docx(replace(brief, sections=(section, *brief.sections[1:])), tmp_path)
    cell = [(p.style.name, p.text) for p in doc.tables[0].rows[1].cells[0].paragraphs]
    assert ("Brief Status", "Source changed since quoted: check the wording") in cell
    assert ("Brief Status", "Re-anchored in a newer version of the source") in cell
    assert any(t.endswith("(shortened)") for style, t in cell if style == "Brief Citation")


@needs_lo
@needs_poppler
def test_pdf_shows_topic_numbers_and_numbered_if_asked(brief, tmp_path):
    path = pdf_writer.write_pdf(_clean(brief), tmp_path / "b.pdf", ExportOptions())
    text = "\n".join(_pdf_text(path))
    assert re.search(r"1\.\s+Artificial Intelligence Act", text)
    assert re.search(r"3\.\s+Data flows", text)
    assert re.search(r"1\.\s+On timing: trilogues continue this spring\.", text)
    assert "“Industry calls for a risk-based approach" in text


# --------------------------------------------------------------------------- 7. package


def _package(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _old_style_template(path: Path) -> Path:
    """A template as old Word (and python-docx's default) writes them: compatibility mode 14,
    stylesWithEffects, a thumbnail, app.xml from Microsoft Macintosh Word."""
    Document().save(str(path))
    parts = _package(path)
    assert "word/stylesWithEffects.xml" in parts and "docProps/thumbnail.jpeg" in parts
    return path


@pytest.mark.parametrize("user_template", [False, True])
def test_package_has_no_leftovers(brief, tmp_path, user_template):
    template = _old_style_template(tmp_path / "old.docx") if user_template else None
    path = write_docx(brief, tmp_path / "b.docx", ExportOptions(template=template))
    parts = _package(path)
    assert "word/stylesWithEffects.xml" not in parts
    assert not any("thumbnail" in name for name in parts)
    assert b"stylesWithEffects" not in parts["word/_rels/document.xml.rels"]
    assert b"thumbnail" not in parts["_rels/.rels"]
    settings = parts["word/settings.xml"].decode()
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert "updateFields" not in settings
    app = parts["docProps/app.xml"].decode()
    assert "Microsoft" not in app and "<Application>Briefer" in app
    words = int(re.search(r"<Words>(\d+)</Words>", app).group(1))
    assert words > 100
    assert Document(str(path)).paragraphs  # still opens


def test_shipped_template_is_clean():
    shipped = Path(__file__).resolve().parents[2] / "resources" / "brief-template.docx"
    parts = _package(shipped)
    assert "word/stylesWithEffects.xml" not in parts
    assert not any("thumbnail" in n or n.startswith("customXml") for n in parts)
    assert b'w:val="15"' in parts["word/settings.xml"]


# --------------------------------------------------------------------------- 8. tagged PDF


@needs_lo
@pytest.mark.parametrize("language, expected", [("en", "en-GB"), ("ja", "ja-JP")])
def test_pdf_is_tagged_with_the_brief_language(brief, tmp_path, language, expected):
    from pypdf import PdfReader

    view = _japanese(brief) if language == "ja" else _clean(brief)
    path = pdf_writer.write_pdf(view, tmp_path / "b.pdf", ExportOptions())
    root = PdfReader(str(path)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == expected


# --------------------------------------------------------------------------- 9. annex


def test_annex_cites_url_and_reference_not_local_files(brief, tmp_path):
    council = replace(
        COUNCIL_TEXT,
        url="https://data.consilium.europa.eu/doc/ST-14954-2022",
        reference="ST 14954 2022 INIT",
    )
    quote = replace(brief.sections[0].official[0], source=council)
    section = replace(brief.sections[0], official=(quote,))
    doc = _docx(replace(brief, sections=(section, *brief.sections[1:])), tmp_path)
    annex = [p for p in doc.paragraphs if p.style.name == "Brief Annex"]
    council_entry = next(p for p in annex if "Council general approach" in p.text)
    assert "ST 14954 2022 INIT" in council_entry.text
    assert "https://data.consilium.europa.eu/doc/ST-14954-2022" in council_entry.text
    links = council_entry._p.findall(qn("w:hyperlink"))
    assert links and doc.part.rels[links[0].get(qn("r:id"))].target_ref.startswith("https://")
    assert not any(re.search(r"\.(txt|docx|pdf)\b", p.text) and "://" not in p.text for p in annex)
    cite = doc.tables[0].rows[1].cells[1].paragraphs[1].text
    assert "ST 14954 2022 INIT" in cite


def test_heading_locators_are_cut_at_word_boundaries():
    long = (
        "Chapter 4",
        "Recommendations on trustworthy artificial intelligence governance "
        "frameworks for international interoperability and standardisation",
    )
    q = QuoteView(
        id=1, side="industry", source=INDUSTRY_LETTER, start=0, end=1, text="x", heading_path=long
    )
    loc = locator(q)
    assert loc.endswith("…") and len(loc) <= 92
    kept = loc[2:-1]
    words = set((" › ".join(long)).split())
    assert all(w in words or w == "›" for w in kept.split()), loc


# --------------------------------------------------------------------------- front page


def test_front_page_fields_in_the_order_briefs_use(brief, tmp_path):
    doc = _docx(_front(_clean(brief)), tmp_path)
    texts = _texts(doc)
    order = [
        "Purpose of the meeting",
        "The ask of the minister",
        "Key messages",
        "Attendees",
        "Agenda",
        "Handling instructions",
    ]
    positions = [texts.index(t) for t in order]
    assert positions == sorted(positions)
    assert "Commissioner A. Example\nExecutive Vice-President; former minister." in texts
    assert "Contact officer: J. Smith, tel. +32 2 299 11 11" in texts
    assert "Cleared by: Head of Unit, Digital Policy" in texts
    assert "Reference: DPC/2024/07, 22 April 2024" in texts
    key = [p for p in doc.paragraphs if p.text == "Cooperation on AI governance is delivering."]
    assert key and key[0]._p.pPr.numPr is not None  # numbered points
    # all optional: an empty front page prints none of the headings
    bare = _texts(_docx(_clean(brief), tmp_path, "bare.docx"))
    assert not set(order) & set(bare)


# --------------------------------------------------------------------------- markings


@needs_lo
@needs_poppler
def test_marking_once_at_top_and_bottom_of_every_page(brief, tmp_path):
    path = pdf_writer.write_pdf(_front(_clean(brief)), tmp_path / "b.pdf", ExportOptions())
    pages = [p for p in _pdf_text(path) if p.strip()]
    assert len(pages) >= 2
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert page.count("OFFICIAL-SENSITIVE") == 2, page[:300]
        assert lines[0] == "OFFICIAL-SENSITIVE" and lines[-1] == "OFFICIAL-SENSITIVE"


def test_marking_schemes_levels_caveats_and_limite():
    assert markings.parse("OFFICIAL-SENSITIVE COMMERCIAL").rank == 2
    assert markings.parse("OFFICIAL").rank == 1
    eu = markings.parse("RESTREINT UE LIMITE")
    assert eu.level == "RESTREINT UE/EU RESTRICTED" and eu.caveats == {"LIMITE"}
    limite = markings.parse("LIMITE")
    assert limite.level == "" and limite.rank == 0  # a distribution marking, not a level
    jp = markings.parse("機密性３ 複製禁止")
    assert (jp.level, jp.rank, jp.caveats) == ("機密性3", 3, {"複製禁止"})
    assert markings.parse("取扱注意").caveats == {"取扱注意"}
    assert markings.compose("RESTREINT UE/EU RESTRICTED", ["LIMITE"]) == (
        "RESTREINT UE/EU RESTRICTED — LIMITE"
    )
    assert markings.compose("OFFICIAL-SENSITIVE", ["UK EYES ONLY"]) == (
        "OFFICIAL-SENSITIVE UK EYES ONLY"
    )
    assert markings.compose("機密性2", ["関係者限り"]) == "機密性2\u3000関係者限り"
    assert markings.needs_copy_number("SECRET") and not markings.needs_copy_number("OFFICIAL")
    assert markings.needs_copy_number("機密性3")


def _quoting(brief: BriefView, source_marking: str) -> BriefView:
    marked = replace(COUNCIL_TEXT, marking=source_marking)
    quote = replace(brief.sections[0].official[0], source=marked)
    section = replace(brief.sections[0], official=(quote,))
    return replace(_clean(brief), sections=(section, *_clean(brief).sections[1:]))


@pytest.mark.parametrize(
    "brief_marking, caveats, source_marking, refused",
    [
        ("OFFICIAL", (), "OFFICIAL-SENSITIVE", True),
        ("OFFICIAL-SENSITIVE", (), "OFFICIAL-SENSITIVE", False),
        ("RESTREINT UE/EU RESTRICTED", (), "RESTREINT UE LIMITE", True),
        ("RESTREINT UE/EU RESTRICTED", ("LIMITE",), "RESTREINT UE LIMITE", False),
        ("機密性2", (), "機密性3", True),
        ("OFFICIAL-SENSITIVE", (), "機密性2", False),
        ("", (), "OFFICIAL", True),
    ],
)
def test_under_marked_brief_is_refused(
    brief, tmp_path, brief_marking, caveats, source_marking, refused
):
    view = replace(_quoting(brief, source_marking), marking=brief_marking, marking_caveats=caveats)
    assert bool(findings(view).under_marked) is refused
    if refused:
        with pytest.raises(ExportRefused, match="under-marked: source #22"):
            export_brief(view, tmp_path / "b.docx", "docx", ExportOptions())
        export_brief(view, tmp_path / "b.docx", "docx", ExportOptions(draft=True))
    else:
        export_brief(view, tmp_path / "b.docx", "docx", ExportOptions())
    assert (tmp_path / "b.docx").exists() or refused


def test_copy_number_and_distribution_where_the_scheme_asks(brief, tmp_path):
    secret = replace(_clean(brief), marking="SECRET", marking_scheme="uk")
    with pytest.raises(ExportRefused, match="needs a copy number and a distribution list"):
        export_brief(secret, tmp_path / "b.docx", "docx", ExportOptions())
    numbered = replace(
        secret, copy_number="3 of 12", distribution=("PS/Minister", "Private Office")
    )
    path = export_brief(numbered, tmp_path / "b.docx", "docx", ExportOptions())
    texts = _texts(Document(str(path)))
    assert "Copy: 3 of 12" in texts
    assert "Distribution" in texts and "PS/Minister" in texts


def test_user_template_gets_the_same_findings_fixed(brief, tmp_path):
    template = _old_style_template(tmp_path / "dept.docx")
    doc = _docx(_front(_clean(brief)), tmp_path, template=template, toc=True)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        s.topic for s in brief.sections
    ]
    assert all(p.style.name != "Brief Marking" for p in doc.paragraphs)
    assert "Purpose of the meeting" in _texts(doc)


def test_sections_table_function_is_the_one_place(brief):
    """A section's evidence is laid out in one of two functions: the asks ledger's rows
    (``ledger_table``) or two independent columns (``section_table``); press and analysis
    in ``context_table`` under it; no other table."""
    import inspect

    from briefer.export import docx_writer

    builder = docx_writer._DocxBuilder
    source = Path(docx_writer.__file__).read_text(encoding="utf-8")
    inside = sum(
        inspect.getsource(getattr(builder, name)).count("<w:tbl>")
        for name in ("section_table", "ledger_table", "context_table")
    )
    assert inside == 3 and source.count("<w:tbl>") == 3


def test_empty_sections_brief_with_toc(tmp_path):
    view = replace(brief_view(), sections=())
    doc = _docx(view, tmp_path, toc=True, toc_page_numbers=True)
    assert [p for p in doc.paragraphs if p.style.name == "toc 1"] == []


def test_japanese_quotes_use_corner_brackets(brief, tmp_path):
    doc = _docx(_japanese(brief), tmp_path)
    cell = doc.tables[1].rows[1].cells[0]
    assert cell.paragraphs[0].text == "「『半導体』を含む文：供給網の強靭化が急務である。」"


def test_section_view_default_is_reviewed():
    assert SectionView(1, "t", "none", "", (), (), (), (), "", "").assessment_suggested is False
