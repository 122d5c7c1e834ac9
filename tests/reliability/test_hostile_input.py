"""Hostile and odd input: no crash, bounded time, a clear message or the right result.

Every file is read through ``read_path`` (what import uses): the outcome must be a
``Document`` or an ``IngestError``, within a bound of CPU time of this thread (the one doing
the work) far above what a healthy run takes. CPU time, not wall time: other jobs on a
shared machine slow the wall clock four times over, never this thread's CPU time.
"""

from __future__ import annotations

import email.policy
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from docx import Document as make_document

from briefer.errors import BrieferError, IngestError
from briefer.ingest.email_reader import list_attachments, read_attachment
from briefer.ingest.model import Document
from briefer.ingest.readers import read_path, read_text
from briefer.library.search import search
from briefer.library.sources import SourceFields, import_document
from briefer.library.topics import add_topic, get_topic, set_aliases, topic_passages

CPU_LIMIT_S = 20.0  # generous: these take well under a second or two of CPU


def _read(path: Path, limit: float = CPU_LIMIT_S) -> Document | IngestError:
    started = time.thread_time()
    try:
        result: Document | IngestError = read_path(path)
    except IngestError as exc:
        result = exc
    took = time.thread_time() - started
    assert took < limit, f"{path.name} took {took:.1f} s of CPU"
    if isinstance(result, Document):
        for seg in result.segments:
            assert 0 <= seg.start <= seg.end <= len(result.text)
    else:
        assert str(result) and "\n" not in str(result)
    return result


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


PARA = "The partners agreed to deepen cooperation on semiconductors and data flows."

TEXT_CASES = {
    "long-line.txt": "intro\n\n" + ("word " * 60_000) + "\n\nend of the file.\n",
    "nested.md": "\n".join("  " * i + f"- level {i} {PARA}" for i in range(400)),
    "headings.md": "\n".join(f"{'#' * (1 + i % 6)} Heading {i}" for i in range(300)),
    "bidi.txt": "\u202eالشراكة الرقمية\u202c بين الاتحاد الأوروبي واليابان\n\n"
    "\u05e9\u05dc\u05d5\u05dd \u200fRTL\u200e mixed with English words about chips.\n",
    "emoji.txt": "Cooperation 🇪🇺🤝🇯🇵 on chips 👩🏽‍💻 and cafe\u0301s with n\u0303 and "
    "Z\u0351\u0360a\u0361l\u0362g\u0363o text.\n\nSecond paragraph 🧑‍🤝‍🧑.\n",
    "zero-width.txt": "semi\u200bconductors and da\u200cta\u200d flows\ufeff in the "
    "\u2060middle\u00ad of words.\n\nAnother paragraph.\n",
}


@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_odd_text_files_are_read(tmp_path: Path, name: str) -> None:
    result = _read(_write(tmp_path, name, TEXT_CASES[name]))
    if name != "headings.md":
        assert isinstance(result, Document), result


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    """Bounded (a few seconds of CPU): split into passages of at most 4,000 characters."""
    line = ("semiconductors and data flows " * 400_000)[: 10 * 1024 * 1024]
    doc = _read(_write(tmp_path, "one-line.txt", line), limit=60.0)
    assert isinstance(doc, Document) and len(doc.segments) > 2_000


def test_combining_characters_are_normalised(tmp_path: Path) -> None:
    doc = _read(_write(tmp_path, "nfc.txt", "cafe\u0301 and Zu\u0308rich and more text.\n"))
    assert isinstance(doc, Document)
    assert "café" in doc.text and "Zürich" in doc.text


SMART = "\u201cQuoted\u201d policy \u2013 it\u2019s the industry\u2019s view\u2026\n"
BYTE_CASES = {
    "surrogates.txt": b"valid text " + b"\xed\xa0\x80\xed\xbf\xbf" + b" more valid text\n" * 3,
    "nul.txt": b"text with NUL\x00bytes\x00inside " * 50,
    "all-nul.txt": b"\x00" * 4096,
    "cp1252.txt": SMART.encode("cp1252") * 20,
    "cp1252-as-utf8.html": b'<html><head><meta charset="utf-8"></head><body><p>'
    + "\u201cSmart quotes\u201d \u2013 mislabelled as UTF-8\u2026".encode("cp1252")
    + b"</p></body></html>",
    "utf16-no-bom.txt": "Text in UTF-16 without a byte order mark.\n".encode("utf-16-le"),
    "binary.txt": bytes(range(256)) * 64,
}


