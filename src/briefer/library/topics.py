"""Topics: the default taxonomy, finding by name or alias, editing, merging, manual tags."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select

from briefer.errors import BrieferError, NotFoundError
from briefer.library import learning, pending_retag, tagging
from briefer.library.sources import passage_info, source_info
from briefer.library.views import TopicInfo, TopicPage, TopicPassage
from briefer.store import ReadSession, Store, UnitOfWork
from briefer.store.models import (
    BriefSection,
    Passage,
    PassageTopic,
    Source,
    StoreSetting,
    Topic,
    TopicAlias,
)
from briefer.store.texts import Spans

TAXONOMY_VERSION_KEY = "taxonomy_version"


def _taxonomy() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (files("briefer.resources") / "taxonomy.json").read_text("utf-8")
    )
    return data


def default_taxonomy() -> list[dict[str, object]]:
    return list(_taxonomy()["topics"])


def _set_taxonomy_version(session: Session, version: int) -> None:
    row = session.get(StoreSetting, TAXONOMY_VERSION_KEY)
    if row is None:
        session.add(StoreSetting(key=TAXONOMY_VERSION_KEY, value=str(version)))
    else:
        row.value = str(version)


def merge_default_aliases(session: Session) -> int:
    """Give a store made with an older taxonomy the aliases later versions added.

    Only aliases a newer version introduced are offered, once: an alias the officer removed
    or moved is not brought back, a topic the officer renamed or deleted gets nothing, and
    an alias that already names another topic stays where it is. The topics that gained
    aliases are re-tagged (manual tags are kept) — not here, which at 10,000 sources took
    minutes inside opening the store, but scheduled (``pending_retag``) for a worker to do
    in batches. Returns the number of aliases added.
    """
    data = _taxonomy()
    current = int(data.get("taxonomy_version", 1))
    row = session.get(StoreSetting, TAXONOMY_VERSION_KEY)
    if row is None:
        if session.scalar(select(Topic.id).limit(1)) is None:
            return 0  # a new store: install_default_taxonomy records the version
        seen = 2  # topics made before the version was recorded
    else:
        seen = int(row.value)
    if seen >= current:
        return 0
    offered = {
        _key(alias)
        for version, aliases in data.get("aliases_added", {}).items()
        if int(version) > seen
        for alias in aliases
    }
    by_name = {t.name.casefold(): t for t in session.scalars(select(Topic))}
    taken = set(session.scalars(select(TopicAlias.key)))
    changed: list[int] = []
    added = 0
    for entry in data["topics"]:
        topic = by_name.get(str(entry["name"]).casefold())
        if topic is None:
            continue
        before = added
        for alias in entry.get("aliases", []):
            key = _key(alias)
            if key in offered and key not in taken:
                taken.add(key)
                topic.aliases.append(TopicAlias(alias=alias, key=key))
                added += 1
        if added > before:
            changed.append(topic.id)
    _set_taxonomy_version(session, current)
    session.flush()
    if changed:
        pending_retag.schedule(session, changed)
    return added


def install_default_taxonomy(session: Session) -> int:
    """Add the default topics that are missing (by name); idempotent. Returns topics added."""
    have = {n.lower() for n in session.scalars(select(Topic.name))}
    taken = set(session.scalars(select(TopicAlias.key)))
    added = []
    for entry in default_taxonomy():
        name = str(entry["name"])
        if name.lower() in have:
            continue
        topic = Topic(name=name, description=str(entry.get("description", "")))
        for alias in entry.get("aliases", []):  # type: ignore[attr-defined]
            key = _key(alias)
            if key not in taken:
                taken.add(key)
                topic.aliases.append(TopicAlias(alias=alias, key=key))
        session.add(topic)
        added.append(topic)
    if session.get(StoreSetting, TAXONOMY_VERSION_KEY) is None:
        _set_taxonomy_version(session, int(_taxonomy().get("taxonomy_version", 1)))
    session.flush()
    if added:
        tagging.retag_topics(session, [t.id for t in added])
    return len(added)


def _key(alias: str) -> str:
    return " ".join(alias.split()).casefold()


def find_topic(session: Session, name: str) -> Topic:
    """By exact name, then alias, then unique name prefix; case-insensitive."""
    key = _key(name)
    if not key:
        raise NotFoundError("Give a topic name.")
    topic = session.scalar(select(Topic).where(func.lower(Topic.name) == key))
    if topic is None:
        topic = session.scalar(select(Topic).join(TopicAlias).where(TopicAlias.key == key).limit(1))
    if topic is None:
        candidates = [
            t for t in session.scalars(select(Topic)) if t.name.casefold().startswith(key)
        ]
        if len(candidates) == 1:
            topic = candidates[0]
    if topic is None:
        raise NotFoundError(f"There is no topic named {name!r}.")
    return topic


def _counts(session: Session, topic_id: int | None = None) -> dict[int, dict[str, int]]:
    """Passages *on* each topic (or ``topic_id``'s alone: one topic's tags, not the library's
    12.8 million at 100,000 sources) per source kind, as the window's navigator, coverage map
    and topic board count them (``tagged_passages(on_topic=True)``): primary tags, no headings,
    no source a newer version replaces. Grouped per source and the replaced sources dropped
    in Python: testing each tag for a newer version in SQL is what made coverage slow."""
    stmt = (
        select(PassageTopic.topic_id, Passage.source_id, func.count())
        .join(Passage, Passage.id == PassageTopic.passage_id)
        .where(
            PassageTopic.excluded.is_(False),
            PassageTopic.primary.is_(True),
            Passage.content.is_(True),
            Passage.kind != "heading",
        )
        .group_by(PassageTopic.topic_id, Passage.source_id)
    )
    if topic_id is not None:
        stmt = stmt.where(PassageTopic.topic_id == topic_id)
    rows = session.execute(stmt)
    replaced = set(
        session.scalars(
            select(Source.previous_version_id).where(Source.previous_version_id.is_not(None))
        )
    )
    kinds = dict(session.execute(select(Source.id, Source.kind)).all())
    out: dict[int, dict[str, int]] = {}
    for tid, sid, n in rows:
        if sid in replaced or sid not in kinds:
            continue
        counts = out.setdefault(tid, {"industry": 0, "official": 0, "other": 0})
        counts[kinds[sid]] = counts.get(kinds[sid], 0) + n
    return out


def topic_info(t: Topic, counts: dict[str, int] | None = None) -> TopicInfo:
    return TopicInfo(
        id=t.id,
        name=t.name,
        description=t.description,
        aliases=tuple(a.alias for a in t.aliases),
        counts=counts if counts is not None else {"industry": 0, "official": 0, "other": 0},
    )


def list_topics(store: Store, *, counts: bool = True) -> list[TopicInfo]:
    """Topics by name; ``counts=False`` skips the passage counts, which take seconds in a
    library of thousands of sources (the window shows names first, counts when ready)."""
    with ReadSession(store) as s:
        found = _counts(s) if counts else {}
        # Columns, not Topic and TopicAlias objects: the default topics carry about 2,000
        # aliases, and building an ORM object for each was most of a list's cost (the window
        # lists topics for several pages as it opens).
        aliases: dict[int, list[str]] = {}
        for topic_id, alias in s.execute(
            select(TopicAlias.topic_id, TopicAlias.alias).order_by(TopicAlias.id)
        ):
            aliases.setdefault(topic_id, []).append(alias)
        return [
            TopicInfo(
                id=topic_id,
                name=name,
                description=description,
                aliases=tuple(aliases.get(topic_id, ())),
                counts=found.get(topic_id, {"industry": 0, "official": 0, "other": 0})
                if counts
                else {},
            )
            for topic_id, name, description in s.execute(
                select(Topic.id, Topic.name, Topic.description).order_by(func.lower(Topic.name))
            )
        ]


def get_topic(store: Store, name: str) -> TopicInfo:
    with ReadSession(store) as s:
        t = find_topic(s, name)
        return topic_info(t, _counts(s, t.id).get(t.id))


def tagged_passages(topic_id: int, *, primary_only: bool = False, on_topic: bool = False) -> Select:  # type: ignore[type-arg]
    """(PassageTopic, Passage, Source) rows of the content passages tagged with a topic
    (exclusions left out; only primary tags with ``primary_only``), in no particular order.

    ``on_topic`` keeps the passages *on* the topic, as coverage counts them
    (``briefs.coverage``): a primary tag, not a heading, in a source that no newer version
    replaces. The window's navigator, coverage map and topic board all count these, so a
    number clicked opens that many passages.
    """
    stmt = (
        select(PassageTopic, Passage, Source)
        .join(Passage, Passage.id == PassageTopic.passage_id)
        .join(Source, Source.id == Passage.source_id)
        .where(
            PassageTopic.topic_id == topic_id,
            PassageTopic.excluded.is_(False),
            Passage.content.is_(True),
        )
    )
    if primary_only or on_topic:
        stmt = stmt.where(PassageTopic.primary.is_(True))
    if on_topic:
        newer = aliased(Source)
        stmt = stmt.where(
            Passage.kind != "heading",
            ~exists().where(newer.previous_version_id == Source.id),
        )
    return stmt


def topic_passages(
    store: Store, name_or_id: str | int, *, primary_only: bool = False
) -> list[TopicPassage]:
    """Passages tagged with a topic, newest source first, in document order per source."""
    with ReadSession(store) as s:
        t = s.get(Topic, name_or_id) if isinstance(name_or_id, int) else find_topic(s, name_or_id)
        if t is None:
            raise NotFoundError(f"There is no topic #{name_or_id}.")
        stmt = tagged_passages(t.id, primary_only=primary_only).order_by(
            Source.date.desc().nulls_last(), Source.id, Passage.ordinal
        )
        span = Spans(s)
        out = []
        for tag, p, src in s.execute(stmt):
            out.append(
                TopicPassage(
                    passage=passage_info(
                        p, span(p.source_id, p.start, p.end), (t.name,), base=p.start
                    ),
                    source=source_info(src),
                    score=tag.score,
                    origin=tag.origin,
                    primary=tag.primary,
                )
            )
        return out


def topic_page(
    store: Store,
    topic_id: int,
    kind: str,
    *,
    offset: int = 0,
    limit: int = 100,
    source_id: int | None = None,
    primary_only: bool = False,
    on_topic: bool = False,
) -> TopicPage:
    """One page of a topic's passages from sources of ``kind``, in the order of
    :func:`topic_passages`, with the number of all of them.

    The topic board shows a report of 100,000 passages a page at a time: each page reads
    its rows and the text spans of those rows only (``store.texts``).
    """
    with ReadSession(store) as s:
        stmt = tagged_passages(topic_id, primary_only=primary_only, on_topic=on_topic).where(
            Source.kind == kind
        )
        if source_id is not None:
            stmt = stmt.where(Source.id == source_id)
        total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        name = s.scalar(select(Topic.name).where(Topic.id == topic_id)) or ""
        page = stmt.order_by(Source.date.desc().nulls_last(), Source.id, Passage.ordinal)
        span = Spans(s)  # each row's span, not each source's whole text
        items = tuple(
            TopicPassage(
                passage=passage_info(p, span(p.source_id, p.start, p.end), (name,), base=p.start),
                source=source_info(src),
                score=tag.score,
                origin=tag.origin,
                primary=tag.primary,
            )
            for tag, p, src in s.execute(page.offset(max(0, offset)).limit(max(0, limit)))
        )
        return TopicPage(total=total, offset=offset, items=items)


def add_topic(
    store: Store, name: str, aliases: Iterable[str] = (), description: str = ""
) -> TopicInfo:
    name = " ".join(name.split())
    if not name:
        raise BrieferError("A topic needs a name.")
    with UnitOfWork(store) as uow:
        s = uow.session
        if s.scalar(select(Topic).where(func.lower(Topic.name) == name.casefold())):
            raise BrieferError(f"There is already a topic named {name!r}.")
        topic = Topic(name=name, description=description)
        s.add(topic)
        s.flush()
        _set_aliases(s, topic, aliases)
        tagging.retag_topics(s, [topic.id])
        info = topic_info(topic, _counts(s, topic.id).get(topic.id))
        uow.commit()
    return info


def _set_aliases(s: Session, topic: Topic, aliases: Iterable[str]) -> None:
    wanted: dict[str, str] = {}
    for alias in aliases:
        alias = " ".join(alias.split())
        if alias:
            wanted.setdefault(_key(alias), alias)
    clash = s.execute(
        select(TopicAlias.alias, Topic.name)
        .join(Topic)
        .where(TopicAlias.key.in_(list(wanted)), TopicAlias.topic_id != topic.id)
    ).first()
    if clash:
        raise BrieferError(f"The alias {clash[0]!r} already belongs to the topic {clash[1]!r}.")
    topic.aliases.clear()
    s.flush()
    for key, alias in wanted.items():
        topic.aliases.append(TopicAlias(alias=alias, key=key))
    s.flush()


def set_aliases(store: Store, name: str, aliases: Iterable[str]) -> TopicInfo:
    """Replace a topic's aliases and re-tag its passages (manual tags are kept)."""
    with UnitOfWork(store) as uow:
        s = uow.session
        topic = find_topic(s, name)
        _set_aliases(s, topic, aliases)
        tagging.retag_topics(s, [topic.id])
        info = topic_info(topic, _counts(s, topic.id).get(topic.id))
        uow.commit()
    return info


