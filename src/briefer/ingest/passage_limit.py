"""Splitting an over-long block into passages of a bounded length, offsets exact.

A real passage is a paragraph, a bullet or a heading: the longest in the seeds and the test
documents is 828 characters (a synthetic corpus of 812,000 passages tops out at 751). A file
can still hold one block of megabytes: a 10 MB text on one line, a paragraph without blank
lines, a table cell, a PDF page without line breaks. Every step after segmentation (tagging,
the asks reader, search snippets, the passage list) costs at least the passage's length, and
the tagger's overlap checks grow with the square of a passage's mentions (220,000 Japanese
characters in one passage took 37 s to tag; the same text in passages of 4,000, 1 s). So no
passage is longer than ``MAX_PASSAGE_CHARS``: a longer one is cut at the last sentence end
that fits (English ``.!?`` before a space, Japanese ``。！？``), else at the last whitespace,
else hard (never inside a combining sequence). Each piece is trimmed of whitespace at both
ends, so ``text[start:end]`` is still exactly the passage and quotes stay verbatim evidence.

Heading labels (shown in every passage's heading path below them) are cut to
``MAX_HEADING_LABEL`` characters: a megabyte "heading" would otherwise be copied into the path
of each of the passages under it.
"""

from __future__ import annotations

import re
import unicodedata

from briefer.ingest.limits import MAX_HEADING_LABEL, MAX_PASSAGE_CHARS

# A sentence end: Japanese 。！？ (and closing brackets after it), or English .!? (and closing
# quotes or brackets) before whitespace. The cut goes after the match.
_SENTENCE_END = re.compile(r"[。！？][」』）)]*+|[.!?][\"'”’)\]]*+(?=\s)")
# The last whitespace character of a stretch: each candidate scans only the word after it.
_LAST_SPACE = re.compile(r"\s\S*+\Z")


def _last_end(text: str, lo: int, hi: int) -> int | None:
    """Offset after the last sentence end inside ``text[lo:hi]``, or None."""
    cut = None
    for m in _SENTENCE_END.finditer(text, lo, hi):
        cut = m.end()
    return cut


def _last_space(text: str, lo: int, hi: int) -> int | None:
    """Offset of the last whitespace character of ``text[lo + 1:hi + 1]``, or None (a space
    at ``hi`` itself still ends a piece of ``hi - lo`` characters)."""
    m = _LAST_SPACE.search(text[lo + 1 : hi + 1])
    return lo + 1 + m.start() if m else None


def _hard_cut(text: str, lo: int, hi: int) -> int:
    """``hi``, moved back so that a base character keeps its combining marks."""
    cut = hi
    while cut > lo + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut if cut > lo + 1 else hi


def split_span(
    text: str, start: int, end: int, limit: int = MAX_PASSAGE_CHARS
) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters, none starting or ending
    with whitespace, covering every non-whitespace character of it once, in order."""
    if end - start <= limit:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            break
        if end - pos <= limit:
            out.append((pos, end))
            break
        hi = pos + limit
        cut = _last_end(text, pos, hi)
        nxt = cut
        if cut is None:
            space = _last_space(text, pos, hi)
            if space is not None:
                cut, nxt = space, space + 1
            else:
                cut = nxt = _hard_cut(text, pos, hi)
        assert nxt is not None
        piece_end = cut
        while piece_end > pos and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > pos:
            out.append((pos, piece_end))
        pos = nxt
    return out


def short_label(label: str, limit: int = MAX_HEADING_LABEL) -> str:
    """A heading label as kept in heading paths: at most ``limit`` characters."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


__all__ = ["MAX_HEADING_LABEL", "MAX_PASSAGE_CHARS", "short_label", "split_span"]
