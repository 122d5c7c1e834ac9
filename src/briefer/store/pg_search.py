"""Full-text search on PostgreSQL: its own machinery behind ``store.search.search_passages``.

The passage text lives once, in the source's chunks (``store/texts.py``), and an index
expression cannot read another table, so the index is a side table, ``passage_fts`` (one row
per passage), kept in step by statement-level triggers on ``passage`` (one INSERT ... SELECT
per import, whatever the number of passages) and emptied by the foreign-key cascade:

* ``tsv``: the passage text (weight A; "/" read as a space, as SQLite's unicode61 does, not
  as a file path) and its heading path (weight C) as an ``english`` tsvector, GIN-indexed:
  words, stems, phrases (``<->``) and prefixes (``:*``), ranked with ``ts_rank_cd`` and
  highlighted with ``ts_headline`` (``<mark>``) for the page only.
* ``cjk``: the text again, for passages with Japanese (or other CJK) characters only, with a
  ``pg_trgm`` GIN index: ``ILIKE '%term%'`` finds any substring, like SQLite's trigram index
  (which also holds CJK passages only, migration 0002). English passages are not copied.

Queries take the same two steps as on SQLite: rank at most ``RANK_CANDIDATES`` matches (the
newest) with the index alone, then fetch text, snippet and metadata for the page.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import text
from sqlalchemy.orm import Session

from briefer.store.hits import SearchHit
from briefer.store.schema import VISIBLE
from briefer.store.search import (
    _CJK,
    _WORD_CHARS,
    MARK_CLOSE,
    MARK_OPEN,
    MIN_PREFIX,
    SearchQuery,
    _mark,
    _mark_words,
    hit_from_row,
    matched_in,
    page_params,
    parse_terms,
)
from briefer.store.texts import passage_text_sql

#: Text-search configuration: Snowball English, the nearest to SQLite's porter tokenizer.
CONFIG = "english"
#: ts_rank_cd normalisation 1|2: divided by 1 + log(length) and by length, the nearest to
#: SQLite's bm25 (which favours short passages): the same top hit for 15 of 20 sample queries
#: on the seeds, against 11 with 1 alone and 6 with none.
RANK_NORMALIZATION = 3

# The code points of briefer.store.search._CJK, as a POSIX bracket expression.
_CJK_CLASS = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"


def _split_scripts(expr: str) -> str:
    """``expr`` with a space between a Latin letter or digit and a CJK character: PostgreSQL's
    parser reads 「IPEFの枠組み」 as one word, so the acronym IPEF would not be a lexeme (the
    tokeniser of ``ingest.tokens`` splits at script boundaries the same way)."""
    latin_cjk = f"regexp_replace({expr}, '([A-Za-z0-9])(?={_CJK_CLASS})', '\\1 ', 'g')"
    return f"regexp_replace({latin_cjk}, '({_CJK_CLASS})(?=[A-Za-z0-9])', '\\1 ', 'g')"


#: One ``passage_fts`` row per passage of ``{rows}`` (the passage table or a transition table).
_ROWS = f"""
SELECT p.id,
       setweight(to_tsvector('{CONFIG}', {_split_scripts("translate(b.body, '/', ' ')")}), 'A')
           || setweight(to_tsvector('{CONFIG}', {_split_scripts("p.heading_path")}), 'C'),
       CASE WHEN b.body ~ '{_CJK_CLASS}' THEN b.body END
