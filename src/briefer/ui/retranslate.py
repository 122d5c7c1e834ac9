"""Switch the window's language while it is open: the texts it shows, not a restart.

Every string was set once, through ``tr()``, when its widget was built. Rather than each of
fifty widgets keeping a ``retranslateUi``, the switch reads the shipped translation
(``resources/i18n/briefer_<lang>.ts``: source → translation) and walks the window's widgets
and actions, replacing each text that is a known message in the old language by the same
message in the new one. Texts made from data and counts ("Version 2 of 3", "13 · 3") are not
messages; the views that show them are reloaded, and the window says in one line that what
still reads in the old language changes on a restart (with Restart now).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from importlib.resources import as_file, files

from briefer.ui.qt import (
    QAbstractButton,
    QAction,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QObject,
    QTabWidget,
    QWidget,
)


@cache
def messages(language: str) -> dict[str, str]:
    """English source → ``language``'s translation, every context together ({} for English)."""
    if language == "en":
        return {}
    res = files("briefer.resources") / "i18n" / f"briefer_{language}.ts"
    try:
        with as_file(res) as path:
            root = ET.parse(path).getroot()
    except (FileNotFoundError, OSError, ET.ParseError):
        return {}
    out: dict[str, str] = {}
    for m in root.iter("message"):
        source, translation = m.findtext("source") or "", m.findtext("translation") or ""
        if source and translation.strip():
            out.setdefault(source, translation)
    return out


def mapping(old: str, new: str) -> dict[str, str]:
    """Text shown in ``old`` → the same message in ``new``."""
    to_source = {t: s for s, t in messages(old).items()}  # {} from English
    forward = messages(new)
    out: dict[str, str] = {}
    for shown, source in to_source.items():
        out[shown] = forward.get(source, source)
    for source, translation in forward.items():
        out.setdefault(source, translation)
    return out


def _swap(table: dict[str, str], get: object, put: object) -> int:
    text = get()  # type: ignore[operator]
    if text and text in table and table[text] != text:
        put(table[text])  # type: ignore[operator]
        return 1
    return 0


def retranslate(root: QWidget, old: str, new: str) -> int:
    """Put ``root``'s and its children's message texts into ``new``; returns how many."""
    table = mapping(old, new)
    if not table:
        return 0
    done = 0
    objects: list[QObject] = [root, *root.findChildren(QObject)]
    for obj in objects:
        if isinstance(obj, QAction):
            done += _swap(table, obj.text, obj.setText)
            done += _swap(table, obj.toolTip, obj.setToolTip)
            done += _swap(table, obj.statusTip, obj.setStatusTip)
            continue
        if not isinstance(obj, QWidget):
            continue
        done += _swap(table, obj.toolTip, obj.setToolTip)
        done += _swap(table, obj.windowTitle, obj.setWindowTitle)
        done += _swap(table, obj.accessibleName, obj.setAccessibleName)
        if isinstance(obj, QLabel | QAbstractButton):
            done += _swap(table, obj.text, obj.setText)
        if isinstance(obj, QLineEdit):
            done += _swap(table, obj.placeholderText, obj.setPlaceholderText)
        if isinstance(obj, QGroupBox):
            done += _swap(table, obj.title, obj.setTitle)
        if isinstance(obj, QComboBox):
            for i in range(obj.count()):
                if (text := table.get(obj.itemText(i))) is not None:
                    obj.setItemText(i, text)
                    done += 1
        if isinstance(obj, QTabWidget):
            for i in range(obj.count()):
                if (text := table.get(obj.tabText(i))) is not None:
                    obj.setTabText(i, text)
                    done += 1
    return done
