"""Markdown: ``#`` headings and ``-``/``*``/``1.`` lists are structure the author wrote down.

The source text is the file itself (markers included); passages span the words after the
markers, so quotes read naturally and offsets stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.errors import IngestError
from briefer.ingest.furniture import mark_furniture
from briefer.ingest.model import Document, Segment, SegmentKind
from briefer.ingest.structure import Hints, propose

# The opening of an ATX heading; its text and closing ``#``s are cut in ``_atx_heading``
# (the old one-pattern form tried every split of a run of spaces: quadratic).
_ATX = re.compile(r" {0,3}(#{1,6})[ \t]++")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_TABLE_CELL_RULE = re.compile(r":?-{2,}:?")


def _atx_heading(raw: str) -> tuple[int, int, int] | None:
    """(level, start, end) of an ATX heading's text in ``raw``, or None: linear in the line."""
    m = _ATX.match(raw)
    if m is None:
        return None
    body = raw[m.end() :].rstrip(" \t")
    unclosed = body.rstrip("#")
    if unclosed and unclosed != body and unclosed[-1] in " \t":
        body = unclosed.rstrip(" \t")
    return len(m.group(1)), m.end(), m.end() + len(body)


def _is_table_rule(raw: str) -> bool:
    """A Markdown table's ``|---|:--:|`` line (cells split in Python: no backtracking)."""
    line = raw.strip(" \t")
    if "|" not in line:
        return False
    cells = line.removeprefix("|").removesuffix("|").split("|")
    return all(_TABLE_CELL_RULE.fullmatch(cell.strip(" \t")) for cell in cells)


@dataclass(slots=True)
class _Open:
    start: int
    end: int
    kind: SegmentKind
    level: int
    path: tuple[str, ...]
    indent: int = 0
    lines: int = 1


def segment_markdown(text: str) -> list[Segment]:
    """Passages of a Markdown text, furniture marked."""
    headings: list[tuple[int, str]] = []
    list_indents: list[int] = []
    done: list[_Open] = []
    current: _Open | None = None
    fence: _Open | None = None
    pos = 0

    def path() -> tuple[str, ...]:
        return tuple(label for _, label in headings)

    def close() -> None:
        nonlocal current
        if current is not None:
            done.append(current)
        current = None

    def heading(start: int, end: int, level: int) -> None:
        label = " ".join(text[start:end].split()).rstrip(":：").rstrip()
        while headings and headings[-1][0] >= level:
            headings.pop()
        headings.append((level, label))
        list_indents.clear()
        done.append(_Open(start, end, "heading", level, path()))

    for raw in text.split("\n"):
        line_start, pos = pos, pos + len(raw) + 1
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        body_start, body_end = line_start + lead, line_start + len(raw.rstrip())
        if _FENCE.match(raw):
            close()
            if fence is None:
                fence = _Open(pos, pos, "paragraph", 0, path())
            else:
                if fence.end > fence.start:
                    done.append(fence)
                fence = None
            continue
        if fence is not None:
            if stripped:
                if fence.end == fence.start:
                    fence.start = body_start
                fence.end = body_end
            continue
        if not stripped:
            close()
            continue
        if atx := _atx_heading(raw):
            close()
            level, text_start, text_end = atx
            if raw[text_start:text_end].strip():
                heading(line_start + text_start, line_start + text_end, level)
            continue
        if (
            (m := _SETEXT.match(raw))
            and current is not None
            and current.kind == "paragraph"
            and current.lines == 1
        ):
            start, end = current.start, current.end
            current = None
            heading(start, end, 1 if m.group(1)[0] == "=" else 2)
            continue
        if _RULE.match(raw) or _is_table_rule(raw):
            close()
            continue
        if m := _ITEM.match(raw):
            close()
            indent = len(m.group(1).expandtabs(4))
            while list_indents and list_indents[-1] > indent:
                list_indents.pop()
            if not list_indents or list_indents[-1] < indent:
                list_indents.append(indent)
            current = _Open(
                line_start + m.end(), body_end, "bullet", len(list_indents), path(), indent
            )
            continue
        if q := _QUOTE.match(raw):
            body_start = line_start + q.end()
            body_start += len(text[body_start:body_end]) - len(text[body_start:body_end].lstrip())
            if body_start >= body_end:
                close()
                continue
        if stripped.startswith("|"):
            close()
            done.append(_Open(body_start, body_end, "paragraph", 0, path()))
            continue
        if current is not None:
            current.end = body_end  # a continuation line (wrapped text, lazy list item)
            current.lines += 1
            continue
        if lead == 0:
            list_indents.clear()
        current = _Open(body_start, body_end, "paragraph", 0, path())
    close()
    if fence is not None and fence.end > fence.start:
        done.append(fence)
    done.sort(key=lambda p: p.start)
    segments = [Segment(p.start, p.end, p.kind, p.level, p.path) for p in done]
    return mark_furniture(text, segments)


def markdown_document(text: str, *, origin: str) -> Document:
    """A decoded Markdown text as a document."""
    segments = segment_markdown(text)
    if not any(s.content for s in segments):
        raise IngestError(f"{origin or 'The text'} has no readable content.")
    return Document(
        text, tuple(segments), propose(text, segments, origin, Hints()), origin, "markdown"
    )
