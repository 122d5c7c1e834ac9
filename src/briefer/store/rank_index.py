"""Exact ranking over every match: a tantivy index beside a SQLite store, a derived cache.

FTS5's ``bm25()`` costs about a microsecond per match idle (13-26 us under load), so ranking
the 50,000 matches of a common word at 10,000 sources cannot meet 20 ms; tantivy's top-k
ranking with block-max pruning does it in about a millisecond (docs/PERFORMANCE.md, "Exact
ranking over every match"). The store stays the source of truth: this index holds, per
passage, its id, its source's id and the *FTS5 tokens* of its text and heading, nothing
that changes without the text (kind, date, topics and the furniture flag are filtered in
SQLite by ``store.search``).

* **The same tokens as FTS5.** A passage is split into words as ``unicode61`` splits it
  (letters and digits), and each distinct word is folded and stemmed by FTS5 itself (a
  scratch in-memory table with the store's tokenizer, ``porter unicode61 remove_diacritics
  2``), so a word query matches the passages FTS5 matches and the count shown (FTS5's) and
  the ranked list agree. The words go to tantivy already stemmed, space-separated, through
  its whitespace tokenizer (positions kept: phrases work). A word holding Japanese (or
  other CJK) characters is replaced by a placeholder (Japanese queries keep their trigram
  path in ``store.search``) and its Latin runs ("IPEF" in 「IPEFの枠組み」) go to a third
  field, so a Latin word written against Japanese is ranked on the same score. Two pair
  fields hold each two adjacent tokens of the text and of the heading as one term: a phrase
  is asked of them (one pruned term for two words), never as a position check.
* **Current or not, in one lookup.** FTS5 rewrites its structure record
  (``passage_fts_data`` id 10) on every write to the word index; ``state.json`` in the index
  folder holds its hash (with the averages record, id 1: rows and tokens per column) as of
  the last complete update. A search compares the two
  (one row read) and uses this index only when they are equal; otherwise ``store.search``
  answers from FTS5 as before and the caller brings the index up to date
  (:func:`update`): the window on a worker, the CLI inline when the change is small.
* **Incremental, resumable, crash-safe.** Passages are added and removed per source
  (``store.passage_index``), so :func:`update` compares each source's fingerprint
  (content hash, passage count, largest passage id) with the one recorded for it, deletes
  the documents of the sources that changed or left and adds those that are new. It commits
  every ``COMMIT_EVERY`` passages and records the sources committed; tantivy commits are
  atomic, so a kill leaves the last commit and its record, the index is seen as stale, and
  the next update goes on from there (a source half-written before the kill is redone: its
  documents are deleted and added again). ``sources.json`` holds the fingerprints (5 MB at
  100,000 sources, read by updates only), ``state.json`` the hash alone (read by a check).

A team store on PostgreSQL has no such index (other writers change the store without this
machine knowing); ``store.pg_search`` ranks there as before.

tantivy is imported only when an index is opened or built, so the CLI's lean read path
(``store.direct``) pays for it only when it searches.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.store.schema import VISIBLE, passage_text_sql

#: Bumped when what is indexed or how it is tokenised changes: an index of another version
#: is rebuilt from scratch.
INDEX_VERSION = 3
#: Passages written between two commits (each commit records its sources in state.json).
COMMIT_EVERY = 50_000
#: The folder beside the store file: ``briefer.sqlite`` -> ``briefer.sqlite.search``.
SUFFIX = ".search"
STATE = "state.json"
SOURCES = "sources.json"
TOKENIZER = "fts5tokens"
#: Stands for a word with CJK characters in the text stream (positions stay as FTS5's).
PLACEHOLDER = "\x01"
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
#: Joins two adjacent tokens into one term of the shingle fields (``pairs``, ``hpairs``).
PAIR = "\x02"
#: What FTS5's trigram index holds after a CJK passage's text (``sqlite_fts.CJK_PAD``), so
#: that every occurrence of a one- or two-character term starts some trigram.
CJK_PAD = "  "

_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")


def index_dir(store: Path) -> Path:
    return store.with_name(store.name + SUFFIX)


# ----------------------------------------------------------------------------- tokens


class Stems:
    """Words to FTS5's tokens for them, asked of FTS5 itself (a scratch in-memory table with
    the store's tokenizer) once per distinct word and kept."""

    def __init__(self) -> None:
        self._con = sqlite3.connect(":memory:", check_same_thread=False)
        self._con.execute(f"CREATE VIRTUAL TABLE w USING fts5(t, tokenize='{FTS_TOKENIZE}')")
        self._con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, w, 'instance')")
        self._known: dict[str, str] = {}
        self._lock = threading.Lock()

    def learn(self, words: Iterable[str]) -> None:
        new = list(set(words).difference(self._known))
        if not new:
            return
        with self._lock:
            con = self._con
            con.execute("DELETE FROM w")
            con.executemany("INSERT INTO w(rowid, t) VALUES (?, ?)", enumerate(new, 1))
            found: dict[int, list[tuple[int, str]]] = {}
            for term, doc, offset in con.execute("SELECT term, doc, offset FROM temp.v"):
                found.setdefault(doc, []).append((offset, term))
            for i, word in enumerate(new, 1):
                self._known[word] = " ".join(t for _, t in sorted(found.get(i, ())))

    def __getitem__(self, word: str) -> str:
        if word not in self._known:
            self.learn([word])
        return self._known[word]

    def tokens(self, text: str) -> list[str]:
        """FTS5's tokens for ``text`` (a query term), in order."""
        words = _WORD.findall(text)
        self.learn(words)
        return [t for w in words for t in self._known[w].split()]


