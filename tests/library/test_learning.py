"""Learning from the officer's manual tags: visible, per store, resettable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.app import main
from briefer.library import sources, topics
from briefer.store import Store


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    return capsys.readouterr().out

# The learned word must be one no default alias holds (the taxonomy grows: "quantum
# annealing" became an alias in version 3, so "annealing" is no longer a word to learn).
REPORT = """Cooperation report

Ytterbium machines from both sides will be benchmarked on logistics problems next year.

The laboratories will exchange staff working on ytterbium hardware and on its software.

Tokyo and Leuven will host the first joint workshop on ytterbium in the spring.

The ministers also discussed the budget for the coming year and the date of the next meeting.

Officials agreed to publish the minutes of the meeting within one month of its end.
"""


def _import(store: Store, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return sources.import_file(store, path, sources.SourceFields(kind="official")).id


def _passage(store: Store, source_id: int, opening: str) -> int:
    detail = sources.get_source(store, source_id)
    return next(p.id for p in detail.passages if p.text.startswith(opening))


FILLER = "Minutes\n\n" + "\n\n".join(
    f"Item {i}: the committee reviewed the budget line {i} and the staffing plan for the office."
    for i in range(30)
)


def test_manual_tags_teach_a_topic_and_reset_forgets(store: Store, tmp_path: Path) -> None:
    _import(store, tmp_path, "minutes.txt", FILLER)  # the rest of the library: contrast
    sid = _import(store, tmp_path, "report.txt", REPORT)
    assert topics.learned_terms(store, "Quantum")[1] == []
    topics.set_tag(store, _passage(store, sid, "Ytterbium machines"), "Quantum", True)
    assert topics.learned_terms(store, "Quantum")[1] == []  # one tag shows nothing yet
    topics.set_tag(store, _passage(store, sid, "The laboratories"), "Quantum", True)
    topics.set_tag(store, _passage(store, sid, "The ministers"), "Quantum", False)
    learned = [t.term.casefold() for t in topics.learned_terms(store, "Quantum")[1]]
    assert "ytterbium" in learned
    assert "budget" not in learned and "meeting" not in learned

    # A new source is tagged with the learned word as evidence.
    new = _import(store, tmp_path, "new.txt", "Note\n\nAn ytterbium pilot starts in Sendai.\n")
    (passage,) = [p for p in sources.get_source(store, new).passages if p.kind != "heading"]
    (tag,) = [t for t in passage.tags if t.topic == "Quantum"]
    assert tag.primary and tag.origin == "auto" and tag.evidence == ("ytterbium",)

    # Reset: the words are forgotten, the library re-tagged, old decisions no longer teach.
    assert topics.reset_learned_terms(store, "Quantum") >= 1
    assert topics.learned_terms(store, "Quantum")[1] == []
    passage = next(p for p in sources.get_source(store, new).passages if p.kind != "heading")
    assert "Quantum" not in passage.topics
    topics.set_tag(store, _passage(store, sid, "Tokyo and Leuven"), "Quantum", True)
    assert topics.learned_terms(store, "Quantum")[1] == []  # one new decision only
    # The manual tags themselves stay.
    first = _passage(store, sid, "Ytterbium machines")
    detail = sources.get_source(store, sid)
    assert "Quantum" in next(p for p in detail.passages if p.id == first).topics


def test_cli_shows_and_resets_learned_words(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(store, tmp_path, "minutes.txt", FILLER)
    sid = _import(store, tmp_path, "report.txt", REPORT)
    for opening in ("Ytterbium machines", "The laboratories"):
        topics.set_tag(store, _passage(store, sid, opening), "Quantum", True)
    url = str(tmp_path / "store.sqlite")  # the store fixture's file
    store.close()
    out = run_cli(["--store", url, "topic", "learned", "Quantum", "--json"], capsys)
    data = json.loads(out)
    assert any(t["term"].casefold() == "ytterbium" for t in data["learned"])
    out = run_cli(["--store", url, "topic", "learned", "Quantum", "--reset"], capsys)
    assert "Forgot" in out
    out = run_cli(["--store", url, "topic", "learned", "Quantum"], capsys)
    assert "nothing learned yet" in out
