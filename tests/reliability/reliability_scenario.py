"""A seeded, deterministic session of service operations, and an exact digest of its effect.

Used by the crash tests: ``crash_worker.py`` runs the session in a subprocess and prints
``ok N DIGEST`` after each committed operation; the test kills it and checks that the
reopened store's digest is the one after the last reported operation (or, if the kill came
between a commit and its report, the one after the next operation, found by replaying the
same seed). Every choice depends only on the seed and the store's state, so a replay on a
copy of the same starting store reaches the same states with the same ids.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from briefer.briefs import operations as ops
from briefer.ingest.readers import read_text
from briefer.library.sources import SourceFields, import_document
from briefer.library.topics import set_tag
from briefer.store import ReadSession, Store

WORDS = (
    "semiconductors",
    "artificial intelligence",
    "submarine cables",
    "quantum computing",
    "data free flow with trust",
    "cybersecurity",
    "digital identity",
    "online platforms",
    "5G",
    "HPC",
)
FILLER = (
    "Both sides welcomed progress on {w} and agreed to deepen cooperation in {y}.",
    "Industry asks governments to align rules on {w} before the next ministerial.",
    "The partners will exchange views on {w}, including research and standards.",
    "A joint working group on {w} reports to the council every {n} months.",
)


def make_text(seed: int, n: int) -> str:
    """A small, unique document with headings and topic words the tagger recognises."""
    rng = random.Random(f"{seed}-{n}")
    lines = [f"Crash test document {seed}-{n}", ""]
    for h in range(rng.randint(1, 3)):
        lines += [f"{h + 1}. {rng.choice(WORDS).capitalize()}", ""]
        for _ in range(rng.randint(1, 4)):
            lines.append(
                rng.choice(FILLER).format(w=rng.choice(WORDS), y=2020 + n % 9, n=rng.randint(2, 9))
            )
            lines.append("")
    return "\n".join(lines)


def _ids(store: Store, sql: str, **params: Any) -> list[Any]:
    with ReadSession(store) as s:
        return [tuple(r) if len(r) > 1 else r[0] for r in s.execute(text(sql), params)]


class Scenario:
    """``step()`` applies one random operation (one committed transaction)."""

    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.seed = seed
        self.rng = random.Random(seed)
        self.n = 0
        self.brief_id: int | None = None

    def step(self) -> str:
        self.n += 1
        if self.brief_id is None:
            ops.CreateBrief("Crash brief", {"venue": "Tokyo"}).apply(self.store)
            self.brief_id = _ids(self.store, "SELECT max(id) FROM brief")[0]
            return "create brief"
        sources = _ids(self.store, "SELECT id FROM source ORDER BY id")
        if not sources:
            return self._import()
        choices: list[tuple[int, Callable[[], str]]] = [
            (2, self._import),
            (3, self._tag),
            (3, self._add_section),
            (1, self._remove_section),
            (2, self._move_section),
            (3, self._section_fields),
            (2, self._brief_fields),
            (6, self._add_quote),
            (2, self._remove_quote),
            (3, self._move_quote),
        ]
        while True:
            fn = self.rng.choices([c[1] for c in choices], [c[0] for c in choices])[0]
            label = fn()
            if label:
                return label

    # -- operations: each returns "" when it does not apply to the current state ----------
    def _import(self) -> str:
        doc = read_text(make_text(self.seed, self.n), origin=f"crash-{self.n}.txt")
        kind = self.rng.choice(("industry", "official", "other"))
        import_document(self.store, doc, SourceFields(kind=kind, title=f"Source {self.n}"))
        return "import"

    def _tag(self) -> str:
        passages = _ids(self.store, "SELECT id FROM passage ORDER BY id")
        topics = _ids(self.store, "SELECT id FROM topic ORDER BY id")
        if not passages or not topics:
            return ""
        tagged = self.rng.random() < 0.6
        set_tag(self.store, self.rng.choice(passages), self.rng.choice(topics), tagged)
        return "tag" if tagged else "untag"

    def _sections(self) -> list[int]:
        return _ids(
            self.store,
            "SELECT id FROM brief_section WHERE brief_id = :b ORDER BY position",
            b=self.brief_id,
        )

    def _add_section(self) -> str:
        n = len(self._sections())
        pos = self.rng.randint(0, n) if self.rng.random() < 0.5 else None
        assert self.brief_id is not None
        ops.AddSection(self.brief_id, heading=f"Section {self.n}", position=pos).apply(self.store)
        return "add section"

    def _remove_section(self) -> str:
        sections = self._sections()
        if len(sections) < 2:
            return ""
        ops.RemoveSection(self.rng.choice(sections)).apply(self.store)
        return "remove section"

    def _move_section(self) -> str:
        sections = self._sections()
        if len(sections) < 2:
            return ""
        sid = self.rng.choice(sections)
        ops.MoveSection(sid, self.rng.randrange(len(sections))).apply(self.store)
        return "move section"

    def _section_fields(self) -> str:
        sections = self._sections()
        if not sections:
            return ""
        fields = self.rng.choice(
            (
                {"notes": f"note {self.n}"},
                {"lines_to_take": [f"line {self.n}", f"line {self.n}b"]},
                {"assessment_comment": f"comment {self.n}", "background": f"bg {self.n}"},
            )
        )
        ops.UpdateSectionFields(self.rng.choice(sections), fields).apply(self.store)
        return "edit section"

    def _brief_fields(self) -> str:
        assert self.brief_id is not None
        ops.UpdateBriefFields(self.brief_id, {"objectives": f"objective {self.n}"}).apply(
            self.store
        )
        return "edit brief"

    def _add_quote(self) -> str:
        sections = self._sections()
        spans = _ids(
            self.store,
            'SELECT source_id, start, "end" FROM passage WHERE content AND "end" > start '
            "ORDER BY id",
        )
        if not sections or not spans:
            return ""
        src, start, end = self.rng.choice(spans)
        if self.rng.random() < 0.3 and end - start > 10:
            end = start + self.rng.randint(5, end - start)  # part of a passage
        ops.AddQuote(self.rng.choice(sections), src, start, end).apply(self.store)
        return "add quote"

    def _quotes(self) -> list[int]:
        return _ids(
            self.store,
            "SELECT q.id FROM quote q JOIN brief_section s ON s.id = q.section_id "
            "WHERE s.brief_id = :b ORDER BY q.id",
            b=self.brief_id,
        )

    def _remove_quote(self) -> str:
        quotes = self._quotes()
        if not quotes:
            return ""
        ops.RemoveQuote(self.rng.choice(quotes)).apply(self.store)
        return "remove quote"

    def _move_quote(self) -> str:
        quotes, sections = self._quotes(), self._sections()
        if not quotes:
            return ""
        side = self.rng.choice((None, "industry", "official"))
        ops.MoveQuote(
            self.rng.choice(quotes),
            self.rng.choice(sections),
            side,
            self.rng.choice((None, 0, 1)),
        ).apply(self.store)
        return "move quote"


_DIGEST_QUERIES = (
    "SELECT id, title, kind, content_hash, previous_version_id FROM source ORDER BY id",
    'SELECT source_id, count(*), sum(start), sum("end") FROM passage GROUP BY source_id '
    "ORDER BY source_id",
    'SELECT passage_id, topic_id, origin, score, "primary", excluded FROM passage_topic '
    "ORDER BY passage_id, topic_id",
    "SELECT id, name FROM topic ORDER BY id",
    "SELECT id, title, objectives, venue, revision FROM brief ORDER BY id",
    "SELECT id, brief_id, topic_id, heading, position, assessment, assessment_comment, "
    "lines_to_take, if_asked, background, notes FROM brief_section ORDER BY id",
    'SELECT id, section_id, source_id, start, "end", text, display_text, side, '
    "side_overridden, position, suggested, status FROM quote ORDER BY id",
)


def digest(path: Path) -> str:
    """Everything the scenario changes, minus timestamps, as one hash."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for sql in _DIGEST_QUERIES:
            h.update(repr(con.execute(sql).fetchall()).encode())
        return h.hexdigest()[:16]
    finally:
        con.close()