@pytest.mark.parametrize("name", sorted(BYTE_CASES))
def test_odd_bytes_give_a_document_or_a_clear_error(tmp_path: Path, name: str) -> None:
    _read(_write(tmp_path, name, BYTE_CASES[name]))


def test_mislabelled_smart_quotes_are_recovered(tmp_path: Path) -> None:
    doc = _read(_write(tmp_path, "q.txt", BYTE_CASES["cp1252.txt"]))
    assert isinstance(doc, Document)
    assert "\u201cQuoted\u201d" in doc.text and "\u2019s" in doc.text


def test_pasted_text_with_lone_surrogates() -> None:
    """A clipboard on Windows can hand over half a surrogate pair."""
    try:
        doc = read_text("pasted \ud83d text about chips \udc00 and more\n", origin="clipboard")
    except IngestError:
        return
    assert "\ud83d" not in doc.text and "chips" in doc.text
    doc.text.encode("utf-8")  # storable


def test_html_with_ten_thousand_nested_divs(tmp_path: Path) -> None:
    html = (
        "<html><body>"
        + "<div>" * 10_000
        + f"<p>{PARA}</p>"
        + "</div>" * 10_000
        + f"<p>{PARA} Second.</p></body></html>"
    )
    result = _read(_write(tmp_path, "nested.html", html))
    if isinstance(result, Document):
        assert "semiconductors" in result.text


def test_docx_with_five_thousand_tiny_runs(tmp_path: Path) -> None:
    document = make_document()
    paragraph = document.add_paragraph()
    words = [f"w{i}" for i in range(5000)]
    for w in words:
        paragraph.add_run(w + " ")
    document.add_paragraph(PARA)
    path = tmp_path / "runs.docx"
    document.save(str(path))
    doc = _read(path)
    assert isinstance(doc, Document)
    assert " ".join(words) in doc.text


# --------------------------------------------------------------------------- e-mail names

EVIL_NAMES = [
    "../../../../tmp/briefer-evil.txt",
    "..",
    ".",
    "/etc/passwd",
    "..\\..\\windows\\system32\\evil.txt",
    "CON",
    "con.txt",
    "NUL.txt",
    "a" * 400 + ".txt",
    "é" * 200 + ".txt",
    "name\x00with-nul.txt",
    "",
]


def _eml(tmp_path: Path, names: list[str]) -> Path:
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = "Industry <policy@example.org>"
    msg["To"] = "desk@example.eu"
    msg["Subject"] = "Position paper"
    msg["Date"] = "Mon, 3 Mar 2025 10:00:00 +0100"
    msg.set_content(PARA)
    for name in names:
        msg.add_attachment(f"Attachment text. {PARA}".encode(), maintype="text", subtype="plain")
        part = list(msg.iter_attachments())[-1]
        part.replace_header("Content-Disposition", "attachment")
        part.set_param("filename", name, header="Content-Disposition")
    path = tmp_path / "evil.eml"
    path.write_bytes(msg.as_bytes(policy=email.policy.default.clone(linesep="\r\n")))
    return path