def rename_topic(store: Store, name: str, new_name: str) -> TopicInfo:
    new_name = " ".join(new_name.split())
    if not new_name:
        raise BrieferError("A topic needs a name.")
    with UnitOfWork(store) as uow:
        s = uow.session
        topic = find_topic(s, name)
        other = s.scalar(select(Topic).where(func.lower(Topic.name) == new_name.casefold()))
        if other is not None and other.id != topic.id:
            raise BrieferError(f"There is already a topic named {new_name!r}.")
        topic.name = new_name
        tagging.retag_topics(s, [topic.id])
        info = topic_info(topic, _counts(s, topic.id).get(topic.id))
        uow.commit()
    return info


def merge_topics(store: Store, name: str, into: str) -> TopicInfo:
    """Fold one topic into another: its name and aliases become aliases, its tags move."""
    with UnitOfWork(store) as uow:
        s = uow.session
        src, dst = find_topic(s, name), find_topic(s, into)
        if src.id == dst.id:
            raise BrieferError("A topic cannot be merged into itself.")
        terms = [src.name, *(a.alias for a in src.aliases), *(a.alias for a in dst.aliases)]
        src.aliases.clear()
        s.flush()
        # Manual decisions on the merged topic carry over unless the target has its own.
        own = set(s.scalars(select(PassageTopic.passage_id).where(PassageTopic.topic_id == dst.id)))
        for tag in s.scalars(
            select(PassageTopic).where(
                PassageTopic.topic_id == src.id, PassageTopic.origin == "manual"
            )
        ):
            if tag.passage_id not in own:
                s.add(
                    PassageTopic(
                        passage_id=tag.passage_id,
                        topic_id=dst.id,
                        origin="manual",
                        score=tag.score,
                        primary=tag.primary,
                        excluded=tag.excluded,
                    )
                )
        for section in s.scalars(select(BriefSection).where(BriefSection.topic_id == src.id)):
            section.topic_id = dst.id
        s.delete(src)
        s.flush()
        _set_aliases(s, dst, terms)
        tagging.retag_topics(s, [dst.id])
        info = topic_info(dst, _counts(s, dst.id).get(dst.id))
        uow.commit()
    return info


