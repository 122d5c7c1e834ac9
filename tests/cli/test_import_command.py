"""`briefer import`: the kind is suggested per file unless given, and each failure is said
once (stdout lists it beside the others; stderr only says that nothing was imported)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run


def test_kind_is_auto_by_default(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Joint industry position paper\n\nWe call on the Commission to simplify the rules "
        "on data transfers. Industry recommends a single point of contact.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--store", demo, "import", str(letter))
    assert code == 0, err
    assert out.startswith("imported  #") and "1 imported" in out


def test_each_failure_is_printed_once(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    missing = tmp_path / "nope.docx"
    for kind in ([], ["--kind", "auto"]):
        code, out, err = run(capsys, "--store", demo, "import", str(missing), str(bad), *kind)
        assert code == 1
        both = out + err
        for name in ("nope.docx", "bad.docx"):
            assert both.count(name) == 1, both  # once, not on stdout and again on stderr
        assert out.splitlines()[-1] == "0 imported, 0 duplicate, 2 failed, 0 skipped"
        assert len(err.splitlines()) == 2  # one line per failure, nothing repeated
        assert all(line.startswith("briefer: error: ") for line in err.splitlines())
        code, out, err = run(capsys, "--store", demo, "import", str(missing), *kind)
        assert code == 1 and (out + err).count("nope.docx") == 1
        assert err.startswith("briefer: error: ") and "no such file" in err
        assert err.count("\n") == 1
