"""The local store: typed models, opening and migrating, units of work, search."""

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
