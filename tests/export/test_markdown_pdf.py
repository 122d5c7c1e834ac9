"""Markdown rendering and the LibreOffice-backed PDF export."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from export_fixtures import IND_AI_1, OFF_AI_1

from briefer.errors import ExportError
from briefer.export import pdf_writer
from briefer.export.markdown_writer import render_markdown, write_markdown
from briefer.export.options import ExportOptions


def test_markdown_table_and_citations(brief):
    md = render_markdown(brief)
    lines = md.splitlines()
    assert lines[0] == "**OFFICIAL-SENSITIVE**"
    assert lines[-1] == "**OFFICIAL-SENSITIVE**"
    assert md.count("| Industry position | Official outcome |") == 3
    row = next(line for line in lines if IND_AI_1 in line)
    left, right = row.strip("|").split(" | ", 1)
    assert IND_AI_1 in left and OFF_AI_1 in right
    assert "[1] DIGITALEUROPE, JBCE, JEITA, Joint industry letter, 1 Mar 2022, p. 3" in left
    assert "「『半導体』を含む文：供給網の強靭化が急務である。」" in md  # 「」 with 『』 inside
    assert f"“{IND_AI_1}”" in md
    assert "*No official outcome on record.*" in md
    # two independent columns: one row per section, never the i-th quote beside the i-th
    assert sum(1 for line in lines if line.startswith("| “") or line.startswith("| 「")) == 3


def test_markdown_escapes_pipes_and_control_chars(brief):
    md = render_markdown(brief)
    assert "remain the basis \\| of any agreement" in md
    assert "\x07" not in md and "\x0b" not in md
    for line in md.splitlines():
        if line.startswith("| ") and "Industry position" not in line and "---" not in line:
            assert line.replace("\\|", "").count("|") == 3


def test_markdown_sections_notes_toc_and_annex(brief):
    md = render_markdown(brief)
    assert "## 1. Artificial Intelligence Act" in md and "### Lines to take" in md
    assert "1. We welcome the risk-based approach." in md
    assert "NOTE-ONLY" not in md and "## Contents" not in md
    full = render_markdown(brief, ExportOptions(include_notes=True, toc=True))
    assert "NOTE-ONLY" in full
    assert "3\\. [Data flows](#3-data-flows)" in full
    assert "[3] **半導体・デジタル産業戦略** — 経済産業省 · Official outcome · 6 Jun 2023" in full


def test_write_markdown_atomic(brief, tmp_path):
    path = write_markdown(brief, tmp_path / "brief.md")
    assert path.read_text(encoding="utf-8") == render_markdown(brief)
    assert os.listdir(tmp_path) == ["brief.md"]


def test_pdf_without_libreoffice_is_a_clear_error(brief, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_writer, "find_soffice", lambda: None)
    assert not pdf_writer.libreoffice_available()
    with pytest.raises(ExportError, match="LibreOffice is not installed"):
        pdf_writer.write_pdf(brief, tmp_path / "brief.pdf")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not pdf_writer.libreoffice_available(), reason="LibreOffice not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_contains_quote_and_marking(brief, tmp_path):
    path = pdf_writer.write_pdf(brief, tmp_path / "brief.pdf", ExportOptions())
    assert path.read_bytes().startswith(b"%PDF")
    assert os.listdir(tmp_path) == ["brief.pdf"]
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "OFFICIAL-SENSITIVE" in text
    assert "risk-based approach" in text
    assert "半導体" in text
    assert "Page 1 of" in text
