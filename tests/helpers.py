"""Helpers shared by test folders (tests/ is on sys.path through tests/conftest.py)."""

from __future__ import annotations

import hashlib

from hypothesis import settings

from briefer.store import Store


def examples(thorough: int) -> int:
    """A property test's ``max_examples``: ``thorough`` under the thorough Hypothesis profile
    (``BRIEFER_HYPOTHESIS=thorough``), a third of it (at least 10) under the suite's."""
    return max(10, round(thorough * settings.default.max_examples / 100))


def store_digest(store: Store) -> str:
    """A digest of every row in every table: 'the store is exactly as it was'."""
    h = hashlib.sha256()
    with store.engine.connect() as conn:
        names = conn.exec_driver_sql(
            # every table but the search indexes (FTS5's own tables and their shadow tables)
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT GLOB 'passage_fts*'"
            " AND name NOT GLOB 'passage_tri*' AND name NOT GLOB 'sqlite_*' ORDER BY name"
        ).scalars()
        for name in list(names):
            for row in conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY 1'):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


# A press article of our own about an industry proposal: kind "other".
PRESS = """Industry groups press for chip supply talks

By our technology correspondent

Semiconductor makers in Europe and Japan used the summit to repeat their call for a joint
early-warning mechanism on chip supply chain disruptions, saying the semiconductor shortage
of the past years showed how exposed both economies remain.

Analysts said the semiconductor cooperation announced so far stays short of the joint
investment in chip manufacturing capacity that industry had asked for, and that artificial
intelligence chips were barely mentioned.
"""


def add_press(store: Store) -> int:
    """Import ``PRESS`` as a source of kind other; returns its id."""
    from briefer.ingest.readers import read_text
    from briefer.library.sources import SourceFields, import_document

    doc = read_text(PRESS, origin="press.txt")
    return import_document(store, doc, SourceFields(kind="other")).id


def adopt_environ(env: dict[str, str]) -> None:
    """A pool worker's initializer: the environment of the test that started the pool (a
    worker forked from the session's fork server would otherwise keep the server's)."""
    import os

    os.environ.clear()
    os.environ.update(env)
