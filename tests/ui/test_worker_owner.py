"""A worker whose widget was deleted before it returned reports nothing to it
(``workers.start(owner=…)``): its callbacks are lambdas on the widget, and calling one on a
deleted widget raised "Internal C++ object already deleted"."""

from __future__ import annotations

import threading

from briefer.ui import workers
from briefer.ui.qt import QLabel, alive


def _held(gate: threading.Event) -> str:
    def work(_job: workers.Job) -> str:
        assert gate.wait(10), "the test never released the worker"
        _job.progress(1, 1, "almost")
        return "read"

    return work  # type: ignore[return-value]


def _worker_on(label: QLabel, gate: threading.Event, seen: list[str]) -> workers.Worker:
    worker = workers.Worker(_held(gate))
    # what the views do: lambdas that touch the widget
    worker.signals.progress.connect(lambda *_a: seen.append("progress") or label.setText("…"))
    worker.signals.result.connect(lambda v: seen.append(v) or label.setText(v))
    worker.signals.finished.connect(lambda: seen.append("finished") or label.adjustSize())
    return worker


def test_a_deleted_owner_gets_nothing(qtbot) -> None:
    label = QLabel("reading…")
    qtbot.addWidget(label)
    label.show()
    gate = threading.Event()
    seen: list[str] = []
    worker = _worker_on(label, gate, seen)
    signals = worker.signals
    workers.start(worker, owner=label)
    label.close()
    label.deleteLater()
    qtbot.waitUntil(lambda: not alive(label), timeout=3000)
    gate.set()
    # result, progress and finished each arrive at the relay and are dropped there
    qtbot.waitUntil(lambda: signals.dropped == 3, timeout=5000)
    assert seen == []


def test_a_live_owner_gets_everything(qtbot) -> None:
    label = QLabel("reading…")
    qtbot.addWidget(label)
    label.show()
    gate = threading.Event()
    seen: list[str] = []
    worker = _worker_on(label, gate, seen)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        workers.start(worker, owner=label)
        gate.set()
    assert seen == ["progress", "read", "finished"]
    assert label.text() == "read"
    assert worker.signals.dropped == 0
