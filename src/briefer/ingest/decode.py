"""Turn the bytes of a text file into normalised Unicode text.

Officers import whatever their browser or mail client saved: UTF-8, UTF-16 from Windows tools,
Shift_JIS from Japanese ministries, CP1252 from older Western tools. The order of attempts
matters: BOMs are certain, strict UTF-8 is almost never wrong when it succeeds, Japanese and
CP1252 are checked for plausibility before trusting charset-normalizer, which on short
Western texts readily guesses CP1250 or even UTF-16.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from briefer.errors import IngestError

#: Larger files are refused: a brief's source is a document, not a data dump.
MAX_TEXT_BYTES = 50 * 1024 * 1024

# Checked longest first so that UTF-32 LE (FF FE 00 00) is not mistaken for UTF-16 LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "program"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)

# Single-byte encodings charset-normalizer may propose for Western text; among them the
# officer's file is overwhelmingly likely to be CP1252 (Windows "ANSI").
_WESTERN = frozenset(
    {
        "cp1252",
        "cp1250",
        "cp1257",
        "cp1254",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "cp437",
        "latin_1",
        "iso8859_1",
        "iso8859_2",
        "iso8859_4",
        "iso8859_9",
        "iso8859_13",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
        "hp_roman8",
        "cp1125",
    }
)

# Non-ASCII characters that are ordinary in Western text saved as CP1252.
_WESTERN_PUNCT = frozenset("‘’‚“”„–—…€•«»°©®™§¶·×÷£¥¢\xa0´¨¡¿†‡‰‹›ˆ˜ªº±½¼¾²")

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
#: Unicode's control characters (category Cc: U+0000-001F and U+007F-009F) but those allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _label(name: str) -> str:
    return f'"{name}"' if name else "The file"


def decode(data: bytes, *, name: str = "") -> str:
    """Decode ``data`` to NFC text with ``\\n`` newlines, or raise IngestError saying why not."""
    who = _label(name)
    if len(data) > MAX_TEXT_BYTES:
        size_mb = len(data) / (1024 * 1024)
        raise IngestError(
            f"{who} is too large to import ({size_mb:.0f} MB; the limit is "
            f"{MAX_TEXT_BYTES // (1024 * 1024)} MB)."
        )
    if not data.strip():
        raise IngestError(f"{who} is empty.")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"{who} looks like a binary file ({kind}), not plain text.")

    text = _decode_bytes(data, who)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise IngestError(f"{who} looks like a binary file, not plain text.")
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise IngestError(f"{who} is empty (it contains only whitespace).")
    return text


def _decode_bytes(data: bytes, who: str) -> str:
    """Pick the encoding; see the module docstring for why in this order."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(
                    f"{who} starts with a {encoding.upper()} marker but is not valid "
                    f"{encoding.upper()} text."
                ) from None

    if b"\x00" in data:
        wide = _decode_bomless_wide(data)
        if wide is None:
            raise IngestError(
                f"{who} looks like a binary file (it contains NUL bytes), not plain text."
            )
        return wide

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass

    for encoding in ("cp932", "euc_jp"):
        candidate = _try(data, encoding)
        if candidate is not None and _looks_japanese(candidate):
            return candidate

    western = _try(data, "cp1252")
    if western is not None and _looks_western(western):
        return western

    for match in from_bytes(data):
        encoding = match.encoding
        if encoding.startswith(("utf_16", "utf_32")):
            continue  # without NUL bytes these guesses are noise
        if encoding in _WESTERN and western is not None:
            return western
        candidate = _try(data, encoding)
        if candidate is not None and _control_ratio(candidate) <= 0.05:
            return candidate

    raise IngestError(
        f"{who} could not be decoded: it is not UTF-8, UTF-16, Shift_JIS or CP1252 text. "
        "Save it as UTF-8 and import it again."
    )


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_bomless_wide(data: bytes) -> str | None:
    """UTF-16/32 without BOM: NUL bytes fall on one side of each code unit."""
    if len(data) % 4 == 0:
        if not any(data[2::4]) and not any(data[3::4]):
            text = _try(data, "utf-32-le")
            if text is not None and _control_ratio(text) <= 0.05:
                return text
        if not any(data[0::4]) and not any(data[1::4]):
            text = _try(data, "utf-32-be")
            if text is not None and _control_ratio(text) <= 0.05:
                return text
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if odd and even <= odd * 0.05:
        encoding = "utf-16-le"
    elif even and odd <= even * 0.05:
        encoding = "utf-16-be"
    else:
        return None
    text = _try(data, encoding)
    if text is None or "\x00" in text or _control_ratio(text) > 0.05:
        return None
    return text


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:200_000]
    # One regex count, not a Python call per character (a fifth of reading a text file).
    return len(_CONTROL.findall(sample)) / len(sample)


def _is_japanese_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xFF01 <= code <= 0xFF5E  # full-width ASCII
        or 0x2010 <= code <= 0x2312  # dashes, quotes, arrows, symbols used in JIS
        or 0x2460 <= code <= 0x25FF  # circled numbers, box drawing, shapes
        or code in (0x00A7, 0x00A8, 0x00B0, 0x00B1, 0x00B4, 0x00B6, 0x00D7, 0x00F7)
    )


def _looks_japanese(text: str) -> bool:
    """A wrong legacy decoding yields random kanji; real Japanese always has kana."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return False
    kana = sum(1 for ch in non_ascii if 0x3041 <= ord(ch) <= 0x30FF)
    japanese = sum(1 for ch in non_ascii if _is_japanese_char(ch))
    return kana >= max(1, len(non_ascii) // 20) and japanese >= 0.95 * len(non_ascii)


def _looks_western(text: str) -> bool:
    """CP1252 decodes any byte; accept it when the non-ASCII characters read as Western text."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return True
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in non_ascii if ch.isalpha())
    if not all(
        ch in _WESTERN_PUNCT or (ch.isalpha() and ord(ch) <= 0x17F) or ch in "ƒŠŒŽšœžŸ"
        for ch in non_ascii
    ):
        return False
    return accented <= 0.35 * max(letters, 1)
