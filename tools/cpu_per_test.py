"""Per-test CPU time, for finding what holds the test suite's time (a pytest plugin).

Run the suite with ``-p tools.cpu_per_test`` (from the repository root) and
``BRIEFER_CPU_DIR=<folder>``: each process (each xdist worker) writes ``cpu-<worker>.tsv``
there, one row per test with the CPU seconds (user + system, ``resource.getrusage``) of this
process and of its waited-for children during the test's set-up, call and tear-down. CPU,
not wall time: the machine is shared, and wall time counts the other jobs. ``tools/cpu_summary.py
<folder>`` totals the rows by folder, file and test.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from typing import IO

import pytest

_out: IO[str] | None = None


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _write(line: str) -> None:
    if _out is not None:
        _out.write(line + "\n")


def pytest_configure(config: pytest.Config) -> None:
    global _out
    folder = os.environ.get("BRIEFER_CPU_DIR")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    _out = open(os.path.join(folder, f"cpu-{worker}.tsv"), "a", buffering=1)  # noqa: SIM115
    own, children = _cpu()
    _write(f"#start\t{own:.3f}\t{children:.3f}\t{time.time():.3f}")


def pytest_unconfigure(config: pytest.Config) -> None:
    own, children = _cpu()
    _write(f"#end\t{own:.3f}\t{children:.3f}\t{time.time():.3f}")


def _measured(item: pytest.Item, phase: str) -> Iterator[None]:
    before = _cpu()
    yield
    after = _cpu()
    setattr(item, f"_cpu_{phase}", (after[0] - before[0], after[1] - before[1]))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _measured(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _measured(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield from _measured(item, "teardown")
    phases = [getattr(item, f"_cpu_{p}", (0.0, 0.0)) for p in ("setup", "call", "teardown")]
    figures = "\t".join(f"{own:.3f}\t{children:.3f}" for own, children in phases)
    _write(f"{item.nodeid}\t{figures}\t{time.time():.3f}")
