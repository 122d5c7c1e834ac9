"""Whole-process times of the command line, against the peers a script would otherwise run.

    python -m benchmarks.cli_startup --scale 10000 --runs 15

Runs, round-robin so that a load spike on a shared machine hits every command alike:

- ``python -c pass`` (the interpreter's own start-up: the floor of any Python CLI);
- ``briefer --version`` and ``briefer --help`` (no store);
- ``briefer search "submarine cables" --json``, ``briefer source show 1 --json`` and
  ``briefer topics --json`` on the scale's generated store (benchmarks/corpus.py builds and
  caches it, as benchmarks/run.py does);
- ``rg -c -i -F "submarine cables"`` over the same sources as raw text files.

Each figure is the median wall time of ``--runs`` launches and the fastest, with the child's
own peak RSS (reaped with ``os.wait4``), and ratios of the fastest runs against
``python -c pass`` and against ``rg``. ``--baseline OTHER/src`` runs another checkout's
briefer in the same rounds, so a before/after comparison sees the same load. The store is
opened once before anything is timed, so a cached store of an older schema is migrated (with
its backup) outside the figures. Results go to ``benchmarks/out/cli_startup-<scale>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
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


def launch(
    cmd: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, int, float]:
    """(wall seconds, peak RSS MB, exit code, CPU seconds) of one run, output discarded.

    The child is reaped with a blocking ``os.wait4`` (exact, and no polling that would take
    CPU from the child on a shared machine), which also gives its own peak RSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, rusage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, rusage.ru_maxrss / 1024, proc.returncode, rusage.ru_utime + rusage.ru_stime


Command = tuple[list[str], "dict[str, str] | None"]


def briefer_commands(
    store: Path, briefer: list[str], env: dict[str, str] | None, prefix: str = ""
) -> dict[str, Command]:
    at = [*briefer, "--store", str(store)]
    cmds: dict[str, list[str]] = {
        "briefer --version": [*briefer, "--version"],
        "briefer --help": [*briefer, "--help"],
        "search --json": [*at, "search", QUERY, "--json"],
        "source show --json": [*at, "source", "show", "1", "--json"],
        "topics --json": [*at, "topics", "--json"],
    }
    return {prefix + name: (cmd, env) for name, cmd in cmds.items()}


def commands(
    store: Path, texts: Path, briefer: list[str], baseline: Path | None
) -> dict[str, Command]:
    cmds: dict[str, Command] = {"python -c pass": ([sys.executable, "-c", "pass"], None)}
    cmds.update(briefer_commands(store, briefer, None))
    if baseline is not None:  # the other checkout, launched in the same rounds
        env = {**os.environ, "PYTHONPATH": str(baseline)}
        cmds.update(briefer_commands(store, briefer, env, prefix="baseline "))
    rg = shutil.which("rg")
    if rg:
        cmds["rg -c -i -F"] = ([rg, "-c", "-i", "-F", "--", QUERY, str(texts)], None)
    return cmds


def measure(cmds: dict[str, Command], runs: int) -> dict[str, dict[str, Any]]:
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    rss: dict[str, float] = dict.fromkeys(cmds, 0.0)
    load = [os.getloadavg()[0]]
    for name, (cmd, env) in cmds.items():  # warm the page cache and check each command works
        _, _, code, _ = launch(cmd, env)
        if code not in (0, 1) or (code == 1 and not name.startswith("rg")):
            raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    for _ in range(runs):
        for name, (cmd, env) in cmds.items():
            wall, peak, _, cpu = launch(cmd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
            rss[name] = max(rss[name], peak)
        load.append(os.getloadavg()[0])
    # CPU time (user + system, all threads) says what the command costs whatever else runs;
    # on a loaded machine the wall time is mostly waiting for a core.
    return {
        name: {
            "median_ms": round(statistics.median(w) * 1000, 1),
            "min_ms": round(min(w) * 1000, 1),
            "cpu_median_ms": round(statistics.median(cpus[name]) * 1000, 1),
            "cpu_min_ms": round(min(cpus[name]) * 1000, 1),
            "peak_rss_mb": round(rss[name], 1),
            "load_avg": [round(min(load), 1), round(max(load), 1)],
        }
        for name, w in walls.items()
    }


def with_ratios(figures: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Ratios of the fastest runs (the least disturbed by other load on a shared machine)."""
    floor = figures["python -c pass"]["min_ms"]
    rg = figures.get("rg -c -i -F", {}).get("min_ms")
    rg_cpu = figures.get("rg -c -i -F", {}).get("cpu_min_ms")
    for row in figures.values():
        row["x_python"] = round(row["min_ms"] / floor, 2)
        if rg:
            row["x_rg"] = round(row["min_ms"] / rg, 2)
        if rg_cpu:
            row["cpu_x_rg"] = round(row["cpu_min_ms"] / rg_cpu, 2)
    return figures


def table(figures: dict[str, dict[str, Any]]) -> str:
    head = (
        f"{'command':<31} {'median ms':>10} {'min ms':>8} {'CPU ms':>8} {'RSS MB':>7} "
        f"{'×python':>8} {'×rg':>6} {'CPU ×rg':>8}"
    )
    lines = [head, "-" * len(head)]
    for name, r in figures.items():
        lines.append(
            f"{name:<31} {r['median_ms']:>10.1f} {r['min_ms']:>8.1f} {r['cpu_min_ms']:>8.1f} "
            f"{r['peak_rss_mb']:>7.1f} {r['x_python']:>8.2f} {r.get('x_rg', float('nan')):>6.2f} "
            f"{r.get('cpu_x_rg', float('nan')):>8.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--command",
        help="how to launch briefer (default: the installed script), e.g. "
        "'python -m briefer.app' with PYTHONPATH=<other checkout>/src to compare checkouts",
    )
    ap.add_argument("--label", default="", help="suffix of the results file")
    ap.add_argument(
        "--baseline",
        type=Path,
        help="another checkout's src/ folder: its briefer runs in the same rounds "
        "(PYTHONPATH), so both see the same load",
    )
    ns = ap.parse_args(argv)
    briefer = shlex.split(ns.command) if ns.command else briefer_command()

    corpus = ensure_corpus(ns.scale, out=ns.out)
    # Migrate a cached older store outside the figures, in a child process: this one stays
    # small, as a child's peak RSS counts what it was forked from. A read command: it opens
    # an older store in full (upgrade), a current one as it is (a writing command would
    # also merge new default aliases, re-tagging a 10,000-source store for minutes).
    launch([*briefer, "--store", str(corpus.store), "search", QUERY])
    cmds = commands(corpus.store, corpus.texts, briefer, ns.baseline)
    figures = with_ratios(measure(cmds, ns.runs))
    print(f"scale {ns.scale:,} sources, {ns.runs} runs each, {os.cpu_count()} cores")
    print("ratios are of the fastest runs (least disturbed by other load)")
    print(f"briefer launched as: {' '.join(briefer)}")
    print(table(figures))
    result = {
        "scale": ns.scale,
        "runs": ns.runs,
        "query": QUERY,
        "command": briefer,
        "baseline": str(ns.baseline) if ns.baseline else None,
        "figures": figures,
    }
    path = ns.out / f"cli_startup-{ns.scale}{'-' + ns.label if ns.label else ''}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2), "utf-8")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
