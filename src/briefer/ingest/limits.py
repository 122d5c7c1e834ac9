"""Limits on what an import may cost, named so the UI, the CLI and the tests can quote them.

A source is a document an officer reads, not a data dump; and a file from outside must not be
able to exhaust memory or time (zip bombs, PDFs with thousands of pages). Each limit is
checked *before* the expensive step it guards.
"""

from __future__ import annotations

#: Any file larger than this is refused before a byte is read.
MAX_FILE_BYTES = 100 * 1024 * 1024

#: DOCX (a zip): total size of the unpacked members; python-docx loads every part into memory.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024

#: DOCX: largest compression ratio accepted for a member bigger than ``RATIO_CHECK_BYTES``.
#: Word XML compresses about 5-30x; a zip bomb member compresses 1000x or more.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_BYTES = 1024 * 1024

#: DOCX: more members than this is not a Word document someone wrote.
MAX_ZIP_MEMBERS = 10_000

#: PDF: documents with more pages are refused (extraction time grows with pages).
MAX_PDF_PAGES = 2_000

#: Any format: the normalised text of one source, in characters.
MAX_TEXT_CHARS = 20_000_000

#: Any format: passages of one source. A 300-page report has ~15,000; a 20 MB text ~110,000.
#: Checked where a document is made (``ingest.model.Document``), so no reader can pass more.
MAX_PASSAGES = 250_000

#: Any format: characters of one passage. The longest real passage seen (seeds, test
#: documents, a synthetic corpus of 812,000 passages) is 828; a longer block (10 MB on one
#: line, a table cell, a PDF page without line breaks) is split (``ingest.passage_limit``).
MAX_PASSAGE_CHARS = 4_000

#: Any format: characters of a heading label in the heading path of the passages under it
#: (the longest real one seen is 98); a megabyte "heading" is not copied into each of them.
MAX_HEADING_LABEL = 300

#: Plain text and Markdown: lines looked at by the segmenter, checked before it makes an
#: object per line (10 MB of one-letter lines once took 6 GB).
MAX_LINES = 1_000_000

#: E-mail: attachments larger than this are listed but not importable.
MAX_ATTACHMENT_BYTES = MAX_FILE_BYTES


def mb(n: int) -> str:
    """``n`` bytes as whole megabytes for messages."""
    return f"{n / (1024 * 1024):.0f} MB"
