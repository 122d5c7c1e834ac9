"""Sources: importing, listing, showing, editing metadata, deleting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from briefer.errors import BrieferError, DuplicateSourceError, NotFoundError
from briefer.ingest.model import PATH_SEPARATOR
from briefer.ingest.readers import Document, read_path
from briefer.ingest.tagger import TopicTerms
from briefer.labels import counted
from briefer.library import near_duplicates, tagging
from briefer.library.views import (
    PassageInfo,
    PassageTag,
    SourceDetail,
    SourceInfo,
    SourceKind,
    split_path,
)
from briefer.store import ReadSession, Store, UnitOfWork, passage_index
from briefer.store.models import Passage, PassageTopic, Quote, Source, Topic
from briefer.store.pending import VISIBLE
from briefer.store.texts import source_text, text_span, write_text


@dataclass(frozen=True)
class SourceFields:
    """What the officer says about a source; ``None`` means "use the proposal"."""

    kind: SourceKind = "other"
    title: str | None = None
    short_title: str | None = None
    date: date | None = None
    organisations: tuple[str, ...] | None = None
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def source_info(src: Source, passage_count: int = 0) -> SourceInfo:
    return SourceInfo(
        id=src.id,
        title=src.title,
        short_title=src.short_title,
        kind=src.kind,  # type: ignore[arg-type]
        date=src.date,
        organisations=tuple(src.organisations or ()),
        language=src.language,
        origin=src.origin,
        imported_at=src.imported_at,
        passage_count=passage_count,
        previous_version_id=src.previous_version_id,
        url=src.url or "",
        reference=src.reference or "",
        marking=src.marking or "",
    )


def passage_info(
    p: Passage,
    text: str,
    topics: Sequence[str] = (),
    tags: Sequence[PassageTag] = (),
    *,
    base: int = 0,
) -> PassageInfo:
    """``text`` is the source's text from offset ``base`` on (the whole text by default)."""
    return PassageInfo(
        id=p.id,
        source_id=p.source_id,
        ordinal=p.ordinal,
        kind=p.kind,
        level=p.level,
        heading_path=split_path(p.heading_path),
        start=p.start,
        end=p.end,
        text=text[p.start - base : p.end - base],
        content=p.content,
        page=p.page,
        topics=tuple(topics),
        tags=tuple(tags),
    )


def find_duplicate(session: Session, doc: Document) -> Source | None:
    """The visible source with ``doc``'s text, if any. On SQLite its id is looked up with
    one plain statement (the import asks once per file, and the ORM's select cost 20 times
    the lookup), the row loaded only when there is one."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return session.scalar(select(Source).where(Source.content_hash == doc.content_hash))
    found = conn.exec_driver_sql(
        f"SELECT id FROM source AS s WHERE content_hash = ? AND {VISIBLE}", (doc.content_hash,)
    ).scalar()
    return None if found is None else session.get(Source, found)


def duplicate_reason(doc: Document, existing: Source) -> str:
    """Why ``doc`` is refused: its text is in the store already, as ``existing``."""
    return (
        f"{doc.origin or 'This text'} is already in the store as source "
        f"#{existing.id} “{existing.title}”."
    )


def add_document(
    session: Session,
    doc: Document,
    fields: SourceFields,
    *,
    previous_version_id: int | None = None,
    sketch: Sequence[int] | None = None,
    prepared: tagging.PreparedTags | None = None,
    checked: bool = False,
    tagger_key: tuple[TopicTerms, ...] | None = None,
) -> Source:
    """Add a read document as a source with its passages, tags and near-duplicate sketch
    (``sketch`` when the caller has computed it already); the caller commits.

    ``checked``: the caller has just looked for an exact duplicate in this transaction;
    ``tagger_key``: the store's ``tagging.tagger_key`` as read in this transaction (a batch
    reads it once)."""
    return add_document_ids(
        session,
        doc,
        fields,
        previous_version_id=previous_version_id,
        sketch=sketch,
        prepared=prepared,
        checked=checked,
        tagger_key=tagger_key,
    )[0]


def add_document_ids(
    session: Session,
    doc: Document,
    fields: SourceFields,
    *,
    previous_version_id: int | None = None,
    sketch: Sequence[int] | None = None,
    prepared: tagging.PreparedTags | None = None,
    checked: bool = False,
    tagger_key: tuple[TopicTerms, ...] | None = None,
) -> tuple[Source, list[int]]:
    """``add_document``, also returning the new passages' ids in ordinal order (the import
    writes the asks ledger's reading, made beforehand, keyed by ordinal)."""
    existing = None if checked else find_duplicate(session, doc)
    if existing is not None:
        raise DuplicateSourceError(duplicate_reason(doc, existing), existing.id)
    src = new_source(session, doc, fields, previous_version_id)
    session.add(src)
    session.flush()
    # the text before the passages: the search index reads a passage's text from its chunk
    write_text(session, src.id, doc.text, [(seg.start, seg.end) for seg in doc.segments])
    # One executemany rather than an ORM object per passage (import throughput), the text
    # indexed from the document in hand (store/passage_index.py).
    passage_ids = passage_index.add_passages(session, src.id, doc.text, passage_rows(doc))
    finish_document(session, doc, src.id, passage_ids, sketch, prepared, tagger_key)
    return src, passage_ids


