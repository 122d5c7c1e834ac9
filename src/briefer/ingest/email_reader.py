"""E-mail (.eml): the message as a source, its attachments importable one by one.

The headers (From, To, Date, Subject) open the source text as furniture, so a quote can show
who wrote, while searches only see the body. The plain-text body is preferred (it is what
the sender typed); an HTML-only body is read like a saved web page.
"""

from __future__ import annotations

import email
import email.policy
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path, PurePath

from briefer.errors import IngestError
from briefer.ingest.limits import MAX_ATTACHMENT_BYTES, mb
from briefer.ingest.model import Document
from briefer.ingest.structure import Block, Hints, build_document

#: Mail providers whose domain says nothing about the sender's organisation.
WEBMAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.co.jp",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "proton.me",
        "protonmail.com",
        "mail.com",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "softbank.ne.jp",
    ]
)
_ORG_WORDS = re.compile(
    r"ministry|commission|council|government|agency|association|federation|chamber|"
    r"institute|office|secretariat|delegation|embassy|department|directorate|committee|"
    r"省|庁|府|協会|連合会|委員会|事務局|株式会社",
    re.I,
)
_ORG_IN_DOMAIN = re.compile(r"^(?:mail\.|mx\.|smtp\.|email\.|e-mail\.)", re.I)


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attachment of a message, as the import dialog lists it."""

    index: int
    filename: str
    content_type: str
    size: int


def _load(path: Path) -> EmailMessage:
    data = path.read_bytes()
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not (msg.keys()):
        raise IngestError(f"{path.name} is not an e-mail message (no headers).")
    return msg


def _header(msg: EmailMessage, name: str) -> str:
    try:
        value = msg.get(name)
    except (ValueError, IndexError, TypeError):  # malformed header values
        value = msg.get_all(name, failobj=[""])[0] if msg.get_all(name) else ""
    return " ".join(str(value or "").split())


def _attachments(msg: EmailMessage) -> list[EmailMessage]:
    return [part for part in msg.iter_attachments() if isinstance(part, EmailMessage)]


def _payload(part: EmailMessage) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        return inner.as_bytes() if isinstance(inner, Message) else b""
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _filename(part: EmailMessage, index: int) -> str:
    """The attachment's own name without folders or control characters (for display)."""
    name = part.get_filename() or ""
    name = "".join(ch for ch in name if ch.isprintable())
    name = PurePath(name.replace("\\", "/")).name if name else ""
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[:180]}….{ext[:10]}" if dot and len(ext) <= 10 else name[:200]
    if not name.strip(". "):
        ext = {
            "message/rfc822": ".eml",
            "text/html": ".html",
            "text/plain": ".txt",
            "application/pdf": ".pdf",
        }.get(part.get_content_type(), "")
        name = f"attachment-{index + 1}{ext}"
    return name


def list_attachments(path: Path) -> list[Attachment]:
    """The attachments of the message at ``path``, in order (``index`` for read_attachment)."""
    msg = _load(path)
    return [
        Attachment(i, _filename(part, i), part.get_content_type(), len(_payload(part)))
        for i, part in enumerate(_attachments(msg))
    ]


def read_attachment(path: Path, index: int) -> Document:
    """Attachment ``index`` of the message at ``path`` read as a document of its own format."""
    from briefer.ingest.readers import read_path

    msg = _load(path)
    parts = _attachments(msg)
    if not 0 <= index < len(parts):
        raise IngestError(f"{path.name} has no attachment #{index + 1}.")
    part = parts[index]
    name = _filename(part, index)
    data = _payload(part)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise IngestError(f"{name} is {mb(len(data))}; the limit is {mb(MAX_ATTACHMENT_BYTES)}.")
    with tempfile.TemporaryDirectory(prefix="briefer-attachment-") as tmp:
        # Never the sender's name on disk: "..", "CON" or 300 characters must not matter.
        suffix = PurePath(name).suffix.lower()
        target = Path(tmp) / f"attachment{suffix if suffix[1:].isalnum() else ''}"
        target.write_bytes(data)
        doc = read_path(target)
    return Document(doc.text, doc.segments, doc.proposed, f"{path.name} › {name}", doc.format)


def _organisation(from_header: str) -> str:
    """The sender's organisation: an organisation-like display name, else the mail domain."""
    addresses = getaddresses([from_header])
    if not addresses:
        return ""
    display, address = addresses[0]
    if display and _ORG_WORDS.search(display):
        return display.strip()
    domain = address.rpartition("@")[2].lower().strip(">")
    if not domain or domain in WEBMAIL_DOMAINS:
        return ""
    return _ORG_IN_DOMAIN.sub("", domain)


def _date(msg: EmailMessage) -> date | None:
    raw = _header(msg, "Date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None


def read_eml(path: Path) -> Document:
    """Headers as metadata (title = Subject), body as the text, attachments listed in extra."""
    from briefer.ingest.html_reader import html_document

    msg = _load(path)
    subject, sender = _header(msg, "Subject"), _header(msg, "From")
    head_lines = [
        f"{label}: {value}"
        for label in ("From", "To", "Cc", "Date", "Subject")
        if (value := _header(msg, label))
    ]
    names = [_filename(p, i) for i, p in enumerate(_attachments(msg))]
    org = _organisation(sender)
    hints = Hints(
        title=re.sub(r"^((re|fwd?|aw|wg|転送)\s*[:：]\s*)+", "", subject, flags=re.I),
        date=_date(msg),
        organisations=(org,) if org else (),
        extra={
            "from": sender,
            "to": _header(msg, "To"),
            "cc": _header(msg, "Cc"),
            "message_id": _header(msg, "Message-ID"),
            "attachments": "; ".join(names),
        },
    )
    head = Block("\n".join(head_lines), "paragraph", furniture=True) if head_lines else None
    extra_blocks = (head,) if head is not None else ()
    try:
        body = msg.get_body(preferencelist=("plain", "html"))
    except (KeyError, LookupError):
        body = None
    content = ""
    if body is not None:
        try:
            content = body.get_content()
        except (LookupError, UnicodeError, KeyError):
            raw = body.get_payload(decode=True) or b""
            content = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    if body is not None and body.get_content_type() == "text/html":
        return html_document(
            content, origin=path.name, fmt="eml", extra_blocks=extra_blocks, hints=hints
        )
    if not content.strip():
        listed = f" (attachments: {', '.join(names)}; import them one by one)" if names else ""
        raise IngestError(f"{path.name} has no message text{listed}.")
    return build_document(
        [*extra_blocks, Block(content, "text")], origin=path.name, fmt="eml", hints=hints
    )
