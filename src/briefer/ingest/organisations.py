"""Who published or signed a text, read from the text itself.

File properties rarely name the organisation (a Word licence, an empty field), so the
importer reads what an analyst reads: a "Source: …" or "Published by …" line, a letterhead
above the title, the bodies named as the subject of a joint statement's first sentence, the
"About …" sections and "X is an association …" sentences of a press release's end, a
signatory block. The rules use the general shape of organisation names (a head noun such as
*Ministry*, *Association*, 省, 協会; an acronym in capitals) and never lists of particular
organisations, so that documents nobody has seen yet are read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: Words that head an organisation's name, in English and Japanese.
_HEAD = (
    r"ministry|ministère|ministerium|commission|council|agency|authority|association|"
    r"federation|confederation|chamber|institute|institution|centre|center|secretariat|"
    r"directorate(?:-general)?|department|office|bureau|foundation|committee|union|forum|"
    r"alliance|consortium|organisation|organization|society|academy|parliament|government|"
    r"embassy|delegation|mission|board|group|corporation|company|inc\.?|ltd\.?|llc|gmbh|plc|"
    r"s\.a\.|k\.k\.|co\.,? ltd\.?|business council|roundtable|network|partnership"
)
_ORG_WORD = re.compile(
    rf"\b(?:{_HEAD})\b|省|庁|府|協会|連合会|工業会|委員会|理事会|評議会|機構|センター|会議所|株式会社"
    r"|事務局|団体|同友会"
    r"|大使館|代表部|本部|研究所|法人|組合",
    re.I,
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{2,14}$")
_METADATA_LINE = re.compile(
    r"^\s*[\[［【]?(?:source|publisher|published by|issued by|author(?:ed by)?|organi[sz]ation|"
    r"prepared by|submitted by|on behalf of|出典|発行者?|作成者?|発表者?|提供|公開機関|発行機関)"
    r"[\]］】]?\s*[:：]?\s+"
    r"(?P<value>\S.{1,150}?)\s*$",
    re.I,
)
_METADATA_LINE_COLON = re.compile(
    r"^\s*(?:source|publisher|issued by|author|出典|発行|作成|提供|公開機関|発行機関)\s*[:：]\s*"
    r"(?P<value>\S.{1,150}?)\s*$",
    re.I,
)
#: The label alone on its line, its value on the next ("公開機関:" / "欧州理事会").
_METADATA_LABEL_ALONE = re.compile(
    r"^\s*(?:source|publisher|published by|issued by|出典|発行者?|公開機関|発行機関)\s*[:：]\s*$",
    re.I,
)
#: A wire story's credit in its dateline: "TOKYO, July 3 (Reuters) -", "Tokyo, July 4
#: (Jiji Press)--": the agency wrote it, whichever site shows it.
_WIRE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*"
    r"\((?P<agency>[A-Z][\w .&'-]{1,40}?)\)\s*(?:-|–|—)"
)
#: Japanese legal forms written before a name (一般社団法人 日本…): the form, not the name.
_LEGAL_FORM = re.compile(
    r"^(?:一般社団法人|公益社団法人|一般財団法人|公益財団法人|特定非営利活動法人|NPO法人|"
    r"独立行政法人|国立研究開発法人|株式会社)\s*(?=\S)"
)
_SMALL_WORDS = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "on",
        "in",
        "at",
        "to",
        "de",
        "des",
        "du",
        "la",
        "le",
        "für",
        "und",
        "der",
        "van",
        "von",
        "y",
        "e",
        "et",
        "&",
        "a",
        "an",
    ]
)
_ABOUT = re.compile(r"^\s*(?:about|について)\s+(?P<name>\S.{1,80}?)\s*:?\s*$", re.I)
# Bounded and possessive runs of space: an unbounded \s* after the lazy name backtracked over
# a long run of spaces once per length of the name (the linear-time suite found it).
_ABOUT_JA = re.compile(r"^\s*+(?P<name>\S.{1,40}?)[^\S\n]{0,4}(?:について|の概要)\s*+$")
# "The Japan Business Council in Europe (JBCE) is a …" / "ACME is an industry association".
_SELF_DESCRIPTION = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?:the\s+)?(?P<name>[A-Z][^.;:,]{1,120}?)\s+(?:"
    r"(?:is|was)\s+(?:a|an|the|one of)\b[^.]{0,120}?\b(?:association|organi[sz]ation|"
    r"federation|body|council|agency|ministry|company|network|alliance|chamber|voice|group|"
    r"institute|centre|center|platform|foundation|union)\b"
    r"|represents\s|brings together\s|is the voice of\s)"
)
_SIGNATORY_CUE = re.compile(
    r"^\s*(?:signed|signatories|signatory organi[sz]ations|co-?signed by|endorsed by|"
    r"supported by|on behalf of|署名|連名)\b\s*[:：]?\s*(?P<rest>.*)$",
    re.I,
)
_JOINT = re.compile(r"\bjoint\b|共同|連名", re.I)
# The verb that ends the subject of a statement's first sentence.
_SUBJECT_VERB = re.compile(
    r"\s(?:call|calls|called|welcome|welcomes|welcomed|urge|urges|urged|submit|submits|"
    r"represent|represents|recommend|recommends|present|presents|have|has|are|is|jointly|"
    r"together|held|hold|signed|sign|agreed|agree|issue|issues|issued|express|expresses|"
    r"expressed|support|supports|ask|asks|propose|proposes|believe|believes|set out|"
    r"would like|wish|wishes|hereby|publish|publishes|published|adopted|adopt)\b"
)
_PAREN_ACRONYM = re.compile(r"(?<!\s)\s*+\(([A-Z][A-Z0-9&-]{1,14})\)")  # starts a run: linear
_SENTENCE = re.compile(r"(?<=[.!?。])\s")
_MAX_NAME_WORDS = 12


#: Where a letterhead's date is set off from the name: a dash or pipe with spaces around it
#: (a bare hyphen is inside "2025-04-02"), an em or en dash, a comma, a middle dot. Only the
#: separator is matched; the spaces round it are trimmed by the caller (matching them in the
#: pattern, \s+ on both sides, made a long run of spaces quadratic).
_DATE_SEP = re.compile(r"(?<=\s)[-|](?=\s)|[—–|·・,，、]")


def strip_date(line: str) -> str:
    """A name line without the date set off after (or before) it: "European Commission,
    DG CNECT — 2025-04-02" gives "European Commission, DG CNECT"; "2024-11-05 | X" gives X.
    A line that is nothing but a date, or has none set off, comes back unchanged."""
    from briefer.ingest.metadata import is_date_only

    seps = list(_DATE_SEP.finditer(line))
    for m in seps:  # trailing: the first separator with only a date after it
        head, tail = line[: m.start()], line[m.end() :]
        if head.strip() and is_date_only(tail.strip()):
            return head.rstrip()
    for m in seps[:1]:  # leading: a date, then the name
        head, tail = line[: m.start()], line[m.end() :]
        if tail.strip() and is_date_only(head.strip()):
            return tail.lstrip()
    return line


def _clean(name: str) -> str:
    name = strip_date(" ".join(name.split()))
    name = name.strip(" ,;:.-–—·•\"'“”‘’")
    name = re.sub(r"^(?:the|by)\s+", "", name, flags=re.I)
    return _LEGAL_FORM.sub("", name)


def is_organisation_like(name: str) -> bool:
    """An organisation's name: a head noun, or an acronym in capitals; never a sentence."""
    name = _clean(name)
    if not name or len(name) > 150 or name.endswith(("。",)):
        return False
    if len(name.split()) > _MAX_NAME_WORDS:
        return False
    if re.search(r"[.!?]\s", name) or "@" in name or "://" in name:
        return False
    if _ACRONYM.match(name):
        return True
    return bool(_ORG_WORD.search(name))


