"""CLI parity for the brief's fields and the export gate, against a real store.

brief set / brief section / brief quote remove|move|trim, source edit --url/--reference/
--marking, brief show --json, version and status from named versions, and `briefer export`
refusing an unreviewed or under-marked brief with a one-line reason unless --draft.
"""

from __future__ import annotations

import json

import pytest
from cli_helpers import INDUSTRY
from docx import Document

from briefer import cli
from briefer.briefs import service
from briefer.store import ReadSession
from briefer.store.models import Brief


@pytest.fixture
def run(store, capsys):
    def call(*args, ok=True):
        try:
            code = cli.main(["--store", store.label, *args])
        except SystemExit as exc:  # a usage error (a bad --date): argparse exits
            code = exc.code
        out = capsys.readouterr()
        assert (code == 0) == ok, out.err
        if not ok:
            return out.err
        return json.loads(out.out) if "--json" in args else out.out

    return call


def _new(run) -> int:
    return run("brief", "new", "DPC", "--date", "2025-05-12", "--marking", "OFFICIAL", "--json")[
        "id"
    ]


def test_brief_set_every_front_page_field_and_show_json(run):
    bid = _new(run)
    run(
        "brief", "set", str(bid),
        "--purpose", "Agree the work plan",
        "--ask", "Agree the three deliverables",
        "--key-message", "One", "--key-message", "Two",
        "--attendee", "Ms A", "Director-General",
        "--attendee", "Mr B",
        "--agenda", "Opening", "--agenda", "AI",
        "--handling", "Not for onward distribution",
        "--contact-officer", "J Smith", "--contact-phone", "+44 20 7946 0000",
        "--cleared-by", "Head of Unit",
        "--reference", "DPC/2025/01", "--reference-date", "2025-05-01",
        "--scheme", "uk", "--caveat", "UK EYES ONLY",
        "--copy-number", "2 of 5", "--distribution", "PS/Minister",
        "--language", "ja",
        "--objectives", "Agree", "--scene-setter", "Second meeting", "--venue", "Tokyo",
    )  # fmt: skip
    shown = run("brief", "show", str(bid), "--json")
    assert shown["purpose"] == "Agree the work plan"
    assert shown["minister_ask"] == "Agree the three deliverables"
    assert shown["key_messages"] == ["One", "Two"]
    assert shown["attendees"] == [
        {"name": "Ms A", "pen_picture": "Director-General"},
        {"name": "Mr B", "pen_picture": ""},
    ]
    assert shown["agenda"] == ["Opening", "AI"]
    assert shown["handling"] == "Not for onward distribution"
    assert (shown["contact_officer"], shown["contact_phone"]) == ("J Smith", "+44 20 7946 0000")
    assert shown["cleared_by"] == "Head of Unit"
    assert (shown["reference"], shown["reference_date"]) == ("DPC/2025/01", "2025-05-01")
    assert shown["marking_scheme"] == "uk" and shown["marking_caveats"] == ["UK EYES ONLY"]
    assert shown["marking_line"] == "OFFICIAL UK EYES ONLY"
    assert (shown["copy_number"], shown["distribution"]) == ("2 of 5", ["PS/Minister"])
    assert shown["language"] == "ja"
    assert (shown["objectives"], shown["scene_setter"], shown["venue"]) == (
        "Agree",
        "Second meeting",
        "Tokyo",
    )
    run("brief", "set", str(bid), "--clear", "key-messages", "--clear", "caveats")
    cleared = run("brief", "show", str(bid), "--json")
    assert cleared["key_messages"] == [] and cleared["marking_caveats"] == []


def test_bad_values_are_one_line_errors_and_change_nothing(run, store):
    bid = _new(run)
    with ReadSession(store) as s:
        before = s.get(Brief, bid).revision
    assert "not a date" in run("brief", "set", str(bid), "--reference-date", "2025-13-01", ok=False)
    assert "Nothing to change" in run("brief", "set", str(bid), ok=False)
    err = run("brief", "set", str(bid), "--attendee", "A", "B", "C", ok=False)
    assert "at most one pen picture" in err and err.count("\n") == 1
    with ReadSession(store) as s:
        assert s.get(Brief, bid).revision == before


def test_brief_section_sets_assessment_points_and_background(run):
    bid = _new(run)
    run("brief", "draft", str(bid), "--topic", "AI")
    view_id = run("brief", "show", str(bid), "--json")["sections"][0]["id"]
    shown = run(
        "brief", "section", str(bid), "Artificial intelligence",
        "--assessment", "Partly addressed", "--comment", "Sandboxes agreed",
        "--lines-to-take", "We welcome", "--lines-to-take", "We will consult",
        "--if-asked", "On timing: next year",
        "--background", "Discussed twice.", "--notes", "Private", "--json",
    )  # fmt: skip
    assert shown["id"] == view_id
    assert shown["assessment"] == "partly" and shown["assessment_comment"] == "Sandboxes agreed"
    assert shown["assessment_suggested"] is False  # the officer wrote it
    assert shown["lines_to_take"] == ["We welcome", "We will consult"]
    assert shown["if_asked"] == ["On timing: next year"]
    assert (shown["background"], shown["notes"]) == ("Discussed twice.", "Private")
    cleared = run("brief", "section", str(bid), str(view_id), "--clear", "if-asked", "--json")
    assert cleared["if_asked"] == []
    assert "has no section" in run("brief", "section", str(bid), "Nope", "--heading", "x", ok=False)


