"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import json
from typing import Any

import pytest

from briefer.app import main

#: Source ids of the seed corpus, which loads in manifest order: the joint letter first.
INDUSTRY = 1


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)
