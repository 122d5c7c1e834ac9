"""Build a ``Document`` from the blocks a format reader found.

Readers of structured formats (DOCX, HTML, PDF, e-mail) know more than the plain-text
segmenter could guess: which paragraph is a Heading 2, which is a list item at level 3, which
lines are a running header. A reader hands over that knowledge as ``Block`` values; this
module joins the blocks into the normalised text (blank line between blocks), makes one
passage per structured block with exact offsets, computes heading paths from heading levels
and runs the plain-text segmenter only over blocks of kind ``"text"`` (where the format gives
no structure, e.g. a PDF page or an e-mail body).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from briefer.errors import IngestError
from briefer.ingest.furniture import mark_furniture
from briefer.ingest.limits import MAX_TEXT_CHARS
from briefer.ingest.metadata import detect_language, propose_metadata
from briefer.ingest.model import Document, ProposedMetadata, Segment
from briefer.ingest.segment import segment

BlockKind = Literal["heading", "bullet", "paragraph", "text"]

#: Between two blocks of the built text.
BLOCK_SEPARATOR = "\n\n"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n[ \t\u3000]*+\n+")
# Only from the start of a run (the lookbehind): from every position inside a run of spaces
# not followed by a newline the old pattern rescanned the run, quadratic (400 k spaces: 136 s).
_TRAILING = re.compile(r"(?<![ \t\u3000\xa0])[ \t\u3000\xa0]++\n")


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of a document as its format knows it.

    ``kind="text"`` means "no structure known": the plain-text segmenter splits it.
    ``level`` is the heading level (1 = outermost) or the list level (1 = top).
    ``furniture`` is set when the format says so (a ``<nav>``, a running PDF header).
    """

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0
    page: int | None = None
    furniture: bool = False


