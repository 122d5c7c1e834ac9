"""Tagging passages by topic from the topics' names and aliases.

A topic's score for a passage counts its alias mentions in the passage text and adds the
headings the passage sits under (a bullet under "6. Semiconductors" is about
semiconductors even when it never says so). A tag is *primary* when its score is at least
half the passage's best score: a passage that mentions e-commerce once while being about
digital identity is tagged with both, but only primarily with the second. Coverage and
gap analysis count primary tags; search and the topic board show all tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

HEADING_WEIGHT = 1.5  # innermost heading that names the topic
OUTER_HEADING_WEIGHT = 1.0
PRIMARY_SHARE = 0.5
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_ACRONYM = re.compile(r"^[A-Z0-9&/\-]{2,6}$")


@dataclass(frozen=True, slots=True)
class TopicTerms:
    topic_id: int
    terms: tuple[str, ...]  # the topic's name and aliases


@dataclass(frozen=True, slots=True)
class TagScore:
    topic_id: int
    score: float
    primary: bool


def _alias_pattern(alias: str) -> tuple[str, bool]:
    """Regex for one alias, and whether it must match case-sensitively."""
    alias = alias.strip()
    parts = [re.escape(p) for p in re.split(r"\s+", alias) if p]
    body = r"[\s\u00a0]+".join(parts)
    if _CJK.search(alias):
        return body, False
    return rf"(?<![\w]){body}(?![\w])", bool(_ACRONYM.match(alias))


class Tagger:
    """Compiled matchers for a set of topics; cheap to reuse across many passages."""

    def __init__(self, topics: Iterable[TopicTerms]) -> None:
        self._matchers: list[tuple[int, re.Pattern[str] | None, re.Pattern[str] | None]] = []
        for topic in topics:
            folded: list[str] = []
            exact: list[str] = []
            for term in sorted({t for t in topic.terms if t.strip()}, key=len, reverse=True):
                pattern, case_sensitive = _alias_pattern(term)
                (exact if case_sensitive else folded).append(pattern)
            self._matchers.append(
                (
                    topic.topic_id,
                    re.compile("|".join(folded), re.IGNORECASE) if folded else None,
                    re.compile("|".join(exact)) if exact else None,
                )
            )

    def mentions(self, text: str) -> dict[int, int]:
        """How many times each topic is mentioned in ``text``."""
        found: dict[int, int] = {}
        for topic_id, folded, exact in self._matchers:
            n = 0
            if folded is not None:
                n += sum(1 for _ in folded.finditer(text))
            if exact is not None:
                n += sum(1 for _ in exact.finditer(text))
            if n:
                found[topic_id] = n
        return found

    def score(self, text: str, heading_path: Sequence[str] = ()) -> list[TagScore]:
        scores: dict[int, float] = {k: float(v) for k, v in self.mentions(text).items()}
        # Headings above the passage (not the passage itself when it is a heading).
        parents = list(heading_path)
        if parents and parents[-1] == text.strip().rstrip(":："):
            parents = parents[:-1]
        for depth, heading in enumerate(reversed(parents)):
            weight = HEADING_WEIGHT if depth == 0 else OUTER_HEADING_WEIGHT
            for topic_id in self.mentions(heading):
                scores[topic_id] = scores.get(topic_id, 0.0) + weight
        if not scores:
            return []
        best = max(scores.values())
        return [
            TagScore(topic_id, round(s, 3), s >= PRIMARY_SHARE * best)
            for topic_id, s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