def delete_topic(store: Store, name: str) -> None:
    with UnitOfWork(store) as uow:
        uow.session.delete(find_topic(uow.session, name))
        uow.commit()


def set_tag(store: Store, passage_id: int, topic: str | int, tagged: bool) -> None:
    """The officer tags (``tagged=True``) or untags a passage; re-tagging keeps the decision."""
    with UnitOfWork(store) as uow:
        tag_in(uow.session, passage_id, topic, tagged)
        uow.commit()


def manual_tag(s: Session, passage_id: int, topic_id: int) -> bool | None:
    """The officer's decision on a passage and topic: tagged, untagged, or None (none)."""
    row = s.get(PassageTopic, (passage_id, topic_id))
    if row is None or row.origin != "manual":
        return None
    return not row.excluded


def tag_in(s: Session, passage_id: int, topic: str | int, tagged: bool) -> Topic:
    """``set_tag`` within a transaction; returns the topic."""
    t = s.get(Topic, topic) if isinstance(topic, int) else find_topic(s, topic)
    if t is None:
        raise NotFoundError(f"There is no topic #{topic}.")
    if s.get(Passage, passage_id) is None:
        raise NotFoundError(f"There is no passage #{passage_id}.")
    row = s.get(PassageTopic, (passage_id, t.id))
    if row is None:
        row = PassageTopic(passage_id=passage_id, topic_id=t.id, score=0.0)
        s.add(row)
    row.origin = "manual"
    row.excluded = not tagged
    row.primary = tagged
    row.taught = True
    s.flush()
    # The decision teaches the topic's learned words (new imports use them at once).
    learning.relearn(s, t.id)
    return t


