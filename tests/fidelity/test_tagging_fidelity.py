"""The labelled tagging set: the evaluation script runs end to end, the seeds keep their tags,
and every alias of the default taxonomy can be found by the tagger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import fidelity_tagging
from briefer.ingest.tagger import Tagger, TopicTerms
from briefer.library import sources
from briefer.library.topics import default_taxonomy
from briefer.store import Store

SET = Path(__file__).resolve().parent / "tagging"


def test_the_labelled_set_is_complete_and_half_japanese() -> None:
    labels = fidelity_tagging.load_labels(SET)
    docs = labels["documents"]
    assert len(docs) >= 10
    assert sum(len(d["passages"]) for d in docs) >= 60
    assert {d["lang"] for d in docs} == {"en", "ja"}
    assert sum(d["lang"] == "ja" for d in docs) * 2 >= len(docs)
    assert {d["split"] for d in docs} == set(fidelity_tagging.SPLITS)
    codes = set(labels["topics"])
    names = {e["name"] for e in default_taxonomy()}
    assert set(labels["topics"].values()) <= names
    for d in docs:
        assert (SET / "docs" / d["file"]).is_file()
        for _prefix, topics in d["passages"]:
            assert set(topics) <= codes


def test_evaluation_script_scores_every_labelled_passage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    results = fidelity_tagging.evaluate(SET)
    for split in fidelity_tagging.SPLITS:
        r = results[split]
        # Every passage has its label and every label its passage (the set stays in step
        # with the segmenter); the figures themselves are reported, not asserted.
        assert r["errors"] == [] or all("false:" in e for e in r["errors"]), r["errors"]
        assert r["en"]["passages"] > 0 and r["ja"]["passages"] > 0
        for key in ("all", "en", "ja"):
            assert 0.0 <= r[key]["precision"] <= 1.0 and 0.0 <= r[key]["recall"] <= 1.0
    assert fidelity_tagging.main(["--split", "dev"]) == 0
    assert "precision" in capsys.readouterr().out


def test_seeds_keep_their_primary_tags(seeded_store: Store) -> None:
    expected = json.loads((SET / "seed_primary.json").read_text("utf-8"))["passages"]
    got: dict[tuple[str, int, int], list[str]] = {}
    for info in sources.list_sources(seeded_store):
        name = Path(info.origin).name
        for p in sources.get_source(seeded_store, info.id).passages:
            if p.content:
                got[(name, p.start, p.end)] = sorted(t.topic for t in p.tags if t.primary)
    wrong = [
        (f, s, e, want, got.get((f, s, e)))
        for f, s, e, want in expected
        if sorted(want) != got.get((f, s, e))
    ]
    assert wrong == []


def test_every_default_alias_is_reachable() -> None:
    """Each alias, written in a sentence, tags its own topic (and not through another's)."""
    tax = default_taxonomy()
    tagger = Tagger(TopicTerms(i, (e["name"], *e["aliases"])) for i, e in enumerate(tax))
    unreachable = []
    for i, entry in enumerate(tax):
        for alias in (entry["name"], *entry["aliases"]):
            japanese = any("\u3040" <= c <= "\u9fff" for c in alias)
            text = f"{alias}について協議した。" if japanese else f"They discussed {alias} today."
            tags = tagger.score(text)
            if not any(t.topic_id == i and t.primary for t in tags):
                unreachable.append((entry["name"], alias, [(t.topic_id, t.evidence) for t in tags]))
    assert unreachable == []