FROM {{rows}} AS p JOIN source AS s ON s.id = p.source_id
CROSS JOIN LATERAL (SELECT {{body}} AS body) AS b
"""

#: Before migration 0014 the text was one column, ``source.text``.
_BODY_V13 = 'substr(s.text, p.start + 1, p."end" - p.start)'


def _rows(rows: str, chunks: bool) -> str:
    return _ROWS.format(rows=rows, body=passage_text_sql("p") if chunks else _BODY_V13)


def _index_function(chunks: bool) -> str:
    return f"""CREATE OR REPLACE FUNCTION briefer_index_passages() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO passage_fts (passage_id, tsv, cjk)
        {_rows("new_rows", chunks)}
        ON CONFLICT (passage_id) DO UPDATE SET tsv = EXCLUDED.tsv, cjk = EXCLUDED.cjk;
        RETURN NULL;
    END $$"""


#: As on SQLite: the text of a source never changes, so the index cannot go stale (0014).
CHUNK_GUARD = (
    """CREATE FUNCTION briefer_source_chunk_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'source text is immutable; import a new version instead';
    END $$""",
    """CREATE TRIGGER source_chunk_bu BEFORE UPDATE ON source_chunk
        FOR EACH ROW EXECUTE FUNCTION briefer_source_chunk_immutable()""",
)

#: The GIN indexes of the side table (words; trigrams of CJK passages).
_INDEXES = (
    "CREATE INDEX passage_fts_tsv ON passage_fts USING gin (tsv)",
    "CREATE INDEX passage_fts_cjk ON passage_fts USING gin (cjk gin_trgm_ops)",
)

_CREATE_V13 = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE passage_fts (
        passage_id integer PRIMARY KEY REFERENCES passage (id) ON DELETE CASCADE,
        tsv tsvector NOT NULL,
        cjk text
    )""",
    *_INDEXES,
    "INDEX FUNCTION",
    """CREATE TRIGGER passage_fts_ai AFTER INSERT ON passage
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION briefer_index_passages()""",
    # Transition tables cannot name columns (UPDATE OF ...): any updated passage is reindexed.
    """CREATE TRIGGER passage_fts_au AFTER UPDATE ON passage
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION briefer_index_passages()""",
    # As on SQLite: the text of a source never changes, so the index cannot go stale.
    """CREATE FUNCTION briefer_source_text_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.text IS DISTINCT FROM OLD.text THEN
            RAISE EXCEPTION 'source text is immutable; import a new version instead';
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER source_text_bu BEFORE UPDATE OF text ON source
        FOR EACH ROW EXECUTE FUNCTION briefer_source_text_immutable()""",
)

DROP = (
    "DROP TRIGGER IF EXISTS source_text_bu ON source",
    "DROP FUNCTION IF EXISTS briefer_source_text_immutable()",
    "DROP TRIGGER IF EXISTS passage_fts_au ON passage",
    "DROP TRIGGER IF EXISTS passage_fts_ai ON passage",
    "DROP FUNCTION IF EXISTS briefer_index_passages()",
    "DROP TABLE IF EXISTS passage_fts",
    # pg_trgm stays: other databases objects may use it, and it is harmless.
)


def create_statements(*, chunks: bool = True) -> list[str]:
    """The index, its triggers and the extension, then the index filled from the passages.
    ``chunks=False``: as migrations 0003 and 0013 made them, over ``source.text``."""
    made = [_index_function(chunks) if s == "INDEX FUNCTION" else s for s in _CREATE_V13]
    if chunks:  # the guard is on the chunks now
        made = [s for s in made if "source_text" not in s and "text_immutable" not in s]
        made += CHUNK_GUARD
    return [*made, *rebuild_statements(chunks=chunks)]


def rebuild_statements(*, chunks: bool = True) -> list[str]:
    """Re-index everything from the passages (repair, or after a bulk copy)."""
    return [
        "DELETE FROM passage_fts",
        f"INSERT INTO passage_fts (passage_id, tsv, cjk) {_rows('passage', chunks)}",
    ]


#: The passage triggers that index rows as they are inserted or updated.
_TRIGGERS = ("passage_fts_ai", "passage_fts_au")


def bulk_load_statements() -> list[str]:
    """Before a bulk load of passages into an empty store (``store.copy``): no indexing per
    inserted batch; :func:`bulk_index_statements` indexes them all once, after."""
    return [f"ALTER TABLE passage DISABLE TRIGGER {t}" for t in _TRIGGERS]


