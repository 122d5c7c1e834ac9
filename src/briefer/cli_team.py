"""CLI for team work: ``store copy SRC DEST``, ``brief pack/unpack`` and ``brief history``.

A store is a file path or an SQLAlchemy URL (``postgresql+psycopg://officer@server/briefs``);
a password libpq cannot find on its own (.pgpass, PGPASSWORD, a service file) is asked for at
the terminal and never written anywhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from briefer import cli
from briefer.briefs import history, pack
from briefer.errors import StoreError
from briefer.store import Store, engines, open_store

engines.password_prompt = engines.terminal_prompt


def _subparsers(parser: argparse.ArgumentParser) -> Any:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    st = sub.add_parser("store", parents=[common], help="move a whole store between engines")
    st_sub = st.add_subparsers(dest="action", required=True, metavar="ACTION")
    cp = st_sub.add_parser(
        "copy",
        parents=[common],
        help="copy every source, topic and brief of SRC into the new, empty store DEST",
    )
    cp.add_argument("src", metavar="SRC", help="store file or SQLAlchemy URL")
    cp.add_argument("dest", metavar="DEST", help="store file or SQLAlchemy URL (must be empty)")

    b = _subparsers(sub.choices["brief"])
    pk = b.add_parser("pack", parents=[common], help="export one brief with its sources")
    pk.add_argument("id", type=cli._id)
    pk.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.briefpack")
    up = b.add_parser("unpack", parents=[common], help="import a brief pack as a new brief")
    up.add_argument("file", type=Path, metavar="FILE")
    hi = b.add_parser("history", parents=[common], help="who changed the brief, and when")
    hi.add_argument("id", type=cli._id)
    hi.add_argument("--limit", type=cli._count, help="only the last N changes")


cli._EXTRA_PARSERS.append(_add_parsers)


@cli._location_command("store")
def _store(ns: argparse.Namespace, _location: str | None) -> None:
    from briefer.bootstrap import open_for_use
    from briefer.store.copy import copy_store

    if ns.src == ns.dest:
        raise StoreError("The source and the destination are the same store.")
    src = open_for_use(ns.src)
    try:
        dest = open_store(ns.dest)
        try:
            report = copy_store(src, dest)
        finally:
            dest.close()
    finally:
        src.close()
    cli.emit(
        ns,
        {"source": report.source, "destination": report.destination, "rows": report.rows},
        lambda: (
            f"Copied {report.total:,} rows from {report.source} to {report.destination}: "
            + ", ".join(f"{n:,} {t}" for t, n in report.rows.items() if n)
        ),
    )


_brief_handler = cli._HANDLERS["brief"]


def _rev(revision: int | None) -> str:
    return "deleted" if revision is None else f"r{revision}"


@cli._command("brief")
def _brief(ns: argparse.Namespace, store: Store) -> None:
    if ns.action == "pack":
        path = pack.pack_brief(store, ns.id, ns.output.expanduser())
        cli.emit(ns, {"id": ns.id, "pack": path}, lambda: f"Packed brief #{ns.id} into {path}")
    elif ns.action == "unpack":
        r = pack.unpack_brief(store, ns.file.expanduser())
        cli.emit(
            ns,
            {
                "id": r.brief_id,
                "title": r.title,
                "quotes": r.quotes,
                "sources_created": r.sources_created,
                "sources_matched": r.sources_matched,
                "topics_created": r.topics_created,
            },
            lambda: (
                f"Unpacked brief #{r.brief_id} {r.title} ({r.quotes} quotes; "
                f"{len(r.sources_matched)} sources already here, "
                f"{len(r.sources_created)} added"
                + (f"; new topics: {', '.join(r.topics_created)}" if r.topics_created else "")
                + ")"
            ),
        )
    elif ns.action == "history":
        events = history.brief_history(store, ns.id, limit=ns.limit)
        cli.emit(
            ns,
            events,
            lambda: (
                "\n".join(
                    f"{e.at:%Y-%m-%d %H:%M:%S}  {_rev(e.revision):<6} {e.officer:<16} {e.action}"
                    for e in events
                )
                or f"No recorded changes to brief #{ns.id}."
            ),
        )
    else:
        _brief_handler(ns, store)
