"""Write a brief as GitHub-flavoured Markdown: for wikis, e-mail and diffing two versions.

Same content and order as the DOCX (opening block, one section per topic with the
industry/official table, lines to take, annex), so the formats never disagree.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from briefer.briefs.model import ASSESSMENT_LABELS, BriefView, QuoteView, SectionView
from briefer.export.atomic import write_atomically
from briefer.export.citation import (
    annex_numbers,
    citation,
    format_date,
    format_long_date,
    kind_label,
    sanitize_xml_text,
)
from briefer.export.docx_writer import (
    INDUSTRY_HEADER,
    NO_INDUSTRY,
    NO_OFFICIAL,
    OFFICIAL_HEADER,
)
from briefer.export.ledger_table import markdown_ledger_table
from briefer.export.options import ExportOptions

# Characters that would start emphasis, code, HTML or break a table when inline. Brackets are
# only escaped where they could close a link ("](", "][", "]:"), so "[2]" citations stay readable
# (no reference definitions are ever emitted, so a bare "[2]" is never a link).
_INLINE_SPECIAL = re.compile(r"([\\`*_<>|#~]|\](?=[(\[:]))")
# Line starts that Markdown would read as a heading, list, quote or rule.
_BLOCK_START = re.compile(r"^(\s*)([-+*>=]|\d+[.)])(?=\s|$)")


def _clean(text: str) -> str:
    return sanitize_xml_text(text).replace("\r\n", "\n").replace("\r", "\n")


def escape_inline(text: str) -> str:
    """Escape Markdown syntax so quoted text renders literally (one line)."""
    text = " ".join(_clean(text).split())
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_cell(text: str) -> str:
    """Table-cell text: pipes escaped, line breaks as <br> (GFM cells are single-line)."""
    lines = [" ".join(line.split()) for line in _clean(text).split("\n")]
    return "<br>".join(_INLINE_SPECIAL.sub(r"\\\1", line) for line in lines if line)


def _escape_block_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1." -> "1\." so it is not read as an ordered list
        return f"{match.group(1)}{marker[:-1]}\\{marker[-1]}"
    return f"{match.group(1)}\\{marker}"


def _block(text: str) -> list[str]:
    """Free text: one paragraph per line; '- ', '* ', '• ' lines become bullets."""
    out: list[str] = []
    for raw in _clean(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line[:2] in ("- ", "* ", "• "):
            out.append(f"- {escape_inline(line[2:])}")
        else:
            escaped = escape_inline(line)
            out.append(_BLOCK_START.sub(_escape_block_start, escaped))
        out.append("")
    return out


def _cell(quotes: tuple[QuoteView, ...], index: int, numbers: dict[int, int], empty: str) -> str:
    if not quotes:
        return f"*{escape_inline(empty)}*" if index == 0 else ""
    if index >= len(quotes):
        return ""
    quote = quotes[index]
    cite = citation(quote, numbers.get(quote.source.id, 0))
    return f"{escape_cell(quote.text.strip())}<br><sub>{escape_cell(cite)}</sub>"


def _section(section: SectionView, numbers: dict[int, int], options: ExportOptions) -> list[str]:
    out = [f"## {escape_inline(section.topic) or 'Untitled topic'}", ""]
    assessment = ASSESSMENT_LABELS.get(section.assessment, section.assessment)
    comment = section.assessment_comment.strip()
    value = f"{assessment} — {comment}" if comment else assessment
    out += [f"**Assessment:** {escape_inline(value)}", ""]
    # --- asks ledger: ask | answer | status rows (export/ledger_table.py) ---
    if section.ledger:
        cite = lambda q: citation(q, numbers.get(q.source.id, 0))  # noqa: E731
        out += markdown_ledger_table(section.ledger, cite=cite, escape=escape_cell)
    else:
        out += [f"| {INDUSTRY_HEADER} | {OFFICIAL_HEADER} |", "| --- | --- |"]
        industry, official = section.industry, section.official
        for i in range(max(len(industry), len(official), 1)):
            left = _cell(industry, i, numbers, NO_INDUSTRY)
            right = _cell(official, i, numbers, NO_OFFICIAL)
            out.append(f"| {left} | {right} |")
    # --- end asks ledger ---
    out.append("")
    if section.lines_to_take:
        out += ["### Lines to take", ""]
        out += [f"{n}. {escape_inline(t)}" for n, t in enumerate(section.lines_to_take, 1)]
        out.append("")
    if section.if_asked:
        out += ["### If asked", ""]
        out += [f"- {escape_inline(t)}" for t in section.if_asked]
        out.append("")
    if section.background.strip():
        out += ["### Background", "", *_block(section.background)]
    if options.include_notes and section.notes.strip():
        out += ["### Notes", "", *_block(section.notes)]
    return out


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lower-case, punctuation dropped, spaces to hyphens."""
    slug = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return slug.replace(" ", "-")


def render_markdown(
    brief: BriefView,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> str:
    """The brief as a Markdown string (what ``write_markdown`` saves)."""
    numbers = annex_numbers(brief)
    marking = escape_inline(brief.marking.strip())
    out: list[str] = []
    if marking:
        out += [f"**{marking}**", ""]
    out += [f"# {escape_inline(brief.title) or 'Meeting brief'}", ""]
    meta: list[tuple[str, str]] = []
    if brief.meeting_date:
        meta.append(("Date", format_long_date(brief.meeting_date)))
    if brief.venue.strip():
        meta.append(("Venue", brief.venue))
    prepared = ", ".join(p for p in (brief.author.strip(), brief.organisation.strip()) if p)
    if prepared:
        meta.append(("Prepared by", prepared))
    issued = format_long_date((brief.updated_at or datetime.now()).date())
    version = ", ".join(p for p in (brief.version_label.strip(), f"issued {issued}") if p)
    meta.append(("Version", version))
    out += [f"**{label}:** {escape_inline(value)}  " for label, value in meta]
    out.append("")
    sources = brief.cited_sources()
    if options.toc:
        out += ["## Contents", ""]
        headings = [
            *(["Objectives"] if brief.objectives.strip() else []),
            *(["Scene setter"] if brief.scene_setter.strip() else []),
            *(s.topic.strip() or "Untitled topic" for s in brief.sections),
            *(["Annex: Sources"] if sources else []),
        ]
        out += [f"- [{escape_inline(h)}](#{_anchor(h)})" for h in headings]
        out.append("")
    if brief.objectives.strip():
        out += ["## Objectives", "", *_block(brief.objectives)]
    if brief.scene_setter.strip():
        out += ["## Scene setter", "", *_block(brief.scene_setter)]
    for section in brief.sections:
        out += _section(section, numbers, options)
    if sources:
        out += ["## Annex: Sources", ""]
        for n, source in enumerate(sources, 1):
            details = [
                ", ".join(o.strip() for o in source.organisations if o.strip()),
                kind_label(source),
                format_date(source.date),
                source.origin.strip(),
            ]
            title = escape_inline(source.title or source.short_title)
            rest = escape_inline(" · ".join(d for d in details if d))
            out += [f"[{n}] **{title}** — {rest}", ""]
    if marking:
        out += ["---", "", f"**{marking}**", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(
    brief: BriefView,
    target: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> Path:
    """Write the Markdown brief (UTF-8, LF) atomically; raises ExportError on failure."""
    text = render_markdown(brief, options)
    data = text.encode("utf-8")
    return write_atomically(Path(target), lambda tmp: tmp.write_bytes(data))
