"""A team store on PostgreSQL has no ranking index beside it: other writers change the
store without this machine knowing, so it ranks with its own engine (``store.pg_search``)."""

from __future__ import annotations

from briefer.library import search as search_service


def test_a_team_store_ranks_without_an_index(pg_store) -> None:  # type: ignore[no-untyped-def]
    assert search_service.rank_index_file(pg_store) is None
    assert search_service.rank_index_status(pg_store) == "none"
    assert search_service.update_rank_index(pg_store) is None
    hits = search_service.search(pg_store, "semiconductors")
    assert hits and all("emiconductor" in h.text for h in hits)
