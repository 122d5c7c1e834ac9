"""Brief packs: one brief as a self-contained file, to move it between stores.

A ``.briefpack`` is a zip holding ``brief.json``: the brief's snapshot (the shape of
``service.snapshot_dict``), the topics its sections are on, and every source its quotes cite
with the full text and passages. Unpacking into another store matches each source by its
content hash (the same text is the same source) or creates it (passages as packed, then
tagged), matches topics by name or creates them, re-points the quotes and creates the brief
with fresh ids, all in one transaction.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefer import __version__, paths
from briefer.briefs import service
from briefer.briefs.operations import Context
from briefer.briefs.pack_schema import PackShapeError, check_pack
from briefer.errors import BrieferError
from briefer.ingest.limits import mb
from briefer.library import tagging
from briefer.store import ReadSession, Store, UnitOfWork, passage_index
from briefer.store.engines import officer
from briefer.store.models import Passage, Source, Topic, TopicAlias, utcnow
from briefer.store.texts import source_text, write_text

FORMAT = "briefer-briefpack"
VERSION = 1
MEMBER = "brief.json"
SUFFIX = ".briefpack"
#: A pack larger than this once unzipped is refused before it is read (a damaged or hostile
#: file): parsing JSON takes about three times its size in memory.
MAX_UNPACKED = 128 * 1024 * 1024

# url, reference and marking since schema 0008 (older packs lack them: read with defaults);
# the marking travels with the source so the receiving desk's export rules still hold.
_SOURCE_KEYS = (
    "title",
    "short_title",
    "organisations",
    "kind",
    "language",
    "origin",
    "extra",
    "url",
    "reference",
    "marking",
)
_PASSAGE_KEYS = ("ordinal", "kind", "level", "heading_path", "start", "end", "content", "page")


class PackError(BrieferError):
    """A brief pack that cannot be read (not a pack, damaged, from a newer Briefer...)."""


@dataclass
class UnpackReport:
    brief_id: int
    title: str
    sources_created: list[int] = field(default_factory=list)
    sources_matched: list[int] = field(default_factory=list)
    topics_created: list[str] = field(default_factory=list)
    quotes: int = 0


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _cited_sources(snapshot: dict[str, Any]) -> list[int]:
    return sorted({q["source_id"] for s in snapshot["sections"] for q in s["quotes"]})


def pack_data(session: Session, brief_id: int) -> dict[str, Any]:
    """The pack's content as JSON-able data."""
    snapshot = service.snapshot_dict(session, brief_id)
    sources = []
    for sid in _cited_sources(snapshot):
        src = session.get(Source, sid)
        if src is None:  # pragma: no cover - quotes restrict the deletion of their source
            continue
        passages = session.scalars(
            select(Passage).where(Passage.source_id == sid).order_by(Passage.ordinal)
        )
        sources.append(
            {
                "id": src.id,
                **{k: getattr(src, k) for k in _SOURCE_KEYS},
                "date": _iso(src.date),
                "imported_at": _iso(src.imported_at),
                "content_hash": src.content_hash,
                "text": source_text(session, sid),
                "passages": [{k: getattr(p, k) for k in _PASSAGE_KEYS} for p in passages],
            }
        )
    topic_ids = sorted({s["topic_id"] for s in snapshot["sections"] if s["topic_id"] is not None})
    topics = []
    for tid in topic_ids:
        topic = session.get(Topic, tid)
        if topic is not None:
            topics.append(
                {
                    "id": topic.id,
                    "name": topic.name,
                    "description": topic.description,
                    "aliases": [a.alias for a in topic.aliases],
                }
            )
    return {
        "format": FORMAT,
        "version": VERSION,
        "briefer": __version__,
        "packed_at": _iso(utcnow()),
        "packed_by": officer(session),
        "brief": snapshot,
        "topics": topics,
        "sources": sources,
    }


