"""Aligning asks with the official sentences that answer them (pure logic, no store).

Technique: BM25 over content terms (``ask_terms.terms``: stemmed content words, adjacent
two-word phrases, bilingual glossary concepts), with the official sentences as documents.
Chosen over topic overlap (the old drafting, which put a generic opening paragraph into
every section) and over embeddings (nothing may download at run time, and a model that
ships in a wheel is large and opaque to the officer). Lexical evidence is also what the
officer can check: every response lists the terms that matched.

A response counts only with *evidence*: at least two distinct matched notions beyond the
topic's own name (a glossary concept absorbs the words it is made of), or one specific
concept or phrase together with the topic. One shared word ("standard" in a
passage about standard contractual clauses against a standardisation ask) or a topic name
alone is never an answer. The status comes from the best response: ``addressed`` when it
commits (agreed, will, launched…) and covers enough of the ask's weight; ``partly`` when it
only reports positions, or covers less; ``unaddressed`` when nothing has evidence or no
answer covers 15% of the ask's weight with specific terms (generic concepts aside).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from briefer.ingest.ask_status import STATUSES as STATUSES  # re-exported
from briefer.ingest.ask_terms import is_acronym, is_phrase, phrase_words, script

K1 = 1.2
B = 0.75
#: Weight of a term by kind, before IDF.
PHRASE_WEIGHT = 1.6
#: Topic names and aliases only say what the ask is about, not what it asks for.
TOPIC_TERM_WEIGHT = 0.35
CONTEXT_WEIGHT = 0.4  # terms of the lead-in a bullet ask sits under
STRENGTH_FACTOR = {"commitment": 1.0, "process": 0.9, "reported": 0.75, "statement": 0.55}
#: Terms in more than this share of the official sentences are too common to be evidence.
MAX_DF_SHARE = 0.08
MIN_DF_CAP = 25
#: ...and never more than this many sentences: a term that common is no evidence, and
#: walking its posting list is what would make a large library slow.
MAX_POSTING = 2000
#: Query-weight share a committing answer must cover for ``addressed``.
ADDRESSED_COVERAGE = 0.3
#: Query-weight share any answer must cover to count at all.
MIN_COVERAGE = 0.12
#: ...and, in specific terms (generic concepts aside), to make the ask ``partly`` met: below
#: it no candidate is an answer and the ask stays ``unaddressed`` (0.15, 0.175 and 0.2 were
#: measured on every split: 0.15 keeps answer recall, the higher ones lose some; FIDELITY.md).
PARTLY_COVERAGE = 0.15
MAX_RESPONSES = 5
#: Candidate sentences gathered from the rarest terms before commoner terms stop adding new
#: ones, and how many of the best-covered candidates are checked for evidence.
MAX_CANDIDATES = 400
MAX_CHECKS = 60


class Doc(NamedTuple):
    """An official sentence as the aligner sees it (a named tuple: an index of half a million
    sentences is built in one go, and a frozen dataclass's ``__init__`` costs 3x more)."""

    key: int  # the caller's id for it
    terms: Counter[str]
    length: int
    strength: str
    source_id: int
    language: str = "en"  # "ja" when most of its words are Japanese


@dataclass(frozen=True, slots=True)
class Match:
    key: int
    score: float
    coverage: float
    evidence: tuple[str, ...]
    strength: str
    #: The coverage without generic concepts (sharing information, a dialogue, standards in
    #: general): what the answer is about, not what it does.
    specific: float = 1.0


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str
    responses: tuple[Match, ...]


@dataclass
class Index:
    """An inverted index over official sentences; add to it as sources come in."""

    docs: dict[int, Doc] = field(default_factory=dict)
    postings: dict[str, dict[int, int]] = field(default_factory=dict)
    total_length: int = 0

    def add(self, doc: Doc) -> None:
        self.remove(doc.key)
        self.docs[doc.key] = doc
        self.total_length += doc.length
        for term, tf in doc.terms.items():
            self.postings.setdefault(term, {})[doc.key] = tf

    def remove(self, key: int) -> None:
        doc = self.docs.pop(key, None)
        if doc is None:
            return
        self.total_length -= doc.length
        for term in doc.terms:
            posting = self.postings.get(term)
            if posting is not None:
                posting.pop(key, None)
                if not posting:
                    del self.postings[term]

    def idf(self, term: str) -> float:
        n = len(self.docs)
        df = len(self.postings.get(term, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def terms_of(self, keys: Iterable[int]) -> set[str]:
        """The terms of some sentences that are rare enough to be evidence (incremental runs:
        an ask sharing none of them cannot have a new answer among them)."""
        cap = posting_cap(len(self.docs))
        out: set[str] = set()
        for key in keys:
            doc = self.docs.get(key)
            if doc is not None:
                out.update(t for t in doc.terms if len(self.postings.get(t, ())) <= cap)
        return out

    # what ``align`` reads (the same as :class:`CompactIndex`'s)
    @property
    def size(self) -> int:
        return len(self.docs)

    def posting(self, term: str) -> Mapping[int, int] | None:
        return self.postings.get(term)

    def doc(self, key: int) -> Doc:
        return self.docs[key]


def posting_cap(n: int) -> int:
    """Terms in more sentences than this (of ``n``) are too common to find answers by."""
    return max(MIN_DF_CAP, min(int(MAX_DF_SHARE * n), MAX_POSTING))


_STRENGTHS = ("commitment", "process", "reported", "statement")
_NO_TERMS: Counter[str] = Counter()


class CompactIndex:
    """The same index for a whole library in bounded memory (the asks ledger's catch-up).

    A sentence is four numbers in arrays (no object per sentence), keys run 0, 1, 2, ... in
    the order added, and only what :func:`align` can use is kept: postings of the terms in
    ``vocab`` (the asks' terms: no other term is ever looked up), and of a term in more than
    :data:`MAX_POSTING` sentences (never walked) its count alone. :func:`align` answers as
    it does over :class:`Index` built from the same sentences (tested)."""

    def __init__(self, vocab: Iterable[str] | None = None) -> None:
        self.vocab: frozenset[str] | None = None if vocab is None else frozenset(vocab)
        self.postings: dict[str, dict[int, int]] = {}
        self.common: dict[str, int] = {}  # term -> how many sentences (over MAX_POSTING)
        self.lengths = array("I")
        self.sources = array("q")
        self.strengths = bytearray()
        self.languages = bytearray()  # 1: "ja"
        self.total_length = 0

    @property
    def size(self) -> int:
        return len(self.lengths)

    def add(
        self, terms: Iterable[str], length: int, strength: str, source_id: int, language: str
    ) -> tuple[int, set[str]]:
        """Add a sentence; returns its key and its distinct terms that were kept."""
        key = len(self.lengths)
        self.lengths.append(length)
        self.sources.append(source_id)
        self.strengths.append(_STRENGTHS.index(strength) if strength in _STRENGTHS else 255)
        self.languages.append(1 if language == "ja" else 0)
        self.total_length += length
        vocab = self.vocab
        counted = Counter(terms if vocab is None else [t for t in terms if t in vocab])
        postings = self.postings
        common = self.common
        for term, tf in counted.items():
            if term in common:
                common[term] += 1
                continue
            posting = postings.get(term)
            if posting is None:
                postings[term] = {key: tf}
            elif len(posting) < MAX_POSTING:
                posting[key] = tf
            else:  # too common ever to be walked: its count is enough
                common[term] = len(posting) + 1
                del postings[term]
        return key, set(counted)

    def df(self, term: str) -> int:
        posting = self.postings.get(term)
        return len(posting) if posting is not None else self.common.get(term, 0)

    def idf(self, term: str) -> float:
        df = self.df(term)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def posting(self, term: str) -> Mapping[int, int] | None:
        return self.postings.get(term)

    def doc(self, key: int) -> Doc:
        code = self.strengths[key]
        return Doc(
            key,
            _NO_TERMS,
            self.lengths[key],
            _STRENGTHS[code] if code < len(_STRENGTHS) else "",
            self.sources[key],
            "ja" if self.languages[key] else "en",
        )

    def rare(self, terms: Iterable[str]) -> set[str]:
        """Those of ``terms`` rare enough to be evidence (see :meth:`Index.terms_of`)."""
        cap = posting_cap(self.size)
        return {t for t in terms if self.df(t) <= cap}


class AlignIndex(Protocol):
    """What :func:`align` reads of an index."""

    total_length: int

    @property
    def size(self) -> int: ...

    def idf(self, term: str) -> float: ...

    def posting(self, term: str) -> Mapping[int, int] | None: ...

    def doc(self, key: int) -> Doc: ...


def query_weights(
    terms: Sequence[str], context: Sequence[str] = (), topic_terms: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Each distinct query term's weight before IDF (phrases up, topic words down)."""
    out: dict[str, float] = {}
    for weight, group in ((1.0, terms), (CONTEXT_WEIGHT, context)):
        for t in group:
            w = weight * (PHRASE_WEIGHT if is_phrase(t) else 1.0)
            if t in topic_terms:
                w *= TOPIC_TERM_WEIGHT
            out[t] = max(out.get(t, 0.0), w)
    return out


def evidence_units(matched: Sequence[str], parts: Mapping[str, frozenset[str]] = {}) -> list[str]:
    """The distinct notions among matched terms: a concept absorbs the words it is made of
    ("cross-border data flows" is one notion, not four words), and a phrase its two words."""
    concepts = [t for t in matched if t.startswith("c:")]
    absorbed: set[str] = set()
    for c in concepts:
        absorbed |= parts.get(c[2:], frozenset())
    loose = [t for t in matched if not t.startswith("c:") and is_phrase(t) and t not in absorbed]
    # Overlapping phrases are one notion ("data free" + "free flow" = "data free flow").
    phrases: list[str] = []
    groups: list[set[str]] = []
    for p in loose:
        words = set(phrase_words(p))
        hit = [g for g in groups if g & words]
        if hit:
            hit[0] |= words
            continue
        groups.append(words)
        phrases.append(p)
    for g in groups:
        absorbed |= g
    singles = [
        t for t in matched if not is_phrase(t) and t.lower() not in absorbed and t not in absorbed
    ]
    return [*concepts, *phrases, *singles]


def _has_evidence(
    matched: Sequence[str],
    topic_terms: frozenset[str],
    parts: Mapping[str, frozenset[str]],
    generic: frozenset[str] = frozenset(),
) -> bool:
    every = evidence_units(matched, parts)
    units = [u for u in every if u not in topic_terms]
    # A generic concept (shared values, growth, obligations in general) supports evidence
    # but is never enough with only another generic one.
    if all(u.startswith("c:") and u[2:] in generic for u in units):
        return False
    if len(units) >= 2:
        return True
    # One specific notion (a concept or phrase) on the ask's own topic also answers it.
    return len(units) == 1 and is_phrase(units[0]) and len(every) > 1


def align(
    index: AlignIndex,
    terms: Sequence[str],
    *,
    context: Sequence[str] = (),
    topic_terms: frozenset[str] = frozenset(),
    exclude_source: int | None = None,
    limit: int = MAX_RESPONSES,
    parts: Mapping[str, frozenset[str]] = {},
    generic: frozenset[str] = frozenset(),
) -> Verdict:
    """The official sentences that answer an ask, best first, and the ask's status."""
    n = index.size
    if not n:
        return Verdict("unaddressed", ())
    weights = query_weights(terms, context, topic_terms)
    avg = index.total_length / n if n else 1.0
    cap = posting_cap(n)
    # What a sentence in either language could match: a Japanese sentence cannot contain
    # the ask's English words (nor the reverse), so coverage is measured against the
    # concepts, acronyms and same-language words only.
    totals = {"en": 0.0, "ja": 0.0}
    plan: list[tuple[int, str, float, Mapping[int, int]]] = []
    for term, w in weights.items():
        idf = index.idf(term)
        kind = script(term)
        for lang in totals:
            if kind in ("c", lang) or is_acronym(term):
                totals[lang] += w * idf
        posting = index.posting(term)
        if posting and len(posting) <= cap:
            plan.append((len(posting), term, w * idf, posting))
    # The rarest terms find the candidates; once there are enough, commoner terms only add
    # to the candidates found (a large library never walks every long posting list).
    plan.sort(key=lambda p: (p[0], p[1]))
    covered: dict[int, float] = {}
    for size, _term, wi, posting in plan:
        if len(covered) < MAX_CANDIDATES:
            for key in posting:
                covered[key] = covered.get(key, 0.0) + wi
        elif size < len(covered):
            for key in posting:
                if key in covered:
                    covered[key] += wi
        else:
            for key in covered:
                if key in posting:
                    covered[key] += wi
    # a sentence's count of a term is in the term's posting (the index keeps no per-sentence
    # term counts: at a library's scale they would be most of its memory)
    usable = {term: posting for _size, term, _wi, posting in plan}
    ranked: list[tuple[float, int]] = []
    docs: dict[int, Doc] = {}
    for key, cov in covered.items():
        doc = docs[key] = index.doc(key)
        total = totals.get(doc.language, 0.0)
        coverage = cov / total if total else 0.0
        if coverage >= MIN_COVERAGE and doc.source_id != exclude_source:
            ranked.append((coverage, key))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    found: list[Match] = []
    for coverage, key in ranked[:MAX_CHECKS]:
        doc = docs[key]
        evidence: list[str] = []
        score = 0.0
        general = 0.0
        for term, w in weights.items():
            held = usable.get(term)
            tf = held.get(key) if held is not None else None
            if not tf:
                continue
            idf = index.idf(term)
            norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length / avg))
            score += w * idf * norm
            evidence.append(term)
            if term.startswith("c:") and term[2:] in generic:
                general += w * idf
        # The words a matched generic concept is made of ("reaffirm", "commitment") are no
        # more specific than the concept: they do not count towards specific coverage.
        plain = {
            u
            for c in evidence
            if c.startswith("c:") and c[2:] in generic
            for u in parts.get(c[2:], ())
        }
        if plain:
            general += sum(
                weights[u] * index.idf(u) for u in evidence if not u.startswith("c:") and u in plain
            )
        total = totals.get(doc.language, 0.0)
        if not _has_evidence(evidence, topic_terms, parts, generic):
            continue
        found.append(
            Match(
                key,
                round(score * STRENGTH_FACTOR.get(doc.strength, 0.5), 4),
                round(coverage, 4),
                tuple(sorted(set(evidence), key=lambda t: (not is_phrase(t), t))),
                doc.strength,
                round(coverage - general / total, 4) if total else 0.0,
            )
        )
    found.sort(key=lambda m: (-m.score, m.key))
    best = tuple(found[:limit])
    status = status_of(best)
    # Candidates too weak to make the ask even partly met are not listed as answers.
    return Verdict(status, best if status != "unaddressed" else ())


def status_of(responses: Sequence[Match]) -> str:
    """An ask's status from its responses, best first."""
    if not responses:
        return "unaddressed"
    top = responses[0]
    if top.strength == "commitment" and top.coverage >= ADDRESSED_COVERAGE:
        return "addressed"
    if max(r.specific for r in responses) < PARTLY_COVERAGE:
        return "unaddressed"
    return "partly"
