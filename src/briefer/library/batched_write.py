"""Writing a very large document as a source in several transactions, hidden until done.

SQLite has one writer at a time. A 20 MB report (100,000+ passages) written in one
transaction held the write lock for tens of seconds, and another writer (an edit in the
window, a second import) failed with "The store is busy". Here the source is written in
batches of ``pending.BATCH_PASSAGES`` passages, each its own transaction, so another writer
waits for one batch at most:

1. the source row, marked ``importing`` (``store/pending.py``), and its text;
2. its passages and their search-index rows, a batch per transaction;
3. in the last transaction: its tags, its near-duplicate sketch, the asks ledger's reading
   (``finish``), and the mark cleared: the source appears, whole, at once.

Every read leaves a marked source out, so nothing sees it half-written. A failure or a cancel
removes what was written (``pending.discard``, batched too); a kill leaves a mark that the
next open or import removes (``pending.discard_stale``). Documents up to ``BATCH_PASSAGES``
passages, and team stores (PostgreSQL does not lock the whole store for a write), keep their
one transaction (``sources.add_document_ids``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from briefer.errors import BrieferError, DuplicateSourceError
from briefer.ingest.model import Document
from briefer.library import sources, tagging
from briefer.store import Store, UnitOfWork, passage_index, pending
from briefer.store.models import Source, utcnow
from briefer.store.texts import write_text


class Cancelled(BrieferError):
    """The officer cancelled a batched write; what it had written is removed."""


def needs_batches(store: Store, doc: Document, batch: int | None = None) -> bool:
    """Is ``doc`` written in batches into ``store``?"""
    return store.is_sqlite and len(doc.segments) > (batch or pending.BATCH_PASSAGES)


#: ``finish(passage_ids)`` is called once the passages are in, outside the write lock (to
#: prepare what it writes), and returns what runs in the last transaction.
Finish = Callable[[list[int]], Callable[[Session, Source], None]]


def write_in_batches(
    store: Store,
    doc: Document,
    fields: sources.SourceFields,
    *,
    previous_version_id: int | None = None,
    sketch: Sequence[int] | None = None,
    prepared: tagging.PreparedTags | None = None,
    finish: Finish | None = None,
    cancel: Callable[[], bool] | None = None,
    batch: int | None = None,
    after_batch: Callable[[int, int], None] | None = None,
) -> tuple[int, str]:
    """Add ``doc`` as a new source in batches (see the module docstring); returns the new
    source's id and kind. ``finish`` (the asks ledger, see ``Finish``) writes in the last
    transaction. ``cancel`` is polled between batches (``Cancelled``);
    ``after_batch(done, total)`` is told the passages committed so far.

    Raises ``DuplicateSourceError`` when the text is in the store already."""
    size = batch or pending.BATCH_PASSAGES
    total = len(doc.segments)
    with UnitOfWork(store) as uow:
        s = uow.session
        existing = sources.find_duplicate(s, doc)
        if existing is not None:
            raise DuplicateSourceError(sources.duplicate_reason(doc, existing), existing.id)
        if _being_imported(s, doc):
            raise BrieferError(
                f"{doc.origin or 'This text'} is being imported by another Briefer window or "
                "command; wait for it to finish."
            )
        src = sources.new_source(s, doc, fields, previous_version_id)
        src.importing = pending.owner()
        s.add(src)
        s.flush()
        source_id, kind = src.id, src.kind
        write_text(s, source_id, doc.text, [(seg.start, seg.end) for seg in doc.segments])
        uow.commit()
    try:
        passage_ids: list[int] = []
        for lo in range(0, total, size):
            if cancel is not None and cancel():
                raise Cancelled("Import cancelled.")
            with UnitOfWork(store) as uow:
                rows = sources.passage_rows(doc, lo, lo + size)
                passage_ids += passage_index.add_passages(uow.session, source_id, doc.text, rows)
                pending.heartbeat(uow.session, source_id)
                uow.commit()
            if after_batch is not None:
                after_batch(len(passage_ids), total)
        if cancel is not None and cancel():
            raise Cancelled("Import cancelled.")
        # built before the last transaction, so that it only writes
        tag_rows = tagging.prepared_rows(prepared, passage_ids) if prepared is not None else None
        write_finish = finish(passage_ids) if finish is not None else None
        with UnitOfWork(store) as uow:
            s = uow.session
            # the mark cleared first, in this transaction: what follows reads the source
            s.execute(
                update(Source)
                .where(Source.id == source_id)
                .values(importing=None, imported_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            sources.finish_document(
                s, doc, source_id, passage_ids, sketch, prepared, None, tag_rows
            )
            if write_finish is not None:
                row = s.get(Source, source_id)
                assert row is not None
                write_finish(s, row)
            uow.commit()
    except BaseException:
        # what this import wrote goes; if even that fails, the next open removes it
        with contextlib.suppress(Exception):
            pending.discard(store, source_id, size)
        raise
    return source_id, kind


def _being_imported(session: Session, doc: Document) -> bool:
    return (
        session.scalar(
            select(Source.id)
            .where(Source.content_hash == doc.content_hash, Source.importing.is_not(None))
            .execution_options(**{pending.SHOW_IMPORTING: True})
        )
        is not None
    )
