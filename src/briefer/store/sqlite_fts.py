"""SQLite full-text search: the FTS5 tables and the triggers that keep them in sync.

Kept here, behind the store, so another engine (PostgreSQL) can bring its own machinery.
Two external-content FTS5 indexes read the passage text through a view (the text lives
once, on the source): a word index (porter + unicode61) for European languages and a
trigram index for Japanese and substrings. Triggers keep both in step with ``passage``
inside the same transaction as the change.
"""

from __future__ import annotations

VIEW = """
CREATE VIEW passage_text AS
SELECT p.id AS id,
       substr(s.text, p.start + 1, p."end" - p.start) AS text,
       p.heading_path AS heading
FROM passage AS p JOIN source AS s ON s.id = p.source_id
"""

TABLES = (
    """CREATE VIRTUAL TABLE passage_fts USING fts5(
        text, heading, content='passage_text', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE passage_tri USING fts5(
        text, content='passage_text', content_rowid='id', tokenize='trigram')""",
)

TRIGGERS = (
    # New passage: index its text (read back through the view).
    """CREATE TRIGGER passage_ai AFTER INSERT ON passage BEGIN
        INSERT INTO passage_fts(rowid, text, heading)
            SELECT id, text, heading FROM passage_text WHERE id = new.id;
        INSERT INTO passage_tri(rowid, text)
            SELECT id, text FROM passage_text WHERE id = new.id;
    END""",
    # Removing from an external-content index needs the old values, so this runs BEFORE.
    """CREATE TRIGGER passage_bd BEFORE DELETE ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text, heading)
            SELECT 'delete', id, text, heading FROM passage_text WHERE id = old.id;
        INSERT INTO passage_tri(passage_tri, rowid, text)
            SELECT 'delete', id, text FROM passage_text WHERE id = old.id;
    END""",
    """CREATE TRIGGER passage_bu BEFORE UPDATE OF start, "end", heading_path, source_id
        ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text, heading)
            SELECT 'delete', id, text, heading FROM passage_text WHERE id = old.id;
        INSERT INTO passage_tri(passage_tri, rowid, text)
            SELECT 'delete', id, text FROM passage_text WHERE id = old.id;
    END""",
    """CREATE TRIGGER passage_au AFTER UPDATE OF start, "end", heading_path, source_id
        ON passage BEGIN
        INSERT INTO passage_fts(rowid, text, heading)
            SELECT id, text, heading FROM passage_text WHERE id = new.id;
        INSERT INTO passage_tri(rowid, text)
            SELECT id, text FROM passage_text WHERE id = new.id;
    END""",
    # A source's passages must leave the index while the source text is still readable,
    # i.e. before the foreign-key cascade removes the source row.
    """CREATE TRIGGER source_bd BEFORE DELETE ON source BEGIN
        DELETE FROM passage WHERE source_id = old.id;
    END""",
    # The text of a source is immutable once imported (new text = new version); guard it
    # so the index can never silently go stale.
    """CREATE TRIGGER source_text_bu BEFORE UPDATE OF text ON source
        WHEN old.text IS NOT new.text BEGIN
        SELECT RAISE(ABORT, 'source text is immutable; import a new version instead');
    END""",
)

DROP = (
    "DROP TRIGGER IF EXISTS source_text_bu",
    "DROP TRIGGER IF EXISTS source_bd",
    "DROP TRIGGER IF EXISTS passage_au",
    "DROP TRIGGER IF EXISTS passage_bu",
    "DROP TRIGGER IF EXISTS passage_bd",
    "DROP TRIGGER IF EXISTS passage_ai",
    "DROP TABLE IF EXISTS passage_tri",
    "DROP TABLE IF EXISTS passage_fts",
    "DROP VIEW IF EXISTS passage_text",
)


def create_statements() -> list[str]:
    return [VIEW, *TABLES, *TRIGGERS]


def rebuild_statements() -> list[str]:
    """Re-index everything from the passages (repair, or after a bulk load)."""
    return [
        "INSERT INTO passage_fts(passage_fts) VALUES ('rebuild')",
        "INSERT INTO passage_tri(passage_tri) VALUES ('rebuild')",
    ]


# --------------------------------------------------------------------------- schema v2
# Migration 0002: the trigram index only holds passages that contain Japanese (or other CJK)
# text. Search sends a query to the trigram index only when it has CJK characters, so a
# passage without any can never match there; indexing the English 95% of a library cost
# about half of the store file (the trigram index was 2.9x the raw text) and most of the
# per-passage indexing time. The statements above stay as they were: migration 0001 uses them.
#
# The indexed text ends with two spaces (``CJK_PAD``): then every occurrence of a one- or
# two-character term starts some trigram of the index, so search can find such terms through
# the index vocabulary (``passage_tri_vocab``, a per-connection fts5vocab table) instead of a
# LIKE scan over every passage (which read the whole source text once per passage).

# The code points of briefer.store.search._CJK, as a GLOB character class.
CJK_GLOB = "*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]*"

CJK_PAD = "  "

CJK_VIEW = f"""
CREATE VIEW passage_text_cjk AS
SELECT id, text || '{CJK_PAD}' AS text FROM passage_text WHERE text GLOB '{CJK_GLOB}'
"""

