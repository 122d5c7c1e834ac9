"""Kill a process applying random edits with SIGKILL; the store must hold exactly what it
reported committed (at most one more: the operation in flight) and be consistent."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_scenario import Scenario, check_consistent, digest
from reliability_settings import count

from briefer.bootstrap import open_for_use

HERE = Path(__file__).resolve().parent
WORKER = HERE / "crash_worker.py"
RUNS = count(15, 200)
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new store with the default topics, closed (the starting point of every run)."""
    path = tmp_path_factory.mktemp("template") / "start.sqlite"
    open_for_use(path).close()
    return path


def _copy(template: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(template, target)
    return target


def _replay(template: Path, folder: Path, seed: int, n: int) -> str:
    path = _copy(template, folder, "replay.sqlite")
    store = open_for_use(path)
    scenario = Scenario(store, seed)
    for _ in range(n):
        scenario.step()
    store.close()
    return digest(path)


@pytest.mark.parametrize("run", range(RUNS))
def test_sigkill_keeps_exactly_the_reported_operations(
    run: int, template: Path, tmp_path: Path
) -> None:
    seed = 1000 + run
    rng = random.Random(seed)
    path = _copy(template, tmp_path / "crash", "store.sqlite")
    start = digest(path)
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), str(seed), "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    ready = proc.stdout.readline()
    assert ready.strip() == "ready", proc.stderr.read() if proc.stderr else ready
    time.sleep(rng.uniform(0.0, 0.6))
    os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err
    reported: list[str] = [start]
    for line in out.splitlines():
        n, dig = line.split()[1:3]
        assert int(n) == len(reported), f"reports out of order: {line}"
        reported.append(dig)
    k = len(reported) - 1

    reopened = open_for_use(path)  # recovery, backup on open, migrations check
    reopened.close()
    assert check_consistent(path) == []
    found = digest(path)
    if found != reported[k]:
        # Killed between a commit and its report: the store must be exactly one step on.
        expected = _replay(template, tmp_path / "replay", seed, k + 1)
        assert found == expected, (
            f"after {k} reported operations the store matches neither {k} nor {k + 1}"
        )


def test_the_scenario_is_deterministic(template: Path, tmp_path: Path) -> None:
    """What the crash check relies on: a replay reaches the worker's states exactly."""
    path = _copy(template, tmp_path / "run", "store.sqlite")
    done = subprocess.run(
        [sys.executable, str(WORKER), str(path), "77", "40"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    reported = [line.split()[2] for line in done.stdout.splitlines() if line.startswith("ok ")]
    assert len(reported) == 40
    replay = _copy(template, tmp_path / "replay", "store.sqlite")
    store = open_for_use(replay)
    scenario = Scenario(store, 77)
    for expected in reported:
        scenario.step()
        assert digest(replay) == expected
    store.close()
    assert check_consistent(path) == []
