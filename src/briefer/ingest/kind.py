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
    r"\b(association|federation|chamber of commerce|business council|business roundtable|"
    r"industry|industries|industrial|trade body|confederation|employers|alliance|consortium|"
    r"inc|ltd|llc|gmbh|plc|corp|corporation|company|co\.,? ltd|s\.a|ag|kk|"
    r"digitaleurope|businesseurope)\b"
    r"|協会|連合会|経団連|団体|株式会社|工業会|商工会議所|産業",
    re.I,
)
_PUBLISHER_KEYS = ("site_name", "author", "company", "from", "url", "publisher", "subject")


def _score(text: str) -> tuple[int, int]:
    return len(_OFFICIAL.findall(text)), len(_INDUSTRY.findall(text))


def suggest_kind(doc: Document) -> str:
    """ "official", "industry" or "other": the kind the import dialog preselects."""
    extra = doc.proposed.extra
    publisher = " ; ".join(
        [*doc.proposed.organisations, *(extra.get(k, "") for k in _PUBLISHER_KEYS)]
    )
    for evidence in (publisher, doc.proposed.title, doc.text[:3000]):
        official, industry = _score(evidence)
        if official or industry:
            if official > industry:
                return "official"
            if industry > official:
                return "industry"
    return "other"
