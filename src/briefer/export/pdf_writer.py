"""Write a brief as PDF by converting the DOCX with LibreOffice.

One layout engine (the DOCX template) for both formats keeps the PDF identical to what Word
users see; LibreOffice is optional, so the GUI asks ``libreoffice_available()`` first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefer import pdf_work
from briefer.briefs.model import BriefView
from briefer.errors import ExportError
from briefer.export.atomic import write_atomically
from briefer.export.docx_writer import build_docx
from briefer.export.options import ExportOptions

CONVERT_TIMEOUT_S = 180
#: A tagged PDF (structure for screen readers and reflow); its /Lang is the document's
#: default language, which the DOCX sets from the brief's language.
PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'

_MAC_CANDIDATES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
_WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> Path | None:
    """Path of the LibreOffice binary: PATH first, then the usual macOS/Windows installs."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    candidates: list[str] = []
    if sys.platform == "darwin":
        candidates += _MAC_CANDIDATES
        candidates.append(str(Path.home() / _MAC_CANDIDATES[0].lstrip("/")))
    elif os.name == "nt":
        candidates += _WINDOWS_CANDIDATES
        for var in ("PROGRAMFILES", "PROGRAMFILES(X86)"):
            base = os.environ.get(var)
            if base:
                candidates.append(str(Path(base) / "LibreOffice" / "program" / "soffice.exe"))
    for candidate in candidates:
        if Path(candidate).is_file():
            return Path(candidate)
    return None


def libreoffice_available() -> bool:
    """True when PDF export can work (LibreOffice found)."""
    return find_soffice() is not None


def write_pdf(
    brief: BriefView,
    target: Path,
    options: ExportOptions = ExportOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> Path:
    """Render the DOCX, convert it with LibreOffice headless and move the PDF into place."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(
            "Cannot export PDF: LibreOffice is not installed (install it from libreoffice.org, "
            "or export to Word and save as PDF from there)"
        )
    target = Path(target)
    # Contents outside a TOC field: LibreOffice computes each entry's page while laying out,
    # and keeps the entries as links.
    document = build_docx(brief, options, live_toc=True)
    # Never the shared temp folder: a private folder under the officer's cache (pdf_work).
    pdf_work.clean_stale()
    try:
        tmpdir = pdf_work.make_work_dir()
    except OSError as exc:
        raise ExportError(
            f"Cannot export PDF: no private work folder ({exc.strerror or exc})"
        ) from exc
    try:
        source = tmpdir / "brief.docx"
        document.save(str(source))
        # A throwaway profile: works while the officer has LibreOffice open, and never
        # touches (or is broken by) their own profile.
        profile = (tmpdir / "profile").as_uri()
        command = [
            str(soffice),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(tmpdir),
            str(source),
        ]
        try:
            returncode, detail = pdf_work.run_guarded(command, tmpdir, CONVERT_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(
                f"Cannot export PDF: LibreOffice did not finish within {CONVERT_TIMEOUT_S} s"
            ) from exc
        except OSError as exc:
            raise ExportError(
                f"Cannot export PDF: LibreOffice at {soffice} could not be started "
                f"({exc.strerror or exc})"
            ) from exc
        produced = tmpdir / "brief.pdf"
        if returncode != 0 or not produced.is_file():
            detail = detail or f"exit code {returncode}"
            raise ExportError(f"Cannot export PDF: LibreOffice failed to convert ({detail})")
        return write_atomically(target, lambda dest: shutil.copyfile(produced, dest))
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def layout_pages(brief: BriefView, options: ExportOptions) -> dict[int, int] | None:
    """Topic number -> page, from a LibreOffice layout of the brief; None without LibreOffice
    (or when the layout cannot be read), so the DOCX contents leave page numbers to Word."""
    if find_soffice() is None:
        return None
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # the layout is a full copy of the brief: a private work folder, never the shared temp
    try:
        work = pdf_work.make_work_dir()
    except OSError:
        return None
    try:
        target = work / "layout.pdf"
        write_pdf(brief, target, options)
        reader = PdfReader(str(target))
        outline = _flatten(reader, reader.outline)
    except (ExportError, PyPdfError, OSError, ValueError, KeyError):
        return None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pages: dict[int, int] = {}
    used = 0
    for number, section in enumerate(brief.sections, start=1):
        wanted = _normalise(section.topic)
        for i in range(used, len(outline)):
            title, page = outline[i]
            if title == wanted:
                pages[number] = page
                used = i + 1
                break
    return pages if len(pages) == len(brief.sections) else None


def _normalise(title: str) -> str:
    """A heading as the PDF outline spells it, without its "3." number."""
    text = " ".join(title.split())
    head, _sep, rest = text.partition(" ")
    if head.rstrip(".").isdigit() and head.endswith(".") and rest:
        text = rest
    return text or "Untitled topic"


def _flatten(reader, items) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    out: list[tuple[str, int]] = []
    for item in items:
        if isinstance(item, list):
            out += _flatten(reader, item)
            continue
        page = reader.get_destination_page_number(item)
        out.append((_normalise(str(item.title)), page + 1))
    return out
