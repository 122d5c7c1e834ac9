"""The CPU-bound half of an import, in worker processes: read, segment, tag, sketch.

Reading a file, segmenting it, scoring its passages for topics, hashing its shingles and
reading it for the asks ledger (``asks.read_document``: its asks or answering sentences and
their terms, keyed by passage ordinal) are pure Python and need nothing from the store but
the topics' terms (``tagging.tagger_key``) and the glossary,
so ``library.importing`` hands them to a :class:`~concurrent.futures.ProcessPoolExecutor`
and keeps one writer, in the calling process, that checks and commits the results in order.
A very long document's passages are also scored in slices across the pool
(:func:`prepare_tags_parallel`), with the same result as one pass: the tagger is
deterministic and each slice is told how many content passages come before it.

The pool uses the ``spawn`` start method on every platform (the default on Windows and
macOS; a forked child of a Qt or SQLAlchemy process inherits threads and connections it must
not touch), so everything a worker receives or returns is a plain picklable value and the
worker functions are module-level. Workers never open the store.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import BrieferError
from briefer.ingest.kind import suggest_kind
from briefer.ingest.model import PATH_SEPARATOR, Document, Segment
from briefer.ingest.readers import read_path
from briefer.ingest.tagger import TopicTerms
from briefer.library import asks, near_duplicates, tagging
from briefer.library.views import parse_kind

#: Below this many files a pool costs more to start (about 1 s a worker: imports and the
#: tagger's alias forms) than it saves.
MIN_PARALLEL_FILES = 16

#: Content passages per slice when one document is scored across the pool; a document
#: with fewer than two slices' worth is scored in the calling process.
TAG_SLICE = 20_000


def worker_count() -> int:
    """Worker processes for an import: one per core (``BRIEFER_IMPORT_WORKERS`` overrides;
    0 or 1 means read in the calling process)."""
    env = os.environ.get("BRIEFER_IMPORT_WORKERS", "").strip()
    if env.isdigit():
        return int(env)
    return os.cpu_count() or 1


def make_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file read in a worker: the document (or why it could not be read), its tags scored
    with ``key`` and its near-duplicate sketch."""

    path: Path
    document: Document | None = None
    reason: str = ""
    tags: tagging.PreparedTags | None = None
    sketch: tuple[int, ...] = ()
    title: str = ""  # the title the tags were scored with
    ledger: asks.Reading | None = None  # the asks ledger's reading of it


def read_file(path: Path, ocr: bool = False) -> tuple[Document | None, str]:
    """Read one file (runs in a worker): the document, or None and why it cannot be read,
    in the words ``importing.read_one`` uses."""
    try:
        return read_path(path, ocr=ocr), ""
    except BrieferError as exc:
        return None, str(exc)
    except Exception as exc:
        return None, f"{path.name} could not be read ({type(exc).__name__}: {exc})."


def prepare_file(
    path: Path,
    ocr: bool,
    key: tuple[TopicTerms, ...],
    title_of: str,
    kind_of: str = "",
    store_url: str = "",
) -> Prepared:
    """Read one file and do the store-free work of importing it (runs in a worker): its
    tags, its sketch and the asks ledger's reading of it.

    ``title_of``: "" to score with the document's proposed title (what ``import_paths``
    does when the officer gives no title), else that title; ``kind_of``: the kind it will
    be imported as, "" for its suggested kind; ``store_url``: whose glossary to read with.
    The writer checks the kind and the glossary and reads again if either differs."""
    doc, reason = read_file(path, ocr)
    if doc is None:
        return Prepared(path, reason=reason)
    title = title_of or doc.proposed.title.strip() or doc.origin or "Untitled source"
    # each passage tokenised once, for the tagger and the ledger's reading
    words = tagging.passage_words(doc.text, doc.segments)
    tags = tagging.prepare_tags_with(key, doc.text, title, doc.segments, words)
    sketch = tuple(near_duplicates.sketch(near_duplicates.content_text(doc)))
    kind = kind_of or parse_kind(suggest_kind(doc))
    glossary = asks.glossary_for_url(store_url)
    ledger = asks.read_document(kind, doc.text, doc.segments, glossary, words)
    return Prepared(path, doc, tags=tags, sketch=sketch, title=title, ledger=ledger)


def score_slice(
    key: tuple[TopicTerms, ...],
    text: str,
    title: str,
    rows: Sequence[tuple[int, int, int, int, str, str]],
    first_position: int,
) -> tagging.TagRows:
    """Score one slice of a long document's content passages (runs in a worker); the tags
    come back as flat rows (``tagging.TagRows``), not objects."""
    tagger = tagging.tagger_for_key(key)
    return tagging.TagRows.of(
        tagging.score_passages(tagger, {0: (text, title)}, rows, first_position=first_position)
    )


def prepare_tags_parallel(
    pool: Executor, key: tuple[TopicTerms, ...], text: str, title: str, segments: Sequence[Segment]
) -> tagging.PreparedTags:
    """``tagging.prepare_tags_with`` for a long document, its passages scored in slices of
    ``TAG_SLICE`` across ``pool`` (the same tags, in the same order)."""
    rows = [
        (i, 0, seg.start, seg.end, PATH_SEPARATOR.join(seg.heading_path), seg.kind)
        for i, seg in enumerate(segments)
        if seg.content
    ]
    futures = []
    for lo in range(0, len(rows), TAG_SLICE):
        part = rows[lo : lo + TAG_SLICE]
        # each worker is sent its slice's span of the text, not the whole report again
        base, end = min(r[2] for r in part), max(r[3] for r in part)
        rebased = [(i, sid, a - base, b - base, path, kind) for i, sid, a, b, path, kind in part]
        futures.append(pool.submit(score_slice, key, text[base:end], title, rebased, lo))
    tags = tagging.TagRows()
    for future in futures:
        tags.extend(future.result())
    return tagging.PreparedTags(key, tags)


def read_official_slice(
    text: str, segments: Sequence[Segment], first: int, store_url: str
) -> bytes:
    """The ledger's reading of one slice of a long official document (runs in a worker),
    packed (``asks.Reading.official_slices``)."""
    return asks.pack_slice(
        asks.read_official(text, segments, asks.glossary_for_url(store_url), first)
    )


def submit_ledger_slices(
    pool: Executor, text: str, segments: Sequence[Segment], store_url: str
) -> list[Future[bytes]]:
    """The ledger's reading of a long document passage by passage, in slices of
    ``TAG_SLICE`` passages across ``pool``, packed; in order, they are
    ``asks.Reading.official_slices``."""
    return [
        pool.submit(read_official_slice, text, segments[lo : lo + TAG_SLICE], lo, store_url)
        for lo in range(0, len(segments), TAG_SLICE)
    ]


def content_passages(segments: Sequence[Segment]) -> int:
    return sum(1 for seg in segments if seg.content)
