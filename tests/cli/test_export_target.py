"""`briefer export -o NAME`: the file's ending decides the format; a name without one gets
.docx (and the output says so); any other ending is refused first, before the review gate."""

from __future__ import annotations

import json
import zipfile

import pytest

from briefer import cli


@pytest.fixture
def run(store, capsys):
    def call(*args, ok=True):
        code = cli.main(["--store", store.label, *args])
        out = capsys.readouterr()
        assert (code == 0) == ok, out.err
        if not ok:
            return out.err
        return json.loads(out.out) if "--json" in args else out.out

    return call


@pytest.fixture
def drafted(run) -> int:
    """A brief with a proposed assessment and suggested quotes (unreviewed)."""
    bid = run("brief", "new", "DPC", "--date", "2025-05-12", "--json")["id"]
    run("brief", "draft", str(bid), "--topic", "AI")
    return int(bid)


def test_an_unknown_ending_is_refused_in_one_line_even_with_draft(run, drafted, tmp_path):
    out = tmp_path / "brief.txt"
    for extra in (["--draft"], []):
        err = run("export", str(drafted), "-o", str(out), *extra, ok=False)
        # the format is checked first: not the review gate's refusal
        assert err.count("\n") == 1 and "Not exported" not in err
        assert ".txt is not an export format" in err
        assert all(s in err for s in (".docx", ".md", ".pdf"))
        assert not out.exists()


def test_a_name_without_ending_gets_docx_and_says_so(run, drafted, tmp_path):
    out = run("export", str(drafted), "-o", str(tmp_path / "brief"), "--draft")
    written = tmp_path / "brief.docx"
    assert not (tmp_path / "brief").exists()
    assert zipfile.is_zipfile(written)
    assert str(written) in out and ".docx added" in out
    shown = run(
        "export", str(drafted), "-o", str(tmp_path / "b2"), "--draft", "--format", "md", "--json"
    )
    assert shown["path"] == str(tmp_path / "b2.md") and shown["format"] == "md"
    assert "\n# DPC\n" in (tmp_path / "b2.md").read_text(encoding="utf-8")


def test_the_ending_decides_and_format_must_agree(run, drafted, tmp_path):
    md = tmp_path / "brief.md"
    shown = run("export", str(drafted), "-o", str(md), "--draft", "--json")
    assert shown["format"] == "md" and not zipfile.is_zipfile(md)
    err = run(
        "export",
        str(drafted),
        "-o",
        str(tmp_path / "x.md"),
        "--format",
        "docx",
        "--draft",
        ok=False,
    )
    assert "ends in .md" in err and err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()


def test_the_refusal_names_the_cli_flag_but_the_core_names_none(run, drafted, tmp_path, store):
    from briefer.briefs import service
    from briefer.export import ExportRefused, check_exportable

    err = run("export", str(drafted), "-o", str(tmp_path / "b.docx"), ok=False)
    assert "Not exported:" in err and "--draft" in err
    with pytest.raises(ExportRefused) as refused:
        check_exportable(service.get_brief(store, drafted), draft=False)
    assert "--" not in str(refused.value) and "DRAFT" in str(refused.value)
    assert "Mark as DRAFT" in refused.value.advice("tick “Mark as DRAFT”")
