"""Which format an export target asks for: one rule for the command line and the window.

A file name ending in .docx, .md (.markdown) or .pdf names its format; a name without an
ending gets the chosen format's (Word unless one is chosen); any other ending is not an
export format. ``export_target`` applies the rule before anything is read or checked, so a
wrong name is refused first, whatever state the brief is in.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from briefer.errors import ExportError

ExportFormat = Literal["docx", "md", "pdf"]

FORMATS: tuple[ExportFormat, ...] = ("docx", "md", "pdf")
#: file-name endings that name a format (lower case)
SUFFIX_FORMATS: dict[str, ExportFormat] = {
    ".docx": "docx",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
}
SUPPORTED = ".docx (Word), .md (Markdown) or .pdf"


def format_of(path: Path) -> ExportFormat | None:
    """The format ``path``'s ending names, or None (no ending, or one that is not ours)."""
    return SUFFIX_FORMATS.get(path.suffix.lower())


def export_target(path: Path, fmt: str | None = None) -> tuple[Path, ExportFormat, bool]:
    """(target, format, suffix_added) for an export to ``path``, ``fmt`` chosen or None.

    The ending decides the format; ``fmt``, when given, must agree with it. A name without
    an ending gets ``.docx`` (or ``fmt``'s ending) and ``suffix_added`` is True. Raises
    ``ExportError`` (one line naming the supported endings) for any other ending."""
    if fmt is not None and fmt not in FORMATS:
        raise ExportError(f"Cannot export to '{fmt}': choose {SUPPORTED}.")
    chosen: ExportFormat | None = fmt  # type: ignore[assignment]
    named = format_of(path)
    if named is not None:
        if chosen is not None and chosen != named:
            raise ExportError(
                f"{path.name} ends in {path.suffix} but the format chosen is {chosen}: "
                f"name the file .{chosen}, or leave the format out."
            )
        return path, named, False
    if path.suffix:
        raise ExportError(f"{path.name}: {path.suffix} is not an export format; use {SUPPORTED}.")
    chosen = chosen or "docx"
    if os.path.lexists(path) and not path.is_file():
        # a folder, device, pipe or link loop named as it is: the writer refuses it by name
        # (a suffix added here would write beside it instead, /dev/full.docx)
        return path, chosen, False
    return path.with_name(f"{path.name}.{chosen}"), chosen, True
