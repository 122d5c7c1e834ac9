"""Stores for the CLI tests: the demo store on disk, and a seeded store as ``store``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_helpers import run

from briefer.store import Store


@pytest.fixture
def store(tmp_path: Path, make_store: Callable[..., Store]) -> Iterator[Store]:
    """A freshly seeded store (the three seed sources and the default topics)."""
    st = make_store(tmp_path / "s.sqlite")
    yield st
    st.close()


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    store = str(tmp_path / "demo.sqlite")
    code, out, _ = run(capsys, "--store", store, "demo")
    assert code == 0 and "3 seed sources added" in out
    return store
