"""Counted phrases ("1 passage", "3 passages") with both forms going through tr()."""

from __future__ import annotations

from briefer.ui.qt import QCoreApplication


def counted(n: int, one: str, many: str, context: str = "wording") -> str:
    """``one`` or ``many`` translated, with ``{n}`` filled in."""
    text = one if n == 1 else many
    return QCoreApplication.translate(context, text).format(n=n)
