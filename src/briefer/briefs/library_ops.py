"""Edits of the library as operations: tagging a passage and editing a source's metadata.

They are operations like the brief edits (``operation_base``): one transaction each,
returning their inverse and what they changed, so the window's undo stack holds one kind
of command. They live here rather than in ``library`` because the operation machinery is
in ``briefs``; the work itself is the library's (``topics.tag_in``,
``sources.update_source_in``), shared with the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select

from briefer.briefs.operation_base import Context, Operation
from briefer.library import sources, topics
from briefer.store.models import Passage


def _passage_source(ctx: Context, passage_id: int) -> None:
    source_id = ctx.session.scalar(select(Passage.source_id).where(Passage.id == passage_id))
    ctx.wrote("passages", source_id)


@dataclass(frozen=True)
class SetTag(Operation):
    """The officer tags (or untags) a passage. The inverse restores the decision before:
    the earlier manual one, or none (the tagger decides again)."""

    passage_id: int
    topic_id: int
    tagged: bool
    topic: str = ""

    @property
    def label(self) -> str:
        return f"Tag with {self.topic}" if self.tagged else f"Untag {self.topic}"

    def run(self, ctx: Context) -> Operation:
        before = topics.manual_tag(ctx.session, self.passage_id, self.topic_id)
        topics.tag_in(ctx.session, self.passage_id, self.topic_id, self.tagged)
        _passage_source(ctx, self.passage_id)
        if before is None:
            return ForgetTag(self.passage_id, self.topic_id, self.tagged, self.topic)
        return SetTag(self.passage_id, self.topic_id, before, self.topic)


@dataclass(frozen=True)
class ForgetTag(Operation):
    """Forget the officer's decision on a passage (the tagger decides again).

    ``tagged`` and ``topic`` only name the decision undone, for the Edit menu."""

    passage_id: int
    topic_id: int
    tagged: bool = True
    topic: str = ""

    @property
    def label(self) -> str:
        return f"Tag with {self.topic}" if self.tagged else f"Untag {self.topic}"

    def run(self, ctx: Context) -> Operation:
        before = topics.manual_tag(ctx.session, self.passage_id, self.topic_id)
        topics.clear_manual_tag_in(ctx.session, self.passage_id, self.topic_id)
        _passage_source(ctx, self.passage_id)
        if before is None:  # nothing to forget: undoing it forgets nothing either
            return ForgetTag(self.passage_id, self.topic_id, self.tagged, self.topic)
        return SetTag(self.passage_id, self.topic_id, before, self.topic)


@dataclass(frozen=True)
class EditSource(Operation):
    """Change metadata fields of a source; the inverse writes the old values back."""

    source_id: int
    fields: Mapping[str, Any]
    LABEL: ClassVar[str] = "Edit source"

    @property
    def label(self) -> str:
        return "Edit " + ", ".join(k.replace("_", " ") for k in self.fields)

    def run(self, ctx: Context) -> Operation:
        old = sources.source_fields(ctx.session, self.source_id, self.fields)
        sources.update_source_in(ctx.session, self.source_id, self.fields)
        ctx.wrote("sources", self.source_id)
        return EditSource(self.source_id, old)
