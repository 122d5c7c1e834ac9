"""Propose title, date and language for a newly imported text.

These are only proposals shown in the import dialog; the officer confirms or corrects them,
so the rules favour "usually right and never absurd" over completeness.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

from briefer.ingest.model import ProposedMetadata

_MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ERAS: dict[str, int] = {"令和": 2018, "平成": 1988, "昭和": 1925}

# Each pattern fills the groups y/m/d (or mon instead of m, era for Japanese eras).
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?P<era>令和|平成|昭和)\s*(?P<y>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    ),
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?<![\d.])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])"),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})(?!\d)"),
    re.compile(
        rf"(?<!\w)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(?P<y>\d{{4}})(?!\d)", re.I
    ),
    re.compile(
        rf"(?<!\w){_MONTH_RE}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", re.I
    ),
)

_FILENAME_DATE = re.compile(r"^(?P<y>\d{4})[-_.]?(?P<m>\d{2})[-_.]?(?P<d>\d{2})(?!\d)")

# A date followed by nothing but separators: a "date line", not a sentence.
_SEPARATORS = " \t-–—|:,.()[]"


_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _normalise(s: str) -> str:
    """Full-width digits and letters (common in Japanese text) to ASCII; lengths are kept."""
    return s.translate(_FULLWIDTH)


def _build(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    raw_year = groups["y"]
    year = 1 if raw_year == "元" else int(raw_year)
    if groups.get("era"):
        year += _ERAS[groups["era"]]
    month = _MONTHS[groups["mon"].lower()[:3]] if groups.get("mon") else int(groups["m"])
    try:
        return date(year, month, int(groups["d"]))
    except ValueError:
        return None


def find_date(s: str) -> tuple[date, int, int] | None:
    """The earliest valid date in ``s`` with its character span (span valid for ``s``)."""
    norm = _normalise(s)
    best: tuple[date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(norm):
            found = _build(match)
            if found is None:
                continue
            if best is None or match.start() < best[1]:
                best = (found, match.start(), match.end())
            break
    return best


def parse_date(s: str) -> date | None:
    """The first date written in ``s`` in a common English, ISO or Japanese form, else None."""
    found = find_date(s)
    return found[0] if found else None


def starts_with_date(line: str) -> bool:
    """True when ``line`` opens with a date (a dateline or a dated list entry)."""
    found = find_date(line[:60])
    return found is not None and not line[: found[1]].strip(_SEPARATORS)


def is_date_only(line: str) -> bool:
    """True when ``line`` is just a date (and separators)."""
    if len(line) > 80:  # no date spells out longer than this; spares a scan of huge lines
        return False
    found = find_date(line)
    if found is None:
        return False
    _, start, end = found
    return not (line[:start] + line[end:]).strip(_SEPARATORS)


def date_from_filename(filename: str) -> date | None:
    """A leading ``YYYY-MM-DD`` / ``YYYYMMDD`` in the file name, as many archives name files."""
    match = _FILENAME_DATE.match(PurePath(filename).name) if filename else None
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


_CJK_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def cjk_share(text: str) -> float:
    """Share of letters that are kana/kanji; 0 at once for text without any (the common case)."""
    if _CJK_RE.search(text) is None:
        return 0.0
    letters = sum(1 for ch in text if ch.isalpha())
    return len(_CJK_RE.findall(text)) / letters if letters else 0.0


def is_cjk(ch: str) -> bool:
    """Kana, kanji and CJK punctuation: counted as Japanese when detecting the language."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF66 <= code <= 0xFF9F
    )


def detect_language(text: str) -> str:
    """'ja' when a significant share of letters are kana/kanji, else 'en'."""
    return "ja" if cjk_share(text[:20_000]) >= 0.2 else "en"


def _humanise_stem(filename: str) -> str:
    stem = PurePath(filename).stem if filename else ""
    stem = _FILENAME_DATE.sub("", stem).strip(" _-.")
    words = re.sub(r"[_\-\s]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else ""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])|(?<=[。！？])")
_MAX_TITLE = 150


def _looks_like_title(line: str) -> bool:
    if len(line) > _MAX_TITLE:
        return False
    if line.endswith((".", "。", "!", "！", ";", ",", "、")):
        return False
    if detect_language(line) == "ja":
        return len(line) <= 60
    return len(line.split()) <= 20


def _first_sentence(line: str) -> str:
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0].strip().rstrip(".。")
    if len(sentence) <= _MAX_TITLE:
        return sentence
    cut = sentence[:_MAX_TITLE].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _propose_title(lines: list[str], filename: str) -> str:
    for line in lines[:5]:
        if is_date_only(line):
            continue
        found = find_date(line[:60])
        if found is not None and starts_with_date(line):
            rest = line[found[2] :].strip(_SEPARATORS)
            if rest:
                line = rest
        if _looks_like_title(line):
            return line.rstrip(":：").strip()
        if len(line) >= 40 or detect_language(line) == "ja":
            return _first_sentence(line)
    return _humanise_stem(filename)


def _propose_date(lines: list[str], filename: str) -> date | None:
    for line in lines[:5]:
        # Only the opening of a line can be a dateline; a 10 MB line must not be scanned.
        found = find_date(line[:400])
        if found is None:
            continue
        found_date, start, _ = found
        # A dateline ("Brussels, 30 April 2024 —") or a short date line; not a date quoted
        # in the middle of the first paragraph, which is usually some other event.
        if start <= 40 or len(line.split()) <= 12:
            return found_date
    return date_from_filename(filename)


def propose_metadata(text: str, filename: str = "") -> ProposedMetadata:
    """Best-effort title, date and language for the import dialog."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return ProposedMetadata(
        title=_propose_title(lines, filename),
        date=_propose_date(lines, filename),
        organisations=(),
        language=detect_language(text),
    )
