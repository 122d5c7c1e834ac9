"""Full-text search over passages (SQLite FTS5).

Words go to the porter/unicode61 index; anything with Japanese (or other CJK) characters
goes to the trigram index, which holds the CJK passages only. A CJK term shorter than three
characters is looked up as the index's trigrams that start with it. Filters are applied in
the same SQL statement. See docs/PERFORMANCE.md for why the queries have the shape they have.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.store import sqlite_fts
from briefer.store.hits import SearchHit, split_path
from briefer.store.schema import VISIBLE, passage_text_sql

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Db:
    """The statements of this module on a SQLAlchemy session (the window, the services) or
    on a plain read-only ``sqlite3`` connection (the CLI's read-only commands, see
    ``store.direct``): the same SQL text, with the same named parameters (``:name``), which
    both understand. So there is one query builder, whichever way the store was opened."""

    __slots__ = ("_run", "dialect")

    def __init__(self, conn: Session | sqlite3.Connection) -> None:
        if isinstance(conn, sqlite3.Connection):
            self.dialect = "sqlite"
            self._run: Any = conn.execute
        else:
            from sqlalchemy import text

            self.dialect = conn.get_bind().dialect.name
            if self.dialect == "sqlite":
                # the session's own sqlite3 connection (same transaction, pending ORM changes
                # flushed first as text() would autoflush): rows come straight from the
                # driver, not one by one through SQLAlchemy's result objects, which cost
                # a third of a filtered search's CPU (profile in docs/PERFORMANCE.md)
                conn.flush()
                raw = conn.connection().connection.driver_connection
                if isinstance(raw, sqlite3.Connection):
                    self._run = raw.execute
                    return
            self._run = lambda sql, params: conn.execute(text(sql), params)

    def rows(self, sql: str, params: Mapping[str, object] | None = None) -> Iterable[Any]:
        return self._run(sql, dict(params or {}))  # type: ignore[no-any-return]

    def scalar(self, sql: str, params: Mapping[str, object] | None = None) -> Any:
        row = self._run(sql, dict(params or {})).fetchone()
        return None if row is None else row[0]

    def column(self, sql: str, params: Mapping[str, object] | None = None) -> list[Any]:
        return [row[0] for row in self._run(sql, dict(params or {}))]


MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    text: str
    kinds: tuple[str, ...] = ()
    topic_ids: tuple[int, ...] = ()
    source_ids: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    include_furniture: bool = False
    prefix: bool = False  # treat the last word as a prefix (search as you type)
    limit: int = 50
    offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    #: also search the other language's name of a topic a query word names (store.expand)
    expand: bool = False


def search_query(text: str, **options: Any) -> SearchQuery:
    """The query for what a user typed. FTS5 reads a NUL as the end of its query string
    ("unterminated string"); no passage text holds one, so it can only be noise."""
    for key in ("kinds", "topic_ids", "source_ids"):
        if key in options:
            options[key] = tuple(options[key])
    return SearchQuery(text=text.replace("\x00", " "), **options)


def parse_terms(query: str) -> list[tuple[str, bool]]:
    """Split a user query into (term, is_phrase) pairs; quotes make a phrase."""
    terms: list[tuple[str, bool]] = []
    for m in _TERM.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None and phrase.strip():
            terms.append((phrase.strip(), True))
        elif word:
            terms.append((word, False))
    return terms


#: Search as you type treats the last word as a prefix from this many characters on. "se*"
#: matches most of a library (40+ ms to rank at 10,000 sources) and tells the officer
#: nothing; two letters are searched as a word until a third is typed.
MIN_PREFIX = 3


def _fts_word_query(terms: list[tuple[str, bool]], prefix: bool) -> str | None:
    parts: list[str] = []
    for i, (term, is_phrase) in enumerate(terms):
        tokens = _WORD_CHARS.findall(term)
        if not tokens:
            continue
        quoted = '"' + " ".join(tokens).replace('"', '""') + '"'
        if prefix and i == len(terms) - 1 and not is_phrase and len(tokens[-1]) >= MIN_PREFIX:
            quoted += "*"
        parts.append(quoted)
    return " AND ".join(parts) if parts else None


def _filters(q: SearchQuery, params: dict[str, object]) -> str:
    clauses = [VISIBLE]  # never a source still being imported (store/pending.py)
    if not q.include_furniture:
        clauses.append("p.content = 1")
    if q.kinds:
        keys = []
        for i, k in enumerate(q.kinds):
            params[f"kind{i}"] = k
            keys.append(f":kind{i}")
        clauses.append(f"s.kind IN ({', '.join(keys)})")
    if q.source_ids:
        clauses.append(f"s.id IN ({', '.join(str(int(i)) for i in q.source_ids)})")
    if q.topic_ids:
        ids = ", ".join(str(int(i)) for i in q.topic_ids)
        clauses.append(
            "EXISTS (SELECT 1 FROM passage_topic t WHERE t.passage_id = p.id "
            f"AND t.topic_id IN ({ids}) AND t.excluded = 0)"
        )
    if q.since:
        params["since"] = q.since.isoformat()
        clauses.append("s.date >= :since")
    if q.until:
        params["until"] = q.until.isoformat()
        clauses.append("s.date <= :until")
    return (" AND " + " AND ".join(clauses)) if clauses else ""


# Two steps, so the costly per-row work is done for the returned page only: step 1 ranks the
# matching passages with nothing but the index, the filters and the sort keys (bm25 needs the
# index alone); step 2 fetches the text, the snippet and the metadata for those rows, looking
# each one up in the index by rowid. Computing snippet() and substr(source.text) in the ranking
# query, as before, did it for *every* match before the sort: 31 ms -> 2.4 ms for a word
# matching 722 passages of 100 sources, and the gap grows with the library.
#
# Step 1 ranks at most RANK_CANDIDATES matches: the most recently imported ones (the index
# streams rowids in descending order, so the scan stops there). bm25 costs about 3 us per
# matching row, so ranking every match of a common word ("data", or "se" typed as a prefix)
# grew with the library: 50,000+ matches at 10,000 sources is 150+ ms. Up to RANK_CANDIDATES
# matches the ranking is exact; past it, a broad query ranks the newest passages that match,
# and the officer narrows it (more words, a phrase, a filter) to reach older ones.
RANK_CANDIDATES = 1000

#: A passage's text in SQL, for a passage ``p`` joined to its source ``s``: the one place the
#: search statements (both engines, both connections) read it.
PASSAGE_TEXT = passage_text_sql("p")

_PAGE = """
SELECT id, r, d FROM (
    SELECT {table}.rowid AS id, {rank} AS r, s.date AS d
    FROM {table} JOIN passage p ON p.id = {table}.rowid JOIN source s ON s.id = p.source_id
    WHERE {table} MATCH :match{where}
    ORDER BY {table}.rowid DESC LIMIT :candidates
)
ORDER BY r, d DESC, id LIMIT :limit OFFSET :offset
"""

# Step 2 fetches the page's rows by primary key. The snippet is marked in Python from the
# passage text (the words' roots; the exact terms for Japanese): FTS5's snippet() needs the
# index read a second time for the page, one MATCH per row (a prefix query rebuilds its merged
# doclist on each, 50 x 3 ms at 1,000 sources) or one scan over the page's rowid range (which a
# filter spreads over the whole index: 28 ms for "data" + kind + dates at 10,000 sources,
# against 13 ms without snippet()).
_DETAILS = (
    """
