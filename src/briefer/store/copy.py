"""Copy a whole store to another engine (a store file up to a team server, and back).

Every row of every table of the models is copied as it is, ids included, in foreign-key
order, in one transaction on the destination: a failed copy leaves it as it was. The search
indexes of the destination are rebuilt from the copied passages (FTS5 on SQLite, tsvector and
pg_trgm on PostgreSQL) and, on PostgreSQL, the id sequences are moved past the copied ids.
On PostgreSQL the passage triggers are off during the load and the GIN indexes are built
once after it (``pg_search.bulk_load_statements``): the triggers built every tsvector per
inserted batch, then the rebuild built them all again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, func, insert, select, text, update

from briefer.errors import StoreError
from briefer.store.db import Store
from briefer.store.models import Base, Source, SourceChunk

BATCH = 2000
#: Tables that may already hold rows in a new destination (the default topics).
_REPLACEABLE = frozenset({"topic", "topic_alias"})


@dataclass
class CopyReport:
    """What was copied: rows per table."""

    source: str
    destination: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """The store's tables, parents before children; a source's text chunks right after the
    sources (PostgreSQL indexes a passage from them as it is inserted)."""
    ordered = list(Base.metadata.sorted_tables)
    chunk = next(t for t in ordered if t.name == SourceChunk.__tablename__)
    ordered.remove(chunk)
    ordered.insert(ordered.index(cast(Table, Source.__table__)) + 1, chunk)
    return ordered


def _rows(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    pk = list(table.primary_key.columns)
    result = conn.execution_options(stream_results=True).execute(select(table).order_by(*pk))
    # text chunks are ~32 K characters each: fewer per batch bounds the memory
    size = 64 if table.name == SourceChunk.__tablename__ else BATCH
    for chunk in result.mappings().partitions(size):
        yield [dict(row) for row in chunk]


def _portable(value: Any, to_sqlite: bool) -> Any:
    """Datetimes keep their instant: SQLite stores local wall-clock time without an offset."""
    if not isinstance(value, datetime):
        return value
    if to_sqlite:
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    return value if value.tzinfo else value.astimezone()


def _check_empty(conn: Connection) -> None:
    for table in tables():
        if table.name in _REPLACEABLE:
            continue
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise StoreError(
                f"The destination already holds data ({table.name}); copy into a new, empty "
                "store or database."
            )


def copy_store(
    src: Store, dest: Store, *, progress: Callable[[str, int], None] | None = None
) -> CopyReport:
    """Copy everything in ``src`` into the empty store ``dest`` (ids kept, indexes rebuilt)."""
    if src.label == dest.label:
        raise StoreError("The source and the destination are the same store.")
    report = CopyReport(source=src.label, destination=dest.label)
    to_sqlite = dest.is_sqlite
    # One snapshot of the source: a team store may be in use while it is copied.
    reader_options = {} if src.is_sqlite else {"isolation_level": "REPEATABLE READ"}
    with (
        src.engine.connect().execution_options(**reader_options) as reader,
        dest.engine.begin() as writer,
    ):
        if writer.dialect.name == "sqlite":
            writer.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        _check_empty(writer)
        for table in reversed(tables()):
            if table.name in _REPLACEABLE:
                writer.execute(delete(table))
        bulk = writer.dialect.name == "postgresql" and _bulk_load(writer)
        versions: list[dict[str, Any]] = []
        for table in tables():
            count = 0
            for batch in _rows(reader, table):
                rows = [{k: _portable(v, to_sqlite) for k, v in row.items()} for row in batch]
                if table.name == Source.__tablename__:
                    # A source may point at a later one: links are set once all are in.
                    versions += [
                        {"sid": r["id"], "prev": r["previous_version_id"]}
                        for r in rows
                        if r["previous_version_id"] is not None
                    ]
                    rows = [{**r, "previous_version_id": None} for r in rows]
                writer.execute(insert(table), rows)
                count += len(rows)
                if progress is not None:
                    progress(table.name, count)
            report.rows[table.name] = count
        _link_versions(writer, versions)
        _drop_importing(writer, report)
        rebuild_search(writer, bulk=bulk)
        if writer.dialect.name == "postgresql":
            _reset_sequences(writer)
    return report


def _drop_importing(conn: Connection, report: CopyReport) -> None:
    """A source still being imported in batches (``store/pending.py``) is not part of the
    store yet: the copy leaves it out (its passages, text and rows go with it)."""
    marked = select(Source.id).where(Source.importing.is_not(None)).scalar_subquery()
    for table in tables():
        if table.name == Source.__tablename__ or "source_id" not in table.c:
            continue
        gone = conn.execute(delete(table).where(table.c.source_id.in_(marked))).rowcount
        if gone and table.name in report.rows:
            report.rows[table.name] -= gone
    gone = conn.execute(delete(Source).where(Source.importing.is_not(None))).rowcount
    if gone:
        report.rows[Source.__tablename__] -= gone


def _bulk_load(conn: Connection) -> bool:
    """PostgreSQL: switch the passage triggers off for the copy, so that every passage is
    indexed once at the end (``rebuild_search(bulk=True)``) instead of per inserted batch
    and again at the end. Needs the tables' owner (or a member of the owning role); for
    another role the copy indexes as it goes, as before."""
    from sqlalchemy.exc import DBAPIError

    from briefer.store import pg_search

    try:
        with conn.begin_nested():
            for statement in pg_search.bulk_load_statements():
                conn.exec_driver_sql(statement)
    except DBAPIError:
        return False
    return True


def _link_versions(conn: Connection, links: list[dict[str, Any]]) -> None:
    for link in links:
        conn.execute(
            update(Source).where(Source.id == link["sid"]).values(previous_version_id=link["prev"])
        )


def rebuild_search(conn: Connection, *, bulk: bool = False) -> None:
    """Rebuild the engine's search indexes from the passages. ``bulk``: after
    ``pg_search.bulk_load_statements`` (PostgreSQL: triggers back on, GIN built after)."""
    if conn.dialect.name == "sqlite":
        from briefer.store import passage_index

        passage_index.rebuild(conn)
        return
    if conn.dialect.name == "postgresql":
        from briefer.store import pg_search

        statements = (
            pg_search.bulk_index_statements() if bulk else pg_search.rebuild_statements()
        )
    else:  # pragma: no cover - only the two engines are supported
        return
    for statement in statements:
        conn.exec_driver_sql(statement)


def _reset_sequences(conn: Connection) -> None:
    """Explicit ids do not move PostgreSQL's sequences: set each past the largest id."""
    for table in tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce(max(id), 0) + 1, false) FROM {table.name}"
            )
        )
