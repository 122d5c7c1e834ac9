"""Backups of a store file: rolling copies on open, copies on demand, restore.

Copies are made with SQLite's online backup API (a consistent snapshot even while another
Briefer writes) into ``backups/`` beside the store, named
``<store>-<YYYYmmdd-HHMMSS-ffffff>-<label>.sqlite``; the newest ``BRIEFER_BACKUP_KEEP``
(default 10) are kept. An automatic copy is skipped when the store file has not changed
since the last one (size and modification time of the file and its WAL).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from briefer.errors import StoreError

BACKUP_DIR_ENV = "BRIEFER_BACKUP_DIR"
BACKUP_KEEP_ENV = "BRIEFER_BACKUP_KEEP"
DEFAULT_KEEP = 10
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a store."""

    path: Path
    taken_at: datetime
    label: str
    size: int


def backup_dir(store_path: Path) -> Path:
    """``$BRIEFER_BACKUP_DIR`` or ``backups/`` beside the store."""
    env = os.environ.get(BACKUP_DIR_ENV)
    return Path(env).expanduser() if env else store_path.parent / "backups"


def keep_count() -> int:
    """How many backups to keep per store; 0 turns automatic backups off."""
    raw = os.environ.get(BACKUP_KEEP_ENV, "")
    try:
        return max(int(raw), 0) if raw.strip() else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def fingerprint(store_path: Path) -> list[list[int] | None]:
    """Size and mtime of the store file and its WAL: cheap, changes with every commit."""
    out: list[list[int] | None] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{store_path}{suffix}")
        except OSError:
            out.append(None)
        else:
            # An empty WAL is what an open, idle store has: the same content as none.
            out.append([st.st_size, st.st_mtime_ns] if st.st_size or not suffix else None)
    return out


