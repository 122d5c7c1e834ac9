"""Content terms of a span, for matching asks with answers across English and Japanese.

All tokenising goes through the shared tokeniser, :func:`briefer.ingest.tokens.content_terms`
(the one the tagger and search use): Snowball endings of number and tense for English,
SudachiPy short units and normalised forms for Japanese, script boundaries so that
「QKDの」 holds the word QKD.

A span's terms are:

* content words in their normalised form, without function words and without the vocabulary
  every text of this domain shares ("cooperation", "both sides", 協力, 双方); acronyms in
  capitals ("AI", "5G");
* two-word phrases of adjacent content words ("pilot line", "early warning"; 量子・暗号 for
  two Japanese short units), never across clause punctuation;
* concepts from the bilingual glossary (``c:economic_security`` for "economic security" and
  経済安全保障 alike): the only bridge between the two languages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from briefer.ingest.tokens import Term, content_terms, has_cjk, term_forms

log = logging.getLogger("briefer")

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/+\-]{1,7}$")

#: Function words, and words every text on international digital cooperation uses.
EN_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "across",
        "after",
        "again",
        "against",
        "all",
        "along",
        "also",
        "although",
        "am",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "during",
        "each",
        "either",
        "etc",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "let",
        "like",
        "made",
        "make",
        "many",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "near",
        "need",
        "needs",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "others",
        "otherwise",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "per",
        "possible",
        "rather",
        "same",
        "shall",
        "she",
        "should",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "thus",
        "to",
        "too",
        "toward",
        "towards",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "eu",
        "japan",
        "japanese",
        "european",
        "europe",
        "union",
        "jp",
        "both",
        "side",
        "sides",
        "party",
        "parties",
        "two",
        "partner",
        "partners",
        "partnership",
        "cooperation",
        "cooperate",
        "cooperating",
        "collaborate",
        "collaboration",
        "collaborative",
        "digital",
        "important",
        "importance",
        "work",
        "working",
        "together",
        "continue",
        "continued",
        "continuing",
        "including",
        "include",
        "includes",
        "new",
        "like-minded",
        "country",
        "countries",
        "region",
        "regions",
        "government",
        "governments",
        "policy",
        "policies",
        "global",
        "international",
        "well",
        "ensure",
        "ensuring",
        "promote",
        "promoting",
        "strengthen",
        "strengthening",
        "support",
        "supporting",
        "enhance",
        "enhancing",
        "further",
        "area",
        "areas",
        "field",
        "fields",
        "issue",
        "issues",
        "matter",
        "matters",
        "relevant",
        "respective",
        "respectively",
        "particular",
        "particularly",
        "especially",
        "order",
        "way",
        "ways",
        "view",
        "views",
        "level",
        "levels",
        "key",
        "crucial",
        "essential",
        "vital",
        "critical",
        "necessary",
        "urge",
        "encourage",
        "invite",
        "recommend",
        "request",
        "expect",
        "call",
        "calls",
        "hope",
        "welcome",
        "welcomed",
        "agreed",
        "agree",
        "intend",
        "intends",
        "aim",
        "aims",
        "also",
        "already",
        "current",
        "currently",
        "year",
        "years",
        "today",
        "time",
        "bilateral",
        "multilateral",
        "mutual",
        "mutually",
        "between",
        "leaders",
        "leader",
        "minister",
        "ministers",
        "commission",
        "commissioner",
        "meeting",
        "council",
        "summit",
        "statement",
        "day",
    ]
)
JA_STOP = frozenset(
    [
        "日",
        "EU",
        "日本",
        "欧州",
        "双方",
        "両者",
        "協力",
        "連携",
        "こと",
        "ため",
        "もの",
        "等",
        "など",
        "間",
        "側",
        "今後",
        "我が国",
        "分野",
        "国際",
        "政府",
        "重要",
        "重要性",
        "推進",
        "強化",
        "促進",
        "取組",
        "取り組み",
        "日欧",
        "日EU",
        "年",
        "月",
        "旨",
        "方",
        "上",
        "中",
        "点",
        "的",
        "性",
        "化",
        "際",
        "件",
        "我々",
        "当会",
        "同",
        "各",
        "両国",
        "関係",
        "会合",
        "会議",
        "開催",
        "結果",
        "本",
        "次回",
        "改めて",
        "再",
        "確認",
        "合意",
        "一致",
        "説明",
        "期待",
        "要望",
        "要請",
        "求め",
        "必要",
        "べき",
        "検討",
        "議論",
        "実施",
        "開始",
    ]
)


def _stop_norms(words: Iterable[str]) -> frozenset[str]:
    """The stop words as the shared tokeniser normalises them (so "promoting" ~ "promote")."""
    out = set(words)
    for w in words:
        out.update(n for n, _caps in term_forms(w))
    return frozenset(out)


_EN_STOP_NORMS = _stop_norms(EN_STOP)
_JA_STOP_NORMS = _stop_norms(JA_STOP)
#: A Japanese word whose normalised form ends in hiragana is a verb or an adjective
#: (行う, 進める, 新しい): not a content term (nouns, サ変 nouns included, end otherwise).
_KANA_END = re.compile(r"[\u3040-\u309f]$")
#: Joins the two words of a Japanese phrase ("量子・暗号"): no Japanese norm contains it.
JA_JOIN = "・"


def japanese_analyser() -> str:
    """What analyses Japanese here (the shared tokeniser, ``ingest/tokens.py``)."""
    return "sudachi"


def _key(term: Term) -> str:
    """What a word is compared by: an acronym in capitals ("AI", "5G"), else its norm."""
    if term.caps and len(term.norm) <= 7:
        return term.norm.upper()
    return term.norm


def _content(term: Term, key: str) -> bool:
    if term.lang == "ja":
        return key not in _JA_STOP_NORMS and not _KANA_END.search(key) and bool(_CJK.search(key))
    return not key.isdigit() and key.lower() not in _EN_STOP_NORMS and len(key) > 1


#: (key, content) of a word by (norm, caps, lang): both depend on nothing else, and working
#: them out again for every word of every sentence was a fifth of the ledger's reading.
_KEYED: dict[tuple[str, bool, str], tuple[str, bool]] = {}
_KEYED_MAX = 200_000


def _keyed(term: Term) -> tuple[str, bool]:
    """``(_key(term), _content(term, _key(term)))``, remembered."""
    form = (term.norm, term.caps, term.lang)
    found = _KEYED.get(form)
    if found is None:
        key = _key(term)
        found = (key, _content(term, key))
        if len(_KEYED) < _KEYED_MAX:
            _KEYED[form] = found
    return found


# --------------------------------------------------------------------------- glossary


def _firsts(en: dict[tuple[str, ...], str]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in en:
        lengths.setdefault(key[0], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def _form_key(form: str) -> tuple[str, ...]:
    """An English form as the words the tokeniser gives for it ("free flow of data" ->
    ("free", "flow", "data")): compared with running text word for word."""
    return tuple(_key(t) for t in content_terms(form))


@dataclass(frozen=True, eq=False)
class Glossary:
    """Concepts with their English forms (word sequences) and Japanese forms (substrings)."""

    en: dict[tuple[str, ...], str]  # normalised word sequence -> concept id
    ja: dict[str, str]  # Japanese form -> concept id
    digest: str
    #: first word -> the lengths of the English forms starting with it, longest first
    firsts: dict[str, tuple[int, ...]]
    #: every Japanese form, longest first, as one pattern
    ja_pattern: re.Pattern[str] | None
    #: concept id -> the words, phrases and Japanese forms it is made of (one notion).
    parts: dict[str, frozenset[str]]
    #: concepts that are generic on their own (``"generic": true``): never evidence alone.
    generic: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[dict[str, Any]]) -> Glossary:
        en: dict[tuple[str, ...], str] = {}
        ja: dict[str, str] = {}
        generic: set[str] = set()
        raw: list[Any] = []
        for entry in entries:
            cid = str(entry.get("id") or "").strip()
            if not cid:
                continue
            forms_en = [str(f) for f in entry.get("en", []) if str(f).strip()]
            forms_ja = [str(f) for f in entry.get("ja", []) if str(f).strip()]
            raw.append([cid, forms_en, forms_ja, bool(entry.get("generic"))])
            if entry.get("generic"):
                generic.add(cid)
            for form in forms_en:
                key = _form_key(form)
                if key:
                    en.setdefault(key, cid)
            for form in forms_ja:
                ja.setdefault(form, cid)
        digest = _digest(raw)
        glossary = cls(
            en=en,
            ja=ja,
            digest=digest,
            firsts=_firsts(en),
            ja_pattern=re.compile(
                "|".join(re.escape(f) for f in sorted(ja, key=lambda f: (-len(f), f)))
            )
            if ja
            else None,
            parts={},
            generic=frozenset(generic),
        )
        # What each concept is made of, as ``terms`` gives it for the concept's own forms.
        parts: dict[str, set[str]] = {}
        for key, cid in en.items():
            parts.setdefault(cid, set()).update(_word_terms(" ".join(key)))
        for form, cid in ja.items():
            parts.setdefault(cid, set()).update([form, *_word_terms(form)])
        glossary.parts.update({cid: frozenset(words) for cid, words in parts.items()})
        return glossary

    def concepts(self, text: str, toks: Sequence[Term]) -> list[str]:
        """Concept ids mentioned in ``text`` (whose words are ``toks``), one per mention."""
        found = self.latin_concepts(toks)
        if self.ja_pattern is not None and _CJK.search(text):
            ja = self.ja
            found += [ja[m.group()] for m in self.ja_pattern.finditer(text)]
        return found

    def latin_concepts(self, toks: Sequence[Term]) -> list[str]:
        """Concept ids of the English forms among a text's words (never across punctuation
        that ends a clause, nor across Japanese)."""
        found: list[str] = []
        keys = [_keyed(t)[0] if t.lang == "en" else "" for t in toks]
        firsts = self.firsts
        i = 0
        while i < len(keys):
            step = 1
            for n in firsts.get(keys[i], ()) if keys[i] else ():
                if i + n > len(keys) or any(toks[j].brk for j in range(i + 1, i + n)):
                    continue
                cid = self.en.get(tuple(keys[i : i + n]))
                if cid is not None:
                    found.append(cid)
                    step = n
                    break
            i += step
        return found


def _glossary_entries(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("The glossary %s could not be read (%s); it is ignored.", path, exc)
        return []
    return list(data.get("concepts", [])) if isinstance(data, dict) else []


def glossary_paths(store_path: str | Path | None = None) -> list[Path]:
    """The officer's own glossary files, in the order they apply (later wins on a form)."""
    paths: list[Path] = []
    if store_path:
        p = Path(str(store_path))
        if "://" not in str(store_path):
            paths.append(p.with_name(p.stem + ".glossary.json"))
    env = os.environ.get("BRIEFER_GLOSSARY")
    if env:
        paths.append(Path(env))
    return [p for p in paths if p.is_file()]


