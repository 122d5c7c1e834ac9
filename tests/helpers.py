"""Helpers shared by test folders (tests/ is on sys.path through tests/conftest.py)."""

from __future__ import annotations

import hashlib

from briefer.store import Store


def store_digest(store: Store) -> str:
    """A digest of every row in every table: 'the store is exactly as it was'."""
    h = hashlib.sha256()
    with store.engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'passage_%'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).scalars()
        for name in list(names):
            for row in conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY 1'):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()
