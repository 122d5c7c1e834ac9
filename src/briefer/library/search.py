"""Search service: the same call for the CLI and the GUI, whatever the engine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from briefer.library.topics import find_topic
from briefer.library.views import SearchHit
from briefer.store import ReadSession, Store
from briefer.store.search import SearchQuery, count_passages, search_passages


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
    # FTS5 reads a NUL as the end of its query string ("unterminated string"); no passage
    # text holds one, so it can only be noise.
    query = query.replace("\x00", " ")
    with ReadSession(store) as s:
        topic_ids = tuple(t if isinstance(t, int) else find_topic(s, t).id for t in topics)
        return search_passages(
            s,
            SearchQuery(
                text=query,
                kinds=tuple(kinds),
                topic_ids=topic_ids,
                source_ids=tuple(source_ids),
                since=since,
                until=until,
                include_furniture=include_furniture,
                prefix=prefix,
                limit=limit,
                offset=offset,
            ),
        )


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
    query = query.replace("\x00", " ")
    with ReadSession(store) as s:
        topic_ids = tuple(t if isinstance(t, int) else find_topic(s, t).id for t in topics)
        return count_passages(
            s,
            SearchQuery(
                text=query,
                kinds=tuple(kinds),
                topic_ids=topic_ids,
                source_ids=tuple(source_ids),
                since=since,
                until=until,
                include_furniture=include_furniture,
                prefix=prefix,
            ),
        )
