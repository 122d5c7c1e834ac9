"""Paths the officer names: refused before anything opens them when they cannot be ours.

A FIFO blocks whoever opens it, a device (``/dev/full``) is not a file to replace, and a
loop of symbolic links makes ``Path.resolve`` raise. Store, restore, export and brief packs
all go through these two functions, so each refusal is one line in the officer's words.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefer.errors import BrieferError


def resolve(path: str | os.PathLike[str], error: type[BrieferError] = BrieferError) -> Path:
    """``path`` made absolute (``~`` expanded, links followed); ``error`` for a link loop."""
    raw = Path(os.fspath(path)).expanduser()
    try:
        return raw.resolve()
    except RuntimeError as exc:  # Python < 3.13: "Symlink loop from ..."
        raise error(f"{raw} cannot be used: it is a loop of symbolic links.") from exc
    except OSError as exc:
        raise error(f"{raw} cannot be used: {exc.strerror or exc}.") from exc


def regular_or_new(path: Path, *, what: str, error: type[BrieferError] = BrieferError) -> bool:
    """True for an existing regular file, False for a path that does not exist yet.

    Anything else (a folder, a FIFO, a device, a socket, a link loop) raises ``error`` without
    opening it; ``what`` names the role in the message ("the store", "the export").
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):  # a dangling link: writing through it lands elsewhere
            raise error(f"{path} is a broken symbolic link, so it cannot be {what}.") from None
        return False
    except OSError as exc:
        raise error(f"{path} cannot be used as {what}: {exc.strerror or exc}.") from exc
    if stat.S_ISDIR(st.st_mode):
        raise error(f"{path} is a folder, so it cannot be {what}.")
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a pipe (FIFO)"
            if stat.S_ISFIFO(st.st_mode)
            else "a device"
            if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket"
            if stat.S_ISSOCK(st.st_mode)
            else "not a regular file"
        )
        raise error(f"{path} is {kind}, not a regular file, so it cannot be {what}.")
    return True
