"""A section's ledger rows as a table: *Industry ask | Official answer | Status*.

Shared by the DOCX and Markdown writers (each calls it from one delimited place). An ask
with no answer in the brief says "No official text found" in its answer cell; an official
quote that answers none of the section's asks gets a row of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Emu

from briefer.briefs.model import LedgerRow, QuoteView

ASK_HEADER = "Industry ask"
ANSWER_HEADER = "Official answer"
STATUS_HEADER = "Status"
NO_ANSWER = "No official text found"
ANSWERED_ABOVE = "The official text in the row above answers this ask too."
NO_ASK = "—"
STATUS_LABELS = {"addressed": "Addressed", "partly": "Partly", "unaddressed": "Unaddressed"}
#: Share of the text width each column gets.
WIDTHS = (0.44, 0.42, 0.14)

Cite = Callable[[QuoteView], str]
Paragraphs = list[tuple[str, str]]


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", "—")


def _no_answer(row: LedgerRow) -> str:
    return ANSWERED_ABOVE if row.answered_above else NO_ANSWER


def _quote(q: QuoteView, cite: Cite) -> Paragraphs:
    return [(q.text.strip(), "Brief Quote"), (cite(q), "Brief Citation")]


def docx_ledger_table(
    document: Any,
    rows: Sequence[LedgerRow],
    text_width: int,
    *,
    cite: Cite,
    fill: Callable[[Any, Paragraphs], None],
    row_flags: Callable[..., None],
    table_style: str | None = None,
) -> Any:
    """Add the ledger table to a python-docx document; the writer lends its own cell filling
    and row flags so the table looks like the rest of the brief."""
    table = document.add_table(rows=1, cols=3)
    tbl = table._tbl
    if table_style:
        tbl.tblPr.style = table_style
    table.autofit = False
    widths = [Emu(int(text_width * share)) for share in WIDTHS]
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width
    tbl_w = tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(int(sum(widths) / 635)))
    header = table.rows[0]
    row_flags(header._tr, header_row=True)
    for cell, label, width in zip(
        header.cells, (ASK_HEADER, ANSWER_HEADER, STATUS_HEADER), widths, strict=True
    ):
        cell.width = width
        fill(cell, [(label, "Brief Table Heading")])
    for r in rows:
        row = table.add_row()
        row_flags(row._tr, header_row=False)
        ask, answer, status = row.cells
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        fill(ask, _quote(r.industry, cite) if r.industry else [(NO_ASK, "Brief Placeholder")])
        answers = [p for q in r.official for p in _quote(q, cite)]
        fill(answer, answers or [(_no_answer(r), "Brief Placeholder")])
        fill(
            status,
            [(status_label(r.status), "Brief Citation" if r.status is None else "Brief Quote")],
        )
    return table


def markdown_ledger_table(
    rows: Sequence[LedgerRow], *, cite: Cite, escape: Callable[[str], str]
) -> list[str]:
    """The ledger table as Markdown lines (``escape`` makes text safe inside a cell)."""

    def cell(q: QuoteView) -> str:
        return f"{escape(q.text.strip())}<br><sub>{escape(cite(q))}</sub>"

    out = [f"| {ASK_HEADER} | {ANSWER_HEADER} | {STATUS_HEADER} |", "| --- | --- | --- |"]
    for r in rows:
        left = cell(r.industry) if r.industry else NO_ASK
        right = "<br><br>".join(cell(q) for q in r.official) or f"*{_no_answer(r)}*"
        out.append(f"| {left} | {right} | {status_label(r.status)} |")
    return out
