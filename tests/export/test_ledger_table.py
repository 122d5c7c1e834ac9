"""Export lays drafted sections out as ledger rows: Industry ask | Official answer | Status."""

from __future__ import annotations

from pathlib import Path

import docx

from briefer.bootstrap import open_for_use
from briefer.briefs import drafting, service
from briefer.briefs import operations as ops
from briefer.export import ExportOptions, export_brief
from briefer.export.ledger_table import (
    ANSWER_HEADER,
    ASK_HEADER,
    NO_ANSWER,
    NO_DIRECT_ANSWER,
    STATUS_HEADER,
)


def _drafted(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_for_use(tmp_path / "s.sqlite", seed_if_new=True)
    bid = ops.CreateBrief("Council", {}).apply(store).created_id
    drafting.draft(store, bid, ["AI", "Cybersecurity"])
    brief = service.get_brief(store, bid)
    store.close()
    return brief


def test_markdown_and_docx_ledger_rows(tmp_path: Path) -> None:
    brief = _drafted(tmp_path)
    for section in brief.sections:
        assert section.ledger
        assert [r.industry for r in section.ledger if r.industry] == list(section.industry)
        for row in section.ledger:
            if row.status == "unaddressed":
                assert not row.official
    # the draft still holds proposals: exported marked DRAFT (export refuses it otherwise)
    draft = ExportOptions(draft=True)
    md = export_brief(brief, tmp_path / "b.md", "md", draft).read_text("utf-8")
    assert f"| {ASK_HEADER} | {ANSWER_HEADER} | {STATUS_HEADER} |" in md
    unanswered = sum(1 for s in brief.sections for r in s.ledger if r.status == "unaddressed")
    no_answer = md.count(f"*{NO_ANSWER}*") + md.count(f"*{NO_DIRECT_ANSWER}*")
    assert unanswered and no_answer >= unanswered
    assert "| Unaddressed |" in md
    path = export_brief(brief, tmp_path / "b.docx", "docx", draft)
    tables = docx.Document(str(path)).tables
    assert len(tables) == len(brief.sections)
    for table, section in zip(tables, brief.sections, strict=True):
        assert [c.text for c in table.rows[0].cells] == [ASK_HEADER, ANSWER_HEADER, STATUS_HEADER]
        assert len(table.rows) == 1 + len(section.ledger)
        for row, ledger_row in zip(table.rows[1:], section.ledger, strict=True):
            ask_cell, answer_cell, status_cell = (c.text for c in row.cells)
            if ledger_row.industry is None:  # official text on the topic that answers no ask
                assert ledger_row.official[0].text.strip() in answer_cell
                continue
            assert ledger_row.industry.text.strip() in ask_cell
            if ledger_row.status == "unaddressed":
                # "none found", or "no direct answer" when the section quotes official
                # text on the topic in rows of its own
                unlinked = any(r.industry is None and r.official for r in section.ledger)
                assert answer_cell == (NO_DIRECT_ANSWER if unlinked else NO_ANSWER)
                assert status_cell == "Unaddressed"


def test_libreoffice_lays_the_ledger_out_as_a_table(tmp_path: Path) -> None:
    """LibreOffice drops a table whose paragraphs name a character style as their paragraph
    style (the first ledger table did): convert to ODT and count the tables it kept."""
    import shutil
    import zipfile

    import lo_profile
    import pytest

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    brief = _drafted(tmp_path)
    path = export_brief(brief, tmp_path / "ledger.docx", "docx", ExportOptions(draft=True))
    lo_profile.convert(soffice, [path], "odt", tmp_path, timeout=180)
    content = zipfile.ZipFile(tmp_path / "ledger.odt").read("content.xml").decode("utf-8")
    assert content.count("<table:table ") == len(brief.sections)
    rows = sum(1 + len(s.ledger) for s in brief.sections)
    assert content.count("<table:table-row") >= rows
