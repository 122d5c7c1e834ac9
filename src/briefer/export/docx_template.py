"""The DOCX template: the default one in ``resources/``, or the officer's own .docx/.dotx,
with every style the export uses guaranteed to exist (missing ones copied from the default).
"""

from __future__ import annotations

import copy
import io
import zipfile
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from briefer import paths
from briefer.errors import ExportError, IngestError
from briefer.ingest.docx_reader import check_zip
from briefer.ingest.limits import MAX_FILE_BYTES, mb

TEMPLATE_NAME = "brief-template.docx"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_CTS = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)


@lru_cache(maxsize=1)
def _default_template_bytes() -> bytes:
    """The shipped template; regenerated in memory if the resource is missing (dev checkouts)."""
    try:
        return (files("briefer.resources") / TEMPLATE_NAME).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, OSError):
        pass
    fallback = Path(__file__).resolve().parents[3] / "resources" / TEMPLATE_NAME
    try:
        return fallback.read_bytes()
    except OSError:
        from briefer.export import make_template  # lazy: keeps `-m make_template` warning-free

        return make_template.template_bytes()


def _as_document_package(data: bytes) -> bytes:
    """Relabel a .dotx main part as a document so python-docx will open it."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        content_types = src.read("[Content_Types].xml")
        if not any(ct in content_types for ct in _TEMPLATE_CTS):
            return data
        for ct in _TEMPLATE_CTS:
            content_types = content_types.replace(ct, _DOCUMENT_CT)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                payload = (
                    content_types
                    if info.filename == "[Content_Types].xml"
                    else (src.read(info.filename))
                )
                dst.writestr(info, payload)
        return out.getvalue()


def _check_template_file(path: Path) -> None:
    """The limits an imported DOCX gets (size, parts, unpacked size, compression ratio),
    before python-docx unpacks anything: a zip-bomb template once reached 6.2 GB."""
    if not paths.regular_or_new(path, what="a template", error=ExportError):
        raise ExportError(f"Cannot read the template {path}: no such file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExportError(f"Cannot read the template {path}: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise ExportError(
            f"Cannot use {path} as a template: it is {mb(size)}; the limit is {mb(MAX_FILE_BYTES)}"
        )
    if not zipfile.is_zipfile(path):
        raise ExportError(
            f"Cannot use {path} as a template: it is not a Word document or template (.docx/.dotx)"
        )
    try:
        check_zip(path)
    except IngestError as exc:
        raise ExportError(f"Cannot use {path} as a template: {exc}") from exc


def load_template(path: Path | None) -> tuple[DocxDocument, bool]:
    """Open the user's template (.docx/.dotx) or Briefer's; returns (document, is_user_template)."""
    if path is None:
        return Document(io.BytesIO(_default_template_bytes())), False
    path = Path(path)
    _check_template_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(
            f"Cannot read the template {path}: {exc.strerror or 'unreadable'}"
        ) from exc
    try:
        return Document(io.BytesIO(_as_document_package(data))), True
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ExportError(
            f"Cannot use {path} as a template: it is not a Word document or template (.docx/.dotx)"
        ) from exc


@lru_cache(maxsize=1)
def _default_styles_xml() -> bytes:
    document = Document(io.BytesIO(_default_template_bytes()))
    return etree.tostring(document.styles.element)


def _style_name(style_el: etree._Element) -> str:
    name = style_el.find(qn("w:name"))
    return (name.get(qn("w:val")) if name is not None else "") or ""


def ensure_styles(document: DocxDocument) -> dict[str, str]:
    """Copy any style Briefer needs but the template lacks; return style name -> styleId.

    Styles are matched by name (case-insensitive, as Word does for built-ins), not id, because
    localised Word versions give built-in styles other ids ("berschrift1" for Heading 1).
    """
    styles_el = document.styles.element
    target = {_style_name(s).casefold(): s for s in styles_el.findall(qn("w:style"))}
    target_ids = {s.get(qn("w:styleId")) for s in styles_el.findall(qn("w:style"))}
    defaults_el = etree.fromstring(_default_styles_xml())
    default_by_name = {_style_name(s).casefold(): s for s in defaults_el.findall(qn("w:style"))}
    default_id_to_name = {s.get(qn("w:styleId")): name for name, s in default_by_name.items()}

    def ensure(name: str) -> str | None:
        key = name.casefold()
        if key in target:
            return target[key].get(qn("w:styleId"))
        source = default_by_name.get(key)
        if source is None:
            return None
        new = copy.deepcopy(source)
        style_id = new.get(qn("w:styleId"))
        if style_id in target_ids:  # id taken by an unrelated style in the user's template
            style_id = f"{style_id}Briefer"
            new.set(qn("w:styleId"), style_id)
        target[key] = new
        target_ids.add(style_id)
        styles_el.append(new)
        for ref_tag in ("w:basedOn", "w:next", "w:link"):
            ref = new.find(qn(ref_tag))
            if ref is None:
                continue
            ref_name = default_id_to_name.get(ref.get(qn("w:val")))
            ref_id = ensure_dependency(ref_name, ref_tag) if ref_name else None
            if ref_id is None:
                new.remove(ref)
            else:
                ref.set(qn("w:val"), ref_id)
        return style_id

    def ensure_dependency(ref_name: str, ref_tag: str) -> str | None:
        if ref_tag == "w:link":  # linked character styles are cosmetic; never copy them in
            existing = target.get(ref_name)
            return existing.get(qn("w:styleId")) if existing is not None else None
        return ensure(ref_name)

    from briefer.export import make_template

    ids: dict[str, str] = {}
    for name in (
        *make_template.PARAGRAPH_STYLES,
        *make_template.CHARACTER_STYLES,
        *make_template.TABLE_STYLES,
    ):
        style_id = ensure(name)
        if style_id is not None:
            ids[name] = style_id
    return ids


def east_asia_font(document: DocxDocument) -> str:
    """The template's own East Asian font if it names one, else Briefer's (Yu Gothic)."""
    from briefer.export.make_template import EAST_ASIA_FONT

    styles_el = document.styles.element
    fonts = styles_el.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    font = fonts.get(qn("w:eastAsia")) if fonts is not None else None
    if font:
        return font
    if fonts is None:
        rpr_default = styles_el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr_default is not None:
            fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            rpr_default.insert(0, fonts)
    if fonts is not None and not fonts.get(qn("w:eastAsiaTheme")):
        fonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    return EAST_ASIA_FONT
