"""The command line: scriptable, stable, every listing also as ``--json``.

The JSON shapes are a documented contract (README, "JSON contract"); add keys freely,
never rename or remove one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from briefer import __version__
from briefer.errors import BrieferError
from briefer.labels import escape_controls
from briefer.store import Store

Handler = Callable[[argparse.Namespace, Store], Any]
_HANDLERS: dict[str, Handler] = {}
#: Commands that must work when the store cannot be opened (restore a damaged store);
#: their handler gets the store's location instead of an open store.
_LOCATION_HANDLERS: dict[str, Callable[[argparse.Namespace, str | None], Any]] = {}


def _command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS[name] = fn
        return fn

    return register


def _location_command(
    name: str,
) -> Callable[
    [Callable[[argparse.Namespace, str | None], Any]],
    Callable[[argparse.Namespace, str | None], Any],
]:
    def register(
        fn: Callable[[argparse.Namespace, str | None], Any],
    ) -> Callable[[argparse.Namespace, str | None], Any]:
        _LOCATION_HANDLERS[name] = fn
        return fn

    return register


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD)") from exc


#: The largest id the store can hold (SQLite and PostgreSQL bigint).
MAX_ID = 2**63 - 1
#: The most rows a listing returns (search ranks at most 1,000 matches anyway).
MAX_COUNT = 10_000


def _bounded_int(value: str, low: int, high: int, what: str) -> int:
    text = value.strip().replace("_", "")
    if not (text.isascii() and text.lstrip("+-").isdigit()) or len(text) > 25:
        raise argparse.ArgumentTypeError(f"{value[:40]!r} is not {what}")
    number = int(text)
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"{value[:40]} is not {what} (from {low} to {high:,})")
    return number


def _id(value: str) -> int:
    """An id on the command line: a whole number the store can hold (no OverflowError later)."""
    return _bounded_int(value, 1, MAX_ID, "an id")


def _count(value: str) -> int:
    """A count or limit on the command line."""
    return _bounded_int(value, 1, MAX_COUNT, "a count")


def _offset(value: str) -> int:
    """A character offset into a source's text."""
    return _bounded_int(value, 0, MAX_ID, "a character offset")


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line, ``briefer: error: …``, exit 1, like every other error."""

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix("briefer").strip()
        message = " ".join(message.split())
        self.exit(1, f"briefer: error: {where + ': ' if where else ''}{message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--store",
        default=argparse.SUPPRESS,
        help="store file or SQLAlchemy URL (default: $BRIEFER_STORE or the user data folder)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    p = _Parser(
        prog="briefer",
        description="Meeting briefs: industry position beside official outcome. "
        "Without a command, opens the window.",
        parents=[common],
    )
    p.add_argument("--version", action="version", version=f"briefer {__version__}")
    p.add_argument("--benchmark-startup", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", parents=[common], help="open the window (the default)")
    sub.add_parser("demo", parents=[common], help="create or open a store and load the seeds")

    imp = sub.add_parser("import", parents=[common], help="import files or folders")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--kind", required=True, help="industry, official or other")
    imp.add_argument("--title")
    imp.add_argument("--short-title")
    imp.add_argument("--date", type=_date)
    imp.add_argument("--org", action="append", dest="orgs", help="organisation (repeatable)")
    imp.add_argument("--lang")
    imp.add_argument("--dry-run", action="store_true", help="show what would be created")

    srcs = sub.add_parser("sources", parents=[common], help="list sources")
    srcs.add_argument("--kind")

    src = sub.add_parser("source", parents=[common], help="show, edit or delete a source")
    src_sub = src.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = src_sub.add_parser("show", parents=[common], help="metadata, text and passages")
    show.add_argument("id", type=_id)
    edit = src_sub.add_parser("edit", parents=[common], help="edit metadata")
    edit.add_argument("id", type=_id)
    edit.add_argument("--title")
    edit.add_argument("--short-title")
    edit.add_argument("--kind")
    edit.add_argument("--date", type=_date)
    edit.add_argument("--org", action="append", dest="orgs")
    edit.add_argument("--lang")
    edit.add_argument("--url", help="where the source can be found again (cited in the annex)")
    edit.add_argument("--reference", help="the document's own reference, e.g. COM(2023) 123")
    edit.add_argument(
        "--marking", help="its protective marking, e.g. OFFICIAL-SENSITIVE, LIMITE, 機密性2"
    )
    delete = src_sub.add_parser("delete", parents=[common], help="delete a source")
    delete.add_argument("id", type=_id)

    sub.add_parser("topics", parents=[common], help="list topics with passage counts")
    topic = sub.add_parser("topic", parents=[common], help="show and edit topics")
    t_sub = topic.add_subparsers(dest="action", required=True, metavar="ACTION")
    t_show = t_sub.add_parser("show", parents=[common], help="passages grouped by kind")
    t_show.add_argument("name")
    t_add = t_sub.add_parser("add", parents=[common], help="add a topic")
    t_add.add_argument("name")
    t_add.add_argument("--alias", action="append", default=[])
    t_add.add_argument("--description", default="")
    t_ren = t_sub.add_parser("rename", parents=[common])
    t_ren.add_argument("name")
    t_ren.add_argument("new_name")
    t_merge = t_sub.add_parser("merge", parents=[common], help="merge NAME into INTO")
    t_merge.add_argument("name")
    t_merge.add_argument("into")
    t_al = t_sub.add_parser("aliases", parents=[common], help="replace a topic's aliases")
    t_al.add_argument("name")
    t_al.add_argument("aliases", nargs="*")
    t_del = t_sub.add_parser("delete", parents=[common])
    t_del.add_argument("name")
    t_learn = t_sub.add_parser(
        "learned", parents=[common], help="words your manual tags taught a topic"
    )
    t_learn.add_argument("name")
    t_learn_do = t_learn.add_mutually_exclusive_group()
    t_learn_do.add_argument("--reset", action="store_true", help="forget them and re-tag")
    t_learn_do.add_argument("--retag", action="store_true", help="re-tag the library with them")

    for verb in ("tag", "untag"):
        tg = sub.add_parser(verb, parents=[common], help=f"{verb} a passage (manual, kept)")
        tg.add_argument("passage_id", type=_id)
        tg.add_argument("topic")

    se = sub.add_parser("search", parents=[common], help="full-text search over passages")
    se.add_argument("query")
    se.add_argument("--kind", action="append", default=[])
    se.add_argument("--topic", action="append", default=[])
    se.add_argument("--source", action="append", type=_id, default=[])
    se.add_argument("--since", type=_date)
    se.add_argument("--until", type=_date)
    se.add_argument("--limit", type=_count, default=20)
    se.add_argument("--include-furniture", action="store_true")

    for extra in _EXTRA_PARSERS:
        extra(sub, common)
    return p


#: Other modules (briefs, export) add their sub-commands here.
_EXTRA_PARSERS: list[Callable[[Any, argparse.ArgumentParser], None]] = []


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def emit(ns: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if getattr(ns, "json", False):
        json.dump(to_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        out = text()
        if out:
            print(escape_controls(out))  # stored names may predate clean_label


def _fmt_date(d: date | None) -> str:
    return d.isoformat() if d else "—"


def run(ns: argparse.Namespace) -> int:
    from briefer.bootstrap import open_for_use

    try:
        if ns.command in _LOCATION_HANDLERS:
            _LOCATION_HANDLERS[ns.command](ns, getattr(ns, "store", None))
            return 0
        store = open_for_use(getattr(ns, "store", None))
        try:
            _HANDLERS[ns.command](ns, store)
        finally:
            store.close()
    except BrieferError as exc:
        print(f"briefer: error: {escape_controls(' '.join(str(exc).split()))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`briefer coverage --json | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    if ns.command is None:
        build_parser().print_help()
        return 2
    return run(ns)


# Handlers live in cli_library (sources, topics, search) and other cli_* modules.
from briefer import cli_asks as _cli_asks  # noqa: E402,F401
from briefer import cli_briefs as _cli_briefs  # noqa: E402,F401
from briefer import cli_export as _cli_export  # noqa: E402,F401
from briefer import cli_library as _cli_library  # noqa: E402,F401
from briefer import cli_maintenance as _cli_maintenance  # noqa: E402,F401
from briefer import cli_team as _cli_team  # noqa: E402,F401
