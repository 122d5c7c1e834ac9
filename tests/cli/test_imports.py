"""The command line's modules stand on their own and start light.

Each module imports in a fresh interpreter (no module relies on another having been
imported first), and importing ``briefer.cli`` loads none of the heavy libraries: those
are imported by the handlers that need them, so ``--help`` and ``--version`` stay fast.
These are structural checks, not timings (benchmarks/cli_startup.py measures the time).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import briefer.cli

PACKAGE = Path(briefer.cli.__file__).parent
MODULES = sorted(
    "briefer.cli" + ("" if p.stem == "__init__" else f".{p.stem}") for p in PACKAGE.glob("*.py")
)
#: Libraries a command may need but that must not load before its handler runs.
HEAVY = ("sqlalchemy", "alembic", "docx", "sudachipy", "lxml", "pypdf", "scipy", "PySide6")


def _loaded_after(statement: str) -> list[str]:
    code = f"import sys\n{statement}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_every_module_is_listed() -> None:
    assert "briefer.cli" in MODULES and "briefer.cli.library" in MODULES
    assert len(MODULES) == len(list(PACKAGE.glob("*.py")))


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_on_its_own(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert module in loaded


@pytest.mark.parametrize("module", MODULES)
def test_no_heavy_library_at_import_time(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    heavy = sorted({m.split(".")[0] for m in loaded} & set(HEAVY))
    assert heavy == []


def test_help_and_version_load_no_store_code() -> None:
    """``briefer --help`` builds every parser without touching the store's modules."""
    loaded = _loaded_after(
        "from briefer.app import main\n"
        "import contextlib, io\n"
        "for args in (['--help'], ['--version'], ['brief', 'set', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "        main(args)"
    )
    assert not [m for m in loaded if m.split(".")[0] in HEAVY or m.startswith("briefer.store")]
