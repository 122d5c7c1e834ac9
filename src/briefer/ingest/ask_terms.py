"""Content terms of a span, for matching asks with answers across English and Japanese.

All tokenising goes through :func:`tokens` (English by a word pattern, Japanese by SudachiPy
with its bundled core dictionary when installed, character bigrams otherwise), so a shared
tokeniser can replace it in one place.

A span's terms are:

* content words, lower-cased and lightly stemmed ("labelled" ~ "labelling" ~ "label"),
  without function words and without the vocabulary every text of this domain shares
  ("cooperation", "both sides", 協力, 双方);
* two-word phrases of adjacent content words ("pilot line", "early warning");
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

log = logging.getLogger("briefer")

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&/+'’\-]*[A-Za-z0-9+]|[A-Za-z0-9]")
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
_JA_POS_KEEP = ("名詞",)
_JA_SKIP_SUB = ("数詞", "非自立可能", "助数詞")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # normalised form (lower-cased English stem, Sudachi normalised form)
    start: int
    end: int
    cjk: bool
    content: bool


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("isation", "ization").replace("ise", "ize").replace("yse", "yze")
    w = re.sub(r"(?<=[a-z])ll(?=ing|ed)", "l", w)
    for suffix, repl in (
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("e", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith(("ss", "us", "is")):
            return w[: len(w) - len(suffix)] + repl
    return w


# --------------------------------------------------------------------------- Japanese


@lru_cache(maxsize=1)
def _sudachi() -> Any | None:
    """SudachiPy's tokenizer over its bundled core dictionary, or None when not installed."""
    try:
        from sudachipy import Dictionary  # type: ignore[import-not-found]

        return Dictionary(dict="core").create()
    except Exception as exc:  # missing package or dictionary: fall back, say so once
        log.info("Japanese terms by character bigrams (SudachiPy unavailable: %s)", exc)
        return None


def japanese_analyser() -> str:
    """What analyses Japanese here: "sudachi" or "bigram" (the fallback)."""
    return "sudachi" if _sudachi() is not None else "bigram"


