"""The local store: typed models, opening and migrating, units of work, search.

The names below load their modules (and SQLAlchemy) on first use, so a module of the
package that needs neither (``store.schema``, ``store.direct``, ``store.search`` on a plain
``sqlite3`` connection) can be imported by the CLI's read-only commands without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefer.store.db import Store, default_store_path, open_store
    from briefer.store.uow import ConflictError, ReadSession, UnitOfWork

__all__ = [
    "ConflictError",
    "ReadSession",
    "Store",
    "UnitOfWork",
    "default_store_path",
    "open_store",
]

_HOMES = {
    "Store": "db",
    "default_store_path": "db",
    "open_store": "db",
    "ConflictError": "uow",
    "ReadSession": "uow",
    "UnitOfWork": "uow",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'briefer.store' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"briefer.store.{home}"), name)
    globals()[name] = value
    return value
