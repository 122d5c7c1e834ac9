"""Frozen values the library services return: safe across threads and sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from briefer.store.hits import SearchHit, SourceKind, split_path

__all__ = ["SearchHit", "SourceKind", "split_path"]  # re-exported: defined where search is

SOURCE_KINDS: tuple[SourceKind, ...] = ("industry", "official", "other")
KIND_LABELS = {"industry": "Industry position", "official": "Official outcome", "other": "Other"}


def parse_kind(value: str) -> SourceKind:
    """Accept the kind as typed by a user: industry / official / other, or their labels."""
    v = value.strip().lower()
    aliases = {
        "industry": "industry",
        "industry position": "industry",
        "official": "official",
        "official outcome": "official",
        "other": "other",
    }
    if v not in aliases:
        from briefer.errors import BrieferError

        raise BrieferError(f"Unknown kind {value!r}: use industry, official or other.")
    return aliases[v]  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    title: str
    short_title: str
    kind: SourceKind
    date: date | None
    organisations: tuple[str, ...]
    language: str
    origin: str
    imported_at: datetime | None
    passage_count: int = 0
    previous_version_id: int | None = None
    url: str = ""
    reference: str = ""
    marking: str = ""


@dataclass(frozen=True, slots=True)
class PassageTag:
    """One topic on a passage: whether it is primary, who set it, and the words that
    produced it (``evidence``: the passage's own words, ``heading: …`` when a heading
    supported it, empty for the officer's own tags)."""

    topic_id: int
    topic: str
    primary: bool
    origin: str  # "auto" or "manual"
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PassageInfo:
    id: int
    source_id: int
    ordinal: int
    kind: str
    level: int
    heading_path: tuple[str, ...]
    start: int
    end: int
    text: str
    content: bool
    page: int | None
    topics: tuple[str, ...] = ()
    tags: tuple[PassageTag, ...] = ()  # the topics above in the same order, with details


@dataclass(frozen=True, slots=True)
class SourceDetail:
    info: SourceInfo
    text: str
    passages: tuple[PassageInfo, ...]
    #: with a window (``get_source(window=…)``): the position of ``passages[0]`` among all
    #: ``total`` passages of the source; ``total`` -1 means ``passages`` are all of them
    first: int = 0
    total: int = -1
    #: with a window, ``text`` is the page's span of the source from this offset on
    text_start: int = 0
    #: every version of the source, oldest first (``sources.versions_of``), when asked for
    versions: tuple[SourceInfo, ...] = ()

    @property
    def passage_total(self) -> int:
        return len(self.passages) if self.total < 0 else self.total


@dataclass(frozen=True, slots=True)
class TopicInfo:
    id: int
    name: str
    description: str
    aliases: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)  # passages per source kind


@dataclass(frozen=True, slots=True)
class TopicPassage:
    passage: PassageInfo
    source: SourceInfo
    score: float
    origin: str  # auto | manual
    primary: bool


@dataclass(frozen=True, slots=True)
class TopicPage:
    """A page of a topic's passages of one kind (``library.topics.topic_page``)."""

    total: int
    offset: int
    items: tuple[TopicPassage, ...]