WITH page AS MATERIALIZED ({page})
SELECT p.id, p.source_id, -page.r AS score, '' AS snippet,
       """
    + PASSAGE_TEXT
    + """ AS text,
       p.heading_path, s.title, s.kind, s.date, p.content
FROM page CROSS JOIN passage p CROSS JOIN source s
WHERE p.id = page.id AND s.id = p.source_id
ORDER BY page.r, page.d DESC, page.id
"""
)

#: A 1-2 character CJK term is looked up as the trigrams that start with it; past this many
#: distinct trigrams the query would be unwieldy, and a scan of the CJK passages is used.
MAX_SHORT_TERM_TRIGRAMS = 2000


def _run(db: Db, table: str, rank: str, where: str, params: dict[str, object]) -> list[SearchHit]:
    """Rank a page (step 1) and fetch its rows (step 2); the caller marks the snippets."""
    sql = _DETAILS.format(page=_PAGE.format(table=table, rank=rank, where=where))
    return [hit_from_row(row) for row in db.rows(sql, params)]


def page_params(q: SearchQuery) -> dict[str, object]:
    """The paging parameters every engine's ranking statement takes."""
    return {
        "limit": q.limit,
        "offset": q.offset,
        "candidates": max(RANK_CANDIDATES, q.offset + q.limit),
    }


def search_passages(conn: Session | sqlite3.Connection, q: SearchQuery) -> list[SearchHit]:
    """Ranked passages for ``q``, on a session (either engine) or a sqlite3 connection."""
    db = Db(conn)
    if db.dialect == "postgresql":  # a team store: its own machinery
        from briefer.store import pg_search

        return pg_search.search_passages(conn, q)  # type: ignore[arg-type]
    terms = parse_terms(q.text)
    if not terms:
        return []
    if q.expand:
        found = _variants(db, terms)
        if len(found) > 1:
            return _search_variants(db, q, found)
    return _search_terms(db, q, terms)


def _search_terms(db: Db, q: SearchQuery, terms: list[tuple[str, bool]]) -> list[SearchHit]:
    params = page_params(q)
    where = _filters(q, params)
    cjk_terms = [t for t, _ in terms if _CJK.search(t)]
    if cjk_terms:
        jterms = japanese_query_terms(terms)
        ranked = _search_ranked_japanese(db, q, jterms, params, where)
        if ranked is not None:
            return ranked
        return _search_trigram(db, q, jterms, params, where)
    match = _fts_word_query(terms, q.prefix)
    if match is None:
        return []
    params["match"] = match
    ranked = _search_ranked(db, q, terms, params, where)
    if ranked is not None:
        return ranked
    return _search_words(db, q, terms, params, where)