def bulk_index_statements() -> list[str]:
    """After a bulk load: the triggers back on, every passage indexed in one statement into
    a table without its GIN indexes, which are then built once (a sort, instead of an
    insertion per row)."""
    return [
        *(f"ALTER TABLE passage ENABLE TRIGGER {t}" for t in _TRIGGERS),
        "DROP INDEX IF EXISTS passage_fts_tsv",
        "DROP INDEX IF EXISTS passage_fts_cjk",
        *rebuild_statements(),
        "SET LOCAL maintenance_work_mem = '256MB'",
        *_INDEXES,
    ]


def upgrade_v14_statements() -> list[str]:
    """Migration 0014, once the chunks are written: the index function reads them, the
    guard moves from ``source.text`` to the chunks, and the column goes."""
    return [
        "DROP TRIGGER IF EXISTS source_text_bu ON source",
        "DROP FUNCTION IF EXISTS briefer_source_text_immutable()",
        _index_function(True),
        *CHUNK_GUARD,
        "ALTER TABLE source DROP COLUMN text",
    ]


def downgrade_v14_drop_statements() -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS source_chunk_bu ON source_chunk",
        "DROP FUNCTION IF EXISTS briefer_source_chunk_immutable()",
    ]


def downgrade_v14_create_statements() -> list[str]:
    guard = [s for s in _CREATE_V13 if "source_text" in s or "text_immutable" in s]
    return [_index_function(False), *guard]


# --------------------------------------------------------------------------- queries

_HEADLINE = (
    f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=35, MinWords=15, ShortWord=2, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)

_PAGE = """
SELECT id, r, d FROM (
    SELECT f.passage_id AS id, {rank} AS r, s.date AS d
    FROM passage_fts AS f
    JOIN passage AS p ON p.id = f.passage_id
    JOIN source AS s ON s.id = p.source_id
    WHERE {match}{where}
    ORDER BY f.passage_id DESC LIMIT :candidates
) AS c
ORDER BY r DESC, d DESC NULLS LAST, id LIMIT :limit OFFSET :offset
"""

_DETAILS = """
WITH page AS MATERIALIZED ({page})
SELECT p.id, p.source_id, page.r, {snippet}, b.body,
       p.heading_path, s.title, s.kind, s.date, p.content
FROM page
JOIN passage AS p ON p.id = page.id
JOIN source AS s ON s.id = p.source_id
CROSS JOIN LATERAL (SELECT PASSAGE_TEXT AS body) AS b
ORDER BY page.r DESC, page.d DESC NULLS LAST, page.id
""".replace("PASSAGE_TEXT", passage_text_sql("p"))


def _filters(q: SearchQuery, params: dict[str, object]) -> str:
    clauses = [VISIBLE]  # never a source still being imported (store/pending.py)
    if not q.include_furniture:
        clauses.append("p.content")
    if q.kinds:
        params["kinds"] = list(q.kinds)
        clauses.append("s.kind = ANY(:kinds)")
    if q.source_ids:
        params["source_ids"] = [int(i) for i in q.source_ids]
        clauses.append("s.id = ANY(:source_ids)")
    if q.topic_ids:
        params["topic_ids"] = [int(i) for i in q.topic_ids]
        clauses.append(
            "EXISTS (SELECT 1 FROM passage_topic AS t WHERE t.passage_id = p.id "
            "AND t.topic_id = ANY(:topic_ids) AND NOT t.excluded)"
        )
    if q.since:
        params["since"] = q.since
        clauses.append("s.date >= :since")
    if q.until:
        params["until"] = q.until
        clauses.append("s.date <= :until")
    return (" AND " + " AND ".join(clauses)) if clauses else ""


