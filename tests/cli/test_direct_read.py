"""``briefer search`` on a current store runs on a plain sqlite3 connection (no SQLAlchemy),
with the same query builder as the service: its output must be the full path's, byte for
byte, and anything the direct path cannot do takes the full path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run

import briefer.bootstrap
from briefer.cli import library

QUERIES = [
    ("submarine cables",),
    ('"submarine cables"',),
    ("data",),
    ("data", "--limit", "2"),  # the text output adds the true count
    ("半導体",),
    ("量子",),  # a 2-character Japanese term: the trigram vocabulary in temp
    ("IPEF",),  # a Latin word written against Japanese
    ("cyber", "--include-furniture"),
    ("data", "--kind", "official"),
    ("data", "--since", "2023-01-01", "--until", "2030-12-31"),
    ("data", "--source", "1"),
    ("zzzznothing",),
]


@pytest.fixture
def library_store(demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The demo store with a Japanese source too (written here, not a seed)."""
    doc = tmp_path / "2024-05-01_official_ja.txt"
    doc.write_text(
        "2024年5月1日\n\n半導体と量子技術の協力\n\n"
        "両者は半導体のサプライチェーンと量子技術の共同研究を強化することで一致した。\n\n"
        "IPEFの枠組みでデータ流通についても意見交換を行った。\n",
        "utf-8",
    )
    code, _, err = run(capsys, "--store", demo, "import", str(doc), "--kind", "official")
    assert code == 0, err
    return demo


def _both(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store: str,
    args: tuple[str, ...],
) -> tuple[str, str, int]:
    """(direct output, full-path output, direct runs) of ``briefer search ARGS``."""
    ran: list[bool] = []
    real = library._search_direct

    def counting(ns: object, con: object) -> bool:
        done = real(ns, con)  # type: ignore[arg-type]
        ran.append(done)
        return done

    monkeypatch.setattr(library, "_search_direct", counting)
    code, direct, err = run(capsys, "--store", store, "search", *args)
    assert code == 0, err
    with monkeypatch.context() as m:
        m.setattr(briefer.bootstrap, "open_direct", lambda _location: None)
        code, full, err = run(capsys, "--store", store, "search", *args)
        assert code == 0, err
    return direct, full, sum(ran)


@pytest.mark.parametrize("args", QUERIES)
def test_direct_search_prints_what_the_full_path_prints(
    library_store: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    for fmt in ((), ("--json",)):
        direct, full, ran = _both(capsys, monkeypatch, library_store, (*args, *fmt))
        assert ran == 1  # the direct path answered
        assert direct == full
    hits = json.loads(direct)
    if args[0] != "zzzznothing":
        assert hits and all("matched_in" in h for h in hits)


def test_a_topic_filter_takes_the_full_path(
    demo: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    direct, full, ran = _both(
        capsys, monkeypatch, demo, ("data", "--topic", "Cybersecurity", "--json")
    )
    assert ran == 0 and direct == full and json.loads(direct)


def test_an_older_store_is_upgraded_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "store-0001.sqlite"
    path = tmp_path / "old.sqlite"
    path.write_bytes(fixture.read_bytes())
    assert briefer.bootstrap.open_direct(path) is None
    code, out, err = run(capsys, "--store", str(path), "search", "data", "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_a_search_process_imports_no_sqlalchemy(demo: str) -> None:
    code = (
        "import sys, io, contextlib, json\n"
        "from briefer.app import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['--store', {demo!r}, 'search', 'submarine cables', '--json'])\n"
        "assert code == 0 and json.loads(out.getvalue())\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = {m.split(".")[0] for m in json.loads(proc.stdout.splitlines()[-1])}
    assert not loaded & {"sqlalchemy", "alembic", "sudachipy"}
    assert "briefer.store.models" not in json.loads(proc.stdout.splitlines()[-1])
