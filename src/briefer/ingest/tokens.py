"""Words of English and Japanese text, with a normalised form and exact offsets.

One tokeniser for everything that compares words: the topic tagger, search, and (later) the
asks ledger. Text is first split at script boundaries, so a Latin acronym written against
Japanese (「IPEFの枠組み」) is a word of its own. Latin runs are split into words and their
endings of number and tense taken off with the Snowball English stemmer (``computers`` and
``computer`` share a form, ``standardization`` and ``standard`` do not); Japanese runs
go through SudachiPy's shortest-unit analysis with the core dictionary shipped inside the
``sudachidict-core`` wheel, whose normalised dictionary form makes inflected forms
(進め/進める) and spelling variants (コンピューター/コンピュータ) compare equal, and whose short
units make a compound (量子暗号通信) contain its parts (量子暗号).

The API is small on purpose:

- :func:`content_terms` -- the content words of a text, each a :class:`Term`;
- :func:`term_forms` -- the normalised forms of a phrase (an alias, a search term);
- :func:`has_cjk` -- whether a text has Japanese (or other CJK) characters.

The Sudachi dictionary is loaded once, lazily, the first time Japanese text is seen
(about 0.2 s; :func:`dictionary_load_seconds` reports it). English-only work never loads it.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from functools import lru_cache
from typing import Any, Literal, NamedTuple

#: Japanese (and other CJK) characters: kana, CJK ideographs, the long-vowel and
#: iteration marks, half-width katakana. The same class as the store's CJK detection.
CJK_CLASS = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK = re.compile(f"[{CJK_CLASS}]")
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
#: A Latin (or any non-CJK) word: letters and digits, with inner ``&`` or apostrophes
#: ("R&D", "officer's"); hyphens, slashes and dots separate words.
_WORD = re.compile(r"[^\W_]+(?:[&'’][^\W_]+)*")  # applied to non-CJK runs only
#: Punctuation that ends a clause: a phrase never matches across it.
_BREAK = re.compile(r"[.;:!?,。、，；：！？()\[\]（）「」『』【】\n]|\s[-–—]\s")

Language = Literal["en", "ja"]

_EN_STOP = frozenset(
    """a an the and or nor but of to in on at by for from with without into onto over under
    as is are was were be been being am do does did done has have had having will would
    shall should can could may might must it its this that these those there here their
    theirs them they we our ours us you your he she his her him i me my mine which who whom
    whose what when where why how than then so such also not no yes all any each both
    either neither other another very more most much many some own same just only if else
    about above below between through during before after again further once up down out
    off per via upon within among amongst""".split()  # noqa: SIM905
)

# Sudachi parts of speech (first level) that carry no content, and second levels that mark
# a light verb or adjective (する, なる, ある, ない) as a function word.
_JA_FUNCTION_POS = frozenset(
    {"助詞", "助動詞", "補助記号", "記号", "空白", "感動詞", "接続詞", "代名詞", "連体詞"}
)
_JA_LIGHT = "非自立可能"


class Term(NamedTuple):
    """One content word: ``text[start:end]`` is exactly it.

    ``norm`` is what is compared: for English the case-folded, NFKC-folded word without
    its inflectional ending (an all-capital acronym keeps ``caps`` so it can be matched
    case-sensitively; its plural ``s`` is dropped: "SMEs" -> "sme"); for Japanese Sudachi's
    normalised form. ``brk`` says that clause punctuation (or a line break) lies between
    this word and the previous one, so a phrase is never matched across it.
    """

    norm: str
    start: int
    end: int
    lang: Language
    caps: bool = False
    brk: bool = False

    # A named tuple, not a frozen dataclass: a 20 MB report has 3 million words, and a
    # frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) was a third of
    # tokenising.


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


#: (norm, caps) by word as written: a plain dict is cheaper to consult than an lru_cache.
_NORMS: dict[str, tuple[str, bool]] = {}
_NORMS_MAX = 200_000


def _latin_norm(word: str) -> tuple[str, bool]:
    """(norm, caps) of a Latin word; norm is "" for a stop word."""
    folded = unicodedata.normalize("NFKC", word).replace("’", "'")
    if folded[-2:] in ("'s", "'S"):
        folded = folded[:-2]  # a possessive: "EU's"
    letters = [c for c in folded if c.isalpha()]
    caps = len(folded) >= 2 and bool(letters) and all(c.isupper() for c in letters)
    if not caps and len(letters) >= 2 and folded[-1] == "s" and folded[:-1].isupper():
        caps, folded = True, folded[:-1]  # an acronym's plural: "SMEs", "NFTs"
    lowered = folded.casefold()
    if lowered in _EN_STOP and not (caps and len(lowered) == 2):
        return "", caps  # "IT" and "US" stay words; "THE" in a capitalised heading does not
    if caps or any(c.isdigit() for c in lowered):
        return lowered, caps
    return _inflection_stem(lowered), caps


#: What the Snowball stemmer may take off a word for two words to count as one: endings of
#: number and tense only. Derivations stay apart ("standardization" is not "standard",
#: "connectivity" not "connect"), which full stemming would merge.
_INFLECTIONS = frozenset({"", "s", "es", "e", "ed", "ing", "ings", "y", "ies", "ied"})


def _inflection_stem(word: str) -> str:
    stem: str = _stemmer().stemWord(word)
    if word.startswith(stem) and word[len(stem) :] in _INFLECTIONS:
        return stem
    if word.endswith("ies") and len(word) > 4:
        singular = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        singular = word[:-1]
    else:
        return word
    stem = _stemmer().stemWord(singular)
    if singular.startswith(stem) and singular[len(stem) :] in _INFLECTIONS:
        return stem
    return singular


# ----------------------------------------------------------------------------- Sudachi

_LOCAL = threading.local()
_LOAD_LOCK = threading.Lock()
_DICTIONARY: Any = None
_LOAD_SECONDS: float | None = None


def _dictionary() -> Any:
    global _DICTIONARY, _LOAD_SECONDS
    if _DICTIONARY is None:
        with _LOAD_LOCK:
            if _DICTIONARY is None:
                from sudachipy import Dictionary

                t0 = time.perf_counter()
                _DICTIONARY = Dictionary(dict="core")
                _LOAD_SECONDS = time.perf_counter() - t0
    return _DICTIONARY


def _tokenizer() -> Any:
    """A Sudachi tokenizer for this thread (one tokenizer is not safe across threads)."""
    tok = getattr(_LOCAL, "tokenizer", None)
    if tok is None:
        from sudachipy import SplitMode

        dictionary = _dictionary()
        make = getattr(dictionary, "tokenizer", None) or dictionary.create  # 0.7 renamed it
        tok = _LOCAL.tokenizer = make(mode=SplitMode.A)
    return tok


def dictionary_load_seconds() -> float | None:
    """How long loading the Sudachi dictionary took, or None if it is not loaded yet."""
    return _LOAD_SECONDS


#: Sudachi refuses inputs over ~49,000 bytes; Japanese runs are analysed in pieces.
_JA_CHUNK = 4000


def _japanese_words(run: str, offset: int) -> list[tuple[str, int, int, bool]]:
    """(norm, start, end, caps) of the content words of a CJK run."""
    tok = _tokenizer()
    out: list[tuple[str, int, int, bool]] = []
    pos = 0
    while pos < len(run):
        piece = run[pos : pos + _JA_CHUNK]
        for m in tok.tokenize(piece):
            tags = m.part_of_speech()
            if tags[0] in _JA_FUNCTION_POS or (
                tags[1] == _JA_LIGHT and tags[0] in ("動詞", "形容詞")
            ):
                continue
            base = offset + pos
            out.append((m.normalized_form(), base + m.begin(), base + m.end(), False))
        pos += len(piece)
    return out


# ----------------------------------------------------------------------------- API


def content_terms(text: str) -> list[Term]:
    """The content words of ``text`` in order (stop words and particles left out).

    Offsets are exact: ``text[t.start:t.end]`` is the word as written.
    """
    out: list[Term] = []
    append = out.append
    breaks = [m.start() for m in _BREAK.finditer(text)]
    breaks.append(len(text) + 1)  # a sentinel: no bounds test in the loops below
    b = 0  # breaks[b] is the first break at or after the previous word's end
    prev_end = -1  # no word yet: the first word never follows a break
    norms = _NORMS
    make = Term
    # ``tuple.__new__`` straight: a named tuple's own ``__new__`` is a Python function, and
    # calling it was a sixth of tokenising (3 million words in a 20 MB report).
    new = tuple.__new__
    if _CJK.search(text) is None:
        # English only (most passages): one loop, no intermediate list.
        for m in _WORD.finditer(text):
            word = m.group()
            found = norms.get(word)
            if found is None:
                found = _latin_norm(word)
                if len(norms) < _NORMS_MAX:
                    norms[word] = found
            if not found[0]:
                continue
            start, end = m.span()
            while breaks[b] < prev_end:
                b += 1
            brk = prev_end >= 0 and breaks[b] < start
            append(new(make, (found[0], start, end, "en", found[1], brk)))
            prev_end = end
        return out
    for run_start, run_end, cjk in _runs(text):
        if cjk:
            words = _japanese_words(text[run_start:run_end], run_start)
        else:
            words = []
            for m in _WORD.finditer(text, run_start, run_end):
                word = m.group()
                found = norms.get(word)
                if found is None:
                    found = _latin_norm(word)
                    if len(norms) < _NORMS_MAX:
                        norms[word] = found
                if found[0]:
                    words.append((found[0], m.start(), m.end(), found[1]))
        lang: Language = "ja" if cjk else "en"
        for norm, start, end, caps in words:
            while breaks[b] < prev_end:
                b += 1
            append(new(make, (norm, start, end, lang, caps, prev_end >= 0 and breaks[b] < start)))
            prev_end = end
    return out


def _runs(text: str) -> list[tuple[int, int, bool]]:
    """Maximal CJK and non-CJK stretches of ``text`` as (start, end, is_cjk)."""
    runs: list[tuple[int, int, bool]] = []
    pos = 0
    for m in _CJK_RUN.finditer(text):
        if m.start() > pos:
            runs.append((pos, m.start(), False))
        runs.append((m.start(), m.end(), True))
        pos = m.end()
    if pos < len(text):
        runs.append((pos, len(text), False))
    return runs


@lru_cache(maxsize=16384)
def term_forms(phrase: str) -> tuple[tuple[str, bool], ...]:
    """The (norm, caps) pairs of a phrase's content words, as :func:`content_terms` gives
    them for running text: what an alias or a search term is compared by."""
    return tuple((t.norm, t.caps) for t in content_terms(phrase))