def test_brief_quote_remove_move_trim(run, store):
    bid = _new(run)
    run("brief", "draft", str(bid), "--topic", "AI", "--per-side", "3")
    run("brief", "accept", str(bid))
    section = run("brief", "show", str(bid), "--json")["sections"][0]
    side = "industry" if len(section["industry"]) >= 2 else "official"
    first, second = section[side][0], section[side][1]
    moved = run("brief", "quote", "move", str(bid), str(first["id"]), "--position", "2", "--json")
    assert moved["id"] == first["id"]
    order = [q["id"] for q in run("brief", "show", str(bid), "--json")["sections"][0][side]]
    assert order[:2] == [second["id"], first["id"]]
    words = first["text"].split()
    trimmed_text = " ".join(words[:3]) + " … " + " ".join(words[-3:])
    trimmed = run("brief", "quote", "trim", str(bid), str(first["id"]), "--text", trimmed_text,
                  "--json")  # fmt: skip
    assert trimmed["display_text"] == trimmed_text and trimmed["text"] == first["text"]
    run("brief", "quote", "trim", str(bid), str(first["id"]), "--clear")
    assert service.get_brief(store, bid).sections[0].industry is not None
    run("brief", "quote", "remove", str(bid), str(second["id"]))
    ids = [q["id"] for q in run("brief", "show", str(bid), "--json")["sections"][0][side]]
    assert second["id"] not in ids
    assert "has no quote" in run("brief", "quote", "remove", str(bid), "99999", ok=False)


def test_source_url_reference_marking(run):
    run("source", "edit", str(INDUSTRY), "--url", "https://www.digitaleurope.org/letter",
        "--reference", "DE-2022-03", "--marking", "OFFICIAL-SENSITIVE")  # fmt: skip
    shown = run("source", "show", str(INDUSTRY), "--json")
    assert shown["url"] == "https://www.digitaleurope.org/letter"
    assert (shown["reference"], shown["marking"]) == ("DE-2022-03", "OFFICIAL-SENSITIVE")
    assert "not a web address" in run("source", "edit", str(INDUSTRY), "--url", "x y", ok=False)


def test_version_and_status_come_from_named_versions(run, store):
    bid = _new(run)
    assert run("brief", "show", str(bid), "--json")["status"] == "Draft"
    run("brief", "snapshot", str(bid), "--name", "Final")
    shown = run("brief", "show", str(bid), "--json")
    assert (shown["version"], shown["status"], shown["version_number"]) == ("Final", "Final", 1)
    assert shown["changed_since_version"] is False
    run("brief", "set", str(bid), "--venue", "Osaka")
    shown = run("brief", "show", str(bid), "--json")
    assert (shown["status"], shown["changed_since_version"]) == ("Draft", True)
    run("brief", "snapshot", str(bid), "--name", "sent to cabinet")
    view = service.get_brief(store, bid)
    assert (view.version_label, view.status, view.version_number) == ("sent to cabinet", "Draft", 2)


def test_export_refuses_unreviewed_and_under_marked_unless_draft(run, tmp_path):
    bid = _new(run)
    run("brief", "draft", str(bid), "--topic", "AI")
    out = tmp_path / "b.docx"
    err = run("export", str(bid), "-o", str(out), "--suggestions", ok=False)
    assert err.startswith("briefer: error: Not exported:") and err.count("\n") == 1
    assert "suggested quote" in err and "proposed assessment" in err
    assert not out.exists()
    run("export", str(bid), "-o", str(out), "--suggestions", "--draft")
    header = [p.text for p in Document(str(out)).sections[0].header.paragraphs]
    assert any("DRAFT" in t for t in header)
    # accept the quotes and the assessment: now it may go out
    run("brief", "accept", str(bid))
    sid = run("brief", "show", str(bid), "--json")["sections"][0]["id"]
    run("brief", "section", str(bid), str(sid), "--accept-assessment")
    run("export", str(bid), "-o", str(out))
    # a quoted source marked higher than the brief: refused
    quoted = run("brief", "show", str(bid), "--json")["sections"][0]
    source_id = (quoted["industry"] or quoted["official"])[0]["source_id"]
    run("source", "edit", str(source_id), "--marking", "OFFICIAL-SENSITIVE")
    err = run("export", str(bid), "-o", str(out), ok=False)
    assert "under-marked" in err and "OFFICIAL-SENSITIVE" in err and err.count("\n") == 1
    run("brief", "set", str(bid), "--marking", "OFFICIAL-SENSITIVE")
    run("export", str(bid), "-o", str(out))


def test_a_brief_pack_carries_source_url_reference_and_marking(run, tmp_path, capsys):
    from briefer.bootstrap import open_for_use

    bid = _new(run)
    run("brief", "draft", str(bid), "--topic", "AI")
    quoted = run("brief", "show", str(bid), "--json")["sections"][0]
    source_id = (quoted["industry"] or quoted["official"])[0]["source_id"]
    run("source", "edit", str(source_id), "--url", "https://example.org/x",
        "--reference", "REF-9", "--marking", "OFFICIAL-SENSITIVE")  # fmt: skip
    pack = tmp_path / "b.briefpack"
    run("brief", "pack", str(bid), "-o", str(pack))
    other = tmp_path / "other.sqlite"
    # an empty store: every source arrives from the pack
    open_for_use(other, seed_if_new=False).close()
    assert cli.main(["--store", str(other), "brief", "unpack", str(pack), "--json"]) == 0
    capsys.readouterr()
    assert cli.main(["--store", str(other), "sources", "--json"]) == 0
    arrived = json.loads(capsys.readouterr().out)
    marked = [s for s in arrived if s.get("marking") == "OFFICIAL-SENSITIVE"]
    assert marked, [(s["id"], s.get("marking"), s.get("url")) for s in arrived]
    assert [(s["url"], s["reference"]) for s in marked] == [("https://example.org/x", "REF-9")]
