"""Tagging passages by topic: the passage's own words first, its headings as support.

A topic is *mentioned* where one of its terms (name, aliases, terms learned from the
officer's tags) occurs in the passage, compared word by word through
:mod:`briefer.ingest.tokens` -- inflections for English ("quantum computer" finds "quantum
computers"), Sudachi's normalised short units for Japanese (量子暗号 is found inside
量子暗号通信), Latin acronyms found inside Japanese (IPEFの…); matches are leftmost-longest
and never overlap. A mention introduced as an example ("for example supercomputers"), or named
as the background of a Japanese clause (「…も念頭に置きつつ」), counts ``EXAMPLE_WEIGHT``, and a
topic scoring less than ``MIN_PRIMARY_SCORE`` is never primary. An alias that is a bare generic
word (:data:`GENERIC_WORDS`: プラットフォーム, "platform") only supports a topic the passage or its
headings name otherwise.

The score of a topic is its mentions plus support from the headings above the passage
(innermost ``HEADING_WEIGHT``, outer ones ``OUTER_HEADING_WEIGHT``; the document's title
never counts). A heading naming several topics supports only those the passage names itself.
A tag is *primary* when its score is at least ``PRIMARY_SHARE`` of the passage's best score,
or when the topic is one item of an enumeration that includes the best topic (a passage that
lists what was delivered across many areas is about each of them), or when the passage is one
sentence naming it as much as its most named topic (the headings do not decide between two
topics the sentence itself names; a clause after a semicolon and a long aside in brackets
are said in passing). An alias two topics share names both. A passage that names no
topic takes its nearest topical heading's topic (a bullet under "6. Semiconductors") only
when it is ordinary body text of some length and the heading names that one topic. Passages
in a weak role (:mod:`briefer.ingest.roles`: metadata lines, contact blocks,
self-descriptions) never get a primary tag; a lead-in gets no heading topics, and a
primary tag only for the items of an enumeration it holds (the areas a meeting covered).

Every tag says which words produced it (``evidence``), so a tag can be explained.
Coverage and gap analysis count primary tags; search and the topic board show all tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefer.ingest.roles import WEAK_ROLES, passage_role
from briefer.ingest.tokens import Term, content_terms, has_cjk, term_forms

PRIMARY_SHARE = 0.5
HEADING_WEIGHT = 1.5  # the innermost heading names the topic
OUTER_HEADING_WEIGHT = 1.0
INHERITED_SCORE = 1.5  # a body passage naming no topic, under a specific heading
MAX_INHERITED_TOPICS = 1  # a heading naming more topics lends none the passage does not name
MIN_INHERIT_TERMS = 5  # a passage this short lends itself no heading topic
LEARNED_WEIGHT = 0.6  # a term the officer's tags taught is weaker evidence than an alias
MIN_ENUMERATION = 3  # distinct topics listed in one clause
EXAMPLE_WEIGHT = 0.4  # a mention given as an example ("for example", "e.g.", 「例えば」)
MIN_PRIMARY_SCORE = 0.5  # a passage that names a topic only as an example is not about it

#: Words too general to name a topic by themselves ("platform" of a HAPS or of a data
#: exchange, "climate" of a modelling call, the "vulnerabilities" of a supply chain). An
#: alias that is one of these words (プラットフォーム, "platforms") is supporting evidence:
#: it counts for a topic the passage or its headings name otherwise, never alone (a phrase of
#: such words, "digital trade", "research and innovation", is specific). The list
#: is of general words, never of topics' names; the officer's own aliases follow it too.
GENERIC_WORDS: tuple[str, ...] = tuple(
    """platform platforms プラットフォーム プラットホーム 基盤 climate environment 環境
    network networks ネットワーク infrastructure インフラ standard standards 標準
    規格 vulnerability vulnerabilities 脆弱性 risk risks リスク security
    セキュリティ 安全 安全性 safety data データ digital デジタル technology
    technologies 技術 research 研究 innovation イノベーション trade 貿易 system
    systems システム service services サービス""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class TopicTerms:
    topic_id: int
    terms: tuple[str, ...]  # the topic's name and aliases
    learned: tuple[str, ...] = ()  # terms the officer's tags showed to be strong evidence


@dataclass(frozen=True, slots=True)
class TagScore:
    topic_id: int
    score: float
    primary: bool
    evidence: tuple[str, ...] = ()  # the words that produced the tag, as written


