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


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Word and punctuation tokens, and for each whether whitespace came before it."""
    tokens: list[str] = []
    gaps: list[bool] = []
    last = 0
    for m in _TOKEN.finditer(text):
        tokens.append(m.group())
        gaps.append(m.start() > last)
        last = m.end()
    return tokens, gaps


@dataclass(frozen=True, slots=True)
class _Alias:
    topic_id: int
    keys: tuple[str, ...]  # tokens, case-folded unless the alias is an acronym
    gaps: tuple[bool, ...]  # whitespace between consecutive tokens, as in the alias
    exact: bool  # acronyms ("AI", "DSA") match case-sensitively


class Tagger:
    """Matchers for a set of topics; cheap to reuse across many passages.

    Latin-script aliases are matched as whole token sequences through a dictionary keyed by
    their first token (one pass over the text, whatever the number of aliases); Japanese
    aliases, which have no word boundaries, as substrings.
    """

    def __init__(self, topics: Iterable[TopicTerms]) -> None:
        self._exact: dict[str, list[_Alias]] = {}
        self._folded: dict[str, list[_Alias]] = {}
        self._cjk: list[tuple[int, re.Pattern[str]]] = []
        self._cache: dict[str, dict[int, int]] = {}
        for topic in topics:
            cjk_terms: list[str] = []
            for term in {" ".join(t.split()) for t in topic.terms if t.strip()}:
                if _CJK.search(term):
                    cjk_terms.append(term)
                    continue
                tokens, gaps = _tokenize(term)
                if not tokens:
                    continue
                exact = bool(_ACRONYM.match(term))
                keys = tuple(tokens) if exact else tuple(t.casefold() for t in tokens)
                alias = _Alias(topic.topic_id, keys, tuple(gaps[1:]), exact)
                (self._exact if exact else self._folded).setdefault(keys[0], []).append(alias)
            if cjk_terms:
                body = "|".join(re.escape(t) for t in sorted(cjk_terms, key=len, reverse=True))
                self._cjk.append((topic.topic_id, re.compile(body)))
        for table in (self._exact, self._folded):
            for entries in table.values():
                entries.sort(key=lambda a: len(a.keys), reverse=True)

    def mentions(self, text: str) -> dict[int, int]:
        """How many times each topic is mentioned in ``text`` (non-overlapping, longest first)."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        found: dict[int, int] = {}
        tokens, gaps = _tokenize(text)
        folded = [t.casefold() for t in tokens]
        busy_until: dict[int, int] = {}
        for i, token in enumerate(tokens):
            for alias in (*self._exact.get(token, ()), *self._folded.get(folded[i], ())):
                if busy_until.get(alias.topic_id, 0) > i:
                    continue
                n = len(alias.keys)
                words = tokens if alias.exact else folded
                if (
                    words[i : i + n] == list(alias.keys)
                    and tuple(gaps[i + 1 : i + n]) == alias.gaps
                ):
                    found[alias.topic_id] = found.get(alias.topic_id, 0) + 1
                    busy_until[alias.topic_id] = i + n
        if self._cjk and _CJK.search(text):
            for topic_id, pattern in self._cjk:
                n = sum(1 for _ in pattern.finditer(text))
                if n:
                    found[topic_id] = found.get(topic_id, 0) + n
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[text] = found
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
