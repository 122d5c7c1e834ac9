"""What a PDF page shows beyond its characters: font sizes, weights and the outline.

PDFium (through pypdfium2) gives every character of the text layer with its font size and
weight. A line's style is the size most of its characters have and whether its font is
bold; the body is the style most characters have. Lines set clearly larger than the body,
or bold at body size, are headings, levelled by size (largest = 1); consecutive heading
lines of one style are one heading set over several lines (a long title wraps). Where the
PDF has an outline (bookmarks), a line that starts a bookmark's title takes the
bookmark's level. Nothing here looks for particular words.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from briefer.ingest.metadata import is_cjk

#: PDFium is not thread-safe: one document at a time in this process.
_PDFIUM_LOCK = threading.Lock()
#: A heading is set at least this much larger than the body (or bold at body size).
_HEADING_RATIO = 1.12
#: Headings are a minority of lines; above this share the sizes say nothing.
_MAX_HEADING_SHARE = 0.4
_MAX_HEADING_CHARS = 200
_MAX_HEADING_LINES = 4
_NUMBERED = re.compile(r"^\s*(?:[0-9０-９]{1,3}[.．)）]|[(（][0-9０-９a-z]{1,3}[)）]|[①-⑳■□◆●]|第)")

# Kana, kanji, CJK punctuation and full-width forms on one side, Latin letters or digits on
# the other (or CJK on both): the space between them is the extractor's, not the author's.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
_INTER_SCRIPT = re.compile(
    rf"(?<=[{_CJK}]) (?=[A-Za-z0-9{_CJK}])|(?<=[A-Za-z0-9.,%)]) (?=[{_CJK}])"
)


@dataclass(slots=True)
class Line:
    """One line of a page: its text, the size most of its characters have, boldness."""

    text: str
    size: float = 0.0
    bold: bool = False
    heading: int = 0  # heading level once judged (0: not a heading)

    @property
    def style(self) -> tuple[float, bool]:
        return (self.size, self.bold)

    def with_text(self, text: str) -> Line:
        return replace(self, text=text)


def repair_cjk_spacing(text: str) -> str:
    """ "日 EU デジタル" → "日EUデジタル": drop single spaces between scripts in Japanese."""
    if not any(is_cjk(ch) for ch in text):
        return text
    return _INTER_SCRIPT.sub("", text)


@contextmanager
def open_pdf(path: Path) -> Iterator[object]:
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            yield pdf
        finally:
            pdf.close()


def _bold(raw_page: object, index: int) -> bool:
    import ctypes

    import pypdfium2.raw as c

    weight = c.FPDFText_GetFontWeight(raw_page, index)
    if weight >= 600:
        return True
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    c.FPDFText_GetFontInfo(raw_page, index, buf, 128, ctypes.byref(flags))
    name = buf.value.decode("latin-1", "replace").lower()
    return bool(flags.value & 0x40000) or any(
        w in name for w in ("bold", "black", "heavy", "semibold", "demi", "-w6", "-w7", "-w8")
    )


def _page(textpage: object) -> list[Line]:
    import pypdfium2.raw as c

    raw = textpage.raw  # type: ignore[attr-defined]
    count = textpage.count_chars()  # type: ignore[attr-defined]
    text = textpage.get_text_range() if count else ""  # type: ignore[attr-defined]
    if len(text) != count:  # characters outside the BMP: text without font facts
        return [Line(x) for x in re.split(r"\r\n|\r|\n", text)]
    lines: list[Line] = []
    start = 0
    for match in [*re.finditer(r"\r\n|\r|\n", text), None]:
        end = match.start() if match else len(text)
        body = text[start:end]
        sizes: Counter[float] = Counter()
        first = -1
        for i in range(start, end):
            if not text[i].isspace():
                sizes[round(c.FPDFText_GetFontSize(raw, i) * 2) / 2] += 1
                if first < 0:
                    first = i
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        bold = first >= 0 and _bold(raw, first) and _bold(raw, (first + end - 1) // 2)
        lines.append(Line(body, size, bold))
        start = match.end() if match else end
    return lines


def page_lines(path: Path, count: int) -> list[list[Line]]:
    """The lines of each page with their style; the outline's levels marked on them."""
    pages: list[list[Line]] = []
    with open_pdf(path) as pdf:
        for number in range(count):
            page = pdf[number]  # type: ignore[index]
            textpage = page.get_textpage()
            try:
                pages.append(_page(textpage))
            finally:
                textpage.close()
                page.close()
        outline = _outline(pdf)
    for level, page_index, title in outline:
        if 0 <= page_index < len(pages):
            _mark_bookmark(pages[page_index], title, level)
    return pages


