"""Plain values produced by ingest and consumed by the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from briefer.errors import IngestError
from briefer.ingest.limits import MAX_PASSAGES

SegmentKind = Literal["heading", "bullet", "paragraph"]

#: Separator used when a heading path is shown as one string.
PATH_SEPARATOR = " › "


@dataclass(frozen=True, slots=True)
class Segment:
    """One passage of a source text.

    ``text[start:end]`` is exactly the passage (no leading indentation, no bullet marker,
    no trailing whitespace). ``heading_path`` lists the headings the passage sits under,
    outermost first, as shown to the user (numbering kept, trailing colon dropped); for a
    heading passage it ends with the heading itself.
    """

    start: int
    end: int
    kind: SegmentKind
    level: int = 0
    heading_path: tuple[str, ...] = ()
    content: bool = True
    page: int | None = None


@dataclass(frozen=True, slots=True)
class ProposedMetadata:
    """What the importer proposes; the officer may override every field."""

    title: str = ""
    date: date | None = None
    organisations: tuple[str, ...] = ()
    language: str = "en"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """A read file: normalised text, its passages and what the importer proposes about it."""

    text: str
    segments: tuple[Segment, ...]
    proposed: ProposedMetadata
    origin: str
    format: str

    def __post_init__(self) -> None:
        if len(self.segments) > MAX_PASSAGES:
            raise IngestError(
                f"{self.origin or 'This text'} splits into {len(self.segments):,} passages; "
                f"Briefer takes up to {MAX_PASSAGES:,} per source. Split the document into "
                "parts (e.g. by chapter) and import those."
            )

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """Hash of the normalised text: the identity used to refuse duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