@dataclass(frozen=True, slots=True)
class Hints:
    """Metadata the format itself carries (properties, headers, meta tags)."""

    title: str = ""
    date: date | None = None
    organisations: tuple[str, ...] = ()
    language: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def clean_block_text(text: str, *, keep_blank_lines: bool = False) -> str:
    """NFC, ``\\n`` newlines, no control characters, no trailing spaces, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    if not keep_blank_lines:
        text = text.replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("\n", text + "\n")
    if not keep_blank_lines:
        text = _BLANK_LINES.sub("\n", text)
    return text.strip(" \n\t\u3000\xa0") if not keep_blank_lines else text.strip("\n").rstrip()


def _heading_label(text: str) -> str:
    return " ".join(text.split()).rstrip(":：").rstrip()


def build_document(
    blocks: Iterable[Block], *, origin: str, fmt: str, hints: Hints | None = None
) -> Document:
    """The document made of ``blocks``; raises IngestError when nothing readable is left."""
    hints = hints or Hints()
    parts: list[str] = []
    spans: list[tuple[Block, int, int]] = []
    pos = 0
    for block in blocks:
        body = clean_block_text(block.text, keep_blank_lines=block.kind == "text")
        if not body.strip():
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        parts.append(body)
        spans.append((block, pos, pos + len(body)))
        pos += len(body)
        if pos > MAX_TEXT_CHARS:
            raise IngestError(
                f"{origin or 'The document'} has more than {MAX_TEXT_CHARS:,} characters of "
                "text; split it before importing."
            )
    text = "".join(parts)
    segments = _segments(text, spans)
    if not any(s.content for s in segments):
        raise IngestError(f"{origin or 'The document'} has no readable content.")
    return Document(text, tuple(segments), propose(text, segments, origin, hints), origin, fmt)


def _segments(text: str, spans: Sequence[tuple[Block, int, int]]) -> list[Segment]:
    headings: list[tuple[int, str]] = []
    out: list[Segment] = []
    # Runs between two structured headings are segmented together; a structured heading
    # ends the headings the plain-text rules found before it (they are its predecessors).
    groups: list[list[tuple[int, int, tuple[str, ...], int | None]]] = [[]]
    for block, start, end in spans:
        path = tuple(label for _, label in headings)
        if block.kind == "text":
            groups[-1].append((start, end, path, block.page))
            continue
        if block.kind == "heading":
            level = max(1, block.level)
            label = _heading_label(text[start:end])
            if groups[-1] and not block.furniture:
                groups.append([])
            if not block.furniture:
                while headings and headings[-1][0] >= level:
                    headings.pop()
                headings.append((level, label))
                path = tuple(lbl for _, lbl in headings)
            else:
                path = (*path, label)
            out.append(Segment(start, end, "heading", level, path, not block.furniture, block.page))
        else:
            level = max(1, block.level) if block.kind == "bullet" else 0
            out.append(
                Segment(start, end, block.kind, level, path, not block.furniture, block.page)
            )
    for runs in groups:
        if runs:
            out.extend(_segment_runs(text, runs))
    out.sort(key=lambda s: s.start)
    return mark_furniture(text, out)


def _segment_runs(
    text: str, runs: list[tuple[int, int, tuple[str, ...], int | None]]
) -> list[Segment]:
    """Segment the ``text`` blocks in one pass, so the segmenter's heading state carries over.

    Only the stretch from the first run to the last is read; what lies between runs there is
    blanked (newlines kept), so offsets are those of ``text`` less the stretch's start.
    """
    base = runs[0][0]
    pieces: list[str] = []
    pos = base
    for start, end, _, _ in runs:
        pieces.append(re.sub(r"[^\n]", " ", text[pos:start]))
        pieces.append(text[start:end])
        pos = end
    masked = "".join(pieces)
    starts = [r[0] for r in runs]
    found: list[Segment] = []
    for seg in segment(masked):
        seg = replace(seg, start=seg.start + base, end=seg.end + base)
        start, end, prefix, page = runs[bisect.bisect_right(starts, seg.start) - 1]
        found.append(replace(seg, heading_path=(*prefix, *seg.heading_path), page=page))
    return found


def _content_lines(content: str) -> list[str]:
    return [line.strip() for line in content[:5_000].splitlines() if line.strip()]


def propose(text: str, segments: Sequence[Segment], origin: str, hints: Hints) -> ProposedMetadata:
    """Format hints first, then what the content's first lines say, then the file name.

    The date the document gives itself beats the file's properties (a re-published file
    keeps its template's creation date); when both exist and differ, the property date is
    kept in ``extra["file_date"]`` so the import preview can show both.
    """
    from briefer.ingest.metadata import dates_for, title_heading
    from briefer.ingest.organisations import (
        find_organisations,
        metadata_line_organisations,
        wire_credit,
    )

    content = "\n".join(text[s.start : s.end] for s in segments if s.content)
    from_text = propose_metadata(content, origin)
    title = hints.title.strip()
    if not title:
        title = title_heading(text, segments) or ""
    own_date, file_date = dates_for(text, content, hints.date)
    lines = [line.strip() for line in text[:20_000].splitlines() if line.strip()]
    stated = metadata_line_organisations(lines[:40])
    if title and title != from_text.title:  # letterheads read around the title chosen here
        stated = (*stated, *find_organisations(_content_lines(content), title))
    hinted = hints.organisations
    if wire_credit(_content_lines(content)):  # a wire story is the agency's, not the site's
        site = hints.extra.get("site_name", "")
        hinted = tuple(o for o in hinted if o != site)
    extra = {k: v for k, v in hints.extra.items() if v}
    if own_date is not None and file_date is not None and own_date != file_date:
        extra["file_date"] = file_date.isoformat()
    return ProposedMetadata(
        title=title[:300] or from_text.title,
        date=own_date or file_date or from_text.date,
        organisations=tuple(
            dict.fromkeys(
                o for o in (*hinted, *stated, *from_text.organisations) if o.strip()
            )
        ),
        language=detect_language(content) if content.strip() else hints.language or "en",
        extra=extra,
    )
