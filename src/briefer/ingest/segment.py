"""Split normalised text into passages that follow the document's own structure.

Sources are web pages saved as text, press releases and position papers: headings are plain
lines, lists are bullet characters, paragraphs are separated by blank lines or simply one per
line. The rules below read those conventions line by line; they never look for particular
words, so that documents nobody has seen yet split sensibly too.

Every non-whitespace character except bullet markers ends up inside exactly one passage, so
a quote can always be traced back to its place in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefer.errors import IngestError
from briefer.ingest.furniture import mark_furniture
from briefer.ingest.limits import MAX_LINES
from briefer.ingest.metadata import cjk_share, find_date, is_cjk, starts_with_date
from briefer.ingest.model import Segment, SegmentKind

# Markers that need a following space (they also start ordinary text: "-5%", "*Note").
_SPACED_MARKERS = frozenset("-*–+")
# Markers that are never ordinary text at the start of a line (Japanese often omits the space).
_BARE_MARKERS = frozenset("•・○●▪◦‣■□◆◇▶►◼◾✓✔")

_TERMINAL = tuple(".!?;,。．！？；，、…")
_LEAD_IN = re.compile(
    r"\b(following|follows|below|include|includes|including|e\.g\.)\s*[:：]$", re.I
)
_FUNCTION_WORD_END = re.compile(
    r"\b(and|or|of|the|to|a|an|in|for|with|on|by|as|at|from|that|which|is|are|be)$"
)

_DIGIT = "0-9０-９"
_DECIMAL = re.compile(
    # each group of digits whole and the groups atomic: retrying fewer groups was quadratic
    rf"^(?P<num>[{_DIGIT}]{{1,3}}(?![{_DIGIT}])(?:[.．][{_DIGIT}]{{1,3}}(?![{_DIGIT}]))*+)"
    r"(?P<punct>[.．)）]?)(?P<sep>\s*+)(?P<rest>.*)$"
)
_PAREN = re.compile(
    rf"^[(（]\s*(?P<num>[{_DIGIT}]{{1,3}}|[a-zA-Zａ-ｚＡ-Ｚ]|[ivxIVX]{{1,5}}|[一二三四五六七八九十]{{1,3}})"
    r"\s*[)）]\s*+(?P<rest>.*)$"
)
_CIRCLED = re.compile(r"^(?P<num>[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF])\s*+(?P<rest>.*)$")
_CHAPTER = re.compile(
    rf"^第\s*[{_DIGIT}一二三四五六七八九十百]+\s*(?P<unit>[章節部編款条項])\s*+(?P<rest>.*)$"
)
_BRACKET = re.compile(r"^【[^】]{1,40}】\s*+(?P<rest>.*)$")
_ROMAN = re.compile(
    r"^(?P<num>M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?P<punct>[.)])\s+(?P<rest>\S.*)$",
    re.I,
)
_ALPHA = re.compile(r"^(?P<num>[A-Za-z])(?P<punct>[.)])\s+(?P<rest>\S.*)$")


@dataclass(slots=True)
class _Line:
    start: int  # offset of the first non-whitespace character (after any bullet marker)
    end: int  # offset after the last non-whitespace character
    indent: int
    body: str  # text[start:end]
    bullet: bool = False
    numbered_scheme: str | None = None  # numbering style when the line starts with a number
    numbered_rest: str = ""
    blank_before: bool = True
    marker: str = ""


@dataclass(slots=True)
class _Passage:
    start: int
    end: int
    kind: SegmentKind
    level: int
    path: tuple[str, ...]
    last_line: _Line
    marker_indent: int = 0


@dataclass(slots=True)
class _State:
    headings: list[tuple[int, str]] = field(default_factory=list)
    schemes: list[str] = field(default_factory=list)
    list_indents: list[int] = field(default_factory=list)

    def path(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.headings)

    def numbered_level(self, scheme: str) -> int:
        if scheme in self.schemes:
            del self.schemes[self.schemes.index(scheme) + 1 :]
        else:
            self.schemes.append(scheme)
        return len(self.schemes)

    def open_heading(self, level: int, label: str) -> tuple[str, ...]:
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, label))
        self.list_indents.clear()
        return self.path()

    def current_numbered_level(self) -> int:
        return len(self.schemes)

    def bullet_level(self, indent: int) -> int:
        while self.list_indents and self.list_indents[-1] > indent:
            self.list_indents.pop()
        if not self.list_indents or self.list_indents[-1] < indent:
            self.list_indents.append(indent)
        return len(self.list_indents)


def _is_cjk_text(s: str) -> bool:
    return cjk_share(s) >= 0.5


def _heading_shaped(s: str, *, numbered: bool) -> bool:
    """Short, one phrase, no sentence punctuation at the end: reads as a heading."""
    s = s.strip()
    if not s:
        return False
    core = s.rstrip(":：").rstrip()
    if not core or core.endswith(_TERMINAL):
        return False
    if _is_cjk_text(core):
        return len(core) <= (50 if numbered else 40) and "。" not in core
    if ". " in core or "? " in core or "! " in core:
        return False  # more than one sentence
    if _FUNCTION_WORD_END.search(core):
        return False  # "... between the": a wrapped sentence
    return len(core) <= (120 if numbered else 100) and len(core.split()) <= (15 if numbered else 12)


def _prose_like(line: _Line) -> bool:
    """A line of running text (what follows a heading), as opposed to a label or a link."""
    body = line.body
    if line.bullet or line.numbered_scheme:
        return True
    if _is_cjk_text(body):
        return sum(1 for ch in body if is_cjk(ch)) >= 15 or body.endswith(("。", "．"))
    words = len(body.split())
    return words >= 6 and (not _heading_shaped(body, numbered=False) or words > 12)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    blank_before = True
    for raw in text.split("\n"):
        line_start = pos
        pos += len(raw) + 1
        lead = len(raw) - len(raw.lstrip())
        if lead == len(raw):
            blank_before = True
            continue
        trail = len(raw.rstrip())
        indent = len(raw[:lead].expandtabs(4))
        start, end = line_start + lead, line_start + trail
        line = _Line(start, end, indent, text[start:end], blank_before=blank_before)
        blank_before = False
        _classify(line)
        if line.start < line.end:
            lines.append(line)
    return lines


def _classify(line: _Line) -> None:
    body = line.body
    first = body[0]
    rest_at = 0
    if first in _BARE_MARKERS:
        rest_at = 1
    elif first in _SPACED_MARKERS and len(body) > 1 and body[1].isspace():
        rest_at = 2
    if rest_at:
        while rest_at < len(body) and body[rest_at].isspace():
            rest_at += 1
        line.bullet = True
        line.marker = first
        line.start += rest_at
        line.body = body[rest_at:]
        return
    scheme, rest = _numbering(body)
    line.numbered_scheme = scheme
    line.numbered_rest = rest


def _numbering(body: str) -> tuple[str | None, str]:
    """The numbering style of a line (None if it does not start with a number) and the rest."""
    if m := _CHAPTER.match(body):
        return "chapter-" + m["unit"], m["rest"]
    if m := _BRACKET.match(body):
        return "bracket", m["rest"]
    if m := _PAREN.match(body):
        num = m["num"]
        kind = "digit" if num[0] in "0123456789０１２３４５６７８９" else "other"
        return "paren-" + kind, m["rest"]
    if m := _CIRCLED.match(body):
        return "circled", m["rest"]
    if m := _DECIMAL.match(body):
        depth = len(re.split("[.．]", m["num"]))
        punct, sep, rest = m["punct"], m["sep"], m["rest"]
        if depth == 1 and not punct:
            return None, ""
        if not punct and not sep:
            return None, ""
        if not sep and rest[:1].isdigit():
            return None, ""
        suffix = ")" if punct in ")）" and punct else ""
        return f"decimal{depth}{suffix}", rest
    if (m := _ROMAN.match(body)) and m["num"] and (len(m["num"]) > 1 or m["num"] in "Ii"):
        return ("roman-upper" if m["num"].isupper() else "roman-lower") + m["punct"], m["rest"]
    if m := _ALPHA.match(body):
        return ("alpha-upper" if m["num"].isupper() else "alpha-lower") + m["punct"], m["rest"]
    return None, ""


def _label(body: str) -> str:
    return body.rstrip().rstrip(":：").rstrip()


def _wraps(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues the sentence of ``prev`` (a hard-wrapped line)."""
    if len(prev) < (15 if _is_cjk_text(prev) else 30):
        return False  # wrapped lines are long; short ones are labels, names, numbers
    if prev.endswith((*_TERMINAL, ":", "：", "」", "』")) and not prev.endswith((",", "，", "、")):
        return False
    if prev.endswith((",", "，", "、", "-", "–", "(", "/", "&")):
        return True
    if nxt[:1].isascii() and nxt[:1].islower():
        return True
    if _FUNCTION_WORD_END.search(prev):
        return True
    return (
        len(prev) >= 20
        and is_cjk(prev[-1])
        and (is_cjk(nxt[0]) or nxt[0] in "「『（(")
        and _is_cjk_text(prev)
    )


