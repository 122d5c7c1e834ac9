"""Long work off the UI thread: a ``QRunnable`` plus a separate ``QObject`` for its signals.

The work function is plain Python; it receives a :class:`Job` to report progress and to ask
whether the user cancelled. It knows nothing of Qt.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from briefer.ui.qt import (
    QApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    alive,
)


class Job:
    """What the work function sees: a progress callback and the abort flag."""

    def __init__(self, signals: WorkerSignals) -> None:
        self._signals = signals
        self._abort = threading.Event()

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._signals._progress.emit(done, total, message)

    def abort(self) -> None:
        self._abort.set()

    @property
    def aborted(self) -> bool:
        return self._abort.is_set()


class WorkerSignals(QObject):
    """Signals of one worker; lives on the UI thread so slots run there.

    The pool thread emits the private ``_…`` signals; they reach this object's relays
    queued, on the UI thread, which emit the public ones unless the worker's owner (the
    widget whose callbacks are connected, ``start(owner=…)``) has been deleted meanwhile:
    a callback such as ``lambda v: self._show(v)`` then never runs on a dead widget."""

    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()
    _progress = Signal(int, int, str)
    _result = Signal(object)
    _error = Signal(object)
    _finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.owner: QObject | None = None
        #: emissions dropped because the owner was gone (tests read it)
        self.dropped = 0
        self._progress.connect(self._relay_progress)
        self._result.connect(self._relay_result)
        self._error.connect(self._relay_error)
        self._finished.connect(self._relay_finished)

    def _live(self) -> bool:
        if self.owner is None or alive(self.owner):
            return True
        self.dropped += 1
        return False

    def _relay_progress(self, done: int, total: int, message: str) -> None:
        if self._live():
            self.progress.emit(done, total, message)

    def _relay_result(self, value: object) -> None:
        if self._live():
            self.result.emit(value)

    def _relay_error(self, exc: object) -> None:
        if self._live():
            self.error.emit(exc)

    def _relay_finished(self) -> None:
        if self._live():
            self.finished.emit()


class Worker(QRunnable):
    """Runs ``fn(job, *args)`` on a pool thread and reports through :attr:`signals`."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.signals = WorkerSignals()
        self.job = Job(self.signals)
        self._fn = fn
        self._args = args

    def abort(self) -> None:
        self.job.abort()

    def run(self) -> None:
        try:
            try:
                value = self._fn(self.job, *self._args)
            except Exception as exc:  # reported to the UI, never lost on the pool thread
                self.signals._error.emit(exc)
            else:
                self.signals._result.emit(value)
            finally:
                self.signals._finished.emit()
        except RuntimeError:
            # The receiving window was closed while this ran (e.g. the app is quitting):
            # nobody is left to tell, which is fine.
            pass


_write_pool: QThreadPool | None = None


def read_pool() -> QThreadPool:
    """Pool for read-only work such as search."""
    return QThreadPool.globalInstance()


def write_pool() -> QThreadPool:
    """A single-thread pool: database writes run one at a time."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


#: work that takes longer than this shows the busy cursor
BUSY_AFTER_MS = 200


class _Busy:
    """One busy cursor for all work on the pools: shown once work has been running for
    BUSY_AFTER_MS, taken away when both pools are idle. It watches the pools themselves, so
    a worker whose window closed before it reported can never leave the cursor busy."""

    shown = False
    since = 0.0
    timer: QTimer | None = None

    @classmethod
    def begin(cls) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if cls.timer is None:
            cls.timer = QTimer(app)
            cls.timer.setInterval(50)
            cls.timer.timeout.connect(cls.tick)
        if not cls.timer.isActive():
            cls.since = time.monotonic()
            cls.timer.start()

    @classmethod
    def tick(cls) -> None:
        pools = (read_pool(), write_pool())
        if any(p.activeThreadCount() for p in pools):
            if not cls.shown and time.monotonic() - cls.since >= BUSY_AFTER_MS / 1000:
                cls.shown = True
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            return
        if cls.timer is not None:
            cls.timer.stop()
        if cls.shown:
            cls.shown = False
            QApplication.restoreOverrideCursor()


def start(
    worker: Worker, *, writes: bool = False, busy: bool = True, owner: QObject | None = None
) -> Worker:
    """Run ``worker``; with ``busy``, the cursor shows work going on once it has taken
    longer than :data:`BUSY_AFTER_MS` (the window stays usable: it is the busy arrow).
    ``owner``: the widget the worker's callbacks belong to; once it is deleted, nothing the
    worker reports is delivered (its result, error, progress and end are dropped)."""
    if owner is not None:
        worker.signals.owner = owner
    if busy and QApplication.instance() is not None:
        _Busy.begin()
    (write_pool() if writes else read_pool()).start(worker)
    return worker


#: input events a stall must not replay
_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Wheel,
    }
)


class _DropInput(QObject):
    """Swallows the mouse, key and wheel events that queued up during a stall.

    The event loop delivers queued window-system input before it runs its timers, so the
    filter eats input until the first timer fires: what a timer does afterwards, a click
    included, is not a replay. Input sent to a widget directly,
    outside any event loop (a test driving the window), is not one either.
    """

    dropped = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Timer:
            _stop_dropping()
            return False
        if kind in _INPUT and QThread.currentThread().loopLevel() > 0:
            _DropInput.dropped += 1
            return True
        return False


_eater: _DropInput | None = None


def _stop_dropping() -> None:
    global _eater
    app = QApplication.instance()
    if _eater is not None and app is not None:
        app.removeEventFilter(_eater)
    _eater = None


def drop_pending_input() -> None:
    """Drop the clicks and keys that queued up while the UI thread was busy: a click made
    during a stall must not land, seconds later, on whatever is under the pointer then.

    The filter goes on at once and comes off at the first timer (a zero timer at the
    latest): the loop delivers the queued input before it. Never a nested
    ``processEvents`` inside the handler that stalled, which would run other work
    (workers' results) in its middle.
    """
    global _eater
    app = QApplication.instance()
    if app is None or _eater is not None:
        return
    _eater = _DropInput()
    app.installEventFilter(_eater)
    QTimer.singleShot(0, _stop_dropping)


_busy_depth = 0


@contextmanager
def busy(cursor: bool = True) -> Iterator[None]:
    """Work on the UI thread: with ``cursor`` the wait cursor while it runs (for work that
    may well take longer than :data:`BUSY_AFTER_MS`: the loop is blocked, so the cursor
    cannot wait to see); whatever it is, if it took longer than that, the input that
    arrived meanwhile is dropped, not replayed.

    Nested uses count once (the outermost shows the cursor and drops the input).
    """
    global _busy_depth
    app = QApplication.instance()
    if app is None or _busy_depth:
        _busy_depth += 1
        try:
            yield
        finally:
            _busy_depth -= 1
        return
    _busy_depth = 1
    started = time.monotonic()
    if cursor:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        if cursor:
            QApplication.restoreOverrideCursor()
        _busy_depth = 0
        if time.monotonic() - started >= BUSY_AFTER_MS / 1000:
            drop_pending_input()
