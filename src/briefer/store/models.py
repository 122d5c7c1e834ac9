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
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from briefer.labels import clean_label


def utcnow() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Source(Base):
    __tablename__ = "source"
    __table_args__ = (
        # Partial (0017): only marked rows are in it. Every read adds "importing IS NULL";
        # over a full index of NULLs SQLite took that for a selective lookup and read and
        # sorted every source row instead of walking ix_source_date.
        Index(
            "ix_source_importing",
            "importing",
            sqlite_where=sql_text("importing IS NOT NULL"),
            postgresql_where=sql_text("importing IS NOT NULL"),
        ),
        # "which sources are replaced?" (every draft and coverage) read from the index alone,
        # the pending filter's importing included (0017): without it, a scan of every source
        Index("ix_source_previous_version_id", "previous_version_id", "importing"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    short_title: Mapped[str] = mapped_column(String(200), default="")
    organisations: Mapped[list[str]] = mapped_column(JSON, default=list)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # industry | official | other
    date: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    origin: Mapped[str] = mapped_column(String(1000), default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A newer version of a source points at the one it replaces (imports of new versions).
    previous_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="SET NULL")
    )
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Where the officer can find the source again, and how it is cited (0008).
    url: Mapped[str] = mapped_column(String(2000), default="", server_default="")
    reference: Mapped[str] = mapped_column(String(200), default="", server_default="")
    #: The source's protective marking: a brief quoting it may not be marked lower.
    marking: Mapped[str] = mapped_column(String(100), default="", server_default="")
    #: The number of characters of the text, which lives in ``SourceChunk`` rows (0014):
    #: read and write it through ``briefer.store.texts`` only.
    length: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: Set while a very large source is still being written in batches (0016): "host pid"
    #: of the importing process. Every read leaves such a row out (``store.pending``).
    importing: Mapped[str | None] = mapped_column(String(200), default=None)

    passages: Mapped[list[Passage]] = relationship(
        back_populates="source",
        order_by="Passage.ordinal",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @validates("title", "short_title", "language", "origin")
    def _one_line(self, _key: str, value: str) -> str:
        """Metadata is one line without control characters (briefer.labels)."""
        return clean_label(value) if isinstance(value, str) else value

    @validates("organisations")
    def _one_line_each(self, _key: str, value: list[str]) -> list[str]:
        return [clean_label(v) if isinstance(v, str) else v for v in value or []]


class SourceChunk(Base):
    """A piece of a source's text, from character ``start`` on; a source's chunks cover its
    text contiguously and no passage crosses a chunk boundary (``store/texts.py``)."""

    __tablename__ = "source_chunk"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True
    )
    start: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class Passage(Base):
    __tablename__ = "passage"
    __table_args__ = (
        UniqueConstraint("source_id", "ordinal"),
        # the passage at a character offset (a quote's citation, the reader's page for a span)
        Index("ix_passage_source_start", "source_id", "start"),
    )

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

    @validates("name")
    def _one_line(self, _key: str, value: str) -> str:
        """Metadata is one line without control characters (briefer.labels)."""
        return clean_label(value) if isinstance(value, str) else value


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
        # Drafting walks a topic's best tags first and stops early (large libraries); with
        # excluded and passage_id too, a topic's ask count reads no table row (0017).
        Index("ix_passage_topic_rank", "topic_id", "primary", "score", "excluded", "passage_id"),
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
    #: A manual decision that still teaches the topic's learned terms (reset clears it).
    taught: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    passage: Mapped[Passage] = relationship(back_populates="tags")


class StoreSetting(Base):
    """A small per-store value: ``taxonomy_version``, the shipped taxonomy's version whose
    default aliases the store has been offered (``library.topics.merge_default_aliases``)."""

    __tablename__ = "store_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


class TopicLearnedTerm(Base):
    """A word the officer's tags showed to be strong evidence for a topic (per store)."""

    __tablename__ = "topic_learned_term"

    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String(200), primary_key=True)
    score: Mapped[float] = mapped_column(Float)  # the G-test statistic
    positives: Mapped[int] = mapped_column(Integer)  # tagged passages holding the term
    negatives: Mapped[int] = mapped_column(Integer)  # contrast passages holding it


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
    # The front page as briefs use it (0008); every field optional.
    language: Mapped[str] = mapped_column(String(16), default="en", server_default="en")
    purpose: Mapped[str] = mapped_column(Text, default="", server_default="")
    minister_ask: Mapped[str] = mapped_column(Text, default="", server_default="")
    key_messages: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    #: [{"name": ..., "pen_picture": ...}]
    attendees: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    agenda: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    handling: Mapped[str] = mapped_column(Text, default="", server_default="")
    contact_officer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(100), default="", server_default="")
    cleared_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    reference: Mapped[str] = mapped_column(String(200), default="", server_default="")
    reference_date: Mapped[date | None] = mapped_column(Date)
    #: uk | eu | jp | "" (free text marking); see briefer.briefs.markings
    marking_scheme: Mapped[str] = mapped_column(String(16), default="", server_default="")
    marking_caveats: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    copy_number: Mapped[str] = mapped_column(String(50), default="", server_default="")
    distribution: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")

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

    @validates("title", "venue", "organisation", "author", "marking")
    def _one_line(self, _key: str, value: str) -> str:
        """Metadata is one line without control characters (briefer.labels)."""
        return clean_label(value) if isinstance(value, str) else value


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
    #: The assessment is still drafting's proposal: the officer has not reviewed it (0008).
    assessment_suggested: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
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

    @validates("heading")
    def _one_line(self, _key: str, value: str) -> str:
        """Metadata is one line without control characters (briefer.labels)."""
        return clean_label(value) if isinstance(value, str) else value


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

    @validates("name")
    def _one_line(self, _key: str, value: str) -> str:
        """Metadata is one line without control characters (briefer.labels)."""
        return clean_label(value) if isinstance(value, str) else value


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


