"""Plain values produced by ingest and consumed by the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from briefer.errors import IngestError
from briefer.ingest.limits import MAX_PASSAGES
from briefer.ingest.passage_limit import (
    MAX_HEADING_LABEL,
    MAX_PASSAGE_CHARS,
    short_label,
    split_span,
)

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
        # Here, where every reader's passages end up, so no format can pass a longer one.
        object.__setattr__(self, "segments", bounded(self.text, self.segments))
        if len(self.segments) > MAX_PASSAGES:
            raise IngestError(
                f"{self.origin or 'This text'} splits into {len(self.segments):,} passages; "
                f"Briefer takes up to {MAX_PASSAGES:,} per source. Split the document into "
                "parts (e.g. by chapter) and import those."
            )

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def bounded(text: str, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """``segments`` with each longer than ``MAX_PASSAGE_CHARS`` split into pieces (see
    :mod:`briefer.ingest.passage_limit`) and heading labels over ``MAX_HEADING_LABEL`` cut;
    ``segments`` itself when nothing is over (every normal document)."""
    if all(
        s.end - s.start <= MAX_PASSAGE_CHARS
        and all(len(label) <= MAX_HEADING_LABEL for label in s.heading_path)
        for s in segments
    ):
        return segments
    out: list[Segment] = []
    for seg in segments:
        if any(len(label) > MAX_HEADING_LABEL for label in seg.heading_path):
            seg = replace(seg, heading_path=tuple(short_label(h) for h in seg.heading_path))
        spans = split_span(text, seg.start, seg.end)
        for k, (start, end) in enumerate(spans):
            # the pieces of an over-long heading after its first are the text under it
            kind: SegmentKind = seg.kind if k == 0 or seg.kind != "heading" else "paragraph"
            out.append(
                replace(
                    seg, start=start, end=end, kind=kind, level=seg.level if kind == seg.kind else 0
                )
            )
    return tuple(out)


def content_hash(text: str) -> str:
    """Hash of the normalised text: the identity used to refuse duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
