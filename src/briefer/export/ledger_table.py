"""A section's ledger rows as a table: *Industry ask | Official answer | Status*.

Shared by the DOCX and Markdown writers (each calls it from one delimited place). An ask
with no answer in the brief says "No official text found" in its answer cell (or "No direct
answer", when the section quotes official text on the topic that answers none of its asks);
such an official quote gets a row of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefer.briefs.model import LedgerRow, QuoteView

ASK_HEADER = "Industry ask"
ANSWER_HEADER = "Official answer"
STATUS_HEADER = "Status"
NO_ANSWER = "No official text found"
ANSWERED_ABOVE = "The official text in the row above answers this ask too."
#: ...when the section does quote official text on the topic that the ledger linked to no ask
NO_DIRECT_ANSWER = "No direct answer; the official text on this topic is below."
NO_ASK = "—"
STATUS_LABELS = {"addressed": "Addressed", "partly": "Partly", "unaddressed": "Unaddressed"}
#: Share of the text width each column gets.
WIDTHS = (0.44, 0.42, 0.14)

Cite = Callable[[QuoteView], str]
Paragraphs = list[tuple[str, str]]


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", "—")


def no_answer_text(row: LedgerRow, rows: Sequence[LedgerRow] = ()) -> str:
    """What the answer cell of a row without an official quote says; ``rows`` are the
    section's rows (official text on the topic in rows of its own is not "none found")."""
    return _no_answer(row, rows)


def _no_answer(row: LedgerRow, rows: Sequence[LedgerRow] = ()) -> str:
    if row.answered_above:
        return ANSWERED_ABOVE
    if any(r.industry is None and r.official for r in rows):
        return NO_DIRECT_ANSWER
    return NO_ANSWER


def _quote(q: QuoteView, cite: Cite) -> Paragraphs:
    return [(q.text.strip(), "Brief Quote"), (cite(q), "Brief Citation")]


def markdown_ledger_table(
    rows: Sequence[LedgerRow], *, cite: Cite, escape: Callable[[str], str]
) -> list[str]:
    """The ledger table as Markdown lines (``escape`` makes text safe inside a cell)."""

    def cell(q: QuoteView) -> str:
        return f"{escape(q.text.strip())}<br><sub>{escape(cite(q))}</sub>"

    out = [f"| {ASK_HEADER} | {ANSWER_HEADER} | {STATUS_HEADER} |", "| --- | --- | --- |"]
    for r in rows:
        left = cell(r.industry) if r.industry else NO_ASK
        right = "<br><br>".join(cell(q) for q in r.official) or f"*{_no_answer(r, rows)}*"
        out.append(f"| {left} | {right} | {status_label(r.status)} |")
    return out
