"""Write a brief as GitHub-flavoured Markdown: for wikis, e-mail and diffing two versions.

Same content and order as the DOCX (opening block, one section per topic with the
industry/official table, lines to take, annex), so the formats never disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.briefs import markings
from briefer.briefs.model import ASSESSMENT_LABELS, BriefView, QuoteView, SectionView
from briefer.export.atomic import write_atomically
from briefer.export.citation import (
    annex_numbers,
    citation,
    cited_address,
    format_date,
    kind_label,
    sanitize_xml_text,
)
from briefer.export.docx_writer import quote_marks, status_text, version_text
from briefer.export.labels import ASSESSMENTS_JA, labels, long_date
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


def _cell(
    quotes: tuple[QuoteView, ...], numbers: dict[int, int], empty: str, lang: str, draft: bool
) -> str:
    """A whole column in one cell: the quotes are independent of the other column."""
    if not quotes:
        return f"*{escape_inline(empty)}*"
    L = labels(lang)
    out = []
    for quote in quotes:
        cite = citation(quote, numbers.get(quote.source.id, 0), lang)
        if quote.trimmed:
            cite += f" ({L['trimmed']})"
        mark = f"**\\[{escape_inline(L['suggested'])}\\]** " if quote.suggested and draft else ""
        text = f"{mark}{escape_cell(quote_marks(quote.text))}<br><sub>{escape_cell(cite)}</sub>"
        if quote.status == "changed":
            text += f"<br>*{escape_cell(L['source_changed'])}*"
        elif quote.status == "moved":
            text += f"<br>*{escape_cell(L['source_moved'])}*"
        out.append(text)
    return "<br><br>".join(out)


def _section(
    number: int,
    section: SectionView,
    numbers: dict[int, int],
    options: ExportOptions,
    lang: str,
) -> list[str]:
    L = labels(lang)
    topic = escape_inline(section.topic) or L["untitled_topic"]
    out = [f"## {number}. {topic}", ""]
    table = ASSESSMENTS_JA if lang == "ja" else ASSESSMENT_LABELS
    assessment = table.get(section.assessment, section.assessment)
    comment = section.assessment_comment.strip()
    value = f"{assessment} — {comment}" if comment else assessment
    line = f"**{L['assessment']}:** {escape_inline(value)}"
    if section.assessment_suggested and options.draft:
        line += f" **\\[{escape_inline(L['proposed_assessment'])}\\]**"
    out += [line, ""]
    if section.ledger:  # the asks ledger: ask | answer | status rows
        cite = lambda q: citation(q, numbers.get(q.source.id, 0), lang)  # noqa: E731
        out += markdown_ledger_table(section.ledger, cite=cite, escape=escape_cell)
        out.append("")
    else:
        out += [f"| {L['industry']} | {L['official']} |", "| --- | --- |"]
        left = _cell(section.industry, numbers, L["no_industry"], lang, options.draft)
        right = _cell(section.official, numbers, L["no_official"], lang, options.draft)
        out += [f"| {left} | {right} |", ""]
    if section.context:  # press and analysis: a column of their own, never an outcome
        out += [f"| {L['context']} |", "| --- |"]
        out += [f"| {_cell(section.context, numbers, '', lang, options.draft)} |", ""]
    for key, points in (("lines_to_take", section.lines_to_take), ("if_asked", section.if_asked)):
        if points:
            out += [f"### {L[key]}", ""]
            out += [f"{n}. {escape_inline(t)}" for n, t in enumerate(points, 1)]
            out.append("")
    if section.background.strip():
        out += [f"### {L['background']}", "", *_block(section.background)]
    if options.include_notes and section.notes.strip():
        out += [f"### {L['notes']}", "", *_block(section.notes)]
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
    lang = "ja" if (brief.language or "").startswith("ja") else "en"
    L = labels(lang)
    options_era = options.japanese_era
    numbers = annex_numbers(brief)
    marking = escape_inline(markings.compose(brief.marking.strip(), brief.marking_caveats))
    out: list[str] = []
    if marking:
        out += [f"**{marking}**", ""]
    if options.draft:
        out += [f"**{escape_inline(L['draft_banner'])}**", ""]
    out += [f"# {escape_inline(brief.title) or L['meeting_brief']}", ""]
    meta: list[tuple[str, str]] = []
    if brief.meeting_date:
        meta.append((L["date"], long_date(brief.meeting_date, lang, era=options_era)))
    if brief.venue.strip():
        meta.append((L["venue"], brief.venue))
    prepared = ", ".join(p for p in (brief.author.strip(), brief.organisation.strip()) if p)
    if prepared:
        meta.append((L["prepared_by"], prepared))
    if brief.reference.strip() or brief.reference_date:
        ref = ", ".join(
            p
            for p in (
                brief.reference.strip(),
                long_date(brief.reference_date, lang, era=options_era),
            )
            if p
        )
        meta.append((L["reference"], ref))
    meta.append((L["version"], version_text(brief, options, lang)))
    meta.append((L["status"], status_text(brief, options, lang)))
    if brief.copy_number.strip():
        meta.append((L["copy"], brief.copy_number.strip()))
    out += [f"**{label}:** {escape_inline(value)}  " for label, value in meta]
    out.append("")
    for key, text in (("purpose", brief.purpose), ("ask", brief.minister_ask)):
        if text.strip():
            out += [f"## {L[key]}", "", *_block(text)]
    if brief.key_messages:
        out += [f"## {L['key_messages']}", ""]
        out += [f"{n}. {escape_inline(t)}" for n, t in enumerate(brief.key_messages, 1)]
        out.append("")
    if brief.attendees:
        out += [f"## {L['attendees']}", ""]
        for a in brief.attendees:
            pen = f" — {escape_inline(a.pen_picture)}" if a.pen_picture.strip() else ""
            out.append(f"- **{escape_inline(a.name)}**{pen}")
        out.append("")
    if brief.agenda:
        out += [f"## {L['agenda']}", ""]
        out += [f"{n}. {escape_inline(t)}" for n, t in enumerate(brief.agenda, 1)]
        out.append("")
    if brief.handling.strip():
        out += [f"## {L['handling']}", "", *_block(brief.handling)]
    contact = brief.contact_officer.strip()
    if brief.contact_phone.strip():
        phone = f"{L['tel']} {brief.contact_phone.strip()}"
        contact = f"{contact}, {phone}" if contact else phone
    tail = []
    if contact:
        tail.append((L["contact"], contact))
    if brief.cleared_by.strip():
        tail.append((L["cleared_by"], brief.cleared_by.strip()))
    if tail:
        out += [f"**{label}:** {escape_inline(value)}  " for label, value in tail]
        out.append("")
    if brief.distribution:
        out += [f"## {L['distribution']}", ""]
        out += [f"- {escape_inline(d)}" for d in brief.distribution]
        out.append("")
    sources = brief.cited_sources()
    if options.toc and brief.sections:
        out += [f"## {L['contents']}", ""]
        for n, s in enumerate(brief.sections, 1):
            heading = f"{n}. {s.topic.strip() or L['untitled_topic']}"
            out.append(f"{n}\\. [{escape_inline(heading[len(str(n)) + 2 :])}](#{_anchor(heading)})")
        out.append("")
    if brief.objectives.strip():
        out += [f"## {L['objectives']}", "", *_block(brief.objectives)]
    if brief.scene_setter.strip():
        out += [f"## {L['scene_setter']}", "", *_block(brief.scene_setter)]
    for number, section in enumerate(brief.sections, 1):
        out += _section(number, section, numbers, options, lang)
    if sources:
        out += [f"## {L['annex']}", ""]
        for n, source in enumerate(sources, 1):
            details = [
                ", ".join(o.strip() for o in source.organisations if o.strip()),
                kind_label(source, lang),
                format_date(source.date, lang),
                source.reference.strip(),
                cited_address(source),
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