#: Per connection (TEMP): the trigram index's terms, for 1-2 character CJK search terms.
VOCAB = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_tri_vocab "
    "USING fts5vocab(main, passage_tri, 'row')"
)

TRIGRAM_V2 = """CREATE VIRTUAL TABLE passage_tri USING fts5(
        text, content='passage_text_cjk', content_rowid='id', tokenize='trigram')"""

_FTS_INSERT = """INSERT INTO passage_fts(rowid, text, heading)
            SELECT id, text, heading FROM passage_text WHERE id = {row}.id;"""
_FTS_DELETE = """INSERT INTO passage_fts(passage_fts, rowid, text, heading)
            SELECT 'delete', id, text, heading FROM passage_text WHERE id = {row}.id;"""
_TRI_INSERT = """INSERT INTO passage_tri(rowid, text)
            SELECT id, text FROM passage_text_cjk WHERE id = {row}.id;"""
_TRI_DELETE = """INSERT INTO passage_tri(passage_tri, rowid, text)
            SELECT 'delete', id, text FROM passage_text_cjk WHERE id = {row}.id;"""

PASSAGE_TRIGGERS = ("passage_ai", "passage_bd", "passage_bu", "passage_au")

TRIGGERS_V2 = (
    f"""CREATE TRIGGER passage_ai AFTER INSERT ON passage BEGIN
        {_FTS_INSERT.format(row="new")}
        {_TRI_INSERT.format(row="new")}
    END""",
    f"""CREATE TRIGGER passage_bd BEFORE DELETE ON passage BEGIN
        {_FTS_DELETE.format(row="old")}
        {_TRI_DELETE.format(row="old")}
    END""",
    f"""CREATE TRIGGER passage_bu BEFORE UPDATE OF start, "end", heading_path, source_id
        ON passage BEGIN
        {_FTS_DELETE.format(row="old")}
        {_TRI_DELETE.format(row="old")}
    END""",
    f"""CREATE TRIGGER passage_au AFTER UPDATE OF start, "end", heading_path, source_id
        ON passage BEGIN
        {_FTS_INSERT.format(row="new")}
        {_TRI_INSERT.format(row="new")}
    END""",
)


def upgrade_v2_statements() -> list[str]:
    """From the 0001 schema: a CJK-only trigram index, rebuilt from the passages."""
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in PASSAGE_TRIGGERS),
        "DROP TABLE IF EXISTS passage_tri",
        "DROP VIEW IF EXISTS passage_text_cjk",
        CJK_VIEW,
        TRIGRAM_V2,
        *TRIGGERS_V2,
        "INSERT INTO passage_tri(passage_tri) VALUES ('rebuild')",
    ]


def downgrade_v2_statements() -> list[str]:
    """Back to the 0001 schema: every passage in the trigram index."""
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in PASSAGE_TRIGGERS),
        "DROP TABLE IF EXISTS passage_tri",
        "DROP VIEW IF EXISTS passage_text_cjk",
        TABLES[1],
        *TRIGGERS[:4],
        "INSERT INTO passage_tri(passage_tri) VALUES ('rebuild')",
    ]


# --------------------------------------------------------------------------- schema v14
# Migration 0014: the text lives in ``source_chunk`` (``store/texts.py``); each passage lies in
# one chunk, so the content views read its text from that chunk by primary key instead of a
# substr over the whole ``source.text``. The index rows do not change.

#: The source's text is immutable once imported (new text = new version): guard the chunks
#: so the search index can never silently go stale.
CHUNK_GUARD = """CREATE TRIGGER source_chunk_bu BEFORE UPDATE ON source_chunk BEGIN
        SELECT RAISE(ABORT, 'source text is immutable; import a new version instead');
    END"""


def _view_v14() -> str:
    from briefer.store.texts import passage_text_sql

    return f"""
CREATE VIEW passage_text AS
SELECT p.id AS id,
       {passage_text_sql("p")} AS text,
       p.heading_path AS heading
FROM passage AS p
"""


def _drop_views_and_triggers() -> list[str]:
    # the update triggers read the views: dropped with them, recreated after
    return [
        "DROP TRIGGER IF EXISTS passage_bu",
        "DROP TRIGGER IF EXISTS passage_au",
        "DROP TRIGGER IF EXISTS source_text_bu",
        "DROP VIEW IF EXISTS passage_text_cjk",
        "DROP VIEW IF EXISTS passage_text",
    ]


def upgrade_v14_statements() -> list[str]:
    """After the chunks are written: drop ``source.text`` and read the chunks instead."""
    return [
        *_drop_views_and_triggers(),
        "ALTER TABLE source DROP COLUMN text",
        _view_v14(),
        CJK_VIEW,
        TRIGGERS_V2[2],
        TRIGGERS_V2[3],
        CHUNK_GUARD,
    ]


def downgrade_v14_drop_statements() -> list[str]:
    return [*_drop_views_and_triggers(), "DROP TRIGGER IF EXISTS source_chunk_bu"]


def downgrade_v14_create_statements() -> list[str]:
    """Back to 0013, once ``source.text`` is filled again."""
    guard = next(t for t in TRIGGERS if "source_text_bu" in t)
    return [VIEW, CJK_VIEW, TRIGGERS_V2[2], TRIGGERS_V2[3], guard]