def count_passages(conn: Session | sqlite3.Connection, q: SearchQuery) -> int:
    """How many passages match ``q`` (its filters too): every match, not the ranked page.

    The same matching as :func:`search_passages` (words, Latin words inside Japanese,
    Japanese substrings), without ranking, text or snippets, so it stays cheap for a broad
    query: the window shows the true number instead of "more than 100".
    """
    db = Db(conn)
    if db.dialect == "postgresql":
        from briefer.store import pg_search

        return pg_search.count_passages(conn, q)  # type: ignore[arg-type]
    terms = parse_terms(q.text)
    if not terms:
        return 0
    params: dict[str, object] = {}
    where = _filters(q, params)
    if q.expand:
        found = _variants(db, terms)
        if len(found) > 1:
            ids: set[int] = set()
            for v, prefix in found:
                ids.update(_match_ids(db, replace(q, prefix=prefix), v, dict(params), where))
            return len(ids)
    if any(_CJK.search(t) for t, _ in terms):
        jterms = japanese_query_terms(terms)
        match = _trigram_match(db, jterms)
        if match is None:
            return _count_like(db, jterms, params, where)
        if not match:
            return 0
        params["match"] = match
        return _count(db, "passage_tri", where, params)
    match = _fts_word_query(terms, q.prefix)
    if match is None:
        return 0
    params["match"] = match
    words = [w for t, _ in terms for w in _WORD_CHARS.findall(t)]
    glued = _glued_rows(db, q, terms, words, params, where, _ALL)
    return _count(db, "passage_fts", where, params) + len(glued)


#: "No limit" for the candidate lists a count reads in full.
_ALL = 2**62


def _count(db: Db, table: str, where: str, params: dict[str, object]) -> int:
    sql = (
        f"SELECT count(*) FROM {table} JOIN passage p ON p.id = {table}.rowid "
        f"JOIN source s ON s.id = p.source_id WHERE {table} MATCH :match{where}"
    )
    return int(db.scalar(sql, params) or 0)


