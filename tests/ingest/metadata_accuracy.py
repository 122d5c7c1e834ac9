"""Score proposed title, organisations, date and kind on the analyst set.

    .venv/bin/python tests/ingest/metadata_accuracy.py        # prints the three tables

A field is right when it equals what the analyst recorded (organisations: the same set of
names, case aside). ``score`` is what ``test_analyst_documents.py`` asserts on.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_fixtures
import real_fixtures
from analyst_fixtures import Labelled, build

from briefer.ingest.kind import suggest_kind
from briefer.ingest.readers import read_path

FIELDS = ("title", "organisations", "date", "kind")


@dataclass(frozen=True)
class Row:
    doc: Labelled
    got: dict[str, object]
    right: dict[str, bool]


def score(docs: list[Labelled]) -> list[Row]:
    rows = []
    for d in docs:
        read = read_path(d.path)
        p = read.proposed
        got: dict[str, object] = {
            "title": p.title,
            "organisations": p.organisations,
            "date": p.date,
            "kind": suggest_kind(read),
        }
        right = {
            "title": p.title == d.title,
            "organisations": {o.casefold() for o in p.organisations}
            == {o.casefold() for o in d.organisations},
            "date": p.date == d.date,
            "kind": got["kind"] == d.kind,
        }
        rows.append(Row(d, got, right))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| set | documents | " + " | ".join(FIELDS) + " |", "|---|---:|" + "---:|" * 4]
    for label, lang in (("English", "en"), ("Japanese", "ja"), ("all", None)):
        part = [r for r in rows if lang is None or r.doc.language == lang]
        if not part:
            continue
        cells = [f"{sum(r.right[f] for r in part)}/{len(part)}" for f in FIELDS]
        lines.append(f"| {label} | {len(part)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    for label, builder in (
        ("Analyst set (written beside the rules)", build),
        ("Held-out set (labelled first, scored once, not tuned on)", heldout_fixtures.build),
        ("Real public pages (labelled before the first score)", real_fixtures.build),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            rows = score(builder(Path(tmp)))
        print(f"\n{label}\n")
        print(table(rows))
        for r in rows:
            wrong = [f for f in FIELDS if not r.right[f]]
            if wrong:
                print(f"\n{r.doc.name} ({r.doc.path.name}):")
                for f in wrong:
                    print(f"  {f}: got {r.got[f]!r}, expected {getattr(r.doc, f)!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