def new_source(
    session: Session, doc: Document, fields: SourceFields, previous_version_id: int | None
) -> Source:
    """The ``Source`` row of a read document (not added to the session)."""
    proposed = doc.proposed
    title = document_title(doc, fields)
    organisations = list(
        fields.organisations if fields.organisations is not None else proposed.organisations
    )
    previous = session.get(Source, previous_version_id) if previous_version_id else None
    if previous is not None:
        title, organisations = _kept_corrections(previous, doc, fields, title, organisations)
    return Source(
        title=title,
        short_title=(fields.short_title or "").strip(),
        organisations=organisations,
        kind=fields.kind,
        date=fields.date if fields.date is not None else proposed.date,
        language=fields.language or proposed.language,
        origin=doc.origin,
        content_hash=doc.content_hash,
        previous_version_id=previous_version_id,
        extra={
            **proposed.extra,
            **fields.extra,
            "format": doc.format,
            # what the import read, so that a new version can tell the officer's corrections
            # (kept) from a reading that changed (taken)
            READ_TITLE: proposed.title,
            READ_ORGANISATIONS: "; ".join(proposed.organisations),
        },
    )


def passage_rows(doc: Document, lo: int = 0, hi: int | None = None) -> list[dict[str, object]]:
    """The ``passage`` rows of a document's segments ``lo:hi`` (``add_passages``)."""
    segments = doc.segments[lo:hi]
    return [
        {
            "ordinal": lo + i,
            "kind": seg.kind,
            "level": seg.level,
            "heading_path": PATH_SEPARATOR.join(seg.heading_path),
            "start": seg.start,
            "end": seg.end,
            "content": seg.content,
            "page": seg.page,
        }
        for i, seg in enumerate(segments)
    ]


def finish_document(
    session: Session,
    doc: Document,
    source_id: int,
    passage_ids: list[int],
    sketch: Sequence[int] | None,
    prepared: tagging.PreparedTags | None,
    tagger_key: tuple[TopicTerms, ...] | None,
    tag_rows: Sequence[tuple[int, int, float, bool]] | None = None,
) -> None:
    """A new source's near-duplicate sketch and tags, once its passages are in
    (``tag_rows``: ``tagging.prepared_rows`` of ``prepared``, built beforehand)."""
    if sketch is None:
        sketch = near_duplicates.sketch(near_duplicates.content_text(doc))
    near_duplicates.record(session, source_id, sketch)
    tagging.tag_new_source(session, source_id, prepared, passage_ids, tagger_key, tag_rows)


READ_TITLE = "read_title"
READ_ORGANISATIONS = "read_organisations"


def _same_names(a: Sequence[str], b: Sequence[str]) -> bool:
    return [" ".join(x.split()).casefold() for x in a] == [
        " ".join(x.split()).casefold() for x in b
    ]


def _kept_corrections(
    previous: Source,
    doc: Document,
    fields: SourceFields,
    title: str,
    organisations: list[str],
) -> tuple[str, list[str]]:
    """A new version keeps the title and organisations the officer gave the old one, unless
    the new file's own reading is clearly different: the officer's value stays when the new
    reading is empty or equals what the import read from the old version (the store records
    that reading in ``extra``; a source imported before it did keeps its organisations only
    when the new reading is empty). What the officer gives for this import always wins; the
    kind is the caller's (a new version is offered with the old one's kind)."""
    extra = previous.extra or {}
    if fields.organisations is None:
        read = extra.get(READ_ORGANISATIONS)
        old_read = [n for n in str(read).split("; ") if n] if read is not None else None
        new_read = list(doc.proposed.organisations)
        if not new_read or (old_read is not None and _same_names(new_read, old_read)):
            organisations = list(previous.organisations or [])
    if fields.title is None:
        old_title = extra.get(READ_TITLE)
        new_title = doc.proposed.title.strip()
        if not new_title or (old_title is not None and _same_names([new_title], [old_title])):
            title = previous.title
    return title, organisations


