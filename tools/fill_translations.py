"""Fill untranslated messages of the .ts from a {source: translation} dict in a Python file
(used once to seed briefer_ja.ts; afterwards translate in Qt Linguist).

    python tools/fill_translations.py DICT.py
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "briefer_ja.ts"


def fill(table: dict[str, str], ts: Path = TS) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            if source in table:
                translation.text = table[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    ts.write_text(text, encoding="utf-8")
    return missing


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[1])["JA"]
    for source in fill(table):
        print("untranslated:", repr(source))
