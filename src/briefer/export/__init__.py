"""Exporters: turn a ``BriefView`` into DOCX (primary), Markdown or PDF. No Qt here.

One entry point so the GUI and CLI pick a format by name and share error handling.
"""

from __future__ import annotations

from pathlib import Path

from briefer.briefs.model import BriefView
from briefer.errors import ExportError
from briefer.export.docx_writer import write_docx
from briefer.export.formats import SUPPORTED, ExportFormat, export_target, format_of
from briefer.export.markdown_writer import render_markdown, write_markdown
from briefer.export.options import ExportOptions
from briefer.export.pdf_writer import libreoffice_available, write_pdf
from briefer.export.review import ExportRefused, check_exportable, findings

__all__ = [
    "ExportFormat",
    "ExportOptions",
    "ExportRefused",
    "check_exportable",
    "export_brief",
    "export_target",
    "findings",
    "format_of",
    "libreoffice_available",
    "render_markdown",
    "write_docx",
    "write_markdown",
    "write_pdf",
]


def export_brief(
    brief: BriefView,
    target: Path,
    fmt: ExportFormat,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> Path:
    """Write ``brief`` to ``target`` in ``fmt``; returns the path written.

    Refuses (``ExportRefused``, one line listing what needs review) a brief with unreviewed
    drafting or marked lower than a source it quotes, unless ``options.draft``: then every
    such item is marked DRAFT and the header says so."""
    writers = {"docx": write_docx, "md": write_markdown, "pdf": write_pdf}
    writer = writers.get(fmt)
    if writer is None:  # the format first: a wrong one is refused whatever the brief's state
        raise ExportError(f"Cannot export to '{fmt}': choose {SUPPORTED}.")
    check_exportable(brief, draft=options.draft)
    return writer(brief, Path(target), options)
