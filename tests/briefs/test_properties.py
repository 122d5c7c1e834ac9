"""Any sequence of operations keeps a brief consistent, and undoing them all restores it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from brief_helpers import state
from helpers import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.bootstrap import open_for_use
from briefer.briefs import operations as ops
from briefer.errors import BrieferError
from briefer.library.sources import get_source, list_sources
from briefer.library.topics import list_topics


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("template") / "s.sqlite"
    store = open_for_use(path, seed_if_new=True)
    sources = {}
    for info in list_sources(store):
        detail = get_source(store, info.id)
        sources[info.id] = {
            "kind": info.kind,
            "text": detail.text,
            "spans": [(p.start, p.end) for p in detail.passages if p.content],
        }
    topics = [t.id for t in list_topics(store)][:5]
    store.close()
    return {"path": path, "sources": sources, "topics": topics}


def check_consistent(store, brief_id: int, sources: dict[int, dict[str, Any]]) -> None:
    snap = state(store, brief_id)
    assert [s["position"] for s in snap["sections"]] == list(range(len(snap["sections"])))
    for sd in snap["sections"]:
        for side in ops.SIDES:
            column = [q for q in sd["quotes"] if q["side"] == side]
            assert [q["position"] for q in column] == list(range(len(column)))
        for q in sd["quotes"]:
            src = sources[q["source_id"]]
            assert q["side"] in ops.SIDES
            assert src["text"][q["start"] : q["end"]] == q["text"]
            assert q["side_overridden"] == (q["side"] != ops.natural_side(src["kind"]))
            if q["display_text"]:
                ops.check_trim(q["text"], q["display_text"])


def draw_op(data: st.DataObject, snap: dict[str, Any], tpl: dict[str, Any]) -> ops.Operation:
    bid = snap["brief"]["id"]
    sections = snap["sections"]
    quotes = [q for sd in sections for q in sd["quotes"]]
    kinds = ["add_section", "update_brief", "version"]
    if sections:
        kinds += ["remove_section", "move_section", "add_quote", "add_quote", "update_section"]
    if quotes:
        kinds += ["remove_quote", "move_quote", "move_quote", "side", "trim", "accept_all"]
        if any(q["suggested"] for q in quotes):
            kinds += ["accept", "dismiss"]
    kind = data.draw(st.sampled_from(kinds), label="kind")
    pos = st.one_of(st.none(), st.integers(-1, 6))
    side = st.sampled_from([None, "industry", "official"])

    def pick(items: list[Any]) -> Any:
        return data.draw(st.sampled_from(items))

    if kind == "add_section":
        topic = data.draw(st.one_of(st.none(), st.sampled_from(tpl["topics"])))
        return ops.AddSection(bid, topic, "" if topic else "Other business", data.draw(pos))
    if kind == "update_brief":
        return ops.UpdateBriefFields(bid, {"venue": data.draw(st.text(max_size=5))})
    if kind == "version":
        versions = [v["id"] for v in state_versions(snap)]
        if versions and data.draw(st.booleans()):
            return ops.RestoreVersion(bid, pick(versions))
        return ops.TakeVersion(bid, "v")
    if kind == "remove_section":
        return ops.RemoveSection(pick(sections)["id"])
    if kind == "move_section":
        return ops.MoveSection(pick(sections)["id"], data.draw(st.integers(-1, 6)))
    if kind == "add_quote":
        sid = pick(list(tpl["sources"]))
        start, end = pick(tpl["sources"][sid]["spans"])
        if data.draw(st.booleans()):  # a sub-span
            start = data.draw(st.integers(start, end - 1))
            end = data.draw(st.integers(start + 1, end))
        return ops.AddQuote(
            pick(sections)["id"],
            sid,
            start,
            end,
            data.draw(side),
            data.draw(pos),
            data.draw(st.booleans()),
        )
    if kind == "update_section":
        return ops.UpdateSectionFields(
            pick(sections)["id"],
            {
                "assessment": pick(list(ops.ASSESSMENTS)),
                "lines_to_take": data.draw(st.lists(st.text(max_size=4), max_size=2)),
            },
        )
    q = pick(quotes)
    if kind == "remove_quote":
        return ops.RemoveQuote(q["id"])
    if kind == "move_quote":
        target = data.draw(st.one_of(st.none(), st.sampled_from([s["id"] for s in sections])))
        return ops.MoveQuote(q["id"], target, data.draw(side), data.draw(pos))
    if kind == "side":
        return ops.SetQuoteSide(q["id"], data.draw(side))
    if kind == "trim":
        words = q["text"].split()
        if len(words) >= 3:
            return ops.TrimQuote(q["id"], f"{words[0]} … {words[-1]}")
        return ops.TrimQuote(q["id"], None)
    if kind == "accept_all":
        return ops.AcceptAllSuggestions(brief_id=bid)
    suggested = [x for x in quotes if x["suggested"]]
    if kind == "accept":
        return ops.AcceptSuggestion(pick(suggested)["id"])
    return ops.DismissSuggestion(pick(suggested)["id"])


def state_versions(snap: dict[str, Any]) -> list[dict[str, Any]]:
    return snap.get("versions", [])


@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_operations_keep_the_brief_consistent_and_undo(template, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.sqlite"
        shutil.copy(template["path"], path)
        store = open_for_use(path)
        try:
            bid = ops.CreateBrief("Property", {}).apply(store).created_id
            start = state(store, bid)
            undo: list[ops.Operation] = []
            for _ in range(data.draw(st.integers(1, 10), label="length")):
                before = state(store, bid)
                op = draw_op(data, before, template)
                try:
                    undo.append(op.apply(store).inverse)
                except BrieferError:
                    assert state(store, bid) == before  # a refused op changes nothing
                    continue
                check_consistent(store, bid, template["sources"])
            end = state(store, bid)
            redo = []
            for inverse in reversed(undo):
                redo.append(inverse.apply(store).inverse)
                check_consistent(store, bid, template["sources"])
            assert state(store, bid) == start
            for op in reversed(redo):
                op.apply(store)
            assert state(store, bid) == end
        finally:
            store.close()
