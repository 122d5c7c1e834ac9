"""Opening, switching and refusing stores from the window (ui/store_actions.py)."""

from __future__ import annotations

from pathlib import Path

from briefer.library import sources
from briefer.ui.navigator_model import KeyRole
from briefer.ui.qt import QMessageBox, QModelIndex


def _keys(model: object, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):  # type: ignore[attr-defined]
        idx = model.index(row, 0, parent)  # type: ignore[attr-defined]
        out.append(idx.data(KeyRole))
        out.extend(_keys(model, idx))
    return out


def test_switch_stores(window, tmp_path: Path, store_path: Path) -> None:
    from briefer.ui.main_window import recent_stores

    other = tmp_path / "other.briefer"
    assert window.open_store(str(other))
    assert "other.briefer" in window.windowTitle()
    assert sources.list_sources(window.ws.store) == []
    keys = _keys(window.navigator.model())
    assert not any(k.startswith("source:") for k in keys)
    assert any(k.startswith("topic:") for k in keys)  # a new store has the default topics
    assert window.reader.source_id is None
    assert str(other) in recent_stores() and str(store_path) in recent_stores()

    assert window.open_store(str(store_path))
    assert "seeded.briefer" in window.windowTitle()
    assert any(k.startswith("source:") for k in _keys(window.navigator.model()))


def test_opening_a_bad_store_reports_and_keeps_the_current(window, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-store.briefer"
    bad.write_text("hello", encoding="utf-8")
    label = window.ws.store.label
    assert not window.open_store(str(bad))
    assert window.ws.store.label == label


def test_store_warnings_are_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A store in a cloud-synced folder (or any warning from opening) reaches the officer."""
    window.ws.store.warnings.append("This store is in a OneDrive folder.")
    window.warn_about_store()
    box = window.findChild(QMessageBox, "problemDialog")
    assert box is not None and "OneDrive" in box.text()
