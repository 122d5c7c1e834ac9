"""Shared helpers for the ingest tests: the seed documents shipped with the project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).parents[2] / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. its date)."""
    matches = sorted(SEEDS_DIR.glob(f"{prefix}*.txt"))
    assert len(matches) == 1, f"expected one seed starting with {prefix!r}, got {matches}"
    return matches[0]


def read_seed(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def all_seed_paths() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(params=[p.name for p in all_seed_paths()])
def seed_file(request: pytest.FixtureRequest) -> Path:
    return SEEDS_DIR / request.param


@pytest.fixture
def seed_text() -> Callable[[str], str]:
    """``seed_text("2022-03-01")``: the text of the seed whose file name starts so."""
    return read_seed
