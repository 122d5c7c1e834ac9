"""Killing Briefer while the officer types loses nothing: the typing journal.

A text area saves after a pause in typing; the journal holds every keystroke in between.
The child process below is the real window: it types into Scene setter with key events and
is killed with SIGKILL at once, before the pause that would save it. The next window on the
store brings the text back as one undoable edit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from briefer.bootstrap import open_for_use
from briefer.briefs import reads
from briefer.ui.qt import Qt
from briefer.ui.typing_journal import TypingJournal

TYPED = "Japan chairs the council; cables and chips lead."

CHILD = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from briefer.bootstrap import open_for_use
from briefer.ui.main import make_application
from briefer.ui.main_window import MainWindow
from PySide6.QtTest import QTest
from briefer.ui.qt import QCoreApplication, QSettings, Qt

app = make_application()
QCoreApplication.setOrganizationName("BrieferTests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
QSettings().setValue("ui/language", "en")
window = MainWindow(open_for_use(sys.argv[1], seed_if_new=True))
window.show()
brief_id = window.new_brief("Journal test")
field = window.editor.header.scene_setter
QTest.mouseClick(field.viewport(), Qt.MouseButton.LeftButton)
QTest.keyClicks(field, sys.argv[3])
print("TYPED", brief_id, flush=True)
app.exec()
"""


def _type_and_kill(store: Path, settings: Path) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store), str(settings), TYPED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    child.send_signal(signal.SIGKILL)  # at once: well inside the pause before a save
    child.wait(timeout=60)
    assert line.startswith("TYPED"), child.stderr.read() if child.stderr else line
    return int(line.split()[1])


def test_text_typed_just_before_a_kill_comes_back(
    qtbot, isolated_settings, store_path, make_store
) -> None:  # type: ignore[no-untyped-def]
    from briefer.ui.main import make_application
    from briefer.ui.main_window import MainWindow

    make_store(store_path).close()
    brief_id = _type_and_kill(store_path, isolated_settings)
    store = open_for_use(store_path)
    assert reads.get_brief(store, brief_id).scene_setter == ""  # the kill beat the save

    make_application()
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.warn_about_store()  # what opening a store runs (ui/main.py, store_actions)
    qtbot.waitUntil(lambda: reads.get_brief(store, brief_id).scene_setter == TYPED)
    assert "Recovered unsaved typing in 1 field" in window.statusBar().currentMessage()
    assert not window.ws.journal.path.exists()

    # one undoable edit: Ctrl+Z on the window takes the recovered text back out
    assert window.window_actions.undo.text().replace("&", "") == "Undo Recover unsaved typing"
    window.open_brief(brief_id)  # the officer looks: the text is in its field
    qtbot.waitUntil(lambda: window.editor.header.scene_setter.toPlainText() == TYPED)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reads.get_brief(store, brief_id).scene_setter == "")
    window.ws.store.close()


def test_recovery_never_overwrites_a_later_edit(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    """Typing recovered only where the stored value is still the one it started from."""
    journal = TypingJournal.for_store("store-a", folder=tmp_path)
    journal.typed(("brief", 1, "objectives"), "old", "old and new")
    journal.typed(("section", 2, "notes"), "", "typed")
    again = TypingJournal.for_store("store-a", folder=tmp_path)
    assert {p.key for p in again.previous} == {("brief", 1, "objectives"), ("section", 2, "notes")}
    assert TypingJournal.for_store("store-b", folder=tmp_path).previous == []
    journal.saved(("brief", 1, "objectives"))
    journal.saved(("section", 2, "notes"))
    assert not journal.path.exists()


def test_an_unreadable_journal_is_set_aside(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    journal = TypingJournal.for_store("store-a", folder=tmp_path)
    journal.path.write_text("{not json", encoding="utf-8")
    assert TypingJournal.for_store("store-a", folder=tmp_path).previous == []
    assert journal.path.with_name(journal.path.name + ".unreadable").exists()