class Folds:
    """Characters to what FTS5's trigram tokenizer folds them to (its ``case_sensitive 0``:
    Unicode case folding, diacritics kept), asked of FTS5 itself once per distinct character,
    with whitespace mapped to private-use characters (tantivy's whitespace tokenizer would
    split a trigram holding a space; each whitespace character keeps its own stand-in, so
    "a b" and "a\tb" stay different trigrams, as in FTS5)."""

    def __init__(self) -> None:
        self._con = sqlite3.connect(":memory:", check_same_thread=False)
        self._con.execute("CREATE VIRTUAL TABLE w USING fts5(t, tokenize='trigram')")
        self._con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, w, 'instance')")
        self._map: dict[int, str] = {}
        self._lock = threading.Lock()

    def fold(self, text: str) -> str:
        new = [c for c in set(text) if ord(c) not in self._map]
        if new:
            with self._lock:
                con = self._con
                con.execute("DELETE FROM w")
                # "c" + two characters that fold to themselves: one trigram, c folded first
                con.executemany(
                    "INSERT INTO w(rowid, t) VALUES (?, ?)",
                    [(i, c + "##") for i, c in enumerate(new, 1)],
                )
                found = {
                    doc: term
                    for term, doc, _off in con.execute("SELECT term, doc, offset FROM temp.v")
                }
                for i, c in enumerate(new, 1):
                    folded = found.get(i, c + "##")[:-2] or c
                    if folded.isspace() or c.isspace():
                        folded = chr(0x100000 + ord(folded[0]))
                    self._map[ord(c)] = folded
        return text.translate(self._map)

    def trigrams(self, text: str) -> list[str]:
        """The trigrams FTS5's trigram tokenizer makes of ``text``, in order."""
        f = self.fold(text)
        return [f[i : i + 3] for i in range(len(f) - 2)]


def trigram_field(text: str, folds: Folds) -> str:
    """The ``tri`` field of a passage with CJK characters (FTS5's ``passage_tri`` holds the
    same passages, padded the same way): its trigrams, space-separated, in order."""
    f = folds.fold(text + CJK_PAD)
    return " ".join(map("".join, zip(f, f[1:], f[2:], strict=False)))


def pairs(tokens: str) -> str:
    """The shingle field of a token field: each two adjacent tokens as one term, so that a
    phrase of n words is a phrase of n - 1 pair terms (a two-word phrase one term, ranked
    with block-max pruning like a word) instead of a position check over every passage that
    holds all its words. A pair with a CJK placeholder can never be asked for: left out."""
    toks = tokens.split()
    if PLACEHOLDER not in tokens:  # most passages: one join in C
        return " ".join(map(PAIR.join, itertools.pairwise(toks)))
    return " ".join(
        a + PAIR + b for a, b in itertools.pairwise(toks) if a != PLACEHOLDER and b != PLACEHOLDER
    )


