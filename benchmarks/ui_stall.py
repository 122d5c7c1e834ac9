"""The worst UI stall while an officer opens, browses and drafts with a large source.

A 10 ms timer runs inside the app; a stall is the longest gap between two of its ticks (the
event loop could not run for that long: the window was frozen). The script opens the window
on a store, then, as the officer would, selects every topic in the navigator, opens the
largest source in the reader and jumps to its last passage, clicks the coverage map's
busiest cell and drafts a brief of five topics. It prints each step's worst stall and the
process's peak RSS, and the same for an empty window as the peer in the same run.

    python -m benchmarks.ui_stall STORE [--json]

Target (issue 13): no stall over 100 ms, RSS <= 400 MB with a 20 MB source in a
10,000-source store.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class StallMeter:
    """Longest gap between ticks of a 10 ms timer, per step."""

    def __init__(self) -> None:
        from briefer.ui.qt import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.010)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


def _settle(app, seconds: float, until: Callable[[], bool] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop for ``seconds`` (or until ``until()``), as idle time would."""
    from briefer.ui.qt import QThreadPool

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.002)
    QThreadPool.globalInstance().waitForDone(0)


def run(store_path: Path) -> dict[str, float]:
    from briefer.bootstrap import open_for_use
    from briefer.library import sources, topics
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow

    app = make_application()
    meter = StallMeter()
    figures: dict[str, float] = {}

    def step(name: str, action: Callable[[], object], settle: float = 1.0) -> None:
        _settle(app, 0.05)
        meter.reset()
        action()
        _settle(app, settle)
        figures[f"{name}_stall_ms"] = round(meter.worst * 1000, 1)

    t0 = time.perf_counter()
    store = open_for_use(store_path)
    win = MainWindow(store)
    win.resize(1280, 800)
    win.show()
    figures["open_s"] = round(time.perf_counter() - t0, 2)
    meter.reset()
    _settle(app, 3.0)
    figures["open_stall_ms"] = round(meter.worst * 1000, 1)

    found = topics.list_topics(store, counts=False)
    listing = sources.list_sources(store)
    largest = max(listing, key=lambda s: s.passage_count)

    def browse_topics() -> None:
        for t in found:
            win.navigator.select_key(f"topic:{t.id}")
            _settle(app, 0.3)

    step("topics", browse_topics, settle=1.0)

    def open_large() -> None:
        win.navigator.select_key(f"source:{largest.id}")
        _settle(app, 1.5)

    step("reader", open_large, settle=1.5)

    def jump_to_end() -> None:
        from sqlalchemy import func, select

        from briefer.store.models import Passage

        with store.sessions() as s:
            last = s.scalar(select(func.max(Passage.id)).where(Passage.source_id == largest.id))
        win.reader.show_passage(largest.id, last)

    step("reader_jump", jump_to_end, settle=1.5)

    def coverage_cell() -> None:
        win.navigator.select_key("section:coverage")
        _settle(app, 1.0)
        win.open_coverage_cell(found[0].id, largest.id)

    step("coverage", coverage_cell, settle=1.5)

    def draft() -> None:
        win.new_brief("Stall benchmark")
        dialog = win.open_draft()
        if dialog is None:
            return
        done: list[object] = []
        dialog.drafted.connect(lambda *a: done.append(a))
        dialog.check_topics([t.id for t in found[:5]])
        dialog.start()
        _settle(app, 30.0, until=lambda: bool(done))

    step("draft", draft, settle=1.0)
    figures["rss_mb"] = round(_rss_mb(), 1)
    figures["worst_stall_ms"] = max(v for k, v in figures.items() if k.endswith("_stall_ms"))
    win.close()
    store.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--json", action="store_true")
    ns = parser.parse_args(argv)
    figures = run(ns.store)
    if ns.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>24}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
