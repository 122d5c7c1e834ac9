"""``briefer asks``: the JSON contract on the demo store, and the decision sub-commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefer.app import main

KEYS = {"id", "source_id", "passage_id", "start", "end", "text", "topics", "status", "responses"}
RESPONSE_KEYS = {"source_id", "passage_id", "start", "end", "text", "score", "evidence"}


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code = main([*args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_asks_json_on_the_demo_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "demo.sqlite")
    assert main(["--store", store, "demo"]) == 0
    capsys.readouterr()
    asks = _json(capsys, "--store", store, "asks")
    assert isinstance(asks, list) and len(asks) >= 30
    con = sqlite3.connect(store)
    texts: dict[int, str] = {}
    chunks = con.execute("SELECT source_id, text FROM source_chunk ORDER BY source_id, start")
    for sid, piece in chunks:
        texts[sid] = texts.get(sid, "") + piece
    con.close()
    kinds = dict(sqlite3.connect(store).execute("SELECT id, kind FROM source"))
    for a in asks:
        assert set(a) >= KEYS
        assert kinds[a["source_id"]] == "industry"
        assert texts[a["source_id"]][a["start"] : a["end"]] == a["text"]
        assert a["status"] in ("addressed", "partly", "unaddressed")
        assert len(a["responses"]) <= 5
        assert bool(a["responses"]) == (a["status"] != "unaddressed")
        for r in a["responses"]:
            assert set(r) >= RESPONSE_KEYS and r["evidence"]
            assert kinds[r["source_id"]] == "official"
            assert texts[r["source_id"]][r["start"] : r["end"]] == r["text"]
    # Furniture and self-descriptions are never asks.
    assert not [a for a in asks if "cookies" in a["text"] or "represents the digital" in a["text"]]
    # Filters.
    partly = _json(capsys, "--store", store, "asks", "--status", "partly")
    assert partly and all(a["status"] == "partly" for a in partly)
    first = asks[0]
    mine = _json(capsys, "--store", store, "asks", "--source", str(first["source_id"]))
    assert len(mine) == len(asks)
    topical = _json(capsys, "--store", store, "asks", "--topic", "AI")
    assert topical and len(topical) < len(asks)
    assert all("Artificial intelligence" in a["topics"] for a in topical)


def test_decisions_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "demo.sqlite")
    assert main(["--store", store, "demo"]) == 0
    capsys.readouterr()
    asks = _json(capsys, "--store", store, "asks", "--status", "unaddressed")
    target = asks[0]
    changed = _json(capsys, "--store", store, "asks", "set-status", str(target["id"]), "partly")
    assert changed["status"] == "partly" and changed["confirmed"] is True
    official = next(
        sid
        for sid, kind in sqlite3.connect(store).execute("SELECT id, kind FROM source")
        if kind == "official"
    )
    linked = _json(
        capsys,
        "--store",
        store,
        "asks",
        "link",
        str(target["id"]),
        "--source",
        str(official),
        "--start",
        "0",
        "--end",
        "40",
    )
    assert linked["responses"][0]["origin"] == "manual"
    response = linked["responses"][0]["id"]
    unlinked = _json(capsys, "--store", store, "asks", "unlink", str(target["id"]), str(response))
    assert unlinked["responses"] == []
    code = main(["--store", store, "asks", "unlink", str(target["id"]), "999999"])
    assert code == 1 and "no answer #999999" in capsys.readouterr().err
    code = main(
        [
            "--store",
            store,
            "asks",
            "link",
            str(target["id"]),
            "--source",
            str(official),
            "--start",
            "5",
            "--end",
            "1",
        ]
    )
    assert code == 1 and "non-empty span" in capsys.readouterr().err