def pair_terms(tokens: Sequence[str]) -> list[str]:
    """The pair terms of a phrase's tokens (2 or more), in order."""
    return [a + PAIR + b for a, b in itertools.pairwise(tokens)]


def analyse(text: str, stems: Stems) -> tuple[str, str]:
    """(the text field, the Latin-in-CJK field) of a passage's text, as token strings."""
    words = _WORD.findall(text)
    stems.learn(words)
    known = stems._known
    if _CJK.search(text) is None:  # most passages: one join (a word with no token adds a
        # second space, which the whitespace tokenizer skips without a position)
        return " ".join(map(known.__getitem__, words)), ""
    out: list[str] = []
    glued: list[str] = []
    for w in words:
        if _CJK.search(w):
            out.append(PLACEHOLDER)
            for run in _CJK_RUN.split(w):
                if run:
                    glued.append(known.get(run) or stems[run])
        else:
            out.append(known[w])
    return " ".join(t for t in out if t), " ".join(t for t in glued if t)


# ----------------------------------------------------------------------------- state


def fts_structure(con: Any) -> str | None:
    """A hash of FTS5's structure record for the word index (``passage_fts_data`` id 10,
    rewritten on every write) and of its averages record (id 1: the number of rows and of
    tokens per column), two rows read by primary key; ``con`` is anything with
    ``execute(sql)`` returning rows (sqlite3, or ``search.Db``'s adapter)."""
    try:
        rows = con.execute("SELECT id, block FROM passage_fts_data WHERE id IN (1, 10)")
        blocks = sorted((int(i), bytes(b or b"")) for i, b in rows.fetchall())
    except sqlite3.Error:
        return None
    if not blocks:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for i, block in blocks:
        digest.update(b"%d:%d:" % (i, len(block)))
        digest.update(block)
    return digest.hexdigest()


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return None
    return data


def _read_state(folder: Path) -> dict[str, Any] | None:
    """What the index holds: ``fts`` (the hash it is current for, None while an update is
    unfinished; ``state.json``, small, read by every status check) and ``sources`` (the
    fingerprint of each source indexed; ``sources.json``, read by updates only)."""
    current = _read_json(folder / STATE)
    if current is None:
        return None
    done = _read_json(folder / SOURCES)
    if done is None:
        return None
    return {**current, "sources": done.get("sources", {})}


def _read_current(folder: Path) -> str | bool | None:
    """The hash the index is current for; None while unfinished; False if there is none."""
    current = _read_json(folder / STATE)
    if current is None or not (folder / SOURCES).exists():
        return False
    fts = current.get("fts")
    return fts if isinstance(fts, str) else None


def _atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    os.replace(tmp, path)


def _write_state(folder: Path, state: dict[str, Any], fts_rows: int | None = None) -> None:
    """The sources first, then the hash: a kill between the two leaves the old hash, which
    the store no longer has (it changed: that is why the index was updated), so stale.
    ``state.json`` also keeps the passages indexed and FTS5's row count of the update, what
    :func:`behind_at_least` compares without reading every source's fingerprint."""
    sources = state["sources"]
    _atomic(folder / SOURCES, {"version": INDEX_VERSION, "sources": sources})
    small: dict[str, Any] = {"version": INDEX_VERSION, "fts": state.get("fts")}
    small["passages"] = sum(int(v[1] or 0) for v in sources.values())
    if fts_rows is not None:
        small["fts_rows"] = fts_rows
    _atomic(folder / STATE, small)


def _varint(block: bytes) -> int:
    """SQLite's varint at the start of ``block`` (FTS5's averages record starts with its
    row count)."""
    value = 0
    for i, byte in enumerate(block[:9]):
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value
    return value


