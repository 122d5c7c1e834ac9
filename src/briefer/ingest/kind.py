"""Suggest a source's kind (official / industry / other) from who published it.

Only a suggestion for the import dialog and ``--kind auto``: the officer decides. The rules
look at the publisher first (organisations, site, author, sender, web/mail domain), then at
the title, and only then at the opening of the text, and use general words for governments
and for business bodies rather than lists of particular organisations.
"""

from __future__ import annotations

import re

from briefer.ingest.model import Document

_OFFICIAL = re.compile(
    r"\b(ministry|minister|ministerial|ministère|ministerium|bundesministerium|government|"
    r"commission|commissioner|parliament|cabinet|secretariat|directorate|agency|authority|"
    r"embassy|delegation|prime minister|president of|council of the|european council|"
    r"partnership council|state department|department of|regulator|"
    r"go\.jp|europa\.eu|gov(?:\.[a-z]{2})?|gouv\.fr|bund\.de|admin\.ch|"
    r"g7|g20|oecd|united nations|wto)\b"
    r"|省|庁|内閣|政府|委員会|大臣|官邸|総務|経済産業",
    re.I,
)
_INDUSTRY = re.compile(
    r"\b(association|federation|chamber of commerce|business council|business round ?table|"
    r"industry|industries|industrial|trade body|confederation|employers|alliance|consortium|"
    r"inc|ltd|llc|gmbh|plc|corp|corporation|company|co\.,? ltd|s\.a|ag|kk)\b"
    r"|協会|連合会|経団連|団体|株式会社|工業会|商工会議所|産業|同友会",
    re.I,
)
_PUBLISHER_KEYS = ("site_name", "author", "company", "from", "url", "publisher", "subject")
# A news outlet's name or a reporter's byline: the text is about the parties, not by them.
_NEWS_PUBLISHER = re.compile(
    r"\b(news|times|post|journal|herald|tribune|gazette|daily|weekly|magazine|media|press agency"
    r"|newswire|wire|reporter|broadcast(?:ing)?|observer|review)\b|新聞|通信社|ニュース|放送",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:by|written by|text by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$"
    # a Japanese article's editor or writer credit: (編集担当:…), 【記者：…】, (文・…)
    r"|^\s*+(?:[(（【\[]\s*+)?(?:編集担当|担当記者|記者|文|取材・文)\s*+[:：・]\s*+\S{1,20}"
    r"(?:\s*+[)）】\]])?\s*+$"
)
_REPORTED = re.compile(
    r"\b(said|says|told|according to|reported|reports|stated|announced on"
    r"|spokes(?:man|woman|person))\b|と述べた|によると|と語った|と発表した",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(we|our|us)\b|私たち|我々|当会|弊社|当社", re.I)
# An outcome's own words: what the parties agreed, whoever republishes it.
_OUTCOME = re.compile(
    r"\b(joint statement|joint declaration|communiqu[eé]|outcome|conclusions|the (?:two )?"
    r"(?:sides|parties|ministers|leaders) (?:agreed|welcomed|reaffirmed|confirmed|decided)"
    r"|co-chaired|ministerial meeting|partnership council|summit declaration)\b"
    r"|共同声明|閣僚会合|首脳会議",
    re.I,
)


def _score(text: str) -> tuple[int, int]:
    return len(_OFFICIAL.findall(text)), len(_INDUSTRY.findall(text))


def _is_news(doc: Document, publisher: str) -> bool:
    """Press coverage: a news publisher, or a byline and reported speech in a voice that
    is not the author's own (a position paper says "we", an article says "said")."""
    if _NEWS_PUBLISHER.search(publisher) and not any(_score(publisher)):
        return True
    lines = [line for line in doc.text[:2000].splitlines() if line.strip()][:12]
    opening = doc.text[:3000]
    byline = any(_BYLINE.match(line) for line in lines)
    reported = len(_REPORTED.findall(opening))
    first_person = len(_FIRST_PERSON.findall(opening))
    if any(_score(publisher)):
        return False
    return (byline and reported >= 1) or (reported >= 3 and first_person == 0)


def suggest_kind(doc: Document) -> str:
    """ "official", "industry" or "other": the kind the import dialog preselects.

    News about an industry proposal is "other" (press), not "industry"; an official
    outcome republished by an intermediary (a centre, a chamber) stays "official" when its
    title and opening are those of an outcome and name official bodies.
    """
    extra = dict(doc.proposed.extra)
    if extra.get("forwarded_from"):
        extra["from"] = extra["forwarded_from"]  # the original sender, not the forwarder
    organisations = " ; ".join(doc.proposed.organisations)
    headers = " ; ".join(extra.get(k, "") for k in _PUBLISHER_KEYS)
    publisher = f"{organisations} ; {headers}"
    if _is_news(doc, publisher):
        return "other"
    opening = f"{doc.proposed.title}\n{doc.text[:3000]}"
    content_official, content_industry = _score(opening)
    if _OUTCOME.search(opening) and content_official >= 2 * max(content_industry, 1):
        return "official"
    for evidence in (organisations, headers, doc.proposed.title, doc.text[:3000]):
        official, industry = _score(evidence)
        if official or industry:
            if official > industry:
                return "official"
            if industry > official:
                return "industry"
    return "other"
