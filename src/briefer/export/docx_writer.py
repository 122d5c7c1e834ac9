"""Write a brief as a Word document: the format officers actually circulate.

Everything visual comes from named styles (see ``make_template``), so a department can restyle
briefs by handing Briefer its own template. The only direct formatting is the East Asian font
on runs that contain Japanese (so Word does not fall back to a Chinese or missing font), list
numbering (restarted per section) and fixed table geometry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Inches

from briefer.briefs import markings
from briefer.briefs.model import ASSESSMENT_LABELS, BriefView, QuoteView, SectionView
from briefer.export.atomic import write_atomically
from briefer.export.citation import (
    annex_numbers,
    cited_address,
    contains_japanese,
    format_date,
    kind_label,
    locator,
    sanitize_xml_text,
    source_label,
)
from briefer.export.docx_ooxml import OoxmlWriter, add_field, clear_story
from briefer.export.docx_package import (
    clean_package,
    set_compatibility_mode,
    set_document_language,
)
from briefer.export.docx_template import (
    load_template,
)
from briefer.export.labels import ASSESSMENTS_JA, EN, labels, long_date
from briefer.export.ledger_table import (
    ANSWER_HEADER,
    ASK_HEADER,
    NO_ASK,
    STATUS_HEADER,
    WIDTHS,
    no_answer_text,
    status_label,
)
from briefer.export.options import ExportOptions

INDUSTRY_HEADER = EN["industry"]
OFFICIAL_HEADER = EN["official"]
NO_INDUSTRY = EN["no_industry"]
NO_OFFICIAL = EN["no_official"]
#: Topics only (outline level 1 = the topic headings; front matter and annex use "Brief
#: Heading", which has no outline level), hyperlinked, no page numbers in web view.
TOC_INSTRUCTION = ' TOC \\o "1-1" \\h \\z \\u '

_CORE_LIMIT = 255  # python-docx (and the OPC spec as Word reads it) cap core properties
_MARGIN = Cm(2.0)
_MARGIN_TOP_BOTTOM = Cm(2.5)  # room for the two-line header and footer (marking + title/page)


def _truncate(text: str, limit: int = _CORE_LIMIT) -> str:
    text = sanitize_xml_text(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _naive_utc(value: datetime | None) -> datetime:
    value = value or datetime.now(UTC)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


# --------------------------------------------------------------------------- builder


def quote_marks(text: str) -> str:
    """The quote as the screen shows it: in quotation marks (「」 for Japanese)."""
    text = text.strip()
    if contains_japanese(text):  # quotes inside a quote take 『』, as Japanese writes them
        return "「" + text.replace("「", "『").replace("」", "』") + "」"
    return f"“{text}”"


class _DocxBuilder(OoxmlWriter):
    """The brief on the page: front page, contents, topics, annex, core properties."""

    def __init__(
        self,
        document: DocxDocument,
        brief: BriefView,
        options: ExportOptions,
        *,
        live_toc: bool = False,
        toc_pages: dict[int, int] | None = None,
    ) -> None:
        super().__init__(document, "ja" if (brief.language or "").startswith("ja") else "en")
        self.brief = brief
        self.options = options
        self.L = labels(self.language)
        # live_toc: TOC entries outside a TOC field, so LibreOffice computes their PAGEREF
        # page numbers while laying out (PDF); otherwise they sit in a TOC field Word updates.
        self.live_toc = live_toc
        self.toc_pages = toc_pages or {}
        self.numbers = annex_numbers(brief)
        self._bookmark_id = 0
        self._break_pending = False
        self._column_twips = 0
        self._text_twips = 0
        self._labels: dict[int, str] = {}
        self._tbl_pr = ""

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

    def marking_line(self) -> str:
        brief = self.brief
        return sanitize_xml_text(markings.compose(brief.marking.strip(), brief.marking_caveats))

    def header_footer(self) -> None:
        """The marking once at the top and once at the bottom of every page (page 1 too)."""
        marking = self.marking_line()
        self.document.settings.odd_and_even_pages_header_footer = False
        for section in self.document.sections:
            section.different_first_page_header_footer = False
            header, footer = section.header, section.footer
            header.is_linked_to_previous = False
            footer.is_linked_to_previous = False
            clear_story(header._element)
            clear_story(footer._element)
            if marking:
                self.para(header, marking, "Brief Marking")
            if self.options.draft:
                self.para(header, self.L["draft_banner"], "Brief Draft")
            self.para(header, self.brief.title.strip() or self.L["meeting_brief"], "Header")
            page = self.para(footer, style="Footer")
            before, rest = self.L["page"].split("{page}")
            middle, after = rest.split("{pages}")
            if before:
                self.run(page, before)
            add_field(page, " PAGE ", "1")
            self.run(page, middle)
            add_field(page, " NUMPAGES ", "1")
            if after:
                self.run(page, after)
            if marking:
                self.para(footer, marking, "Brief Marking")

    def labelled(self, label: str, value: str, style: str) -> str:
        sep = "：" if self.language == "ja" else ": "
        return self.p(style, self.r(f"{label}{sep}", "Brief Label") + self.r(value))

    def _para_num(self) -> tuple[int, int] | None:
        """'3.2': the optional paragraph numbering inside a topic."""
        return (self._topic_num_id, 1) if self.options.paragraph_numbers else None

    def numbered_list(self, items: Iterable[str], *, in_topic: bool = True) -> None:
        if in_topic and self.options.paragraph_numbers:  # paragraph numbers are the numbers
            for item in items:
                self.emit(self.p("Normal", self.r(item), num=self._para_num()))
            return
        num_id = self._new_num(self._decimal_abstract, restart=True)
        for item in items:
            self.emit(self.p("List Number", self.r(item), num=(num_id, 0)))

    def bulleted(self, item: str) -> None:
        self.emit(self.p("List Bullet", self.r(item), num=(self._bullet_num_id, 0)))

    def text_block(self, text: str, *, numbered: bool = False) -> None:
        """Free text: one paragraph per line; lines starting '- ', '* ' or '• ' become bullets."""
        for raw in sanitize_xml_text(text).splitlines():
            line = raw.strip()
            if not line:
                continue
            if line[:2] in ("- ", "* ", "• "):
                self.bulleted(line[2:].strip())
            else:
                num = self._para_num() if numbered else None
                self.emit(self.p("Normal", self.r(line), num=num))

    def heading(self, text: str, *, page_break: bool = False) -> None:
        """A front-matter or annex heading: looks like a topic but is neither numbered nor
        listed in the contents (which lists topics only)."""
        page_break = page_break or self._take_break()
        self.emit(self.p("Brief Heading", self.r(text), page_break=page_break, keep_next=True))

    def _take_break(self) -> bool:
        """The body after the contents starts on a new page (the contents follow the front
        page directly, so a long front page leaves no near-empty page)."""
        pending, self._break_pending = self._break_pending, False
        return pending

    # -- content

    def front_page(self) -> None:
        brief, L = self.brief, self.L
        lang = self.language
        options_era = self.options.japanese_era
        self.emit(self.p("Title", self.r(brief.title.strip() or L["meeting_brief"])))
        meta: list[tuple[str, str]] = []
        if brief.meeting_date:
            meta.append((L["date"], long_date(brief.meeting_date, lang, era=options_era)))
        if brief.venue.strip():
            meta.append((L["venue"], brief.venue.strip()))
        prepared = ", ".join(p for p in (brief.author.strip(), brief.organisation.strip()) if p)
        if prepared:
            meta.append((L["prepared_by"], prepared))
        if brief.reference.strip() or brief.reference_date:
            ref = ("、" if lang == "ja" else ", ").join(
                p
                for p in (
                    brief.reference.strip(),
                    long_date(brief.reference_date, lang, era=options_era),
                )
                if p
            )
            meta.append((L["reference"], ref))
        meta.append((L["version"], self.version_text()))
        meta.append((L["status"], self.status_text()))
        if brief.copy_number.strip():
            meta.append((L["copy"], brief.copy_number.strip()))
        for label, value in meta:
            self.emit(self.labelled(label, value, "Brief Meta"))
        if brief.purpose.strip():
            self.heading(L["purpose"])
            self.text_block(brief.purpose)
        if brief.minister_ask.strip():
            self.heading(L["ask"])
            self.text_block(brief.minister_ask)
        if brief.key_messages:
            self.heading(L["key_messages"])
            self.numbered_list(brief.key_messages, in_topic=False)
        if brief.attendees:
            self.heading(L["attendees"])
            for attendee in brief.attendees:
                inner = self.r(attendee.name.strip(), "Brief Label")
                if attendee.pen_picture.strip():
                    inner += self.r("\n" + attendee.pen_picture.strip())
                self.emit(self.p("Brief Attendee", inner))
        if brief.agenda:
            self.heading(L["agenda"])
            self.numbered_list(brief.agenda, in_topic=False)
        if brief.handling.strip():
            self.heading(L["handling"])
            self.text_block(brief.handling)
        contact = brief.contact_officer.strip()
        if brief.contact_phone.strip():
            phone = f"{L['tel']} {brief.contact_phone.strip()}"
            contact = f"{contact}{'、' if lang == 'ja' else ', '}{phone}" if contact else phone
        if contact:
            self.emit(self.labelled(L["contact"], contact, "Brief Meta"))
        if brief.cleared_by.strip():
            self.emit(self.labelled(L["cleared_by"], brief.cleared_by.strip(), "Brief Meta"))
        if brief.distribution:
            self.heading(L["distribution"])
            for name in brief.distribution:
                self.emit(self.p("Brief Meta", self.r(name)))
        if self.options.toc:
            self.contents()
        if brief.objectives.strip():
            self.heading(L["objectives"])
            self.text_block(brief.objectives)
        if brief.scene_setter.strip():
            self.heading(L["scene_setter"])
            self.text_block(brief.scene_setter)

    def version_text(self) -> str:
        return version_text(self.brief, self.options, self.language)

    def status_text(self) -> str:
        return status_text(self.brief, self.options, self.language)

    def contents(self) -> None:
        """The contents, pre-filled: one linked entry per topic with its page number.

        Each entry is a hyperlink to the topic's bookmark holding a PAGEREF field. For the
        PDF (``live_toc``) the entries stand alone so LibreOffice computes the page numbers as
        it lays out; in the DOCX they sit inside a TOC field (Word's "Update table" rebuilds
        it, topics only: ``\\o "1-1"``) and the page numbers are those of a LibreOffice layout
        pass when one ran (``toc_pages``), else left to Word's field update.
        """
        sections = self.brief.sections
        self.heading(self.L["contents"])
        for n, section in enumerate(sections, 1):
            inner = ""
            if n == 1 and not self.live_toc:
                inner += (
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve">{escape(TOC_INSTRUCTION)}'
                    '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                )
            bookmark = _topic_bookmark(n)
            page = self.toc_pages.get(n)
            topic = section.topic.strip() or self.L["untitled_topic"]
            inner += (
                f'<w:hyperlink w:anchor="{bookmark}" w:history="1">'
                + self.r(f"{n}. {topic}\t")
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText>'
                '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + (self.r(str(page)) if page is not None else "")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>'
            )
            if n == len(sections) and not self.live_toc:
                inner += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            self.emit(self.p("toc 1", inner, right_tab=self._text_twips))

    def section(self, number: int, section: SectionView) -> None:
        L = self.L
        self._bookmark_id += 1
        bookmark = _topic_bookmark(number)
        self.emit(
            self.p(
                "Heading 1",
                f'<w:bookmarkStart w:id="{self._bookmark_id}" w:name="{bookmark}"/>'
                + self.r(section.topic.strip() or L["untitled_topic"])
                + f'<w:bookmarkEnd w:id="{self._bookmark_id}"/>',
                num=(self._topic_num_id, 0),
                page_break=self._take_break(),
            )
        )
        table = ASSESSMENTS_JA if self.language == "ja" else ASSESSMENT_LABELS
        assessment = table.get(section.assessment, section.assessment)
        comment = section.assessment_comment.strip()
        sep = "：" if self.language == "ja" else ": "
        inner = self.r(f"{L['assessment']}{sep}", "Brief Label") + self.r(
            f"{assessment} — {comment}" if comment else assessment
        )
        if section.assessment_suggested and self.options.draft:
            inner += self.r(f"  [{L['proposed_assessment']}]", "Brief Draft Mark")
        self.emit(self.p("Brief Assessment", inner, num=self._para_num()))
        # the asks ledger's rows where the section has them, else two independent columns
        self.emit(self.ledger_table(section) if section.ledger else self.section_table(section))
        if section.context:  # an empty paragraph between: Word would join two tables
            self.emit(self.p(None, keep_next=True) + self.context_table(section))
        if section.lines_to_take:
            self.emit(self.p("Heading 2", self.r(L["lines_to_take"])))
            self.numbered_list(section.lines_to_take)
        if section.if_asked:
            self.emit(self.p("Heading 2", self.r(L["if_asked"])))
            self.numbered_list(section.if_asked)  # numbered, as on screen
        if section.background.strip():
            self.emit(self.p("Heading 2", self.r(L["background"])))
            self.text_block(section.background, numbered=True)
        if self.options.include_notes and section.notes.strip():
            self.emit(self.p("Heading 2", self.r(L["notes"])))
            self.text_block(section.notes)

    def section_table(self, section: SectionView) -> str:
        """The section's evidence table: *Industry position | Official outcome* as two
        independent columns, as the screen shows them (no row pairs one quote with another).

        One function on purpose: the asks ledger (export/ledger_table.py) replaces this
        rendering for sections that have ledger rows. The header row repeats on every page and
        never splits; the body row flows over pages (ten quotes are longer than a page)."""
        column = self._column_twips
        cell_pr = f'<w:tcPr><w:tcW w:w="{column}" w:type="dxa"/></w:tcPr>'
        head = "".join(
            f"<w:tc>{cell_pr}{self.p('Brief Table Heading', self.r(label))}</w:tc>"
            for label in (self.L["industry"], self.L["official"])
        )
        cells = "".join(
            f"<w:tc>{cell_pr}{self._column(quotes, empty)}</w:tc>"
            for quotes, empty in (
                (section.industry, self.L["no_industry"]),
                (section.official, self.L["no_official"]),
            )
        )
        return (
            f"<w:tbl>{self._tbl_pr}"
            f'<w:tblGrid><w:gridCol w:w="{column}"/><w:gridCol w:w="{column}"/></w:tblGrid>'
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
            f"<w:tr>{cells}</w:tr></w:tbl>"
        )

    def context_table(self, section: SectionView) -> str:
        """Press and analysis quoted as context: a column of its own under the evidence
        table, the full text width, headed so no reader takes it for an official outcome."""
        width = self._column_twips * 2
        cell_pr = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        head = f"<w:tc>{cell_pr}{self.p('Brief Table Heading', self.r(self.L['context']))}</w:tc>"
        return (
            f"<w:tbl>{self._tbl_pr}"
            f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
            f"<w:tr><w:tc>{cell_pr}{self._column(section.context, '')}</w:tc></w:tr></w:tbl>"
        )

    def ledger_table(self, section: SectionView) -> str:
        """The section as the asks ledger lays it out: *Industry ask | Official answer |
        Status*, one row per ask with the official text that answers it ("No official text
        found" for an unanswered ask). Header row repeats; rows never split."""
        total = self._column_twips * 2
        widths = [int(total * w) for w in WIDTHS]

        def cell(width: int, body: str) -> str:
            return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'

        head = "".join(
            cell(w, self.p("Brief Table Heading", self.r(label)))
            for w, label in zip(widths, (ASK_HEADER, ANSWER_HEADER, STATUS_HEADER), strict=True)
        )
        rows = []
        for row in section.ledger:
            ask = self._column((row.industry,), NO_ASK) if row.industry else self.p(
                "Brief Placeholder", self.r(NO_ASK)
            )
            answer = (
                self._column(row.official, "")
                if row.official
                else self.p("Brief Placeholder", self.r(no_answer_text(row, section.ledger)))
            )
            status = self.p("Brief Status", self.r(status_label(row.status), "Brief Label"))
            rows.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cell(widths[0], ask)
                + cell(widths[1], answer)
                + cell(widths[2], status)
                + "</w:tr>"
            )
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        return (
            f"<w:tbl>{self._tbl_pr}<w:tblGrid>{grid}</w:tblGrid>"
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
            + "".join(rows)
            + "</w:tbl>"
        )

    def _column(self, quotes: tuple[QuoteView, ...], placeholder: str) -> str:
        """Every quote of one column in screen order: the quote in quotation marks, its
        citation, and its status (source changed; DRAFT for an unreviewed suggestion)."""
        if not quotes:
            return self.p("Brief Placeholder", self.r(placeholder))
        out = []
        L = self.L
        for quote in quotes:
            number = self.numbers.get(quote.source.id, 0)
            inner = ""
            if quote.suggested and self.options.draft:
                inner = self.r(f"[{L['suggested']}] ", "Brief Draft Mark")
            out.append(self.p("Brief Quote", inner + self.r(quote_marks(quote.text))))
            label = self._labels.get(quote.source.id)
            if label is None:
                label = self._labels[quote.source.id] = source_label(quote.source, self.language)
            where = locator(quote)
            cite = f"[{number}] {label}, {where}" if where else f"[{number}] {label}"
            if quote.trimmed:
                cite += f" ({L['trimmed']})"
            out.append(self.p("Brief Citation", self.r(cite)))
            if quote.status == "changed":
                out.append(self.p("Brief Status", self.r(L["source_changed"])))
            elif quote.status == "moved":
                out.append(self.p("Brief Status", self.r(L["source_moved"])))
        return "".join(out)

    def annex(self) -> None:
        sources = self.brief.cited_sources()
        if not sources:
            return
        self.heading(self.L["annex"], page_break=True)
        for number, source in enumerate(sources, start=1):
            inner = self.r(f"[{number}]\t") + self.r(
                (source.title or source.short_title).strip(), "Brief Label"
            )
            details = [
                ", ".join(o.strip() for o in source.organisations if o.strip()),
                kind_label(source, self.language),
                format_date(source.date, self.language),
                source.reference.strip(),
            ]
            inner += self.r("\n" + " · ".join(d for d in details if d))
            if source.marking.strip():
                inner += self.r(f"\n{self.L['marking']}: {source.marking.strip()}")
            address = cited_address(source)
            if address:
                target = address if _has_scheme(address) else f"https://{address}"
                r_id = self.document.part.relate_to(target, RT.HYPERLINK, is_external=True)
                inner += self.r("\n") + (
                    f"<w:hyperlink r:id={self._attr(r_id)}>"
                    f"{self.r(address, 'Hyperlink')}</w:hyperlink>"
                )
            self.emit(self.p("Brief Annex", inner))

    def _flush_body(self) -> None:
        """Parse the body text once and put it before the final sectPr; add the numbering."""
        xml = f"<w:body {nsdecls('w', 'r')}>{''.join(self.out)}</w:body>"
        parsed = parse_xml(xml)
        for child in list(parsed):
            self._body_sect_pr.addprevious(child)
        if self._new_nums:
            nums = parse_xml(f"<w:numbering {nsdecls('w')}>{''.join(self._new_nums)}</w:numbering>")
            for num in list(nums):
                self._numbering.append(num)
        self.out = []
        self._new_nums = []

    def core_properties(self) -> None:
        brief = self.brief
        core = self.document.core_properties
        when = _naive_utc(brief.updated_at)
        core.title = _truncate(brief.title)
        core.subject = self.L["meeting_brief"]
        core.author = core.last_modified_by = _truncate(brief.author)
        core.keywords = _truncate("; ".join(s.topic.strip() for s in brief.sections))
        core.content_status = _truncate(self.status_text())
        core.category = _truncate(self.marking_line())
        core.comments = ""
        core.language = "ja-JP" if self.language == "ja" else "en-GB"
        created = brief.created_at
        core.created = _naive_utc(created) if created is not None else when
        core.modified = when
        core.revision = max(int(brief.revision or 0), 1)

    def build(self, user_template: bool) -> None:
        set_document_language(self.document, self.language)
        text_width = self.page_setup(user_template)
        self._column_twips = int(text_width // 2 / 635)  # EMU -> twentieths of a point
        self._text_twips = int(text_width / 635)
        style_id = self.style_ids.get("Brief Table")
        self._tbl_pr = (
            "<w:tblPr>"
            + (f"<w:tblStyle w:val={quoteattr(style_id)}/>" if style_id else "")
            + f'<w:tblW w:w="{self._column_twips * 2}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        )
        self.header_footer()
        self.front_page()
        for number, section in enumerate(self.brief.sections, start=1):
            self.section(number, section)
        self.annex()
        self._flush_body()
        self.core_properties()
        set_compatibility_mode(self.document)


def version_text(brief: BriefView, options: ExportOptions, language: str) -> str:
    """'2 “sent to cabinet”, 1 December 2026' from the brief's named versions."""
    L = labels(language)
    issued = long_date((brief.updated_at or datetime.now()).date(), language)
    comma = "、" if language == "ja" else ", "
    if not brief.version_label.strip():
        return f"{L['draft_status']}{comma}{L['issued']} {issued}"
    name = brief.version_label.strip()
    number = f"{brief.version_number} " if brief.version_number else ""
    taken = long_date(brief.version_taken_at.date(), language) if brief.version_taken_at else ""
    label = f"{number}“{name}”" if language == "en" else f"{number}「{name}」"
    return comma.join(p for p in (label, taken) if p)


def status_text(brief: BriefView, options: ExportOptions, language: str) -> str:
    """'Final', or 'Draft (changed since “sent to cabinet”)'; a DRAFT export is never Final."""
    L = labels(language)
    final = brief.status == "Final" and not options.draft
    status = L["final_status"] if final else L["draft_status"]
    if brief.changed_since_version and brief.version_label.strip():
        status += f" ({L['changed_since'].format(name=brief.version_label.strip())})"
    return status


def _has_scheme(address: str) -> bool:
    return "://" in address or address.startswith(("doi:", "urn:"))


def _topic_bookmark(number: int) -> str:
    return f"_Toc_topic_{number}"


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
    live_toc: bool = False,
    toc_pages: dict[int, int] | None = None,
) -> DocxDocument:
    """The brief as an in-memory python-docx Document (used by the DOCX and PDF writers).

    ``live_toc`` leaves the contents outside a TOC field so LibreOffice computes its page
    numbers while laying out (PDF); ``toc_pages`` (topic number -> page) fills them in.
    """
    document, user_template = load_template(options.template)
    _clear_body(document)
    builder = _DocxBuilder(document, brief, options, live_toc=live_toc, toc_pages=toc_pages)
    builder.build(user_template)
    clean_package(document, (builder.words, builder.chars, builder.paragraphs))
    return document


def write_docx(
    brief: BriefView,
    target: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> Path:
    """Write ``brief`` to ``target`` (.docx) atomically; raises ExportError on any failure.

    With a contents page and LibreOffice installed, a layout pass finds each topic's page so
    the contents ship with their page numbers (``options.toc_page_numbers``)."""
    pages = None
    if options.toc and options.toc_page_numbers and brief.sections:
        from briefer.export.pdf_writer import layout_pages  # lazy: LibreOffice is optional

        pages = layout_pages(brief, options)
    document = build_docx(brief, options, toc_pages=pages)
    return write_atomically(Path(target), lambda tmp: document.save(str(tmp)))
