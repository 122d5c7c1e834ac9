"""``backup [--to PATH | --list]`` and ``restore BACKUP [--yes]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import paths
from briefer.cli.args import AtLocation, Commands, Handlers
from briefer.cli.output import emit
from briefer.errors import StoreError

if TYPE_CHECKING:
    from briefer.store import Store


def register(commands: Commands) -> Handlers:
    b = commands.add("backup", help="back the store up now (into its backups folder)")
    b.add_argument("--to", type=Path, metavar="PATH", help="write the copy to this new file")
    b.add_argument("--list", action="store_true", help="list the store's backups, newest first")
    r = commands.add("restore", help="replace the store by a backup (a copy is kept first)")
    r.add_argument("backup", type=Path, metavar="BACKUP")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return {"backup": _backup, "restore": AtLocation(_restore)}


def _store_path(store: Store) -> Path:
    if not store.is_sqlite or store.label == ":memory:":
        raise StoreError("Backups are for store files; back a database server up with its tools.")
    return Path(store.label)


def _backup(ns: argparse.Namespace, store: Store) -> None:
    from briefer.store.backup import backup_dir, backup_store, list_backups

    path = _store_path(store)
    if ns.list:
        items = list_backups(path)
        emit(
            ns,
            {
                "folder": backup_dir(path),
                "backups": [
                    {"path": b.path, "taken_at": b.taken_at, "label": b.label, "size": b.size}
                    for b in items
                ],
            },
            lambda: (
                "\n".join(
                    f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.label:<24} {b.size:>10,}  {b.path}"
                    for b in items
                )
                or f"No backups in {backup_dir(path)}."
            ),
        )
        return
    made = backup_store(path, ns.to.expanduser().resolve() if ns.to else None)
    emit(ns, {"backup": made}, lambda: f"Backed up {path} to {made}")


def _restore(ns: argparse.Namespace, location: str | None) -> None:
    """Works without opening the current store, which may be the damaged one."""
    from briefer.store import default_store_path, open_store
    from briefer.store.backup import restore_store

    if location is not None and "://" in location:
        raise StoreError("Backups are for store files; restore a database server with its tools.")
    path = paths.resolve(location or default_store_path(), StoreError)
    source = paths.resolve(ns.backup, StoreError)
    paths.regular_or_new(path, what="the store to restore into", error=StoreError)
    if not paths.regular_or_new(source, what="a backup", error=StoreError):
        raise StoreError(f"{source}: no such file.")
    if not ns.yes:
        if not sys.stdin.isatty():
            raise StoreError(
                f"Restoring replaces everything in {path} by {source}; add --yes to confirm."
            )
        answer = input(f"Replace everything in {path} by {source}? A copy is kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise StoreError("Nothing was restored.")
    safety = restore_store(path, source)
    open_store(path).close()  # an older backup is upgraded to this version's schema
    emit(
        ns,
        {"store": path, "restored_from": source, "safety_backup": safety},
        lambda: (
            f"Restored {path} from {source}"
            + (f"; the previous content is in {safety}" if safety else "")
        ),
    )
