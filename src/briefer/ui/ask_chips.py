"""Status chips of the asks ledger: one wording and one hue per status, everywhere."""

from __future__ import annotations

from briefer.ui.qt import QCoreApplication

#: hue per status: green, amber, red
STATUS_HUES = {"addressed": 140, "partly": 38, "unaddressed": 4}


def status_text(status: str) -> str:
    labels = {
        "addressed": QCoreApplication.translate("asks", "Addressed"),
        "partly": QCoreApplication.translate("asks", "Partly"),
        "unaddressed": QCoreApplication.translate("asks", "Unaddressed"),
    }
    return labels.get(status, status)


def ask_chip(status: str) -> tuple[str, int]:
    """(text, hue) of a quote card's badge for an ask with this status."""
    return QCoreApplication.translate("asks", "Ask: {status}").format(
        status=status_text(status)
    ), STATUS_HUES.get(status, 220)
