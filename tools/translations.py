"""Keep the Japanese translation in step with the code.

    python tools/translations.py      # refresh resources/i18n/briefer_ja.ts, then build the .qm

1. Strings the ui translates at run time from data (kind and assessment labels, the undo
   labels of brief operations, the one/many forms given to ``wording.counted``) are written
   as ``QT_TRANSLATE_NOOP`` entries into ``src/briefer/ui/i18n_extra.py``, so lupdate sees
   them in the context the ui looks them up in.
2. ``pyside6-lupdate`` reads ``src/briefer/ui`` into the .ts (existing translations kept).
   Code that calls ``window.tr(...)`` on the main window (menus, help) is filed by lupdate
   under the variable's name; the release step renames those contexts to the class Qt looks
   up at run time (the .ts keeps lupdate's names, so updates keep their translations).
3. ``pyside6-lrelease`` builds ``resources/i18n/briefer_ja.qm`` (shipped as package data; a
   test checks it is current). Translate in Qt Linguist: ``pyside6-linguist <the .ts>``.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "briefer" / "ui"
TS = ROOT / "resources" / "i18n" / "briefer_ja.ts"
QM = TS.with_suffix(".qm")
EXTRA = UI / "i18n_extra.py"
#: lupdate context (the variable ``tr`` was called on) -> the class Qt looks up at run time
RENAMED = {"window": "MainWindow", "w": "MainWindow", "box": "QMessageBox"}
KIND_CONTEXTS = (
    "ImportTableModel",
    "KindDelegate",
    "MetadataForm",
    "NavigatorModel",
    "SearchPage",
    "SectionWidget",
    "SourceReader",
    "TopicBoard",
)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def _counted_pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "counted"
                and len(node.args) >= 3
                and all(isinstance(a, ast.Constant) for a in node.args[1:3])
            ):
                pairs.append((node.args[1].value, node.args[2].value))  # type: ignore[attr-defined]
    return pairs


def _operation_labels() -> list[str]:
    from briefer.briefs.operation_base import FIELD_NAMES

    labels = set()
    for path in sorted((ROOT / "src" / "briefer" / "briefs").glob("*.py")):
        labels.update(re.findall(r'LABEL: ClassVar\[str\] = "([^"]+)"', path.read_text("utf-8")))
    labels.update(f"Edit {name}" for name in FIELD_NAMES.values())
    return sorted(labels)


def write_extra() -> None:
    from briefer.briefs.model import ASSESSMENT_LABELS
    from briefer.library.views import KIND_LABELS
    from briefer.ui.coverage_model import GAP_TEXT
    from briefer.ui.coverage_paint import KIND_LABELS as COLUMN_KINDS
    from briefer.ui.navigator_model import _GROUP_LABELS as GROUP_LABELS
    from briefer.ui.quote_dialog import SIDE_LABELS
    from briefer.ui.section_widget import COLUMN_TITLES, EMPTY_TEXT
    from briefer.ui.versions_dialog import _FIELD_LABELS as FIELD_LABELS

    entries: list[tuple[str, str]] = []
    for one, many in _counted_pairs():
        entries += [("wording", one), ("wording", many)]
    entries += [("brief_commands", label) for label in _operation_labels()]
    for context in KIND_CONTEXTS:
        entries += [(context, label) for label in KIND_LABELS.values()]
    entries += [("SectionWidget", label) for label in ASSESSMENT_LABELS.values()]
    entries += [("CoverageModel", text) for text in GAP_TEXT.values()]
    entries += [("NavigatorModel", text) for text in GROUP_LABELS.values()]
    versions = (UI / "versions_dialog.py").read_text(encoding="utf-8")
    found = re.findall(r"_t\((['\"])(.*?)\1\)", versions)
    entries += [("VersionsDialog", text) for _q, text in found]
    entries += [("VersionsDialog", text) for text in FIELD_LABELS.values()]
    entries += [("CoverageHeader", text) for text in COLUMN_KINDS.values()]
    entries += [("SectionWidget", text) for text in (*COLUMN_TITLES.values(), *EMPTY_TEXT.values())]
    entries += [("QuoteDialog", text) for text in SIDE_LABELS.values()]
    seen: set[tuple[str, str]] = set()
    lines = [
        '"""Strings the ui translates from data, listed for lupdate; written by',
        "tools/translations.py (do not edit). Never imported at run time.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "from briefer.ui.qt import QT_TRANSLATE_NOOP",
        "",
        "STRINGS = [",
    ]
    for context, text in entries:
        if (context, text) in seen:
            continue
        seen.add((context, text))
        lines.append(f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),")
    lines.append("]")
    EXTRA.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update_ts() -> None:
    files = [str(p) for p in sorted(UI.glob("*.py"))]
    subprocess.run(
        [_tool("lupdate"), *files, "-no-obsolete", "-target-language", "ja_JP", "-ts", str(TS)],
        check=True,
    )


def runtime_ts(text: str) -> str:
    """The .ts as Qt looks strings up: contexts named after variables renamed to classes."""
    for old, new in RENAMED.items():
        text = text.replace(f"<name>{old}</name>", f"<name>{new}</name>")
    return text


def release(ts: Path = TS, qm: Path = QM) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / ts.name
        staged.write_text(runtime_ts(ts.read_text(encoding="utf-8")), encoding="utf-8")
        subprocess.run([_tool("lrelease"), str(staged), "-qm", str(qm)], check=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    write_extra()
    update_ts()
    release()