def fts_rows(con: Any) -> int | None:
    """The number of rows of the word index (passages), from FTS5's averages record: one row
    read by primary key, none of the passages."""
    try:
        row = con.execute("SELECT block FROM passage_fts_data WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    return _varint(bytes(row[0])) if row and row[0] else 0


def behind_at_least(store: Path, con: Any) -> int | None:
    """A cheap lower bound of the passages to index before the index of ``store`` is current
    (None when unknown): the store's passages less those indexed, for an index never
    completed; the change in the store's row count since the last update otherwise. It reads
    two small records, not the sources' fingerprints (seconds at 100,000 sources), so a
    search over the budget says so at once."""
    rows = fts_rows(con)
    if rows is None:
        return None
    current = _read_json(index_dir(store) / STATE)
    if current is None:
        return rows
    recorded = current.get("fts_rows")
    if isinstance(recorded, int):
        return abs(rows - recorded)
    indexed = current.get("passages")
    return max(rows - indexed, 0) if isinstance(indexed, int) else None


# ----------------------------------------------------------------------------- opening


def _schema() -> Any:
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=False, indexed=True, fast=True)
    sb.add_integer_field("source", stored=False, indexed=True, fast=False)
    for name in ("text", "heading", "glued", "tri", "pairs", "hpairs"):
        sb.add_text_field(name, stored=False, tokenizer_name=TOKENIZER)
    return sb.build()


def _register(index: Any) -> Any:
    import tantivy

    index.register_tokenizer(
        TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    )
    return index


@dataclass
class _Open:
    index: Any
    state_key: tuple[int, int]
    fts: str | None
    searcher: Any


_OPEN: dict[Path, _Open] = {}
_OPEN_LOCK = threading.Lock()
_STEMS: Stems | None = None
_FOLDS: Folds | None = None


def stems() -> Stems:
    global _STEMS
    if _STEMS is None:
        _STEMS = Stems()
    return _STEMS


def folds() -> Folds:
    global _FOLDS
    if _FOLDS is None:
        _FOLDS = Folds()
    return _FOLDS


def _state_key(folder: Path) -> tuple[int, int] | None:
    try:
        st = (folder / STATE).stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def status(store: Path, current_fts: str | None) -> str:
    """ "current", "stale" or "missing", for a store whose FTS5 structure hash is given."""
    recorded = _read_current(index_dir(store))
    if recorded is False:
        return "missing"
    return "current" if current_fts is not None and recorded == current_fts else "stale"


