"""How long the reliability loops run.

The crash and fuzz loops run a reduced count by default; ``BRIEFER_RELIABILITY_FULL=1``
runs the full count (see README, "Your data").
"""

from __future__ import annotations

import os

FULL = os.environ.get("BRIEFER_RELIABILITY_FULL", "") not in ("", "0")


def count(default: int, full: int) -> int:
    """``default`` normally, ``full`` with BRIEFER_RELIABILITY_FULL=1."""
    return full if FULL else default
