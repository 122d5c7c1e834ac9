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
