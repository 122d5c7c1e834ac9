"""``export BRIEF_ID --format docx|md|pdf -o PATH`` through the same exporters as the GUI."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.cli.args import Commands, Handlers, parse_id
from briefer.cli.output import emit
from briefer.errors import BrieferError

if TYPE_CHECKING:
    from briefer.store import Store

FORMATS = ("docx", "md", "pdf")  # as briefer.export.formats.FORMATS, without importing it


def register(commands: Commands) -> Handlers:
    p = commands.add("export", help="export a brief to DOCX, Markdown or PDF")
    p.add_argument("brief_id", type=parse_id, metavar="BRIEF_ID")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from the file's ending (.docx, .md, .pdf); a name without one gets .docx",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    p.add_argument("--template", type=Path, help="your organisation's .docx/.dotx template")
    p.add_argument("--toc", action="store_true", help="add a table of contents")
    p.add_argument("--notes", action="store_true", help="include the private notes")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--landscape", action="store_true")
    p.add_argument(
        "--suggestions", action="store_true", help="include drafting suggestions not yet accepted"
    )
    p.add_argument(
        "--draft",
        action="store_true",
        help="export unreviewed drafting (or an under-marked brief) marked DRAFT instead of "
        "refusing",
    )
    p.add_argument(
        "--paragraph-numbers", action="store_true", help="number paragraphs by topic: 3.1, 3.2"
    )
    p.add_argument("--era", action="store_true", help="Japanese briefs: dates as 令和7年5月12日")
    p.add_argument(
        "--no-toc-pages",
        action="store_true",
        help="skip the LibreOffice layout pass that puts page numbers in the contents",
    )
    return {"export": _export}


def _export(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs.service import get_brief
    from briefer.export import ExportOptions, ExportRefused, export_brief, export_target

    target, fmt, added = export_target(ns.output, ns.format)  # before the brief is read
    if ns.template is not None and not ns.template.is_file():
        raise BrieferError(f"Template {ns.template} does not exist.")
    brief = get_brief(store, ns.brief_id, include_suggested=ns.suggestions)
    options = ExportOptions(
        paper=ns.paper,
        landscape=ns.landscape,
        toc=ns.toc,
        include_notes=ns.notes,
        template=ns.template,
        draft=ns.draft,
        paragraph_numbers=ns.paragraph_numbers,
        toc_page_numbers=not ns.no_toc_pages,
        japanese_era=ns.era,
    )
    try:
        path = export_brief(brief, target, fmt, options)
    except ExportRefused as exc:
        raise BrieferError(exc.advice("export with --draft")) from exc
    quotes = sum(len(s.quotes) for s in brief.sections)
    emit(
        ns,
        {"path": str(path), "format": fmt, "sections": len(brief.sections), "quotes": quotes},
        lambda: (
            f"Exported “{brief.title}” ({len(brief.sections)} sections, {quotes} quotes) to {path}"
            + (f" (.{fmt} added: the name had no ending)" if added else "")
        ),
    )
