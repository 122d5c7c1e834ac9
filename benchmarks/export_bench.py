"""How long a big brief takes to export to Word, measured against pandoc on the same content.

Run: ``python benchmarks/export_bench.py [--keep DIR]``. Targets for a 100-section /
1,000-quote brief: at most 0.3 s in process (median of warm runs; the first, cold run is
printed too) and under 0.15 x ``pandoc brief.md -o brief.docx`` on the same brief.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from briefer.briefs.model import BriefView, QuoteView, SectionView, SourceRef
from briefer.export.docx_writer import write_docx
from briefer.export.markdown_writer import write_markdown
from briefer.export.options import ExportOptions

RUNS = 7
TARGET_S = 0.3
TARGET_RATIO = 0.15

_EN = (
    "Signatories consider that obligations should follow the level of risk and avoid "
    "duplicating existing sectoral legislation, in particular for {topic}; any new requirement "
    "should be proportionate, technology-neutral and aligned with international standards."
)
_OFF = (
    "The Parties shall cooperate on {topic}, exchange information on regulatory approaches and "
    "promote interoperable frameworks, taking into account the work of the OECD and the G7."
)
_JA = "{topic}に関して、両者は国際標準との整合性を確保しつつ、「半導体」供給網の強靭化に協力する。"

_TOPICS = (
    "Artificial intelligence", "Semiconductors", "Data flows", "Cybersecurity", "Platforms",
    "Digital identity", "Quantum", "5G and 6G", "Online safety", "Standards",
)


def big_brief(sections: int = 100, quotes_per_side: int = 5) -> BriefView:
    """A realistic large brief: 100 topics, 10 quotes each, English and Japanese sources."""
    sources = [
        SourceRef(
            id=i,
            title=f"Position paper {i} on the digital partnership",
            short_title=f"Position paper {i}",
            kind="industry" if i % 2 else "official",
            organisations=("DIGITALEUROPE", "JEITA") if i % 2 else ("European Commission",),
            date=date(2023, 1, 1) + timedelta(days=7 * i),
            origin=f"https://example.org/papers/{i}.pdf",
            language="ja" if i % 5 == 0 else "en",
        )
        for i in range(1, 41)
    ]
    qid = 0
    out = []
    for s in range(sections):
        topic = f"{_TOPICS[s % len(_TOPICS)]} ({s + 1})"
        sides: dict[str, list[QuoteView]] = {"industry": [], "official": []}
        for side, template in (("industry", _EN), ("official", _OFF)):
            for k in range(quotes_per_side):
                qid += 1
                source = sources[(s * 3 + k * 2 + (side == "official")) % len(sources)]
                text = (_JA if source.language == "ja" else template).format(topic=topic)
                sides[side].append(
                    QuoteView(
                        id=qid, side=side, source=source, start=0, end=len(text), text=text,
                        page=(k + 2) if k % 2 == 0 else None,
                        heading_path=("3. Priorities", f"3.{k + 1} {topic}"),
                    )
                )
        out.append(
            SectionView(
                id=s, topic=topic, assessment="partly",
                assessment_comment="Broadly aligned; timing differs",
                industry=tuple(sides["industry"]), official=tuple(sides["official"]),
                lines_to_take=(
                    f"We welcome continued cooperation on {topic}.",
                    "We will consult stakeholders before any proposal.",
                ),
                if_asked=("On timing: we expect a proposal next year.",),
                background=f"{topic} has been discussed at three previous meetings.",
                notes="Check figures with the unit before the meeting.",
            )
        )
    return BriefView(
        id=1, title="EU–Japan Digital Partnership Council: ministerial meeting",
        meeting_date=date(2024, 4, 30), venue="Tokyo, Ministry of Internal Affairs",
        organisation="Digital Policy Unit", author="A. Officer", marking="OFFICIAL-SENSITIVE",
        objectives="Agree the work programme.\n- Confirm the semiconductor dialogue",
        scene_setter="Second ministerial meeting under the Digital Partnership.",
        sections=tuple(out), version_label="Final", updated_at=datetime(2024, 4, 20, 9, 0),
    )


def _median_time(fn, runs: int = RUNS, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="folder to keep brief.docx/brief.md in")
    args = parser.parse_args()
    brief = big_brief()
    n_quotes = sum(len(s.industry) + len(s.official) for s in brief.sections)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        docx_path, md_path = folder / "brief.docx", folder / "brief.md"
        start = time.perf_counter()
        write_docx(brief, docx_path, ExportOptions())
        cold = time.perf_counter() - start
        ours = _median_time(lambda: write_docx(brief, docx_path, ExportOptions()))
        cpu = _median_time(
            lambda: write_docx(brief, docx_path, ExportOptions()), clock=time.process_time
        )
        write_markdown(brief, md_path)
        print(f"brief: {len(brief.sections)} sections, {n_quotes} quotes")
        print(f"briefer write_docx: {ours:.3f} s (median of {RUNS} warm runs; cold first run "
              f"{cold:.3f} s; CPU time {cpu:.3f} s), {docx_path.stat().st_size / 1024:.0f} KiB")
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print("pandoc not installed: no comparison")
            return 0 if ours <= TARGET_S else 1
        out = folder / "brief-pandoc.docx"
        theirs = _median_time(
            lambda: subprocess.run(
                [pandoc, str(md_path), "-o", str(out)], check=True, capture_output=True
            ),
            runs=3,
        )
        ratio = ours / theirs
        print(f"pandoc brief.md -o brief.docx: {theirs:.3f} s (median of 3)")
        print(f"ratio briefer/pandoc: {ratio:.3f} (target < {TARGET_RATIO}: "
              f"{'met' if ratio < TARGET_RATIO else 'MISSED'}); target <= {TARGET_S} s: "
              f"{'met' if ours <= TARGET_S else 'MISSED'}")
        return 0 if ours <= TARGET_S and ratio < TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
