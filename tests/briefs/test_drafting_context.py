"""Press and analysis (``other`` sources) as a Context column of their own: drafting puts
them there only when asked, never into Official outcome, and every writer renders them with
their citations under a heading that says they are not an outcome."""

from __future__ import annotations

import json
import zipfile

from helpers import PRESS, add_press

from briefer.briefs import drafting, operations, service
from briefer.briefs import operations as ops
from briefer.export import write_docx
from briefer.export.markdown_writer import render_markdown
from briefer.ingest.readers import read_text


def test_other_sources_go_to_context_only_when_asked(store):
    press = add_press(store)
    plain = ops.CreateBrief("Without context", {}).apply(store).created_id
    drafting.draft(store, plain, ["Semiconductors"])
    view = service.get_brief(store, plain)
    assert all(q.source.id != press for s in view.sections for q in s.quotes)
    assert not view.sections[0].context

    bid = ops.CreateBrief("With context", {}).apply(store).created_id
    drafting.draft(store, bid, ["Semiconductors"], context=True)
    section = service.get_brief(store, bid).sections[0]
    assert section.context, "the press article speaks to semiconductors"
    assert {q.source.kind for q in section.context} == {"other"}
    assert all(q.side == "context" and q.suggested for q in section.context)
    assert all(q.source.kind == "official" for q in section.official)
    # context is never an outcome: the proposed assessment is the one without it
    assert section.assessment_comment == view.sections[0].assessment_comment
    assert len({" ".join(q.text.split()) for q in section.quotes}) == len(section.quotes)


def test_context_draft_undoes_in_one_step(store):
    add_press(store)
    bid = ops.CreateBrief("Undo", {}).apply(store).created_id
    before = service.get_snapshot(store, bid)
    inverse = drafting.DraftSections(bid, ("Semiconductors",), 2, context=True).apply(store).inverse
    assert service.get_brief(store, bid).sections[0].context
    inverse.apply(store)
    assert service.get_snapshot(store, bid)["sections"] == before["sections"]


def test_a_press_quote_lands_in_context_and_can_move(store):
    press = add_press(store)
    bid = ops.CreateBrief("Manual", {}).apply(store).created_id
    sid = drafting.draft(store, bid, ["Semiconductors"], per_side=0)[0]
    text = read_text(PRESS, origin="press.txt").text
    start = text.index("Analysts said")
    operations.AddQuote(sid, press, start, start + 80).apply(store)
    (quote,) = service.get_brief(store, bid).sections[0].context
    assert quote.side == "context" and not quote.side_overridden
    operations.SetQuoteSide(quote.id, "official").apply(store)
    section = service.get_brief(store, bid).sections[0]
    assert not section.context and section.official[0].side_overridden


def test_writers_render_the_context_column_with_citations(store, tmp_path):
    add_press(store)
    bid = ops.CreateBrief("Export", {}).apply(store).created_id
    drafting.draft(store, bid, ["Semiconductors"], context=True)
    view = service.get_brief(store, bid)
    quote = view.sections[0].context[0]
    numbers = {s.id: n for n, s in enumerate(view.cited_sources(), 1)}
    md = render_markdown(view)
    head = "| Context: press and analysis (not an official outcome) |"
    assert head in md
    row = md.split(head, 1)[1].split("\n")[2]
    assert quote.text.split()[0] in row and f"[{numbers[quote.source.id]}]" in row
    assert "Industry groups press for chip supply talks" in md.split("Annex")[-1]
    out = tmp_path / "b.docx"
    write_docx(view, out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "Context: press and analysis (not an official outcome)" in xml
    # under the evidence table
    assert xml.index("Official answer") < xml.index("Context: press and analysis")
    assert f"[{numbers[quote.source.id]}]" in xml.split("Context: press and analysis")[1]


def test_cli_draft_context_flag(store, capsys):
    from briefer import cli

    press = add_press(store)
    bid = ops.CreateBrief("CLI", {}).apply(store).created_id

    def run(*args: str) -> str:
        assert cli.main(["--store", store.label, *args]) == 0
        return capsys.readouterr().out

    out = run("brief", "draft", str(bid), "--topic", "Semiconductors", "--context")
    assert ", 3 context (" in out
    shown = run("brief", "show", str(bid))
    assert "Context (press and analysis) (3)" in shown
    data = json.loads(run("brief", "show", str(bid), "--json"))
    (section,) = data["sections"]
    assert {q["source_id"] for q in section["context"]} == {press}
    assert all(q["side"] == "context" for q in section["context"])
    assert press not in {q["source_id"] for q in section["official"]}
