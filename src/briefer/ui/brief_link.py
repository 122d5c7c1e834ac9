"""Adapter between the ui and the briefs service (``briefer.briefs.service``).

ADAPTER — written while the briefs service was being built in parallel. Everything the ui
needs from briefs goes through these functions, so when the service settles only this module
changes. If the service cannot be imported, briefs are reported as unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import ModuleType

from briefer.library.views import TopicPassage
from briefer.store import Store


@dataclass(frozen=True, slots=True)
class BriefChoice:
    id: int
    title: str
    meeting_date: date | None


class BriefsUnavailable(Exception):
    """The briefs service is not installed in this build yet."""


def _service() -> ModuleType:
    try:
        from briefer.briefs import service
    except ImportError as exc:
        raise BriefsUnavailable(str(exc)) from exc
    return service


def available() -> bool:
    try:
        _service()
    except BriefsUnavailable:
        return False
    return True


def list_briefs(store: Store) -> list[BriefChoice]:
    """Briefs to offer, most recently changed first; empty when briefs are unavailable."""
    try:
        service = _service()
    except BriefsUnavailable:
        return []
    found = service.list_briefs(store)
    return [BriefChoice(b.id, b.title, b.meeting_date) for b in found]


def create_brief(store: Store, title: str) -> int:
    return int(_service().create_brief(store, title))


def add_passage(store: Store, brief_id: int, item: TopicPassage, topic_id: int) -> None:
    """Quote the whole passage into the brief's section for the topic, on its source's side."""
    side = item.source.kind if item.source.kind in ("industry", "official") else None
    p = item.passage
    _service().add_quote_for_topic(store, brief_id, topic_id, p.source_id, p.start, p.end, side)
