"""Tab follows the reading order: the search field, the navigator, then the page from its
commands down through its content. Qt's default chain is the order widgets were made in,
so widgets built later (a brief's sections) landed after the navigator or before the
search field."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from briefer.ui.qt import Qt, QWidget


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def focus_children(widget: QWidget) -> list[QWidget]:
    """The descendants of ``widget`` that Tab can reach, in their current chain order."""
    out: list[QWidget] = []
    seen: set[int] = set()
    current = widget.nextInFocusChain()
    while current is not None and current is not widget and id(current) not in seen:
        seen.add(id(current))
        if widget.isAncestorOf(current) and takes_tab(current) and current.focusProxy() is None:
            out.append(current)
        current = current.nextInFocusChain()
    return out


def chain(widgets: Iterable[QWidget | None]) -> list[QWidget]:
    """Put ``widgets`` one after another in the Tab chain (those Tab can reach)."""
    order = [w for w in widgets if w is not None and takes_tab(w)]
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
