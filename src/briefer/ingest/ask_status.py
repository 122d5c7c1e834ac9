"""The statuses of an industry ask, apart from the aligner so that the command line can offer
them in ``--help`` without importing it (CLI start-up time)."""

from __future__ import annotations

STATUSES = ("addressed", "partly", "unaddressed")
