"""Plain values that search returns, defined in the store (the lowest layer that makes them)
and re-exported by ``library.views``, so the store never imports the library above it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from briefer.ingest.model import PATH_SEPARATOR

SourceKind = Literal["industry", "official", "other"]


def split_path(joined: str) -> tuple[str, ...]:
    return tuple(p for p in joined.split(PATH_SEPARATOR) if p) if joined else ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    passage_id: int
    source_id: int
    score: float
    snippet: str  # matched words wrapped in <mark>…</mark>, other text as-is
    text: str
    heading_path: tuple[str, ...]
    source_title: str
    source_kind: SourceKind
    source_date: date | None
    content: bool
    #: Where the query was found: "text" (every term is in the passage's own text, as a
    #: phrase when quoted) or "heading" (some term only in the headings above it).
    matched_in: str = "text"
