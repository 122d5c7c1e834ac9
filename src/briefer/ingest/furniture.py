"""Recognise page furniture: the site chrome and contact blocks around a document's content.

Text saved from a web page or press release carries cookie banners, search prompts, link
lists and contact details. They must stay in the source (quotes are traced to offsets) but
must not be offered as content in searches or briefs. Two kinds of evidence are used:

* a lexicon of boilerplate cues (English and Japanese) applied to short passages, plus a few
  first-person site phrases ("we use cookies") that are furniture at any length;
* structure: after the last substantial paragraph, a tail of short passages that begins
  with a cue (a contact line, "related", "back to ...") is furniture to the end.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from briefer.ingest.metadata import cjk_share, is_metadata_line, starts_with_date
from briefer.ingest.model import Segment

# Phrases that only site chrome uses; furniture whatever the passage length.
_STRONG = re.compile(
    r"(this (web)?site uses cookies|we use cookies|use of (our )?cookies|accept (all )?cookies"
    r"|cookie (settings|preferences|policy|banner)|hit enter to search|press enter to search"
    r"|skip to (main )?content|esc to close|all rights reserved|クッキー|ページの先頭へ"
    r"|ページトップへ|このページの先頭|本文へ(移動|スキップ)?)",
    re.I,
)

# Every alternative of _STRONG contains one of these (lower case, after NFKC).
_STRONG_KEYS = ("cookie", "enter to search", "skip to", "esc to close", "all rights", "クッキー",
                "ページ", "本文へ")  # fmt: skip

# Cues that mark furniture in short passages (a sentence of content may mention them).
_CUES = re.compile(
    r"(cookies? (notice|settings|preferences|policy|consent banner)"
    r"|^\s*search( this site| the site)?\s*$|\bsubscribe\b|newsletter"
    r"|privacy (policy|notice|statement)|terms (of use|of service|and conditions)|©"
    r"|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4})|for (more|further) information"
    r"|please contact|contact us"
    r"|^\s*contacts?\s*(us|information|details|persons?|points?)?\s*:?\s*$"
    r"|media contact|press contact|inquiry form|(for|send) (inquiries|enquiries)"
    r"|^\s*(inquiries|enquiries)\b|^\s*back to\b|^\s*share( this( page| article| post)?)?\s*:?\s*$"
    r"|share on (facebook|twitter|x|linkedin)|^\s*(tweet|print|email|e-mail)( this)?\s*$"
    r"|read more|view (the )?(complete|full)|our resources on"
    r"|^\s*(click here to )?download( the| our)?( full| complete)?\b"
    r"|\((pdf|docx?)[,\s][^)]{0,20}\)\s*$"
    r"|ダウンロード|全文はこちら|詳細はこちら"
    r"|^\s*related( links| articles| content| resources| news| posts| pages| documents"
    r"| publications)?\s*:?\s*$|see also|follow us|sign up|^\s*menu\s*$|^\s*home\s*[>›»/|]"
    r"|お問い合わせ|問い合わせ先|問合せ先|関連リンク|関連情報|関連ページ|^\s*著作権\s*$"
    r"|著作権(表示|について|は.{0,80}帰属)|ツイート|サイトマップ|プライバシーポリシー|利用規約"
    r"|ホーム\s*[>＞›]|^\s*(tel|fax|phone|telephone|mobile|e-?mail|mail|電話|内線)\s*[:：.]?\s*[+(]?\d"
    r"|^\s*(tel|fax|phone|e-?mail|mail|電話)\s*[:：])",
    re.I,
)

# Every alternative of _CUES contains one of these (lower case, after NFKC): a passage with
# none of them cannot match, and most passages are rejected by these substring tests alone.
_CUE_KEYS = (
    "cookie", "search", "subscribe", "newsletter", "privacy", "terms", "©", "(c)",
    "copyright", "information", "contact", "inquir", "enquir", "back to", "share", "tweet",
    "print", "mail", "read more", "view", "resources on", "download", "(pdf", "(doc",
    "ダウンロード", "こちら", "related", "see also", "follow us", "sign up", "menu", "home",
    "問", "関連", "著作権", "ツイート", "サイトマップ", "プライバシー", "利用規約", "ホーム",
    "tel", "fax", "phone", "mobile", "電話", "内線",
)  # fmt: skip

# A line of a contact block: a phone, fax or mail line, or the block's heading.
_CONTACT_LINE = re.compile(
    r"^\s*(tel|fax|phone|telephone|mobile|cell|e-?mail|mail|電話|ファックス|ＦＡＸ|内線|メール)\s*[:：.]"
    r"|^\s*[+(]?\d[\d\s()./-]{6,}\d\s*$|^[\w.+-]+@[\w-]+(\.[\w-]+)+\s*$"
    r"|^\s*((media|press) )?contacts?\s*(persons?|points?|details|information)?\s*[:：]?\s*$"
    r"|^\s*(for (more|further) information|please contact|お問い?合わ?せ|問い?合わ?せ先|連絡先)",
    re.I,
)
#: Passages around a contact line that are names and job titles (short, no sentence).
_CONTACT_REACH = 4
_CONTACT_NAME_WORDS = 8

_CONTACT_DETAIL = re.compile(
    r"(^[+(]?\d[\d\s()./-]{6,}\d$|^[\w.+-]+@[\w-]+(\.[\w-]+)+$|^(https?://|www\.)\S+$)", re.I
)

# A passage this long that is not itself a cue is real content, ending any furniture tail.
_SUBSTANTIAL_WORDS = 12
_SUBSTANTIAL_CJK_CHARS = 40
# Cues other than the strong ones only count in short passages: on their own in a label-like
# passage, or as the start of the closing tail in a passage of a sentence or two.
_CUE_WORDS = 12
_TAIL_CUE_WORDS = 30
_CJK_CHARS_PER_WORD = 3
_MAX_CUE_CHARS = 2_000


def _norm(passage: str) -> str:
    return unicodedata.normalize("NFKC", passage)


def _cjk_share(passage: str) -> float:
    return cjk_share(passage)


def _is_short(passage: str, words: int) -> bool:
    if _cjk_share(passage) >= 0.5:
        return len(passage) <= words * _CJK_CHARS_PER_WORD
    return len(passage.split()) <= words


def _is_substantial(passage: str) -> bool:
    """Running text: a real sentence or a long passage (not a title, label or link)."""
    if _cjk_share(passage) >= 0.5:
        return len(passage) >= _SUBSTANTIAL_CJK_CHARS or (
            len(passage) >= 15 and passage.rstrip().endswith(("。", "．"))
        )
    words = len(passage.split())
    ends_sentence = passage.rstrip().endswith((".", "!", "?", ".”", '."', ".)"))
    return (words >= _SUBSTANTIAL_WORDS and ends_sentence) or words >= 25


def _cue_facts(passage: str) -> tuple[bool, bool, bool]:
    """(furniture at any length, a cue in a label-sized passage, a cue in a tail-sized one),
    each regex run once per passage (this runs over every passage of every import)."""
    if len(passage) > _MAX_CUE_CHARS:  # banners and link lists are short; skip long text fast
        return False, False, False
    norm = _norm(passage)
    low = norm.lower()
    strong = any(map(low.__contains__, _STRONG_KEYS)) and bool(_STRONG.search(norm))
    if strong or _CONTACT_DETAIL.match(norm.strip()):
        return True, True, True
    if not _is_short(norm, _TAIL_CUE_WORDS):
        return False, False, False
    if not any(map(low.__contains__, _CUE_KEYS)) or not _CUES.search(norm):
        return False, False, False
    return False, _is_short(norm, _CUE_WORDS), True


def mark_furniture(text: str, segments: list[Segment]) -> list[Segment]:
    """Return ``segments`` with ``content=False`` on page furniture (order and spans kept)."""
    passages = [text[s.start : s.end] for s in segments]
    facts = [_cue_facts(p) for p in passages]
    furniture = [
        strong or cue or is_metadata_line(p)
        for (strong, cue, _), p in zip(facts, passages, strict=True)
    ]
    _mark_contact_blocks(passages, segments, furniture)
    tail_cue = [strong or cue for strong, _, cue in facts]

    last_content = -1
    for i, passage in enumerate(passages):
        if not tail_cue[i] and _is_substantial(passage) and segments[i].kind != "heading":
            last_content = i
    if last_content < 0:
        # No running text at all: only the cues themselves can be judged.
        return _apply(segments, furniture)
    tail = range(last_content + 1, len(segments))
    first_cue = next((i for i in tail if tail_cue[i]), None)
    if first_cue is not None:
        for i in range(first_cue, len(segments)):
            furniture[i] = True
    # Dated link lines ("19 Jun 2024 Publication & Brochure") in the tail are related-content
    # lists even before any cue.
    for i in tail:
        if starts_with_date(passages[i]) and len(passages[i].split()) <= 10:
            furniture[i] = True
    return _apply(segments, furniture)


def _name_line(passage: str) -> bool:
    """A person's name, a job title or a unit: short, no sentence at its end."""
    body = passage.strip()
    if not body or body.endswith((".", "。", "!", "?", ";")) or len(body) > 120:
        return False
    if _cjk_share(body) >= 0.5:
        return len(body) <= 30
    return len(body.split()) <= _CONTACT_NAME_WORDS


def _mark_contact_blocks(
    passages: list[str], segments: list[Segment], furniture: list[bool]
) -> None:
    """A contact line (phone, fax, mail, "Press contact:") makes the short name and title
    lines right around it furniture too: the block reads as one, wherever it stands."""
    contact = [
        len(p) <= 200 and _is_short(p, 10) and bool(_CONTACT_LINE.search(_norm(p)))
        for p in passages
    ]
    for i, is_contact in enumerate(contact):
        if not is_contact:
            continue
        furniture[i] = True
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(passages) and abs(j - i) <= _CONTACT_REACH:
                if segments[j].kind == "heading" and step < 0 and not contact[j]:
                    break
                if not (contact[j] or _name_line(passages[j])):
                    break
                furniture[j] = True
                j += step


def _apply(segments: list[Segment], furniture: list[bool]) -> list[Segment]:
    return [
        replace(seg, content=False) if is_furniture and seg.content else seg
        for seg, is_furniture in zip(segments, furniture, strict=True)
    ]