def check_consistent(path: Path) -> list[str]:
    """Problems with the store file: integrity, foreign keys, quotes, dense positions."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    problems: list[str] = []
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        fks = con.execute("PRAGMA foreign_key_check").fetchall()
        if fks:
            problems.append(f"foreign_key_check: {fks[:5]}")
        for qid, start, end, qtext, stext in con.execute(
            'SELECT q.id, q.start, q."end", q.text, (SELECT group_concat(c.text, \'\') FROM '
            "(SELECT text FROM source_chunk WHERE source_id = s.id ORDER BY start) AS c) "
            "FROM quote q "
            "JOIN source s ON s.id = q.source_id"
        ):
            if stext[start:end] != qtext:
                problems.append(f"quote {qid} does not match its source span")
        for sid, side, positions in con.execute(
            "SELECT section_id, side, group_concat(position) FROM "
            "(SELECT * FROM quote ORDER BY position) GROUP BY section_id, side"
        ):
            got = sorted(int(p) for p in positions.split(","))
            if got != list(range(len(got))):
                problems.append(f"section {sid} {side}: quote positions {got}")
        for bid, positions in con.execute(
            "SELECT brief_id, group_concat(position) FROM brief_section GROUP BY brief_id"
        ):
            got = sorted(int(p) for p in positions.split(","))
            if got != list(range(len(got))):
                problems.append(f"brief {bid}: section positions {got}")
        orphans = con.execute(
            "SELECT count(*) FROM quote WHERE source_id NOT IN (SELECT id FROM source)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} quotes point at missing sources")
    finally:
        con.close()
    return problems