def document_title(doc: Document, fields: SourceFields) -> str:
    """The title a document gets as a source: the officer's, else the proposed one."""
    title = (fields.title if fields.title is not None else doc.proposed.title).strip()
    return title or doc.origin or "Untitled source"


def prepare_tags(store: Store, doc: Document, fields: SourceFields) -> tagging.PreparedTags:
    """Score a document's tags before its write transaction (``add_document(prepared=…)``),
    so a long report does not hold the store's write lock while it is scored."""
    with ReadSession(store) as s:
        return tagging.prepare_tags(s, doc.text, document_title(doc, fields), doc.segments)


def import_file(store: Store, path: Path, fields: SourceFields) -> SourceInfo:
    """Read and add one file, as one transaction."""
    return import_document(store, read_path(path), fields)


def import_document(store: Store, doc: Document, fields: SourceFields) -> SourceInfo:
    """Add one read document, as one transaction (its tags scored before it)."""
    prepared = prepare_tags(store, doc, fields)
    with UnitOfWork(store) as uow:
        src = add_document(uow.session, doc, fields, prepared=prepared)
        info = source_info(src, len(doc.segments))
        uow.commit()
    return info


def count_sources(store: Store) -> int:
    """How many sources the store holds (one indexed count: the window decides from it
    whether to list them before it shows or after)."""
    with ReadSession(store) as s:
        return int(s.scalar(select(func.count()).select_from(Source)) or 0)


def list_sources(store: Store, kind: str | None = None) -> list[SourceInfo]:
    """Every source's metadata, newest first: plain columns, never the texts (a listing of
    10,000 sources must not read ~200 MB)."""
    with ReadSession(store) as s:
        counts = dict(
            s.connection()
            .execute(select(Passage.source_id, func.count()).group_by(Passage.source_id))
            .all()
        )  # a source being imported has a count here but no row below (store/pending.py)
        stmt = select(
            Source.id,
            Source.title,
            Source.short_title,
            Source.kind,
            Source.date,
            Source.organisations,
            Source.language,
            Source.origin,
            Source.imported_at,
            Source.previous_version_id,
            Source.url,
            Source.reference,
            Source.marking,
        ).where(Source.importing.is_(None)).order_by(Source.date.desc().nulls_last(), Source.id)
        if kind:
            stmt = stmt.where(Source.kind == kind)
        return [
            SourceInfo(
                id=r.id,
                title=r.title,
                short_title=r.short_title,
                kind=r.kind,
                date=r.date,
                organisations=tuple(r.organisations or ()),
                language=r.language,
                origin=r.origin,
                imported_at=r.imported_at,
                passage_count=counts.get(r.id, 0),
                previous_version_id=r.previous_version_id,
                url=r.url or "",
                reference=r.reference or "",
                marking=r.marking or "",
            )
            # Core rows, not the ORM's result machinery: 10,000 rows 1.4 s -> 0.3 s
            for r in s.connection().execute(stmt)
        ]


def versions_of(store: Store, source_id: int) -> list[SourceInfo]:
    """Every version of a source, oldest first: the chain of ``previous_version_id`` links
    back from it and forward to the newest (one source alone when it has no other version).
    The navigator lists only the newest; the reader offers the others from here."""
    with ReadSession(store) as s:
        links = dict(
            s.execute(
                select(Source.id, Source.previous_version_id).where(
                    Source.previous_version_id.is_not(None)
                )
            ).all()
        )
        newer = {prev: sid for sid, prev in links.items()}
        chain = [source_id]
        while (prev := links.get(chain[0])) is not None and prev not in chain:
            chain.insert(0, prev)
        while (nxt := newer.get(chain[-1])) is not None and nxt not in chain:
            chain.append(nxt)
        found = {src.id: src for src in s.scalars(select(Source).where(Source.id.in_(chain)))}
        return [source_info(found[i]) for i in chain if i in found]


