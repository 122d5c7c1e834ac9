"""An error that repeats on every event (one raised while laying out or painting) is shown
once, not in an endless chain of dialogs the officer can never leave."""

from __future__ import annotations

import logging
import sys

import pytest

from briefer.ui import crash
from briefer.ui.qt import QApplication, QMessageBox, QPushButton, Qt, QTimer, QWidget


@pytest.fixture
def hook(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", crash.excepthook)
    monkeypatch.setattr(crash, "_Shown", crash._ShownErrors())
    return crash


def _closer(qtbot, shown: list[str]) -> QTimer:  # type: ignore[no-untyped-def]
    """Click Close on every error dialog that appears, as the officer would."""

    def close_dialogs() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                shown.append(widget.text())
                button = widget.button(QMessageBox.StandardButton.Close)
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.timeout.connect(close_dialogs)
    timer.start(30)
    return timer


@pytest.mark.qt_no_exception_capture
def test_an_error_raised_on_every_event_shows_one_dialog(qtbot, hook, caplog) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    raised = []

    def broken_layout() -> None:
        raised.append(1)
        raise RuntimeError("Internal C++ object already deleted")

    storm = QTimer()
    storm.timeout.connect(broken_layout)
    shown: list[str] = []
    closer = _closer(qtbot, shown)
    with caplog.at_level(logging.ERROR, logger="briefer.ui"):
        storm.start(5)
        qtbot.waitUntil(lambda: len(raised) > 60, timeout=20_000)
        storm.stop()
        qtbot.wait(100)
    closer.stop()
    assert len(shown) == 1 and "already deleted" in shown[0]
    assert any("again (not shown)" in r.getMessage() for r in caplog.records)


@pytest.mark.qt_no_exception_capture
def test_a_different_error_is_still_shown(qtbot, hook) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Go", window)
    errors = iter(["first failure", "second failure"])

    def fail() -> None:
        raise ValueError(next(errors))

    button.clicked.connect(fail)
    window.show()
    shown: list[str] = []
    closer = _closer(qtbot, shown)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    closer.stop()
    assert "first failure" in shown[0] and "second failure" in shown[1]