def _pattern(store_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(store_path.stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-([a-z][a-z0-9-]*)\.sqlite$"
    )


def list_backups(store_path: Path) -> list[BackupInfo]:
    """This store's backups in its backup folder, newest first."""
    folder = backup_dir(store_path)
    pattern = _pattern(store_path)
    found: list[BackupInfo] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = pattern.match(entry.name)
        if not m:
            continue
        try:
            size = entry.stat().st_size
            taken = datetime.strptime(m.group(1), _STAMP)
        except (OSError, ValueError):
            continue
        found.append(BackupInfo(entry, taken, m.group(2), size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def _os_message(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, target: Path) -> Path:
    """Copy the SQLite database ``source`` to ``target`` (a new file) with the backup API.

    Written to a temporary file beside ``target`` and renamed into place, so a full disk or a
    crash never leaves a half-written copy under the final name.
    """
    if target.exists():
        raise StoreError(f"{target} already exists; choose a new file name for the backup.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the backup folder {target.parent}: {_os_message(exc)}."
        ) from exc
    part = target.with_name(f".{target.name}.part")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, target)
        _fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        reason = _os_message(exc) if isinstance(exc, OSError) else str(exc)
        if "full" in reason.lower():
            reason = "the disk is full"
        raise StoreError(f"Cannot write the backup {target}: {reason}.") from exc
    return target


def _new_backup_path(store_path: Path, label: str) -> Path:
    folder = backup_dir(store_path)
    now = datetime.now()
    while True:
        candidate = folder / f"{store_path.stem}-{now.strftime(_STAMP)}-{label}.sqlite"
        if not candidate.exists():
            return candidate
        now = now.replace(microsecond=(now.microsecond + 1) % 1_000_000)


def _manifest(store_path: Path) -> Path:
    return backup_dir(store_path) / f".{store_path.stem}.last-backup.json"


def _record(store_path: Path, backup: Path, print_: list[list[int] | None]) -> None:
    with contextlib.suppress(OSError):
        _manifest(store_path).write_text(
            json.dumps({"fingerprint": print_, "backup": backup.name}), encoding="utf-8"
        )


def unchanged_since_last_backup(store_path: Path) -> bool:
    """True when the newest automatic backup already holds the store as it is now."""
    try:
        data = json.loads(_manifest(store_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint(store_path):
        return False
    return (backup_dir(store_path) / str(data.get("backup", ""))).is_file()


def prune(store_path: Path, keep: int | None = None, *, spare: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups of the store; returns what was deleted."""
    keep = keep_count() if keep is None else keep
    removed: list[Path] = []
    for info in list_backups(store_path)[max(keep, 1) :]:
        if spare is not None and info.path == spare:
            continue
        with contextlib.suppress(OSError):
            info.path.unlink()
            removed.append(info.path)
    return removed


def backup_store(store_path: Path, target: Path | None = None, *, label: str = "manual") -> Path:
    """Back the store up now: to ``target``, or into the backup folder (then pruned)."""
    store_path = Path(store_path)
    if not store_path.is_file():
        raise StoreError(f"There is no store at {store_path} to back up.")
    if target is not None:
        return copy_database(store_path, Path(target))
    print_ = fingerprint(store_path)
    made = copy_database(store_path, _new_backup_path(store_path, label))
    _record(store_path, made, print_)
    prune(store_path, spare=made)
    return made


def backup_on_open(store_path: Path, *, label: str = "auto", force: bool = False) -> Path | None:
    """The automatic backup when a store is opened; None when skipped (unchanged or off)."""
    store_path = Path(store_path)
    if not force and (keep_count() == 0 or unchanged_since_last_backup(store_path)):
        return None
    return backup_store(store_path, label=label)


# --------------------------------------------------------------------------- restore


def store_revision(path: Path) -> str:
    """The schema revision of a Briefer store file; StoreError for anything else."""
    from briefer.store.db import SQLITE_MAGIC, _check_is_ours

    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such file.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {_os_message(exc)}.") from exc
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a Briefer store (it is not an SQLite database).")
    _check_is_ours(path)  # refuses foreign databases and newer schemas
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
            check = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path} is not a readable Briefer store ({exc}).") from exc
    if rev is None:
        raise StoreError(f"{path} is an empty database, not a Briefer store.")
    if check is None or check[0] != "ok":
        raise StoreError(f"{path} is damaged ({check[0] if check else 'no check result'}).")
    return str(rev[0])


def _fts_indexes(con: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'"
            " AND lower(sql) LIKE '%using fts5%'"
        )
    ]


def backup_problems(path: Path, revision: str) -> list[str]:
    """What is wrong with the Briefer store file ``path`` (already known to be ours), or [].

    The full check a restore needs (``quick_check`` misses a dropped table and damaged
    full-text blocks): ``integrity_check``, each FTS5 index's ``integrity-check``, the
    tables and columns against the models (at the current schema), foreign keys, and each
    passage's offsets within its source's text. ``path`` must be a private copy: FTS5 runs
    its check as an INSERT, so the file is opened for writing (and rolled back).
    """
    from briefer.store.db import SCHEMA_HEAD, one_line
    from briefer.store.models import Base

    problems: list[str] = []
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = DELETE")  # no -wal/-shm left beside the copy
        rows = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
        if rows != ["ok"]:
            return [f"the file is damaged ({'; '.join(rows)[:200]})"]
        con.execute("BEGIN")
        try:
            for name in _fts_indexes(con):
                try:
                    con.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'integrity-check\')')
                except sqlite3.Error as exc:
                    problems.append(f"its search index {name} is damaged ({one_line(exc)})")
                except MemoryError:
                    # sqlite3 raises SQLITE_NOMEM as MemoryError: a damaged block whose size
                    # field asks for more memory than there is (random bytes often do)
                    problems.append(
                        f"its search index {name} is damaged (a block claims an impossible size)"
                    )
        finally:
            con.execute("ROLLBACK")
        if revision == SCHEMA_HEAD:
            for table in Base.metadata.sorted_tables:
                have = {r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')}
                if not have:
                    problems.append(f"its {table.name} table is missing")
                    continue
                lacking = sorted(c.name for c in table.columns if c.name not in have)
                if lacking:
                    problems.append(f"its {table.name} table lacks {', '.join(lacking)}")
        if problems:
            return problems
        broken_links = con.execute("PRAGMA foreign_key_check").fetchall()
        if broken_links:
            problems.append(
                f"{len(broken_links)} rows point at rows that do not exist "
                f"(first in table {broken_links[0][0]})"
            )
        columns = {r[1] for r in con.execute("PRAGMA table_info(source)")}
        chunked = "text" not in columns  # 0014: the text is in source_chunk
        bad = con.execute(
            "SELECT count(*), min(p.id) FROM passage AS p LEFT JOIN source AS s"
            ' ON s.id = p.source_id WHERE s.id IS NULL OR p.start < 0 OR p."end" < p.start'
            + (' OR p."end" > s.length' if chunked else ' OR p."end" > length(s.text)')
        ).fetchone()
        if bad and bad[0]:
            problems.append(
                f"{bad[0]} passages lie outside their source's text (first: passage {bad[1]})"
            )
        if chunked:
            problems.extend(_chunk_problems(con))
    except sqlite3.Error as exc:
        problems.append(f"it cannot be read ({exc})")
    finally:
        con.close()
    return problems


def _chunk_problems(con: sqlite3.Connection) -> list[str]:
    """The text chunks of each source must follow each other without gap or overlap and
    add up to the source's length (``store/texts.py``)."""
    problems = []
    gaps = con.execute(
        "SELECT count(*), min(source_id) FROM (SELECT source_id, start, lag(start + length(text),"
        " 1, 0) OVER (PARTITION BY source_id ORDER BY start) AS expected FROM source_chunk)"
        " WHERE start != expected"
    ).fetchone()
    if gaps and gaps[0]:
        problems.append(f"{gaps[0]} pieces of source text are out of place (source {gaps[1]})")
    short = con.execute(
        "SELECT count(*), min(s.id) FROM source AS s WHERE s.length != coalesce("
        "(SELECT sum(length(c.text)) FROM source_chunk AS c WHERE c.source_id = s.id), 0)"
    ).fetchone()
    if short and short[0]:
        problems.append(f"{short[0]} sources lack part of their text (first: source {short[1]})")
    return problems


def _checked_copy(backup: Path, store_path: Path) -> Path:
    """A private copy of ``backup`` beside the store, fully checked; StoreError otherwise.

    The copy is what is restored, so what was checked is what lands in the store (the backup
    may sit on a shared drive that changes under us), and the backup itself is never opened
    for writing.
    """
    revision = store_revision(backup)
    copy = store_path.with_name(f".{store_path.name}.restore-check")
    with contextlib.suppress(OSError):
        copy.unlink(missing_ok=True)
    try:
        copy_database(backup, copy)
    except StoreError as exc:
        raise StoreError(f"Cannot restore into {store_path}: {exc}") from exc
    problems = backup_problems(copy, revision)
    if problems:
        copy.unlink(missing_ok=True)
        raise StoreError(
            f"{backup} was not restored: {'; '.join(problems)}. The current store is unchanged."
        )
    return copy


def restore_store(store_path: Path, backup: Path) -> Path | None:
    """Replace the store's content by ``backup``; returns the safety copy taken first.

    The backup is checked first (a Briefer store, not newer, not damaged); the current store
    is copied to the backup folder (label ``before-restore``); then the content is replaced
    in one SQLite transaction, so a failure leaves the current store as it was.
    """
    store_path, backup = Path(store_path), Path(backup)
    if store_path.exists() and backup.exists() and os.path.samefile(store_path, backup):
        raise StoreError(f"{backup} is the store itself; choose a backup file.")
    checked = _checked_copy(backup, store_path)
    try:
        return _restore_checked(store_path, backup, checked)
    finally:
        with contextlib.suppress(OSError):
            checked.unlink(missing_ok=True)


def _restore_checked(store_path: Path, backup: Path, checked: Path) -> Path | None:
    safety = None
    if store_path.is_file() and store_path.stat().st_size > 0:
        try:
            safety = backup_store(store_path, label="before-restore")
        except StoreError:
            # The store is damaged (often why one restores): keep its bytes aside instead.
            safety = _set_aside(store_path)
    try:
        src = sqlite3.connect(f"file:{checked}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(store_path, timeout=10)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        from briefer.store.uow import store_error

        mapped = store_error(exc)
        reason = str(mapped) if mapped else str(exc)
        raise StoreError(f"Cannot restore {backup} into {store_path}: {reason}") from exc
    return safety


def _set_aside(store_path: Path) -> Path:
    """Move an unreadable store (and its WAL files) into the backup folder, untouched."""
    folder = backup_dir(store_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{store_path.stem}-{stamp}-damaged{store_path.suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)  # a read-only mount fails here
        os.replace(store_path, target)
        for suffix in ("-wal", "-shm"):
            extra = store_path.with_name(store_path.name + suffix)
            if extra.exists():
                os.replace(extra, target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreError(
            f"Cannot move the store {store_path} aside before restoring: {_os_message(exc)}; "
            "nothing was restored."
        ) from exc
    return target


# --------------------------------------------------------------------------- cloud folders

_CLOUD_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("OneDrive", re.compile(r"^onedrive(?:$|[ -].*)", re.I)),
    ("Dropbox", re.compile(r"^dropbox(?:$|[ (-].*)", re.I)),
    ("iCloud Drive", re.compile(r"^(?:mobile documents|icloud ?drive|com~apple~clouddocs)$", re.I)),
    ("Google Drive", re.compile(r"^(?:google ?drive(?:$|[ -].*)|my drive|shared drives)$", re.I)),
    ("Box", re.compile(r"^box(?: sync)?$", re.I)),
)


def _parts(path: str | os.PathLike[str]) -> tuple[str, ...]:
    text = os.fspath(path)
    pure: PurePath
    if "\\" in text or re.match(r"^[A-Za-z]:", text):
        pure = PureWindowsPath(text)
    else:
        pure = PurePosixPath(text)
    return pure.parts


def cloud_sync_service(path: str | os.PathLike[str]) -> str | None:
    """The sync service whose folder holds ``path`` (OneDrive, Dropbox, ...), or None."""
    parts = _parts(path)[:-1]  # the folders, not the file name
    for i, part in enumerate(parts):
        if part.lower() == "cloudstorage" and i > 0 and parts[i - 1].lower() == "library":
            following = parts[i + 1] if i + 1 < len(parts) else ""
            for name, pattern in _CLOUD_PARTS:
                if pattern.match(following) or following.lower().startswith(name.lower()[:6]):
                    return name
            return "a cloud storage service"
        for name, pattern in _CLOUD_PARTS:
            if pattern.match(part):
                return name
    return None


def cloud_warning(path: str | os.PathLike[str]) -> str | None:
    """A warning for a store kept in a synced folder, or None."""
    service = cloud_sync_service(path)
    if service is None:
        return None
    folder = service if service.startswith("a ") else f"a {service}"
    return (
        f"The store {path} is in {folder} folder. Sync services copy the file while Briefer "
        "writes it and can corrupt it or create conflicting copies; keep the store in a local "
        "folder (use 'briefer backup --to' to put copies in the synced folder)."
    )
