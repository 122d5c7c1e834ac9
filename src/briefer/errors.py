"""Errors the user is meant to read.

Every exception here carries a one-line message written for the officer, not the developer.
The CLI prints ``str(exc)`` and exits non-zero; the GUI shows it in a dialog or status bar.
"""

from __future__ import annotations


class BrieferError(Exception):
    """Base class: a problem the user can understand and act on."""


class IngestError(BrieferError):
    """A file could not be read into a source (empty, binary, undecodable, too large...)."""


class DuplicateSourceError(IngestError):
    """The same content is already in the store."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class StoreError(BrieferError):
    """The store cannot be opened or used (not a Briefer store, newer schema, locked...)."""


class NotFoundError(BrieferError):
    """A source, topic, brief, section or quote the user named does not exist."""


class ExportError(BrieferError):
    """An export could not be written (target locked, not writable, converter missing...)."""
