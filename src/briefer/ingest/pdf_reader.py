"""PDF: the text layer page by page, with running headers and page numbers as furniture.

pypdfium2 (PDFium, BSD-3/Apache-2.0) reads the text with each character's font size and
weight, and the outline (bookmarks): lines set larger or bold than the body are headings,
levelled by size (the outline's level where it names the line), and a heading set over
several lines is one heading. pypdf (BSD) opens the file first, for its clear diagnosis of
damaged and encrypted files and for the document properties. What a PDF adds is repaired or
marked here: words hyphenated at line ends are joined, ligatures are undone, spaces that
extraction puts between Japanese and Latin letters or digits are removed (before offsets
exist, so ``source.text[start:end]`` stays exact), lines repeating at the top or bottom of
most pages are furniture. A file without a text layer is said to be probably a scan; with
``ocr=True`` it is read by Tesseract (``ingest.ocr``), page by page.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

from briefer.errors import IngestError
from briefer.ingest.limits import MAX_PDF_PAGES, MAX_TEXT_CHARS
from briefer.ingest.metadata import is_cjk
from briefer.ingest.model import Document
from briefer.ingest.pdf_layout import Line, heading_levels, page_lines, repair_cjk_spacing
from briefer.ingest.structure import Block, Hints, build_document

_LIGATURES = {ch: unicodedata.normalize("NFKC", ch) for ch in "ﬀﬁﬂﬃﬄﬅﬆ"}
# Word's bullets are Symbol/Wingdings glyphs that extract as private-use code points.
_PUA_BULLETS = dict.fromkeys("\uf0b7\uf0a7\uf06e\uf0d8\uf076\uf0fc\uf0a8\uf071\uf0e0", "•")
_LIGATURE_TABLE = str.maketrans({**_LIGATURES, **_PUA_BULLETS})
_LIST_START = re.compile(
    r"^\s*(?:[•・○●▪◦‣■□◆◇▶►\-–*]|\(?[0-9０-９]{1,3}[.)．）]|[①-⑳]"
    # "(a)", "(iv)", "（１）", "（ア）" - but not "(HPC)" opening a wrapped line
    r"|[(（](?:[0-9０-９]{1,3}|[a-zA-Z]|[ivxIVX]{1,4}|[一二三四五六七八九十]{1,3}|[ア-ン])[)）])"
)
_SENTENCE_END = tuple(".!?:;。！？：")
#: A line at least this share of the page's longest line is "full": the paragraph goes on.
_FULL_LINE = 0.8
#: The next line's first word would have taken this line past this share of a full line.
_NO_ROOM = 0.9
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página)\s*+)?[-–—(\[]?\s*+\d{1,4}\s*+[-–—)\]]?"
    r"(?:\s*+(?:/|of|von|de)\s*+\d{1,4})?$|^[ivxlc]{1,6}$|^[-–—]?\s*+\d{1,4}\s*+ページ?\s*+[-–—]?$",
    re.I,
)
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")
_EDGE_LINES = 2  # lines at the top and bottom of a page considered for running heads
_MIN_TEXT_CHARS = 20  # fewer visible characters in the whole file: only images
_STALE_TITLE = re.compile(
    r"(^microsoft (word|powerpoint)|\.(docx?|pptx?|pdf|rtf)$|^untitled)", re.I
)


def read_pdf(path: Path, *, ocr: bool = False) -> Document:
    """Text per page (page numbers kept), headings from fonts and outline, running heads as
    furniture; a scan is read by OCR when ``ocr`` is set (else refused, saying so)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported by us
    name = path.name
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise IngestError(
                    f"{name} is encrypted (AES) and cannot be decrypted here; save an "
                    "unprotected copy and import that."
                ) from exc
            if not opened:
                raise IngestError(
                    f"{name} is password-protected; save an unprotected copy and import that."
                )
        count = len(reader.pages)
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise IngestError(f"{name} is password-protected; save an unprotected copy.") from exc
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as exc:
        # A file whose cross-reference table is missing or wrong (written by hand or by an
        # odd tool) is often still readable: PDFium rebuilds the table, as viewers do.
        repaired = _repaired_page_count(path)
        if repaired is None:
            raise IngestError(f"{name} is damaged: it is not a readable PDF ({exc}).") from exc
        count, reader = repaired, None
    if count == 0:
        raise IngestError(f"{name} has no pages.")
    if count > MAX_PDF_PAGES:
        raise IngestError(f"{name} has {count:,} pages; the limit is {MAX_PDF_PAGES:,}.")
    try:
        laid_out = page_lines(path, count)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(f"{name} is damaged: its text cannot be read ({exc}).") from exc
    pages: list[list[Line]] = []
    total = 0
    for lines in laid_out:
        total += sum(len(line.text) + 1 for line in lines)
        if total > MAX_TEXT_CHARS:
            raise IngestError(f"{name} has more than {MAX_TEXT_CHARS:,} characters of text.")
        pages.append(_repair(lines))
    visible = sum(
        len("".join(line.text.split()))
        for lines in pages
        for line in lines
        if not _is_page_number(line.text)
    )
    if visible < _MIN_TEXT_CHARS:
        from briefer.ingest.ocr import ocr_pdf, scan_message

        if not ocr:
            raise IngestError(scan_message(name))
        return ocr_pdf(path, count, hints=_hints(reader))
    heading_levels(pages)
    return build_document(_blocks(pages), origin=name, fmt="pdf", hints=_hints(reader))