def _ja_tokens(text: str, offset: int) -> list[Token]:
    tok = _sudachi()
    out: list[Token] = []
    if tok is None:
        for m in re.finditer(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+", text):
            run = m.group()
            for i in range(max(1, len(run) - 1)):
                piece = run[i : i + 2]
                a = offset + m.start() + i
                out.append(Token(piece, a, a + len(piece), True, piece not in JA_STOP))
        return out
    from sudachipy import SplitMode  # type: ignore[import-not-found]

    for m in tok.tokenize(text, SplitMode.C):
        pos = m.part_of_speech()
        surface = m.surface()
        form = m.normalized_form()
        a = offset + m.begin()
        if _WORD.fullmatch(surface):
            form = surface if _ACRONYM.match(surface) else _stem(surface)
            out.append(Token(form, a, a + len(surface), False, form.lower() not in EN_STOP))
            continue
        content = (
            pos[0] in _JA_POS_KEEP
            and pos[1] not in _JA_SKIP_SUB
            and form not in JA_STOP
            and surface not in JA_STOP
            and bool(_CJK.search(surface))
        )
        out.append(Token(form, a, a + len(surface), True, content))
    return out


def tokens(text: str) -> list[Token]:
    """THE tokeniser: word tokens of ``text`` in order, with offsets (both languages)."""
    out: list[Token] = []
    pos = 0
    for m in re.finditer(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+", text):
        out += _en_tokens(text[pos : m.start()], pos)
        out += _ja_tokens(m.group(), m.start())
        pos = m.end()
    out += _en_tokens(text[pos:], pos)
    return out


@lru_cache(maxsize=200_000)
def _word(word: str) -> tuple[tuple[str, int, bool], ...]:
    """A word's tokens: (normalised form, offset in the word, content?), cached per word."""
    if "-" in word and not _ACRONYM.match(word):
        # "quantum-HPC", "supply-chain": the parts are the words ("5G/6G" stays whole).
        out: list[tuple[str, int, bool]] = []
        pos = 0
        for part in word.split("-"):
            if part:
                out += [(f, pos + o, c) for f, o, c in _word(part)]
            pos += len(part) + 1
        return tuple(out)
    form = word if _ACRONYM.match(word) and not word.isdigit() else _stem(word)
    content = word.lower() not in EN_STOP and form.lower() not in EN_STOP and not word.isdigit()
    return ((form, 0, content),)


def _en_tokens(text: str, offset: int) -> list[Token]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        at = offset + m.start()
        for form, o, content in _word(word):
            out.append(Token(form, at + o, at + o + len(form), False, content))
    return out


# --------------------------------------------------------------------------- glossary


def _firsts(en: dict[tuple[str, ...], str]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in en:
        lengths.setdefault(key[0], set()).add(len(key))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


@dataclass(frozen=True, eq=False)
class Glossary:
    """Concepts with their English forms (token sequences) and Japanese forms (substrings)."""

    en: dict[tuple[str, ...], str]  # stemmed token sequence -> concept id
    ja: tuple[tuple[str, str], ...]  # (form, concept id), longest first
    digest: str
    max_len: int
    #: first token -> the lengths of the English forms starting with it, longest first
    firsts: dict[str, tuple[int, ...]]
    #: every Japanese form, longest first, as one pattern
    ja_pattern: re.Pattern[str] | None
    #: concept id -> the words and Japanese forms it is made of (one notion, not several).
    parts: dict[str, frozenset[str]]

    @classmethod
    def from_entries(cls, entries: Iterable[dict[str, Any]]) -> Glossary:
        en: dict[tuple[str, ...], str] = {}
        ja: dict[str, str] = {}
        parts: dict[str, set[str]] = {}
        raw: list[Any] = []
        for entry in entries:
            cid = str(entry.get("id") or "").strip()
            if not cid:
                continue
            forms_en = [str(f) for f in entry.get("en", []) if str(f).strip()]
            forms_ja = [str(f) for f in entry.get("ja", []) if str(f).strip()]
            raw.append([cid, forms_en, forms_ja])
            for form in forms_en:
                key = tuple(t.text for t in _en_tokens(form, 0))
                if key:
                    en.setdefault(key, cid)
                    parts.setdefault(cid, set()).update(k.lower() for k in key)
                    parts[cid].update(" ".join(key[i : i + 2]).lower() for i in range(len(key) - 1))
            for form in forms_ja:
                ja.setdefault(form, cid)
                parts.setdefault(cid, set()).add(form)
        digest = hashlib.sha256(json.dumps(raw, ensure_ascii=False).encode()).hexdigest()[:16]
        return cls(
            en=en,
            ja=tuple(sorted(ja.items(), key=lambda kv: (-len(kv[0]), kv[0]))),
            digest=digest,
            max_len=max((len(k) for k in en), default=1),
            parts={cid: frozenset(words) for cid, words in parts.items()},
            firsts=_firsts(en),
            ja_pattern=re.compile(
                "|".join(
                    re.escape(f) for f, _ in sorted(ja.items(), key=lambda kv: (-len(kv[0]), kv[0]))
                )
            )
            if ja
            else None,
        )

    def concepts(self, text: str, toks: Sequence[Token]) -> list[str]:
        """Concept ids mentioned in ``text`` (whose tokens are ``toks``), one per mention."""
        found = self.latin_concepts([t.text for t in toks if not t.cjk])
        if self.ja_pattern is not None and _CJK.search(text):
            ja = dict(self.ja)
            found += [ja[m.group()] for m in self.ja_pattern.finditer(text)]
        return found

    def latin_concepts(self, latin: Sequence[str]) -> list[str]:
        """Concept ids of the English forms in a sequence of normalised words."""
        found: list[str] = []
        keys = [w if _ACRONYM.match(w) else w.lower() for w in latin]
        firsts = self.firsts
        i = 0
        while i < len(keys):
            lengths = firsts.get(keys[i]) or firsts.get(latin[i])
            step = 1
            for n in lengths or ():
                if i + n > len(keys):
                    continue
                cid = self.en.get(tuple(keys[i : i + n]))
                if cid is None and n == 1:
                    cid = self.en.get((latin[i],))
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
    """The shipped glossary, extended by the officer's files (their forms come first)."""
    shipped = json.loads((files("briefer.resources") / "asks_glossary.json").read_text("utf-8"))
    own: list[dict[str, Any]] = []
    for path in glossary_paths(store_path):
        own += _glossary_entries(path)
    return _cached_glossary(json.dumps([own, shipped["concepts"]], ensure_ascii=False))


@lru_cache(maxsize=4)
def _cached_glossary(blob: str) -> Glossary:
    own, shipped = json.loads(blob)
    return Glossary.from_entries([*own, *shipped])


# --------------------------------------------------------------------------- terms


def terms(text: str, glossary: Glossary) -> list[str]:
    """The content terms of a span (with repeats, for term frequencies)."""
    return list(_terms(text, glossary))


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return word if _ACRONYM.match(word) else word.lower()


@lru_cache(maxsize=100_000)
def _terms(text: str, glossary: Glossary) -> tuple[str, ...]:
    if not _ANY_CJK.search(text):
        return _latin_terms(text, glossary)
    toks = tokens(text)
    out: list[str] = []
    prev: Token | None = None
    for t in toks:
        if not t.content:
            prev = None
            continue
        key = t.text if _ACRONYM.match(t.text) else t.text.lower()
        if t.cjk and len(key) == 1:
            prev = t
            continue
        out.append(key)
        if prev is not None and prev.cjk == t.cjk and prev.content:
            pk = prev.text if _ACRONYM.match(prev.text) else prev.text.lower()
            out.append(f"{pk}{'' if t.cjk else ' '}{key}")
        prev = t
    out += [f"c:{cid}" for cid in glossary.concepts(text, toks)]
    return tuple(out)


_ANY_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _latin_terms(text: str, glossary: Glossary) -> tuple[str, ...]:
    """``_terms`` for text without Japanese: the same terms, without Token objects."""
    out: list[str] = []
    forms: list[str] = []
    prev: str | None = None
    for word in _WORD.findall(text):
        for form, _o, content in _word(word):
            forms.append(form)
            if not content:
                prev = None
                continue
            key = _key(form)
            out.append(key)
            if prev is not None:
                out.append(f"{prev} {key}")
            prev = key
    out += [f"c:{cid}" for cid in glossary.latin_concepts(forms)]
    return tuple(out)


def script(term: str) -> str:
    """ "c" for a glossary concept, "ja" for a Japanese term, "en" otherwise."""
    if term.startswith("c:"):
        return "c"
    return "ja" if _CJK.search(term) else "en"


def is_acronym(term: str) -> bool:
    return bool(_ACRONYM.match(term))


def is_phrase(term: str) -> bool:
    """A two-word phrase or a glossary concept: evidence stronger than one shared word."""
    return term.startswith("c:") or " " in term or (bool(_CJK.search(term)) and len(term) >= 4)
