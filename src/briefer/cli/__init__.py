"""The command line: scriptable, stable, every listing also as ``--json``.

The JSON shapes are a documented contract (README, "JSON contract"); add keys freely,
never rename or remove one.

Each command module has ``register(commands) -> handlers``; ``build_parser`` calls them in
the fixed order of ``MODULES`` (the order of ``briefer --help``), and ``run`` dispatches on
the command path ("brief pack"). Command modules import nothing heavy at import time
(SQLAlchemy, Alembic, python-docx, SudachiPy): their handlers do, so ``--help`` and
``--version`` start in a few tens of milliseconds (tests/cli/test_imports.py holds it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from briefer import __version__
from briefer.cli import asks, briefs, export, library, maintenance, overviews, team
from briefer.cli.args import (
    AtLocation,
    Commands,
    Creates,
    DirectHandler,
    Handlers,
    Parser,
    Reads,
)
from briefer.errors import BrieferError
from briefer.labels import escape_controls

#: Command modules in the order their commands appear in ``briefer --help``. ``team`` adds
#: actions to ``brief``, so it comes after ``briefs``.
MODULES = (library, asks, briefs, overviews, export, maintenance, team)


def _common() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument(
        "--store",
        default=argparse.SUPPRESS,
        help="store file or SQLAlchemy URL (default: $BRIEFER_STORE or the user data folder)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    return common


def _build(only: str | None = None) -> tuple[argparse.ArgumentParser, Handlers]:
    """The parser (in full, or with only the command ``only`` built) and every handler."""
    common = _common()
    p = Parser(
        prog="briefer",
        description="Meeting briefs: industry position beside official outcome. "
        "Without a command, opens the window.",
        parents=[common],
    )
    p.add_argument("--version", action="version", version=f"briefer {__version__}")
    p.add_argument("--benchmark-startup", action="store_true", help=argparse.SUPPRESS)
    commands = Commands(p.add_subparsers(dest="command", metavar="COMMAND"), common, only)
    commands.add("gui", help="open the window (the default)")  # briefer.app runs it
    handlers: Handlers = {}
    for module in MODULES:
        added = module.register(commands)
        clash = handlers.keys() & added.keys()
        if clash:  # pragma: no cover - a programming error, caught by any CLI test
            raise RuntimeError(f"{module.__name__} registers {sorted(clash)} again")
        handlers.update(added)
    return p, handlers


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser, in full."""
    return _build()[0]


def _command_word(args: Sequence[str]) -> str:
    """The command ``args`` name ("" for none): the first word that is not a top-level option
    or the value of ``--store``. A word that names no command is handled by argparse, which
    lists the commands."""
    words = iter(args)
    for word in words:
        if word == "--":
            return next(words, "")
        if len(word) > 2 and "--store".startswith(word):  # argparse takes "--st" for it too
            next(words, None)
        elif not word.startswith("-"):
            return word
    return ""


def parse_args(args: Sequence[str]) -> argparse.Namespace:
    """``args`` parsed by a parser that builds only the command they name (the same
    messages, help and errors as ``build_parser()``, in a fraction of the time)."""
    return _build(only=_command_word(args))[0].parse_args(list(args))


def command_path(ns: argparse.Namespace) -> str:
    """The handler's key: "search", "source show", "brief quote move", "asks"."""
    parts = [ns.command]
    for dest in ("action", "quote_action"):
        value = getattr(ns, dest, None)
        if value is not None:
            parts.append(value)
    return " ".join(parts)


def run(ns: argparse.Namespace) -> int:
    handler = _build(only=ns.command)[1][command_path(ns)]
    try:
        location = getattr(ns, "store", None)
        # A read on a current store file: sqlite3 alone (no server, so no password either).
        direct = handler.direct if isinstance(handler, Reads) else None
        if direct is not None and _run_direct(direct, ns, location):
            return 0
        from briefer.store import engines

        engines.password_prompt = engines.terminal_prompt  # a team store may ask for one
        if isinstance(handler, AtLocation):
            handler.run(ns, location)
            return 0
        from briefer.bootstrap import open_for_reading, open_for_use, retag_note

        if isinstance(handler, Reads):
            store, handler = open_for_reading(location), handler.run
        else:
            creates = isinstance(handler, Creates)  # else a missing store file is refused
            if isinstance(handler, Creates):
                handler = handler.run
            store = open_for_use(location, create=creates)
            note = None if command_path(ns) == "topic retag" else retag_note(store)
            if note:
                print(f"briefer: note: {note}", file=sys.stderr)
        try:
            handler(ns, store)
        finally:
            store.close()
    except BrieferError as exc:
        if str(exc):  # else the command said why already (args.Failed)
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


def _run_direct(direct: DirectHandler, ns: argparse.Namespace, location: str | None) -> bool:
    """Run a read-only command on a plain sqlite3 connection when the store allows it (a
    current SQLite store file in use); False to take the full path instead, which also
    gives any store problem its one-line message."""
    import sqlite3

    from briefer.bootstrap import open_direct

    con = open_direct(location)
    if con is None:
        return False
    try:
        return direct(ns, con)
    except sqlite3.Error:
        return False  # a damaged or changed file: the full path says what is wrong
    finally:
        con.close()


def main(argv: Sequence[str] | None = None) -> int:
    ns = parse_args(sys.argv[1:] if argv is None else argv)
    if ns.command is None:
        _build(only="")[0].print_help()
        return 2
    return run(ns)
