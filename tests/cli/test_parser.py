"""The parser ``briefer`` builds for one command behaves as the full parser: the same
namespace, the same help and the same one-line errors (``parse_args`` builds only the
command its arguments name, for start-up time)."""

from __future__ import annotations

import contextlib
import io

import pytest

from briefer import cli
from briefer.cli import _build

PATHS = sorted(_build()[1])


def _outcome(parse: object, args: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parse(args))  # type: ignore[operator]
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


def _full(args: list[str]) -> object:
    return cli.build_parser().parse_args(args)


def test_every_command_path_has_a_handler_and_a_parser() -> None:
    assert len(PATHS) >= 45
    assert {"search", "source show", "brief quote move", "store copy", "asks"} <= set(PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_help_is_the_full_parsers_help(path: str) -> None:
    args = [*path.split(), "--help"]
    targeted = _outcome(cli.parse_args, args)
    assert targeted == _outcome(_full, args)
    assert targeted[0] == ("exit", 0) and "usage: briefer" in targeted[1]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["--version"],
        ["--store", "s.sqlite"],
        ["--store", "search"],  # a store named like a command: no command, the window
        ["--st", "s.sqlite", "topics", "--json"],  # argparse's abbreviation of --store
        ["--store=s.sqlite", "search", "submarine cables", "--kind", "official"],
        ["--json", "brief", "show", "3", "--no-suggested"],
        ["source", "show", "1", "--json", "--store", "s.sqlite"],
        ["brief", "quote", "move", "1", "2", "--side", "official"],
        ["asks", "--status", "partly"],
        ["serch", "x"],
        ["search"],
        ["--bogus", "search", "x"],
        ["search", "x", "--limit", "0"],
        ["brief", "quote"],
        ["topics", "extra"],
        ["--", "search", "x"],
        ["--store"],
    ],
)
def test_same_namespace_or_error_as_the_full_parser(args: list[str]) -> None:
    assert _outcome(cli.parse_args, args) == _outcome(_full, args)