def _outline(pdf: object) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    try:
        for mark in pdf.get_toc(max_depth=6):  # type: ignore[attr-defined]
            dest = mark.get_dest()
            index = dest.get_index() if dest is not None else None
            title = " ".join((mark.get_title() or "").split())
            if index is not None and title:
                out.append((mark.level + 1, index, title))
    except Exception:  # a damaged outline is no reason to refuse the text
        return []
    return out


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def _mark_bookmark(lines: list[Line], title: str, level: int) -> None:
    """The line(s) a bookmark's title is set on become a heading of the bookmark's level."""
    want = _squash(title)
    for i, line in enumerate(lines):
        got = _squash(line.text)
        if not got or not want.startswith(got):
            continue
        j, joined = i, got
        while joined != want and j + 1 < len(lines) and len(joined) < len(want):
            j += 1
            joined += _squash(lines[j].text)
        if joined == want:
            for k in range(i, j + 1):
                lines[k].heading = -level  # negative: from the outline, final
            return


def heading_levels(pages: list[list[Line]]) -> None:
    """Mark heading lines (``Line.heading`` = level) from sizes, weights and the outline,
    and join a heading set over several lines into its first line."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text.strip())
    if not sizes:
        return
    body = sizes.most_common(1)[0][0]
    body_bold = _body_is_bold(pages, body)
    candidates: list[Line] = []
    total = 0
    for lines in pages:
        for line in lines:
            text = line.text.strip()
            if not text:
                continue
            total += 1
            if line.heading < 0:
                continue
            larger = body > 0 and line.size >= body * _HEADING_RATIO
            bold = line.bold and not body_bold and line.size >= body * 0.95
            if (larger or bold) and len(text) <= _MAX_HEADING_CHARS and not text.endswith("。"):
                candidates.append(line)
    if total and len(candidates) > _MAX_HEADING_SHARE * total:
        candidates = []  # a page of large print, not headings
    ranks = sorted({x.size for x in candidates if x.size >= body * _HEADING_RATIO}, reverse=True)
    for line in candidates:
        larger = line.size >= body * _HEADING_RATIO
        line.heading = ranks.index(line.size) + 1 if larger else len(ranks) + 1
    for lines in pages:
        for line in lines:
            if line.heading < 0:
                line.heading = -line.heading
        _join_wrapped_headings(lines)


def _body_is_bold(pages: list[list[Line]], body: float) -> bool:
    chars = Counter[bool]()
    for lines in pages:
        for line in lines:
            if line.size == body:
                chars[line.bold] += len(line.text)
    return chars[True] > chars[False]


def _join_wrapped_headings(lines: list[Line]) -> None:
    """ "Results of the Japan-EU Digital" + "Partnership Council": one heading, one line."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.heading:
            i += 1
            continue
        j = i + 1
        while (
            j < len(lines)
            and j - i < _MAX_HEADING_LINES
            and lines[j].heading == line.heading
            and lines[j].style == line.style
            and lines[j].text.strip()
            and not _NUMBERED.match(lines[j].text)
        ):
            nxt = lines[j].text.strip()
            prev = line.text.rstrip()
            cjk = is_cjk(prev[-1:] or " ") or is_cjk(nxt[0])
            sep = "" if cjk or prev.endswith("-") else " "
            line.text = prev + sep + nxt
            j += 1
        del lines[i + 1 : j]
        i += 1