def _repaired_page_count(path: Path) -> int | None:
    """The page count PDFium finds after rebuilding a broken cross-reference table; None
    when it cannot open the file either (or it is encrypted: pypdf said why it failed)."""
    from briefer.ingest.pdf_layout import open_pdf

    try:
        with open_pdf(path) as pdf:
            return len(pdf)  # type: ignore[arg-type]
    except Exception:
        return None


def _repair(lines: list[Line]) -> list[Line]:
    """Ligatures, Word's private-use bullets, inter-script spaces, hyphenated line ends."""
    out: list[Line] = []
    for line in lines:
        text = repair_cjk_spacing(line.text.translate(_LIGATURE_TABLE)).rstrip()
        if (
            out
            and _HYPHEN_END.search(out[-1].text)
            and text.strip()[:1].islower()
            and out[-1].style == line.style
        ):
            # "coopera-" + "tion ..." was one word broken by the typesetter.
            out[-1] = out[-1].with_text(out[-1].text[:-1] + text.strip())
        else:
            out.append(line.with_text(text))
    return out


def _key(line: str) -> str:
    """Running heads differ only in numbers ("Page 3 of 9"): compare without digits."""
    return re.sub(r"\d+", "#", " ".join(unicodedata.normalize("NFKC", line).split())).lower()


def _is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", line).strip()))


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE_LINES], filled[-_EDGE_LINES:] if len(filled) > _EDGE_LINES else []


def _blocks(pages: list[list[Line]] | list[list[str]]) -> list[Block]:
    """Per page: furniture lines at the edges and headings as their own blocks, the rest as
    text runs for the plain-text segmenter."""
    laid = [[x if isinstance(x, Line) else Line(x) for x in lines] for lines in pages]
    texts = [[x.text for x in lines] for lines in laid]
    counts: Counter[str] = Counter()
    for lines in texts:
        top, bottom = _edges(lines)
        counts.update({_key(lines[i]) for i in (*top, *bottom)})
    needed = max(2, (len(pages) + 1) // 2)
    running = {k for k, n in counts.items() if n >= needed and len(pages) >= 2}
    blocks: list[Block] = []
    for number, (lines, page) in enumerate(zip(texts, laid, strict=True), start=1):
        top, bottom = _edges(lines)
        furniture = {
            i for i in (*top, *bottom) if _key(lines[i]) in running or _is_page_number(lines[i])
        }
        body = [x for i, x in enumerate(lines) if i not in furniture and not page[i].heading]
        width = _typical_width(body)
        run: list[str] = []

        def flush(run: list[str] = run, number: int = number, width: int = width) -> None:
            if run:
                blocks.append(Block("\n".join(_reflow(run, width)), "text", page=number))
                run.clear()

        for i, line in enumerate(lines):
            if i in furniture:
                flush()
                blocks.append(Block(line, "paragraph", page=number, furniture=True))
            elif page[i].heading:
                flush()
                blocks.append(Block(line, "heading", page[i].heading, page=number))
            else:
                run.append(line)
        flush()
    return blocks


def _typical_width(lines: list[str]) -> int:
    """The length of a full line: a high percentile, robust to a few over-long lines."""
    lengths = sorted(len(x.strip()) for x in lines if x.strip())
    return lengths[math.ceil(0.9 * (len(lengths) - 1))] if lengths else 0


def _reflow(lines: list[str], width: int) -> list[str]:
    """Join lines the typesetter wrapped: a line continues on the next one when it is full,
    or when the next line's first word would not have fitted on it.

    PDF text has no paragraph marks; without this every wrapped line would look like a
    short paragraph or a heading to the segmenter. The second test is the reflow rule of
    text tools: "...computing" followed by "(HPC), and..." is a wrap even though the line is
    short, because "(HPC)," was too long for what was left of it. Widths are counted in
    characters, so both tests keep some slack. A line ending a sentence is taken as the end
    of a paragraph (a paragraph split in two is better than two merged).
    """
    out: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        body = line.strip()
        if joining and body and not _LIST_START.match(body):
            prev = out[-1]
            cjk = is_cjk(prev[-1:] or " ") and is_cjk(body[0])
            sep = "" if cjk or prev.endswith("-") else " "
            out[-1] = prev + sep + body
        else:
            out.append(line)
        last = out[-1].rstrip()
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        next_word = following.split(maxsplit=1)[0] if following else ""
        if is_cjk(next_word[:1] or " "):
            next_word = next_word[:1]  # Japanese has no spaces: the next "word" is a character
        full = len(body) >= _FULL_LINE * width
        no_room = bool(next_word) and len(body) + 1 + len(next_word) >= _NO_ROOM * width
        joining = bool(body) and (full or no_room) and not last.endswith(_SENTENCE_END)
    return out


def _hints(reader: object) -> Hints:
    try:
        meta = reader.metadata  # type: ignore[attr-defined]
    except Exception:
        meta = None
    if not meta:
        return Hints()

    def text(key: str) -> str:
        try:
            value = meta.get(key)
        except Exception:
            return ""
        return " ".join(str(value).split()) if value else ""

    title = text("/Title")
    if _STALE_TITLE.search(title):
        title = ""
    created: date | None = None
    try:
        when = meta.creation_date
        created = when.date() if when else None
    except Exception:
        created = None
    extra = {
        "author": text("/Author"),
        "subject": text("/Subject"),
        "producer": text("/Producer"),
        "created": created.isoformat() if created else "",
    }
    return Hints(title=title, date=created, extra=extra)
