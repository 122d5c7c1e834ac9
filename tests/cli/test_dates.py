"""Dates on the command line are read as the window reads them (``ingest.typed_date``)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from briefer import cli
from briefer.ingest.typed_date import AmbiguousDate, parse_typed_date


@pytest.fixture
def run(store, capsys):
    def call(*args, ok=True):
        try:
            code = cli.main(["--store", store.label, *args])
        except SystemExit as exc:  # a usage error: argparse exits
            code = exc.code
        out = capsys.readouterr()
        assert (code == 0) == ok, out.err
        return out.err if not ok else json.loads(out.out) if "--json" in args else out.out

    return call


@pytest.mark.parametrize(
    "typed", ["12 May 2025", "2025-05-12", "12/05/2025 ", "2025年5月12日", "May 12, 2025"]
)
def test_brief_new_and_set_take_the_windows_forms(run, typed: str) -> None:
    typed = typed.replace("12/05", "13/05")  # day first: the only way to read it
    want = "2025-05-13" if "13/05" in typed else "2025-05-12"
    bid = run("brief", "new", "DPC", "--date", typed, "--json")["id"]
    assert run("brief", "show", str(bid), "--json")["meeting_date"] == want
    run("brief", "set", str(bid), "--date", "")
    assert run("brief", "show", str(bid), "--json")["meeting_date"] is None
    shown = run("brief", "set", str(bid), "--date", typed, "--reference-date", typed, "--json")
    assert shown["meeting_date"] == want and shown["reference_date"] == want


@pytest.mark.parametrize("typed", ["12/05/2025", "31/02/2025", "next Tuesday", "12 May"])
def test_an_ambiguous_or_invalid_date_is_one_line_naming_the_forms(run, typed: str) -> None:
    bid = run("brief", "new", "DPC", "--date", "2025-05-12", "--json")["id"]
    err = run("brief", "set", str(bid), "--date", typed, ok=False)
    assert err.count("\n") == 1 and "2025-05-12, 12 May 2025" in err and "2025年5月12日" in err
    assert ("two dates" in err) == (typed == "12/05/2025")
    assert run("brief", "show", str(bid), "--json")["meeting_date"] == "2025-05-12"


def test_the_core_reads_day_month_order_only_when_told_or_unambiguous() -> None:
    assert parse_typed_date("12/05/2025", month_first=False) == date(2025, 5, 12)
    assert parse_typed_date("12/05/2025", month_first=True) == date(2025, 12, 5)
    assert parse_typed_date("05/13/2025") == date(2025, 5, 13)
    assert parse_typed_date("05/05/2025") == date(2025, 5, 5)
    assert parse_typed_date("１２ May ２０２５") == date(2025, 5, 12)
    with pytest.raises(AmbiguousDate):
        parse_typed_date("05/06/2025")
