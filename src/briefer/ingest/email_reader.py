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

# The parts of a message body an analyst reads past: the forwarded message's header lines,
# a quoted reply chain, the signature and the legal disclaimer.
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|"
    r"message transféré|転送メッセージ|元のメッセージ)\s*-{2,}|begin forwarded message:)\s*$",
    re.I,
)
_REPLY_MARK = re.compile(
    r"^\s*(?:on\s.{4,200}\swrote:|am\s.{4,120}\sschrieb.*:|le\s.{4,120}\sa écrit\s?:|"
    r".{2,120}(?:さんは書きました|wrote)\s*[:：])\s*$",
    re.I,
)
_HEADER_LINE = re.compile(
    r"^\s*\*?(?P<name>from|sent|date|to|cc|subject|送信者|差出人|送信日時|日付|宛先|件名|cc)\*?\s*[:：]"
    r"\s*(?P<value>.*)$",
    re.I,
)
_SIGN_OFF = re.compile(
    # possessive leading space, and no two adjacent \s* (a line of spaces was quadratic)
    r"^\s*+(?:(?:(?:best|kind|warm|warmest|many)\s++)?(?:regards|wishes)|best|cheers"
    r"|thanks(?: and regards)?|thank you|sincerely|yours(?: sincerely| faithfully)?"
    r"|with best regards|mit freundlichen grüßen|"
    r"cordialement|よろしくお願い(?:いた|致)?(?:します|申し上げます)|以上)[ \t]*+[,.!、。]?\s*$",
    re.I,
)
_SIGNATURE_DASH = re.compile(r"^-- ?$|^[-_=*]{4,}\s*$")
_DISCLAIMER = re.compile(
    r"(confidential|intended (?:solely |only )?for the (?:use of the )?(?:addressee|recipient|"
    r"individual|person)|received this (?:e-?mail|message|communication) in error|"
    r"this (?:e-?mail|message) and any attachments?|please notify the sender|"
    r"disclaimer|legally privileged|do not print this|think before you print|"
    r"本メール(?:は|の内容)|機密情報|誤って(?:受信|配信)|秘密情報)",
    re.I,
)
#: A signature is short: lines after the sign-off that are more than this are a new part.
_MAX_SIGNATURE_LINES = 12


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


def _organisation_of_display(from_header: str) -> str:
    """An organisation-like display name ("METI Press Office <…>"), else ""."""
    addresses = getaddresses([from_header])
    display = addresses[0][0] if addresses else ""
    return display.strip() if display and _ORG_WORDS.search(display) else ""


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


@dataclass(frozen=True, slots=True)
class _Body:
    """A message body read as an analyst reads it."""

    blocks: tuple[object, ...]
    forwarded_from: str = ""
    forwarded_date: date | None = None
    signature: tuple[str, ...] = ()


def _paragraph_blocks(lines: list[str], *, furniture: bool) -> list[Block]:
    out: list[Block] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line)
        elif run:
            out.append(Block("\n".join(run), "paragraph", furniture=furniture))
            run = []
    return out