def _is_numbered_heading(lines: list[_Line], i: int) -> bool:
    line = lines[i]
    scheme = line.numbered_scheme
    if scheme is None:
        return False
    rest = line.numbered_rest
    if not rest and not scheme.startswith(("chapter", "bracket")):
        return False
    if rest and not _heading_shaped(rest, numbered=True):
        return False
    # Consecutive lines with the same numbering and no blank line between: a numbered list.
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines):
            other = lines[j]
            adjacent = not (line.blank_before if j < i else other.blank_before)
            if adjacent and other.numbered_scheme == scheme:
                return False
    return True


#: Square and diamond marks open Japanese sub-headings ("■ 今後の予定") as often as list items.
_SUBHEAD_MARKERS = frozenset("■□◆◇")


def _is_subhead(lines: list[_Line], i: int) -> bool:
    """ "■ 今後の予定" over running text: a sub-heading, not a one-item list."""
    line = lines[i]
    if line.marker not in _SUBHEAD_MARKERS or not _heading_shaped(line.body, numbered=True):
        return False
    if i + 1 >= len(lines) or lines[i + 1].bullet or not _prose_like(lines[i + 1]):
        return False
    prev = lines[i - 1] if i > 0 else None
    return not (prev is not None and prev.bullet and not line.blank_before)


