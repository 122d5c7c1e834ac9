"""Window start-up against its peers, in the same rounds (issue 19 item 3).

    python -m benchmarks.window_startup STORE [--runs 7] [--baseline OTHER/src] [--json]

Round-robin, so that a load spike on a shared machine hits every command alike:

- ``python -c pass`` (the interpreter's own start-up);
- a bare Qt window: import PySide6, make a ``QApplication``, show a ``QMainWindow``, quit at
  its first paint (the floor of any PySide6 window);
- ``briefer --store STORE --benchmark-startup`` (this checkout), and with ``--baseline`` the
  other checkout's briefer in the same rounds (``PYTHONPATH``).

Briefer's runs get their own settings folder (``XDG_CONFIG_HOME``) whose last view is a
source in the reader, as an officer's would be after a day's work: the window counts as
usable when the navigator and that view are on screen. For each command: the median and
fastest wall time, the window's own figure (``--benchmark-startup`` prints ms from the ui's
import to the first shown window; the bare window the same from its first line), the
child's process CPU (user + system, from ``os.wait4``: what the machine's load does not
inflate) and its peak RSS. ``--in-process`` measures instead the UI thread's CPU from
``MainWindow()`` to the first show, with the imports done, for both checkouts alternating.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BARE = r"""
import time
t0 = time.perf_counter()
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1400, 900)
def shown():
    print(f"{(time.perf_counter() - t0) * 1000:.0f} {time.process_time() * 1000:.0f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
w.show()
app.exec()
"""


#: ``--in-process``: the UI thread's CPU from ``MainWindow()`` to its first show, imports
#: done (what the window itself costs, whatever the interpreter and the imports cost)
IN_PROCESS = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from briefer.bootstrap import open_for_use
from briefer.ui.main import make_application
from briefer.ui.main_window import MainWindow
app = make_application()
store = open_for_use(sys.argv[1], defer_backup=True)
shown = []
c0, w0 = time.thread_time(), time.perf_counter()
win = MainWindow(store)
win.first_shown.connect(lambda: shown.append((time.thread_time() - c0, time.perf_counter() - w0)))
win.show()
while not shown:
    app.processEvents()
print(json.dumps({"cpu_ms": shown[0][0] * 1000, "wall_ms": shown[0][1] * 1000}), flush=True)
os._exit(0)
"""


def in_process(store: Path, runs: int, baseline: Path | None) -> dict[str, dict[str, Any]]:
    """``IN_PROCESS`` for this checkout and the baseline, alternating, last view a source."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="briefer-startup-") as tmp:
        config = Path(tmp) / "config"
        _settings(config, store)
        env["XDG_CONFIG_HOME"] = str(config)
        variants = {"briefer window": env}
        if baseline is not None:
            variants["baseline window"] = {**env, "PYTHONPATH": str(baseline)}
        seen: dict[str, list[dict[str, float]]] = {k: [] for k in variants}
        for _ in range(runs):
            for name, e in variants.items():
                cmd = [sys.executable, "-c", IN_PROCESS, str(store)]
                out = subprocess.run(cmd, env=e, capture_output=True, text=True, check=True)
                seen[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {
        name: {
            "median_ui_cpu_ms": round(statistics.median(r["cpu_ms"] for r in rows), 1),
            "min_ui_cpu_ms": round(min(r["cpu_ms"] for r in rows), 1),
            "median_wall_ms": round(statistics.median(r["wall_ms"] for r in rows), 1),
        }
        for name, rows in seen.items()
    }


def _briefer() -> list[str]:
    exe = Path(sys.executable).with_name("briefer")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefer.app"]


def _launch(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = proc.stdout.read() if proc.stdout else b""  # the child prints one line
    _, status, rusage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    lines = out.decode().strip().splitlines()
    numbers = [float(w) for w in (lines[-1].split() if lines else []) if w.isdigit()]
    return {
        "wall_ms": wall * 1000,
        "window_ms": numbers[0] if numbers else 0.0,
        # the process's CPU when its window was first shown (0: the command prints none)
        "window_cpu_ms": numbers[1] if len(numbers) > 1 else 0.0,
        "cpu_ms": (rusage.ru_utime + rusage.ru_stime) * 1000,
        "rss_mb": rusage.ru_maxrss / 1024,
    }


def _settings(folder: Path, store: Path) -> None:
    """A settings file whose last view is the store's first source (the reader)."""
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT min(id) FROM source").fetchone()
    finally:
        con.close()
    conf = folder / "Briefer" / "Briefer.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(f"[navigator]\nselection=source:{row[0]}\n\n[ui]\nlanguage=en\n")


def measure(store: Path, runs: int, baseline: Path | None) -> dict[str, dict[str, Any]]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="briefer-startup-") as tmp:
        config = Path(tmp) / "config"
        _settings(config, store)
        at = [*_briefer(), "--store", str(store), "--benchmark-startup"]
        benv = {**env, "XDG_CONFIG_HOME": str(config)}
        cmds: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], env),
            "bare Qt window": ([sys.executable, "-c", BARE], env),
            "briefer window": (at, benv),
        }
        if baseline is not None:
            cmds["baseline window"] = (at, {**benv, "PYTHONPATH": str(baseline)})
        for cmd, e in cmds.values():  # warm the page cache; a store to upgrade fails here
            _launch(cmd, e)
        seen: dict[str, list[dict[str, float]]] = {k: [] for k in cmds}
        for _ in range(runs):
            for name, (cmd, e) in cmds.items():
                seen[name].append(_launch(cmd, e))
    out: dict[str, dict[str, Any]] = {}
    for name, rows in seen.items():
        out[name] = {
            "median_wall_ms": round(statistics.median(r["wall_ms"] for r in rows), 1),
            "min_wall_ms": round(min(r["wall_ms"] for r in rows), 1),
            "median_window_ms": round(statistics.median(r["window_ms"] for r in rows), 1),
            "min_window_ms": round(min(r["window_ms"] for r in rows), 1),
            "median_window_cpu_ms": round(statistics.median(r["window_cpu_ms"] for r in rows), 1),
            "median_cpu_ms": round(statistics.median(r["cpu_ms"] for r in rows), 1),
            "min_cpu_ms": round(min(r["cpu_ms"] for r in rows), 1),
            "peak_rss_mb": round(max(r["rss_mb"] for r in rows), 1),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--baseline", type=Path, help="another checkout's src/, same rounds")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--in-process", action="store_true", help="the window's own UI-thread CPU, imports done"
    )
    ns = ap.parse_args(argv)
    if ns.in_process:
        figures = in_process(ns.store, ns.runs, ns.baseline)
    else:
        figures = measure(ns.store, ns.runs, ns.baseline)
    if ns.json:
        print(json.dumps(figures))
        return 0
    keys = list(next(iter(figures.values())))
    print(f"{'command':<18}" + "".join(f"{k:>18}" for k in keys))
    for name, row in figures.items():
        print(f"{name:<18}" + "".join(f"{row[k]:>18}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
