"""Readers: a file in, normalised text + passages + proposed metadata out.

Every format ends in the same ``Document`` so the store treats them alike. Plain text and
Markdown are read here; further formats register a reader in ``READERS``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import IngestError
from briefer.ingest.decode import decode
from briefer.ingest.metadata import propose_metadata
from briefer.ingest.model import ProposedMetadata, Segment
from briefer.ingest.segment import segment

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    segments: tuple[Segment, ...]
    proposed: ProposedMetadata
    origin: str
    format: str

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """Hash of the normalised text: the identity used to refuse duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(text_or_bytes: str | bytes, *, origin: str = "", fmt: str = "text") -> Document:
    """Build a document from text (pasted, or a file's bytes)."""
    if isinstance(text_or_bytes, bytes):
        text = decode(text_or_bytes, name=origin)
    else:
        text = decode(text_or_bytes.encode("utf-8"), name=origin or "pasted text")
    segs = tuple(segment(text))
    if not any(s.content for s in segs):
        raise IngestError(f"{origin or 'The text'} has no readable content.")
    return Document(text, segs, propose_metadata(text, origin), origin, fmt)


def _read_plain(path: Path) -> Document:
    return read_text(path.read_bytes(), origin=path.name, fmt="text")


READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": _read_plain,
    ".text": _read_plain,
    ".md": _read_plain,
    ".markdown": _read_plain,
}


def read_path(path: Path) -> Document:
    """Read one file; a clear ``IngestError`` for anything that is not a readable document."""
    if not path.exists():
        raise IngestError(f"{path}: no such file.")
    if path.is_dir():
        raise IngestError(f"{path} is a folder; import the files inside it.")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror or exc}).") from exc
    if size == 0:
        raise IngestError(f"{path.name} is empty.")
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"{path.name} is {size / 1e6:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB "
            "are not imported."
        )
    reader = READERS.get(path.suffix.lower(), _read_plain)
    try:
        return reader(path)
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc}).") from exc
