"""README's limits table lists every limit the code enforces, with the value the code uses.

Each limit constant is formatted as README writes it and looked up in the table's row for
it; changing a limit without the table (or adding one to ``ingest/limits.py`` without a
row) fails here.
"""

from __future__ import annotations

from pathlib import Path

from briefer import pdf_work
from briefer.briefs import pack, pack_schema
from briefer.cli import args
from briefer.cli import library as cli_library
from briefer.export import atomic, pdf_writer
from briefer.ingest import decode, html_reader, limits, plausible
from briefer.store import pending, search

README = Path(__file__).resolve().parents[2] / "README.md"


def _rows() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| limit | value |") :].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows[cells[0]] = cells[1]
    return rows


def _mb(n: int) -> str:
    return limits.mb(n)


def _n(n: int) -> str:
    return f"{n:,}"


def _million(n: int) -> str:
    return f"{n // 1_000_000} million"


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


#: (row label as README has it, the value as README writes it, the constant's name)
EXPECTED = [
    ("file size (imports, export templates)", _mb(limits.MAX_FILE_BYTES), "MAX_FILE_BYTES"),
    (
        "DOCX unpacked size / compression ratio / members (imports and export templates)",
        f"{_mb(limits.MAX_UNPACKED_BYTES)} / {limits.MAX_COMPRESSION_RATIO}:1 / "
        f"{_n(limits.MAX_ZIP_MEMBERS)}",
        "MAX_UNPACKED_BYTES, MAX_COMPRESSION_RATIO, MAX_ZIP_MEMBERS",
    ),
    ("PDF pages", _n(limits.MAX_PDF_PAGES), "MAX_PDF_PAGES"),
    ("text of one document", f"{_million(limits.MAX_TEXT_CHARS)} characters", "MAX_TEXT_CHARS"),
    ("text of one document", f"plain-text files: {_mb(decode.MAX_TEXT_BYTES)}", "MAX_TEXT_BYTES"),
    ("passages of one document", _n(limits.MAX_PASSAGES), "MAX_PASSAGES"),
    (
        "passages written per transaction of a very large document",
        _n(pending.BATCH_PASSAGES),
        "BATCH_PASSAGES",
    ),
    (
        "one passage / a heading in the heading path of the passages under it",
        f"{_n(limits.MAX_PASSAGE_CHARS)} characters",
        "MAX_PASSAGE_CHARS",
    ),
    (
        "one passage / a heading in the heading path of the passages under it",
        f"/ {_n(limits.MAX_HEADING_LABEL)} characters",
        "MAX_HEADING_LABEL",
    ),
    ("lines of a plain-text or Markdown file", _n(limits.MAX_LINES), "MAX_LINES"),
    ("e-mail attachment", _mb(limits.MAX_ATTACHMENT_BYTES), "MAX_ATTACHMENT_BYTES"),
    (
        "HTML nesting / one run of text without markup",
        f"{html_reader.MAX_HTML_DEPTH} levels / "
        f"{_million(html_reader.MAX_HTML_TEXT_RUN)} characters",
        "MAX_HTML_DEPTH, MAX_HTML_TEXT_RUN",
    ),
    (
        "implausible text (refused, saying which)",
        f"over {_pct(plausible.MAX_REPLACEMENT_SHARE)} replacement marks",
        "MAX_REPLACEMENT_SHARE",
    ),
    (
        "implausible text (refused, saying which)",
        f"over {_pct(plausible.MAX_UNUSED_SHARE)} unassigned",
        "MAX_UNUSED_SHARE",
    ),
    (
        "implausible text (refused, saying which)",
        f"over {_pct(plausible.MAX_GLYPH_NAME_SHARE)} PDF glyph names",
        "MAX_GLYPH_NAME_SHARE",
    ),
    ("brief pack (`brief.json`)", f"{_mb(pack.MAX_UNPACKED)} unpacked", "MAX_UNPACKED"),
    ("brief pack (`brief.json`)", f"{pack_schema.MAX_DEPTH} levels of nesting", "MAX_DEPTH"),
    ("brief pack (`brief.json`)", f"{_n(pack_schema.MAX_ITEMS)} entries per list", "MAX_ITEMS"),
    ("brief pack (`brief.json`)", f"up to {_n(pack_schema._MAX_SMALL)}", "_MAX_SMALL"),
    (
        "ids / counts on the command line",
        f"1 to {_n(args.MAX_ID)} / 1 to {_n(args.MAX_COUNT)}",
        "MAX_ID, MAX_COUNT",
    ),
    ("search", f"the {_n(search.RANK_CANDIDATES)} newest matches", "RANK_CANDIDATES"),
    (
        "search",
        f"up to {_n(cli_library.CLI_INDEX_BUDGET)} passages on the spot",
        "CLI_INDEX_BUDGET",
    ),
    ("PDF conversion (LibreOffice)", f"{pdf_writer.CONVERT_TIMEOUT_S} s", "CONVERT_TIMEOUT_S"),
    ("leftovers cleaned", f"after {atomic.STALE_AFTER_S // 60} min", "atomic.STALE_AFTER_S"),
    ("leftovers cleaned", f"after {pdf_work.STALE_AFTER_S // 3600} h", "pdf_work.STALE_AFTER_S"),
    (
        "leftovers cleaned",
        f"after {pending.STALE_SECONDS // 60} min without a batch",
        "pending.STALE_SECONDS",
    ),
]


def test_every_limit_is_in_the_readme_table_with_its_value() -> None:
    rows = _rows()
    for label, value, name in EXPECTED:
        assert label in rows, f"README's limits table has no row {label!r} ({name})"
        assert value in rows[label], f"{name}: README says {rows[label]!r}, the code {value!r}"


def test_every_constant_of_the_import_limits_is_checked_here() -> None:
    named = {n for _, _, names in EXPECTED for n in names.replace(" ", "").split(",")}
    # RATIO_CHECK_BYTES is where the ratio limit starts applying (members over 1 MB), not a
    # limit of its own.
    constants = {n for n in vars(limits) if n.isupper() and n != "RATIO_CHECK_BYTES"}
    assert constants <= named, constants - named