def load_glossary(store_path: str | Path | None = None) -> Glossary:
    """The shipped glossary, extended by the officer's files (their forms come first).

    Read again only when one of the officer's files changed (name, size, modification
    time): the import asks for it once per file, and parsing both each time cost 5-9 ms."""
    return _glossary_of(_stamp(store_path))


def glossary_digest(store_path: str | Path | None = None) -> str:
    """``load_glossary(store_path).digest`` without building the glossary (its forms'
    keys: 2 s of CPU), for a process that only checks what a reading was made with (the
    import's writer)."""
    return _digest_of(_stamp(store_path))


def _stamp(store_path: str | Path | None) -> tuple[tuple[str, int, int], ...]:
    stamp = []
    for path in glossary_paths(store_path):
        try:
            st = path.stat()
        except OSError:
            continue
        stamp.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(stamp)


def _blob(stamp: tuple[tuple[str, int, int], ...]) -> str:
    shipped = json.loads((files("briefer.resources") / "asks_glossary.json").read_text("utf-8"))
    own: list[dict[str, Any]] = []
    for name, _size, _mtime in stamp:
        own += _glossary_entries(Path(name))
    return json.dumps([own, shipped["concepts"]], ensure_ascii=False)


@lru_cache(maxsize=8)
def _glossary_of(stamp: tuple[tuple[str, int, int], ...]) -> Glossary:
    return _cached_glossary(_blob(stamp))


