"""A freshly seeded store per test (the three seed sources and the default topics)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefer.store import Store


@pytest.fixture
def store(tmp_path: Path, make_store: Callable[..., Store]) -> Iterator[Store]:
    st = make_store(tmp_path / "s.sqlite")
    yield st
    st.close()
