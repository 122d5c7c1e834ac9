"""Writing an export without ever leaving half a file: temporary file, then atomic rename.

Shared by every writer (DOCX, Markdown, PDF). Failures become one-line ``ExportError``s that
say what the officer can do (close the file in Word, free disk space, pick another folder).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from briefer import paths
from briefer.errors import ExportError

# Read once at import: os.umask is process-global and not thread-safe to query later.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _cannot_write(target: Path, exc: OSError) -> str:
    reason = exc.strerror or exc.__class__.__name__
    if exc.errno == errno.ENOSPC:
        return f"Cannot write {target}: the disk is full (nothing was written)"
    if exc.errno == errno.EROFS:
        return f"Cannot write {target}: the disk is read-only (nothing was written)"
    return (
        f"Cannot write {target}: it is open in another program or the folder is not writable "
        f"({reason})"
    )


#: A temporary file this old beside a target is left over from a killed export.
STALE_AFTER_S = 15 * 60


def clean_stale_temporaries(target: Path) -> list[Path]:
    """Delete ``.NAME.*.tmp`` files an export killed mid-way left beside ``target``.

    Only files older than ``STALE_AFTER_S``: a running export of the same name keeps its own.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = list(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            st = candidate.lstat()
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_AFTER_S:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Run ``write(tmp)`` on a temp file beside ``target`` then rename it into place.

    A crash or a locked target therefore never leaves a half-written brief, and the officer's
    previous export survives a failed one. Shared by all writers.
    """
    target = Path(target)
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"Cannot write {target}: a folder with that name already exists")
    if not folder.is_dir():
        raise ExportError(f"Cannot write {target}: the folder {folder} does not exist")
    # os.replace over a FIFO or a device (/dev/full, as root) would replace it by the brief
    paths.regular_or_new(target, what="an export", error=ExportError)
    clean_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(_cannot_write(target, exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp creates 0600 files; give the brief the permissions a normal save would.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(_cannot_write(target, exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return target
