"""The brief, coverage, gaps and timeline commands: JSON shapes and exit codes."""

from __future__ import annotations

import json

import pytest
from cli_helpers import INDUSTRY

from briefer import cli
from briefer.library.sources import get_source


@pytest.fixture
def run(store, capsys):
    def call(*args, ok=True):
        code = cli.main(["--store", store.label, *args])
        out = capsys.readouterr()
        assert (code == 0) == ok, out.err
        return json.loads(out.out) if "--json" in args and ok else out.out

    return call


def test_brief_lifecycle_json(run, store):
    created = run(
        "brief",
        "new",
        "DPC 3",
        "--date",
        "2025-05-01",
        "--venue",
        "Tokyo",
        "--marking",
        "OFFICIAL",
        "--json",
    )
    bid = created["id"]
    assert isinstance(bid, int)
    drafted = run(
        "brief", "draft", str(bid), "--topic", "AI", "--topic", "Semiconductors", "--json"
    )
    assert len(drafted["section_ids"]) == 2
    text = get_source(store, INDUSTRY).text
    added = run(
        "brief",
        "add-quote",
        str(bid),
        "--topic",
        "Blockchain",
        "--source",
        str(INDUSTRY),
        "--start",
        "0",
        "--end",
        "40",
        "--json",
    )
    assert {"id", "section_id"} <= set(added)

    shown = run("brief", "show", str(bid), "--json")
    assert shown["title"] == "DPC 3" and shown["meeting_date"] == "2025-05-01"
    assert shown["marking"] == "OFFICIAL" and shown["venue"] == "Tokyo"
    assert [s["topic"] for s in shown["sections"]] == [
        "Artificial intelligence",
        "Semiconductors",
        "Blockchain",
    ]
    for s in shown["sections"]:
        assert {"topic", "assessment", "industry", "official"} <= set(s)
        for q in (*s["industry"], *s["official"]):
            assert {"id", "source_id", "start", "end", "text", "suggested"} <= set(q)
    block = shown["sections"][2]
    assert block["industry"][0]["text"] == text[:40] and not block["industry"][0]["suggested"]
    assert shown["sections"][0]["industry"][0]["suggested"] is True

    assert run("brief", "accept", str(bid), "--json")["accepted"] > 0
    listed = run("brief", "list", "--json")
    assert listed[0]["id"] == bid and listed[0]["suggested_count"] == 0

    version = run("brief", "snapshot", str(bid), "--name", "first", "--json")
    assert run("brief", "versions", str(bid), "--json")[0]["name"] == "first"
    diff = run("brief", "compare", str(bid), str(version["id"]), "--json")
    assert {"fields", "sections"} <= set(diff)
    checks = run("brief", "verify", str(bid), "--json")["checks"]
    assert checks and {c["status"] for c in checks} == {"ok"}
    assert "Artificial intelligence" in run("brief", "show", str(bid))
    run("brief", "restore", str(bid), str(version["id"]))


def test_errors_exit_non_zero(run):
    run("brief", "show", "999", ok=False)
    bid = run("brief", "new", "x", "--json")["id"]
    run(
        "brief",
        "add-quote",
        str(bid),
        "--topic",
        "AI",
        "--source",
        "1",
        "--start",
        "5",
        "--end",
        "2",
        ok=False,
    )
    run("brief", "draft", str(bid), "--topic", "no such topic", ok=False)


def test_gaps_coverage_timeline_json(run):
    gaps = run("gaps", "--json")
    assert all({"topic", "industry", "official", "status"} <= set(g) for g in gaps)
    by = {g["topic"]: g for g in gaps}
    assert by["Blockchain"]["status"] == "industry_only"
    assert by["Cybersecurity"]["status"] == "covered"
    cov = run("coverage", "--json")
    assert {"topics", "sources", "matrix"} <= set(cov)
    assert len(cov["matrix"]) == len(cov["topics"])
    assert all(len(row) == len(cov["sources"]) for row in cov["matrix"])
    tl = run("timeline", "Semiconductors", "--json")
    assert tl and tl[0]["date"] <= tl[-1]["date"]
    assert "industry only" in run("gaps")


def test_a_version_name_is_used_once_per_brief(run, store, capsys):
    bid = run("brief", "new", "Council", "--json")["id"]
    run("brief", "snapshot", str(bid), "--name", "Sent to the Director", "--json")
    code = cli.main(
        ["--store", store.label, "brief", "snapshot", str(bid), "--name", " sent to  the director"]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert "already has a version named" in err and len(err.strip().splitlines()) == 1
    assert [v["name"] for v in run("brief", "versions", str(bid), "--json")] == [
        "Sent to the Director"
    ]
    # unnamed versions are numbered past the names already taken
    run("brief", "snapshot", str(bid), "--name", "Version 2", "--json")
    made = run("brief", "snapshot", str(bid), "--json")
    assert made["name"] == "Version 3"
    names = [v["name"] for v in run("brief", "versions", str(bid), "--json")]
    assert names == ["Sent to the Director", "Version 2", "Version 3"]