class Ask(Base):
    """A request, recommendation or expectation in an industry source: a span of its text.

    ``auto_status`` is what the ledger computed; ``status_override`` the officer's decision
    (set by confirming or changing the status), which re-computation never touches.
    """

    __tablename__ = "ask"
    __table_args__ = (
        UniqueConstraint("source_id", "start", "end"),
        # a topic's ask count joins tags to asks by passage and filters on the source (0017)
        Index("ix_ask_passage_source", "passage_id", "source_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    passage_id: Mapped[int] = mapped_column(ForeignKey("passage.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    #: The lead-in sentence a bullet ask sits under (offsets into the same text), if any.
    context_start: Mapped[int | None] = mapped_column(Integer)
    context_end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str] = mapped_column(String(60), default="")
    #: The ask's content terms, tab-separated (what alignment and incremental runs need).
    terms: Mapped[str] = mapped_column(Text, default="")
    auto_status: Mapped[str] = mapped_column(String(16), default="unaddressed")
    status_override: Mapped[str | None] = mapped_column(String(16))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AskResponse(Base):
    """An official span answering an ask: ``auto`` (the ledger) or ``manual`` (linked).

    An unlinked automatic response stays as an ``excluded`` row, so re-computation does not
    bring it back."""

    __tablename__ = "ask_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("ask.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    passage_id: Mapped[int | None] = mapped_column(ForeignKey("passage.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rank: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    strength: Mapped[str] = mapped_column(String(16), default="statement")
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(String(8), default="auto")
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)


class AskScan(Base):
    """Which sources the ledger has read, as what kind and with which glossary.

    No foreign key on purpose: a row whose source is gone tells the next run that an
    official text was deleted (its answers went with it)."""

    __tablename__ = "ask_scan"

    source_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    glossary: Mapped[str] = mapped_column(String(32), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: Official sources: their candidate sentences and terms, zlib-compressed JSON, so a
    #: later run re-reads the index instead of re-tokenising the library.
    spans: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: False while what the source brings (asks, or sentences that may answer asks) has not
    #: been aligned yet: the import reads a source, the next refresh aligns it (0015).
    aligned: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
