"""The asks ledger: ``asks`` (list), ``asks set-status``, ``asks link``, ``asks unlink``.

The JSON of ``asks --json`` is part of the documented contract (README, "JSON contract").
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from briefer.cli import edit
from briefer.cli.args import Commands, Handlers
from briefer.cli.output import emit
from briefer.ingest.ask_status import STATUSES

if TYPE_CHECKING:
    from briefer.briefs import ask_ops
    from briefer.library import asks as ledger
    from briefer.store import Store


def register(commands: Commands) -> Handlers:
    p = commands.add(
        "asks",
        help="the asks ledger: every industry ask, its official answers and status",
    )
    p.add_argument("--topic", help="only asks tagged with this topic (name or alias)")
    p.add_argument("--source", type=int, metavar="ID", help="only the asks of this source")
    p.add_argument("--status", choices=STATUSES, help="only asks with this status")
    commands.actions("asks", p)
    st = commands.action("asks", "set-status", help="set the status of an ask")
    st.add_argument("ask_id", type=int, metavar="ASK_ID")
    st.add_argument(
        "status",
        choices=(*STATUSES, "confirm", "auto"),
        metavar="STATUS",
        help=f"{', '.join(STATUSES)}; 'confirm' keeps the current one; "
        "'auto' returns to the computed one",
    )
    ln = commands.action("asks", "link", help="link an official span as an answer")
    ln.add_argument("ask_id", type=int, metavar="ASK_ID")
    ln.add_argument("--source", dest="answer_source", type=int, required=True, metavar="S")
    ln.add_argument("--start", type=int, required=True, metavar="N")
    ln.add_argument("--end", type=int, required=True, metavar="M")
    un = commands.action("asks", "unlink", help="remove an answer from an ask")
    un.add_argument("ask_id", type=int, metavar="ASK_ID")
    un.add_argument("response", type=int, metavar="RESPONSE", help="the answer's id")
    return {
        "asks": _list,
        "asks set-status": _set_status,
        "asks link": _link,
        "asks unlink": _unlink,
    }


def ask_json(a: ledger.AskView) -> dict[str, Any]:
    return {
        "id": a.id,
        "source_id": a.source_id,
        "passage_id": a.passage_id,
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "topics": list(a.topics),
        "status": a.status,
        "responses": [
            {
                "id": r.id,
                "source_id": r.source_id,
                "passage_id": r.passage_id,
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "score": r.score,
                "evidence": list(r.evidence),
                "strength": r.strength,
                "origin": r.origin,
            }
            for r in a.responses
        ],
        "context": a.context,
        "auto_status": a.auto_status,
        "confirmed": a.confirmed,
        "source_title": a.source_title,
    }


def _text(asks: list[ledger.AskView]) -> str:
    lines = []
    for a in asks:
        mark = " (confirmed)" if a.confirmed else ""
        lines.append(f"#{a.id} [{a.status}{mark}] {a.source_title}: {a.text}")
        if not a.responses:
            lines.append("    No official text found.")
        for r in a.responses:
            lines.append(f"    answer #{r.id} ({r.source_title}, {r.strength}) {r.text}")
            lines.append(f"        evidence: {', '.join(r.evidence)}")
    return "\n".join(lines)


def ledger_progress(done: int, total: int, what: str) -> None:
    """The ledger's catch-up on a terminal (a long one: a store imported before it)."""
    if total > 200 and sys.stderr.isatty():
        print(f"\r{what}: {done}/{total}", end="", file=sys.stderr, flush=True)


def _list(ns: argparse.Namespace, store: Store) -> None:
    from briefer.library import asks as ledger

    ledger.refresh(store, progress=ledger_progress)
    found = ledger.list_asks(
        store, topic=ns.topic, source_id=ns.source, status=ns.status, up_to_date=False
    )
    emit(ns, [ask_json(a) for a in found], lambda: _text(found))


def _apply(ns: argparse.Namespace, store: Store, op: ask_ops.Operation) -> None:
    """Run the edit on the refreshed ledger and show the ask as it is now."""
    from briefer.library import asks as ledger

    edit.apply(store, op)
    (view,) = ledger.list_asks(store, ask_ids=[ns.ask_id], up_to_date=False)
    emit(ns, ask_json(view), lambda: _text([view]))


def _set_status(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import ask_ops
    from briefer.library import asks as ledger

    ledger.refresh(store, progress=ledger_progress)
    if ns.status == "confirm":
        op: ask_ops.Operation = ask_ops.confirm(ns.ask_id)
    elif ns.status == "auto":
        op = ask_ops.SetAskStatus(ns.ask_id, None, False)
    else:
        op = ask_ops.SetAskStatus(ns.ask_id, ns.status, True)
    _apply(ns, store, op)


def _link(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import ask_ops
    from briefer.library import asks as ledger

    ledger.refresh(store, progress=ledger_progress)
    _apply(ns, store, ask_ops.LinkAnswer(ns.ask_id, ns.answer_source, ns.start, ns.end))


def _unlink(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import ask_ops
    from briefer.library import asks as ledger
    from briefer.store import ReadSession

    ledger.refresh(store, progress=ledger_progress)
    with ReadSession(store) as s:
        op = ask_ops.unlink_by_id(s, ns.ask_id, ns.response)
    _apply(ns, store, op)
