"""What the officer can choose when exporting a brief.

Frozen so one value can be shared by the dialog, the worker thread and the writers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Paper = Literal["a4", "letter"]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Layout and content switches shared by every writer (DOCX, Markdown, PDF)."""

    paper: Paper = "a4"
    landscape: bool = False
    toc: bool = False
    include_notes: bool = False
    template: Path | None = None  # a user's .docx/.dotx; None means Briefer's own template
    #: Export unreviewed drafting (and an under-marked brief) marked DRAFT instead of
    #: refusing: every such item is marked and the header says so.
    draft: bool = False
    #: Number the paragraphs inside each topic ("3.2"), as briefs cite them.
    paragraph_numbers: bool = False
    #: With a contents page: run a LibreOffice layout pass (when installed) so the DOCX
    #: contents carry page numbers; without it Word fills them on "Update field".
    toc_page_numbers: bool = True
    #: Japanese briefs: dates in the era form (令和7年5月12日) instead of 2025年5月12日.
    japanese_era: bool = False