def get_source(
    store: Store,
    source_id: int,
    *,
    window: int | None = None,
    at_offset: int | None = None,
    at_passage: int | None = None,
    first: int = 0,
    evidence: bool | None = None,
) -> SourceDetail:
    """A source with its passages: all of them, or with ``window`` one page of that many
    (by ordinal: the page that holds ``at_passage``, else the one that holds the character
    ``at_offset``, else the one starting at passage ``first``).

    The reader asks for pages: a 20 MB report has 100,000 passages, and reading and laying
    out every one of them froze the window for seconds. With a window only the page's span of
    the text is read (``SourceDetail.text_start`` says where it starts), and the tagger's
    evidence is left out unless ``evidence`` is asked for: re-scoring a page of passages took
    0.3 s on the UI thread, where one passage's evidence (:func:`passage_evidence`) is
    enough. Without a window the whole text and the evidence come back, as before.
    """
    if evidence is None:
        evidence = window is None
    with ReadSession(store) as s:
        src = s.get(Source, source_id)
        if src is None:
            raise NotFoundError(f"There is no source #{source_id}.")
        total = s.scalar(select(func.count()).where(Passage.source_id == source_id)) or 0
        stmt = select(Passage).where(Passage.source_id == source_id).order_by(Passage.ordinal)
        lo = 0
        if window is not None:
            window = max(1, window)
            ordinal = None
            if at_passage is not None:
                ordinal = s.scalar(
                    select(Passage.ordinal).where(
                        Passage.id == at_passage, Passage.source_id == source_id
                    )
                )
            if ordinal is None and at_offset is not None:
                ordinal = s.scalar(
                    select(Passage.ordinal)
                    .where(Passage.source_id == source_id, Passage.start <= at_offset)
                    .order_by(Passage.start.desc(), Passage.ordinal.desc())
                    .limit(1)
                )
            position = max(0, first)
            if ordinal is not None:
                # pages are aligned on multiples of ``window`` in passage order
                position = (
                    s.scalar(
                        select(func.count()).where(
                            Passage.source_id == source_id, Passage.ordinal < ordinal
                        )
                    )
                    or 0
                )
            lo = (position // window) * window
            stmt = stmt.offset(lo).limit(window)
        rows = list(s.scalars(stmt))
        topic_names: dict[int, list[str]] = {}
        tags: dict[int, list[PassageTag]] = {}
        explained: dict[int, dict[int, tagging.TagScore]] = {}
        if rows and evidence:
            # evidence re-scored for the passages shown only (a 20 MB report has 100,000)
            explained = tagging.explain_source(s, source_id, (rows[0].ordinal, rows[-1].ordinal))
        if rows:
            found_tags = s.execute(
                select(
                    PassageTopic.passage_id,
                    PassageTopic.topic_id,
                    PassageTopic.origin,
                    PassageTopic.primary,
                    PassageTopic.score,
                    Topic.name,
                )
                .join(Topic, Topic.id == PassageTopic.topic_id)
                .join(Passage, Passage.id == PassageTopic.passage_id)
                .where(
                    Passage.source_id == source_id,
                    Passage.ordinal >= rows[0].ordinal,
                    Passage.ordinal <= rows[-1].ordinal,
                    PassageTopic.excluded.is_(False),
                )
                .order_by(PassageTopic.score.desc())
            )
            for pid, tid, origin, primary, score, name in found_tags:
                topic_names.setdefault(pid, []).append(name)
                found = explained.get(pid, {}).get(tid)
                words = found.evidence if found is not None and origin == "auto" else ()
                tag = PassageTag(tid, name, primary, origin, score, words)
                tags.setdefault(pid, []).append(tag)
        base = 0
        if window is None:
            body = source_text(s, source_id) or ""
        elif rows:
            # the page's span only: a 20 MB text stays in the store
            base = min(p.start for p in rows)
            stop = max(p.end for p in rows)
            body = text_span(s, source_id, base, stop) or ""
        else:
            body = ""
        passages = tuple(
            passage_info(p, body, topic_names.get(p.id, ()), tags.get(p.id, ()), base=base)
            for p in rows
        )
        return SourceDetail(
            source_info(src, total), body, passages, first=lo, total=total, text_start=base
        )


def passage_evidence(store: Store, passage_id: int) -> dict[int, tuple[str, ...]]:
    """Why a passage has each of its automatic topics: the words the tagger found, by topic
    id (what the reader's tag panel shows for the selected passage, computed for that one
    passage rather than for a whole page)."""
    with ReadSession(store) as s:
        row = s.execute(
            select(Passage.source_id, Passage.ordinal).where(Passage.id == passage_id)
        ).first()
        if row is None:
            return {}
        explained = tagging.explain_source(s, row.source_id, (row.ordinal, row.ordinal))
        return {tid: t.evidence for tid, t in explained.get(passage_id, {}).items()}


def get_text(store: Store, source_id: int) -> str:
    """A source's whole text (a quote dialog needs a span of it, not the passages)."""
    with ReadSession(store) as s:
        body = source_text(s, source_id)
        if body is None:
            raise NotFoundError(f"There is no source #{source_id}.")
        return body


def get_span(store: Store, source_id: int, start: int, end: int) -> str:
    """``text[start:end]`` of a source, read without loading the rest of a long text."""
    if start < 0 or end < start:
        raise BrieferError(f"{start}-{end} is not a span of a source.")
    with ReadSession(store) as s:
        body = text_span(s, source_id, start, end)
        if body is None:
            raise NotFoundError(f"There is no source #{source_id}.")
        return body


#: The metadata fields an officer may edit.
EDITABLE_FIELDS = frozenset(
    {
        "title",
        "short_title",
        "kind",
        "date",
        "organisations",
        "language",
        "url",
        "reference",
        "marking",
    }
)


def update_source(store: Store, source_id: int, **changes: object) -> SourceInfo:
    """Edit metadata (title, short_title, kind, date, organisations, language, url,
    reference, marking)."""
    with UnitOfWork(store) as uow:
        src = update_source_in(uow.session, source_id, changes)
        uow.flush()
        info = source_info(src)
        uow.commit()
    return info


def source_fields(s: Session, source_id: int, names: Iterable[str]) -> dict[str, object]:
    """The current values of some metadata fields (what an edit's undo writes back)."""
    src = s.get(Source, source_id)
    if src is None:
        raise NotFoundError(f"There is no source #{source_id}.")
    return {k: _copy(getattr(src, k)) for k in names if k in EDITABLE_FIELDS}


def _copy(value: object) -> object:
    return list(value) if isinstance(value, list | tuple) else value


def update_source_in(s: Session, source_id: int, changes: Mapping[str, object]) -> Source:
    """``update_source`` within a transaction (checks every field before changing any)."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise BrieferError(f"Cannot change {', '.join(sorted(unknown))} of a source.")
    src = s.get(Source, source_id)
    if src is None:
        raise NotFoundError(f"There is no source #{source_id}.")
    for key, value in changes.items():
        if key == "organisations":
            value = list(value)  # type: ignore[call-overload]
        if key == "title" and not str(value).strip():
            raise BrieferError("A source needs a title.")
        if key in ("url", "reference", "marking"):
            value = " ".join(str(value or "").split())
        if key == "url" and value and not _looks_like_url(str(value)):
            raise BrieferError(
                f"{value!r} is not a web address (start it with https://, http:// or www.)."
            )
        setattr(src, key, value)
    return src


def _looks_like_url(value: str) -> bool:
    lowered = value.lower()
    return lowered.startswith(("https://", "http://", "www.", "doi:", "urn:")) and " " not in value


def delete_source(store: Store, source_id: int) -> None:
    with UnitOfWork(store) as uow:
        src = uow.session.get(Source, source_id)
        if src is None:
            raise NotFoundError(f"There is no source #{source_id}.")
        quoted = uow.session.scalar(
            select(func.count()).select_from(Quote).where(Quote.source_id == source_id)
        )
        if quoted:
            raise BrieferError(
                f"Source #{source_id} is quoted {counted(quoted, 'time', 'times')} in briefs; "
                "remove those quotes first."
            )
        passage_index.delete_source_passages(uow.session, source_id)
        uow.session.expire(src, ["passages"])
        uow.session.delete(src)
        uow.commit()


def find_previous_version(session: Session, doc: Document) -> Source | None:
    """The newest source this document may be a new version of (same file name or title).

    Identical content is a duplicate, not a version, so it is never proposed here.
    """
    title = doc.proposed.title.strip().lower()
    conditions = []
    if doc.origin:
        conditions.append(Source.origin == doc.origin)
    if title:
        conditions.append(func.lower(Source.title) == title)
    if not conditions:
        return None
    return session.scalar(
        select(Source)
        .where(or_(*conditions), Source.content_hash != doc.content_hash)
        .order_by(Source.imported_at.desc(), Source.id.desc())
        .limit(1)
    )


def import_new_version(
    store: Store, path: Path, previous_source_id: int, fields: SourceFields | None = None
) -> SourceInfo:
    """Import ``path`` as a new version of an existing source (one transaction).

    The old source stays as it is, so quotes keep pointing at the text they were taken from.
    Without ``fields`` the new version keeps the old one's kind, title, short title,
    organisations and language; the date comes from the new file.
    """
    doc = read_path(path)
    with UnitOfWork(store) as uow:
        previous = uow.session.get(Source, previous_source_id)
        if previous is None:
            raise NotFoundError(f"There is no source #{previous_source_id}.")
        if fields is None:
            fields = SourceFields(
                kind=previous.kind,  # type: ignore[arg-type]
                title=previous.title,
                short_title=previous.short_title,
                organisations=tuple(previous.organisations or ()),
                language=previous.language,
            )
        src = add_document(uow.session, doc, fields, previous_version_id=previous.id)
        info = source_info(src, len(doc.segments))
        uow.commit()
    return info