def test_attachment_names_cannot_escape_or_crash(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = _eml(inbox, EVIL_NAMES)
    listed = list_attachments(path)
    assert len(listed) == len(EVIL_NAMES)
    for att in listed:
        assert "/" not in att.filename and "\\" not in att.filename and "\x00" not in att.filename
        try:
            doc = read_attachment(path, att.index)
        except IngestError as exc:
            assert str(exc)
        else:
            assert "Attachment text" in doc.text
    assert sorted(p.name for p in inbox.iterdir()) == ["evil.eml"]
    assert not Path("/tmp/briefer-evil.txt").exists()


def test_export_file_names_from_hostile_titles() -> None:
    pytest.importorskip("PySide6")
    from briefer.ui.export_dialog import safe_filename

    for title in [
        "../../etc/passwd",
        "CON",
        "nul",
        "com1",
        "LPT9",
        "a/b\\c:d*e?f",
        "",
        "   ",
        "." * 50,
        "x" * 500,
        "日本語" * 100,
        "\x00\x01",
    ]:
        name = safe_filename(title)
        assert name and "/" not in name and "\\" not in name and ".." not in name
        assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}
        assert len((name + ".docx").encode("utf-8")) <= 255


# --------------------------------------------------------------------------- search, tags

QUERIES = [
    "NEAR(",
    "NEAR(chips data, 2)",
    '"',
    '""',
    '"unclosed phrase',
    "*",
    "chips*",
    "*chips",
    "AND OR",
    "OR",
    "NOT",
    "AND",
    "chips AND",
    "-chips",
    "+chips",
    "^chips",
    "text:chips",
    "heading:",
    "{chips}",
    "(",
    ")",
    "()",
    "[",
    "\\",
    "'",
    "';DROP TABLE passage;--",
    "%",
    "_",
    "半",
    "半導",
    "\x00",
    "\u200b",
    "🤝",
    "a" * 5000,
    "chips " * 2000,
    " ".join(f'"{w}"' for w in PARA.split()) * 20,
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[:30])
def test_search_syntax_never_raises(seeded_store, query: str) -> None:
    started = time.thread_time()  # SQLite runs in the calling thread
    for prefix in (False, True):
        hits = search(seeded_store, query, prefix=prefix, limit=20)
        assert isinstance(hits, list)
    assert time.thread_time() - started < CPU_LIMIT_S


def test_fts_syntax_is_searched_as_words(seeded_store) -> None:
    assert search(seeded_store, "submarine AND cables")
    assert search(seeded_store, "submarine* cables*")


REGEX_ALIASES = ["a+b*c?", "(", "[", "\\", ".*", "^$", "(?i)x", "a{1000}", "|", "**", "+"]


def test_topic_aliases_with_regex_metacharacters(seeded_store) -> None:
    add_topic(seeded_store, "Metacharacters", REGEX_ALIASES)
    topic = get_topic(seeded_store, "Metacharacters")
    assert set(topic.aliases) == set(REGEX_ALIASES)
    doc = read_text(f"{PARA}\n\nThe formula a+b*c? appears here, and .* does too.\n")
    import_document(seeded_store, doc, SourceFields(kind="other"))
    tagged = topic_passages(seeded_store, "Metacharacters")
    texts = [p.passage.text for p in tagged]
    assert any("a+b*c?" in t for t in texts)
    assert not any(t.strip() == PARA for t in texts)  # ".*" and "|" are not wildcards
    set_aliases(seeded_store, "Metacharacters", ["(unclosed", "a" * 190])


def test_a_bad_alias_is_a_clear_error(seeded_store) -> None:
    with pytest.raises(BrieferError):
        add_topic(seeded_store, "Clash", ["AI"])  # already the alias of another topic


def test_entry_point_lets_a_frozen_build_start_pool_workers_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``multiprocessing.freeze_support()`` runs before the arguments are parsed: in a frozen
    Windows build the import pool's workers are this executable started with
    multiprocessing's arguments, which the CLI would otherwise refuse."""
    import multiprocessing

    from briefer import app, cli

    calls: list[str] = []

    class Parsed(Exception):
        pass

    def parse(args: list[str]) -> object:
        calls.append("parse")
        raise Parsed

    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze"))
    monkeypatch.setattr(cli, "parse_args", parse)
    # not frozen (a source checkout, a wheel): multiprocessing is not needed to start
    with pytest.raises(Parsed):
        app.main(["sources"])
    assert calls == ["parse"]
    calls.clear()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(Parsed):
        app.main(["sources"])
    assert calls == ["freeze", "parse"]
