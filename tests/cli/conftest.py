"""Stores for the CLI tests: the demo store on disk, and a seeded store as ``store``."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefer.app import main
from briefer.store import Store


@pytest.fixture
def store(tmp_path: Path, make_store: Callable[..., Store]) -> Iterator[Store]:
    """A freshly seeded store (the three seed sources and the default topics)."""
    st = make_store(tmp_path / "s.sqlite")
    yield st
    st.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``briefer demo`` run once per test session (per xdist worker) into a new store."""
    store = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--store", str(store), "demo"])
    assert code == 0 and "3 seed sources added" in out.getvalue(), err.getvalue()
    # the command closed the store, which checkpoints its WAL: the file is the whole store
    assert not Path(f"{store}-wal").exists() or not Path(f"{store}-wal").stat().st_size
    return store


@pytest.fixture
def demo(tmp_path: Path, _demo_template: Path) -> str:
    """The store ``briefer demo`` makes, as a new file of the test's own (a copy of the
    session's: seeding it per test cost about half a CPU second each)."""
    store = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template, store)
    return str(store)
