"""Propose title, date and language for a newly imported text.

These are only proposals shown in the import dialog; the officer confirms or corrects them,
so the rules favour "usually right and never absurd" over completeness.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import PurePath

from briefer.ingest.model import ProposedMetadata, Segment

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
#: kanji numerals, as formal Japanese documents write dates (令和七年五月十二日, 二〇二五年…)
_KANJI_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")}
_K = "[〇一二三四五六七八九十]"

# Each pattern fills the groups y/m/d (or mon instead of m, era for Japanese eras).
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?P<era>令和|平成|昭和)\s*(?P<y>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    ),
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(
        rf"(?P<era>令和|平成|昭和)\s*(?P<y>{_K}{{1,3}}|元)\s*年\s*(?P<m>{_K}{{1,3}})\s*月"
        rf"\s*(?P<d>{_K}{{1,3}})\s*日"
    ),
    re.compile(
        rf"(?<!{_K})(?P<y>[〇一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_K}{{1,3}})\s*月"
        rf"\s*(?P<d>{_K}{{1,3}})\s*日"
    ),
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


def _number(text: str) -> int:
    """Digits, or kanji numerals: 十二 is 12, 三十一 is 31, 二〇二五 is 2025; 元 (an era's
    first year) is 1."""
    if text == "元":
        return 1
    if text.isascii():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return _number(tens or "一") * 10 + (_number(units) if units else 0)
    value = 0
    for ch in text:
        value = value * 10 + _KANJI_DIGITS[ch]
    return value


def _build(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = _number(groups["y"])
    if groups.get("era"):
        year += _ERAS[groups["era"]]
    month = _MONTHS[groups["mon"].lower()[:3]] if groups.get("mon") else _number(groups["m"])
    try:
        return date(year, month, _number(groups["d"]))
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
    letters = sum(map(str.isalpha, text))  # C-level, not a Python step per character
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


_MASTHEAD = re.compile(
    r"(\bnewsletter\b|\bbulletin\b|\bdigest\b|\bvol(?:ume)?\.?\s*\d|\bissue\s+(?:no\.?\s*)?\d"
    r"|\bno\.\s*\d+\s*$|第\s*\d+\s*号|(?<!\d)\d++\s*+月号|号\s*$|ニュースレター|メールマガジン|メルマガ"
    r"|ニュース\s*(?:vol|no|第))",
    re.I,
)
_BREADCRUMB_SEP = re.compile(
    r"\s(?:>|›|»|/|\||＞|→)\s|^(?:home|top|ホーム|トップ)\s*(?:>|›|»|/|＞)", re.I
)
_TRAIL_END = re.compile(r"(?:\btop\s+page|\bhome\s*page|トップページ)\s*$", re.I)
#: Words of a document's title, never of an organisation's name on a letterhead.
_TITLE_WORDS = re.compile(
    r"\b(statement|report|letter|results?|outcomes?|recommendations?|paper|declaration|"
    r"press release|summary|minutes|position|response|contribution|consultation|agenda|"
    r"conclusions|communiqu[eé]|memorandum|proposals?|comments|priorities|meeting|workshop|"
    r"dialogue|summit|views)\b|結果|声明|報告|提言|概要|要望|意見|会合|会議の|について",
    re.I,
)


def is_masthead(line: str) -> bool:
    """A newsletter's or bulletin's name and issue ("… Newsletter No. 45", "第123号")."""
    return len(line) <= 100 and bool(_MASTHEAD.search(line))


def is_breadcrumb(line: str) -> bool:
    """ "Home > News > Press releases": a site's location trail, never a title."""
    if len(line) > 200:
        return False
    seps = len(_BREADCRUMB_SEP.findall(line))
    if seps >= 2 or (seps == 1 and bool(re.match(r"^(?:home|top|ホーム|トップ)\b", line, re.I))):
        return True
    # A trail saved as text loses its separators but keeps the site's link to its home:
    # "Speeches … Cabinet top page", "… トップページ".
    return len(line.split()) >= 3 and bool(_TRAIL_END.search(line))


