"""What every command prints: ``--json`` (the documented contract) or a text rendering.

The JSON shapes are a documented contract (README, "JSON contract"); add keys freely,
never rename or remove one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefer.labels import escape_controls


def to_jsonable(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        return to_jsonable(as_dict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def emit(ns: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    """``data`` as JSON with ``--json``, else ``text()`` (built only when it is printed)."""
    if getattr(ns, "json", False):
        import json

        json.dump(to_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        out = text()
        if out:
            print(escape_controls(out))  # stored names may predate clean_label


def clip(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, ending in "…" when it was cut (a title in a
    listing line must not read as if it were whole)."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def fmt_date(d: date | None) -> str:
    return d.isoformat() if d else "—"


def as_dict(obj: object) -> dict[str, object]:
    """A frozen view as a plain dict (the JSON of most listings)."""
    from dataclasses import asdict

    return asdict(obj)  # type: ignore[call-overload,no-any-return]
