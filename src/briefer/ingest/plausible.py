"""Is a decoded text plausibly what a person wrote? A last check before a source is made.

Decoding can "succeed" and still give garbage: ASCII read as UTF-16 (a wrong ``<meta
charset>``, or NUL bytes at odd offsets taken for UTF-16) turns into a run of CJK-looking
characters; a PDF whose fonts carry no ToUnicode map extracts as glyph names (``/g7/g1``);
a damaged file leaves replacement marks or unassigned code points. Each test names the
reason, so the refusal says what is wrong instead of importing nonsense.
"""

from __future__ import annotations

import re
import unicodedata

#: Only this much of a text is examined (the tests are shares, stable on a sample).
SAMPLE_CHARS = 200_000
#: Below this many visible characters nothing is judged (a title page, a short note).
MIN_VISIBLE = 40
MAX_REPLACEMENT_SHARE = 0.02
MAX_UNUSED_SHARE = 0.05
MAX_GLYPH_NAME_SHARE = 0.3
#: ASCII read as UTF-16: at least this share of the wide characters are two ASCII bytes.
MIN_ASCII_AS_UTF16 = 0.9

# A run of at least three names like /g7, /G12, /uni0041, /glyph3, /cid12 with no space.
_GLYPH_RUN = re.compile(r"(?:/(?:[A-Za-z]{1,6}\d{1,5}|uni[0-9A-Fa-f]{4,6})){3,}")
_UNUSED = frozenset(("Cn", "Co", "Cs"))  # not Cc: a stray ESC is not garbage
_SPACE = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # ASCII is never unassigned or private
_WIDE = re.compile("[\u2000-\uffff]")


def _printable_pair(code: int) -> bool:
    high, low = code >> 8, code & 0xFF
    return 0x20 <= high < 0x7F and (0x20 <= low < 0x7F or low in (9, 10, 13))


def implausible(text: str) -> str | None:
    """Why ``text`` is not plausibly human text, or None. The reason completes "it ..."."""
    sample = text[:SAMPLE_CHARS]
    # Regexes rather than a Python step per character: this runs on every import, and the
    # per-character loops were a quarter of reading a text file. ``\s`` is ``str.isspace``.
    visible = _SPACE.sub("", sample)
    n = len(visible)
    if n < MIN_VISIBLE:
        return None
    replaced = sample.count("\ufffd")
    if replaced / n > MAX_REPLACEMENT_SHARE:
        return (
            f"has {replaced:,} characters that could not be decoded ({replaced / n:.0%}, shown "
            "as �): the file is damaged or in an encoding it does not declare"
        )
    unused = sum(1 for c in _NON_ASCII.findall(visible) if unicodedata.category(c) in _UNUSED)
    if unused / n > MAX_UNUSED_SHARE:
        return (
            f"is {unused / n:.0%} characters no script uses (unassigned, private-use or "
            "surrogate code points): it was decoded wrongly or is not text"
        )
    glyphs = sum(len(m.group()) for m in _GLYPH_RUN.finditer(sample))
    if glyphs / n > MAX_GLYPH_NAME_SHARE:
        return (
            "is font glyph names (like /g7/g1) rather than words: the PDF's fonts have no map "
            "to characters; export it again with text, or run it through OCR"
        )
    # ASCII read as UTF-16 makes each pair of letters one character whose two bytes are both
    # printable ASCII; in real CJK (or any) text few characters are like that (a quarter of
    # Han, half of hiragana), and mixing in real ASCII (odd NULs) does not hide it.
    wide = _WIDE.findall(visible)
    if len(wide) >= MIN_VISIBLE // 2 and len(wide) / n > 0.3:
        pairs = sum(1 for c in wide if _printable_pair(ord(c)))
        if pairs / len(wide) >= MIN_ASCII_AS_UTF16:
            return (
                "is plain ASCII text read as UTF-16 (a wrong charset declaration or stray "
                "NUL bytes): save it as UTF-8 and import it again"
            )
    return None
