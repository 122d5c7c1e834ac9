"""Shared fixtures. Qt runs offscreen; no test ever touches the user's real store."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefer.bootstrap import open_for_use
from briefer.store import Store, open_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(autouse=True)
def _isolated_store_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFER_STORE", str(home / "default.sqlite"))
    # PDF exports' work folders too: tests run in parallel (xdist), and one worker's start-up
    # clean-up must never see, let alone delete, another worker's export in progress.
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(home / "cache"))


#: A store made the way a test needs it: ``make_store(path, seeded=True)``.
MakeStore = Callable[..., Store]


@pytest.fixture(scope="session")
def _store_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """One migrated store with the default topics, and one also seeded, per test session
    (per xdist worker): each made by ``open_for_use`` exactly as a first start makes it."""
    folder = tmp_path_factory.mktemp("store-templates")
    made = {}
    for seeded in (False, True):
        path = folder / ("seeded.sqlite" if seeded else "empty.sqlite")
        open_for_use(path, seed_if_new=seeded).close()  # closing checkpoints the WAL
        made[seeded] = path
    return made


@pytest.fixture
def make_store(_store_templates: dict[bool, Path]) -> MakeStore:
    """``make_store(path, seeded=True)``: a new store file at ``path``, the same as
    ``open_for_use(path, seed_if_new=seeded)`` on a new file makes, copied from the session's
    template (migrating and seeding each time cost about half a CPU second per test)."""

    def make(path: Path, *, seeded: bool = True) -> Store:
        path = Path(path)
        if path.exists():
            raise FileExistsError(path)  # a test that wants an existing file opens it itself
        shutil.copyfile(_store_templates[seeded], path)
        return open_store(path)

    return make


@pytest.fixture
def store(tmp_path: Path, make_store: MakeStore) -> Iterator[Store]:
    """A new store with the default topics and no sources."""
    s = make_store(tmp_path / "store.sqlite", seeded=False)
    yield s
    s.close()


@pytest.fixture
def seeded_store(tmp_path: Path, make_store: MakeStore) -> Iterator[Store]:
    """A new store with the default topics and the three seed sources."""
    s = make_store(tmp_path / "seeded.sqlite")
    yield s
    s.close()
