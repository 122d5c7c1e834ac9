"""The pieces every command module builds its parsers from.

``Commands`` is what ``register`` receives: the top-level sub-commands, the options every
command shares (``--store``, ``--json``), and the action groups that modules registered
earlier opened (``brief``), so a later module adds actions to them without reaching into
argparse. ``Handlers`` is what ``register`` returns: the command path ("brief pack") to the
function that runs it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

from briefer.errors import BrieferError

if TYPE_CHECKING:
    import sqlite3

    from briefer.store import Store

#: The largest id the store can hold (SQLite and PostgreSQL bigint).
MAX_ID = 2**63 - 1
#: The most rows a listing returns (search ranks at most 1,000 matches anyway).
MAX_COUNT = 10_000


class Failed(BrieferError):
    """The command failed and has said why already (each failed file, once): exit 1 with
    nothing more on stderr."""

    def __init__(self) -> None:
        super().__init__("")


class Parser(argparse.ArgumentParser):
    """Usage mistakes are one line, ``briefer: error: …``, exit 1, like every other error."""

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix("briefer").strip()
        message = " ".join(message.split())
        self.exit(1, f"briefer: error: {where + ': ' if where else ''}{message}\n")


def parse_date(value: str) -> date:
    """A date as the window reads one (``ingest.typed_date``): 2025-05-12, 12 May 2025,
    2025年5月12日...; "05/06/2025", which reads both ways, is refused rather than guessed."""
    from briefer.ingest.typed_date import ACCEPTED, AmbiguousDate, parse_typed_date

    try:
        parsed = parse_typed_date(value)
    except AmbiguousDate:
        raise argparse.ArgumentTypeError(
            f"{value[:40]!r} reads as two dates (day or month first?): write it as {ACCEPTED}"
        ) from None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"{value[:40]!r} is not a date: write it as {ACCEPTED}")
    return parsed


def parse_date_or_clear(value: str) -> date | str:
    """``parse_date``, or "" (clear the date) for an empty value."""
    return "" if not value.strip() else parse_date(value)


def _bounded_int(value: str, low: int, high: int, what: str) -> int:
    text = value.strip().replace("_", "")
    if not (text.isascii() and text.lstrip("+-").isdigit()) or len(text) > 25:
        raise argparse.ArgumentTypeError(f"{value[:40]!r} is not {what}")
    number = int(text)
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"{value[:40]} is not {what} (from {low} to {high:,})")
    return number


def parse_id(value: str) -> int:
    """An id on the command line: a whole number the store can hold (no OverflowError later)."""
    return _bounded_int(value, 1, MAX_ID, "an id")


def parse_count(value: str) -> int:
    """A count or limit on the command line."""
    return _bounded_int(value, 1, MAX_COUNT, "a count")


def parse_offset(value: str) -> int:
    """A character offset into a source's text."""
    return _bounded_int(value, 0, MAX_ID, "a character offset")


# Each handler receives the parsed arguments and the open store.
Handler = Callable[[argparse.Namespace, "Store"], None]
# A handler that must work when the store cannot be opened (restore a damaged store,
# copy between two stores): it gets the store's location instead of an open store.
LocationHandler = Callable[[argparse.Namespace, "str | None"], None]


class AtLocation:
    """Marks a handler that opens (or restores) stores itself."""

    __slots__ = ("run",)

    def __init__(self, run: LocationHandler) -> None:
        self.run = run


# A read-only handler on a plain sqlite3 connection (``bootstrap.open_direct``): True when
# it ran, False when this invocation needs the full path (``run``) after all.
DirectHandler = Callable[[argparse.Namespace, "sqlite3.Connection"], bool]


class Reads:
    """Marks a handler that only reads: ``run`` opens the store with ``open_for_reading``
    (no backup, no migration check when the schema is current; see briefer.bootstrap).

    ``direct``, when given, runs the same command on a current SQLite store file with
    ``sqlite3`` alone, without importing SQLAlchemy or the models (most of a short
    command's time): the same queries (``store.search``) and the same output."""

    __slots__ = ("direct", "run")

    def __init__(self, run: Handler, direct: DirectHandler | None = None) -> None:
        self.run = run
        self.direct = direct


class Creates:
    """Marks a handler that adds content (demo, import, a new brief): it may make a new
    store file, in a folder that exists. Every other command refuses a store file that does
    not exist (``bootstrap.check_location``): a mistyped ``--store`` is not an empty library.
    """

    __slots__ = ("run",)

    def __init__(self, run: Handler) -> None:
        self.run = run


Handlers = dict[str, "Handler | AtLocation | Reads | Creates"]


class _Unused:
    """Stands in for the parser of a command this run does not use: every call is accepted
    and builds nothing."""

    def __getattr__(self, _name: str) -> Any:
        return lambda *_args, **_kwargs: self


UNUSED: Any = _Unused()


class Commands:
    """Where a command module registers its parsers (plain classes here, not dataclasses:
    importing ``dataclasses`` costs more than all the parsers take to build).

    With ``only`` set, only that command's parser is built in full: the others are listed
    (name and help, as ``--help`` shows them) and their options skipped. Building all 56
    parsers takes about as long as the interpreter takes to start (argparse looks its
    message catalogue up for each); ``only=""`` builds none (``--help``, ``--version``).
    """

    def __init__(self, sub: Any, common: argparse.ArgumentParser, only: str | None = None) -> None:
        self.sub = sub  # the top-level ``add_subparsers()`` action
        self.common = common
        self.only = only
        self.groups: dict[str, Any] = {}

    def add(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A top-level command that takes the shared options."""
        if self.only is not None and name != self.only:
            self.sub.add_parser(name, add_help=False, **kwargs)
            return UNUSED  # type: ignore[no-any-return]
        parser: argparse.ArgumentParser = self.sub.add_parser(name, parents=[self.common], **kwargs)
        return parser

    def actions(self, name: str, parser: argparse.ArgumentParser, **kwargs: Any) -> Any:
        """Open the ACTION group of a command; later modules find it as ``groups[name]``."""
        if parser is UNUSED:
            self.groups[name] = UNUSED
            return UNUSED
        group = parser.add_subparsers(dest="action", metavar="ACTION", **kwargs)
        self.groups[name] = group
        return group

    def action(self, name: str, action: str, **kwargs: Any) -> argparse.ArgumentParser:
        """An action of a command (``brief pack``) that takes the shared options."""
        group = self.groups[name]
        if group is UNUSED:
            return UNUSED  # type: ignore[no-any-return]
        parser: argparse.ArgumentParser = group.add_parser(action, parents=[self.common], **kwargs)
        return parser
