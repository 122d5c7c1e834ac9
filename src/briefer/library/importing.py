"""Batch import: files and folders in, one transaction per file, a summary out.

The one import pipeline, for the CLI, the import dialog and scripts alike. Two steps:
reading (``read_paths``/``read_one``/``check_document``: expand folders, skip lock files,
hidden and unsupported files and repeats, read, suggest the kind, find duplicates and possible
earlier versions; writes nothing) and importing (``import_read``/``import_one``: one
transaction per document). The dialog runs the two steps in two workers with the officer's
review between them; ``import_paths`` runs them file by file. Qt-free: ``progress`` and
``cancel`` are plain callables. One bad file never stops the others and never leaves
anything half-written.
"""

from __future__ import annotations

import datetime
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy.orm import Session

from briefer.errors import BrieferError, DuplicateSourceError
from briefer.ingest.kind import suggest_kind
from briefer.ingest.model import Document
from briefer.ingest.readers import supported_suffixes
from briefer.ingest.tagger import TopicTerms
from briefer.labels import counted
from briefer.library import asks, batched_write, import_pool, near_duplicates, tagging
from briefer.library.near_duplicates import NearDuplicate
from briefer.library.sources import (
    SourceFields,
    add_document_ids,
    document_title,
    duplicate_reason,
    find_duplicate,
    find_previous_version,
    import_new_version,
    prepare_tags,
    source_info,
)
from briefer.library.views import SourceInfo, SourceKind, parse_kind
from briefer.store import ReadSession, Store, UnitOfWork, pending
from briefer.store.models import Source

__all__ = [
    "FileResult",
    "ImportItem",
    "ImportProgress",
    "ImportSummary",
    "NearDuplicatePolicy",
    "ReadFile",
    "ReadProgress",
    "Status",
    "check_document",
    "expand_paths",
    "import_new_version",
    "import_one",
    "import_paths",
    "import_read",
    "read_one",
    "read_paths",
    "suggest_kind",
]

Status = Literal["imported", "would_import", "duplicate", "near_duplicate", "failed", "skipped"]
ReadStatus = Literal["ready", "duplicate", "failed", "skipped"]
#: What to do with a file that reads like a source already in: hold it and say so ("ask"),
#: or import it beside that source ("keep_both"). "New version of" is ``import_new_version``.
NearDuplicatePolicy = Literal["ask", "keep_both"]
FieldsFor = Callable[[Path, Document], SourceFields]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one file. ``source`` is set when imported; the preview fields
    (title, kind, date, passages) are set when imported or in a dry run."""

    path: Path
    status: Status
    reason: str = ""
    source: SourceInfo | None = None
    existing_id: int | None = None
    title: str = ""
    kind: str = ""
    date: date | None = None
    passages: int = 0
    format: str = ""
    previous_version_id: int | None = None  # a source this file may be a new version of
    near_duplicates: tuple[NearDuplicate, ...] = ()  # sources it reads like
    attachments: tuple[str, ...] = ()  # an e-mail's attachments, importable one by one
    file_date: datetime.date | None = None  # the file's property date, when the text differs


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Reported after each file: ``done`` of ``total`` files handled, the latest result."""

    done: int
    total: int
    result: FileResult


@dataclass(frozen=True, slots=True)
class ImportSummary:
    results: tuple[FileResult, ...] = ()
    cancelled: bool = False
    not_started: tuple[Path, ...] = field(default_factory=tuple)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def would_import(self) -> int:
        return self.count("would_import")

    @property
    def duplicate(self) -> int:
        return self.count("duplicate")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def near_duplicate(self) -> int:
        return self.count("near_duplicate")

    def counts(self) -> dict[str, int]:
        return {
            "imported": self.imported,
            "would_import": self.would_import,
            "duplicate": self.duplicate,
            "near_duplicate": self.near_duplicate,
            "failed": self.failed,
            "skipped": self.skipped,
            "not_started": len(self.not_started),
        }

    def line(self) -> str:
        """ "N imported, N duplicate, N failed, N skipped" (plus dry-run and cancel notes)."""
        head = f"{self.imported} imported"
        if self.would_import:
            head = f"{self.would_import} would be imported"
        text = f"{head}, {self.duplicate} duplicate, {self.failed} failed, {self.skipped} skipped"
        if self.near_duplicate:
            held = counted(
                self.near_duplicate, "held as a near-duplicate", "held as near-duplicates"
            )
            text += f", {held}"
        if self.cancelled:
            not_started = counted(len(self.not_started), "file", "files")
            text += f"; cancelled with {not_started} not started"
        return text


