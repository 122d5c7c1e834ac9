"""Alembic environment: run migrations on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from briefer.store.db import include_object
from briefer.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the store runs migrations
    raise RuntimeError("Briefer migrations run through briefer.store.db.open_store")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
