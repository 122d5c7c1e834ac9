"""Batch import: files and folders in, one transaction per file, a summary out.

Qt-free so the GUI can run it in a worker thread (``progress`` and ``cancel`` are plain
callables) and the CLI can run it directly. One bad file never stops the others and never
leaves anything half-written: each file is read first, then added and committed on its own.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from briefer.errors import BrieferError, DuplicateSourceError
from briefer.ingest.kind import suggest_kind
from briefer.ingest.model import Document
from briefer.ingest.readers import read_path, supported_suffixes
from briefer.library import near_duplicates
from briefer.library.near_duplicates import NearDuplicate
from briefer.library.sources import (
    SourceFields,
    add_document,
    find_duplicate,
    find_previous_version,
    import_new_version,
    source_info,
)
from briefer.library.views import SourceInfo
from briefer.store import ReadSession, Store, UnitOfWork
from briefer.store.models import Source

__all__ = [
    "FileResult",
    "ImportProgress",
    "ImportSummary",
    "NearDuplicatePolicy",
    "Status",
    "expand_paths",
    "import_new_version",
    "import_paths",
    "suggest_kind",
]

Status = Literal["imported", "would_import", "duplicate", "near_duplicate", "failed", "skipped"]
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
            text += f", {self.near_duplicate} held as near-duplicate(s)"
        if self.cancelled:
            text += f"; cancelled with {len(self.not_started)} file(s) not started"
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


def _import_one(
    store: Store,
    path: Path,
    fields_for: FieldsFor | SourceFields,
    dry_run: bool,
    policy: NearDuplicatePolicy = "ask",
    ocr: bool = False,
) -> FileResult:
    try:
        doc = read_path(path, ocr=ocr)
        fields = _fields(fields_for, path, doc)
        preview = _preview(doc, fields)
        hashes = near_duplicates.sketch(near_duplicates.content_text(doc))
        if dry_run:
            with ReadSession(store) as session:
                existing = find_duplicate(session, doc)
                if existing is not None:
                    return FileResult(
                        path, "duplicate", _duplicate_reason(doc, existing), existing_id=existing.id
                    )
                previous = find_previous_version(session, doc)
                previous_id = previous.id if previous is not None else None
                similar = tuple(near_duplicates.find_near_duplicates(session, hashes))
            return FileResult(
                path,
                "would_import",
                near_duplicates.offer(similar, path) if similar else "",
                **preview,  # type: ignore[arg-type]
                previous_version_id=previous_id,
                near_duplicates=similar,
            )
        with UnitOfWork(store) as uow:
            similar = tuple(near_duplicates.find_near_duplicates(uow.session, hashes))
            if similar and policy == "ask" and find_duplicate(uow.session, doc) is None:
                # Never silently: the officer chooses new version / duplicate / keep both.
                return FileResult(
                    path,
                    "near_duplicate",
                    near_duplicates.offer(similar, path),
                    existing_id=similar[0].source_id,
                    near_duplicates=similar,
                    **preview,  # type: ignore[arg-type]
                )
            src = add_document(uow.session, doc, fields, sketch=hashes)
            info = source_info(src, len(doc.segments))
            uow.commit()
        return FileResult(
            path,
            "imported",
            near_duplicates.offer(similar, path) if similar else "",
            source=info,
            near_duplicates=similar,
            **preview,  # type: ignore[arg-type]
        )
    except DuplicateSourceError as exc:
        return FileResult(path, "duplicate", str(exc), existing_id=exc.existing_id)
    except BrieferError as exc:
        return FileResult(path, "failed", str(exc))
    except Exception as exc:
        return FileResult(
            path, "failed", f"{path.name} could not be read ({type(exc).__name__}: {exc})."
        )


def _duplicate_reason(doc: Document, existing: Source) -> str:
    return (
        f"{doc.origin or 'This text'} is already in the store as source "
        f"#{existing.id} “{existing.title}”."
    )


def import_paths(
    store: Store,
    paths: Sequence[Path],
    fields_for: FieldsFor | SourceFields,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    dry_run: bool = False,
    near_duplicate: NearDuplicatePolicy = "ask",
    ocr: bool = False,
) -> ImportSummary:
    """Import files and folders; see the module docstring for the guarantees.

    ``fields_for`` gives the officer's values per file (or one ``SourceFields`` for all);
    ``cancel`` is polled between files; ``dry_run`` reads and checks but writes nothing;
    ``near_duplicate`` says what happens to a file that reads like a source already in;
    ``ocr`` reads scanned PDFs with Tesseract (``ingest.ocr``).
    """
    todo = expand_paths(paths)
    results: list[FileResult] = []
    for i, (path, skip) in enumerate(todo):
        if cancel is not None and cancel():
            return ImportSummary(tuple(results), True, tuple(p for p, _ in todo[i:]))
        if skip:
            result = FileResult(path, "skipped", skip)
        else:
            result = _import_one(store, path, fields_for, dry_run, near_duplicate, ocr)
        results.append(result)
        if progress is not None:
            progress(ImportProgress(i + 1, len(todo), result))
    return ImportSummary(tuple(results))
