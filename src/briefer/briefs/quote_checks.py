"""What an officer quoting a span by offsets should hear before trusting it: a span cut
mid-word, or a passage not tagged with the topic it is quoted under. Notes, never refusals:
the quote is made as asked (a span may rightly stop mid-word; a tag may be missing)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.store import texts
from briefer.store.models import Passage, PassageTopic, Topic

#: CJK and later scripts are written without spaces: any boundary there is a word boundary
_SPACELESS = 0x2E80


def _wordy(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < _SPACELESS


def mid_word(session: Session, source_id: int, start: int, end: int) -> list[str]:
    """Which ends of ``[start, end)`` cut a word ("start", "end"), for a note."""
    around = texts.text_span(session, source_id, max(0, start - 1), end + 1)
    if not around or end <= start:
        return []
    lead = 1 if start > 0 else 0
    inner = around[lead : lead + (end - start)]
    before = around[:lead]
    after = around[lead + len(inner) :]
    cuts = []
    if before and inner and _wordy(before[-1]) and _wordy(inner[0]):
        cuts.append("start")
    if after and inner and _wordy(inner[-1]) and _wordy(after[0]):
        cuts.append("end")
    return cuts


def tagged(session: Session, source_id: int, start: int, end: int, topic_id: int) -> bool:
    """Whether a passage under the span is tagged with the topic (an untag does not count)."""
    hit = session.scalar(
        select(PassageTopic.passage_id)
        .join(Passage, Passage.id == PassageTopic.passage_id)
        .where(
            Passage.source_id == source_id,
            Passage.start < max(end, start + 1),
            Passage.end > start,
            PassageTopic.topic_id == topic_id,
            PassageTopic.excluded.is_(False),
        )
        .limit(1)
    )
    return hit is not None


def quote_notes(
    session: Session, source_id: int, start: int, end: int, topic_id: int
) -> list[str]:
    """One line per thing to note about quoting ``[start, end)`` under the topic."""
    notes = []
    span = texts.text_span(session, source_id, start, end)
    if span is None:
        return []  # no such source: the operation says so
    cuts = mid_word(session, source_id, start, end)
    words = span.split() or [span]
    cut = [f"starts mid-word (“{words[0][:40]}”)"] if "start" in cuts else []
    if "end" in cuts:
        cut.append(f"ends mid-word (“{words[-1][-40:]}”)")
    if cut:
        notes.append(
            f"the quote {' and '.join(cut)}: check --start {start} and --end {end} against "
            f"the text of source #{source_id}"
        )
    if not tagged(session, source_id, start, end, topic_id):
        name = session.get(Topic, topic_id)
        notes.append(
            f"the quoted passage is not tagged “{name.name if name else topic_id}”; "
            "the quote goes into that topic's section anyway"
        )
    return notes
