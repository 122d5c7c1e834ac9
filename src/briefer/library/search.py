"""Search service: the same call for the CLI and the GUI, whatever the engine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from briefer.library.topics import find_topic
from briefer.library.views import SearchHit
from briefer.store import ReadSession, Store
from briefer.store.search import SearchQuery, count_passages, search_passages, search_query


def _query(
    s: Session,
    query: str,
    kinds: Sequence[str],
    topics: Sequence[str | int],
    source_ids: Sequence[int],
    since: date | None,
    until: date | None,
    include_furniture: bool,
    prefix: bool,
    limit: int = 50,
    offset: int = 0,
) -> SearchQuery:
    """The one query ``search`` pages through and ``count`` counts (same matching, same
    filters), built as the CLI's direct read path builds it (``store.search.search_query``)."""
    return search_query(
        query,
        kinds=tuple(kinds),
        topic_ids=tuple(t if isinstance(t, int) else find_topic(s, t).id for t in topics),
        source_ids=tuple(source_ids),
        since=since,
        until=until,
        include_furniture=include_furniture,
        prefix=prefix,
        limit=limit,
        offset=offset,
    )


def search(
    store: Store,
    query: str,
    *,
    kinds: Sequence[str] = (),
    topics: Sequence[str | int] = (),
    source_ids: Sequence[int] = (),
    since: date | None = None,
    until: date | None = None,
    include_furniture: bool = False,
    prefix: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[SearchHit]:
    """Ranked passages matching ``query`` (words, "quoted phrases", Japanese)."""
    with ReadSession(store) as s:
        q = _query(
            s,
            query,
            kinds,
            topics,
            source_ids,
            since,
            until,
            include_furniture,
            prefix,
            limit,
            offset,
        )
        return search_passages(s, q)


def count(
    store: Store,
    query: str,
    *,
    kinds: Sequence[str] = (),
    topics: Sequence[str | int] = (),
    source_ids: Sequence[int] = (),
    since: date | None = None,
    until: date | None = None,
    include_furniture: bool = False,
    prefix: bool = False,
) -> int:
    """How many passages match ``query`` with these filters: all of them, not one page."""
    with ReadSession(store) as s:
        q = _query(s, query, kinds, topics, source_ids, since, until, include_furniture, prefix)
        return count_passages(s, q)