def is_letterhead(line: str) -> bool:
    """An organisation's name standing alone above the title (not itself a title)."""
    from briefer.ingest.organisations import is_name_shaped, is_organisation_like

    return is_name_shaped(line) and is_organisation_like(line) and not _TITLE_WORDS.search(line)


#: "[Title] …", "Title: …", "件名：…": the document says what its title is.
_TITLE_LABEL = re.compile(
    r"^\s*(?:\[(?:title|件名|表題|タイトル)\]\s*|(?:title|件名|表題|タイトル)\s*[:：]\s*)(?P<t>\S.{0,200})$",
    re.I,
)
#: A line that is only a bracketed label: "[Full text]", "【本文】".
_BRACKET_LABEL = re.compile(r"^[\[［【][^\]］】]{0,30}[\]］】]$")
#: A label alone on its line, its value on the next: "国・地域名:" / "EU".
_LABEL_ALONE = re.compile(r"^[^\s:：]{1,12}(?:\s\S{1,12})?\s*[:：]$")


def _title_candidates(lines: list[str]) -> list[str]:
    """The opening lines that may hold the title: breadcrumbs, metadata lines, bracketed
    labels and "label:" / value pairs left out (so a page of labels still reaches it)."""
    out: list[str] = []
    skip_value = False
    for line in lines[:20]:
        if skip_value:
            skip_value = False
            continue
        if _LABEL_ALONE.match(line):
            skip_value = True
            continue
        if is_breadcrumb(line) or is_metadata_line(line) or _BRACKET_LABEL.match(line):
            continue
        out.append(line)
        if len(out) >= 8:
            break
    return out


def _is_section_label(line: str, following: list[str]) -> bool:
    """ "General Information" above "23rd … Summit … Joint Press Statement": a short label
    of the site's section, not the title, when a longer titled line follows."""
    words = line.split()
    if not 1 <= len(words) <= 3 or detect_language(line) == "ja" or _TITLE_WORDS.search(line):
        return False
    if is_date_only(line) or not all(w[:1].isupper() for w in words):
        return False
    nxt = following[0] if following else ""
    return bool(_TITLE_WORDS.search(nxt)) and len(nxt.split()) >= 2 * len(words)


#: Words that leave a title line unfinished ("… President of the European Council and").
_CONNECTIVES = frozenset(
    [
        "and",
        "or",
        "of",
        "by",
        "for",
        "to",
        "the",
        "a",
        "an",
        "in",
        "on",
        "with",
        "at",
        "from",
        "between",
        "following",
        "including",
    ]
)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def _title_block(text: str, first: str) -> str:
    """The title set over several short lines of one block ("Joint Press Conference" /
    "by Dr …," / "Mr … and" / …), joined; ``first`` alone when its block is not that shape:
    2-8 short lines, none ending a sentence or holding a date, linked by a trailing comma
    or connective or a line starting in lower case."""
    if not text or len(first) > 80:
        return first
    rows: list[str] = []
    for block in _BLANK_LINE.split(text[:20_000]):
        got = [r.strip() for r in block.splitlines() if r.strip()]
        if got and got[0] == first:
            rows = got
            break
    if not 2 <= len(rows) <= 8 or any(len(r) > 80 for r in rows):
        return first
    if any(r.endswith((".", "。", "!", "！", "?", "？", ";", ":", "：")) for r in rows):
        return first
    if any(find_date(r) is not None for r in rows):
        return first
    linked = any(
        r.endswith((",", "、")) or r.split()[-1].casefold() in _CONNECTIVES for r in rows[:-1]
    ) or any(r[:1].islower() for r in rows[1:])
    if not linked:
        return first
    sep = "" if detect_language(first) == "ja" else " "
    joined = sep.join(rows)
    return joined if len(joined) <= 300 else first


