"""LibreOffice profiles for the tests' conversions, set up once per test process.

Every conversion runs LibreOffice with a new, private profile folder (the export's
``-env:UserInstallation``), and LibreOffice spends about a third of a short conversion's CPU
(0.9 of 3 s) filling a new profile in. The first conversion in a process fills its profile as
the app's always does; the profile it leaves is kept, and each later conversion's new profile
folder starts as a copy of it (0.5 MB). The conversions and their files are the same.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

_template: Path | None = None


def profile_of(command: list[str]) -> Path | None:
    """The profile folder a LibreOffice command line names, if any."""
    for arg in command:
        if arg.startswith("-env:UserInstallation="):
            return Path(unquote(urlparse(arg.partition("=")[2]).path))
    return None


@contextmanager
def warm(profile: Path | None) -> Iterator[Callable[[], None]]:
    """Around one conversion with ``profile``: copy the kept profile in first (when the folder
    is new). The conversion calls what this yields once it has succeeded; its profile is then
    kept when none is yet (never one a killed or failed conversion left half written)."""
    global _template
    if profile is not None and _template is not None and not profile.exists():
        shutil.copytree(_template, profile, symlinks=True)
    succeeded = False

    def done() -> None:
        nonlocal succeeded
        succeeded = True

    yield done
    if succeeded and profile is not None and _template is None and (profile / "user").is_dir():
        folder = Path(tempfile.mkdtemp(prefix="briefer-lo-profile-"))
        atexit.register(shutil.rmtree, folder, True)
        shutil.copytree(profile, folder / "profile", symlinks=True)
        _template = folder / "profile"


def convert(soffice: str, docs: list[Path], fmt: str, outdir: Path, timeout: float) -> None:
    """Convert ``docs`` to ``fmt`` into ``outdir`` with LibreOffice in one run, its private
    profile under ``outdir`` started from the kept one (``warm``)."""
    import subprocess

    profile = outdir / "lo-profile"
    with warm(profile) as succeeded:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                *map(str, docs),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        succeeded()
