"""What part a passage plays in its document, as far as topic tagging is concerned.

A passage is tagged from its own words first. Some passages name topics without being about
them: a metadata line ("Source: … Published: …"), a contact block, a download link, an
organisation describing itself ("X represents companies active in AI, cybersecurity, …"),
or the lead-in that opens a report ("On 3 March the partners met in …, co-chaired by …").
Their words are weak evidence: they never make a primary tag, and a heading never lends
them its topics. The cues below are shapes of text (a label and a colon, an e-mail address,
a date standing alone, "is an association of", 「…で構成される団体」), never particular
documents or names.
"""

from __future__ import annotations

import re
from typing import Literal

from briefer.ingest.metadata import find_date

Role = Literal["body", "metadata", "contact", "self_description", "lead_in", "note", "fragment"]

#: Roles whose words never make a primary tag.
WEAK_ROLES: frozenset[str] = frozenset({"metadata", "contact", "self_description"})

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")  # starts a run only: linear
_URL = re.compile(r"https?://|www\.", re.I)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,5}\)?[\s.-]){2,}\d{2,5}")
_PHONE_LABEL = re.compile(
    r"\b(?:tel|phone|fax|mobile|e-?mail)\b\.?|電話|ＴＥＬ|TEL|メール|内線", re.I
)
_CONTACT_WORDS = re.compile(
    r"\b(?:contact|enquiries|inquiries|further information)\b|問い合わせ|問合せ|連絡先|担当", re.I
)
#: "Source:", "Published on:", "掲載日:", "From:" -- a short label and a colon opening the line.
_LABEL = re.compile(r"^\s*(?:[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,3}|[^\s:：]{1,8})\s*[:：]\s*\S")
#: A topic label opening a sentence, not a metadata line: "Online safety: the partners
#: exchanged views on …." (the value runs on in lower case and ends a sentence), 「概要：双方は
#: …を確認した。」. A metadata value is a name, a date or a title ("Source: European Commission").
_LABELLED_SENTENCE = re.compile(
    r"^[^:：]{1,40}[:：]\s*(?:[a-z][^.!?]*\s[^.!?]*\s[^.!?]*\s[^.!?]*\s.*[.!?]"
    r"|[^\s]{18,}[。．])\s*$",
    re.S,
)


def _labelled_sentence(text: str) -> bool:
    """A label and a sentence, not a list of contents ("In this issue: chips, AI, and …")."""
    return _LABELLED_SENTENCE.match(text) is not None and text.count(",") + text.count("、") < 2


_FILE_LINK = re.compile(
    r"\b(?:download|read more|click here|see also|full (?:text|report|statement))\b"
    r"|\((?:pdf|docx?|xlsx?)\b|\b\d+(?:\.\d+)?\s?[KM]B\b|ダウンロード|関連リンク|PDF形式",
    re.I,
)
_SELF_HEADING = re.compile(
    r"^\s*(?:about(?:\s+(?:us|the\s+\w+|\w+))?|who we are|our members(?:hip)?|"
    r"(?:当|本|弊)(?:会|社|団体|協会|機構)(?:について|の概要)|(?:会社|団体|協会|法人)概要)\s*$",
    re.I,
)
_SELF_EN = re.compile(
    r"^(?:the\s+)?[\w&'’ .-]{2,80}?\s(?:is|are)\s(?:a|an|the)\s(?:[\w-]+\s){0,6}?"
    r"(?:organi[sz]ation|association|federation|body|entity|network|alliance|council|"
    r"chamber|forum|group|institute|agency|company|undertaking|consortium|voice)\b"
    r"|\b(?:represents|brings together|gathers|unites)\s(?:more than\s|over\s|some\s)?[\d,]*\s?"
    r"(?:[\w-]+\s){0,3}?(?:companies|members|firms|businesses|organi[sz]ations|associations)\b",
    re.I,
)
_SELF_JA = re.compile(
    r"^[^、。]{2,40}(?:は|とは)、?.{0,80}?(?:で構成される|を会員とする|を代表する).{0,40}?"
    r"(?:団体|協会|組織|法人|連合会|機関)(?:である|です)"
    r"|^[^、。]{2,40}(?:は|とは)、?.{0,60}?(?:団体|協会|組織|連合会)(?:であり|である|です)"
)
#: Substrings without which the patterns above cannot match: plain ``in`` tests are ~50x
#: cheaper than a case-insensitive pattern, and most passages are ordinary text.
_PHONE_CUES = ("tel", "phone", "fax", "mobile", "mail", "電話", "ｔｅｌ", "メール", "内線")
_SELF_EN_CUES = (
    " is a",
    " is the",
    " are a",
    " are the",
    "represents",
    "brings together",
    "gathers",
    "unites",
)
_SELF_JA_CUES = ("団体", "協会", "組織", "法人", "連合会", "機関")
_MEETING_EN = re.compile(
    r"\b(?:met|meet|held|convened|gathered|took place|co-?chaired|chaired|hosted|"
    r"attended|visited)\b",
    re.I,
)
_MEETING_JA = re.compile(r"開催|共同議長|出席|会談を行|会合を行|訪問")
#: When a meeting took place, as a lead-in says it: a day and month, a weekday, "today",
#: 「3月9日」, 「本日」. A passage naming a chair or a visit without one is not a lead-in ("an AI
#: headquarters chaired by the Prime Minister").
_WHEN = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:today|yesterday|this morning)\b"
    r"|\d{1,2}月\d{1,2}日|本日|昨日",
    re.I,
)
#: A dated entry of a list of events ("18 March: Webinar on …", 「3月10日：説明会」).
_DATED_ENTRY = re.compile(
    r"^\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}月\d{1,2}日"
    r"|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)(?:\s*[（(][^）)]{1,6}[）)])?\s*[:：–-]\s*\S"
)
#: A reference note under a section: 「（参考）…」, 「※…」, "Note: …". It explains the
#: document, so its section's heading lends it nothing.
_NOTE = re.compile(r"^\s*(?:[（(](?:参考|注|備考)\d*[)）]|※|\*\s|note\b)", re.I)


