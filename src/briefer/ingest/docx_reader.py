"""DOCX: Word's own structure (heading styles, outline levels, list levels) as passages.

The zip is inspected before python-docx opens it, because python-docx loads every part into
memory: a "document" of a few kilobytes can unpack to gigabytes (a zip bomb).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lxml import etree

from briefer.errors import IngestError
from briefer.ingest.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECK_BYTES,
    mb,
)
from briefer.ingest.model import Document
from briefer.ingest.structure import Block, Hints, build_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
_HEADING_STYLE = re.compile(r"^(?:heading|見出し)\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list (?:bullet|number|continue|paragraph)\s*(\d)?$", re.I)
_STALE_TITLES = re.compile(r"^(document\d*|untitled|title|slide \d+|microsoft word.*)$", re.I)


def check_zip(path: Path, *, name: str = "") -> zipfile.ZipInfo | None:
    """Refuse zip bombs and non-Word zips before anything is unpacked.

    Returns the ``word/document.xml`` entry (None when the zip is not a Word document).
    """
    who = name or path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(f"{who} is damaged: it is not a readable Word file ({exc}).") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise IngestError(f"{who} has {len(infos):,} parts; this is not a Word document.")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise IngestError(
            f"{who} unpacks to {mb(total)} (the limit is {mb(MAX_UNPACKED_BYTES)}); "
            "it may be a zip bomb and is not opened."
        )
    for info in infos:
        if info.file_size > RATIO_CHECK_BYTES and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_COMPRESSION_RATIO
        ):
            raise IngestError(
                f"{who} contains a part compressed more than {MAX_COMPRESSION_RATIO}:1 "
                f"({info.filename}); it may be a zip bomb and is not opened."
            )
    return next((i for i in infos if i.filename == "word/document.xml"), None)


def read_docx(path: Path) -> Document:
    """Headings, lists, tables, foot/endnotes and core properties of a .docx file."""
    if check_zip(path) is None:
        raise IngestError(
            f"{path.name} is a zip archive but not a Word document (no word/document.xml)."
        )
    import docx  # python-docx: imported late, it is only needed here
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(f"{path.name} is damaged: it is not a readable Word file.") from exc
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"{path.name} is damaged: its XML cannot be read ({exc}).") from exc
    blocks = list(_body_blocks(doc, structured=True))
    if not any(b.kind in ("heading", "bullet") for b in blocks):
        # No Word structure at all (typed numbering, manual bold): the plain-text rules guess.
        blocks = list(_body_blocks(doc, structured=False))
    blocks.extend(_notes(doc))
    return build_document(blocks, origin=path.name, fmt="docx", hints=_hints(doc, path))


def _style_chain(style: object) -> Iterator[object]:
    seen = 0
    while style is not None and seen < 10:
        yield style
        style = getattr(style, "base_style", None)
        seen += 1


def _outline_level(element: etree._Element | None) -> int | None:
    if element is None:
        return None
    found = element.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
    if found is None:
        return None
    try:
        value = int(found.get(f"{{{W}}}val", "9"))
    except ValueError:
        return None
    return value + 1 if value < 9 else None


def _classify(paragraph: object) -> tuple[str, int]:
    """("heading", level) / ("bullet", level) / ("paragraph", 0) for a python-docx paragraph."""
    p_el = paragraph._p  # type: ignore[attr-defined]
    style = paragraph.style  # type: ignore[attr-defined]
    level = _outline_level(p_el)
    for st in _style_chain(style):
        name = (getattr(st, "name", "") or "").strip()
        if level is None and name.lower() == "title":
            level = 1
        if level is None and (m := _HEADING_STYLE.match(name)):
            level = int(m.group(1))
        if level is None:
            level = _outline_level(getattr(st, "element", None))
        if level is not None:
            return "heading", level
    num = p_el.find(f"{{{W}}}pPr/{{{W}}}numPr")
    if num is not None:
        ilvl = num.find(f"{{{W}}}ilvl")
        num_id = num.find(f"{{{W}}}numId")
        if num_id is None or num_id.get(f"{{{W}}}val") != "0":
            value = ilvl.get(f"{{{W}}}val", "0") if ilvl is not None else "0"
            return "bullet", int(value) + 1 if value.isdigit() else 1
    for st in _style_chain(style):
        name = (getattr(st, "name", "") or "").strip()
        if m := _LIST_STYLE.match(name):
            return "bullet", int(m.group(1) or 1)
    return "paragraph", 0


def _body_blocks(doc: object, *, structured: bool) -> Iterator[Block]:
    """Paragraphs and tables in order; unstructured paragraphs become one plain-text run."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    run: list[str] = []
    for item in doc.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Paragraph):
            text = item.text
            if not structured:
                run.append(text)
            elif text.strip():
                kind, level = _classify(item)
                yield Block(text, kind, level)  # type: ignore[arg-type]
        elif isinstance(item, Table):
            if run:
                yield Block("\n".join(run), "text")
                run = []
            yield from _table_blocks(item)
    if run:
        yield Block("\n".join(run), "text")


def _table_blocks(table: object) -> Iterator[Block]:
    """One passage per row, cells joined with " | " (merged cells counted once)."""
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            yield Block(" | ".join(cells), "paragraph")


def _notes(doc: object) -> list[Block]:
    """Footnotes and endnotes, numbered as Word shows them, under a heading of their own."""
    out: list[Block] = []
    package = doc.part.package  # type: ignore[attr-defined]
    for part_name, tag, heading in (
        ("/word/footnotes.xml", "footnote", "Footnotes"),
        ("/word/endnotes.xml", "endnote", "Endnotes"),
    ):
        part = next((p for p in package.iter_parts() if str(p.partname) == part_name), None)
        if part is None:
            continue
        try:
            root = etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            continue
        notes: list[Block] = []
        for note in root.iterfind(f"w:{tag}", _NS):
            if note.get(f"{{{W}}}type") in ("separator", "continuationSeparator"):
                continue
            paras = ["".join(p.itertext()).strip() for p in note.iterfind(".//w:p", _NS)]
            body = " ".join(p for p in paras if p)
            if body:
                notes.append(Block(f"[{len(notes) + 1}] {body}", "paragraph"))
        if notes:
            out.append(Block(heading, "heading", 1))
            out.extend(notes)
    return out


def _hints(doc: object, path: Path) -> Hints:
    props = doc.core_properties  # type: ignore[attr-defined]
    title = (props.title or "").strip()
    if _STALE_TITLES.match(title):
        title = ""
    created = props.created
    when: date | None = created.date() if created is not None else None
    orgs: tuple[str, ...] = ()
    company = _company(path)
    if company:
        orgs = (company,)
    extra = {
        "author": (props.author or "").strip(),
        "subject": (props.subject or "").strip(),
        "keywords": (props.keywords or "").strip(),
        "created": created.isoformat() if created else "",
        "company": company,
    }
    return Hints(title=title, date=when, organisations=orgs, extra=extra)


def _company(path: Path) -> str:
    """docProps/app.xml's Company: the organisation the author's Word is licensed to."""
    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("docProps/app.xml")
        root = etree.fromstring(data)
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return ""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.endswith("}Company") and el.text:
            return el.text.strip()
    return ""
