"""Search service: the same call for the CLI and the GUI, whatever the engine."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from briefer.library.topics import find_topic
from briefer.library.views import SearchHit
from briefer.store import ReadSession, Store, rank_index
from briefer.store.expand import Expansion
from briefer.store.search import SearchQuery, count_passages, search_passages, search_query
from briefer.store.search import expansions as expansions_of
from briefer.store.search import rank_index_status as rank_index_status_of


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
    expand: bool = False,
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
        expand=expand,
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
    expand: bool = False,
) -> list[SearchHit]:
    """Ranked passages matching ``query`` (words, "quoted phrases", Japanese); with
    ``expand``, a word naming a topic also finds the topic's name in the other language
    (:func:`expansions` says what)."""
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
            expand,
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
    expand: bool = False,
) -> int:
    """How many passages match ``query`` with these filters: all of them, not one page."""
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
            expand=expand,
        )
        return count_passages(s, q)


def expansions(store: Store, query: str) -> list[Expansion]:
    """What a search for ``query`` with ``expand`` also searches: for each run of its words
    that names a topic, the topic's name in the other language (``store.expand``)."""
    with ReadSession(store) as s:
        return expansions_of(s, query)


def rank_index_file(store: Store) -> Path | None:
    """The store file whose ranking index (``store.rank_index``) search uses, or None: a
    team store on PostgreSQL, or one in memory, ranks with its engine alone."""
    database = store.engine.url.database if store.is_sqlite else None
    if not database or database == ":memory:":
        return None
    return Path(database)


def rank_index_status(store: Store) -> str:
    """ "current", "stale", "missing", or "none" (no index for this kind of store)."""
    with ReadSession(store) as s:
        return rank_index_status_of(s)[1]


def update_rank_index(
    store: Store,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_passages: int | None = None,
) -> rank_index.UpdateResult | None:
    """Bring the ranking index in step with the store (None: the store has none). Reads the
    file on its own read-only connection, so it can run beside the window's sessions."""
    path = rank_index_file(store)
    if path is None:
        return None
    return rank_index.update(
        path, progress=progress, cancelled=cancelled, max_passages=max_passages
    )
