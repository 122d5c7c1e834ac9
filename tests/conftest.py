"""Shared fixtures. Qt runs offscreen; no test ever touches the user's real store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefer.bootstrap import open_for_use
from briefer.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def _isolated_store_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFER_STORE", str(home / "default.sqlite"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new store with the default topics and no sources."""
    s = open_for_use(tmp_path / "store.sqlite")
    yield s
    s.close()


@pytest.fixture
def seeded_store(tmp_path: Path) -> Iterator[Store]:
    """A new store with the default topics and the three seed sources."""
    s = open_for_use(tmp_path / "seeded.sqlite", seed_if_new=True)
    yield s
    s.close()
