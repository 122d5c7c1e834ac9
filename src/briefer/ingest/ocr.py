"""OCR for scanned PDFs: Tesseract (Apache-2.0), when installed, an optional extra.

Nothing is required: without Tesseract a scan is refused with what to install. With it,
each page is rendered by PDFium in grey at 300 dpi, written as a PGM file (no imaging
library needed) and read by the ``tesseract`` program, English and Japanese where their
language data is installed. Page numbers are kept; the text is marked as OCR'd both in the
source's properties (``extra["text_layer"]``) and by a furniture line at its top, so a quote
taken from it can be checked against the original.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefer.errors import IngestError
from briefer.ingest.model import Document
from briefer.ingest.structure import Block, Hints, build_document

#: Rendering resolution for OCR: Tesseract reads 300 dpi best.
DPI = 300
#: One page is given this long before OCR is abandoned.
PAGE_TIMEOUT_S = 120
OCR_NOTE = (
    "Text recognised by OCR (Tesseract) from a scanned PDF: check quotes against the original."
)

INSTALL_HINT = (
    "install Tesseract OCR with its Japanese data (Debian/Ubuntu: "
    "sudo apt install tesseract-ocr tesseract-ocr-jpn; macOS: brew install tesseract "
    "tesseract-lang; Windows: the Tesseract installer from UB Mannheim, with Japanese "
    "ticked) and import the file again with --ocr"
)


def tesseract() -> str | None:
    """The ``tesseract`` program, from BRIEFER_TESSERACT or the PATH."""
    return os.environ.get("BRIEFER_TESSERACT") or shutil.which("tesseract")


def scan_message(name: str) -> str:
    """What the officer reads when a PDF has no text layer."""
    if tesseract() is None:
        return f"{name} has no text layer (it is probably a scan). To read it, {INSTALL_HINT}."
    return (
        f"{name} has no text layer (it is probably a scan). Import it with --ocr to read it "
        "with Tesseract."
    )


def _languages(program: str) -> str:
    try:
        out = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "eng"
    have = {line.strip() for line in out.splitlines()[1:]}
    langs = [lang for lang in ("eng", "jpn") if lang in have]
    return "+".join(langs) or "eng"


def _pgm(page: object, target: Path) -> None:
    bitmap = page.render(scale=DPI / 72, grayscale=True)  # type: ignore[attr-defined]
    try:
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        data = bytes(bitmap.buffer)
    finally:
        bitmap.close()
    rows = b"".join(data[y * stride : y * stride + width] for y in range(height))
    target.write_bytes(f"P5 {width} {height} 255\n".encode("ascii") + rows)


def ocr_pdf(path: Path, count: int, *, hints: Hints | None = None) -> Document:
    """The scanned PDF at ``path`` read by Tesseract, page by page."""
    from briefer.ingest.pdf_layout import open_pdf, repair_cjk_spacing

    program = tesseract()
    if program is None:
        raise IngestError(scan_message(path.name))
    langs = _languages(program)
    blocks: list[Block] = [Block(OCR_NOTE, "paragraph", furniture=True)]
    with tempfile.TemporaryDirectory(prefix="briefer-ocr-") as tmp, open_pdf(path) as pdf:
        for number in range(count):
            image = Path(tmp) / f"page{number + 1}.pgm"
            page = pdf[number]  # type: ignore[index]
            try:
                _pgm(page, image)
            finally:
                page.close()
            try:
                done = subprocess.run(
                    [program, str(image), "stdout", "-l", langs],
                    capture_output=True,
                    timeout=PAGE_TIMEOUT_S,
                    check=False,
                )
            except subprocess.TimeoutExpired as exc:
                raise IngestError(f"{path.name}: OCR of page {number + 1} took too long.") from exc
            if done.returncode != 0:
                reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
                raise IngestError(
                    f"{path.name}: Tesseract failed on page {number + 1} ({' '.join(reason)})."
                )
            text = repair_cjk_spacing(done.stdout.decode("utf-8", "replace"))
            blocks.append(Block(text, "text", page=number + 1))
            image.unlink()
    base = hints or Hints()
    extra = {**base.extra, "text_layer": f"ocr (tesseract, {langs})"}
    try:
        return build_document(
            blocks, origin=path.name, fmt="pdf", hints=Hints(base.title, base.date, extra=extra)
        )
    except IngestError as exc:
        raise IngestError(f"{path.name}: OCR found no readable text in the scan.") from exc
