"""Reading a source's text: the one module that knows where it is stored.

A source may hold 20 million characters. Every reader goes through these functions, so that
a page of passages, one quote or a search snippet reads its span and not the whole text, and
a job over many sources holds one text at a time (``source_texts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from briefer.store.models import Source

#: Where a text is read: a session, or a connection (migrations, store copies).
Bind = Session | Connection


def text_span(session: Bind, source_id: int, start: int, end: int) -> str | None:
    """``text[start:end]`` of the source (character offsets); None if there is no such
    source. SQL's ``substr`` counts characters from 1, as both engines do."""
    return session.scalar(
        select(func.substr(Source.text, start + 1, max(0, end - start))).where(
            Source.id == source_id
        )
    )


def text_spans(session: Bind, spans: Iterable[tuple[int, int, int]]) -> list[str]:
    """``text[start:end]`` for each ``(source_id, start, end)``, in order ("" for a source
    that does not exist): the passages of a page, each read as a span."""
    return [text_span(session, sid, start, end) or "" for sid, start, end in spans]


class Spans:
    """Spans of many sources read through one session, each chunk of text read once (the
    passages of a topic page, the asks of a ledger and their answers)."""

    def __init__(self, session: Bind) -> None:
        self.session = session

    def __call__(self, source_id: int, start: int, end: int) -> str:
        """``text[start:end]`` of the source, "" if there is no such source."""
        return text_span(self.session, source_id, start, end) or ""


def source_text(session: Bind, source_id: int) -> str | None:
    """A source's whole text; None if there is no such source. Only for work that needs all
    of it at once (re-tagging, verifying a quote against a new version, a pack)."""
    return session.scalar(select(Source.text).where(Source.id == source_id))


def source_texts(session: Bind, source_ids: Sequence[int]) -> Iterator[tuple[int, str]]:
    """``(id, text)`` of each existing source of ``source_ids``, in that order, one text in
    memory at a time (the caller should not keep them all)."""
    for source_id in source_ids:
        body = source_text(session, source_id)
        if body is not None:
            yield source_id, body


def source_length(session: Bind, source_id: int) -> int | None:
    """The number of characters of a source's text; None if there is no such source."""
    return session.scalar(select(func.length(Source.text)).where(Source.id == source_id))