def passage_role(
    text: str,
    n_terms: int,
    *,
    kind: str = "paragraph",
    heading_path: tuple[str, ...] | list[str] = (),
    position: int | None = None,
) -> Role:
    """The role of a passage with ``n_terms`` content words (see the module docstring).

    ``position`` is the passage's index among its source's content passages (None when not
    known): only the first few passages of a document can be its lead-in.
    """
    if kind == "heading":
        return "body"
    stripped = text.strip()
    inner = heading_path[-1] if heading_path else ""
    if inner and _SELF_HEADING.match(inner):
        return "self_description"
    # Cheap substring tests first: most passages are ordinary text and run no pattern.
    if ("@" in stripped and _EMAIL.search(stripped)) or (
        ("http" in stripped or "www." in stripped) and _URL.search(stripped)
    ):
        return "contact"
    low = stripped[:600].lower()
    if (
        any(cue in low for cue in _PHONE_CUES)
        and _PHONE_LABEL.search(stripped)
        and _PHONE.search(stripped)
    ):
        return "contact"
    if n_terms <= 14:
        if n_terms <= 12 and _CONTACT_WORDS.search(stripped):
            return "contact"
        if _FILE_LINK.search(stripped):
            return "metadata"
        if n_terms <= 12 and _LABEL.match(stripped) and not _labelled_sentence(stripped):
            return "metadata"
        if n_terms <= 7 and find_date(stripped[:200]) is not None:
            return "metadata"  # "Brussels, 14 October 2025", a byline with a date
        if _DATED_ENTRY.match(stripped):
            return "metadata"  # "18 March: Webinar on the Data Act"
    head = stripped[:400]
    if (any(cue in low for cue in _SELF_EN_CUES) and _SELF_EN.search(head)) or (
        any(cue in head for cue in _SELF_JA_CUES) and _SELF_JA.search(stripped[:300])
    ):
        return "self_description"
    if (
        (position is None or position <= 3)
        and (_MEETING_EN.search(stripped) or _MEETING_JA.search(stripped))
        and (_WHEN.search(stripped[:300]) or find_date(stripped[:300]) is not None)
    ):
        return "lead_in"
    if _NOTE.match(stripped):
        return "note"
    if n_terms < 4:
        return "fragment"
    return "body"
    inner = heading_path[-1] if heading_path else ""
    if inner and _SELF_HEADING.match(inner):
        return "self_description"
    if (
        _EMAIL.search(stripped)
        or _URL.search(stripped)
        or (_PHONE_LABEL.search(stripped) and _PHONE.search(stripped))
    ):
        return "contact"
    if _CONTACT_WORDS.search(stripped) and n_terms <= 12:
        return "contact"
    if _FILE_LINK.search(stripped) and n_terms <= 14:
        return "metadata"
    if _LABEL.match(stripped) and n_terms <= 12:
        return "metadata"
    found = find_date(stripped[:200])
    if found is not None and n_terms <= 7:
        return "metadata"  # "Brussels, 14 October 2025", a byline with a date
    if _SELF_EN.search(stripped[:400]) or _SELF_JA.search(stripped[:300]):
        return "self_description"
    if (position is None or position <= 3) and (
        _MEETING_EN.search(stripped) or _MEETING_JA.search(stripped)
    ):
        return "lead_in"
    if n_terms < 4:
        return "fragment"
    return "body"
