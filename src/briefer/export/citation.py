"""Pure text helpers shared by all writers, so every format cites sources identically."""

from __future__ import annotations

import re
from datetime import date

from briefer.briefs.model import BriefView, QuoteView, SourceRef
from briefer.export.labels import labels, long_date, short_date

HEADING_SEPARATOR = " › "
_MAX_HEADING_CHARS = 90

SOURCE_KIND_LABELS: dict[str, str] = {
    "industry": "Industry position",
    "official": "Official outcome",
    "other": "Other",
}

# XML 1.0 allows only \t \n \r below U+0020, and never U+FFFE/U+FFFF or surrogate code points.
# Vertical tab and form feed usually mean "line/page break" in pasted text, so keep them as
# whitespace rather than silently gluing words together.
_XML_TRANSLATION: dict[int, str | None] = {
    cp: None for cp in range(0x20) if cp not in (0x09, 0x0A, 0x0D)
}
_XML_TRANSLATION[0x0B] = " "
_XML_TRANSLATION[0x0C] = " "
_XML_TRANSLATION[0xFFFE] = None
_XML_TRANSLATION[0xFFFF] = None
_SURROGATES = re.compile("[\ud800-\udfff]")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Kana, kanji and the CJK punctuation/full-width forms that Japanese text is written with.
_JAPANESE = re.compile(
    "[\u3000-\u303f"  # CJK symbols and punctuation (「」、。)
    "\u3040-\u309f"  # hiragana
    "\u30a0-\u30ff"  # katakana
    "\u31f0-\u31ff"  # katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff00-\uffef"  # half-width katakana and full-width forms
    "\U00020000-\U0002ffff]"  # CJK extensions B..F (rare kanji)
)


def sanitize_xml_text(s: str) -> str:
    """Drop characters XML 1.0 cannot carry, so a stray \\x07 in a source never breaks an export.

    C0 controls other than tab/newline/CR are removed (vertical tab and form feed become a space),
    U+FFFE/U+FFFF are removed and lone surrogates become U+FFFD.
    """
    if not s or _NEEDS_CLEANING.search(s) is None:
        return s
    return _SURROGATES.sub("\ufffd", s.translate(_XML_TRANSLATION))


def contains_japanese(s: str) -> bool:
    """True when the text has kana, kanji or Japanese punctuation (needs an East Asian font)."""
    return _JAPANESE.search(s) is not None


def format_date(d: date | None, language: str = "en") -> str:
    """'1 Mar 2022' (never the process locale's month names) or '2022年3月1日'."""
    return short_date(d, language)


def format_long_date(d: date | None, language: str = "en") -> str:
    """'1 March 2022' for the opening block of a brief, or '2022年3月1日'."""
    return long_date(d, language)


def _shorten(text: str, limit: int = _MAX_HEADING_CHARS) -> str:
    """Cut at a word boundary (a space) before ``limit``, never mid-word; text without spaces
    (Japanese) is cut at the limit."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2 and not contains_japanese(cut[space:]):
        cut = cut[:space]
    return cut.rstrip(" ,;:.›-–—") + "…"


def locator(quote: QuoteView) -> str:
    """Where in the source the quote is: 'p. 3', else the heading it sits under, else ''.

    The heading form shows the last two levels ('4. AI › AI regulatory sandboxes') because the
    innermost heading alone is often too generic to find ('General', 'Recommendations').
    """
    if quote.page is not None:
        return f"p. {quote.page}"
    headings = [h for h in (" ".join(h.split()) for h in quote.heading_path) if h]
    if not headings:
        return ""
    return "§ " + _shorten(HEADING_SEPARATOR.join(headings[-2:]))


def organisations_label(source: SourceRef) -> str:
    """Every organisation that issued the source, in order: 'DIGITALEUROPE, JBCE, JEITA' (a
    joint paper is credited to all its authors, in the export and on the quote cards)."""
    return ", ".join(o.strip() for o in source.organisations if o.strip())


def source_label(source: SourceRef, language: str = "en") -> str:
    """'DIGITALEUROPE, JBCE, JEITA, Joint industry letter, 1 Mar 2022' — who, what, when
    (and the document's own reference when it has one)."""
    parts = [organisations_label(source)]
    parts.append((source.short_title or source.title).strip())
    parts.append(source.reference.strip())
    parts.append(format_date(source.date, language))
    return ", ".join(p for p in parts if p)


def citation(quote: QuoteView, annex_number: int, language: str = "en") -> str:
    """'[2] DIGITALEUROPE, JBCE, JEITA, Joint industry letter, 1 Mar 2022, p. 3'."""
    parts = [source_label(quote.source, language), locator(quote)]
    body = ", ".join(p for p in parts if p)
    return sanitize_xml_text(f"[{annex_number}] {body}".rstrip())


def annex_numbers(brief: BriefView) -> dict[int, int]:
    """Source id -> [n] used in citations; numbered in order of first citation (annex order)."""
    return {source.id: n for n, source in enumerate(brief.cited_sources(), start=1)}


def kind_label(source: SourceRef, language: str = "en") -> str:
    """The reader-facing name of a source kind, as used in the annex."""
    if language != "en":
        table = labels(language)
        return table.get(f"kind_{source.kind}", table["kind_other"])
    return SOURCE_KIND_LABELS.get(source.kind, "Other")


def cited_address(source: SourceRef) -> str:
    """Where a reader finds the source: its URL, else its origin when that is a web address
    (a local file name means nothing to the reader and is never cited)."""
    if source.url.strip():
        return source.url.strip()
    origin = source.origin.strip()
    return origin if origin.lower().startswith(("http://", "https://", "www.")) else ""
