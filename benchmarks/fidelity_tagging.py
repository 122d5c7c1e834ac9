"""Primary-tag precision and recall on the hand-labelled tagging set.

    python -m benchmarks.fidelity_tagging                  # every split, per language
    python -m benchmarks.fidelity_tagging --split dev -v   # the passages that disagree

The documents (``tests/fidelity/tagging/docs``) are imported into a new temporary store
exactly as the officer imports a file, with the default taxonomy, so the figures measure the
whole path: reader, segmenter, tagger. ``labels.json`` gives every content paragraph and
bullet its primary topics (labelled before the tagger was tuned); headings and page
furniture are not scored. A passage is matched to its label by the label's opening words.
Counts are micro-averaged over (passage, topic) pairs. See docs/FIDELITY.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SET = Path(__file__).resolve().parents[1] / "tests" / "fidelity" / "tagging"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.passages += other.passages
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "passages": self.passages,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
        }


def load_labels(root: Path = SET) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "labels.json").read_text("utf-8"))
    return data


SPLITS = ("dev", "dev2", "heldout", "independent", "fresh", "unseen")


def evaluate(root: Path = SET, splits: Sequence[str] = SPLITS) -> dict[str, Any]:
    """Import every document of ``splits`` into a fresh store and score its primary tags."""
    from briefer.bootstrap import open_for_use
    from briefer.library import sources

    labels = load_labels(root)
    codes: dict[str, str] = labels["topics"]
    results: dict[str, dict[str, Counts]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_for_use(Path(tmp) / "fidelity.sqlite")
        try:
            for doc in labels["documents"]:
                if doc["split"] not in splits:
                    continue
                info = sources.import_file(
                    store, root / "docs" / doc["file"], sources.SourceFields(kind="other")
                )
                detail = sources.get_source(store, info.id)
                counts = _score_document(doc, detail, codes)
                per = results.setdefault(doc["split"], {})
                per.setdefault(doc["lang"], Counts()).add(counts)
        finally:
            store.close()
    out: dict[str, Any] = {}
    for split, per_lang in results.items():
        total = Counts()
        for c in per_lang.values():
            total.add(c)
        out[split] = {
            "all": total.as_dict(),
            **{lang: c.as_dict() for lang, c in sorted(per_lang.items())},
            "errors": total.errors,
        }
    return out


def _score_document(doc: dict[str, Any], detail: Any, codes: dict[str, str]) -> Counts:
    counts = Counts()
    labelled = [(prefix, {codes[c] for c in topics}) for prefix, topics in doc["passages"]]
    used: set[str] = set()
    for p in detail.passages:
        if not p.content or p.kind == "heading":
            continue
        text = p.text.strip()
        matching = [(prefix, want) for prefix, want in labelled if text.startswith(prefix)]
        if not matching:
            counts.errors.append(f"{doc['file']}: no label for passage {text[:60]!r}")
            continue
        prefix, want = max(matching, key=lambda pw: len(pw[0]))
        used.add(prefix)
        got = {t.topic for t in p.tags if t.primary}
        counts.passages += 1
        counts.tp += len(got & want)
        counts.fp += len(got - want)
        counts.fn += len(want - got)
        if got != want:
            extra = ", ".join(sorted(got - want)) or "-"
            missed = ", ".join(sorted(want - got)) or "-"
            evidence = "; ".join(f"{t.topic}: {'/'.join(t.evidence)}" for t in p.tags)
            counts.errors.append(
                f"{doc['file']}: {text[:70]!r}\n    false: {extra}   missed: {missed}"
                f"   tags: {evidence or '-'}"
            )
    for prefix, _want in labelled:
        if prefix not in used:
            counts.errors.append(f"{doc['file']}: label {prefix!r} matched no passage")
    return counts


def format_report(results: dict[str, Any], verbose: bool = False) -> str:
    lines = ["split    lang  passages  precision  recall   (tp/fp/fn)"]
    for split in SPLITS:
        if split not in results:
            continue
        for key in ("all", "en", "ja"):
            r = results[split].get(key)
            if r is None:
                continue
            lines.append(
                f"{split:<8} {key:<5} {r['passages']:>8}  {r['precision']:>9.3f}  "
                f"{r['recall']:>6.3f}   ({r['tp']}/{r['fp']}/{r['fn']})"
            )
    if verbose:
        for split in SPLITS:
            errors = results.get(split, {}).get("errors", [])
            if errors:
                lines += ["", f"{split}: passages that disagree with their label", *errors]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="list disagreements")
    parser.add_argument("--json", action="store_true")
    ns = parser.parse_args(argv)
    splits = SPLITS if ns.split == "all" else (ns.split,)
    results = evaluate(SET, splits)
    if ns.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(format_report(results, ns.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
