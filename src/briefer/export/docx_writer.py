"""Write a brief as a Word document: the format officers actually circulate.

Everything visual comes from named styles (see ``make_template``), so a department can restyle
briefs by handing Briefer its own template. The only direct formatting is the East Asian font
on runs that contain Japanese (so Word does not fall back to a Chinese or missing font), list
numbering (restarted per section) and fixed table geometry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Inches
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from briefer.briefs.model import ASSESSMENT_LABELS, BriefView, QuoteView, SectionView
from briefer.export.atomic import write_atomically
from briefer.export.citation import (
    annex_numbers,
    citation,
    contains_japanese,
    format_date,
    format_long_date,
    kind_label,
    sanitize_xml_text,
)
from briefer.export.docx_template import (
    east_asia_font,
    ensure_styles,
    load_template,
)
from briefer.export.ledger_table import docx_ledger_table
from briefer.export.options import ExportOptions

INDUSTRY_HEADER = "Industry position"
OFFICIAL_HEADER = "Official outcome"
NO_INDUSTRY = "No industry position on record."
NO_OFFICIAL = "No official outcome on record."
TOC_PLACEHOLDER = "Right-click to update table of contents"
TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '

_CORE_LIMIT = 255  # python-docx (and the OPC spec as Word reads it) cap core properties
_MARGIN = Cm(2.0)
_MARGIN_TOP_BOTTOM = Cm(2.5)  # room for the two-line header and footer (marking + title/page)


_W_P, _W_PPR, _W_PSTYLE, _W_R, _W_RPR, _W_RSTYLE, _W_RFONTS, _W_LANG = (
    qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:rFonts", "w:lang")
)
_W_T, _W_BR, _W_TAB, _W_NUMPR, _W_ILVL, _W_NUMID = (
    qn(t) for t in ("w:t", "w:br", "w:tab", "w:numPr", "w:ilvl", "w:numId")
)
_W_TRPR, _W_CANT_SPLIT, _W_TBL_HEADER = (qn(t) for t in ("w:trPr", "w:cantSplit", "w:tblHeader"))
_W_VAL, _W_EAST_ASIA = qn("w:val"), qn("w:eastAsia")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_BREAKS = re.compile(r"(\n|\t)")

# Elements that must follow w:updateFields in w:settings (schema order matters to Word).
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


# --------------------------------------------------------------------------- XML helpers


def _fld_char(kind: str) -> etree._Element:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin/instr/separate/result/end) that Word and LibreOffice both update."""
    paragraph.add_run()._r.append(_fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = instruction
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(_fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(_fld_char("end"))


def _set_update_fields(document: DocxDocument) -> None:
    """Ask Word to refresh fields (the TOC) when the document is opened."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        successor = next(
            (c for c in settings if etree.QName(c).localname in _SETTINGS_AFTER_UPDATE_FIELDS),
            None,
        )
        if successor is None:
            settings.append(existing)
        else:
            successor.addprevious(existing)
    existing.set(qn("w:val"), "true")


def _clear_story(story_el: etree._Element) -> None:
    """Empty a header/footer but keep anything with a picture (a department logo)."""
    for child in list(story_el):
        if child.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt")):
            has_picture = child.find(".//" + qn("w:drawing")) is not None or (
                child.find(".//" + qn("w:pict")) is not None
            )
            if not has_picture:
                story_el.remove(child)


def _truncate(text: str, limit: int = _CORE_LIMIT) -> str:
    text = sanitize_xml_text(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _naive_utc(value: datetime | None) -> datetime:
    value = value or datetime.now(UTC)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


# --------------------------------------------------------------------------- builder


class _DocxBuilder:
    """Holds per-export state: resolved style ids, numbering definitions, annex numbers."""

    def __init__(
        self,
        document: DocxDocument,
        brief: BriefView,
        options: ExportOptions,
        prefill_toc: bool = False,
    ) -> None:
        self.document = document
        self.prefill_toc = prefill_toc
        self.brief = brief
        self.options = options
        self.body = document._body
        self._body_el = self.body._element
        self._body_sect_pr = self._body_el.get_or_add_sectPr()
        self._make = self._body_el.makeelement  # keeps python-docx's element classes
        self.style_ids = ensure_styles(document)
        self.east_asia_font = east_asia_font(document)
        self.numbers = annex_numbers(brief)
        self._numbering = document.part.numbering_part.element
        self._decimal_abstract, self._bullet_abstract = self._add_abstract_numbering()
        self._bullet_num_id = self._numbering.add_num(self._bullet_abstract).numId

    # -- low-level paragraph/run creation
    #
    # Paragraphs and runs are built with lxml directly (in python-docx's element classes, so
    # the python-docx API still works on them): python-docx's generic child insertion and its
    # per-character run.text setter were 70% of the export time of a 1,000-quote brief.

    def _new_p(self, style: str | None) -> etree._Element:
        p = self._make(_W_P)
        style_id = self.style_ids.get(style) if style else None
        if style_id:
            etree.SubElement(etree.SubElement(p, _W_PPR), _W_PSTYLE, {_W_VAL: style_id})
        return p

    def para(self, container, text: str = "", style: str | None = None) -> Paragraph:
        """Append a styled paragraph to the body (before its sectPr), a cell or a header."""
        p = self._new_p(style)
        element = container._element
        if element is self._body_el:
            self._body_sect_pr.addprevious(p)
        else:
            element.append(p)
        if text:
            self._add_run(p, text)
        return Paragraph(p, container)

    def run(self, paragraph: Paragraph, text: str, char_style: str | None = None) -> None:
        self._add_run(paragraph._p, text, char_style)

    def _add_run(self, p: etree._Element, text: str, char_style: str | None = None) -> None:
        text = sanitize_xml_text(text).replace("\r\n", "\n").replace("\r", "\n")
        r = etree.SubElement(p, _W_R)
        char_style_id = self.style_ids.get(char_style) if char_style else None
        japanese = contains_japanese(text)
        if char_style_id or japanese:
            rpr = etree.SubElement(r, _W_RPR)
            if char_style_id:
                etree.SubElement(rpr, _W_RSTYLE, {_W_VAL: char_style_id})
            if japanese:  # Word picks the East Asian font for kana/kanji only when named here
                etree.SubElement(rpr, _W_RFONTS, {_W_EAST_ASIA: self.east_asia_font})
                etree.SubElement(rpr, _W_LANG, {_W_EAST_ASIA: "ja-JP"})
        for piece in _RUN_BREAKS.split(text):
            if piece == "\n":
                etree.SubElement(r, _W_BR)
            elif piece == "\t":
                etree.SubElement(r, _W_TAB)
            elif piece:
                t = etree.SubElement(r, _W_T)
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(_XML_SPACE, "preserve")

    def labelled(self, container, label: str, value: str, style: str) -> Paragraph:
        paragraph = self.para(container, style=style)
        self.run(paragraph, f"{label}: ", "Brief Label")
        self.run(paragraph, value)
        return paragraph

    # -- numbering

    def _add_abstract_numbering(self) -> tuple[int, int]:
        """Briefer's own list definitions, so lists work whatever the template's numbering."""
        existing = [
            int(a.get(qn("w:abstractNumId"))) for a in self._numbering.findall(qn("w:abstractNum"))
        ]
        first_id = max(existing, default=-1) + 1
        created = []
        for offset, (fmt, text) in enumerate((("decimal", "%1."), ("bullet", "\u2022"))):
            abstract_id = first_id + offset
            abstract = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                f'<w:nsid w:val="{0xB21E0000 + abstract_id:08X}"/>'
                '<w:multiLevelType w:val="singleLevel"/>'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
            )
            first_num = self._numbering.find(qn("w:num"))
            if first_num is None:
                self._numbering.append(abstract)
            else:
                first_num.addprevious(abstract)
            created.append(abstract_id)
        return created[0], created[1]

    def _set_num(self, paragraph: Paragraph, num_id: int) -> None:
        p = paragraph._p
        ppr = p.find(_W_PPR)
        if ppr is None:
            ppr = self._make(_W_PPR)
            p.insert(0, ppr)
        num_pr = self._make(_W_NUMPR)
        etree.SubElement(num_pr, _W_ILVL, {_W_VAL: "0"})
        etree.SubElement(num_pr, _W_NUMID, {_W_VAL: str(num_id)})
        pstyle = ppr.find(_W_PSTYLE)  # numPr follows pStyle (and keepNext..., absent here)
        ppr.insert(0 if pstyle is None else 1, num_pr)

    def numbered_list(self, items: Iterable[str]) -> None:
        num = self._numbering.add_num(self._decimal_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)  # restart at 1 in every section
        for item in items:
            self._set_num(self.para(self.body, item, "List Number"), num.numId)

    def bulleted_list(self, items: Iterable[str]) -> None:
        for item in items:
            self._set_num(self.para(self.body, item, "List Bullet"), self._bullet_num_id)

    def text_block(self, text: str) -> None:
        """Free text: one paragraph per line; lines starting '- ', '* ' or '• ' become bullets."""
        for raw in sanitize_xml_text(text).splitlines():
            line = raw.strip()
            if not line:
                continue
            if line[:2] in ("- ", "* ", "• "):
                self.bulleted_list([line[2:].strip()])
            else:
                self.para(self.body, line, "Normal")

    # -- page setup, header and footer

    def page_setup(self, user_template: bool) -> int:
        """Paper, orientation and margins; returns the text width in EMU."""
        section = self.document.sections[-1]
        width, height = (
            (Cm(21.0), Cm(29.7)) if self.options.paper == "a4" else (Inches(8.5), Inches(11))
        )
        if self.options.landscape:
            width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE if self.options.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        if not user_template:  # a department template's margins (letterhead) win
            section.left_margin = section.right_margin = _MARGIN
            section.top_margin = section.bottom_margin = _MARGIN_TOP_BOTTOM
            section.header_distance = section.footer_distance = Cm(1.0)
        left, right = section.left_margin or _MARGIN, section.right_margin or _MARGIN
        gutter = section.gutter or 0
        return int(width - left - right - gutter)

    def header_footer(self) -> None:
        marking = sanitize_xml_text(self.brief.marking.strip())
        self.document.settings.odd_and_even_pages_header_footer = False
        for section in self.document.sections:
            section.different_first_page_header_footer = False
            header, footer = section.header, section.footer
            header.is_linked_to_previous = False
            footer.is_linked_to_previous = False
            _clear_story(header._element)
            _clear_story(footer._element)
            if marking:
                self.para(header, marking, "Brief Marking")
            self.para(header, self.brief.title.strip() or "Meeting brief", "Header")
            page = self.para(footer, style="Footer")
            self.run(page, "Page ")
            _add_field(page, " PAGE ", "1")
            self.run(page, " of ")
            _add_field(page, " NUMPAGES ", "1")
            if marking:
                self.para(footer, marking, "Brief Marking")

    # -- content

    def opening(self) -> None:
        brief = self.brief
        if brief.marking.strip():
            self.para(self.body, brief.marking.strip(), "Brief Marking")
        self.para(self.body, brief.title.strip() or "Meeting brief", "Title")
        if brief.meeting_date:
            self.labelled(self.body, "Date", format_long_date(brief.meeting_date), "Brief Meta")
        if brief.venue.strip():
            self.labelled(self.body, "Venue", brief.venue.strip(), "Brief Meta")
        prepared = ", ".join(p for p in (brief.author.strip(), brief.organisation.strip()) if p)
        if prepared:
            self.labelled(self.body, "Prepared by", prepared, "Brief Meta")
        issued = format_long_date((brief.updated_at or datetime.now()).date())
        version = ", ".join(p for p in (brief.version_label.strip(), f"issued {issued}") if p)
        self.labelled(self.body, "Version", version, "Brief Meta")
        if self.options.toc:
            self.para(self.body, "Contents", "TOC Heading")
            if self.prefill_toc:
                self.prefilled_toc()
            else:
                toc = self.para(self.body, style="Normal")
                _add_field(toc, TOC_INSTRUCTION, TOC_PLACEHOLDER)
            _set_update_fields(self.document)
        if brief.objectives.strip():
            self.para(self.body, "Objectives", "Heading 1")
            self.text_block(brief.objectives)
        if brief.scene_setter.strip():
            self.para(self.body, "Scene setter", "Heading 1")
            self.text_block(brief.scene_setter)

    def prefilled_toc(self) -> None:
        """A TOC field whose result already lists the main headings (no page numbers).

        For PDF: LibreOffice converts without refreshing fields, so a placeholder would be
        printed; Word still refreshes this field (with page numbers) when the DOCX is opened.
        """
        brief = self.brief
        entries = [
            *(["Objectives"] if brief.objectives.strip() else []),
            *(["Scene setter"] if brief.scene_setter.strip() else []),
            *(s.topic.strip() or "Untitled topic" for s in brief.sections),
            *(["Annex: Sources"] if brief.cited_sources() else []),
        ]
        paragraphs = [self.para(self.body, style="toc 1") for _ in entries] or [
            self.para(self.body, style="Normal")
        ]
        first, last = paragraphs[0], paragraphs[-1]
        first.add_run()._r.append(_fld_char("begin"))
        instr = OxmlElement("w:instrText")
        instr.set(_XML_SPACE, "preserve")
        instr.text = TOC_INSTRUCTION
        first.add_run()._r.append(instr)
        first.add_run()._r.append(_fld_char("separate"))
        for paragraph, entry in zip(paragraphs, entries, strict=False):
            self.run(paragraph, entry)
        last.add_run()._r.append(_fld_char("end"))

    def section(self, section: SectionView, text_width: int) -> None:
        self.para(self.body, section.topic.strip() or "Untitled topic", "Heading 1")
        assessment = ASSESSMENT_LABELS.get(section.assessment, section.assessment)
        comment = section.assessment_comment.strip()
        self.labelled(
            self.body,
            "Assessment",
            f"{assessment} — {comment}" if comment else assessment,
            "Brief Assessment",
        )
        # --- asks ledger: ask | answer | status rows (export/ledger_table.py) ---
        if section.ledger:
            docx_ledger_table(
                self.document,
                section.ledger,
                text_width,
                cite=lambda q: citation(q, self.numbers.get(q.source.id, 0)),
                fill=self._fill,
                row_flags=self._row_flags,
                table_style=self.style_ids.get("Brief Table"),
            )
        else:
            self.quote_table(section, text_width)
        # --- end asks ledger ---
        if section.lines_to_take:
            self.para(self.body, "Lines to take", "Heading 2")
            self.numbered_list(section.lines_to_take)
        if section.if_asked:
            self.para(self.body, "If asked", "Heading 2")
            self.bulleted_list(section.if_asked)
        if section.background.strip():
            self.para(self.body, "Background", "Heading 2")
            self.text_block(section.background)
        if self.options.include_notes and section.notes.strip():
            self.para(self.body, "Notes", "Heading 2")
            self.text_block(section.notes)

    def quote_table(self, section: SectionView, text_width: int) -> Table:
        table = self.document.add_table(rows=1, cols=2)
        tbl = table._tbl
        if style_id := self.style_ids.get("Brief Table"):
            tbl.tblPr.style = style_id
        table.autofit = False  # fixed layout: the widths below are what the reader gets
        column = Emu(text_width // 2)
        for grid_col in tbl.tblGrid.gridCol_lst:
            grid_col.w = column
        tbl_w = tbl.tblPr.find(qn("w:tblW"))
        if tbl_w is not None:
            tbl_w.set(qn("w:type"), "dxa")
            tbl_w.set(qn("w:w"), str(int(column * 2 / 635)))  # EMU -> twentieths of a point
        header = table.rows[0]
        self._row_flags(header._tr, header_row=True)
        for cell, label in zip(header.cells, (INDUSTRY_HEADER, OFFICIAL_HEADER), strict=True):
            cell.width = column
            self._fill(cell, [(label, "Brief Table Heading")])
        industry, official = section.industry, section.official
        for i in range(max(len(industry), len(official), 1)):
            row = table.add_row()
            self._row_flags(row._tr, header_row=False)
            left, right = row.cells
            self._fill(left, self._quote_paragraphs(industry, i, NO_INDUSTRY))
            self._fill(right, self._quote_paragraphs(official, i, NO_OFFICIAL))
        return table

    def _quote_paragraphs(
        self, quotes: tuple[QuoteView, ...], index: int, placeholder: str
    ) -> list[tuple[str, str]]:
        if not quotes:
            return [(placeholder, "Brief Placeholder")] if index == 0 else []
        if index >= len(quotes):
            return []
        quote = quotes[index]
        number = self.numbers.get(quote.source.id, 0)
        return [(quote.text.strip(), "Brief Quote"), (citation(quote, number), "Brief Citation")]

    def _fill(self, cell: _Cell, paragraphs: list[tuple[str, str]]) -> None:
        """Replace a new cell's empty paragraph with ours (a cell must keep one paragraph)."""
        if not paragraphs:
            return
        tc = cell._tc
        tc.remove(tc[-1])  # the empty w:p python-docx puts in every new cell
        for text, style in paragraphs:
            p = self._new_p(style)
            tc.append(p)
            self._add_run(p, text)

    def _row_flags(self, tr, *, header_row: bool) -> None:
        """Rows never split across pages; the header row repeats on every page."""
        tr_pr = self._make(_W_TRPR)
        etree.SubElement(tr_pr, _W_CANT_SPLIT)
        if header_row:
            etree.SubElement(tr_pr, _W_TBL_HEADER)
        tr.insert(0, tr_pr)

    def annex(self) -> None:
        sources = self.brief.cited_sources()
        if not sources:
            return
        heading = self.para(self.body, "Annex: Sources", "Heading 1")
        heading.paragraph_format.page_break_before = True
        for number, source in enumerate(sources, start=1):
            entry = self.para(self.body, style="Brief Annex")
            self.run(entry, f"[{number}]\t")
            self.run(entry, (source.title or source.short_title).strip(), "Brief Label")
            details = [
                ", ".join(o.strip() for o in source.organisations if o.strip()),
                kind_label(source),
                format_date(source.date),
            ]
            self.run(entry, "\n" + " · ".join(d for d in details if d))
            if source.origin.strip():
                self.run(entry, "\n" + source.origin.strip())

    def core_properties(self) -> None:
        brief = self.brief
        core = self.document.core_properties
        when = _naive_utc(brief.updated_at)
        core.title = _truncate(brief.title)
        core.subject = "Meeting brief"
        core.author = core.last_modified_by = _truncate(brief.author)
        core.keywords = _truncate("; ".join(s.topic.strip() for s in brief.sections))
        core.content_status = _truncate(brief.version_label)
        core.category = _truncate(brief.marking)
        core.comments = ""
        # created_at/revision were added to BriefView later; getattr keeps older views working.
        created = getattr(brief, "created_at", None)
        core.created = _naive_utc(created) if created is not None else when
        core.modified = when
        core.revision = max(int(getattr(brief, "revision", 0) or 0), 1)

    def build(self, user_template: bool) -> None:
        text_width = self.page_setup(user_template)
        self.header_footer()
        self.opening()
        for section in self.brief.sections:
            self.section(section, text_width)
        self.annex()
        self.core_properties()


def _clear_body(document: DocxDocument) -> None:
    """Drop the template's sample content but keep its final section (page setup, headers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()


def build_docx(
    brief: BriefView,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
    *,
    prefill_toc: bool = False,
) -> DocxDocument:
    """The brief as an in-memory python-docx Document (used by the DOCX and PDF writers).

    ``prefill_toc`` lists the headings in the TOC field result, for converters (LibreOffice)
    that print fields as stored instead of refreshing them.
    """
    document, user_template = load_template(options.template)
    _clear_body(document)
    _DocxBuilder(document, brief, options, prefill_toc).build(user_template)
    return document


def write_docx(
    brief: BriefView,
    target: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> Path:
    """Write ``brief`` to ``target`` (.docx) atomically; raises ExportError on any failure."""
    document = build_docx(brief, options)
    return write_atomically(Path(target), lambda tmp: document.save(str(tmp)))