def _like_clauses(terms: list[tuple[str, bool]], params: dict[str, object]) -> str:
    """``c.text LIKE`` each term (its wildcards escaped), ANDed; the patterns go into
    ``params`` as ``like0``, ``like1``…"""
    clauses = []
    for i, (term, _) in enumerate(terms):
        params[f"like{i}"] = (
            "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        clauses.append(f"c.text LIKE :like{i} ESCAPE '\\'")
    return " AND ".join(clauses)


def _count_like(
    db: Db, terms: list[tuple[str, bool]], params: dict[str, object], where: str
) -> int:
    sql = (
        "SELECT count(*) FROM passage_text_cjk c JOIN passage p ON p.id = c.id "
        f"JOIN source s ON s.id = p.source_id WHERE {_like_clauses(terms, params)}{where}"
    )
    return int(db.scalar(sql, params) or 0)


# Word search ranks in two tiers when the query has several words: passages whose text holds
# them as a phrase (a two-word name, "Digital Partnership") come before passages that only
# have the words somewhere in their text or headings.
_WORD_PAGE = """
SELECT id, r, d, t FROM (
    SELECT passage_fts.rowid AS id, bm25(passage_fts, 1.0, 0.3) AS r, s.date AS d, {tier} AS t
    FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid JOIN source s ON s.id = p.source_id
    WHERE passage_fts MATCH :match{where}
    ORDER BY passage_fts.rowid DESC LIMIT :candidates
)
ORDER BY t, r, d DESC, id LIMIT :upto
"""
_PHRASE_TIER = (
    "CASE WHEN passage_fts.rowid IN "
    "(SELECT rowid FROM passage_fts WHERE passage_fts MATCH :phrase) THEN 0 ELSE 1 END"
)

# Latin words written against Japanese ("IPEFの枠組み") are not words of the porter/unicode61
# index (it reads "IPEFの枠組み" as one token), so an all-Latin query also looks in the
# trigram index, which holds the Japanese passages: a substring there, checked in Python to
# stand at a script boundary ("said" does not hold the word "ai"), is a match.
_GLUED_PAGE = (
    """
SELECT passage_tri.rowid AS id, bm25(passage_tri) AS r, s.date AS d,
       """
    + PASSAGE_TEXT
    + """ AS body
FROM passage_tri JOIN passage p ON p.id = passage_tri.rowid JOIN source s ON s.id = p.source_id
WHERE passage_tri MATCH :tri{where}
ORDER BY r, d DESC, id LIMIT :glued
"""
)
# Of those, the ones the word index matches as well are ranked there, not twice.
_ALSO_WORDS = "SELECT rowid FROM passage_fts WHERE passage_fts MATCH :match AND rowid IN ({ids})"

_DETAILS_BY_ID = (
    """
SELECT p.id, p.source_id, 0.0 AS score, '' AS snippet,
       """
    + PASSAGE_TEXT
    + """ AS text,
       p.heading_path, s.title, s.kind, s.date, p.content
FROM passage p CROSS JOIN source s
WHERE p.id IN ({ids}) AND s.id = p.source_id
"""
)


def _search_words(
    db: Db,
    q: SearchQuery,
    terms: list[tuple[str, bool]],
    params: dict[str, object],
    where: str,
) -> list[SearchHit]:
    words = [w for t, _ in terms for w in _WORD_CHARS.findall(t)]
    upto = q.offset + q.limit
    params["upto"] = upto
    tier = "0"
    # The phrase tier only matters when some words were not quoted together already.
    if len(words) > 1 and not (len(terms) == 1 and terms[0][1]):
        params["phrase"] = "text : " + _quote(" ".join(words))
        tier = _PHRASE_TIER
    rows = [
        (row[0], float(row[1]), row[2], int(row[3]))
        for row in db.rows(_WORD_PAGE.format(tier=tier, where=where), params)
    ]
    rows += _glued_rows(db, q, terms, words, params, where, upto)
    rows.sort(key=lambda r: (r[3], r[1], _date_key(r[2]), r[0]))
    page = rows[q.offset : upto]
    if not page:
        return []
    ids = ", ".join(str(int(r[0])) for r in page)
    details = {row[0]: row for row in db.rows(_DETAILS_BY_ID.format(ids=ids))}
    hits = []
    for pid, rank, _day, _t in page:
        hit = hit_from_row(details[pid])
        hits.append(
            replace(
                hit,
                score=round(-rank, 4),
                snippet=_mark_words(hit.text, words),
                matched_in=matched_in(hit.text, terms),
            )
        )
    return hits


def store_file(conn: Session | sqlite3.Connection | Db) -> Path | None:
    """The SQLite file behind ``conn``, or None (in memory, or a server)."""
    db = conn if isinstance(conn, Db) else Db(conn)
    if db.dialect != "sqlite":
        return None
    for row in db.rows("PRAGMA database_list"):
        if row[1] == "main":
            return Path(row[2]) if row[2] else None
    return None


def rank_index_status(conn: Session | sqlite3.Connection) -> tuple[Path | None, str]:
    """(the store file, "current" | "stale" | "missing" | "none") of the ranking index
    (``store.rank_index``): "none" for a store that has none (PostgreSQL, in memory)."""
    db = Db(conn)
    path = store_file(db)
    if path is None:
        return None, "none"
    from briefer.store import rank_index

    return path, rank_index.status(path, rank_index.fts_structure(_Exec(db)))


class _Exec:
    """``execute(sql)`` over a :class:`Db` (what ``rank_index.fts_structure`` reads with)."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def execute(self, sql: str) -> Any:
        return self.db._run(sql, {})


#: Candidates checked against the filters in growing pages before the filtered matches are
#: read from FTS5 and ranked as a set (a selective filter: a kind, a date range, a topic).
FILTER_PAGES_CAP = 4000
#: Past this many filtered matches the growing pages go on instead (the filter passes at
#: least this share of the candidates, so the pages end soon).
FILTER_SET_CAP = 20_000


def _ranker(db: Db) -> Any | None:
    """The current ranking index of the store behind ``db`` (``store.rank_index``), or None."""
    path = store_file(db)
    if path is None:
        return None
    from briefer.store import rank_index

    return rank_index.ranker(path, rank_index.fts_structure(_Exec(db)))


def _search_ranked(
    db: Db,
    q: SearchQuery,
    terms: list[tuple[str, bool]],
    params: dict[str, object],
    where: str,
) -> list[SearchHit] | None:
    """Every match of an all-Latin query ranked by the tantivy index beside the store
    (``store.rank_index``). None when there is no current index (the caller answers from
    FTS5, and the index is brought up to date elsewhere)."""
    from briefer.store import rank_index

    ranker = _ranker(db)
    if ranker is None:
        return None
    try:
        query = ranker.query(terms, q.prefix, MIN_PREFIX)
    except NotImplementedError:
        return None
    if query is None or query is rank_index.EMPTY:
        return []
    page = _ranked_page(
        db, q, ranker, query, params, where, lambda: _filtered_ids(db, q, terms, params, where)
    )
    words = [w for t, _ in terms for w in _WORD_CHARS.findall(t)]
    return _page_hits(
        db, page, lambda text: _mark_words(text, words), lambda text: matched_in(text, terms)
    )


def _search_ranked_japanese(
    db: Db,
    q: SearchQuery,
    terms: list[tuple[str, bool]],
    params: dict[str, object],
    where: str,
) -> list[SearchHit] | None:
    """Every match of a query with Japanese terms (mixed ones too: every term a substring,
    as FTS5's trigram index matches it) ranked by BM25 over the index's trigram field.
    None when there is no current index or a short term is too common (the LIKE path)."""
    from briefer.store import rank_index

    ranker = _ranker(db)
    if ranker is None:
        return None
    query = ranker.japanese(terms, MAX_SHORT_TERM_TRIGRAMS)
    if query is None:
        return None
    if query is rank_index.EMPTY:
        return []

    def filtered() -> list[int]:
        match = _trigram_match(db, terms)
        if not match:
            return []
        sql = (
            "SELECT passage_tri.rowid FROM passage_tri JOIN passage p ON p.id = passage_tri.rowid "
            f"JOIN source s ON s.id = p.source_id WHERE passage_tri MATCH :tri_set{where}"
        )
        return [int(i) for i in db.column(sql, {**params, "tri_set": match})]

    page = _ranked_page(db, q, ranker, query, params, where, filtered)
    marked = [t for t, _ in terms]
    return _page_hits(db, page, lambda text: _mark(text, marked), lambda _text: "text")


def _ranked_page(
    db: Db,
    q: SearchQuery,
    ranker: Any,
    query: Any,
    params: dict[str, object],
    where: str,
    filtered_ids: Any,
) -> list[tuple[int, float, object]]:
    """The page ``q.offset`` to ``q.offset + q.limit`` of ``query``'s matches that pass the
    filters, exactly ranked: the index's ranked candidates checked against the filters in
    SQLite in growing pages; past ``FILTER_PAGES_CAP`` candidates, when ``filtered_ids()``
    (every filtered match, read from FTS5 without ranking) are few, ranked as a set."""
    upto = q.offset + q.limit
    found: list[tuple[int, float, object]] = []  # (id, score, date) passing the filters
    step = max(2 * upto, 100)
    if q.kinds or q.since or q.until:
        # a kind or a date keeps a fraction of the matches (a fifth to a half in the
        # benchmark's library): one page of 8x the rows wanted costs less than the second
        # round it saves (each round ranks from the top again and checks its page in SQLite)
        step = max(8 * upto, 400)
    start = 0
    while True:
        cands, _ = ranker.top(query, step, start)
        found += _passing(db, cands, params, where)
        start += len(cands)
        if len(found) >= upto or len(cands) < step:  # enough, or every match seen
            break
        if start >= FILTER_PAGES_CAP:
            ids = filtered_ids()
            if len(ids) <= FILTER_SET_CAP:
                found = _passing(db, _rank_set(ranker, query, ids, upto), params, "")
                break
        # the next page sized from the share of candidates that passed so far (a date filter
        # keeping a fifth of the library needs five times the rows it still lacks), so that
        # a selective filter takes two rounds instead of four: each round re-ranks from the
        # top and reads its page in SQLite
        # (at most 4,000: a filter that kept none of the first page says little about the
        # next, and 20,000 candidates cost 170 ms at 100,000 sources where 4,000 were enough)
        rate = max(len(found), 1) / start
        step = min(max(step * 4, int((upto - len(found)) / rate * 1.5)), 4_000)
    found.sort(key=lambda r: (-r[1], _date_key(r[2]), r[0]))
    return found[q.offset : upto]


def _page_hits(
    db: Db, page: list[tuple[int, float, object]], snippet: Any, where_matched: Any
) -> list[SearchHit]:
    """The hits of a ranked page: text, metadata, ``snippet(text)``, ``where_matched(text)``."""
    from briefer.store import rank_index

    if not page:
        return []
    ids_sql = ", ".join(str(int(r[0])) for r in page)
    details = {row[0]: row for row in db.rows(_DETAILS_BY_ID.format(ids=ids_sql))}
    hits = []
    for pid, score, _day in page:
        hit = hit_from_row(details[pid])
        if score >= rank_index.TIER_BONUS:
            score -= rank_index.TIER_BONUS
        hits.append(
            replace(
                hit,
                score=round(score, 4),
                snippet=snippet(hit.text),
                matched_in=where_matched(hit.text),
            )
        )
    return hits


# ----------------------------------------------------------------------------- variants


def expansions(conn: Session | sqlite3.Connection, text: str) -> list[Any]:
    """What a search for ``text`` with ``expand`` also searches (``store.expand.Expansion``
    items: a topic's name in the other language); empty on PostgreSQL, which does not
    expand (a union of its two engines' rankings is not built there)."""
    db = Db(conn)
    if db.dialect != "sqlite":
        return []
    from briefer.store import expand

    return [e for _s, _e, e, _alts in expand.expansions(db, parse_terms(text))]


def _variants(db: Db, terms: list[tuple[str, bool]]) -> list[tuple[list[tuple[str, bool]], bool]]:
    """The query's variants (``store.expand``): (terms, whether the last is still the one
    typed, so may be a prefix), the terms as typed first; one variant on PostgreSQL."""
    if db.dialect != "sqlite":
        return [(terms, True)]
    from briefer.store import expand

    found = expand.expansions(db, terms)
    if not found:
        return [(terms, True)]
    return [(v, v[-1] is terms[-1]) for v in expand.variants(terms, found)]


def _match_ids(
    db: Db, q: SearchQuery, terms: list[tuple[str, bool]], params: dict[str, object], where: str
) -> list[int]:
    """Every passage matching ``terms`` that passes the filters (no ranking)."""
    if any(_CJK.search(t) for t, _ in terms):
        jterms = japanese_query_terms(terms)
        match = _trigram_match(db, jterms)
        if match == "":
            return []
        if match is None:
            sql = (
                "SELECT c.id FROM passage_text_cjk c JOIN passage p ON p.id = c.id "
                f"JOIN source s ON s.id = p.source_id WHERE {_like_clauses(jterms, params)}{where}"
            )
            return [int(i) for i in db.column(sql, params)]
        sql = (
            "SELECT passage_tri.rowid FROM passage_tri JOIN passage p ON p.id = passage_tri.rowid "
            f"JOIN source s ON s.id = p.source_id WHERE passage_tri MATCH :tri_set{where}"
        )
        return [int(i) for i in db.column(sql, {**params, "tri_set": match})]
    match = _fts_word_query(terms, q.prefix)
    if match is None:
        return []
    params["match"] = match
    return _filtered_ids(db, q, terms, params, where)


def _search_variants(
    db: Db, q: SearchQuery, found: list[tuple[list[tuple[str, bool]], bool]]
) -> list[SearchHit]:
    """The union of the variants' matches, ranked together by the index (BM25 summed over
    the variants a passage matches); without a current index, each variant ranked as on
    its own and the lists interleaved, the query as typed first."""
    from briefer.store import rank_index

    params = page_params(q)
    where = _filters(q, params)
    upto = q.offset + q.limit
    words: list[str] = []  # marked by their roots, as a word query marks them
    subs: list[str] = []  # marked as written, as a Japanese query marks them
    for v, _ in found:
        if any(_CJK.search(t) for t, _ in v):
            subs += [t for t, _ in japanese_query_terms(v)]
        else:
            words += [w for t, _ in v for w in _WORD_CHARS.findall(t)]

    def where_matched(text: str) -> str:
        for v, _ in found:
            vt = japanese_query_terms(v) if any(_CJK.search(t) for t, _ in v) else v
            if matched_in(text, vt) == "text":
                return "text"
        return "heading"

    ranker = _ranker(db)
    queries: list[Any] | None = [] if ranker is not None else None
    if ranker is not None and queries is not None:
        for v, prefix in found:
            try:
                if any(_CJK.search(t) for t, _ in v):
                    one = ranker.japanese(japanese_query_terms(v), MAX_SHORT_TERM_TRIGRAMS)
                else:
                    one = ranker.query(v, q.prefix and prefix, MIN_PREFIX)
            except NotImplementedError:
                one = None
            if one is None:
                queries = None  # a variant the index cannot ask: the fallback for all
                break
            if one is not rank_index.EMPTY:
                queries.append(one)
    if ranker is not None and queries is not None:
        if not queries:
            return []
        import tantivy

        query = tantivy.Query.boolean_query([(tantivy.Occur.Should, one) for one in queries])

        def filtered() -> list[int]:
            ids: set[int] = set()
            for v, prefix in found:
                ids.update(
                    _match_ids(db, replace(q, prefix=q.prefix and prefix), v, dict(params), where)
                )
            return sorted(ids)

        page = _ranked_page(db, q, ranker, query, params, where, filtered)
        return _page_hits(db, page, lambda text: _mark_mixed(text, words, subs), where_matched)
    lists = [
        _search_terms(db, replace(q, offset=0, limit=upto, prefix=q.prefix and prefix), v)
        for v, prefix in found
    ]
    merged: list[SearchHit] = []
    seen: set[int] = set()
    for rank in range(upto):
        for hits in lists:
            if rank < len(hits) and hits[rank].passage_id not in seen:
                seen.add(hits[rank].passage_id)
                merged.append(hits[rank])
    return merged[q.offset : upto]


def _mark_mixed(text_: str, words: list[str], cjk: list[str], width: int = 160) -> str:
    """Snippet marking the words (by their roots, as ``_mark_words``) and the Japanese
    terms (as written) of every variant of an expanded query."""
    alts = []
    if words:
        roots = sorted({_root(w) for w in words}, key=len, reverse=True)
        alts.append(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, roots))})[A-Za-z0-9]*")
    if cjk:
        alts.append("|".join(map(re.escape, sorted(set(cjk), key=len, reverse=True))))
    if not alts:
        return _mark(text_, [], width)
    pattern = re.compile("|".join(f"(?:{a})" for a in alts), re.IGNORECASE)
    first = pattern.search(text_)
    lo = max(0, (first.start() if first else 0) - width // 3)
    piece = pattern.sub(lambda m: f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}", text_[lo : lo + width])
    return ("…" if lo else "") + piece + ("…" if lo + width < len(text_) else "")


def _passing(
    db: Db, cands: list[tuple[int, float]], params: dict[str, object], where: str
) -> list[tuple[int, float, object]]:
    """Those of the ranked candidates that pass the filters, in rank order, with dates."""
    if not cands:
        return []
    ids = ", ".join(str(int(i)) for i, _ in cands)
    # CROSS JOIN keeps the candidates first: with a kind filter the planner otherwise walks
    # every passage of every source of that kind (200 ms at 10,000 sources, not 1)
    sql = (
        "SELECT p.id, s.date FROM passage p CROSS JOIN source s "
        f"WHERE p.id IN ({ids}) AND s.id = p.source_id{where}"
    )
    keep = {row[0]: row[1] for row in db.rows(sql, params)}
    return [(i, score, keep[i]) for i, score in cands if i in keep]


def _filtered_ids(
    db: Db, q: SearchQuery, terms: list[tuple[str, bool]], params: dict[str, object], where: str
) -> list[int]:
    """Every match of the query that passes the filters (FTS5, no ranking: the count's work)."""
    sql = (
        "SELECT passage_fts.rowid FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid "
        f"JOIN source s ON s.id = p.source_id WHERE passage_fts MATCH :match{where}"
    )
    ids = [int(i) for i in db.column(sql, params)]
    words = [w for t, _ in terms for w in _WORD_CHARS.findall(t)]
    ids += [int(r[0]) for r in _glued_rows(db, q, terms, words, dict(params), where, _ALL)]
    return ids


def _rank_set(ranker: Any, query: Any, ids: list[int], upto: int) -> list[tuple[int, float]]:
    """The top ``upto`` of ``query`` among the passages ``ids``."""
    import tantivy

    if not ids:
        return []
    only = tantivy.Query.term_set_query(ranker.schema, "id", ids)
    both = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.const_score_query(only, 0.0)),
        ]
    )
    return ranker.top(both, upto)[0]  # type: ignore[no-any-return]