def _skip_reason(path: Path, suffixes: frozenset[str]) -> str:
    if path.name.startswith("~$"):
        return "temporary file (an Office lock file)"
    if path.suffix.lower() not in suffixes:
        return f"unsupported file type ({path.suffix or 'no extension'})"
    return ""


def expand_paths(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files to import, with a skip reason ("" = import it), folders expanded recursively.

    Files named explicitly are always tried (the reader says why one cannot be read); files
    found in folders are skipped when hidden or of a type no reader handles.
    """
    suffixes = supported_suffixes()
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.is_dir():
            if path not in seen:
                seen.add(path)
                out.append((path, ""))
            continue
        for found in sorted(path.rglob("*")):
            if not found.is_file() or found in seen:
                continue
            seen.add(found)
            rel = found.relative_to(path).parts
            if any(part.startswith(".") for part in rel):
                out.append((found, "hidden file"))
            else:
                out.append((found, _skip_reason(found, suffixes)))
    return out


def _fields(fields_for: FieldsFor | SourceFields, path: Path, doc: Document) -> SourceFields:
    return fields_for(path, doc) if callable(fields_for) else fields_for


@dataclass(frozen=True, slots=True)
class ReadFile:
    """The reading step's answer for one file or pasted text, before anything is written.

    ``status`` is "ready" (``document`` set), "duplicate" (its content is already in the store,
    ``existing_id``, or earlier in the same batch), "failed" or "skipped" (``reason`` says why).
    ``kind`` is the suggested kind (the same as ``--kind auto``); ``previous_version_id`` names
    a source this may be a new version of (same file name or title, other content).
    """

    name: str
    status: ReadStatus
    reason: str = ""
    path: Path | None = None
    document: Document | None = None
    kind: SourceKind = "other"
    existing_id: int | None = None
    previous_version_id: int | None = None
    previous_title: str = ""
    previous_kind: SourceKind | None = None

    def as_result(self) -> FileResult:
        """A file that never reached the importing step, as a summary row."""
        status: Status = "failed" if self.status == "ready" else self.status
        return FileResult(
            self.path or Path(self.name), status, self.reason, existing_id=self.existing_id
        )


@dataclass(frozen=True, slots=True)
class ReadProgress:
    """Reported after each file read: ``done`` of ``total``, the latest answer."""

    done: int
    total: int
    file: ReadFile


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One read document and the officer's values for it; ``new_version_of`` a source id;
    ``keep_both``: the officer chose to import it beside the sources it reads like."""

    read: ReadFile
    fields: SourceFields
    new_version_of: int | None = None
    keep_both: bool = False


def check_document(
    store: Store,
    doc: Document,
    name: str = "",
    path: Path | None = None,
    batch_hashes: dict[str, str] | None = None,
) -> ReadFile:
    """Duplicate and previous-version checks for a read document (read-only).

    ``batch_hashes`` (content hash -> name) flags the same content twice in one batch.
    """
    name = name or doc.origin or (path.name if path else "")
    kind = parse_kind(suggest_kind(doc))
    with ReadSession(store) as session:
        existing = find_duplicate(session, doc)
        if existing is not None:
            return ReadFile(
                name,
                "duplicate",
                duplicate_reason(doc, existing),
                path,
                doc,
                kind,
                existing_id=existing.id,
            )
        previous = find_previous_version(session, doc)
        if previous is not None:
            prev_id, prev_title, prev_kind = previous.id, previous.title, previous.kind
    if batch_hashes is not None:
        first = batch_hashes.setdefault(doc.content_hash, name)
        if first != name:
            return ReadFile(
                name, "duplicate", f"{name} has the same text as {first}.", path, doc, kind
            )
    if previous is None:
        return ReadFile(name, "ready", path=path, document=doc, kind=kind)
    return ReadFile(
        name,
        "ready",
        path=path,
        document=doc,
        kind=kind,
        previous_version_id=prev_id,
        previous_title=prev_title,
        previous_kind=parse_kind(prev_kind),
    )


def read_one(
    store: Store,
    path: Path,
    skip: str = "",
    batch_hashes: dict[str, str] | None = None,
    ocr: bool = False,
) -> ReadFile:
    """The reading step for one file: read it, suggest its kind, check it against the store
    (``ocr``: a scanned PDF is read with Tesseract)."""
    if skip:
        return ReadFile(path.name, "skipped", skip, path)
    doc, reason = import_pool.read_file(path, ocr)
    if doc is None:
        return ReadFile(path.name, "failed", reason, path)
    return check_document(store, doc, path.name, path, batch_hashes)


def read_paths(
    store: Store,
    paths: Sequence[Path],
    progress: Callable[[ReadProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> tuple[list[ReadFile], bool]:
    """The reading step for a batch (folders expanded, lock files and repeats dropped).

    Returns the answers and whether the officer cancelled; ``cancel`` is polled between
    files. With ``workers`` (default ``import_pool.worker_count()``) and at least
    ``import_pool.MIN_PARALLEL_FILES`` files, the files are read in worker processes and
    checked against the store here, in order (the same answers).
    """
    todo = expand_paths(paths)
    hashes: dict[str, str] = {}
    out: list[ReadFile] = []
    count = workers if workers is not None else import_pool.worker_count()
    readable = sum(1 for _, skip in todo if not skip)
    pool = None
    if count >= 2 and readable >= import_pool.MIN_PARALLEL_FILES:
        pool = import_pool.make_pool(min(count, readable))
    try:
        jobs = [
            None if skip or pool is None else pool.submit(import_pool.read_file, path)
            for path, skip in todo
        ]
        for i, (path, skip) in enumerate(todo):
            if cancel is not None and cancel():
                return out, True
            job = jobs[i]
            if job is None:
                read = read_one(store, path, skip, hashes)
            else:
                doc, reason = job.result()
                if doc is None:
                    read = ReadFile(path.name, "failed", reason, path)
                else:
                    read = check_document(store, doc, path.name, path, hashes)
            out.append(read)
            if progress is not None:
                progress(ReadProgress(i + 1, len(todo), read))
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return out, False


def _preview(doc: Document, fields: SourceFields) -> dict[str, object]:
    p = doc.proposed
    return {
        "title": (fields.title if fields.title is not None else p.title) or doc.origin,
        "kind": fields.kind,
        "date": fields.date if fields.date is not None else p.date,
        "passages": len(doc.segments),
        "format": doc.format,
        "attachments": tuple(a for a in p.extra.get("attachments", "").split("; ") if a),
        "file_date": _iso(p.extra.get("file_date", "")),
    }


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def import_one(
    store: Store,
    item: ImportItem,
    dry_run: bool = False,
    near_duplicate: NearDuplicatePolicy = "ask",
    cancel: Callable[[], bool] | None = None,
) -> FileResult:
    """The importing step for one read document: one transaction, or nothing written.

    A document of more than ``pending.BATCH_PASSAGES`` passages going into a store file is
    written in batches instead (``batched_write``), hidden from every read until its last
    batch; ``cancel`` is polled between them and raises ``Cancelled`` with nothing left.

    A document that reads like a source already in (``near_duplicates``) is held with the
    officer's three choices unless ``near_duplicate`` is "keep_both" or it is imported as a
    new version; never imported, or refused, silently."""
    read = item.read
    path = read.path or Path(read.name)
    if read.status != "ready" or read.document is None:
        return read.as_result()
    doc = read.document
    preview = _preview(doc, item.fields)
    hashes = near_duplicates.sketch(near_duplicates.content_text(doc))
    if dry_run:
        with ReadSession(store) as session:
            similar = tuple(near_duplicates.find_near_duplicates(session, hashes))
        return FileResult(
            path,
            "would_import",
            near_duplicates.offer(similar, path) if similar else "",
            **preview,  # type: ignore[arg-type]
            previous_version_id=read.previous_version_id,
            near_duplicates=similar,
        )
    try:
        # scored and read for the ledger outside the write lock
        prepared, reading = _prepare(store, doc, item.fields)
        if batched_write.needs_batches(store, doc, BATCH_PASSAGES):
            return _write_large(
                store, read.name, path, item, hashes, prepared, near_duplicate, reading, cancel
            )
        with UnitOfWork(store) as uow:
            result = _write(
                uow.session,
                read.name,
                path,
                item,
                hashes,
                prepared,
                near_duplicate,
                reading=reading,
            )
            if result.status == "imported":
                uow.commit()
    except batched_write.Cancelled:
        raise
    except BrieferError as exc:
        return FileResult(path, "failed", str(exc))
    except Exception as exc:
        return FileResult(
            path, "failed", f"{read.name} could not be imported ({type(exc).__name__}: {exc})."
        )
    return result


#: Passages per transaction of a very large document (``batched_write``); None: the store's
#: default, ``pending.BATCH_PASSAGES`` (tests lower it to exercise several batches).
BATCH_PASSAGES: int | None = None


def _write_large(
    store: Store,
    name: str,
    path: Path,
    item: ImportItem,
    hashes: Sequence[int],
    prepared: tagging.PreparedTags | None,
    near_duplicate: NearDuplicatePolicy,
    reading: asks.Reading | None,
    cancel: Callable[[], bool] | None,
) -> FileResult:
    """``_write`` for a very large document: checked, then written in batches."""
    doc = item.read.document
    assert doc is not None
    preview = _preview(doc, item.fields)
    with ReadSession(store) as session:
        existing = find_duplicate(session, doc)
        if existing is not None:
            return FileResult(
                path, "duplicate", duplicate_reason(doc, existing), existing_id=existing.id
            )
        similar = tuple(near_duplicates.find_near_duplicates(session, hashes))
    held = _held_for_officer(path, item, similar, near_duplicate, preview)
    if held is not None:
        return held

    def ledger(passage_ids: list[int]) -> Callable[[Session, Source], None]:
        packed = None  # packed before the last transaction: seconds of CPU at 20 MB
        if reading is not None and asks.reads_by_passage(reading.kind):
            packed = asks.pack_reading(reading, passage_ids)

        def write(session: Session, src: Source) -> None:
            digest = asks.glossary_digest_for_session(session)
            if reading is None or not asks.record_reading(
                session, src.id, src.kind, reading, passage_ids, digest, packed
            ):
                glossary = asks.glossary_for_session(session)
                texts = {src.id: doc.text}
                asks.read_new_sources(session, [src.id], glossary=glossary, texts=texts)

        return write

    try:
        source_id, _ = batched_write.write_in_batches(
            store,
            doc,
            item.fields,
            previous_version_id=item.new_version_of,
            sketch=hashes,
            prepared=prepared,
            finish=ledger,
            cancel=cancel,
            batch=BATCH_PASSAGES,
        )
    except DuplicateSourceError as exc:
        return FileResult(path, "duplicate", str(exc), existing_id=exc.existing_id)
    with ReadSession(store) as session:
        src = session.get(Source, source_id)
        assert src is not None
        info = source_info(src, len(doc.segments))
    return FileResult(
        path,
        "imported",
        near_duplicates.offer(similar, path) if similar else "",
        source=info,
        previous_version_id=item.new_version_of,
        near_duplicates=similar,
        **preview,  # type: ignore[arg-type]
    )


def _ledger_reading(store: Store, doc: Document, fields: SourceFields) -> asks.Reading | None:
    """The asks ledger's reading of a document, made before its write transaction."""
    return asks.read_document(fields.kind, doc.text, doc.segments, asks.store_glossary(store))


def _prepare_tags(store: Store, doc: Document, fields: SourceFields) -> tagging.PreparedTags:
    """A document's tags, scored before its write transaction (see ``_prepare``)."""
    return _prepare(store, doc, fields, ledger=False)[0]


def _prepare(
    store: Store, doc: Document, fields: SourceFields, ledger: bool = True
) -> tuple[tagging.PreparedTags, asks.Reading | None]:
    """A document's tags and the ledger's reading of it, made before its write transaction;
    a very long one's passages in slices across worker processes, both at once
    (``import_pool.prepare_tags_parallel``, ``import_pool.submit_ledger_slices``: an official
    20 MB report's reading took a minute of this process's CPU)."""
    slices = import_pool.content_passages(doc.segments) // import_pool.TAG_SLICE
    workers = min(import_pool.worker_count(), slices)
    if workers < 2:
        tags = prepare_tags(store, doc, fields)
        return tags, _ledger_reading(store, doc, fields) if ledger else None
    with ReadSession(store) as session:
        key = tagging.tagger_key(session)
    with import_pool.make_pool(workers) as pool:
        jobs = None
        if ledger and asks.reads_by_passage(fields.kind):
            jobs = import_pool.submit_ledger_slices(pool, doc.text, doc.segments, store.url)
        tags = import_pool.prepare_tags_parallel(
            pool, key, doc.text, document_title(doc, fields), doc.segments
        )
        reading = None
        if jobs is not None:
            digest = asks.store_glossary_digest(store)
            packed = tuple(job.result() for job in jobs)
            reading = asks.Reading(fields.kind, digest, [], [], packed)
        elif ledger:
            reading = _ledger_reading(store, doc, fields)
    return tags, reading


def _held_for_officer(
    path: Path,
    item: ImportItem,
    similar: tuple[near_duplicates.NearDuplicate, ...],
    near_duplicate: NearDuplicatePolicy,
    preview: dict[str, object],
) -> FileResult | None:
    """A near-duplicate held back for the officer's choice (new version / duplicate / keep
    both), never added silently; None when it goes in."""
    if not similar or near_duplicate != "ask" or item.keep_both or item.new_version_of is not None:
        return None
    return FileResult(
        path,
        "near_duplicate",
        near_duplicates.offer(similar, path),
        existing_id=similar[0].source_id,
        near_duplicates=similar,
        **preview,  # type: ignore[arg-type]
    )


def _write(
    session: Session,
    name: str,
    path: Path,
    item: ImportItem,
    hashes: Sequence[int],
    prepared: tagging.PreparedTags | None,
    near_duplicate: NearDuplicatePolicy,
    checked: bool = False,
    key_now: tuple[TopicTerms, ...] | None = None,
    reading: asks.Reading | None = None,
) -> FileResult:
    """Add one read document in the caller's transaction (nothing is committed here); a
    near-duplicate held for the officer's choice writes nothing. ``checked`` and ``key_now``
    as for ``add_document``; ``reading``: the ledger's reading of it, made beforehand (else,
    or when made for another kind or glossary, it is read here)."""
    doc = item.read.document
    assert doc is not None
    preview = _preview(doc, item.fields)
    try:
        similar = tuple(near_duplicates.find_near_duplicates(session, hashes))
        held = _held_for_officer(path, item, similar, near_duplicate, preview)
        if held is not None:
            return held
        src, passage_ids = add_document_ids(
            session,
            doc,
            item.fields,
            previous_version_id=item.new_version_of,
            sketch=hashes,
            prepared=prepared,
            checked=checked,
            tagger_key=key_now,
        )
        # The ledger's reading of the new source, written once, here (its refresh only
        # aligns); read beforehand, outside the write lock, when it can be.
        digest = asks.glossary_digest_for_session(session)  # built only to read again
        if reading is None or not asks.record_reading(
            session, src.id, src.kind, reading, passage_ids, digest
        ):
            glossary = asks.glossary_for_session(session)
            asks.read_new_sources(session, [src.id], glossary=glossary, texts={src.id: doc.text})
        info = source_info(src, len(doc.segments))
    except DuplicateSourceError as exc:
        return FileResult(path, "duplicate", str(exc), existing_id=exc.existing_id)
    except BrieferError as exc:
        return FileResult(path, "failed", str(exc))
    except Exception as exc:
        return FileResult(
            path, "failed", f"{name} could not be imported ({type(exc).__name__}: {exc})."
        )
    return FileResult(
        path,
        "imported",
        near_duplicates.offer(similar, path) if similar else "",
        source=info,
        previous_version_id=item.new_version_of,
        near_duplicates=similar,
        **preview,  # type: ignore[arg-type]
    )


def import_read(
    store: Store,
    items: Sequence[ImportItem],
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportSummary:
    """The importing step for a batch already read (the import dialog's second worker)."""
    results: list[FileResult] = []
    pending.discard_stale(store)  # what an import killed mid-way left
    for i, item in enumerate(items):
        cancelled = cancel is not None and cancel()
        if not cancelled:
            try:
                result = import_one(store, item, cancel=cancel)
            except batched_write.Cancelled:
                cancelled = True
        if cancelled:
            return ImportSummary(
                tuple(results), True, tuple(it.read.path or Path(it.read.name) for it in items[i:])
            )
        results.append(result)
        if progress is not None:
            progress(ImportProgress(i + 1, len(items), result))
    return ImportSummary(tuple(results))


#: A batch of the parallel import commits when it holds this many files or has held the
#: write lock this long, or when the next file is not read yet (the lock is never held while
#: waiting for a worker): other writers wait for a batch, never for the whole import.
BATCH_FILES = 100
BATCH_SECONDS = 0.5


def import_paths(
    store: Store,
    paths: Sequence[Path],
    fields_for: FieldsFor | SourceFields,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    dry_run: bool = False,
    near_duplicate: NearDuplicatePolicy = "ask",
    ocr: bool = False,
    workers: int | None = None,
) -> ImportSummary:
    """Import files and folders (the CLI's way).

    See the module docstring for the guarantees.

    ``fields_for`` gives the officer's values per file (or one ``SourceFields`` for all);
    ``cancel`` is polled between files; ``dry_run`` reads and checks but writes nothing;
    ``near_duplicate`` says what happens to a file that reads like a source already in;
    ``ocr`` reads scanned PDFs with Tesseract (``ingest.ocr``); ``workers``: processes that
    read and tag (default ``import_pool.worker_count()``; fewer than 2, a dry run or fewer
    than ``import_pool.MIN_PARALLEL_FILES`` files: each file read and imported in turn, one
    transaction per file). With workers, files are written in batches (``BATCH_FILES``,
    ``BATCH_SECONDS``): a batch is one transaction, all of it or none of it on disk, and a
    file's progress is reported once its batch is committed. Either way the store ends with
    the same sources, passages and tags, in the same order.
    """
    todo = expand_paths(paths)
    count = workers if workers is not None else import_pool.worker_count()
    readable = sum(1 for _, skip in todo if not skip)
    if not dry_run:
        pending.discard_stale(store)  # what an import killed mid-way left
    if not dry_run and count >= 2 and readable >= import_pool.MIN_PARALLEL_FILES:
        return _import_parallel(
            store, todo, fields_for, progress, cancel, near_duplicate, ocr, min(count, readable)
        )
    results: list[FileResult] = []
    for i, (path, skip) in enumerate(todo):
        if cancel is not None and cancel():
            return ImportSummary(tuple(results), True, tuple(p for p, _ in todo[i:]))
        read = read_one(store, path, skip, ocr=ocr)
        if read.status == "ready" and read.document is not None:
            fields = _fields(fields_for, path, read.document)
            try:
                result = import_one(
                    store, ImportItem(read, fields), dry_run, near_duplicate, cancel
                )
            except batched_write.Cancelled:
                return ImportSummary(tuple(results), True, tuple(p for p, _ in todo[i:]))
        else:
            result = read.as_result()
        results.append(result)
        if progress is not None:
            progress(ImportProgress(i + 1, len(todo), result))
    return ImportSummary(tuple(results))


def _import_parallel(
    store: Store,
    todo: list[tuple[Path, str]],
    fields_for: FieldsFor | SourceFields,
    progress: Callable[[ImportProgress], None] | None,
    cancel: Callable[[], bool] | None,
    near_duplicate: NearDuplicatePolicy,
    ocr: bool,
    workers: int,
) -> ImportSummary:
    """``import_paths`` with reading, segmenting, tagging and sketching in ``workers``
    processes and this process the one writer, committing in batches, in the files' order.

    Cancelling rolls back the batch not yet committed; its files are reported not started,
    so the summary always says exactly what is in the store."""
    with ReadSession(store) as session:
        key = tagging.tagger_key(session)
    fixed = fields_for.title if isinstance(fields_for, SourceFields) else None
    title_of = (fixed or "").strip()
    kind_of = fields_for.kind if isinstance(fields_for, SourceFields) else ""
    results: list[FileResult] = []
    pending: list[FileResult] = []  # written in the open batch, not yet committed
    ahead = workers * 4  # files read ahead of the writer (bounds memory)
    queue: deque[tuple[Path, str, Future[import_pool.Prepared] | None]] = deque()
    total = len(todo)
    uow: UnitOfWork | None = None
    key_now = key
    opened = 0.0
    mark: tuple[int, int, int] | None = None  # the store as the last batch left it
    cancelled_at: int | None = None
    pool = import_pool.make_pool(workers)
    feed = iter(todo)

    def refill() -> None:
        while len(queue) < ahead:
            nxt = next(feed, None)
            if nxt is None:
                return
            path, skip = nxt
            job = None
            if not skip:
                job = pool.submit(
                    import_pool.prepare_file, path, ocr, key, title_of, kind_of, store.url
                )
            queue.append((path, skip, job))

    def flush() -> None:
        nonlocal uow, mark
        if uow is not None:
            mark = _write_mark(uow.session)  # the batch's own writes included
            try:
                uow.commit()
            finally:
                uow.__exit__(None, None, None)
                uow = None
        for result in pending:
            results.append(result)
            if progress is not None:
                progress(ImportProgress(len(results), total, result))
        pending.clear()

    try:
        refill()
        index = 0
        while queue:
            if cancel is not None and cancel():
                cancelled_at = len(results)
                break
            path, skip, job = queue.popleft()
            if job is None:
                pending.append(ReadFile(path.name, "skipped", skip, path).as_result())
            else:
                if uow is not None and not job.done():
                    flush()  # never hold the write lock while waiting for a worker
                prepared = job.result()
                refill()
                doc = prepared.document
                if doc is not None and batched_write.needs_batches(store, doc, BATCH_PASSAGES):
                    flush()  # a very large file: its own batches, the lock free between them
                    try:
                        pending.append(
                            _import_prepared_large(
                                store, prepared, fields_for, near_duplicate, cancel
                            )
                        )
                    except batched_write.Cancelled:
                        cancelled_at = len(results)
                        break
                    flush()
                    index += 1
                    continue
                if uow is None:
                    uow = UnitOfWork(store).__enter__()
                    opened = time.perf_counter()
                    # read once per batch (nobody else writes while the batch holds the
                    # lock), and only when something was committed since the last batch
                    now = _write_mark(uow.session)
                    if now is None or now != mark:
                        key_now = tagging.tagger_key(uow.session)
                pending.append(
                    _write_prepared(
                        store, uow.session, prepared, fields_for, near_duplicate, key_now
                    )
                )
            index += 1
            if len(pending) >= BATCH_FILES or (
                uow is not None and time.perf_counter() - opened >= BATCH_SECONDS
            ):
                flush()
        if cancelled_at is None:
            flush()
    except BaseException:
        if uow is not None:
            uow.__exit__(None, None, None)  # rolls the open batch back
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if cancelled_at is not None:
        if uow is not None:
            uow.__exit__(None, None, None)  # not committed: rolled back
        return ImportSummary(tuple(results), True, tuple(p for p, _ in todo[cancelled_at:]))
    return ImportSummary(tuple(results))


def _write_mark(session: Session) -> tuple[int, int, int] | None:
    """Where a SQLite store file stands for this session's connection: its identity,
    ``PRAGMA data_version`` (changes with every commit by another connection) and the
    rows this connection has changed. Two equal marks mean nothing was written to the store
    in between, so the topics' terms read at the first are still the store's; None
    elsewhere (always read again)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return None
    raw = conn.connection.driver_connection
    version = conn.exec_driver_sql("PRAGMA data_version").scalar()
    return (id(raw), int(version or 0), int(getattr(raw, "total_changes", -1)))


def _import_prepared_large(
    store: Store,
    prepared: import_pool.Prepared,
    fields_for: FieldsFor | SourceFields,
    near_duplicate: NearDuplicatePolicy,
    cancel: Callable[[], bool] | None,
) -> FileResult:
    """A worker-read very large file, written in its own batches (``_write_large``)."""
    doc = prepared.document
    assert doc is not None
    path = prepared.path
    fields = _fields(fields_for, path, doc)
    tags = prepared.tags
    if tags is None or document_title(doc, fields) != prepared.title:
        tags = prepare_tags(store, doc, fields)
    item = ImportItem(ReadFile(path.name, "ready", path=path, document=doc), fields)
    try:
        return _write_large(
            store,
            path.name,
            path,
            item,
            prepared.sketch,
            tags,
            near_duplicate,
            prepared.ledger,
            cancel,
        )
    except batched_write.Cancelled:
        raise
    except BrieferError as exc:
        return FileResult(path, "failed", str(exc))
    except Exception as exc:
        return FileResult(
            path, "failed", f"{path.name} could not be imported ({type(exc).__name__}: {exc})."
        )


def _write_prepared(
    store: Store,
    session: Session,
    prepared: import_pool.Prepared,
    fields_for: FieldsFor | SourceFields,
    near_duplicate: NearDuplicatePolicy,
    key_now: tuple[TopicTerms, ...] | None = None,
) -> FileResult:
    """One worker-read file into the open batch, inside a savepoint: a file that fails
    leaves the batch as it was before it. ``key_now``: the topics' terms as this batch's
    transaction reads them."""
    path = prepared.path
    doc = prepared.document
    if doc is None:
        return FileResult(path, "failed", prepared.reason)
    existing = find_duplicate(session, doc)  # before the near-duplicates, as read_one does
    if existing is not None:
        return FileResult(
            path, "duplicate", duplicate_reason(doc, existing), existing_id=existing.id
        )
    fields = _fields(fields_for, path, doc)
    tags = prepared.tags
    if tags is None or document_title(doc, fields) != prepared.title:
        tags = prepare_tags(store, doc, fields)  # the officer's title: scored with it
    item = ImportItem(ReadFile(path.name, "ready", path=path, document=doc), fields)
    savepoint = session.begin_nested()
    result = _write(
        session,
        path.name,
        path,
        item,
        prepared.sketch,
        tags,
        near_duplicate,
        True,
        key_now,
        prepared.ledger,
    )
    if result.status == "imported":
        savepoint.commit()
    else:
        savepoint.rollback()
    return result