def _split_signature(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(message, signature, disclaimer) lines of one message's own text."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    # A disclaimer is the closing paragraph(s), starting at the paragraph of its first cue.
    disclaimer_at = len(lines)
    for i in filled[-_MAX_SIGNATURE_LINES:]:
        if _DISCLAIMER.search(lines[i]):
            disclaimer_at = i
            break
    while 0 < disclaimer_at < len(lines) and lines[disclaimer_at - 1].strip():
        disclaimer_at -= 1
    body, disclaimer = lines[:disclaimer_at], lines[disclaimer_at:]
    # A signature has at most _MAX_SIGNATURE_LINES filled lines after its first line, so only
    # the lines from the (MAX+1)-th filled line from the end can start one: looking further
    # up (and counting the rest from each candidate) was quadratic on hostile mail.
    filled_body = [i for i, line in enumerate(body) if line.strip()]
    first = (
        filled_body[-(_MAX_SIGNATURE_LINES + 1)] if len(filled_body) > _MAX_SIGNATURE_LINES else 0
    )
    for i in range(first, len(body)):
        line = body[i]
        if _SIGNATURE_DASH.match(line) or _SIGN_OFF.match(line):
            return body[:i], body[i:], disclaimer
    return body, [], disclaimer


def _forward_header_end(lines: list[str]) -> int:
    """Where the header lines after a forward mark (``lines[0]``) end."""
    i = 1
    while i < len(lines):
        if _HEADER_LINE.match(lines[i]):
            i += 1
        elif not lines[i].strip():
            nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
            if i == 1 or _HEADER_LINE.match(nxt):
                i += 1
            else:
                break
        else:
            break
    return i


def _read_body(content: str) -> _Body:
    """Own text as content; forwarded headers, quoted replies, signature, disclaimer as
    furniture. A forwarded message's own text is content and names its original sender."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    forward_at = next((i for i, x in enumerate(lines) if _FORWARD_MARK.match(x)), None)
    own, forwarded = (lines, []) if forward_at is None else (lines[:forward_at], lines[forward_at:])
    reply_at = next(
        (
            i
            for i, x in enumerate(own)
            if _REPLY_MARK.match(x) or (x.startswith(">") and i + 1 < len(own))
        ),
        None,
    )
    quoted: list[str] = []
    if reply_at is not None:
        own, quoted = own[:reply_at], own[reply_at:]
    blocks: list[Block] = []
    forwarded_from, forwarded_date = "", None
    text, signature, disclaimer = _split_signature(own)
    if any(x.strip() for x in text):
        blocks.append(Block("\n".join(text), "text"))
    sig_lines = signature
    if forwarded:
        # The forward's own header lines, then the original message.
        head_end = _forward_header_end(forwarded)
        for line in forwarded[1:head_end]:
            match = _HEADER_LINE.match(line)
            if match is None:
                continue
            name = match["name"].lower()
            if name in ("from", "送信者", "差出人") and not forwarded_from:
                forwarded_from = match["value"].strip()
            if name in ("date", "sent", "送信日時", "日付") and forwarded_date is None:
                forwarded_date = _parse_header_date(match["value"])
        blocks.extend(signature_blocks(signature))
        blocks.extend(_paragraph_blocks(disclaimer, furniture=True))
        blocks.append(Block("\n".join(forwarded[:head_end]), "paragraph", furniture=True))
        inner = _read_body("\n".join(forwarded[head_end:]))
        blocks.extend(inner.blocks)  # type: ignore[arg-type]
        sig_lines = list(inner.signature) or signature
        return _Body(tuple(blocks), forwarded_from, forwarded_date, tuple(sig_lines))
    blocks.extend(signature_blocks(signature))
    blocks.extend(_paragraph_blocks(disclaimer, furniture=True))
    blocks.extend(_paragraph_blocks(quoted, furniture=True))
    return _Body(tuple(blocks), signature=tuple(sig_lines))


def signature_blocks(signature: list[str]) -> list[Block]:
    return [Block("\n".join(signature), "paragraph", furniture=True)] if signature else []


def _parse_header_date(value: str) -> date | None:
    from briefer.ingest.metadata import parse_date

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return parse_date(value)


def _signature_organisation(signature: tuple[str, ...]) -> str:
    """An organisation named on its own line (or after a comma) in a signature."""
    from briefer.ingest.organisations import is_name_shaped, is_organisation_like

    for line in signature[1:]:
        for part in reversed(re.split(r"\s*[,|｜]\s*|\s+[-–]\s+", line.strip())):
            if is_name_shaped(part) and is_organisation_like(part) and "@" not in part:
                return part.strip()
    return ""


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
    is_html = body is not None and body.get_content_type() == "text/html"
    parsed = _read_body(content) if not is_html else _Body(())
    # A forwarded message is the original sender's: its organisation, not the forwarder's.
    who = parsed.forwarded_from or sender
    org = _organisation_of_display(who) or _signature_organisation(parsed.signature)
    org = org or _organisation(who)
    hints = Hints(
        title=re.sub(r"^((re|fwd?|aw|wg|転送)\s*[:：]\s*)+", "", subject, flags=re.I),
        date=parsed.forwarded_date or _date(msg),
        organisations=(org,) if org else (),
        extra={
            "from": sender,
            "to": _header(msg, "To"),
            "cc": _header(msg, "Cc"),
            "message_id": _header(msg, "Message-ID"),
            "attachments": "; ".join(names),
            "forwarded_from": parsed.forwarded_from,
        },
    )
    head = Block("\n".join(head_lines), "paragraph", furniture=True) if head_lines else None
    extra_blocks = (head,) if head is not None else ()
    if is_html:
        return html_document(
            content, origin=path.name, fmt="eml", extra_blocks=extra_blocks, hints=hints
        )
    if not content.strip():
        listed = f" (attachments: {', '.join(names)}; import them one by one)" if names else ""
        raise IngestError(f"{path.name} has no message text{listed}.")
    return build_document(
        [*extra_blocks, *parsed.blocks],  # type: ignore[list-item]
        origin=path.name,
        fmt="eml",
        hints=hints,
    )
