from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from briefer.errors import IngestError
from briefer.ingest.decode import MAX_TEXT_BYTES, decode

ENGLISH = "Japan’s “Digital Partnership” costs €5 million — naïve café résumé…\nNext line."
JAPANESE = (
    "日本とEUは、デジタル分野での協力を強化することで合意した。\n"
    "第２回デジタルパートナーシップ評議会がブリュッセルで開催された。"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ENGLISH, "utf-8"),
        (JAPANESE, "utf-8"),
        (ENGLISH, "utf-16"),  # Python writes a BOM
        (JAPANESE, "utf-16"),
        (ENGLISH, "utf-16-le"),  # BOM-less
        (ENGLISH, "utf-16-be"),
        (JAPANESE + "\nEU Japan 2024", "utf-16-le"),
        (ENGLISH, "utf-32"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "cp932"),
        (JAPANESE, "euc_jp"),
        (ENGLISH, "cp1252"),
        ("It’s €5.", "cp1252"),
        ("Der Bürgermeister sagte, dass die Straße geöffnet wird.", "cp1252"),
    ],
)
def test_round_trip(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), name="x.txt") == text


def test_short_shift_jis_heading() -> None:
    assert decode("お問い合わせ".encode("shift_jis")) == "お問い合わせ"


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + "Hello “world”".encode()) == "Hello “world”"


def test_utf16_bom_little_and_big_endian() -> None:
    assert decode(codecs.BOM_UTF16_LE + "Hé".encode("utf-16-le")) == "Hé"
    assert decode(codecs.BOM_UTF16_BE + "Hé".encode("utf-16-be")) == "Hé"


def test_newlines_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert decode("a\r\nb".encode("utf-16")) == "a\nb"


def test_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "café ガ")
    assert decode(decomposed.encode()) == "café ガ"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n"])
def test_empty(data: bytes) -> None:
    with pytest.raises(IngestError, match=r'"empty\.txt" is empty'):
        decode(data, name="empty.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ],
)
def test_binary_magic(data: bytes, kind: str) -> None:
    with pytest.raises(IngestError, match=rf'"doc" looks like a binary file \({kind}'):
        decode(data, name="doc")


def test_binary_nul_bytes() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode(bytes(range(256)) * 8, name="blob.bin")


def test_binary_control_characters() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x01\x02\x03\x04abc\x05\x06" * 100, name="blob")


def test_undecodable() -> None:
    # Bytes undefined in CP1252 and invalid in UTF-8 and Shift_JIS.
    data = b"\x81\x8d\x8f\x90\x9d\xfd\xfe\xff" * 20
    with pytest.raises(IngestError, match=r'"bad\.txt" could not be decoded'):
        decode(data, name="bad.txt")


def test_invalid_after_bom() -> None:
    with pytest.raises(IngestError, match="UTF-8"):
        decode(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", name="x")


def test_too_large() -> None:
    with pytest.raises(IngestError, match="too large"):
        decode(b"a" * (MAX_TEXT_BYTES + 1), name="huge.txt")


def test_error_messages_are_one_line() -> None:
    for data in (b"", b"%PDF-1.4", bytes(range(256)) * 8):
        with pytest.raises(IngestError) as info:
            decode(data, name="f.txt")
        assert "\n" not in str(info.value)
        assert "f.txt" in str(info.value)


def test_seed_files_decode(seed_file: Path) -> None:
    data = seed_file.read_bytes()
    assert decode(data, name=seed_file.name) == unicodedata.normalize(
        "NFC", data.decode("utf-8").replace("\r\n", "\n")
    )
