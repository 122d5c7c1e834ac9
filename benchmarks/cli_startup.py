"""Whole-process times of the command line, against the peers a script would otherwise run.

    python -m benchmarks.cli_startup --scale 10000 --runs 15

Runs, round-robin so that a load spike on a shared machine hits every command alike:

- ``python -c pass`` (the interpreter's own start-up: the floor of any Python CLI);
- ``briefer --version`` and ``briefer --help`` (no store);
- ``briefer search "submarine cables" --json``, ``briefer source show 1 --json`` and
  ``briefer topics --json`` on the scale's generated store (benchmarks/corpus.py builds and
  caches it, as benchmarks/run.py does);
- ``rg -c -i -F "submarine cables"`` over the same sources as raw text files.

Each figure is the median wall time of ``--runs`` launches (and the fastest), with the child's
own peak RSS (reaped with ``os.wait4``), and ratios against ``python -c pass`` and against
``rg``. The store is opened once before anything is timed, so a cached store of an older
schema is migrated (with its backup) outside the figures. Results go to
``benchmarks/out/cli_startup-<scale>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import OUT, ensure_corpus

QUERY = "submarine cables"


def briefer_command() -> list[str]:
    exe = Path(sys.executable).with_name("briefer")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("briefer")
    return [found] if found else [sys.executable, "-m", "briefer.app"]


def launch(cmd: list[str], timeout: float = 120.0) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of one run, output discarded."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > timeout:
            proc.kill()
            proc.wait()
            raise RuntimeError(f"{' '.join(cmd)}: no exit within {timeout:.0f} s")
        time.sleep(0.0005)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, rusage.ru_maxrss / 1024, proc.returncode


def commands(store: Path, texts: Path) -> dict[str, list[str]]:
    briefer = briefer_command()
    at = [*briefer, "--store", str(store)]
    cmds = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "briefer --version": [*briefer, "--version"],
        "briefer --help": [*briefer, "--help"],
        "search --json": [*at, "search", QUERY, "--json"],
        "source show --json": [*at, "source", "show", "1", "--json"],
        "topics --json": [*at, "topics", "--json"],
    }
    rg = shutil.which("rg")
    if rg:
        cmds["rg -c -i -F"] = [rg, "-c", "-i", "-F", "--", QUERY, str(texts)]
    return cmds


def measure(cmds: dict[str, list[str]], runs: int) -> dict[str, dict[str, Any]]:
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    rss: dict[str, float] = dict.fromkeys(cmds, 0.0)
    for name, cmd in cmds.items():  # warm the page cache and check each command works
        _, _, code = launch(cmd)
        if code not in (0, 1) or (code == 1 and not name.startswith("rg")):
            raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    for _ in range(runs):
        for name, cmd in cmds.items():
            wall, peak, _ = launch(cmd)
            walls[name].append(wall)
            rss[name] = max(rss[name], peak)
    return {
        name: {
            "median_ms": round(statistics.median(w) * 1000, 1),
            "min_ms": round(min(w) * 1000, 1),
            "peak_rss_mb": round(rss[name], 1),
        }
        for name, w in walls.items()
    }


def with_ratios(figures: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    floor = figures["python -c pass"]["median_ms"]
    rg = figures.get("rg -c -i -F", {}).get("median_ms")
    for row in figures.values():
        row["x_python"] = round(row["median_ms"] / floor, 2)
        if rg:
            row["x_rg"] = round(row["median_ms"] / rg, 2)
    return figures


def table(figures: dict[str, dict[str, Any]]) -> str:
    head = (
        f"{'command':<22} {'median ms':>10} {'min ms':>8} {'RSS MB':>7} {'×python':>8} {'×rg':>6}"
    )
    lines = [head, "-" * len(head)]
    for name, r in figures.items():
        lines.append(
            f"{name:<22} {r['median_ms']:>10.1f} {r['min_ms']:>8.1f} {r['peak_rss_mb']:>7.1f} "
            f"{r['x_python']:>8.2f} {r.get('x_rg', float('nan')):>6.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--out", type=Path, default=OUT)
    ns = ap.parse_args(argv)

    corpus = ensure_corpus(ns.scale, out=ns.out)
    from briefer.bootstrap import open_for_use

    open_for_use(corpus.store).close()  # migrate a cached older store outside the figures
    figures = with_ratios(measure(commands(corpus.store, corpus.texts), ns.runs))
    print(f"scale {ns.scale:,} sources, {ns.runs} runs each, {os.cpu_count()} cores")
    print(table(figures))
    result = {"scale": ns.scale, "runs": ns.runs, "query": QUERY, "figures": figures}
    path = ns.out / f"cli_startup-{ns.scale}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2), "utf-8")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
