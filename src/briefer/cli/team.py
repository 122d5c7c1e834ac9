"""Team work: ``store copy SRC DEST``, ``brief pack/unpack`` and ``brief history``.

A store is a file path or an SQLAlchemy URL (``postgresql+psycopg://officer@server/briefs``);
a password libpq cannot find on its own (.pgpass, PGPASSWORD, a service file) is asked for at
the terminal (``briefer.cli.run`` sets the prompt) and never written anywhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.cli.args import AtLocation, Commands, Creates, Handlers, parse_count, parse_id
from briefer.cli.output import emit
from briefer.errors import StoreError

if TYPE_CHECKING:
    from briefer.store import Store


def register(commands: Commands) -> Handlers:
    """``store copy``, and three actions of ``brief`` (registered before, by cli.briefs)."""
    st = commands.add("store", help="move a whole store between engines")
    commands.actions("store", st, required=True)
    cp = commands.action(
        "store",
        "copy",
        help="copy every source, topic and brief of SRC into the new, empty store DEST",
    )
    cp.add_argument("src", metavar="SRC", help="store file or SQLAlchemy URL")
    cp.add_argument("dest", metavar="DEST", help="store file or SQLAlchemy URL (must be empty)")

    pk = commands.action("brief", "pack", help="export one brief with its sources")
    pk.add_argument("id", type=parse_id)
    pk.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.briefpack")
    up = commands.action("brief", "unpack", help="import a brief pack as a new brief")
    up.add_argument("file", type=Path, metavar="FILE")
    hi = commands.action("brief", "history", help="who changed the brief, and when")
    hi.add_argument("id", type=parse_id)
    hi.add_argument("--limit", type=parse_count, help="only the last N changes")
    return {
        "store copy": AtLocation(_store_copy),
        "brief pack": _pack,
        "brief unpack": Creates(_unpack),
        "brief history": _history,
    }


def _store_copy(ns: argparse.Namespace, _location: str | None) -> None:
    from briefer.bootstrap import open_for_use
    from briefer.store import open_store
    from briefer.store.copy import copy_store

    if ns.src == ns.dest:
        raise StoreError("The source and the destination are the same store.")
    src = open_for_use(ns.src, create=False)
    try:
        dest = open_store(ns.dest)
        try:
            report = copy_store(src, dest)
        finally:
            dest.close()
    finally:
        src.close()
    emit(
        ns,
        {"source": report.source, "destination": report.destination, "rows": report.rows},
        lambda: (
            f"Copied {report.total:,} rows from {report.source} to {report.destination}: "
            + ", ".join(f"{n:,} {t}" for t, n in report.rows.items() if n)
        ),
    )


def _pack(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import pack

    path = pack.pack_brief(store, ns.id, ns.output.expanduser())
    emit(ns, {"id": ns.id, "pack": path}, lambda: f"Packed brief #{ns.id} into {path}")


def _unpack(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import pack

    r = pack.unpack_brief(store, ns.file.expanduser())
    emit(
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


def _rev(revision: int | None) -> str:
    return "deleted" if revision is None else f"r{revision}"


def _history(ns: argparse.Namespace, store: Store) -> None:
    from briefer.briefs import history

    events = history.brief_history(store, ns.id, limit=ns.limit)
    emit(
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