class Ranker:
    """A current index's searcher, with the query builder for ``store.search``."""

    def __init__(self, index: Any, searcher: Any) -> None:
        self.index = index
        self.searcher = searcher
        self.schema = index.schema

    # queries ----------------------------------------------------------------
    def _term(self, field: str, token: str) -> Any:
        import tantivy

        return tantivy.Query.term_query(self.schema, field, token)

    def _phrase(self, field: str, tokens: Sequence[str]) -> Any:
        """The passages holding ``tokens`` (2 or more) as a phrase in ``field`` ("text" or
        "heading"), asked of its pair field: one term for two words, a phrase of pairs for
        more (the same passages: consecutive pairs at consecutive positions)."""
        import tantivy

        shingle = "pairs" if field == "text" else "hpairs"
        grams: list[str | tuple[int, str]] = list(pair_terms(tokens))
        if len(grams) == 1:
            return self._term(shingle, str(grams[0]))
        return tantivy.Query.phrase_query(self.schema, shingle, grams)

    def _in_fields(self, tokens: Sequence[str], fields: Sequence[str]) -> Any:
        import tantivy

        parts = []
        for f in fields:
            q = self._term(f, tokens[0]) if len(tokens) == 1 else self._phrase(f, tokens)
            if f == "heading":
                q = tantivy.Query.boost_query(q, HEADING_WEIGHT)
            parts.append((tantivy.Occur.Should, q))
        return tantivy.Query.boolean_query(parts)

    def _prefix(self, token: str) -> Any | None:
        import tantivy

        parts = []
        for f in ("text", "heading", "glued"):
            for term, _n in self.searcher.terms_with_prefix(f, token):
                q = self._term(f, term)
                if f == "heading":
                    q = tantivy.Query.boost_query(q, HEADING_WEIGHT)
                parts.append((tantivy.Occur.Should, q))
        return tantivy.Query.boolean_query(parts) if parts else None

    def query(self, terms: Sequence[tuple[str, bool]], prefix: bool, min_prefix: int) -> Any | None:
        """The tantivy query for the terms of an all-Latin search, matching what FTS5's
        ``_fts_word_query`` matches (each term's tokens as a phrase, the terms ANDed, the
        last one a prefix when typing), with the phrase tier of ``store.search`` as a
        constant bonus. None when nothing can be asked (no tokens), "EMPTY" when nothing
        can match; raises NotImplementedError for a shape left to FTS5."""
        import tantivy

        st = stems()
        musts = []
        all_tokens: list[str | tuple[int, str]] = []
        last = len(terms) - 1
        for i, (term, is_phrase) in enumerate(terms):
            raw = _WORD.findall(term)
            if not raw:
                continue
            tokens = st.tokens(term)
            if prefix and i == last and not is_phrase and len(raw[-1]) >= min_prefix:
                if len(tokens) != 1:
                    raise NotImplementedError("a prefix after other words of one term")
                q = self._prefix(tokens[0])
                if q is None:
                    return EMPTY
                musts.append((tantivy.Occur.Must, q))
                all_tokens.extend(tokens)
                continue
            if not tokens:
                return EMPTY  # FTS5 matches nothing for a term with no tokens either
            fields = ("text", "heading", "glued") if len(tokens) == 1 else ("text", "heading")
            musts.append((tantivy.Occur.Must, self._in_fields(tokens, fields)))
            all_tokens.extend(tokens)
        if not musts:
            return None
        words = [w for t, _ in terms for w in _WORD.findall(t)]
        if len(words) > 1 and not (len(terms) == 1 and terms[0][1]) and len(all_tokens) > 1:
            # store.search's phrase tier: the words as a phrase in the text come first
            phrase = self._phrase("text", [str(t) for t in all_tokens])
            musts.append(
                (tantivy.Occur.Should, tantivy.Query.const_score_query(phrase, TIER_BONUS))
            )
        return tantivy.Query.boolean_query(musts)

    def substring(self, term: str) -> Any:
        """Passages whose text holds ``term`` (3+ characters) as a substring, as FTS5's
        trigram index matches it: its trigrams as a phrase of the ``tri`` field, or EMPTY."""
        import tantivy

        grams: list[str | tuple[int, str]] = list(folds().trigrams(term))
        if not grams:
            return EMPTY
        if len(grams) == 1:
            return self._term("tri", str(grams[0]))
        return tantivy.Query.phrase_query(self.schema, "tri", grams)

    def short_substring(self, term: str, cap: int) -> Any | None:
        """A 1-2 character term: the index's trigrams that start with it (every occurrence
        starts one: the text is padded), as one union; None past ``cap`` trigrams."""
        import tantivy

        key = folds().fold(term)
        found = [t for t, _n in self.searcher.terms_with_prefix("tri", key)]
        if len(found) > cap:
            return None
        if not found:
            return EMPTY
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, self._term("tri", t)) for t in found]
        )

    def japanese(self, terms: Sequence[tuple[str, bool]], cap: int) -> Any | None:
        """The query for a search with Japanese (or other CJK) terms, matching what
        ``store.search._trigram_match`` matches on FTS5's trigram index (every term a
        substring of the text, the terms ANDed), ranked by BM25 over the ``tri`` field.
        None when a short term has more than ``cap`` trigrams (the caller's LIKE path),
        EMPTY when nothing can match."""
        import tantivy

        musts = []
        for term, _ in terms:
            q = self.substring(term) if len(term) >= 3 else self.short_substring(term, cap)
            if q is None or q is EMPTY:
                return q
            musts.append((tantivy.Occur.Must, q))
        if not musts:
            return EMPTY
        return musts[0][1] if len(musts) == 1 else tantivy.Query.boolean_query(musts)

    # ranking ----------------------------------------------------------------
    def top(
        self, query: Any, limit: int, offset: int = 0, *, count: bool = False
    ) -> tuple[list[tuple[int, float]], int | None]:
        """(passage id, score) of the ranked matches ``offset`` to ``offset + limit``, and
        with ``count`` how many match in all (which visits every match: no pruning)."""
        result = self.searcher.search(query, limit, count=count, offset=offset)
        addrs = [a for _, a in result.hits]
        ids = self.searcher.fast_field_values("id", addrs) if addrs else []
        ranked = [(int(i), float(s)) for (s, _), i in zip(result.hits, ids, strict=True)]
        return ranked, (int(result.count) if count else None)


