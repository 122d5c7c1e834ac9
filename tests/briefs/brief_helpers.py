"""Helpers for the briefs tests: seed source ids, spans, exact undo/redo checks."""

from __future__ import annotations

from typing import Any

from briefer.briefs import service
from briefer.briefs.operations import Operation
from briefer.library.sources import get_source
from briefer.store import Store

INDUSTRY = 1  # the seeds load in manifest order: the joint letter first
DPC = 2  # 2nd Digital Partnership Council (official, 2024)
WORKSHOP = 3  # 12th ICT Strategy Workshop (official, 2021)


def state(store: Store, brief_id: int) -> dict[str, Any]:
    """The brief as undo must restore it (revision and updated_at always move on)."""
    return service.strip_volatile(service.get_snapshot(store, brief_id, include_versions=True))


def spans(store: Store, source_id: int, n: int = 4, min_len: int = 60) -> list[tuple[int, int]]:
    """Offsets of the first ``n`` substantive content passages of a source."""
    detail = get_source(store, source_id)
    out = [
        (p.start, p.end)
        for p in detail.passages
        if p.content and p.kind != "heading" and len(p.text) >= min_len
    ]
    return out[:n]


def roundtrip(store: Store, op: Operation, brief_id: int) -> Operation:
    """Apply ``op``; its inverse must restore the exact prior state, and the inverse's
    inverse must redo it exactly. Returns the final inverse (the brief is left changed)."""
    before = state(store, brief_id)
    inverse = op.apply(store).inverse
    after = state(store, brief_id)
    assert isinstance(op.label, str) and op.label
    redo = inverse.apply(store).inverse
    assert state(store, brief_id) == before, f"undo of {op.label} is not exact"
    again = redo.apply(store).inverse
    assert state(store, brief_id) == after, f"redo of {op.label} is not exact"
    return again
