"""The command line's one path for an edit: apply a core operation, as the window does.

Every command that changes a brief builds an operation of ``briefer.briefs.operations`` and
hands it to :func:`apply`, the CLI's counterpart of the window's one ``OperationCommand``:
one transaction, and back comes the :class:`~briefer.briefs.changes.Applied` (the inverse,
what changed, any new id). There is no second, shortcut path through a service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the handlers only, so ``--help`` stays light
    from briefer.briefs.changes import Applied
    from briefer.briefs.operation_base import Operation
    from briefer.store import Store


def apply(store: Store, op: Operation) -> Applied:
    """Make the change in one transaction; raises ``BrieferError`` (nothing saved) if refused."""
    return op.apply(store)


def create(store: Store, op: Operation) -> int:
    """Apply an operation that creates a brief, section or quote; returns the new id."""
    created = apply(store, op).created_id
    if created is None:  # an operation that creates nothing was passed: a programming error
        raise TypeError(f"{type(op).__name__} creates nothing")
    return created
