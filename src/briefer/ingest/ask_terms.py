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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from briefer.ingest.tokens import Term, content_terms, term_forms

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
        digest = hashlib.sha256(json.dumps(raw, ensure_ascii=False).encode()).hexdigest()[:16]
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
        keys = [_key(t) if t.lang == "en" else "" for t in toks]
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
    stamp = []
    for path in glossary_paths(store_path):
        try:
            st = path.stat()
        except OSError:
            continue
        stamp.append((str(path), st.st_size, st.st_mtime_ns))
    return _glossary_of(tuple(stamp))


@lru_cache(maxsize=8)
def _glossary_of(stamp: tuple[tuple[str, int, int], ...]) -> Glossary:
    shipped = json.loads((files("briefer.resources") / "asks_glossary.json").read_text("utf-8"))
    own: list[dict[str, Any]] = []
    for name, _size, _mtime in stamp:
        own += _glossary_entries(Path(name))
    return _cached_glossary(json.dumps([own, shipped["concepts"]], ensure_ascii=False))


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
        key = _key(t)
        if not _content(t, key):
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
