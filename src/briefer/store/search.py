"""Full-text search over passages (SQLite FTS5).

Words go to the porter/unicode61 index; anything with Japanese (or other CJK) characters
goes to the trigram index, with a LIKE scan for CJK terms shorter than three characters
(the trigram tokenizer cannot index them). Filters are applied in the same SQL statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from briefer.library.views import SearchHit, split_path

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)


@dataclass(frozen=True)
class SearchQuery:
    text: str
    kinds: tuple[str, ...] = ()
    topic_ids: tuple[int, ...] = ()
    source_ids: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    include_furniture: bool = False
    prefix: bool = False  # treat the last word as a prefix (search as you type)
    limit: int = 50
    offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def parse_terms(query: str) -> list[tuple[str, bool]]:
    """Split a user query into (term, is_phrase) pairs; quotes make a phrase."""
    terms: list[tuple[str, bool]] = []
    for m in _TERM.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None and phrase.strip():
            terms.append((phrase.strip(), True))
        elif word:
            terms.append((word, False))
    return terms


def _fts_word_query(terms: list[tuple[str, bool]], prefix: bool) -> str | None:
    parts: list[str] = []
    for i, (term, is_phrase) in enumerate(terms):
        tokens = _WORD_CHARS.findall(term)
        if not tokens:
            continue
        quoted = '"' + " ".join(tokens).replace('"', '""') + '"'
        if prefix and i == len(terms) - 1 and not is_phrase:
            quoted += "*"
        parts.append(quoted)
    return " AND ".join(parts) if parts else None


def _filters(q: SearchQuery, params: dict[str, object]) -> str:
    clauses = []
    if not q.include_furniture:
        clauses.append("p.content = 1")
    if q.kinds:
        keys = []
        for i, k in enumerate(q.kinds):
            params[f"kind{i}"] = k
            keys.append(f":kind{i}")
        clauses.append(f"s.kind IN ({', '.join(keys)})")
    if q.source_ids:
        clauses.append(f"s.id IN ({', '.join(str(int(i)) for i in q.source_ids)})")
    if q.topic_ids:
        ids = ", ".join(str(int(i)) for i in q.topic_ids)
        clauses.append(
            "EXISTS (SELECT 1 FROM passage_topic t WHERE t.passage_id = p.id "
            f"AND t.topic_id IN ({ids}) AND t.excluded = 0)"
        )
    if q.since:
        params["since"] = q.since.isoformat()
        clauses.append("s.date >= :since")
    if q.until:
        params["until"] = q.until.isoformat()
        clauses.append("s.date <= :until")
    return (" AND " + " AND ".join(clauses)) if clauses else ""


_SELECT = """
SELECT p.id, p.source_id, {score} AS score, {snippet} AS snippet,
       substr(s.text, p.start + 1, p."end" - p.start) AS text,
       p.heading_path, s.title, s.kind, s.date, p.content
"""


def search_passages(session: Session, q: SearchQuery) -> list[SearchHit]:
    terms = parse_terms(q.text)
    if not terms:
        return []
    params: dict[str, object] = {"limit": q.limit, "offset": q.offset}
    where = _filters(q, params)
    cjk_terms = [t for t, _ in terms if _CJK.search(t)]
    if cjk_terms:
        return _search_trigram(session, q, terms, params, where)
    match = _fts_word_query(terms, q.prefix)
    if match is None:
        return []
    params["match"] = match
    sql = (
        _SELECT.format(
            score="-bm25(passage_fts, 1.0, 0.3)",
            snippet=f"snippet(passage_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)",
        )
        + """
FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid JOIN source s ON s.id = p.source_id
WHERE passage_fts MATCH :match"""
        + where
        + " ORDER BY bm25(passage_fts, 1.0, 0.3), s.date DESC, p.id LIMIT :limit OFFSET :offset"
    )
    return [_hit(row) for row in session.execute(text(sql), params)]


def _search_trigram(
    session: Session,
    q: SearchQuery,
    terms: list[tuple[str, bool]],
    params: dict[str, object],
    where: str,
) -> list[SearchHit]:
    long_terms = [t for t, _ in terms if len(t) >= 3]
    like_clauses = []
    for i, (term, _) in enumerate(terms):
        if len(term) < 3:
            params[f"like{i}"] = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_"
            ) + "%"
            like_clauses.append(
                f"substr(s.text, p.start + 1, p.\"end\" - p.start) LIKE :like{i} ESCAPE '\\'"
            )
    like_sql = (" AND " + " AND ".join(like_clauses)) if like_clauses else ""
    if long_terms:
        params["match"] = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        sql = (
            _SELECT.format(
                score="-bm25(passage_tri)",
                snippet=f"snippet(passage_tri, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)",
            )
            + """
FROM passage_tri JOIN passage p ON p.id = passage_tri.rowid JOIN source s ON s.id = p.source_id
WHERE passage_tri MATCH :match"""
            + where
            + like_sql
            + " ORDER BY bm25(passage_tri), s.date DESC, p.id LIMIT :limit OFFSET :offset"
        )
        rows = session.execute(text(sql), params).all()
        return [_hit(row) for row in rows]
    sql = (
        _SELECT.format(score="1.0", snippet="''")
        + """
FROM passage p JOIN source s ON s.id = p.source_id WHERE 1 = 1"""
        + where
        + like_sql
        + " ORDER BY s.date DESC, p.id LIMIT :limit OFFSET :offset"
    )
    rows = session.execute(text(sql), params).all()
    short = [t for t, _ in terms]
    return [_hit(row, highlight=short) for row in rows]


def _mark(text_: str, terms: list[str], width: int = 160) -> str:
    """Snippet with ``terms`` marked, for matches the FTS snippet() cannot produce."""
    first = min((i for t in terms if (i := text_.find(t)) >= 0), default=0)
    lo = max(0, first - width // 3)
    piece = text_[lo : lo + width]
    for t in sorted(set(terms), key=len, reverse=True):
        piece = piece.replace(t, f"{MARK_OPEN}{t}{MARK_CLOSE}")
    return ("…" if lo else "") + piece + ("…" if lo + width < len(text_) else "")


def _hit(row: object, highlight: list[str] | None = None) -> SearchHit:
    pid, sid, score, snippet, body, path, title, kind, day, content = tuple(row)  # type: ignore[arg-type]
    if highlight is not None:
        snippet = _mark(body, highlight)
    return SearchHit(
        passage_id=pid,
        source_id=sid,
        score=round(float(score), 4),
        snippet=snippet,
        text=body,
        heading_path=split_path(path),
        source_title=title,
        source_kind=kind,
        source_date=date.fromisoformat(day) if day else None,
        content=bool(content),
    )
