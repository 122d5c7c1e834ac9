"""`brief add-quote` notes (still quoting) a span cut mid-word or a passage not tagged with
the topic; `brief section --accept-assessment` says it accepted the assessment."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run


def _quote(capsys: pytest.CaptureFixture[str], demo: str, start: int, end: int, topic: str):
    return run(
        capsys, "--store", demo, "brief", "add-quote", "1", "--topic", topic, "--source", "2",
        "--start", str(start), "--end", str(end),
    )  # fmt: skip


@pytest.fixture
def brief(demo: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(capsys, "--store", demo, "brief", "new", "DPC")[0] == 0
    return demo


def test_readme_example_quotes_whole_words_without_notes(brief, capsys) -> None:
    code, out, err = _quote(capsys, brief, 777, 988, "AI")  # README's example
    assert code == 0 and out.startswith("Added quote #1") and err == ""


def test_a_span_cut_mid_word_is_noted_and_still_quoted(brief, capsys) -> None:
    code, out, err = _quote(capsys, brief, 120, 260, "AI")  # README's old example
    assert code == 0 and out.startswith("Added quote #1")
    notes = err.splitlines()
    assert all(n.startswith("briefer: note: ") for n in notes)
    assert any("ends mid-word" in n and "Matsumot" in n for n in notes)
    assert not any("starts mid-word" in n for n in notes)
    code, _, err = _quote(capsys, brief, 779, 988, "AI")  # "ey agreed …"
    assert code == 0 and "starts mid-word (“ey”)" in err and "ends mid-word" not in err


def test_a_passage_not_tagged_with_the_topic_is_noted(brief, capsys) -> None:
    code, _, err = _quote(capsys, brief, 777, 988, "Blockchain")  # tagged AI and others, not this
    assert code == 0
    assert err.count("\n") == 1 and "not tagged “Blockchain”" in err
    shown = json.loads(run(capsys, "--store", brief, "brief", "show", "1", "--json")[1])
    assert [s["topic"] for s in shown["sections"]] == ["Blockchain"]


def test_accepting_the_assessment_says_so(brief, capsys) -> None:
    code, out, err = run(capsys, "--store", brief, "brief", "draft", "1", "--topic", "AI")
    assert code == 0, err
    shown = json.loads(run(capsys, "--store", brief, "brief", "show", "1", "--json")[1])
    sid = str(shown["sections"][0]["id"])
    code, out, _ = run(
        capsys, "--store", brief, "brief", "section", "1", sid, "--accept-assessment"
    )
    assert code == 0 and "assessment accepted" in out and "suggested" not in out
