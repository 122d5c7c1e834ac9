"""Team-store fixtures: a fresh PostgreSQL database per test, skipped without a server.

Set ``BRIEFER_TEST_PG_URL`` to a database the test role can connect to, with the right to
create databases (``.ci/run`` does): e.g. ``postgresql+psycopg://briefer@127.0.0.1/briefer_test``.
Each test gets its own new database (dropped afterwards), so tests never see each other.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ProgrammingError

from briefer.bootstrap import open_for_use
from briefer.store import Store

PG_ENV = "BRIEFER_TEST_PG_URL"


@cache
def _server() -> tuple[URL | None, str]:
    """The test server's URL, or None and why it cannot be used."""
    raw = os.environ.get(PG_ENV, "").strip()
    if not raw:
        return None, f"{PG_ENV} is not set"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install -e '.[team]')"
    url = make_url(raw)
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        return None, f"PostgreSQL at {url.render_as_string()} is unreachable: {exc}"
    finally:
        engine.dispose()
    return url, ""


def _admin(url: URL):  # type: ignore[no-untyped-def]
    return create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database (dropped after the test)."""
    base, why = _server()
    if base is None:
        pytest.skip(why)
    name = f"briefer_t_{uuid.uuid4().hex[:12]}"
    admin = _admin(base)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str) -> None:  # type: ignore[no-untyped-def]
    """Drop the test's database. FORCE ends the test's own leftover sessions, but not a
    server process of another role that is briefly in it (an autovacuum worker, seen once
    in a full run): that refusal is retried for a few seconds, then raised."""
    for attempt in range(10):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except ProgrammingError:
            if attempt == 9:
                raise
            time.sleep(0.5)


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    """A team store with the default topics and the three seed sources."""
    s = open_for_use(pg_url, seed_if_new=True)
    yield s
    s.close()


@pytest.fixture
def sqlite_seeded(tmp_path: Path, make_store: Callable[..., Store]) -> Iterator[Store]:
    s = make_store(tmp_path / "seeded.sqlite")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _officer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFER_USER", "officer-a")