def _is_dateline(body: str) -> bool:
    """ "Brussels, 27 June 2023": a place and a date, not a heading."""
    found = find_date(body)
    if found is None:
        return False
    rest = body[: found[1]] + body[found[2] :]
    return len(rest.split()) <= 3


def _is_plain_heading(lines: list[_Line], i: int, prev_was_heading: bool) -> bool:
    line = lines[i]
    body = line.body
    if line.bullet or not _heading_shaped(body, numbered=False):
        return False
    if i + 1 >= len(lines):
        return False  # the last line of a document is a closing line, not a heading
    first = body[0]
    if first.isascii() and (first.islower() or not first.isalnum()) and first not in "\"'(":
        return False
    if starts_with_date(body) or _LEAD_IN.search(body) or _is_dateline(body):
        return False
    if "://" in body or "@" in body or "www." in body:
        return False
    if not any(ch.isalpha() for ch in body):
        return False
    # In a run of short lines (contacts, link lists) none of them is a heading.
    if i > 0 and not line.blank_before and not prev_was_heading:
        prev = lines[i - 1]
        if not prev.bullet and _heading_shaped(prev.body, numbered=False):
            return False
    nxt = lines[i + 1]
    if not nxt.blank_before and not nxt.bullet and _wraps(body, nxt.body):
        return False
    return _prose_like(nxt)


def segment(text: str) -> list[Segment]:
    """Passages of ``text`` in document order, furniture already marked (content=False)."""
    lines_in_text = text.count("\n") + 1
    if lines_in_text > MAX_LINES:
        raise IngestError(
            f"This text has {lines_in_text:,} lines; Briefer reads up to {MAX_LINES:,} lines "
            "in one source. Split the document into parts and import those."
        )
    lines = _split_lines(text)
    state = _State()
    passages: list[_Passage] = []
    prev_was_heading = False
    for i, line in enumerate(lines):
        current = passages[-1] if passages else None
        is_heading = False
        if (
            current is not None
            and current.kind == "bullet"
            and not line.bullet
            and not line.blank_before
            and line.indent > current.marker_indent
        ):
            # An indented line right under a bullet belongs to it (wrapped text, a footnote).
            current.end = line.end
            current.last_line = line
        elif line.bullet and _is_subhead(lines, i):
            level = state.current_numbered_level() + 1
            path = state.open_heading(level, _label(line.body))
            passages.append(_Passage(line.start, line.end, "heading", level, path, line))
            is_heading = True
        elif line.bullet:
            level = state.bullet_level(line.indent)
            passages.append(
                _Passage(line.start, line.end, "bullet", level, state.path(), line, line.indent)
            )
        elif _is_numbered_heading(lines, i):
            assert line.numbered_scheme is not None
            level = state.numbered_level(line.numbered_scheme)
            path = state.open_heading(level, _label(line.body))
            passages.append(_Passage(line.start, line.end, "heading", level, path, line))
            is_heading = True
        elif _is_plain_heading(lines, i, prev_was_heading):
            level = state.current_numbered_level() + 1
            path = state.open_heading(level, _label(line.body))
            passages.append(_Passage(line.start, line.end, "heading", level, path, line))
            is_heading = True
        elif (
            current is not None
            and not line.blank_before
            and current.kind != "heading"
            and not line.numbered_scheme
            and _wraps(current.last_line.body, line.body)
        ):
            current.end = line.end
            current.last_line = line
        else:
            if line.indent == 0:
                state.list_indents.clear()
            passages.append(_Passage(line.start, line.end, "paragraph", 0, state.path(), line))
        prev_was_heading = is_heading
    segments = [
        Segment(start=p.start, end=p.end, kind=p.kind, level=p.level, heading_path=p.path)
        for p in passages
    ]
    return mark_furniture(text, segments)