def is_name_shaped(line: str) -> bool:
    """A name on its own line: short, no sentence punctuation, its words capitalised."""
    line = line.strip()
    if not line or line.endswith((".", "。", ",", "、", ";", ":", "：", "!", "?")):
        return False
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", line):
        return len(line) <= 30
    words = line.split()
    if len(words) > 10:
        return False
    lower = [w for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS]
    return not lower


def _split_names(value: str) -> list[str]:
    """ "A; B" or "A, B and C" (a list of names) into names; one name stays whole."""
    parts = [p for p in re.split(r"\s*[;、／/]\s*", value) if p.strip()]
    out: list[str] = []
    for part in parts:
        pieces = [p for p in re.split(r"\s*,\s*|\s+(?:and|&)\s+", part) if p.strip()]
        if len(pieces) > 1 and all(is_organisation_like(p) for p in pieces):
            out.extend(pieces)
        else:
            out.append(part)
    return [_clean(p) for p in out if _clean(p)]


def _subject_names(sentence: str) -> list[str]:
    """The bodies named before the verb of a statement's first sentence."""
    head = sentence[:400]
    verb = _SUBJECT_VERB.search(head)
    if verb is None:
        return []
    subject = head[: verb.start()]
    subject = _PAREN_ACRONYM.sub(lambda m: f" ({m.group(1)})", subject)
    names = [p for p in re.split(r"\s*,\s*|\s+(?:and|&)\s+", subject) if p.strip()]
    names = [_clean(n) for n in names]
    good = [n for n in names if n and is_organisation_like(n) and n[:1].isupper()]
    # All the listed names must be bodies: "The EU and Japan" is not a list of organisations.
    return good if len(good) == len(names) else []


