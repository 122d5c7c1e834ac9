"""A mistyped ``--store`` is refused, not taken for a new, empty library.

Commands that only read or edit refuse a store file that does not exist (one line, exit 1,
nothing made); the commands that add content (demo, import, brief new) may start a store,
in a folder that exists; the default store's folder in the user data folder is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

READS_OR_EDITS = [
    ["sources"],
    ["source", "show", "1"],
    ["topics"],
    ["search", "AI"],
    ["asks"],
    ["coverage"],
    ["gaps"],
    ["timeline", "AI"],
    ["brief", "list"],
    ["brief", "show", "1"],
    ["brief", "history", "1"],
    ["brief", "versions", "1"],
    ["export", "1", "-o", "out.docx"],
    ["backup"],
    ["topic", "add", "Export controls"],
    ["brief", "set", "1", "--venue", "Tokyo"],
]


@pytest.mark.parametrize("args", READS_OR_EDITS, ids=" ".join)
def test_a_command_that_does_not_create_refuses_a_missing_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    target = tmp_path / "nowhere" / "x.sqlite"
    code, out, err = run(capsys, "--store", str(target), *args)
    assert code == 1 and out == ""
    assert err.startswith(f"briefer: error: No store at {target}.") and err.count("\n") == 1
    assert f"briefer demo --store {target}" in err and "briefer import" in err
    assert not target.parent.exists()  # nothing made
    target = tmp_path / "x.sqlite"  # its folder exists: still nothing made
    assert run(capsys, "--store", str(target), *args)[0] == 1
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("args", [["demo"], ["brief", "new", "DPC"]], ids=" ".join)
def test_a_command_that_creates_makes_a_store_only_in_a_folder_that_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    missing = tmp_path / "nowhere" / "x.sqlite"
    code, _, err = run(capsys, "--store", str(missing), *args)
    assert code == 1 and err.count("\n") == 1
    assert f"No folder {missing.parent}" in err
    assert not missing.parent.exists()
    target = tmp_path / "x.sqlite"
    assert run(capsys, "--store", str(target), *args)[0] == 0
    assert target.is_file()
    code, out, _ = run(capsys, "--store", str(target), "topics")
    assert code == 0 and out.strip()


def test_the_default_store_is_made_in_the_user_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefer.store import schema

    default = tmp_path / "data" / "Briefer" / "briefer.sqlite"
    monkeypatch.delenv(schema.STORE_ENV, raising=False)
    monkeypatch.setattr(schema, "user_data_store_path", lambda: default)
    code, _, err = run(capsys, "sources")
    assert code == 1 and f"No store at {default}. " in err and "`briefer demo`" in err
    assert not default.parent.exists()
    code, out, err = run(capsys, "demo")
    assert code == 0, err
    assert default.is_file() and "3 seed sources added" in out
    code, out, _ = run(capsys, "sources")
    assert code == 0 and "Joint letter" in out