def _date_key(day: object) -> float:
    """Newer first within a rank (the SQL orders by ``d DESC``)."""
    if day is None:
        return float("inf")
    value = day if isinstance(day, date) else date.fromisoformat(str(day))
    return -float(value.toordinal())


def _glued_rows(
    db: Db,
    q: SearchQuery,
    terms: list[tuple[str, bool]],
    words: list[str],
    params: dict[str, object],
    where: str,
    upto: int,
) -> list[tuple[int, float, object, int]]:
    """Matches of an all-Latin query inside Japanese text, as (id, rank, date, tier)."""
    parts: list[str] = []
    for word in words:
        if len(word) >= 3:
            parts.append(_quote(word))
            continue
        trigrams = _short_term_trigrams(db, word)
        # Only trigrams that end the word: "ai" + a non-Latin character ("aiの", "ai、").
        ends = [t for t in (trigrams or ()) if not _LATIN_WORD_CHAR.match(t[len(word) :])]
        if trigrams is None or not ends:
            return []
        parts.append("(" + " OR ".join(_quote(t) for t in ends) + ")")
    if not parts:
        return []
    params["tri"] = " AND ".join(parts)
    params["glued"] = upto + GLUED_SLACK
    found = [
        (pid, float(rank), day, 0)
        for pid, rank, day, body in db.rows(_GLUED_PAGE.format(where=where), params)
        if matched_in(body, terms) == "text"
    ]
    if not found:
        return []
    ids = ", ".join(str(int(r[0])) for r in found)
    also = set(db.column(_ALSO_WORDS.format(ids=ids), {"match": params["match"]}))
    return [r for r in found if r[0] not in also]


