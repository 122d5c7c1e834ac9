"""Briefer: meeting briefs that set the industry position beside the official outcome."""

from __future__ import annotations

__version__ = "0.1.0"
