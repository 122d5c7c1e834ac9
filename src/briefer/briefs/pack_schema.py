"""The shape a brief pack must have, checked in full before anything is written.

Typed parsing rather than JSON Schema (``jsonschema``): the checks that matter most cross
fields (a passage's offsets within *its* source's text, a quote citing a source the pack
holds, the text matching its hash), which a schema cannot say; it needs no run-time
dependency; and each refusal names the place in officer's words ("sources[2].passages[5]:
start -50 is below 0"). Sizes are bounded here and the nesting depth by ``MAX_DEPTH``, so
what reaches the store is what the models can hold.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from briefer.briefs.operation_base import ASSESSMENTS, QUOTE_STATUSES
from briefer.errors import BrieferError
from briefer.ingest.limits import MAX_TEXT_CHARS
from briefer.ingest.model import content_hash
from briefer.library.views import SOURCE_KINDS

#: Deepest nesting of lists and objects anywhere in a pack (a real one is 6 deep).
MAX_DEPTH = 16
#: Most sources, topics, sections, quotes (per section) and passages (per source) in a pack.
MAX_ITEMS = 100_000
_MAX_ID = 2**63 - 1
_MAX_SMALL = 1_000_000  # positions, levels, pages, revisions
_HASH = re.compile(r"[0-9a-f]{64}")
_SEGMENT_KINDS = ("heading", "bullet", "paragraph")
_SIDES = ("industry", "official", "context")


class PackShapeError(BrieferError):
    """Where a pack departs from the shape, as ``where: what``."""


def _fail(where: str, what: str) -> PackShapeError:
    return PackShapeError(f"{where}: {what}")


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"expected an object, found {type(value).__name__}")
    return value


def _list(value: Any, where: str, max_items: int = MAX_ITEMS) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, f"expected a list, found {type(value).__name__}")
    if len(value) > max_items:
        raise _fail(where, f"{len(value):,} entries, more than the {max_items:,} allowed")
    return value


def _str(value: Any, where: str, max_len: int, *, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"expected text, found {type(value).__name__}")
    if len(value) > max_len:
        raise _fail(where, f"{len(value):,} characters, more than the {max_len:,} allowed")
    if not empty and not value.strip():
        raise _fail(where, "is empty")
    return value


def _opt_str(value: Any, where: str, max_len: int) -> str | None:
    return None if value is None else _str(value, where, max_len)


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, f"expected a whole number, found {type(value).__name__}")
    if not low <= value <= high:
        raise _fail(where, f"{value} is outside {low}..{high:,}")
    return value


def _opt_int(value: Any, where: str, low: int, high: int) -> int | None:
    return None if value is None else _int(value, where, low, high)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, f"expected true or false, found {type(value).__name__}")
    return value


def _choice(value: Any, where: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _fail(where, f"{str(value)[:40]!r} is not one of {', '.join(choices)}")
    return str(value)


def _iso(value: Any, where: str, kind: type[date]) -> None:
    if value is None:
        return
    _str(value, where, 40)
    try:
        kind.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"{value!r} is not a {kind.__name__} (YYYY-MM-DD)") from None


def _texts(value: Any, where: str) -> None:
    for i, item in enumerate(_list(value, where, 10_000)):
        _str(item, f"{where}[{i}]", MAX_TEXT_CHARS)


def depth(value: Any) -> int:
    """Nesting depth of lists and objects, without recursion (a hostile pack is deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _source(src: Any, where: str) -> tuple[int, int]:
    src = _obj(src, where)
    sid = _int(src.get("id"), f"{where}.id", 1, _MAX_ID)
    _str(src.get("title"), f"{where}.title", 500, empty=False)
    _str(src.get("short_title", ""), f"{where}.short_title", 200)
    _texts(src.get("organisations", []), f"{where}.organisations")
    _choice(src.get("kind"), f"{where}.kind", SOURCE_KINDS)
    _str(src.get("language", "en"), f"{where}.language", 16)
    _str(src.get("origin", ""), f"{where}.origin", 1000)
    _obj(src.get("extra", {}), f"{where}.extra")
    _iso(src.get("date"), f"{where}.date", date)
    _iso(src.get("imported_at"), f"{where}.imported_at", datetime)
    text = _str(src.get("text"), f"{where}.text", MAX_TEXT_CHARS, empty=False)
    digest = _str(src.get("content_hash"), f"{where}.content_hash", 64)
    if not _HASH.fullmatch(digest) or content_hash(text) != digest:
        raise _fail(where, "its text does not match its content hash (damaged or edited)")
    ordinals: set[int] = set()
    for i, p in enumerate(_list(src.get("passages"), f"{where}.passages")):
        at = f"{where}.passages[{i}]"
        p = _obj(p, at)
        ordinal = _int(p.get("ordinal"), f"{at}.ordinal", 0, MAX_ITEMS)
        if ordinal in ordinals:
            raise _fail(f"{at}.ordinal", f"{ordinal} appears twice")
        ordinals.add(ordinal)
        _choice(p.get("kind"), f"{at}.kind", _SEGMENT_KINDS)
        _int(p.get("level", 0), f"{at}.level", 0, 100)
        _str(p.get("heading_path", ""), f"{at}.heading_path", 10_000)
        _span(p, at, len(text))
        _bool(p.get("content", True), f"{at}.content")
        _opt_int(p.get("page"), f"{at}.page", 0, _MAX_SMALL)
    return sid, len(text)


def _span(item: dict[str, Any], where: str, length: int) -> None:
    start = _int(item.get("start"), f"{where}.start", 0, length)
    end = _int(item.get("end"), f"{where}.end", 0, length)
    if start > end:
        raise _fail(where, f"start {start} is after end {end}")


def _brief(snapshot: Any, sources: dict[int, int]) -> None:
    snapshot = _obj(snapshot, "brief")
    head = _obj(snapshot.get("brief"), "brief.brief")
    _str(head.get("title"), "brief.brief.title", 500, empty=False)
    for key, size in (("venue", 500), ("organisation", 500), ("author", 500), ("marking", 100)):
        _str(head.get(key, ""), f"brief.brief.{key}", size)
    for key in ("objectives", "scene_setter"):
        _str(head.get(key, ""), f"brief.brief.{key}", MAX_TEXT_CHARS)
    _iso(head.get("meeting_date"), "brief.brief.meeting_date", date)
    _iso(head.get("created_at"), "brief.brief.created_at", datetime)
    _iso(head.get("updated_at"), "brief.brief.updated_at", datetime)
    _opt_int(head.get("id"), "brief.brief.id", 1, _MAX_ID)
    _int(head.get("revision", 1), "brief.brief.revision", 0, _MAX_ID)
    for i, section in enumerate(_list(snapshot.get("sections"), "brief.sections", 10_000)):
        at = f"brief.sections[{i}]"
        section = _obj(section, at)
        _opt_int(section.get("id"), f"{at}.id", 1, _MAX_ID)
        _opt_int(section.get("topic_id"), f"{at}.topic_id", 1, _MAX_ID)
        _str(section.get("heading"), f"{at}.heading", 500)
        _int(section.get("position"), f"{at}.position", 0, _MAX_SMALL)
        _choice(section.get("assessment", "none"), f"{at}.assessment", ASSESSMENTS)
        for key in ("assessment_comment", "background", "notes"):
            _str(section.get(key, ""), f"{at}.{key}", MAX_TEXT_CHARS)
        _texts(section.get("lines_to_take", []), f"{at}.lines_to_take")
        _texts(section.get("if_asked", []), f"{at}.if_asked")
        for j, quote in enumerate(_list(section.get("quotes", []), f"{at}.quotes")):
            _quote(quote, f"{at}.quotes[{j}]", sources)


def _quote(quote: Any, where: str, sources: dict[int, int]) -> None:
    quote = _obj(quote, where)
    sid = _int(quote.get("source_id"), f"{where}.source_id", 1, _MAX_ID)
    if sid not in sources:
        raise _fail(where, f"it cites source {sid}, which the pack does not hold")
    _span(quote, where, sources[sid])
    _str(quote.get("text"), f"{where}.text", MAX_TEXT_CHARS)
    _opt_str(quote.get("display_text"), f"{where}.display_text", MAX_TEXT_CHARS)
    _choice(quote.get("side"), f"{where}.side", _SIDES)
    _bool(quote.get("side_overridden"), f"{where}.side_overridden")
    _int(quote.get("position"), f"{where}.position", 0, _MAX_SMALL)
    _bool(quote.get("suggested"), f"{where}.suggested")
    _choice(quote.get("status"), f"{where}.status", QUOTE_STATUSES)


def check_pack(data: Any, *, fmt: str, version: int) -> None:
    """Raise ``PackShapeError`` naming the first place ``data`` is not a pack of ours."""
    if depth(data) > MAX_DEPTH:
        raise _fail("brief.json", f"nested more than {MAX_DEPTH} levels deep")
    data = _obj(data, "brief.json")
    if data.get("format") != fmt:
        raise _fail("format", f"expected {fmt!r}")
    _int(data.get("version"), "version", 1, version)
    sources: dict[int, int] = {}
    for i, src in enumerate(_list(data.get("sources", []), "sources")):
        sid, length = _source(src, f"sources[{i}]")
        sources[sid] = length
    for i, topic in enumerate(_list(data.get("topics", []), "topics")):
        at = f"topics[{i}]"
        topic = _obj(topic, at)
        _int(topic.get("id"), f"{at}.id", 1, _MAX_ID)
        _str(topic.get("name"), f"{at}.name", 200, empty=False)
        _str(topic.get("description", ""), f"{at}.description", 10_000)
        _texts(topic.get("aliases", []), f"{at}.aliases")
    _brief(data.get("brief"), sources)