#: Extra trigram candidates fetched beyond the page, for those the boundary check drops.
GLUED_SLACK = 50
_LATIN_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


def matched_in(body: str, terms: list[tuple[str, bool]]) -> str:
    """ "text" if every term (a phrase as a whole) is in ``body``, else "heading"."""
    for term, is_phrase in terms:
        if _CJK.search(term):
            if term.casefold() not in body.casefold():
                return "heading"
            continue
        words = _WORD_CHARS.findall(term)
        if not words:
            continue
        # A word's root and any ending, as the porter index matched it; a phrase in order.
        roots = [re.escape(_root(w)) + r"[A-Za-z0-9]*" for w in words]
        patterns = [r"\W+".join(roots)] if is_phrase else roots
        for pat in patterns:
            if not re.search(rf"(?<![A-Za-z0-9]){pat}", body, re.IGNORECASE):
                return "heading"
    return "text"


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _trigram_match(db: Db, terms: list[tuple[str, bool]]) -> str | None:
    """The trigram index's MATCH for Japanese query terms, for search and count alike: a
    term of 3+ characters as itself, a shorter one as the trigrams that start with it. None
    when a short term has too many trigrams (the caller falls back to LIKE), "" when one has
    none (nothing can match)."""
    parts: list[str] = []
    for term, _ in terms:
        if len(term) >= 3:
            parts.append(_quote(term))
            continue
        trigrams = _short_term_trigrams(db, term)
        if trigrams is None:
            return None
        if not trigrams:
            return ""
        parts.append("(" + " OR ".join(_quote(t) for t in trigrams) + ")")
    return " AND ".join(parts)