def _propose_title(lines: list[str], filename: str, text: str = "") -> str:
    for line in lines[:15]:
        if (labelled := _TITLE_LABEL.match(line[:300])) and _looks_like_title(labelled["t"]):
            return labelled["t"].strip()
    candidates = _title_candidates(lines)
    for i, line in enumerate(candidates[:5]):
        if is_date_only(line):
            continue
        following = candidates[i + 1 : i + 3]
        # "Press Releases European Council: Joint Statement …" above the same title alone.
        if (
            following
            and len(following[0]) >= 12
            and line.endswith(following[0])
            and (len(line) > len(following[0]))
        ):
            continue
        if _is_section_label(line, following):
            continue
        if (is_masthead(line) or is_letterhead(line)) and any(
            _looks_like_title(x) and not is_date_only(x) for x in following
        ):
            continue  # the newsletter's or organisation's name above the real title
        found = find_date(line[:60])
        if found is not None and starts_with_date(line):
            rest = line[found[2] :].strip(_SEPARATORS)
            if rest:
                line = rest
        if _looks_like_title(line):
            return _title_block(text, line).rstrip(":：").strip()
        if len(line) >= 40 or detect_language(line) == "ja":
            return _first_sentence(line)
    return _humanise_stem(filename)


_DATE_LABEL = re.compile(
    r"^\s*[\[［【]?(?:published(?: on)?|publication date|date(?: of publication)?|issued(?: on)?|"
    r"released?(?: on)?|release date|posted(?: on)?|updated|last updated|"
    r"発行日?|公表日?|(?:\S{0,3}記事)?公開日|掲載日|発表日|更新日|日付)[\]］】]?\s*[:：]?\s*",
    re.I,
)
_MONTH_YEAR = (
    re.compile(rf"^{_MONTH_RE},?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"),
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})(?![-/.\d])"),
)
#: "Source: …", "Published: …": a line that states metadata, not content.
_METADATA_LABEL = re.compile(
    r"^\s*(?:source|sources|publisher|published|published by|publication date|issued by|"
    r"date|released?|posted|updated|last updated|author|authors|language|original|"
    r"出典|発行|発行日|公表日|公開日|掲載日|更新日|作成)\s*[:：]",
    re.I,
)


def is_metadata_line(line: str) -> bool:
    """A short "Label: value" line stating the source, the date or the author."""
    return len(line) <= 200 and bool(_METADATA_LABEL.match(line))


def labelled_date(line: str) -> date | None:
    """The date of a "Published: 3 May 2024" / "Published: May 2024" / "公表日：…" line."""
    label = _DATE_LABEL.match(line[:200])
    if label is None or label.end() == 0:
        return None
    rest = _normalise(line[label.end() : label.end() + 80])
    found = find_date(rest)
    if found is not None and found[1] <= 3:
        return found[0]
    for pattern in _MONTH_YEAR:
        if match := pattern.match(rest):
            groups = match.groupdict()
            month = _MONTHS[groups["mon"].lower()[:3]] if groups.get("mon") else int(groups["m"])
            if 1 <= month <= 12:
                return date(int(groups["y"]), month, 1)
    return None


def document_date(lines: list[str]) -> date | None:
    """The date the document gives itself: a labelled or date line, a dateline, or else a
    full date in the opening sentence (a meeting's date in a republished outcome)."""
    for i, line in enumerate(lines[:15]):
        if (labelled := labelled_date(line)) is not None:
            return labelled
        label = _DATE_LABEL.match(line[:40])
        alone = label is not None and label.end() == len(line) and i + 1 < len(lines)
        if alone and is_date_only(lines[i + 1]):  # "公開日:" alone, the date on the next line
            return parse_date(lines[i + 1])
    if (wired := _wire_date(lines)) is not None:
        return wired
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
    # A date alone on its line further down (under a title of several lines).
    return next((parse_date(line) for line in lines[5:15] if is_date_only(line)), None)