@lru_cache(maxsize=8)
def _digest_of(stamp: tuple[tuple[str, int, int], ...]) -> str:
    own, shipped = json.loads(_blob(stamp))
    raw: list[Any] = []
    for entry in [*own, *shipped]:
        cid = str(entry.get("id") or "").strip()
        if cid:
            forms_en = [str(f) for f in entry.get("en", []) if str(f).strip()]
            forms_ja = [str(f) for f in entry.get("ja", []) if str(f).strip()]
            raw.append([cid, forms_en, forms_ja, bool(entry.get("generic"))])
    return _digest(raw)


def _digest(raw: list[Any]) -> str:
    """What a glossary is made of, in 16 hex digits (``Glossary.digest``)."""
    return hashlib.sha256(json.dumps(raw, ensure_ascii=False).encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def _cached_glossary(blob: str) -> Glossary:
    own, shipped = json.loads(blob)
    return Glossary.from_entries([*own, *shipped])


# --------------------------------------------------------------------------- terms


def terms(text: str, glossary: Glossary) -> list[str]:
    """The content terms of a span (with repeats, for term frequencies)."""
    return list(_terms(text, glossary))


@lru_cache(maxsize=100_000)
def _terms(text: str, glossary: Glossary) -> tuple[str, ...]:
    toks = content_terms(text)
    return (*_word_terms_of(text, toks), *(f"c:{cid}" for cid in glossary.concepts(text, toks)))


#: A character that can be part of a word of the shared tokeniser (``tokens._WORD``): letters,
#: digits and the inner ``&`` and apostrophes.
_WORDISH = re.compile(r"[^\W_]|[&'’]")
#: A word's ``Term.brk``.
_BRK = itemgetter(5)


class PassageWords:
    """A passage's words as :func:`~briefer.ingest.tokens.content_terms` gives them, made
    once and shared: the tagger scores the passage with them and :meth:`terms` reads a
    sentence of it from them, instead of tokenising the sentence again (which was three
    quarters of the asks ledger's reading of an import).

    ``text`` is the passage's text, ``toks`` its words (offsets into ``text``). What
    :func:`terms` works out word by word (each word's key, the phrase it makes with the
    word before it, the glossary forms starting at it) is worked out once for the passage,
    the first time a sentence of it is read; a sentence then only gathers its words' share.
    """

    __slots__ = (
        "_at",
        "_first",
        "_forms",
        "_glossary",
        "_keys",
        "_rest",
        "_starts",
        "text",
        "toks",
    )

    def __init__(self, text: str, toks: Sequence[Term]) -> None:
        self.text = text
        self.toks = toks
        self._starts: list[int] | None = None
        self._keys: list[str] = []
        self._first: list[tuple[str, ...]] = []
        self._rest: list[tuple[str, ...]] = []
        self._glossary: Glossary | None = None
        self._at: list[int] = []
        self._forms: list[list[tuple[int, str]]] = []

    def terms(self, start: int, end: int, glossary: Glossary) -> list[str] | None:
        """:func:`terms` of ``text[start:end]``, from the passage's words; None when they
        might differ (Japanese text, or a bound inside a word), and the caller tokenises."""
        text = self.text
        if not 0 <= start <= end <= len(text):
            return None
        starts = self._starts
        if starts is None:
            # Only an English passage: Japanese words come from SudachiPy, whose analysis
            # of a sentence alone may differ from its analysis in its passage.
            if has_cjk(text):
                return None
            starts = self._starts = [t.start for t in self.toks]
            self._words()
        if (start > 0 and _WORDISH.match(text, start - 1)) or (
            end < len(text) and _WORDISH.match(text, end)
        ):
            return None  # a word may run across the bound: read alone it would be cut
        if glossary is not self._glossary:
            self._glossary_forms(glossary)
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        # The same words as ``content_terms(text[start:end])`` at other offsets, and the
        # same gaps between them (what the phrases and glossary forms read); only the first
        # word's ``brk`` differs, and nothing reads a first word's ``brk``.
        out = list(self._first[lo]) if lo < hi else []
        out.extend(chain.from_iterable(self._rest[lo + 1 : hi]))
        at, forms = self._at, self._forms
        after = lo  # greedy, leftmost-longest, as Glossary.latin_concepts reads
        for k in range(bisect_left(at, lo), len(at)):
            i = at[k]
            if i >= hi:
                break
            if i < after:
                continue
            for n, cid in forms[k]:
                if i + n <= hi:
                    out.append(f"c:{cid}")
                    after = i + n
                    break
        return out

    def _words(self) -> None:
        """Each word's terms as ``_word_terms_of`` gives them (English words): as a span's
        first word (its key, if a content word) and after another word of the span (also
        the phrase it makes with that word)."""
        text, toks = self.text, self.toks
        memo, gap = _KEYED, _EN_GAP.fullmatch
        keyed = [memo.get((t.norm, t.caps, t.lang)) or _keyed(t) for t in toks]
        first: list[tuple[str, ...]] = []
        rest: list[tuple[str, ...]] = []
        prev: str | None = None
        prev_end = 0
        for t, (key, content) in zip(toks, keyed, strict=True):
            if not content:
                first.append(())
                rest.append(())
                prev = None
                continue
            first.append((key,))
            # one space (most gaps) without the regex
            if prev is not None and (
                (t.start == prev_end + 1 and text[prev_end] == " ") or gap(text, prev_end, t.start)
            ):
                rest.append((key, f"{prev} {key}"))
            else:
                rest.append((key,))
            prev, prev_end = key, t.end
        self._first, self._rest = first, rest
        self._keys = [key for key, _content in keyed]

    def _glossary_forms(self, glossary: Glossary) -> None:
        """Where a glossary form could start (``_at``) and which, longest first (``_forms``:
        its length in words and its concept), never across clause punctuation."""
        keys = self._keys
        firsts, en = glossary.firsts, glossary.en
        at: list[int] = []
        forms: list[list[tuple[int, str]]] = []
        # Most words start no form: find the few that might in one pass, and count the
        # clause breaks (a word's ``brk``) only for a passage that has one.
        starts = [i for i, key in enumerate(keys) if key in firsts]
        if starts:
            # breaks[j]: clause breaks before word j, word j's own included
            breaks = list(accumulate(map(_BRK, self.toks)))
            for i in starts:
                found: list[tuple[int, str]] = []
                for n in firsts[keys[i]]:
                    # no break before words i+1 .. i+n-1
                    if i + n > len(keys) or breaks[i + n - 1] != breaks[i]:
                        continue
                    cid = en.get(tuple(keys[i : i + n]))
                    if cid is not None:
                        found.append((n, cid))
                if found:
                    at.append(i)
                    forms.append(found)
        self._glossary, self._at, self._forms = glossary, at, forms


def _word_terms(text: str) -> tuple[str, ...]:
    return _word_terms_of(text, content_terms(text))


_EN_GAP = re.compile(r"[\s\-‐/]*")


def _word_terms_of(text: str, toks: Sequence[Term]) -> tuple[str, ...]:
    """Content words and two-word phrases of adjacent words: English words with only space
    or a hyphen between, Japanese words written together (量子・鍵 for 量子鍵). A
    one-character Japanese word is no term alone, only in a phrase; a phrase never joins
    across a function word, a verb or punctuation."""
    out: list[str] = []
    prev: str | None = None
    prev_lang = ""
    prev_end = 0
    for t in toks:
        key, content = _keyed(t)
        if not content:
            prev = None
            continue
        if not (t.lang == "ja" and len(key) == 1):
            out.append(key)
        if prev is not None and prev_lang == t.lang:
            if t.lang == "ja":
                if prev_end == t.start:
                    out.append(f"{prev}{JA_JOIN}{key}")
            elif _EN_GAP.fullmatch(text, prev_end, t.start):
                out.append(f"{prev} {key}")
        prev, prev_lang, prev_end = key, t.lang, t.end
    return tuple(out)


@lru_cache(maxsize=262_144)
def script(term: str) -> str:
    """ "c" for a glossary concept, "ja" for a Japanese term, "en" otherwise."""
    if term.startswith("c:"):
        return "c"
    return "ja" if _CJK.search(term) else "en"


def is_acronym(term: str) -> bool:
    return bool(_ACRONYM.match(term))


def is_phrase(term: str) -> bool:
    """A two-word phrase or a glossary concept: evidence stronger than one shared word."""
    return (
        term.startswith("c:")
        or " " in term
        or JA_JOIN in term
        or (bool(_CJK.search(term)) and len(term) >= 4)
    )


def phrase_words(term: str) -> list[str]:
    """The two words of a phrase (English or Japanese)."""
    return term.replace(JA_JOIN, " ").split()
