"""Cross-language search: a query word that names a topic also finds the topic's name in
the other language ("semiconductor" finds 半導体, and 半導体 finds "semiconductor").

Nothing here knows a word. The store's own topics say what is equivalent: a topic's *head
terms* in a language are its name (when written in that language) and its first alias in
that language, in the order the taxonomy lists them (``topic_alias.id``: the default
taxonomy puts the plain name first, 半導体 before 後工程 or 露光装置). A query term, or a
run of consecutive terms, whose normalised form (``ingest.tokens.term_forms``: stems for
English) equals a head term's also searches the topic's head terms in the other language.
Only heads, not every alias: "露光装置" is part of the semiconductor topic, not a
translation of "semiconductor", and the topic filter is the way to search a whole topic.

The expanded search is a union of *variants* of the query (the terms as typed, and the same
terms with the run replaced by a head term of the other language), each matched exactly as
it would be on its own, and ranked together (``store.search``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
#: At most this many variants of one query (a query naming several topics).
MAX_VARIANTS = 8
#: Runs of at most this many terms are compared with the head terms.
MAX_RUN = 4

Terms = list[tuple[str, bool]]


@dataclass(frozen=True)
class Expansion:
    """``typed`` (the query's words) also searches ``also`` (the topic's head terms in the
    other language)."""

    typed: str
    also: tuple[str, ...]
    topic: str


@dataclass(frozen=True)
class _Heads:
    topic: str
    latin: tuple[str, ...]
    cjk: tuple[str, ...]


def _heads(db: Any) -> list[_Heads]:
    """Each topic's head terms per script, from the store's topics and aliases."""
    rows = db.rows(
        "SELECT t.id, t.name, a.alias FROM topic t LEFT JOIN topic_alias a ON a.topic_id = t.id "
        "ORDER BY t.id, a.id"
    )
    by_topic: dict[int, tuple[str, list[str]]] = {}
    for tid, name, alias in rows:
        entry = by_topic.setdefault(tid, (name, []))
        if alias:
            entry[1].append(alias)
    out = []
    for name, aliases in by_topic.values():
        # the first alias as written in running text ("semiconductor"), then the name
        # ("Semiconductors"), unless it is the same word
        first_latin = next((a for a in aliases if not _CJK.search(a)), None)
        first_cjk = next((a for a in aliases if _CJK.search(a)), None)
        latin = _distinct([first_latin, None if _CJK.search(name) else name])
        cjk = _distinct([first_cjk, name if _CJK.search(name) else None])
        out.append(_Heads(name, tuple(latin), tuple(cjk)))
    return out


def _distinct(terms: Sequence[str | None]) -> list[str]:
    """The terms without repeats of the same normalised form, in order."""
    out: list[str] = []
    keys: set[tuple[str, ...]] = set()
    for term in terms:
        if term and (key := _key(term)) not in keys and key != ("en",):
            keys.add(key)
            out.append(term)
    return out


def _key(text: str) -> tuple[str, ...]:
    """What a head term and a query run are compared by."""
    if _CJK.search(text):
        return ("ja", unicodedata.normalize("NFKC", text).casefold().replace(" ", ""))
    from briefer.ingest.tokens import term_forms

    return ("en", *(norm for norm, _caps in term_forms(text)))


def _alternative(term: str) -> tuple[str, bool]:
    """A head term as a query term: a phrase when it has several words, never split."""
    if _CJK.search(term):
        return (term, True)
    return (term, len(term.split()) > 1)


def expansions(db: Any, terms: Terms) -> list[tuple[int, int, Expansion, list[tuple[str, bool]]]]:
    """(start, end, the expansion, its alternatives as query terms) for each run of
    ``terms[start:end]`` that names a topic's head term, left to right, longest first."""
    if not terms:
        return []
    keyed: dict[tuple[str, ...], list[tuple[_Heads, bool]]] = {}
    for heads in _heads(db):
        for head in heads.latin:
            keyed.setdefault(_key(head), []).append((heads, True))
        for head in heads.cjk:
            keyed.setdefault(_key(head), []).append((heads, False))
    keyed.pop(("en",), None)  # a head of stop words only
    found = []
    i = 0
    while i < len(terms):
        for j in range(min(len(terms), i + MAX_RUN), i, -1):
            run = terms[i:j]
            if j - i > 1 and any(phrase for _, phrase in run):
                continue  # a quoted phrase is a run of its own
            typed = " ".join(t for t, _ in run)
            if bool(_CJK.search(typed)) and j - i > 1:
                continue
            matches = keyed.get(_key(typed))
            if not matches:
                continue
            also: list[str] = []
            topics: list[str] = []
            for heads, was_latin in matches:
                other = heads.cjk if was_latin else heads.latin
                also += [h for h in other if h not in also]
                if other and heads.topic not in topics:
                    topics.append(heads.topic)
            if also:
                alternatives = [_alternative(h) for h in also]
                found.append((i, j, Expansion(typed, tuple(also), ", ".join(topics)), alternatives))
                i = j - 1
                break
        i += 1
    return found


def variants(terms: Terms, found: Sequence[tuple[int, int, Expansion, Terms]]) -> list[Terms]:
    """The query as typed first, then each combination of the runs replaced by an
    alternative (at most ``MAX_VARIANTS`` in all)."""
    out: list[Terms] = [list(terms)]
    for start, end, _exp, alternatives in reversed(found):
        grown = []
        for v in out:
            for alt in alternatives:
                grown.append([*v[:start], alt, *v[end:]])
        out += grown
        if len(out) >= MAX_VARIANTS:
            break
    return out[:MAX_VARIANTS]
