"""Measuring that work grows linearly with input: time at n and 8n, not a wall-clock limit.

A linear step takes about 8x as long on 8x the input, a quadratic one about 64x; the wide
gap lets a busy shared machine (noise of 2-3x) tell them apart. The size
is doubled until one run takes long enough to measure above timer noise (or a cap is hit:
a step that stays this fast at the cap cannot be quadratic), then the ratio is taken from
the best of a few runs, which damps the noise of a shared machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: The input grows by this factor between the two measurements.
FACTOR = 8
#: Above this t(8n)/t(n) the step is not linear (linear is ~8, quadratic ~64).
MAX_RATIO = 24.0
_MEASURABLE_S = 0.02  # above the noise of thread CPU time on a loaded machine


def best_time(run: Callable[[], object], reps: int = 3) -> float:
    """The best of ``reps`` runs in this thread's CPU seconds: the work is pure computation, so
    CPU time is what grows with it, while the time other processes (the other test workers,
    other jobs on a shared machine) take from this one is left out, as wall time cannot."""
    best = float("inf")
    for _ in range(reps):
        started = time.thread_time()
        run()
        best = min(best, time.thread_time() - started)
    return best


def _best_if_measurable(run: Callable[[], object]) -> float:
    """``best_time(run)`` (the best of three) whenever that is measurable, from fewer runs
    when it is not: one run under the threshold means the best of three is under it too (CPU
    time only adds to the work's own), the same verdict, so the size is doubled at once and the
    other two runs are made only at the size where a first run reaches the threshold."""
    first = best_time(run, reps=1)
    if first < _MEASURABLE_S:
        return first
    return min(first, best_time(run, reps=2))


def growth(work: Callable[[int], Callable[[], object]], n: int, cap: int) -> tuple[int, float]:
    """(n measured at, t(8n) / t(n)) for ``work(n)``, a function building the run for size n."""
    took = _best_if_measurable(work(n))
    while took < _MEASURABLE_S and n * 2 <= cap:
        n *= 2
        took = _best_if_measurable(work(n))
    if took < _MEASURABLE_S:
        return n, 1.0  # still unmeasurably fast at the cap: not superlinear in any way that counts
    # t(8n) is the best of three runs, but taken one run at a time: CPU time only ever adds to
    # the work's own, so when one run is under the bound the best of three is too (the same
    # verdict), and the two more runs (most of the test's cost) are only made when it is not.
    big = work(FACTOR * n)
    best_big = best_time(big, reps=1)
    if best_big / took > MAX_RATIO:
        best_big = min(best_big, best_time(big, reps=2))
    ratio = best_big / took
    if ratio > MAX_RATIO:  # a busy machine can fake one slow run; a quadratic step repeats it
        ratio = min(ratio, best_time(work(FACTOR * n), reps=5) / best_time(work(n), reps=5))
    return n, ratio


def fast_enough(work: Callable[[int], Callable[[], object]], n: int, budget_s: float) -> bool:
    """A cheap screen: one run at size n under ``budget_s`` needs no growth measurement."""
    return best_time(work(n), reps=1) < budget_s


def growth_at(
    work: Callable[[int], Callable[[], object]], n: int, factor: int = 4, reps: int = 3
) -> float:
    """t(factor * n) / t(n) at a size ``n`` chosen large enough for a superlinear term to
    dominate (``growth`` starts where the work becomes measurable, which for a step that is
    linear at first and quadratic in the long run can be too small to show it). A ratio far
    above ``factor`` is measured once more with more runs before it is believed."""
    small, large = work(n), work(factor * n)
    ratio = best_time(large, reps) / best_time(small, reps)
    if ratio > 2 * factor:
        ratio = min(ratio, best_time(large, reps + 2) / best_time(small, reps + 2))
    return ratio
