"""The WordprocessingML layer under the brief writer: paragraphs, runs, numbering, fields.

``OoxmlWriter`` knows nothing about briefs. It resolves style names to the template's style
ids, writes runs (line breaks, tabs, the East Asian font and language on Japanese text) and
paragraphs as XML text for the body (parsed once at the end), appends elements to headers and
footers through python-docx's element classes, and keeps the numbering definitions a document
needs. ``docx_writer`` builds the brief on top of it.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree

from briefer.export.citation import contains_japanese, sanitize_xml_text
from briefer.export.docx_template import east_asia_font, ensure_styles

_W_P, _W_PPR, _W_PSTYLE, _W_R, _W_RPR, _W_RSTYLE, _W_RFONTS, _W_LANG = (
    qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:rFonts", "w:lang")
)
_W_T, _W_BR, _W_TAB = (qn(t) for t in ("w:t", "w:br", "w:tab"))
_W_VAL, _W_EAST_ASIA = qn("w:val"), qn("w:eastAsia")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_BREAKS = re.compile(r"(\n|\t)")
_LATIN = re.compile(r"[A-Za-z]{2}")


def fld_char(kind: str) -> etree._Element:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin/instr/separate/result/end) that Word and LibreOffice both update."""
    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = instruction
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


def clear_story(story_el: etree._Element) -> None:
    """Empty a header/footer but keep anything with a picture (a department logo)."""
    for child in list(story_el):
        if child.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt")):
            has_picture = child.find(".//" + qn("w:drawing")) is not None or (
                child.find(".//" + qn("w:pict")) is not None
            )
            if not has_picture:
                story_el.remove(child)


class OoxmlWriter:
    """Per-document state: resolved style ids, numbering definitions, the body's XML so far."""

    def __init__(self, document: DocxDocument, language: str) -> None:
        self.document = document
        self.language = language
        self.body = document._body
        self._body_el = self.body._element
        self._body_sect_pr = self._body_el.get_or_add_sectPr()
        self._make = self._body_el.makeelement  # keeps python-docx's element classes
        self.style_ids = ensure_styles(document)
        self.east_asia_font = east_asia_font(document)
        self._numbering = document.part.numbering_part.element
        self._decimal_abstract, self._bullet_abstract, self._topic_abstract = (
            self._add_abstract_numbering()
        )
        self.out: list[str] = []
        self._new_nums: list[str] = []
        self._next_num_id = max(
            (int(n.get(qn("w:numId"))) for n in self._numbering.findall(qn("w:num"))),
            default=0,
        )
        self._bullet_num_id = self._new_num(self._bullet_abstract, restart=False)
        self._topic_num_id = self._new_num(self._topic_abstract, restart=False)
        self._ja_font = f"<w:rFonts w:eastAsia={quoteattr(self.east_asia_font)}/>"
        self.words = self.chars = self.paragraphs = 0
        self._latin_lang = language == "ja"
        self._attrs: dict[str, str] = {}

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

    def _add_run(
        self, p: etree._Element, text: str, char_style: str | None = None
    ) -> etree._Element:
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
        return r

    # -- numbering

    def _add_abstract_numbering(self) -> tuple[int, int, int]:
        """Briefer's own list definitions, so lists work whatever the template's numbering.

        The third is the topic numbering: level 0 numbers topic headings "1.", level 1 the
        optional paragraph numbers "1.2" that briefs cite ("para 3.2")."""
        existing = [
            int(a.get(qn("w:abstractNumId"))) for a in self._numbering.findall(qn("w:abstractNum"))
        ]
        first_id = max(existing, default=-1) + 1
        created = []
        definitions = (
            '<w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>',
            '<w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>',
            '<w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>',
        )
        for offset, levels in enumerate(definitions):
            abstract_id = first_id + offset
            abstract = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                f'<w:nsid w:val="{0xB21E0000 + abstract_id:08X}"/>{levels}</w:abstractNum>'
            )
            first_num = self._numbering.find(qn("w:num"))
            if first_num is None:
                self._numbering.append(abstract)
            else:
                first_num.addprevious(abstract)
            created.append(abstract_id)
        return created[0], created[1], created[2]

    # -- the body, as WordprocessingML text
    #
    # The body is written as XML text and parsed once: building ~10,000 elements one lxml
    # call at a time (and python-docx's add_table/add_num lookups) was 80% of the export
    # time of a 1,000-quote brief. Header and footer are small and use the element API.

    def _attr(self, value: str) -> str:
        cached = self._attrs.get(value)
        if cached is None:
            cached = self._attrs[value] = quoteattr(value)
        return cached

    def r(self, text: str, char_style: str | None = None) -> str:
        """One run: breaks and tabs as Word elements, the East Asian font on Japanese text."""
        text = sanitize_xml_text(text).replace("\r\n", "\n").replace("\r", "\n")
        style_id = self.style_ids.get(char_style) if char_style else None
        japanese = contains_japanese(text)
        # In a Japanese brief, English runs say so: LibreOffice would otherwise lay Latin
        # words out under the document's ja-JP rules and break them anywhere.
        latin = bool(self._latin_lang) and _LATIN.search(text) is not None
        rpr = ""
        if style_id or japanese or latin:
            rpr = "<w:rPr>"
            if style_id:
                rpr += f"<w:rStyle w:val={self._attr(style_id)}/>"
            if japanese:
                rpr += self._ja_font
            if japanese or latin:
                rpr += (
                    "<w:lang"
                    + (' w:val="en-GB"' if latin else "")
                    + (' w:eastAsia="ja-JP"' if japanese else "")
                    + "/>"
                )
            rpr += "</w:rPr>"
        self.words += len(text.split())
        self.chars += len(text)
        if "\n" not in text and "\t" not in text:  # the common case: one w:t
            if "&" in text or "<" in text or ">" in text:
                text = escape(text)
            space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
            return f"<w:r>{rpr}<w:t{space}>{text}</w:t></w:r>" if text else f"<w:r>{rpr}</w:r>"
        parts = []
        for piece in _RUN_BREAKS.split(text):
            if piece == "\n":
                parts.append("<w:br/>")
            elif piece == "\t":
                parts.append("<w:tab/>")
            elif piece:
                space = ' xml:space="preserve"' if piece[0].isspace() or piece[-1].isspace() else ""
                if "&" in piece or "<" in piece or ">" in piece:
                    piece = escape(piece)
                parts.append(f"<w:t{space}>{piece}</w:t>")
        return f"<w:r>{rpr}{''.join(parts)}</w:r>"

    def p(
        self,
        style: str | None,
        inner: str = "",
        *,
        num: tuple[int, int] | None = None,
        page_break: bool = False,
        keep_next: bool = False,
        right_tab: int | None = None,
    ) -> str:
        """A paragraph: style, optional numbering (numId, level), page break before."""
        self.paragraphs += 1
        ppr = ""
        style_id = self.style_ids.get(style) if style else None
        if style_id:
            ppr += f"<w:pStyle w:val={self._attr(style_id)}/>"
        if keep_next:
            ppr += "<w:keepNext/>"
        if page_break:
            ppr += "<w:pageBreakBefore/>"
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if right_tab:  # the page number at the right margin, whatever the template's tabs
            ppr += f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{right_tab}"/></w:tabs>'
        return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{inner}</w:p>"

    def emit(self, xml: str) -> None:
        self.out.append(xml)

    def _new_num(self, abstract_id: int, *, restart: bool) -> int:
        """A numbering instance (a list that restarts at 1 when ``restart``)."""
        self._next_num_id += 1
        num_id = self._next_num_id
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart
            else ""
        )
        self._new_nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
        return num_id