def _short_term_trigrams(db: Db, term: str) -> list[str] | None:
    """The index's trigrams starting with ``term`` (1-2 characters); None if too many."""
    db.rows(sqlite_fts.VOCAB)
    key = term.casefold()
    rows = db.rows(
        "SELECT term FROM temp.passage_tri_vocab WHERE term >= :lo AND term < :hi LIMIT :cap",
        {"lo": key, "hi": key + "\U0010ffff", "cap": MAX_SHORT_TERM_TRIGRAMS + 1},
    )
    found = [r[0] for r in rows]
    return None if len(found) > MAX_SHORT_TERM_TRIGRAMS else found


_HIRAGANA_TAIL = re.compile(r"[\u3041-\u309f]+$")


def japanese_query_terms(terms: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Unquoted Japanese terms with particles or inflections become their content words.

    「データの流通」 finds データ and 流通 (any order, any particle between them); 「強化する」
    finds 強化; a word with a kana ending is looked up without it, so any inflection matches
    (強める, 強めた -> 強). A term that is content words only (データ流通) stays one substring,
    and a quoted one is never split.
    """
    from briefer.ingest.tokens import content_terms  # Japanese morphology: loaded when needed

    out: list[tuple[str, bool]] = []
    for term, is_phrase in terms:
        if is_phrase or not _CJK.search(term):
            out.append((term, is_phrase))
            continue
        words = content_terms(term)
        covered = sum(t.end - t.start for t in words)
        if not words or covered == len(term):
            out.append((term, is_phrase))
            continue
        for t in words:
            surface = term[t.start : t.end]
            surface = _HIRAGANA_TAIL.sub("", surface) or surface
            if (surface, False) not in out:
                out.append((surface, False))
    return out


def _search_trigram(
    db: Db,
    q: SearchQuery,
    terms: list[tuple[str, bool]],
    params: dict[str, object],
    where: str,
) -> list[SearchHit]:
    match = _trigram_match(db, terms)
    if match is None:
        return _search_like(db, terms, params, where)
    if not match:
        return []
    params["match"] = match
    hits = _run(db, "passage_tri", "bm25(passage_tri)", where, params)
    marked = [t for t, _ in terms]
    return [replace(h, snippet=_mark(h.text, marked)) for h in hits]


def _search_like(
    db: Db,
    terms: list[tuple[str, bool]],
    params: dict[str, object],
    where: str,
) -> list[SearchHit]:
    """Fallback for very common short terms: scan the CJK passages with LIKE."""
    sql = f"""
SELECT p.id, p.source_id, 1.0 AS score, '' AS snippet,
       {PASSAGE_TEXT} AS text,
       p.heading_path, s.title, s.kind, s.date, p.content
FROM passage_text_cjk c JOIN passage p ON p.id = c.id JOIN source s ON s.id = p.source_id
WHERE {_like_clauses(terms, params)}{where}
ORDER BY s.date DESC, p.id LIMIT :limit OFFSET :offset"""
    rows = list(db.rows(sql, params))
    return [hit_from_row(row, highlight=[t for t, _ in terms]) for row in rows]


def _mark(text_: str, terms: list[str], width: int = 160) -> str:
    """Snippet with ``terms`` marked, for matches the FTS snippet() cannot produce."""
    first = min((i for t in terms if (i := text_.find(t)) >= 0), default=0)
    lo = max(0, first - width // 3)
    piece = text_[lo : lo + width]
    for t in sorted(set(terms), key=len, reverse=True):
        piece = piece.replace(t, f"{MARK_OPEN}{t}{MARK_CLOSE}")
    return ("…" if lo else "") + piece + ("…" if lo + width < len(text_) else "")


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s", "ly", "y", "e")


def _root(word: str) -> str:
    """A crude stem, so "semiconductors" marks "semiconductor" as the porter index matched."""
    w = word.casefold()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _mark_words(text_: str, words: list[str], width: int = 160) -> str:
    """Snippet marking the words that start with (the root of) any of ``words``."""
    if not words:
        return _mark(text_, [], width)
    roots = {_root(w) for w in words}
    alternatives = "|".join(re.escape(w) for w in sorted(roots, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})[A-Za-z0-9]*", re.IGNORECASE)
    first = pattern.search(text_)
    lo = max(0, (first.start() if first else 0) - width // 3)
    piece = pattern.sub(lambda m: f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}", text_[lo : lo + width])
    return ("…" if lo else "") + piece + ("…" if lo + width < len(text_) else "")


def hit_from_row(row: Sequence[Any], highlight: list[str] | None = None) -> SearchHit:
    pid, sid, score, snippet, body, path, title, kind, day, content = row
    if highlight is not None:
        snippet = _mark(body, highlight)
    return SearchHit(
        passage_id=pid,
        source_id=sid,
        score=round(float(score), 4),
        snippet=snippet,
        text=body,
        heading_path=split_path(path),
        source_title=title,
        source_kind=kind,
        # SQLite hands back ISO strings, PostgreSQL dates.
        source_date=day if isinstance(day, date) or day is None else date.fromisoformat(day),
        content=bool(content),
    )