def pack_brief(store: Store, brief_id: int, target: Path) -> Path:
    """Write brief ``brief_id`` as a pack to ``target`` (``.briefpack`` added if missing)."""
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    paths.regular_or_new(target, what="the pack to write", error=PackError)
    with ReadSession(store) as s:
        data = pack_data(s, brief_id)
    part = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MEMBER, json.dumps(data, ensure_ascii=False, indent=1))
        part.replace(target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BrieferError(f"Cannot write the pack {target}: {exc.strerror or exc}") from exc
    return target


def read_pack(path: Path) -> dict[str, Any]:
    """The pack's data, checked in full (``pack_schema``); ``PackError`` otherwise."""
    if not paths.regular_or_new(path, what="a brief pack", error=PackError):
        raise PackError(f"{path}: no such file.")
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                info = zf.getinfo(MEMBER)
            except KeyError:
                raise PackError(f"{path} is not a brief pack (no {MEMBER} inside).") from None
            if info.file_size > MAX_UNPACKED:
                raise PackError(
                    f"{path} is too large to be a brief pack ({MEMBER} unpacks to "
                    f"{mb(info.file_size)}; the limit is {mb(MAX_UNPACKED)})."
                )
            raw = zf.read(MEMBER)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise PackError(f"{path} is not a brief pack (not a zip file).") from exc
    except OSError as exc:
        raise PackError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError(f"{path} is damaged ({MEMBER} is not valid JSON).") from exc
    except RecursionError as exc:
        raise PackError(
            f"{path} is not a valid brief pack: {MEMBER} is nested too deeply."
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackError(f"{path} is not a brief pack.")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise PackError(f"{path} was made by a newer version of Briefer; update to unpack it.")
    try:
        check_pack(data, fmt=FORMAT, version=VERSION)
    except PackShapeError as exc:
        raise PackError(f"{path} is not a valid brief pack: {exc}.") from exc
    return data


def _topic_for(s: Session, packed: dict[str, Any], report: UnpackReport) -> int:
    name = packed["name"]
    found = s.scalar(select(Topic).where(func.lower(Topic.name) == name.casefold()))
    if found is not None:
        return found.id
    topic = Topic(name=name, description=packed.get("description", ""))
    s.add(topic)
    s.flush()
    for alias in packed.get("aliases", []):
        key = alias.casefold()
        if s.scalar(select(TopicAlias.id).where(TopicAlias.key == key)) is None:
            s.add(TopicAlias(topic_id=topic.id, alias=alias, key=key))
    s.flush()
    report.topics_created.append(name)
    return topic.id


def _source_for(s: Session, packed: dict[str, Any], report: UnpackReport) -> int:
    existing = s.scalar(select(Source.id).where(Source.content_hash == packed["content_hash"]))
    if existing is not None:
        report.sources_matched.append(existing)
        return existing
    src = Source(
        **{k: packed[k] for k in _SOURCE_KEYS if k in packed},
        date=date.fromisoformat(packed["date"]) if packed.get("date") else None,
        content_hash=packed["content_hash"],
    )
    if packed.get("imported_at"):
        src.imported_at = datetime.fromisoformat(packed["imported_at"])
    s.add(src)
    s.flush()
    rows = [{k: p[k] for k in _PASSAGE_KEYS} for p in packed["passages"]]
    write_text(s, src.id, packed["text"], [(r["start"], r["end"]) for r in rows])
    passage_index.add_passages(s, src.id, packed["text"], rows)
    tagging.tag_sources(s, [src.id])
    report.sources_created.append(src.id)
    return src.id


def unpack_brief(store: Store, path: Path) -> UnpackReport:
    """Import the brief of a pack into ``store`` as a new brief (one transaction)."""
    data = read_pack(path)
    snapshot = data["brief"]
    report = UnpackReport(brief_id=0, title=snapshot["brief"]["title"])
    with UnitOfWork(store) as uow:
        s = uow.session
        source_ids = {p["id"]: _source_for(s, p, report) for p in data.get("sources", [])}
        topic_ids = {t["id"]: _topic_for(s, t, report) for t in data.get("topics", [])}
        sections = []
        for section in snapshot["sections"]:
            quotes = []
            for q in section["quotes"]:
                if q["source_id"] not in source_ids:
                    raise PackError(f"{path} is damaged: a quote cites a source it does not hold.")
                quotes.append({**q, "source_id": source_ids[q["source_id"]]})
                report.quotes += 1
            sections.append(
                {**section, "topic_id": topic_ids.get(section.get("topic_id")), "quotes": quotes}
            )
        ctx = Context(s)
        brief = service.restore_from_snapshot(s, {**snapshot, "sections": sections}, keep_ids=False)
        ctx.note(brief.id)
        ctx.finish("Unpack brief", f"from {path.name}, packed by {data.get('packed_by', '?')}")
        report.brief_id = brief.id
        uow.commit()
    return report
