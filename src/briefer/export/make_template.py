"""Build Briefer's default Word template (resources/brief-template.docx).

Kept as code so the look of a brief is reviewable in a diff and reproducible; the generated
.docx is committed so exports never depend on running this. Every style the DOCX writer uses is
defined here; user templates that lack one get a copy of this definition at export time.

Run: ``python -m briefer.export.make_template resources/brief-template.docx``
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

BODY_FONT = "Calibri"
# East Asian font for Japanese runs: Yu Gothic ships with Windows 8.1+ and Office for Mac, reads
# well on screen and matches Calibri's weight. LibreOffice/fontconfig substitute Noto Sans CJK JP
# (or another installed Japanese gothic) when it is missing, so PDFs still show the glyphs.
EAST_ASIA_FONT = "Yu Gothic"

DRAFT_RED = "C00000"  # DRAFT banner and marks: must not be missed
AMBER = "9C5700"  # "source changed" notes
INK = "262626"  # body text: near-black is softer than pure black on screen
NAVY = "1F3864"  # headings
GREY = "595959"  # citations, header/footer
LIGHT_GREY = "7F7F7F"  # placeholders
RULE = "BFBFBF"  # table grid and heading rules
HEADER_FILL = "DCE3EE"  # shaded table header row

# Styles the DOCX writer refers to (by name); the writer imports this tuple.
PARAGRAPH_STYLES = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "Header",
    "Footer",
    "List Number",
    "List Bullet",
    "Brief Marking",
    "Brief Meta",
    "Brief Assessment",
    "Brief Quote",
    "Brief Citation",
    "Brief Placeholder",
    "Brief Table Heading",
    "Brief Annex",
    "Brief Heading",
    "Brief Draft",
    "Brief Status",
    "Brief Attendee",
)
CHARACTER_STYLES = ("Brief Label", "Brief Draft Mark", "Hyperlink")
TABLE_STYLES = ("Brief Table",)


def _rfonts(ascii_font: str = BODY_FONT) -> str:
    return (
        f'<w:rFonts w:ascii="{ascii_font}" w:hAnsi="{ascii_font}" w:cs="{ascii_font}"'
        f' w:eastAsia="{EAST_ASIA_FONT}"/>'
    )


def _style(
    style_id: str,
    name: str,
    *,
    kind: str = "paragraph",
    based_on: str | None = "Normal",
    next_style: str | None = None,
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    custom: bool = True,
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    custom_attr = ' w:customStyle="1"' if custom else ""
    p = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    r = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (
        f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}"{custom_attr}>'
        f'<w:name w:val="{name}"/>{based}{nxt}<w:uiPriority w:val="10"/><w:qFormat/>'
        f"{p}{r}{extra}</w:style>"
    )


def _spacing(before: int = 0, after: int = 0, line: int | None = None) -> str:
    """Spacing in points (before/after) and line in 240ths (auto rule)."""
    ln = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before * 20}" w:after="{after * 20}"{ln}/>'


def _size(points: float) -> str:
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _border(side: str, color: str = RULE, size: int = 4, space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def style_definitions() -> list[str]:
    """XML for every style Briefer defines or overrides, in dependency order."""
    heading_rpr = f'{_rfonts()}<w:b/><w:bCs/><w:color w:val="{NAVY}"/>'
    return [
        _style(
            "Normal",
            "Normal",
            based_on=None,
            custom=False,
            ppr=_spacing(0, 6, 264),
            rpr=f'{_rfonts()}<w:color w:val="{INK}"/>{_size(11)}'
            '<w:lang w:val="en-GB" w:eastAsia="ja-JP" w:bidi="ar-SA"/>',
        ),
        _style(
            "Title",
            "Title",
            next_style="BriefMeta",
            custom=False,
            ppr=f"<w:keepNext/>{_spacing(6, 10, 240)}<w:contextualSpacing/>",
            rpr=f'{heading_rpr}<w:kern w:val="28"/>{_size(22)}',
        ),
        _style(
            "Heading1",
            "heading 1",
            next_style="Normal",
            custom=False,
            ppr=f"<w:keepNext/><w:keepLines/><w:pBdr>{_border('bottom', RULE, 6, 2)}</w:pBdr>"
            f'{_spacing(18, 6, 240)}<w:outlineLvl w:val="0"/>',
            rpr=f"{heading_rpr}{_size(14)}",
        ),
        _style(
            "Heading2",
            "heading 2",
            next_style="Normal",
            custom=False,
            ppr=f'<w:keepNext/><w:keepLines/>{_spacing(12, 3, 240)}<w:outlineLvl w:val="1"/>',
            rpr=f"{heading_rpr}{_size(11.5)}",
        ),
        _style(
            "TOCHeading",
            "TOC Heading",
            based_on="Heading1",
            next_style="Normal",
            custom=False,
            ppr='<w:outlineLvl w:val="9"/>',
        ),
        _style(
            "TOC1",
            "toc 1",
            next_style="Normal",
            custom=False,
            ppr=f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
            f"{_spacing(0, 3)}",
        ),
        _style(
            "TOC2",
            "toc 2",
            next_style="Normal",
            custom=False,
            ppr=f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
            f'{_spacing(0, 2)}<w:ind w:left="284"/>',
            rpr=_size(10),
        ),
        _style(
            "Header",
            "header",
            custom=False,
            ppr='<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/>'
            f'</w:tabs>{_spacing(0, 0, 240)}<w:jc w:val="center"/>',
            rpr=f'<w:color w:val="{GREY}"/>{_size(8.5)}',
        ),
        _style(
            "Footer",
            "footer",
            custom=False,
            ppr='<w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/>'
            f'</w:tabs>{_spacing(0, 0, 240)}<w:jc w:val="center"/>',
            rpr=f'<w:color w:val="{GREY}"/>{_size(8.5)}',
        ),
        _style(
            "ListNumber",
            "List Number",
            custom=False,
            ppr=f'{_spacing(0, 4)}<w:ind w:left="360" w:hanging="360"/>',
        ),
        _style(
            "ListBullet",
            "List Bullet",
            custom=False,
            ppr=f'{_spacing(0, 4)}<w:ind w:left="360" w:hanging="360"/>',
        ),
        _style(
            "BriefMarking",
            "Brief Marking",
            ppr=f'{_spacing(0, 6, 240)}<w:jc w:val="center"/>',
            rpr=f'<w:b/><w:bCs/><w:caps/><w:color w:val="000000"/><w:spacing w:val="20"/>'
            f"{_size(12)}",
        ),
        _style(
            "BriefMeta",
            "Brief Meta",
            next_style="BriefMeta",
            ppr=_spacing(0, 2, 252),
            rpr=_size(10.5),
        ),
        _style(
            "BriefAssessment",
            "Brief Assessment",
            ppr=f"<w:keepNext/>{_spacing(2, 8, 252)}",
            rpr=_size(10.5),
        ),
        _style(
            "BriefQuote",
            "Brief Quote",
            next_style="BriefCitation",
            # No keepNext: quote and citation share a row that cannot split, and LibreOffice
            # reads keepNext inside cells as "keep the whole table with the next paragraph".
            ppr=_spacing(2, 2, 252),
            rpr=_size(10),
        ),
        _style(
            "BriefCitation",
            "Brief Citation",
            next_style="BriefQuote",
            ppr=_spacing(0, 6, 240),
            rpr=f'<w:color w:val="{GREY}"/>{_size(8.5)}',
        ),
        _style(
            "BriefPlaceholder",
            "Brief Placeholder",
            ppr=_spacing(2, 4, 252),
            rpr=f'<w:i/><w:iCs/><w:color w:val="{LIGHT_GREY}"/>{_size(10)}',
        ),
        _style(
            "BriefTableHeading",
            "Brief Table Heading",
            ppr=_spacing(2, 2, 240),
            rpr=f'<w:b/><w:bCs/><w:color w:val="{NAVY}"/>{_size(10)}',
        ),
        _style(
            "BriefAnnex",
            "Brief Annex",
            ppr=f'<w:keepLines/><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs>'
            f'{_spacing(0, 8, 252)}<w:ind w:left="567" w:hanging="567"/>',
            rpr=_size(10),
        ),
        _style(
            "BriefHeading",
            "Brief Heading",
            based_on="Heading1",
            next_style="Normal",
            # Looks like a topic heading, but is not one: no outline level, so the contents
            # (topics only) and Word's navigation list topics alone.
            ppr='<w:outlineLvl w:val="9"/>',
        ),
        _style(
            "BriefDraft",
            "Brief Draft",
            ppr=f'{_spacing(0, 4, 240)}<w:jc w:val="center"/>',
            rpr=f'<w:b/><w:bCs/><w:color w:val="{DRAFT_RED}"/>{_size(10)}',
        ),
        _style(
            "BriefStatus",
            "Brief Status",
            ppr=_spacing(0, 6, 240),
            rpr=f'<w:i/><w:iCs/><w:color w:val="{AMBER}"/>{_size(8.5)}',
        ),
        _style(
            "BriefAttendee",
            "Brief Attendee",
            ppr=f"<w:keepLines/>{_spacing(0, 6, 252)}",
            rpr=_size(10.5),
        ),
        _style(
            "BriefDraftMark",
            "Brief Draft Mark",
            kind="character",
            based_on="DefaultParagraphFont",
            rpr=f'<w:b/><w:bCs/><w:color w:val="{DRAFT_RED}"/>',
        ),
        _style(
            "Hyperlink",
            "Hyperlink",
            kind="character",
            based_on="DefaultParagraphFont",
            custom=False,
            rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>',
        ),
        _style(
            "BriefLabel",
            "Brief Label",
            kind="character",
            based_on="DefaultParagraphFont",
            rpr="<w:b/><w:bCs/>",
        ),
        _style(
            "BriefTable",
            "Brief Table",
            kind="table",
            based_on="TableNormal",
            ppr=_spacing(0, 0),
            extra=(
                "<w:tblPr>"
                # Compatibility mode 15 measures the indent to the table's edge: no indent
                # keeps the borders on the page margins.
                '<w:tblInd w:w="0" w:type="dxa"/>'
                "<w:tblBorders>"
                + "".join(
                    _border(s, RULE, 4, 0)
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV")
                )
                + "</w:tblBorders>"
                '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                "</w:tblCellMar></w:tblPr>"
                '<w:tblStylePr w:type="firstRow">'
                "<w:rPr><w:b/><w:bCs/></w:rPr>"
                f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
                "</w:tblStylePr>"
            ),
        ),
    ]


def apply_styles(document: DocxDocument) -> None:
    """Define or replace Briefer's styles and make the document defaults East-Asia aware."""
    styles_el = document.styles.element
    for xml in style_definitions():
        new = parse_xml(xml)
        style_id = new.get(qn("w:styleId"))
        for old in styles_el.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style_id:
                styles_el.remove(old)
        styles_el.append(new)
    # Document defaults: explicit fonts (not theme fonts, which Word resolves per locale).
    rpr_default = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is not None:
            for child in list(rpr):
                if child.tag in (qn("w:rFonts"), qn("w:lang")):
                    rpr.remove(child)
            rpr.insert(0, parse_xml(_rfonts().replace("<w:rFonts", f"<w:rFonts {nsdecls('w')}")))
            rpr.append(
                parse_xml(
                    f'<w:lang {nsdecls("w")} w:val="en-GB" w:eastAsia="ja-JP" w:bidi="ar-SA"/>'
                )
            )


