"""Where a PDF export keeps the brief while LibreOffice converts it, and who cleans up.

A brief may be OFFICIAL-SENSITIVE: its DOCX and PDF copies never go to the shared system
temp folder. They live in a private (0700) folder under the officer's own cache
(``user_cache_dir("Briefer")/pdf-export``), marked with the exporting process's id.

Three nets, because a kill skips every ``finally``:
- the converter runs under a small guard process (``python -m briefer.pdf_work``, this module)
  that holds a pipe from Briefer; when Briefer dies the pipe closes, and the guard kills
  LibreOffice's whole process group and deletes the work folder;
- the next PDF export and the next start (``clean_stale``) delete work folders whose process
  is gone or that are older than ``STALE_AFTER_S``;
- a normal end deletes its folder in ``finally``.

Top-level and free of heavy imports (not under ``briefer.export``, whose package loads
python-docx): bootstrap calls ``clean_stale`` on every start and the guard starts fast.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PREFIX = "work-"
OWNER_FILE = "owner.pid"
#: A work folder this old is stale even if its process id was reused.
STALE_AFTER_S = 6 * 3600
CACHE_ENV = "BRIEFER_CACHE_DIR"


def work_root() -> Path:
    """``$BRIEFER_CACHE_DIR/pdf-export`` or the user cache folder's ``pdf-export``."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser() / "pdf-export"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Briefer", appauthor=False)) / "pdf-export"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(root: Path | None = None) -> list[Path]:
    """Delete work folders left by a killed export; returns what was deleted."""
    root = work_root() if root is None else root
    removed: list[Path] = []
    try:
        entries = [e for e in root.iterdir() if e.name.startswith(PREFIX)]
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        try:
            pid = int((entry / OWNER_FILE).read_text(encoding="ascii").strip() or 0)
        except (OSError, ValueError):
            pid = 0
        try:
            old = now - entry.stat().st_mtime > STALE_AFTER_S
        except OSError:
            continue
        if pid == os.getpid() and not old:
            continue
        if old or not _alive(pid):
            shutil.rmtree(entry, ignore_errors=True)
            if not entry.exists():
                removed.append(entry)
    return removed


def make_work_dir() -> Path:
    """A new private work folder, marked with this process's id."""
    root = work_root()
    root.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(root, 0o700)
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))  # mkdtemp: mode 0700
    (folder / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
    return folder


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` and everything it started (it leads its own process group)."""
    if proc.poll() is not None:
        return
    if os.name == "nt":  # pragma: no cover - Windows: taskkill walks the process tree
        subprocess.run(
            ["taskkill", "/T", "/F", "/PID", str(proc.pid)], capture_output=True, check=False
        )
    else:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def run_guarded(command: list[str], work: Path, timeout: float) -> tuple[int, str]:
    """Run ``command`` under the guard; (exit code, last line of its output).

    Raises ``subprocess.TimeoutExpired`` after ``timeout`` seconds (the converter's group is
    killed first) and ``OSError`` when the command cannot be started.
    """
    log = work / "converter.log"
    if getattr(sys, "frozen", False):  # no interpreter to run the guard with: run directly
        with log.open("wb") as out:
            proc = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True
            )
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            raise
        return code, _last_line(log)
    if shutil.which(command[0]) is None and not Path(command[0]).is_file():
        raise FileNotFoundError(2, "No such file or directory", command[0])
    guard = subprocess.Popen(
        [sys.executable, "-m", "briefer.pdf_work", str(work), str(log), *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        code = guard.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        guard.stdin.close()  # type: ignore[union-attr]  # the guard kills the converter group
        with contextlib.suppress(subprocess.TimeoutExpired):
            guard.wait(timeout=15)
        raise
    finally:
        with contextlib.suppress(OSError):
            guard.stdin.close()  # type: ignore[union-attr]
    return code, _last_line(log)


def _last_line(log: Path) -> str:
    try:
        text = log.read_bytes().decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return text.splitlines()[-1] if text else ""


def main(argv: list[str]) -> int:
    work, log, command = Path(argv[0]), Path(argv[1]), argv[2:]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=out,
            start_new_session=os.name != "nt",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )

    def watch_parent() -> None:
        with contextlib.suppress(OSError):
            while os.read(0, 4096):  # b"" at EOF: Briefer closed the pipe or died
                pass
        if proc.poll() is None:
            kill_group(proc)
            for _ in range(40):  # the converter's children may still be closing files
                shutil.rmtree(work, ignore_errors=True)
                if not work.exists():
                    break
                time.sleep(0.25)
            os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()
    code = proc.wait()
    sys.stdout.flush()
    os._exit(code if code >= 0 else 128 - code)  # no interpreter shutdown under the thread


if __name__ == "__main__":
    main(sys.argv[1:])