#: "TOKYO, July 3 (Reuters) -": a wire dateline gives month and day, not the year.
_WIRE_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{1,30}},\s+{_MONTH_RE}\s+(?P<d>\d{{1,2}})\s*\([^)]{{1,40}}\)\s*(?:-|–|—)",
    re.I,
)


def _wire_date(lines: list[str]) -> date | None:
    """A wire dateline's month and day, dated by the full date with that month and day
    nearest above it (a photo caption, a time stamp)."""
    for i, line in enumerate(lines[:12]):
        match = _WIRE_DATELINE.match(line[:120])
        if match is None:
            continue
        month, day = _MONTHS[match["mon"].lower()[:3]], int(match["d"])
        for other in (*reversed(lines[:i]), *lines[i + 1 : i + 4]):
            found = find_date(other[:400])
            if found is not None and (found[0].month, found[0].day) == (month, day):
                return found[0]
        return None
    return None


def opening_sentence_date(lines: list[str]) -> date | None:
    """A full date in the first sentence of the first paragraph (after title lines)."""
    for line in lines[:5]:
        if len(line.split()) < 8 and detect_language(line) != "ja":
            continue
        sentence = _SENTENCE_END.split(line[:600], maxsplit=1)[0]
        found = find_date(sentence)
        return found[0] if found else None
    return None


def _propose_date(lines: list[str], filename: str) -> date | None:
    return document_date(lines) or date_from_filename(filename) or opening_sentence_date(lines)


def propose_metadata(text: str, filename: str = "") -> ProposedMetadata:
    """Best-effort title, date and language for the import dialog."""
    from briefer.ingest.organisations import find_organisations

    lines = _lines(text)
    title = _propose_title(lines, filename, text)
    return ProposedMetadata(
        title=title,
        date=_propose_date(lines, filename),
        organisations=find_organisations(lines, title),
        language=detect_language(text),
    )


def _lines(text: str) -> list[str]:
    """Non-empty stripped lines: all of a short text, the first and last 60 of a long one."""
    raw = text.splitlines()
    if len(raw) > 400:
        raw = raw[:200] + raw[-200:]
    return [line.strip() for line in raw if line.strip()]


def dates_for(text: str, content: str, file_date: date | None) -> tuple[date | None, date | None]:
    """(the document's own date, the file's property date) for a structured format.

    A "Published: …" line counts wherever it stands, furniture or not (``text``); the rest
    is read from the content passages (``content``), so a running head's date is no title
    date."""
    labelled = next((d for line in _lines(text)[:40] if (d := labelled_date(line))), None)
    lines = _lines(content)
    own = labelled or document_date(lines) or opening_sentence_date(lines)
    return own, file_date


def _reads_as_running_text(body: str) -> bool:
    """An opening paragraph that is prose (a heading after it is a section, not the title):
    a sentence of some length. A long line with no sentence end (a running head such as
    "Working Party 3: … Report Version" above the title) is not prose."""
    if detect_language(body) == "ja":
        return len(body) >= 80 or (len(body) >= 25 and body.endswith(("。", "．")))
    words = len(body.split())
    return words >= 30 or (words >= 8 and body.endswith((".", "!", "?", ".”", '."', ":")))


def title_heading(text: str, segments: Sequence[Segment]) -> str | None:
    """The first content heading, when no running text comes before it (a heading after the
    opening paragraphs is a section, not the title); a masthead or breadcrumb is skipped."""
    seen = 0
    for i, seg in enumerate(segments):
        if not seg.content:
            continue
        seen += 1
        body = " ".join(text[seg.start : seg.end].split())
        if seg.kind != "heading":
            if _reads_as_running_text(body) or seen > 5:
                return None
            continue  # a running head, a label or a letterhead above the title
        label = body.rstrip(":：").rstrip()
        if is_breadcrumb(label) or is_masthead(label) or is_letterhead(label):
            later = [s for s in segments[i + 1 : i + 6] if s.kind == "heading" and s.content]
            if later:
                continue
        return label
    return None
