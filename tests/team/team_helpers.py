"""Helpers for the team-store tests: every row of a store, a brief with quotes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from briefer.briefs import operations as ops
from briefer.library.sources import get_source
from briefer.library.topics import get_topic
from briefer.store import Store
from briefer.store.copy import tables

DPC = 2  # 2nd Digital Partnership Council (official), in seed order
INDUSTRY = 1  # the joint industry letter


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):  # the instant, whatever the engine's time-zone handling
        return (value if value.tzinfo else value.astimezone()).timestamp()
    return value


def all_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every model table, in primary-key order, engine-neutral."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table in tables():
            pk = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*pk)).all()
            out[table.name] = [tuple(_plain(v) for v in row) for row in rows]
    return out


def make_brief(store: Store) -> int:
    """A brief on submarine cables with an industry and an official quote."""
    bid = (
        ops.CreateBrief("EU–Japan Digital Partnership Council", {"venue": "Tokyo"})
        .apply(store)
        .created_id
    )
    section = ops.AddSection(bid, get_topic(store, "Submarine cables").id).apply(store).created_id
    for source_id in (INDUSTRY, DPC):
        detail = get_source(store, source_id)
        p = next(p for p in detail.passages if p.content and len(p.text) > 80)
        ops.AddQuote(section, source_id, p.start, p.end).apply(store)
    ops.UpdateSectionFields(section, {"notes": "Ask about the Arctic route."}).apply(store)
    return bid
