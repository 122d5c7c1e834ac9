"""What must be settled before a brief goes out: unreviewed drafting and under-marking.

An export never carries unreviewed text silently. ``check_exportable`` refuses with the list
of what needs review (one line), unless the officer chose to export a DRAFT, in which case the
writers mark every such item and say so in the header. A brief marked lower than a source it
quotes (level or caveat) is refused the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.briefs import markings
from briefer.briefs.model import BriefView
from briefer.errors import ExportError


class ExportRefused(ExportError):
    """The brief is not ready to go out as final (the message says why, in one line).

    The message names no control: the command line and the window each say how to export a
    DRAFT in their own words (``advice("export with --draft")``)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"Not exported: {self.reason}. Review them, or export the brief marked DRAFT"
        )

    def advice(self, how: str) -> str:
        """The refusal, with ``how`` the officer exports a DRAFT where they are."""
        return f"Not exported: {self.reason}. Review them, or {how} to mark the brief DRAFT"


@dataclass(frozen=True, slots=True)
class Findings:
    suggested_quotes: tuple[tuple[str, int], ...]  # (section topic, quote id)
    proposed_assessments: tuple[str, ...]  # section topics
    under_marked: tuple[markings.UnderMarking, ...]
    #: the level numbers copies but the brief has no copy number or distribution list
    missing_copy_control: str = ""

    @property
    def unreviewed(self) -> bool:
        return bool(self.suggested_quotes or self.proposed_assessments)

    @property
    def clean(self) -> bool:
        return not (self.unreviewed or self.under_marked or self.missing_copy_control)

    def message(self) -> str:
        parts = []
        if self.proposed_assessments:
            topics = "; ".join(self.proposed_assessments)
            parts.append(
                f"{len(self.proposed_assessments)} proposed assessment"
                f"{'s' if len(self.proposed_assessments) != 1 else ''} not reviewed ({topics})"
            )
        if self.suggested_quotes:
            by_topic: dict[str, list[int]] = {}
            for topic, qid in self.suggested_quotes:
                by_topic.setdefault(topic, []).append(qid)
            listed = "; ".join(
                f"{topic}: #{', #'.join(str(q) for q in ids)}" for topic, ids in by_topic.items()
            )
            n = len(self.suggested_quotes)
            parts.append(f"{n} suggested quote{'s' if n != 1 else ''} not reviewed ({listed})")
        for finding in self.under_marked:
            parts.append(f"under-marked: {finding.message()}")
        if self.missing_copy_control:
            parts.append(self.missing_copy_control)
        return "; ".join(parts)


def findings(brief: BriefView) -> Findings:
    suggested = tuple((s.topic, q.id) for s in brief.sections for q in s.quotes if q.suggested)
    proposed = tuple(s.topic for s in brief.sections if s.assessment_suggested)
    sources = [(src.id, src.short_title or src.title, src.marking) for src in brief.cited_sources()]
    under = tuple(markings.under_marking(brief.marking, brief.marking_caveats, sources))
    copy_control = ""
    if markings.needs_copy_number(brief.marking) and not (
        brief.copy_number.strip() and brief.distribution
    ):
        copy_control = (
            f"a {brief.marking.strip()} brief needs a copy number and a distribution list"
        )
    return Findings(suggested, proposed, under, copy_control)


def check_exportable(brief: BriefView, *, draft: bool) -> Findings:
    """Raise ``ExportRefused`` unless the brief may go out (or ``draft`` is chosen)."""
    found = findings(brief)
    if not found.clean and not draft:
        raise ExportRefused(found.message())
    return found
