"""A date the officer types, read the same way by the window and the command line.

The common forms: "12 May 2025", "May 12, 2025", "2025-05-12", "12/05/2025", "2025年5月12日",
"令和7年5月12日" (full-width digits, kanji numerals and a weekday after it too:
"令和七年五月十二日", "2025年5月12日（月）"). The whole text must be the date. Day and month
in "12/05/2025" are read in the order the caller knows (the window: the officer's locale);
without one, such a date is read only when it cannot be the other way round ("13/05/2025",
"05/05/2025"), and is otherwise refused as ambiguous rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from briefer.ingest.metadata import find_date

#: what the command line's error names
ACCEPTED = "2025-05-12, 12 May 2025, 2025年5月12日 or 13/05/2025"

#: a weekday after a Japanese date, as letters and calendars write it: 2025年5月12日（月）
_WEEKDAY = re.compile(r"\(\s*[月火水木金土日](?:曜日?)?\s*\)$")  # no leading \s*: linear
_NUMERIC = re.compile(r"^(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})$")


class AmbiguousDate(ValueError):
    """A day/month/year date that reads both ways (05/06/2025) with no order to go by."""


def parse_typed_date(text: str, *, month_first: bool | None = None) -> date | None:
    """The date ``text`` spells, in any of the forms in the module docstring, else None.

    ``month_first``: how to read "05/06/2025" (True: May 6th, False: 5 June); None when
    no order is known, and then a date that reads both ways raises ``AmbiguousDate``."""
    norm = unicodedata.normalize("NFKC", text).strip().rstrip(".")
    norm = _WEEKDAY.sub("", norm).rstrip()
    if not norm:
        return None
    numeric = _NUMERIC.match(norm)
    if numeric:
        a, b, c = (int(g) for g in numeric.groups())
        if len(numeric.group(1)) == 4:
            y, m, d = a, b, c
        elif len(numeric.group(3)) == 4:
            y = c
            if month_first is None:
                if a != b and a <= 12 and b <= 12:
                    raise AmbiguousDate(text)
                month_first = a <= 12 < b
            m, d = (a, b) if month_first else (b, a)
        else:
            return None
        try:
            return date(y, m, d)
        except ValueError:
            return None
    found = find_date(norm)
    if found is None:
        return None
    value, start, end = found
    rest = (norm[:start] + norm[end:]).strip(" ,.")
    return None if rest else value