def metadata_line_organisations(lines: Iterable[str]) -> tuple[str, ...]:
    """Names given by "Source: …", "[Source] …", "Published by …", "出典：…" lines (or a
    label alone on its line with the name on the next)."""
    found: list[str] = []
    label_alone = False
    for line in lines:
        line = line[:300]
        if label_alone and is_name_shaped(line) and is_organisation_like(line):
            found.append(_clean(line))
        label_alone = bool(_METADATA_LABEL_ALONE.match(line))
        match = _METADATA_LINE_COLON.match(line) or _METADATA_LINE.match(line)
        if match and is_organisation_like(match["value"]):
            found.extend(_split_names(match["value"]))
    return unique(found)


def wire_credit(lines: Sequence[str]) -> str:
    """The news agency credited in a wire story's dateline, or ""."""
    for line in lines[:12]:
        if match := _WIRE_CREDIT.match(line[:120]):
            return _clean(match["agency"])
    return ""


def _title_prefix(title: str) -> str:
    """ "European Council: Joint Statement …": the organisation naming its own document."""
    head, sep, rest = title.partition(":")
    head = head.strip()
    if sep and rest.strip() and is_name_shaped(head) and is_organisation_like(head):
        return _clean(head)
    return ""


def find_organisations(lines: Sequence[str], title: str = "") -> tuple[str, ...]:
    """Organisations that published or signed the text of ``lines`` (stripped, non-empty)."""
    from briefer.ingest.metadata import is_date_only, is_letterhead

    head, tail = list(lines[:15]), list(lines[-40:])
    found = list(metadata_line_organisations((*head, *tail)))
    if credit := wire_credit(head):
        found.insert(0, credit)
    if prefix := _title_prefix(title):
        found.append(prefix)
    # A letterhead: an organisation's name on its own line above the title.
    title_at = next((i for i, line in enumerate(head[:6]) if line == title), None)
    for line in head[: title_at if title_at is not None else 3]:
        if line.endswith(title) and title:  # "Press releases <title>": a section, no name
            continue
        if line != title and is_name_shaped(line) and is_organisation_like(line):
            found.append(_clean(line))
    # ... or under it, among the date and the signatory's lines (a Japanese comment's
    # 2017年7月6日 / 一般社団法人 … / 会長 …) before the first paragraph.
    if title_at is not None:
        for line in head[title_at + 1 : title_at + 5]:
            if is_date_only(line) or re.search(r"[:：]", line):  # "出典：…" is read above
                continue
            if not is_name_shaped(line):
                break
            if is_letterhead(line):
                found.append(_clean(line))
    # A joint statement names its authors as the subject of its first sentence.
    if _JOINT.search(title) or any(_JOINT.search(line[:200]) for line in head[:3]):
        for line in head[:8]:
            if line == title or len(line.split()) < 6:
                continue
            first = _SENTENCE.split(line, maxsplit=1)[0]
            names = _subject_names(first)
            if names:
                found.extend(names)
                break
    # The end: "About X" sections, "X is an association …", a signatory block.
    for i, line in enumerate(tail):
        line = line[:400]
        if (about := _ABOUT.match(line)) and is_organisation_like(about["name"]):
            found.append(_clean(about["name"]))
        elif (about_ja := _ABOUT_JA.match(line)) and is_organisation_like(about_ja["name"]):
            found.append(_clean(about_ja["name"]))
        elif desc := _SELF_DESCRIPTION.match(line):
            name = _clean(desc["name"])
            if is_organisation_like(name) and is_name_shaped(name):
                found.append(name)
        elif cue := _SIGNATORY_CUE.match(line):
            rest = cue["rest"]
            names = _split_names(rest) if rest else []
            block = tail[i + 1 : i + 8]
            names += [_clean(x) for x in block if is_name_shaped(x) and is_organisation_like(x)]
            found.extend(n for n in names if is_organisation_like(n))
    return unique(found)


def unique(names: Iterable[str]) -> tuple[str, ...]:
    """Names in first-seen order, a repeated or contained acronym form dropped."""
    out: list[str] = []
    keys: set[str] = set()
    for name in names:
        key = name.casefold()
        if not name or key in keys:
            continue
        # "JEITA" after "Japan Electronics … Association (JEITA)" is the same body.
        if any(f"({name})".casefold() in k for k in keys):
            continue
        keys.add(key)
        out.append(name)
    return tuple(out)
