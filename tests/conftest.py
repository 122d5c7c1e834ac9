"""Shared fixtures. Qt runs offscreen; no test ever touches the user's real store."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Compile each module once for the whole run: the suite starts about 100 Python processes
# (xdist workers, crash runs, CLI and window children, pool workers), and with
# PYTHONDONTWRITEBYTECODE set (as on the CI machine) each compiled Briefer and the test modules
# from source again, 0.05-0.7 s of CPU a process. Reading the caches changes nothing else.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Hypothesis profiles. "suite" (the default) runs a third of the examples: 34 for a property
#: test that sets no count, ``helpers.examples(n)`` = n/3 for one that does. "thorough"
#: (``BRIEFER_HYPOTHESIS=thorough``) runs every count as written (100 where none is).
hypothesis_settings.register_profile("suite", max_examples=34)
hypothesis_settings.register_profile("thorough", max_examples=100)
hypothesis_settings.load_profile(os.environ.get("BRIEFER_HYPOTHESIS", "suite"))

from briefer.bootstrap import open_for_use  # noqa: E402
from briefer.store import Store, open_store  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete the widgets a Qt test leaves behind, once pytest-qt has closed them.

    pytest-qt's ``qtbot.addWidget`` closes each widget and calls ``deleteLater()``, but a
    deferred delete posted outside an event loop waits for the next nested loop: the closed
    windows of every earlier test (340 widgets each) stayed alive until then, and each new
    window's style sheet re-polished them all, so a window's set-up cost grew with the number
    of tests before it (0.5 s to 3 s of CPU across tests/ui/test_brief_header.py)."""
    yield
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return  # never import Qt for a test that did not
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def _pool_context() -> Iterator[object]:
    """A ``forkserver`` start method whose server has imported the import pool's modules;
    the server is stopped and waited for at the end of the session (its CPU, and its
    workers', then counts as this process's children's, as spawned workers' does)."""
    import multiprocessing
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["briefer.library.import_pool", "helpers"])
    yield context
    forkserver._forkserver._stop()  # type: ignore[attr-defined]


@pytest.fixture
def spawn_pool() -> None:
    """Asked for by a test that imports through the pool exactly as the app starts it
    (``import_pool.make_pool``: ``spawn``, each worker a fresh interpreter)."""


@pytest.fixture(autouse=True)
def _quick_import_pool(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _pool_context: object
) -> None:
    """Import pools start their workers from a fork server, not by ``spawn``.

    A spawned worker imports Briefer, SQLAlchemy and the readers afresh: about 1.7 s of CPU a
    worker, 3.4 s for each two-worker pool a test starts. The fork server is itself a fresh
    interpreter (no Qt, no open store, as under ``spawn``), imports those modules once per test
    session, and forks each worker from there; arguments and results are pickled either way,
    and each worker still loads its own tokenizer dictionary. ``spawn_pool`` keeps the app's
    own start method for a test."""
    if "spawn_pool" in request.fixturenames:
        return
    from concurrent.futures import ProcessPoolExecutor

    from helpers import adopt_environ

    from briefer.library import import_pool

    def make_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_pool_context,  # type: ignore[arg-type]
            initializer=adopt_environ,  # the test's environment, as a spawned worker has
            initargs=(dict(os.environ),),
        )

    monkeypatch.setattr(import_pool, "make_pool", make_pool)


@pytest.fixture(autouse=True)
def _warm_libreoffice_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDF exports convert with a copy of a LibreOffice profile an earlier conversion in this
    process set up, not an empty one (about 0.9 s of CPU each; see ``lo_profile``)."""
    import lo_profile

    from briefer import pdf_work

    run = pdf_work.run_guarded

    def run_guarded(command: list[str], work: Path, timeout: float) -> tuple[int, str]:
        with lo_profile.warm(lo_profile.profile_of(command)) as succeeded:
            code, detail = run(command, work, timeout)
            if code == 0:
                succeeded()
            return code, detail

    monkeypatch.setattr(pdf_work, "run_guarded", run_guarded)


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
