"""What the readers make of the seeds and the test documents: passages, headings, tags, asks.

Prints one line per document (passages, longest passage, a digest of every passage's offsets,
kind, level, heading path, content flag and page, of its automatic tags under the default
taxonomy, and of the asks found in it) and, with ``--json FILE``, writes the whole of it.
Run it on two checkouts to show a change to segmentation leaves normal documents alone::

    PYTHONPATH=/tmp/old/src python tools/passage_digest.py --json old.json
    python tools/passage_digest.py --json new.json && cmp old.json new.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from briefer.errors import IngestError
from briefer.ingest.asks_detect import PassageSpan, detect_asks
from briefer.ingest.readers import SUFFIXES, read_path
from briefer.ingest.tagger import TopicTerms
from briefer.library.tagging import prepare_tags_with
from briefer.library.topics import default_taxonomy

ROOT = Path(__file__).resolve().parents[1]


def documents() -> list[Path]:
    """The seeds and every readable document file under tests/."""
    found = sorted((ROOT / "seeds").glob("*.txt"))
    found += sorted(
        p
        for p in (ROOT / "tests").rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and p.suffix.lower() != ".json"
    )
    return found


def describe(path: Path, key: tuple[TopicTerms, ...]) -> dict[str, object]:
    doc = read_path(path)
    segs = doc.segments
    tags = prepare_tags_with(key, doc.text, doc.proposed.title, segs).by_ordinal
    spans = [PassageSpan(i, s.kind, s.level, s.start, s.end, s.content) for i, s in enumerate(segs)]
    asks = detect_asks(doc.text, spans)
    return {
        "passages": [
            [s.start, s.end, s.kind, s.level, list(s.heading_path), s.content, s.page] for s in segs
        ],
        "tags": {  # every content passage, tagged or not (as before tags were rows)
            str(i): [[t.topic_id, round(t.score, 6), t.primary] for t in tags.get(i, [])]
            for i, s in enumerate(segs)
            if s.content
        },
        "asks": [[a.passage_id, a.start, a.end, a.cue] for a in asks],
        "text_sha": hashlib.sha256(doc.text.encode()).hexdigest(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write everything found to this file")
    args = parser.parse_args(argv)
    tax = default_taxonomy()
    key = tuple(
        TopicTerms(i, (str(e["name"]), *map(str, e["aliases"])))  # type: ignore[call-overload]
        for i, e in enumerate(tax)
    )
    out: dict[str, object] = {}
    longest: tuple[int, str] = (0, "")
    for path in documents():
        name = str(path.relative_to(ROOT))
        try:
            d = describe(path, key)
        except IngestError as e:
            out[name] = {"refused": str(e)}
            print(f"{name}: refused: {e}")
            continue
        out[name] = d
        passages = d["passages"]
        assert isinstance(passages, list)
        most = max((p[1] - p[0] for p in passages), default=0)
        longest = max(longest, (most, name))
        digest = hashlib.sha256(json.dumps(d, ensure_ascii=False).encode()).hexdigest()[:16]
        print(f"{name}: {len(passages)} passages, longest {most}, digest {digest}")
    print(f"longest passage: {longest[0]} characters ({longest[1]})")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=0), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