#: The heading's weight against the text, as ``bm25(passage_fts, 1.0, 0.3)``.
HEADING_WEIGHT = 0.3
#: Added to a passage that holds a multi-word query as a phrase (store.search's tier 0).
TIER_BONUS = 1_000_000.0
#: A query no passage can match.
EMPTY: Any = "EMPTY"


def ranker(store: Path, current_fts: str | None) -> Ranker | None:
    """The current index of ``store``, or None (stale, missing, or unreadable)."""
    if current_fts is None:
        return None
    folder = index_dir(store)
    key = _state_key(folder)
    if key is None:
        return None
    with _OPEN_LOCK:
        opened = _OPEN.get(folder)
        if opened is None or opened.state_key != key:
            recorded = _read_current(folder)
            if recorded is False:
                return None
            try:
                import tantivy

                if opened is None:
                    index = _register(tantivy.Index.open(str(folder)))
                else:
                    index = opened.index
                    index.reload()
                fts = recorded if isinstance(recorded, str) else None
                opened = _Open(index, key, fts, index.searcher())
            except (OSError, ValueError, ImportError):
                return None
            _OPEN[folder] = opened
        if opened.fts != current_fts:
            return None
        return Ranker(opened.index, opened.searcher)


def forget(store: Path) -> None:
    """Drop the opened index of ``store`` (tests; a store closed)."""
    with _OPEN_LOCK:
        _OPEN.pop(index_dir(store), None)


# ----------------------------------------------------------------------------- building


@dataclass(frozen=True)
class UpdateResult:
    sources_added: int
    sources_removed: int
    passages_added: int
    complete: bool  # False when cancelled, over the budget, or another writer holds it
    seconds: float
    cpu_seconds: float
    note: str = ""


def _fingerprints(con: sqlite3.Connection) -> dict[str, list[Any]]:
    """Per source: its content hash and its passages' count, largest id and a sum over their
    spans and headings (a passage's offsets or heading edited in place changes it)."""
    spans = {
        sid: (n, m, x)
        for sid, n, m, x in con.execute(
            'SELECT source_id, count(*), max(id), sum(start * 7 + "end" * 3 + '
            "length(heading_path)) FROM passage GROUP BY source_id"
        )
    }
    return {
        str(sid): [h, *spans.get(sid, (0, None, None))]
        for sid, h in con.execute(f"SELECT id, content_hash FROM source AS s WHERE {VISIBLE}")
    }


def pending(store: Path) -> tuple[int, int] | None:
    """(sources to add or redo, passages in them) before the index is current, or None when
    the store cannot be read. Costs one pass over the sources."""
    con = _connect(store)
    if con is None:
        return None
    try:
        state = _read_state(index_dir(store)) or {"sources": {}}
        now = _fingerprints(con)
    finally:
        con.close()
    done = state.get("sources", {})
    todo = [v for k, v in now.items() if done.get(k) != v]
    return len(todo), sum(int(v[1] or 0) for v in todo)


def _connect(store: Path) -> sqlite3.Connection | None:
    try:
        con = sqlite3.connect(f"file:{store}?mode=ro", uri=True, check_same_thread=False)
        con.execute("PRAGMA busy_timeout = 5000")
        con.execute("SELECT 1 FROM passage_fts_data LIMIT 1").fetchall()
    except sqlite3.Error:
        return None
    return con


_PASSAGES = (
    f"SELECT p.id, {passage_text_sql('p')}, p.heading_path FROM passage p "
    "WHERE p.source_id = ? ORDER BY p.id"
)


