"""Running one hostile input through the command line and judging what came out.

Every outcome is one of: ``refused`` (exit 1, one ``briefer: error: …`` line), ``accepted``
(exit 0), ``crash`` (a traceback or another exit code), ``hang`` (over the CPU bound, or
blocked) or ``blow-up`` (peak memory over the bound).

A hang is judged by CPU time of the process that does the work, never by wall time: on a
machine shared by many jobs (load 16 on two cores) a healthy 16 s import took 67 s of wall
time. A subprocess runs under ``RLIMIT_CPU`` (the kernel stops it at ``CPU_BOUND_S`` of CPU);
``BLOCKED_S`` of wall time is only the net for a process that waits without computing (a
FIFO opened for reading), far above any healthy run however loaded the machine.

The attack suite asserts the first two outcomes and records all of them, so
``docs/RELIABILITY.md``'s figures come from a run (``BRIEFER_ATTACK_REPORT=FILE`` writes them
as JSON).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefer import cli

#: CPU seconds a single hostile input may take (a healthy run takes one or two; the largest
#: inputs of the slow half, 10 MB of one line, about 16).
CPU_BOUND_S = 60
#: Wall seconds after which a subprocess is taken to be blocked (waiting, not computing).
BLOCKED_S = 600.0
#: Peak memory of a subprocess run, in MB (Briefer with a store open is ~150 MB).
MEMORY_BOUND_MB = 1024


@dataclass
class Outcome:
    name: str
    group: str
    kind: str  # refused | accepted | crash | hang | blow-up
    code: int | None
    stdout: str
    stderr: str
    seconds: float  # wall time, for the record only
    cpu_s: float = 0.0  # user + system CPU of the process that did the work
    peak_mb: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def error_line(self) -> str:
        return next((ln for ln in self.stderr.splitlines() if ln.startswith("briefer: error:")), "")


RESULTS: list[Outcome] = []
_MAIN = "import sys; from briefer.cli import main; sys.exit(main(sys.argv[1:]))"


def _classify(code: int | None, stderr: str) -> str:
    if code == 0:
        return "accepted"
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("briefer: error: ")]
    others = [ln for ln in lines if not ln.startswith("briefer: ")]
    if code == 1 and len(errors) == 1 and not others and "Traceback" not in stderr:
        return "refused"
    return "crash"


def run_in_process(name: str, group: str, argv: list[str]) -> Outcome:
    """``briefer ARGV`` in this process (fast); any escaping exception is a crash."""
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    cpu_started = time.process_time()
    code: int | None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            err.write(traceback.format_exc())
            code = None
    took = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    kind = _classify(code, err.getvalue())
    if cpu > CPU_BOUND_S:
        kind = "hang"
    outcome = Outcome(name, group, kind, code, out.getvalue(), err.getvalue(), took, cpu)
    RESULTS.append(outcome)
    return outcome


def _limit_child() -> None:  # pragma: no cover - runs in the child
    limit = MEMORY_BOUND_MB * 3 * 1024 * 1024  # address space: well above RSS, below a blow-up
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # SIGXCPU at the bound (SIGKILL a little later if it were ignored)
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_BOUND_S, CPU_BOUND_S + 5))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_subprocess(
    name: str, group: str, argv: list[str], *, env: dict[str, str] | None = None
) -> Outcome:
    """``briefer ARGV`` in a child with a CPU bound and peak memory and CPU measured."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu_before = _children_cpu()
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _MAIN, *argv],
            capture_output=True,
            timeout=BLOCKED_S,
            env={**os.environ, **(env or {})},
            preexec_fn=_limit_child,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        outcome = Outcome(
            name,
            group,
            "hang",
            None,
            "",
            (exc.stderr or b"").decode(errors="replace"),
            time.perf_counter() - started,
        )
        RESULTS.append(outcome)
        return outcome
    took = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before  # this child's: the calls run one at a time
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: only a new maximum is this child's
    peak_mb = peak / 1024 if peak > before else None
    stderr = done.stderr.decode(errors="replace")
    kind = _classify(done.returncode, stderr)
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL) or cpu > CPU_BOUND_S:
        kind = "hang"
    if peak_mb is not None and peak_mb > MEMORY_BOUND_MB:
        kind = "blow-up"
    outcome = Outcome(
        name,
        group,
        kind,
        done.returncode,
        done.stdout.decode(errors="replace"),
        stderr,
        took,
        cpu,
        peak_mb,
    )
    RESULTS.append(outcome)
    return outcome


def write_report(path: Path) -> None:
    kinds = [r.kind for r in RESULTS]
    summary = {
        "inputs": len(RESULTS),
        "refused": kinds.count("refused"),
        "accepted": kinds.count("accepted"),
        "crashes": kinds.count("crash"),
        "hangs": kinds.count("hang"),
        "blow_ups": kinds.count("blow-up"),
        "kills_survived": sum(1 for r in RESULTS if "kill survived" in r.notes),
        "kills": sum(1 for r in RESULTS if any(n.startswith("kill") for n in r.notes)),
        "slowest_s": round(max((r.seconds for r in RESULTS), default=0.0), 2),
        "most_cpu_s": round(max((r.cpu_s for r in RESULTS), default=0.0), 2),
        "peak_mb": round(max((r.peak_mb or 0 for r in RESULTS), default=0.0), 1),
        "groups": {
            g: sum(1 for r in RESULTS if r.group == g) for g in sorted({r.group for r in RESULTS})
        },
    }
    rows = [
        {k: v for k, v in asdict(r).items() if k not in ("stdout", "stderr")}
        | {"error": r.error_line[:200]}
        for r in RESULTS
    ]
    path.write_text(json.dumps({"summary": summary, "inputs": rows}, indent=1), encoding="utf-8")
