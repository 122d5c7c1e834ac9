"""A freshly seeded store per test (the three seed sources and the default topics)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.bootstrap import open_for_use
from briefer.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = open_for_use(tmp_path / "s.sqlite", seed_if_new=True)
    yield st
    st.close()