def update(
    store: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_passages: int | None = None,
    commit_every: int = COMMIT_EVERY,
) -> UpdateResult:
    """Bring the index of ``store`` (a SQLite file) in step with it.

    ``progress(done, total)`` counts passages; ``cancelled()`` stops at the next source (what
    was committed stays, and the next update goes on from there); with ``max_passages``, an
    update that would add more does nothing and says so (the CLI's "small change" budget).
    The hash recorded and the fingerprints are read together at the start; a write during the
    update changes the store's hash, so the index is stale again for the next call, which
    redoes every source whose fingerprint differs from the one recorded (a source indexed
    after it changed is redone once more: harmless).
    """
    t0, c0 = time.perf_counter(), time.process_time()
    folder = index_dir(store)

    def result(
        added: int, removed: int, passages: int, complete: bool, note: str = ""
    ) -> UpdateResult:
        return UpdateResult(
            added,
            removed,
            passages,
            complete,
            round(time.perf_counter() - t0, 2),
            round(time.process_time() - c0, 2),
            note,
        )

    con = _connect(store)
    if con is None:
        return result(0, 0, 0, False, "the store cannot be read")
    try:
        import tantivy

        if max_passages is not None:
            floor = behind_at_least(store, con)
            if floor is not None and floor > max_passages:
                return result(0, 0, 0, False, f"at least {floor:,} passages to index")
        con.execute("BEGIN")  # the hash and the fingerprints of one moment
        fts = fts_structure(con)
        rows = fts_rows(con)
        now = _fingerprints(con)
        con.execute("COMMIT")  # no snapshot held for an hour-long build (the WAL would grow)
        state = _read_state(folder)
        fresh = state is None
        if fresh:
            state = {"version": INDEX_VERSION, "fts": None, "sources": {}}
        assert state is not None
        done: dict[str, Any] = state["sources"]
        gone = [k for k in done if k not in now]
        todo = [k for k, v in now.items() if done.get(k) != v]
        total = sum(int(now[k][1] or 0) for k in todo)
        if max_passages is not None and total > max_passages:
            return result(0, 0, 0, False, f"{total:,} passages to index")
        if not todo and not gone and state.get("fts") == fts:
            return result(0, 0, 0, True)
        if fresh:
            forget(store)  # this process's searcher lets go of the old files (Windows)
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
            index = _register(tantivy.Index(_schema(), path=str(folder), reuse=False))
        else:
            index = _register(tantivy.Index.open(str(folder)))
        try:
            writer = index.writer(heap_size=100_000_000, num_threads=1)
        except ValueError as exc:  # another process holds the writer lock
            return result(0, 0, 0, False, f"the index is being written elsewhere ({exc})")
        st = Stems()  # its own: the vocabulary of a whole library is dropped after
        fo = folds()
        for k in gone:
            writer.delete_documents_by_term("source", int(k))
            done.pop(k, None)
        written = since_commit = 0
        added = 0
        complete = True
        for k in todo:
            if cancelled is not None and cancelled():
                complete = False
                break
            sid = int(k)
            if k in done or not fresh:
                writer.delete_documents_by_term("source", sid)
            for pid, body, heading in con.execute(_PASSAGES, (sid,)):
                body = body or ""
                text, glued = analyse(body, st)
                head, _ = analyse(heading or "", st)
                tri = trigram_field(body, fo) if _CJK.search(body) else ""
                writer.add_document(
                    tantivy.Document(
                        id=pid,
                        source=sid,
                        text=text,
                        heading=head,
                        glued=glued,
                        tri=tri,
                        pairs=pairs(text),
                        hpairs=pairs(head),
                    )
                )
                written += 1
                since_commit += 1
            done[k] = now[k]
            added += 1
            if progress is not None:
                progress(written, total)
            if since_commit >= commit_every:
                writer.commit()
                _write_state(folder, {**state, "fts": None, "sources": done}, None)
                since_commit = 0
        writer.commit()
        writer.wait_merging_threads()
        state["sources"] = done
        state["fts"] = fts if complete else None
        _write_state(folder, state, rows if complete else None)
        return result(added, len(gone), written, complete, "" if complete else "cancelled")
    except (OSError, ValueError, sqlite3.Error) as exc:
        return result(0, 0, 0, False, f"the search index could not be written: {exc}")
    finally:
        con.close()
        forget(store)
