"""PDF: the text layer page by page, with running headers and page numbers as furniture.

pypdf (BSD) extracts the text; layout is gone, so the plain-text segmenter finds headings and
lists. What a PDF adds is repaired or marked here: words hyphenated at line ends are joined,
typographic ligatures are undone, lines repeating at the top or bottom of most pages are
furniture.
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


def read_pdf(path: Path) -> Document:
    """Text per page (page numbers kept), hyphenation repaired, running heads as furniture."""
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
        raise IngestError(f"{name} is damaged: it is not a readable PDF ({exc}).") from exc
    if count == 0:
        raise IngestError(f"{name} has no pages.")
    if count > MAX_PDF_PAGES:
        raise IngestError(f"{name} has {count:,} pages; the limit is {MAX_PDF_PAGES:,}.")
    pages: list[list[str]] = []
    total = 0
    for number in range(count):
        try:
            raw = reader.pages[number].extract_text() or ""
        except Exception as exc:
            raise IngestError(f"{name} is damaged: page {number + 1} cannot be read.") from exc
        total += len(raw)
        if total > MAX_TEXT_CHARS:
            raise IngestError(f"{name} has more than {MAX_TEXT_CHARS:,} characters of text.")
        pages.append(_page_lines(raw))
    visible = sum(
        len("".join(line.split())) for lines in pages for line in lines if not _is_page_number(line)
    )
    if visible < _MIN_TEXT_CHARS:
        raise IngestError(f"{name} has no text layer (a scan?); run OCR first.")
    return build_document(_blocks(pages), origin=name, fmt="pdf", hints=_hints(reader))


def _page_lines(raw: str) -> list[str]:
    text = raw.translate(_LIGATURE_TABLE).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if out and _HYPHEN_END.search(out[-1]) and line.strip()[:1].islower():
            # "coopera-" + "tion ..." was one word broken by the typesetter.
            out[-1] = out[-1][:-1] + line.strip()
        else:
            out.append(line)
    return out


def _key(line: str) -> str:
    """Running heads differ only in numbers ("Page 3 of 9"): compare without digits."""
    return re.sub(r"\d+", "#", " ".join(unicodedata.normalize("NFKC", line).split())).lower()


def _is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", line).strip()))


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE_LINES], filled[-_EDGE_LINES:] if len(filled) > _EDGE_LINES else []


def _blocks(pages: list[list[str]]) -> list[Block]:
    """Per page: furniture lines at the edges as their own blocks, the rest as a text run."""
    counts: Counter[str] = Counter()
    for lines in pages:
        top, bottom = _edges(lines)
        counts.update({_key(lines[i]) for i in (*top, *bottom)})
    needed = max(2, (len(pages) + 1) // 2)
    running = {k for k, n in counts.items() if n >= needed and len(pages) >= 2}
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        top, bottom = _edges(lines)
        furniture = {
            i for i in (*top, *bottom) if _key(lines[i]) in running or _is_page_number(lines[i])
        }
        width = _typical_width([x for i, x in enumerate(lines) if i not in furniture])
        run: list[str] = []
        for i, line in enumerate(lines):
            if i in furniture:
                if run:
                    blocks.append(Block("\n".join(_reflow(run, width)), "text", page=number))
                    run = []
                blocks.append(Block(line, "paragraph", page=number, furniture=True))
            else:
                run.append(line)
        if run:
            blocks.append(Block("\n".join(_reflow(run, width)), "text", page=number))
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