def tsquery_text(terms: list[tuple[str, bool]], prefix: bool) -> str | None:
    """The ``to_tsquery`` input for parsed terms: phrases as ``<->``, all terms ANDed."""
    parts: list[str] = []
    for i, (term, is_phrase) in enumerate(terms):
        tokens = _WORD_CHARS.findall(term)
        if not tokens:
            continue
        part = " <-> ".join(f"'{t}'" for t in tokens)
        if prefix and i == len(terms) - 1 and not is_phrase and len(tokens[-1]) >= MIN_PREFIX:
            part += ":*"
        parts.append(f"({part})")
    return " & ".join(parts) if parts else None


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_passages(session: Session, q: SearchQuery) -> list[SearchHit]:
    """Ranked passages for ``q``: the same contract as SQLite's ``search_passages``."""
    terms = parse_terms(q.text)
    if not terms:
        return []
    params = page_params(q)
    where = _filters(q, params)
    if any(_CJK.search(t) for t, _ in terms):
        return _search_substrings(session, [t for t, _ in terms], params, where)
    tsq = tsquery_text(terms, q.prefix)
    if tsq is None:
        return []
    params["tsq"] = tsq
    params["headline"] = _HEADLINE
    query = f"to_tsquery('{CONFIG}', :tsq)"
    page = _PAGE.format(
        rank=f"ts_rank_cd('{{0.1, 0.3, 0.4, 1.0}}', f.tsv, {query}, {RANK_NORMALIZATION})",
        match=f"f.tsv @@ {query}",
        where=where,
    )
    snippet = f"ts_headline('{CONFIG}', b.body, {query}, :headline)"
    sql = _DETAILS.format(page=page, snippet=snippet)
    hits = [hit_from_row(row) for row in session.execute(text(sql), params)]
    # A match in the heading path only, or one the parser split differently: marked the
    # way SQLite's search marks every snippet.
    words = [w for t, _ in terms for w in _WORD_CHARS.findall(t)]
    return [
        replace(
            h if MARK_OPEN in h.snippet else replace(h, snippet=_mark_words(h.text, words)),
            matched_in=matched_in(h.text, terms),
        )
        for h in hits
    ]


def _search_substrings(
    session: Session, terms: list[str], params: dict[str, object], where: str
) -> list[SearchHit]:
    """CJK (and mixed) queries: every term a substring of a CJK passage (pg_trgm index).

    Ranked like BM25 without the IDF (all terms are required): term frequency, saturated and
    normalised by length, so a short passage naming the term twice comes first.
    """
    matches, scores = [], []
    for i, term in enumerate(terms):
        params[f"like{i}"] = _like(term)
        params[f"term{i}"] = term.casefold()
        matches.append(f"f.cjk ILIKE :like{i} ESCAPE '\\'")
        tf = (
            f"((length(f.cjk) - length(replace(lower(f.cjk), :term{i}, ''))) "
            f"/ greatest(length(:term{i}), 1))::float8"
        )
        scores.append(f"({tf} * 2.2 / ({tf} + 1.2 * (0.25 + 0.75 * length(f.cjk) / 120.0)))")
    page = _PAGE.format(rank=" + ".join(scores), match=" AND ".join(matches), where=where)
    sql = _DETAILS.format(page=page, snippet="''")
    rows = session.execute(text(sql), params).all()
    return [replace(hit_from_row(row), snippet=_mark(row[4], terms)) for row in rows]


def count_passages(session: Session, q: SearchQuery) -> int:
    """How many passages match ``q``: the same contract as SQLite's ``count_passages``."""
    terms = parse_terms(q.text)
    if not terms:
        return 0
    params: dict[str, object] = {}
    where = _filters(q, params)
    if any(_CJK.search(t) for t, _ in terms):
        matches = []
        for i, (term, _) in enumerate(terms):
            params[f"like{i}"] = _like(term)
            matches.append(f"f.cjk ILIKE :like{i} ESCAPE '\\'")
        match = " AND ".join(matches)
    else:
        tsq = tsquery_text(terms, q.prefix)
        if tsq is None:
            return 0
        params["tsq"] = tsq
        match = f"f.tsv @@ to_tsquery('{CONFIG}', :tsq)"
    sql = (
        "SELECT count(*) FROM passage_fts AS f JOIN passage AS p ON p.id = f.passage_id "
        f"JOIN source AS s ON s.id = p.source_id WHERE {match}{where}"
    )
    return int(session.scalar(text(sql), params) or 0)