#: Styles kept from python-docx's default document besides Briefer's own: the defaults every
#: other style rests on.
_BASE_STYLES = ("DefaultParagraphFont", "TableNormal", "NoList")


def _slim_styles(document: DocxDocument) -> None:
    """Only the styles a brief uses (and the defaults): a smaller styles part loads and saves
    faster on every export. Word's built-ins come back by name whenever a user applies one."""
    styles_el = document.styles.element
    ours = {parse_xml(xml).get(qn("w:styleId")) for xml in style_definitions()}
    keep = ours | set(_BASE_STYLES)
    for style in styles_el.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles_el.remove(style)
    latent = styles_el.find(qn("w:latentStyles"))
    if latent is not None:
        for exception in list(latent):
            latent.remove(exception)


def build_template() -> DocxDocument:
    """python-docx's default document with Briefer's styles, A4 page and an empty body."""
    from briefer.export.docx_package import clean_package, set_compatibility_mode

    document = Document()
    apply_styles(document)
    _slim_styles(document)
    set_compatibility_mode(document)
    _drop_custom_xml(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.0)
    core = document.core_properties
    core.author = core.last_modified_by = "Briefer"
    core.title = "Briefer meeting brief template"
    core.comments = core.keywords = core.subject = ""
    clean_package(document)
    return document


def _drop_custom_xml(document: DocxDocument) -> None:
    """python-docx's default document carries an empty bibliography customXml part."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if not rel.is_external and str(rel.target_part.partname).startswith("/customXml/"):
            part.drop_rel(r_id)


def template_bytes() -> bytes:
    """The default template as bytes, for when the shipped resource cannot be found."""
    buffer = io.BytesIO()
    build_template().save(buffer)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m briefer.export.make_template OUTPUT.docx", file=sys.stderr)
        return 2
    target = Path(args[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(str(target))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
