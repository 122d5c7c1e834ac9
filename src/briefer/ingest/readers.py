"""Readers: a file in, normalised text + passages + proposed metadata out.

Every format ends in the same ``Document`` so the store treats them alike. The reader is
chosen by the file's content where the content is unambiguous (a PDF is a PDF whatever its
name), else by its extension; a format a reader does not understand is refused with a
reason the officer can act on.

One small interface: a reader is ``Callable[[Path], Document]`` registered in ``READERS``
under the format name; ``SUFFIXES`` maps extensions to formats.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from briefer import paths
from briefer.errors import IngestError
from briefer.ingest.decode import decode
from briefer.ingest.limits import MAX_FILE_BYTES, mb
from briefer.ingest.metadata import propose_metadata
from briefer.ingest.model import Document, content_hash
from briefer.ingest.plausible import implausible
from briefer.ingest.segment import segment

__all__ = [
    "MAX_FILE_BYTES",
    "READERS",
    "SUFFIXES",
    "Document",
    "content_hash",
    "detect_format",
    "read_path",
    "read_text",
    "supported_suffixes",
]

Reader = Callable[[Path], Document]


def read_text(text_or_bytes: str | bytes, *, origin: str = "", fmt: str = "text") -> Document:
    """Build a document from text (pasted, or a file's bytes)."""
    if isinstance(text_or_bytes, bytes):
        text = decode(text_or_bytes, name=origin)
    else:
        # Pasted text can hold half a surrogate pair (Windows clipboards): pairs are joined,
        # a lone half becomes U+FFFD instead of failing to encode.
        whole = text_or_bytes.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        text = decode(whole.encode("utf-8"), name=origin or "pasted text")
    _refuse_implausible(text, origin or "The text")
    segs = tuple(segment(text))
    if not any(s.content for s in segs):
        raise IngestError(f"{origin or 'The text'} has no readable content.")
    return Document(text, segs, propose_metadata(text, origin), origin, fmt)


def _refuse_implausible(text: str, who: str) -> None:
    reason = implausible(text)
    if reason is not None:
        raise IngestError(f"{who} was not imported: its text {reason}.")


def _read_plain(path: Path) -> Document:
    return read_text(path.read_bytes(), origin=path.name, fmt="text")


def _read_markdown(path: Path) -> Document:
    from briefer.ingest.markdown_reader import markdown_document

    return markdown_document(decode(path.read_bytes(), name=path.name), origin=path.name)


def _read_docx(path: Path) -> Document:
    from briefer.ingest.docx_reader import read_docx

    return read_docx(path)


def _read_pdf(path: Path) -> Document:
    from briefer.ingest.pdf_reader import read_pdf

    return read_pdf(path)


def _read_html(path: Path) -> Document:
    from briefer.ingest.html_reader import read_html

    return read_html(path)


def _read_eml(path: Path) -> Document:
    from briefer.ingest.email_reader import read_eml

    return read_eml(path)


READERS: dict[str, Reader] = {
    "text": _read_plain,
    "markdown": _read_markdown,
    "docx": _read_docx,
    "pdf": _read_pdf,
    "html": _read_html,
    "eml": _read_eml,
}

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".eml": "eml",
}

_NAMES = {"docx": "a Word document", "pdf": "a PDF", "html": "an HTML page", "eml": "an e-mail"}
# Possessive and tempered: "<!--a-->" repeated once took exponential time to fail.
_HTML_START = re.compile(
    rb"^\s*+(?:<!--(?:(?!-->).)*+-->\s*+)*+<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_MAIL_HEADER = re.compile(
    rb"^(from|to|cc|subject|date|message-id|mime-version|received|return-path|reply-to"
    rb"|delivered-to|x-[\w-]+|content-type):",
    re.I,
)


def supported_suffixes() -> frozenset[str]:
    """Extensions a folder import picks up."""
    return frozenset(SUFFIXES)


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "docx" if path.suffix.lower() == ".docx" else "zip-damaged"
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    if "content.xml" in names:
        return "odf"
    return "zip"


def _looks_like_mail(head: bytes) -> bool:
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    fields = 0
    for line in lines[:40]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded header continues the previous one
        if not _MAIL_HEADER.match(line) and not re.match(rb"^[\x21-\x39\x3b-\x7e]+:", line):
            return False
        fields += bool(_MAIL_HEADER.match(line))
    return fields >= 3


def detect_format(path: Path, head: bytes | None = None) -> str:
    """The format of ``path``: by content when it is certain, else by extension.

    Returns a key of ``READERS`` or a description of an unsupported kind ("xlsx", "zip",
    "ole", ...).
    """
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(8192)
    by_suffix = SUFFIXES.get(path.suffix.lower())
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if by_suffix in ("text", None) and _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "html"
    if by_suffix is None and _looks_like_mail(head):
        return "eml"
    return by_suffix or "text"


_UNSUPPORTED = {
    "xlsx": "an Excel workbook; save the sheet you need as PDF or text",
    "pptx": "a PowerPoint presentation; save it as PDF",
    "odf": "an OpenDocument file; save it as .docx or PDF",
    "zip": "a zip archive; unpack it and import the files inside",
    "zip-damaged": "a damaged zip archive",
    "ole": "an old-format (.doc/.xls) or password-protected Office file; "
    "save it as .docx without a password",
}


#: Formats whose reader checks the decoded text itself (``read_text``, before segmenting,
#: in the same words): checking again cost 2 ms a file of the import.
_CHECKS_ITS_TEXT = frozenset({"text"})


def read_path(path: Path, *, ocr: bool = False) -> Document:
    """Read one file; a clear ``IngestError`` for anything that is not a readable document.

    ``ocr``: read a PDF without a text layer (a scan) with Tesseract, when installed.
    """
    if not path.exists():
        raise IngestError(f"{path}: no such file.")
    if path.is_dir():
        raise IngestError(f"{path} is a folder; import the files inside it.")
    paths.regular_or_new(path, what="imported", error=IngestError)  # a FIFO would block
    try:
        size = path.stat().st_size
        if size == 0:
            raise IngestError(f"{path.name} is empty.")
        if size > MAX_FILE_BYTES:
            raise IngestError(
                f"{path.name} is {mb(size)}; files over {mb(MAX_FILE_BYTES)} are not imported."
            )
        fmt = detect_format(path)
        if fmt in _UNSUPPORTED:
            raise IngestError(f"{path.name} is {_UNSUPPORTED[fmt]}.")
        expected = SUFFIXES.get(path.suffix.lower())
        try:
            if fmt == "pdf" and ocr:
                from briefer.ingest.pdf_reader import read_pdf

                document = read_pdf(path, ocr=True)
            else:
                document = READERS[fmt](path)
            if fmt not in _CHECKS_ITS_TEXT:
                _refuse_implausible(document.text, path.name)  # every format, one door
            return document
        except IngestError as exc:
            if expected in ("text", "markdown") and fmt in ("pdf", "docx"):
                # Named as text but binary inside: say both, so the officer sees why.
                raise IngestError(
                    f'"{path.name}" looks like a binary file ({_NAMES[fmt]}), not plain text, '
                    f"and cannot be read as {_NAMES[fmt]} either: {exc}"
                ) from exc
            raise
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc}).") from exc
