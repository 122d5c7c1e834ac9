"""The store's tables as typed SQLAlchemy 2.x models.

The source text is kept once, on the source; a passage is a span of it (start/end character
offsets), so a quote or passage can always be checked against the exact text it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Source(Base):
    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    short_title: Mapped[str] = mapped_column(String(200), default="")
    organisations: Mapped[list[str]] = mapped_column(JSON, default=list)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # industry | official | other
    date: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    origin: Mapped[str] = mapped_column(String(1000), default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A newer version of a source points at the one it replaces (imports of new versions).
    previous_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="SET NULL"), index=True
    )
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    passages: Mapped[list[Passage]] = relationship(
        back_populates="source",
        order_by="Passage.ordinal",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Passage(Base):
    __tablename__ = "passage"
    __table_args__ = (UniqueConstraint("source_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # heading | bullet | paragraph
    level: Mapped[int] = mapped_column(Integer, default=0)
    heading_path: Mapped[str] = mapped_column(Text, default="")  # joined with PATH_SEPARATOR
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    content: Mapped[bool] = mapped_column(Boolean, default=True)
    page: Mapped[int | None] = mapped_column(Integer)

    source: Mapped[Source] = relationship(back_populates="passages")
    tags: Mapped[list[PassageTopic]] = relationship(
        back_populates="passage", cascade="all, delete-orphan", passive_deletes=True
    )


class SourceSketch(Base):
    """One of a source's smallest shingle hashes (``library.near_duplicates``).

    Keyed by hash first, without a rowid, so "which sources share these hashes" is one
    index range per hash and a sketch costs a few hundred bytes per source.
    """

    __tablename__ = "source_sketch"
    __table_args__ = ({"sqlite_with_rowid": False},)

    hash: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


class Topic(Base):
    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[TopicAlias]] = relationship(
        back_populates="topic",
        cascade="all, delete-orphan",
        order_by="TopicAlias.id",
        passive_deletes=True,
    )


class TopicAlias(Base):
    __tablename__ = "topic_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    # Lower-cased alias: one alias names one topic only.
    key: Mapped[str] = mapped_column(String(200), unique=True)

    topic: Mapped[Topic] = relationship(back_populates="aliases")


class PassageTopic(Base):
    """A passage tagged with a topic.

    ``origin`` is ``auto`` (the tagger) or ``manual`` (the officer). A manual row with
    ``excluded`` set records an untag, so re-tagging cannot bring the tag back.
    """

    __tablename__ = "passage_topic"
    __table_args__ = (
        # Drafting walks a topic's best tags first and stops early (large libraries).
        Index("ix_passage_topic_rank", "topic_id", "primary", "score"),
    )

    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passage.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True
    )
    origin: Mapped[str] = mapped_column(String(8), default="auto")
    score: Mapped[float] = mapped_column(Float, default=0.0)
    primary: Mapped[bool] = mapped_column(Boolean, default=True)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)

    passage: Mapped[Passage] = relationship(back_populates="tags")


class Brief(Base):
    __tablename__ = "brief"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    meeting_date: Mapped[date | None] = mapped_column(Date)
    venue: Mapped[str] = mapped_column(String(500), default="")
    organisation: Mapped[str] = mapped_column(String(500), default="")
    author: Mapped[str] = mapped_column(String(500), default="")
    marking: Mapped[str] = mapped_column(String(100), default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    scene_setter: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Optimistic concurrency: bumped on every change (team stores compare it). It is also the
    # mapper's version counter: an UPDATE of a brief row read at an older revision fails.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    #: The officer who made the last change (briefer.store.engines.officer; time: updated_at).
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __mapper_args__: Mapping[str, Any] = {
        "version_id_col": revision,
        "version_id_generator": False,  # operations bump it once per change
    }

    sections: Mapped[list[BriefSection]] = relationship(
        back_populates="brief",
        order_by="BriefSection.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class BriefSection(Base):
    __tablename__ = "brief_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("brief.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id", ondelete="SET NULL"))
    heading: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(Integer)
    assessment: Mapped[str] = mapped_column(String(16), default="none")
    assessment_comment: Mapped[str] = mapped_column(Text, default="")
    lines_to_take: Mapped[list[str]] = mapped_column(JSON, default=list)
    if_asked: Mapped[list[str]] = mapped_column(JSON, default=list)
    background: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Who changed the section last and when; ``version`` guards concurrent row updates.
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    brief: Mapped[Brief] = relationship(back_populates="sections")
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="section",
        order_by="Quote.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Quote(Base):
    """A verbatim span of a source: the evidence a brief rests on.

    ``text`` is exactly ``source.text[start:end]`` when taken; ``display_text`` holds an
    ellipsis-trimmed form when the officer recorded a trim (the original span is kept).
    """

    __tablename__ = "quote"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("brief_section.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    display_text: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str] = mapped_column(String(16))  # industry | official
    side_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer)
    suggested: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="ok")  # ok | moved | changed
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    section: Mapped[BriefSection] = relationship(back_populates="quotes")
    source: Mapped[Source] = relationship()


class BriefVersion(Base):
    """A named snapshot of a brief, kept as JSON so it survives later edits and deletions."""

    __tablename__ = "brief_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_id: Mapped[int] = mapped_column(ForeignKey("brief.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class BriefEvent(Base):
    """Who changed a brief, when, and how: one row per operation (kept after a deletion)."""

    __tablename__ = "brief_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: the history of a deleted brief stays readable.
    brief_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    officer: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int | None] = mapped_column(Integer)
