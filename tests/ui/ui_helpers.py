"""Helpers for UI tests that act as the officer does."""

from __future__ import annotations

from briefer.ui.qt import Qt


def click_nav(window, qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Click a navigator row with the mouse."""
    nav = window.navigator
    index = nav.nav_model.index_for_key(key)
    model = nav.model()
    if model is not nav.nav_model and hasattr(model, "mapFromSource"):
        index = model.mapFromSource(index)
    nav.scrollTo(index)
    rect = nav.visualRect(index)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