@dataclass(frozen=True, slots=True)
class _Alias:
    topic_id: int
    forms: tuple[tuple[str, bool], ...]  # (norm, caps) per word
    weight: float
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a topic is named: words ``first``..``last`` of the passage."""

    topic_id: int
    first: int
    last: int
    start: int
    end: int
    weight: float
    generic: bool = False  # made of GENERIC_WORDS only: supporting evidence, never alone


#: Words between two list items ("AI, 5G and quantum", 「AI、量子や半導体」).
_LIST_SEPARATOR = re.compile(r"[,、，・/&]|\b(?:and|or)\b|as well as|及び|および|並びに|や|と")
_LIST_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.;:。；：!?！？]")
#: A Japanese topic named as the background of a clause, not its subject: 「AIの急速な発展も
#: 念頭に置きつつ」, 「…の枠組みも活用しつつ」, 「…に基づく取組も参考になるが」. The cue follows the
#: mention within the same clause.
_BACKGROUND_CUES = ("念頭に", "踏まえ", "参考に", "活用しつつ", "視野に")
_BACKGROUND = re.compile(r"[^、。，．]{0,24}?(?:[もを](?:念頭に|踏まえ|参考に|活用しつつ|視野に))")
#: A concessive clause opening a sentence ("Although our members use AI in every product, …",
#: 「生成AIの扱いは重要な論点だが、…」): what it names is conceded, the rest is the subject.
_CONCESSIVE_EN = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:although|though|even though|even if|while|whereas|despite)\b"
    r"[^,;.!?]*,",
    re.I,
)
_CONCESSIVE_JA = ("だが、", "ものの、", "ですが、", "であるが、", "ますが、", "けれども、")
_SENTENCE_END = re.compile(r"[。！？]")
_CONCESSIVE_CUES = (
    "although",
    "though",
    "while",
    "whereas",
    "despite",
    "even if",
    "だが、",
    "ものの、",
    "ですが、",
    "であるが、",
    "ますが、",
    "けれども、",
)
_CONCESSIVE_CUE = re.compile("|".join(re.escape(c) for c in _CONCESSIVE_CUES))
_EXAMPLE_CUES = ("example", "instance", "e.g.", "such as", "例えば", "たとえば")
_EXAMPLE_CUE = re.compile("|".join(re.escape(c) for c in _EXAMPLE_CUES))
_BACKGROUND_CUE = re.compile("|".join(re.escape(c) for c in _BACKGROUND_CUES))
_EXAMPLE = re.compile(
    r"(?:\bfor (?:example|instance)|\be\.g\.|\bsuch as|例えば|たとえば)[\s,:]*"
    r"(?:[^\W\d_]+\s?){0,3}$",
    re.I,
)


class Tagger:
    """Matchers for a set of topics; cheap to reuse across many passages."""

    def __init__(self, topics: Iterable[TopicTerms]) -> None:
        self._index: dict[str, list[_Alias]] = {}
        self._cjk_raw: list[tuple[str, int, float, bool]] = []  # Japanese terms, also as substrings
        self._cache: dict[str, list[Mention]] = {}
        self._heading_cache: dict[
            tuple[tuple[str, ...], str], list[tuple[str, set[int], set[int]]]
        ] = {}
        generic_forms = {term_forms(word) for word in GENERIC_WORDS}
        for topic in topics:
            seen: set[tuple[tuple[str, bool], ...]] = set()
            compiled: list[tuple[str, tuple[tuple[str, bool], ...], float]] = []
            pairs = [(t, 1.0) for t in topic.terms] + [(t, LEARNED_WEIGHT) for t in topic.learned]
            for term, weight in pairs:
                term = " ".join(term.split())
                forms = term_forms(term) if term else ()
                if not forms or forms in seen:
                    continue
                seen.add(forms)
                compiled.append((term, forms, weight))
            for term, forms, weight in compiled:
                generic = forms in generic_forms and term != topic.terms[0]  # never the name
                alias = _Alias(topic.topic_id, forms, weight, generic)
                self._index.setdefault(forms[0][0], []).append(alias)
                if has_cjk(term):
                    self._cjk_raw.append((term, topic.topic_id, weight, generic))
        for entries in self._index.values():
            entries.sort(key=lambda a: (-len(a.forms), -a.weight, a.topic_id))

    # ------------------------------------------------------------------ mentions

    def find(self, text: str, terms: Sequence[Term] | None = None) -> list[Mention]:
        """Topic mentions in ``text``, leftmost-longest, never overlapping."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if terms is None:
            terms = content_terms(text)
        found: list[Mention] = []
        index = self._index
        n = len(terms)
        after = 0  # the first word not inside a mention found
        # Most words start no alias: find the few that might in one pass.
        for i in [k for k, t in enumerate(terms) if t.norm in index]:
            if i < after:
                continue
            best: _Alias | None = None
            for alias in index[terms[i].norm]:
                k = len(alias.forms)
                if i + k > n or (best is not None and k <= len(best.forms)):
                    continue
                if _matches(terms, i, alias.forms):
                    best = alias
                    break  # entries are longest first
            if best is None:
                continue
            k = len(best.forms)
            start, end = terms[i].start, terms[i + k - 1].end
            found.append(
                Mention(best.topic_id, i, i + k - 1, start, end, best.weight, best.generic)
            )
            # An alias two topics share ("post-quantum cryptography" is quantum and
            # cybersecurity) names both: one mention per topic, at the same words.
            for other in self._index[terms[i].norm]:
                if (
                    other.forms == best.forms
                    and other.topic_id != best.topic_id
                    and not any(m.topic_id == other.topic_id and m.start == start for m in found)
                ):
                    found.append(
                        Mention(
                            other.topic_id, i, i + k - 1, start, end, other.weight, other.generic
                        )
                    )
            after = i + k
        if self._cjk_raw and has_cjk(text):
            found = self._add_substring_mentions(text, terms, found)
        if len(self._cache) > 8192:
            self._cache.clear()
        self._cache[text] = found
        return found

    def _add_substring_mentions(
        self, text: str, terms: Sequence[Term], found: list[Mention]
    ) -> list[Mention]:
        """Japanese terms that the analyser split differently in context than alone: a
        substring match counts when it starts and ends on word boundaries."""
        starts = {t.start: k for k, t in enumerate(terms)}
        ends = {t.end: k for k, t in enumerate(terms)}
        taken = [(m.start, m.end, m.topic_id) for m in found]
        extra: list[Mention] = []
        for term, topic_id, weight, generic in self._cjk_raw:
            pos = text.find(term)
            while pos >= 0:
                end = pos + len(term)
                # the same words may name a second topic (a shared alias), never overlap
                if (
                    pos in starts
                    and end in ends
                    and not any(
                        a < end and pos < b and ((a, b) != (pos, end) or t == topic_id)
                        for a, b, t in taken
                    )
                ):
                    extra.append(
                        Mention(topic_id, starts[pos], ends[end], pos, end, weight, generic)
                    )
                    taken.append((pos, end, topic_id))
                pos = text.find(term, end)
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: m.start)

    def mentions(self, text: str) -> dict[int, int]:
        """How many times each topic is mentioned in ``text``."""
        out: dict[int, int] = {}
        for m in named(self.find(text)):
            out[m.topic_id] = out.get(m.topic_id, 0) + 1
        return out

    # ------------------------------------------------------------------ scoring

    def score(
        self,
        text: str,
        heading_path: Sequence[str] = (),
        *,
        kind: str = "paragraph",
        title: str = "",
        position: int | None = None,
        terms: Sequence[Term] | None = None,
    ) -> list[TagScore]:
        """The passage's tags, best first (see the module docstring for the rules).
        ``terms``: ``content_terms(text)``, when the caller has it already."""
        if terms is None:
            terms = content_terms(text)
        role = passage_role(
            text, len(terms), kind=kind, heading_path=tuple(heading_path), position=position
        )
        mentioned = self.find(text, terms)
        if role == "fragment" and not mentioned:
            return []
        headings = (
            self._headings(text, heading_path, kind, title)
            if role not in WEAK_ROLES and role not in ("lead_in", "note")
            else []
        )
        found = named(mentioned, {t for _h, _named, anyt in headings for t in anyt})
        if role == "fragment" and not found:
            return []
        listed = _enumerated(text, found) if len(found) >= MIN_ENUMERATION else set()
        low = text.lower()
        examples = _EXAMPLE_CUE.search(low) is not None
        background = _BACKGROUND_CUE.search(text) is not None
        conceded = _concessive_spans(text, low)
        bracketed = "(" in text or "（" in text
        scores: dict[int, float] = {}
        evidence: dict[int, list[str]] = {}
        for m in found:
            words = text[m.start : m.end]
            ev = evidence.setdefault(m.topic_id, [])
            if words not in ev:
                ev.append(words)
            weight = m.weight
            if m.topic_id not in listed and (
                (examples and _EXAMPLE.search(text[max(0, m.start - 40) : m.start]))
                or (background and _BACKGROUND.match(text, m.end))
                or any(a <= m.start and m.end <= b for a, b in conceded)
            ):
                weight *= EXAMPLE_WEIGHT  # "…, for example supercomputers" is said in passing
            elif (
                bracketed
                and _in_brackets(text, m.start, m.end)
                and not _named_outside(found, m, text)
            ):
                weight *= EXAMPLE_WEIGHT  # "(… in each R&I project …)": an aside
            scores[m.topic_id] = scores.get(m.topic_id, 0.0) + weight
        own = dict(scores)
        best_own = max(own.values(), default=0.0)
        # One sentence naming two topics as much as each other is about both, whichever
        # of them its headings also name ("… future cable systems could also carry quantum
        # key distribution" under "Connectivity").
        co_subjects = (
            {tid for tid, v in own.items() if v >= best_own >= 1.0}
            if role == "body" and kind != "heading" and len(own) > 1 and _one_sentence(text)
            else set()
        )
        if headings:
            self._add_heading_support(
                text, [(h, t) for h, t, _a in headings], kind, len(terms), scores, evidence
            )
        if not scores:
            return []
        best = max(scores.values())
        # An enumeration makes each item primary when it is what the passage lists, i.e. the
        # passage's best topic is one of the items (not a list of areas inside a passage
        # about something else: "standardisation … in the areas of data, AI and 5G").
        enumerated = listed if any(scores[t] == best for t in listed) else set()
        weak = role in WEAK_ROLES

        def primary(tid: int, total: float) -> bool:
            if weak or total < MIN_PRIMARY_SCORE:
                return False
            if role == "lead_in":
                # A lead-in reports a meeting; the bodies it names ("standards
                # organisations met in …") are not its subject, but a list of the areas the
                # meeting covered is (each item primary).
                return tid in listed
            return total >= PRIMARY_SHARE * best or tid in enumerated or tid in co_subjects

        return [
            TagScore(tid, round(s, 3), primary(tid, s), tuple(evidence.get(tid, ())))
            for tid, s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    def _add_heading_support(
        self,
        text: str,
        headings: Sequence[tuple[str, set[int]]],
        kind: str,
        n_terms: int,
        scores: dict[int, float],
        evidence: dict[int, list[str]],
    ) -> None:
        """Headings above the passage support it: the innermost by ``HEADING_WEIGHT``, outer
        ones by ``OUTER_HEADING_WEIGHT``. A passage that names no topic itself takes only
        its nearest topical heading's topics, and only when that heading is specific and the
        passage is more than a fragment."""
        if scores:
            named = set(scores)
            # A passage naming several topics of its own is not also about its heading's
            # topic: the heading supports what it names, it adds nothing.
            own_subject = len(named) > 1
            for depth, (heading, topics) in enumerate(headings):
                weight = HEADING_WEIGHT if depth == 0 else OUTER_HEADING_WEIGHT
                for tid in topics:
                    # A heading naming several topics supports those the passage names;
                    # it lends a topic the passage does not name only when it is specific.
                    if tid not in named and (len(topics) > MAX_INHERITED_TOPICS or own_subject):
                        continue
                    scores[tid] = scores.get(tid, 0.0) + weight
                    evidence.setdefault(tid, []).append(f"heading: {heading}")
            return
        heading, topics = next(((h, t) for h, t in headings if t), ("", set()))
        if (
            topics
            and len(topics) <= MAX_INHERITED_TOPICS
            and (kind == "heading" or n_terms >= MIN_INHERIT_TERMS)
        ):
            for tid in topics:
                scores[tid] = INHERITED_SCORE
                evidence[tid] = [f"heading: {heading}"]

    def _headings(
        self, text: str, heading_path: Sequence[str], kind: str, title: str
    ) -> list[tuple[str, set[int], set[int]]]:
        """The headings above the passage, innermost first, with the topics each names
        (generic words alone do not name one) and the topics it mentions at all.

        The passage itself (when it is a heading) and the document's title are left out: a
        title names what the whole document touches, not what each passage is about.
        """
        parents = tuple(heading_path)
        if parents and (kind == "heading" or parents[-1] == text.strip().rstrip(":：")):
            parents = parents[:-1]
        key = (parents, title)
        cached = self._heading_cache.get(key)
        if cached is not None:
            return cached  # the passages of one section share their headings
        folded_title = " ".join(title.split()).casefold().rstrip(":：")
        out: list[tuple[str, set[int], set[int]]] = []
        for heading in reversed(parents):
            if folded_title and " ".join(heading.split()).casefold() == folded_title:
                continue
            found = self.find(heading)
            out.append((heading, {m.topic_id for m in named(found)}, {m.topic_id for m in found}))
        if len(self._heading_cache) > 4096:
            self._heading_cache.clear()
        self._heading_cache[key] = out
        return out


_SENTENCE_END_EN = re.compile(r"[.!?](?=\s+[A-Z\d(\"“‘])|;")
_JA_SENTENCE_END = re.compile(r"[。！？；;](?=.)", re.S)


def _one_sentence(text: str) -> bool:
    """Whether ``text`` is one sentence of one main clause (a full stop may end it; none,
    and no semicolon, stands inside: "…; AI tools were also mentioned" is an afterthought)."""
    body = text.strip()
    return not (_SENTENCE_END_EN.search(body) or _JA_SENTENCE_END.search(body))


#: Brackets this long hold an aside, not a name's gloss ("(Data Act)", 「（QKD）」).
_ASIDE_CHARS = 30


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside round brackets that hold an aside."""
    before = text[:start]
    opened = max(before.rfind("("), before.rfind("（"))
    if opened < 0 or max(before.rfind(")"), before.rfind("）")) > opened:
        return False
    after = text.find(")", end), text.find("）", end)
    closes = min((c for c in after if c >= 0), default=len(text))
    return closes - opened > _ASIDE_CHARS


def _named_outside(found: Sequence[Mention], m: Mention, text: str) -> bool:
    """Whether ``m``'s topic is also named outside brackets (then "(QKD)" is its acronym)."""
    return any(o.topic_id == m.topic_id and not _in_brackets(text, o.start, o.end) for o in found)


def _concessive_spans(text: str, low: str) -> list[tuple[int, int]]:
    """Where concessive clauses are: (start, end) offsets. Japanese ones run from the start
    of their sentence to the cue, found with ``str.find`` (a pattern that scans back from
    every position would be quadratic on a long sentence)."""
    if _CONCESSIVE_CUE.search(low) is None:
        return []
    if not has_cjk(text):
        return [(m.start(), m.end()) for m in _CONCESSIVE_EN.finditer(text)]
    cues: list[tuple[int, int]] = []
    for cue in _CONCESSIVE_JA:
        pos = text.find(cue)
        while pos >= 0:
            cues.append((pos, pos + len(cue)))
            pos = text.find(cue, pos + len(cue))
    cues.sort()
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    spans = []
    k = 0  # ends[k] is the first sentence end after the current cue's sentence start
    for pos, end in cues:
        while k < len(ends) and ends[k] <= pos:
            k += 1
        spans.append((ends[k - 1] if k else 0, end))
    return spans


def named(found: Sequence[Mention], also: Iterable[int] = ()) -> list[Mention]:
    """The mentions that name a topic: a generic one (:data:`GENERIC_WORDS`) counts only for a
    topic that is also named otherwise, in ``found`` or in ``also`` (the headings' topics)."""
    strong = {m.topic_id for m in found if not m.generic}
    strong.update(also)
    return [m for m in found if m.topic_id in strong]


def _matches(terms: Sequence[Term], i: int, forms: tuple[tuple[str, bool], ...]) -> bool:
    for k, (norm, caps) in enumerate(forms):
        t = terms[i + k]
        if t.norm != norm or (caps and not t.caps) or (k and t.brk):
            return False
    return True


def _enumerated(text: str, found: Sequence[Mention]) -> set[int]:
    """Topics named as items of one list of at least ``MIN_ENUMERATION`` distinct topics."""
    best: set[int] = set()
    run: list[Mention] = []
    for m in found:
        if run and not _list_gap(text[run[-1].end : m.start]):
            best = _larger(best, run)
            run = []
        run.append(m)
    best = _larger(best, run)
    return best if len(best) >= MIN_ENUMERATION else set()


def _list_gap(gap: str) -> bool:
    """Whether ``gap`` separates two items of one list: a separator, at most a few words
    ("semiconductor research, trustworthy AI"), no end of clause."""
    if _CLAUSE_END.search(gap):
        return False
    stripped = gap.strip()
    if not stripped.strip("()（）"):
        return bool(stripped)  # "computing (HPC": an expansion and its acronym; "quantum chips": no
    return bool(_LIST_SEPARATOR.search(stripped)) and len(_LIST_WORD.findall(stripped)) <= 4


def _larger(best: set[int], run: list[Mention]) -> set[int]:
    topics = {m.topic_id for m in run}
    return topics if len(topics) > len(best) else best
