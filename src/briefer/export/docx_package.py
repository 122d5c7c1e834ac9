"""Package hygiene for an exported DOCX: nothing that makes Word open it in Compatibility
Mode or that a reviewer would find odd.

- ``compatibilityMode`` 15 (Word 2013+ layout), never 14 from an old template;
- no ``stylesWithEffects.xml`` (a Word 2010 leftover), no ``thumbnail.jpeg`` (a blank preview);
- ``docProps/app.xml`` written by Briefer, not "Microsoft Macintosh Word" with zero words;
- the brief's language as the document default (spell checking, and LibreOffice's PDF
  ``/Lang``).

Applied to every export, so a department's own old template is cleaned the same way.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from briefer import __version__

_WORD_URI = "http://schemas.microsoft.com/office/word"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_LANGS = {"ja": ("ja-JP", "ja-JP"), "en": ("en-GB", "ja-JP")}


def set_compatibility_mode(document: DocxDocument, mode: int = 15) -> None:
    """w:compat/w:compatSetting compatibilityMode = 15 (added when the template has none)."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        # w:compat sits after the settings that precede it in the schema; before w:rsids
        # (or the first later element) is where Word writes it.
        successor = next(
            (
                c
                for c in settings
                if etree.QName(c).localname
                in ("docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang")
            ),
            None,
        )
        if successor is None:
            settings.append(compat)
        else:
            successor.addprevious(compat)
    setting = next(
        (
            c
            for c in compat.findall(qn("w:compatSetting"))
            if c.get(qn("w:name")) == "compatibilityMode"
        ),
        None,
    )
    if setting is None:
        setting = OxmlElement("w:compatSetting")
        setting.set(qn("w:name"), "compatibilityMode")
        setting.set(qn("w:uri"), _WORD_URI)
        compat.append(setting)
    setting.set(qn("w:val"), str(mode))
    for legacy in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(legacy)  # would make Word write a thumbnail again


def set_document_language(document: DocxDocument, language: str) -> None:
    """The brief's language as the default of the document and its Normal style."""
    latin, east_asia = _LANGS.get(language, _LANGS["en"])
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    targets = [rpr] if rpr is not None else []
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            style_rpr = style.find(qn("w:rPr"))
            if style_rpr is not None:
                targets.append(style_rpr)
    for target in targets:
        lang = target.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            target.append(lang)
        lang.set(qn("w:val"), latin)
        lang.set(qn("w:eastAsia"), east_asia)
    font_lang = document.settings.element.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.set(qn("w:val"), latin)


def _app_xml(document: DocxDocument, counts: tuple[int, int, int] | None) -> bytes:
    if counts is None:  # counted from the body (the writer passes its own tally)
        body = document.element.body
        text = " ".join([t.text for t in body.iter(qn("w:t")) if t.text])
        counts = (len(text.split()), len(text), sum(1 for _ in body.iter(qn("w:p"))))
    words, chars, paragraphs = counts
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        f"<Application>Briefer {__version__}</Application>"
        "<DocSecurity>0</DocSecurity>"
        f"<Words>{words}</Words><Characters>{chars}</Characters>"
        f"<Paragraphs>{paragraphs}</Paragraphs>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()


def clean_package(document: DocxDocument, counts: tuple[int, int, int] | None = None) -> None:
    """Drop stylesWithEffects and the thumbnail; write app.xml afresh (``counts``: words,
    characters, paragraphs of the body)."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            part.drop_rel(r_id)
    package = part.package
    app_part = None
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            app_part = rel.target_part
    blob = _app_xml(document, counts)
    if app_part is not None:
        app_part._blob = blob
    else:
        new = Part(PackURI("/docProps/app.xml"), _APP_CT, blob, package)
        package.relate_to(new, RT.EXTENDED_PROPERTIES)
