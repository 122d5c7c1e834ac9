"""How well the asks ledger reads a labelled development set, through the real import path.

``python -m benchmarks.fidelity`` imports each case of ``tests/fidelity/asks/cases/`` (its
documents are in ``tests/fidelity/asks/docs/``, or the bundled seeds) into a fresh store with
the default topics, runs the ledger, and compares it with what an analyst recorded:

* ask precision / recall: a found ask counts when its span overlaps a labelled ask;
* not-asks listed: found asks overlapping passages labelled as context, self-description
  or furniture (should be 0);
* answer recall@1 / @3: for labelled asks with an answer, whether one of the first 1 / 3
  responses overlaps a labelled answering span;
* status accuracy, and how often a labelled-unaddressed ask is called ``unaddressed``;
* decoy on top: how often the first response is a passage labelled as a decoy (generic or
  near-miss text that answers nothing).

Figures are printed per split (``dev`` was looked at while tuning, ``heldout`` was not,
``independent`` was written by a second analyst, ``new`` was written before the second
round of changes and never tuned on).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fidelity" / "asks" / "cases"
DOCS = ROOT / "tests" / "fidelity" / "asks" / "docs"


@dataclass
class Tally:
    found: int = 0
    found_true: int = 0
    gold: int = 0
    gold_found: int = 0
    not_asks_listed: int = 0
    answerable: int = 0
    at1: int = 0
    at3: int = 0
    status_right: int = 0
    status_total: int = 0
    unaddressed: int = 0
    unaddressed_right: int = 0
    decoy_top: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "asks_labelled": self.gold,
            "asks_found": self.found,
            "ask_precision": ratio(self.found_true, self.found),
            "ask_recall": ratio(self.gold_found, self.gold),
            "not_asks_listed": self.not_asks_listed,
            "answer_recall_at_1": ratio(self.at1, self.answerable),
            "answer_recall_at_3": ratio(self.at3, self.answerable),
            "status_accuracy": ratio(self.status_right, self.status_total),
            "unaddressed_called_unaddressed": ratio(self.unaddressed_right, self.unaddressed),
            "decoy_on_top_rate": ratio(self.decoy_top, self.status_total),
        }


def _read(file: str) -> bytes:
    if file.startswith("seed:"):
        return (files("briefer.seeds") / file[5:]).read_bytes()
    return (DOCS / file).read_bytes()


def _spans(text: str, snippets: Sequence[str], what: str) -> list[tuple[int, int]]:
    out = []
    for snippet in snippets:
        at = text.find(snippet)
        if at < 0:
            raise SystemExit(f"fidelity: {what} not found verbatim: {snippet[:60]!r}")
        out.append((at, at + len(snippet)))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def run_case(case: dict[str, object], workdir: Path, verbose: bool = False) -> Tally:
    from briefer.ingest.readers import read_text
    from briefer.library import asks as ledger
    from briefer.library.sources import SourceFields, add_document
    from briefer.library.topics import install_default_taxonomy
    from briefer.store import UnitOfWork, open_store

    store = open_store(workdir / "fidelity.sqlite")
    try:
        ids: dict[str, int] = {}
        texts: dict[int, str] = {}
        with UnitOfWork(store) as uow:
            install_default_taxonomy(uow.session)
            for src in case["sources"]:  # type: ignore[attr-defined]
                doc = read_text(_read(src["file"]), origin=src["file"])
                row = add_document(
                    uow.session,
                    doc,
                    SourceFields(
                        kind=src["kind"],
                        title=src["file"],
                        date=date.fromisoformat(src["date"]),
                        language=src["language"],
                    ),
                )
                ids[src["file"]] = row.id
                texts[row.id] = doc.text
            uow.commit()
        found = ledger.list_asks(store)
    finally:
        store.close()
    industry = [ids[s["file"]] for s in case["sources"] if s["kind"] == "industry"]  # type: ignore[attr-defined]
    official = [ids[s["file"]] for s in case["sources"] if s["kind"] != "industry"]  # type: ignore[attr-defined]

    def locate(
        snippets: Sequence[str], among: Sequence[int], what: str
    ) -> list[tuple[int, int, int]]:
        out = []
        for snippet in snippets:
            for sid in among:
                at = texts[sid].find(snippet)
                if at >= 0:
                    out.append((sid, at, at + len(snippet)))
                    break
            else:
                raise SystemExit(f"fidelity: {what} not found verbatim: {snippet[:60]!r}")
        return out

    gold = case["asks"]  # type: ignore[assignment]
    gold_spans = locate([g["text"] for g in gold], industry, "ask")
    not_asks = locate(case.get("not_asks", []), industry, "not-ask")  # type: ignore[attr-defined]
    decoys = locate(case.get("decoys", []), official, "decoy")  # type: ignore[attr-defined]

    def hits(span: tuple[int, int, int], spans: Sequence[tuple[int, int, int]]) -> bool:
        return any(s[0] == span[0] and _overlap(s[1:], span[1:]) > 0 for s in spans)

    t = Tally(found=len(found), gold=len(gold))
    for a in found:
        span = (a.source_id, a.start, a.end)
        if hits(span, gold_spans):
            t.found_true += 1
        elif hits(span, not_asks):
            t.not_asks_listed += 1
            t.misses.append(f"listed a not-ask: {a.text[:70]!r}")
        elif verbose:
            t.misses.append(f"unlabelled ask: {a.text[:70]!r}")
    for g, gspan in zip(gold, gold_spans, strict=True):
        mine = [a for a in found if hits((a.source_id, a.start, a.end), [gspan])]
        if not mine:
            t.misses.append(f"missed ask: {g['text'][:70]!r}")
            continue
        t.gold_found += 1
        a = max(mine, key=lambda a: _overlap((a.start, a.end), gspan[1:]))
        answers = locate(g["answers"], official, "answer")
        responses = [(r.source_id, r.start, r.end) for r in a.responses]
        t.status_total += 1
        if a.status == g["status"]:
            t.status_right += 1
        else:
            top = a.responses[0].text[:50] if a.responses else "-"
            t.misses.append(
                f"status {a.status} for {g['status']}: {g['text'][:50]!r} (top: {top!r})"
            )
        if g["status"] == "unaddressed":
            t.unaddressed += 1
            t.unaddressed_right += a.status == "unaddressed"
        if answers:
            t.answerable += 1
            t.at1 += bool(responses) and hits(responses[0], answers)
            t.at3 += any(hits(r, answers) for r in responses[:3])
            if not any(hits(r, answers) for r in responses[:3]):
                t.misses.append(f"answer not in top 3: {g['text'][:60]!r}")
        if responses and hits(responses[0], decoys):
            t.decoy_top += 1
            t.misses.append(f"decoy on top for {g['text'][:50]!r}: {a.responses[0].text[:50]!r}")
    return t


def evaluate(
    cases_dir: Path = CASES, *, only: Sequence[str] = (), verbose: bool = False
) -> dict[str, dict[str, object]]:
    """Figures per split (and per case), as printed by ``main``."""
    totals: dict[str, Tally] = {}
    per_case: dict[str, dict[str, object]] = {}
    for path in sorted(cases_dir.glob("*.json")):
        if only and path.stem not in only:
            continue
        case = json.loads(path.read_text("utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            tally = run_case(case, Path(tmp), verbose)
        split = str(case.get("split", "dev"))
        totals.setdefault(split, Tally()).add(tally)
        per_case[path.stem] = {"split": split, **tally.figures(), "notes": tally.misses}
    out: dict[str, dict[str, object]] = {k: dict(v.figures()) for k, v in sorted(totals.items())}
    out["cases"] = per_case
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.fidelity", description=__doc__)
    p.add_argument("--case", action="append", default=[], help="only this case (repeatable)")
    p.add_argument("--json", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ns = p.parse_args(argv)
    result = evaluate(only=ns.case, verbose=ns.verbose)
    if ns.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print("Asks ledger fidelity")
    for split, figures in result.items():
        if split == "cases":
            continue
        print(f"\n[{split}]")
        for k, v in figures.items():
            print(f"  {k:32} {v}")
    if ns.verbose:
        for name, figures in result["cases"].items():
            print(f"\n{name} ({figures['split']})")
            for note in figures["notes"]:  # type: ignore[union-attr]
                print(f"  - {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
