"""One place where the GUI and the CLI open a store, so they cannot drift apart."""

from __future__ import annotations

import os

from sqlalchemy import func, select

from briefer.library.seeds import load_seeds
from briefer.store import ReadSession, Store, open_store
from briefer.store.models import Source, Topic


def is_empty(store: Store) -> bool:
    with ReadSession(store) as s:
        return not s.scalar(select(func.count()).select_from(Source)) and not s.scalar(
            select(func.count()).select_from(Topic)
        )


def open_for_use(
    location: str | os.PathLike[str] | None = None, *, seed_if_new: bool = False
) -> Store:
    """Open (and migrate) a store; a brand-new store gets the default topics, and the
    seed corpus too when ``seed_if_new`` (the GUI's first start)."""
    store = open_store(location)
    if is_empty(store):
        if seed_if_new:
            load_seeds(store)
        else:
            from briefer.library.topics import install_default_taxonomy
            from briefer.store import UnitOfWork

            with UnitOfWork(store) as uow:
                install_default_taxonomy(uow.session)
                uow.commit()
    return store