def learned_terms(store: Store, name: str) -> tuple[TopicInfo, list[learning.LearnedTerm]]:
    """The words the officer's tags taught a topic, strongest first."""
    with ReadSession(store) as s:
        t = find_topic(s, name)
        return topic_info(t), learning.learned_terms(s, t.id)


def reset_learned_terms(store: Store, name: str) -> int:
    """Forget a topic's learned words and re-tag it; returns how many were forgotten."""
    with UnitOfWork(store) as uow:
        s = uow.session
        t = find_topic(s, name)
        n = learning.reset(s, t.id)
        s.flush()
        tagging.retag_topics(s, [t.id])
        uow.commit()
    return n


def retag_topic(store: Store, name: str) -> TopicInfo:
    """Re-tag one topic across the library (after its learned words changed)."""
    with UnitOfWork(store) as uow:
        s = uow.session
        t = find_topic(s, name)
        tagging.retag_topics(s, [t.id])
        info = topic_info(t, _counts(s, t.id).get(t.id))
        uow.commit()
    return info


def clear_manual_tag(store: Store, passage_id: int, topic_id: int) -> None:
    """Forget the officer's decision; the tagger decides again (used by undo)."""
    with UnitOfWork(store) as uow:
        clear_manual_tag_in(uow.session, passage_id, topic_id)
        uow.commit()


def clear_manual_tag_in(s: Session, passage_id: int, topic_id: int) -> None:
    """``clear_manual_tag`` within a transaction."""
    row = s.get(PassageTopic, (passage_id, topic_id))
    if row is not None and row.origin == "manual":
        s.delete(row)
        s.flush()
        learning.relearn(s, topic_id)
        src_id = s.scalar(select(Passage.source_id).where(Passage.id == passage_id))
        if src_id is not None:
            tagging.retag(s, [src_id], [topic_id])
