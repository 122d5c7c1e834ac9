"""Named versions of a brief ("Sent to the Director", "After the pre-brief") and what changed.

A version is a full snapshot kept as JSON, so it survives later edits, removed sections and
deleted topics. Comparing matches sections by topic (or heading when a section has none)
and quotes by source span, then by text, then by shared words, so a re-anchored or lightly
reworded quote shows as "reworded" rather than as one removal plus one addition.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select

from briefer.briefs import service
from briefer.briefs.operations import DeleteVersion, RestoreVersion, TakeVersion
from briefer.errors import NotFoundError
from briefer.store import ReadSession, Store
from briefer.store.models import BriefVersion

#: Two quotes on the same side sharing at least this share of words are one quote reworded.
REWORDED_RATIO = 0.6
SECTION_TEXT_FIELDS = ("heading", "assessment", "assessment_comment", "background", "notes")
SECTION_LIST_FIELDS = ("lines_to_take", "if_asked")


@dataclass(frozen=True, slots=True)
class VersionInfo:
    id: int
    brief_id: int
    name: str
    taken_at: datetime | None
    section_count: int
    quote_count: int


@dataclass(frozen=True, slots=True)
class FieldDiff:
    field: str
    old: str
    new: str
    diff: str  # unified diff, line by line


@dataclass(frozen=True, slots=True)
class QuoteDiff:
    status: Literal["added", "removed", "reworded", "accepted"]
    side: str
    source_id: int
    old_text: str | None
    new_text: str | None
    diff: str = ""  # for "reworded": the wording change, word by word


@dataclass(frozen=True, slots=True)
class SectionDiff:
    heading: str
    topic: str | None
    status: Literal["added", "removed", "changed", "unchanged"]
    quotes: tuple[QuoteDiff, ...] = ()
    fields: tuple[FieldDiff, ...] = ()

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"


@dataclass(frozen=True, slots=True)
class BriefDiff:
    """The brief's own fields (title, objectives...) and its sections, old → new."""

    fields: tuple[FieldDiff, ...]
    sections: tuple[SectionDiff, ...]


# --------------------------------------------------------------------------- versions


def take_version(store: Store, brief_id: int, name: str) -> int:
    created = TakeVersion(brief_id, name).apply(store).created_id
    assert created is not None
    return created


def delete_version(store: Store, version_id: int) -> None:
    DeleteVersion(version_id).apply(store)


def restore_version(store: Store, brief_id: int, version_id: int) -> None:
    """Make the brief what it was at a version (undoable: the op returns the way back)."""
    RestoreVersion(brief_id, version_id).apply(store)


def _counts(snapshot: dict[str, Any]) -> tuple[int, int]:
    sections = snapshot.get("sections", [])
    return len(sections), sum(len(s.get("quotes", [])) for s in sections)


def list_versions(store: Store, brief_id: int) -> list[VersionInfo]:
    """A brief's versions, oldest first."""
    with ReadSession(store) as s:
        service.snapshot_dict(s, brief_id)  # raises for an unknown brief
        out = []
        for v in s.scalars(
            select(BriefVersion).where(BriefVersion.brief_id == brief_id).order_by(BriefVersion.id)
        ):
            n_sections, n_quotes = _counts(v.snapshot)
            out.append(VersionInfo(v.id, v.brief_id, v.name, v.taken_at, n_sections, n_quotes))
        return out


def get_version_snapshot(store: Store, brief_id: int, version_id: int) -> dict[str, Any]:
    with ReadSession(store) as s:
        v = s.get(BriefVersion, version_id)
        if v is None or v.brief_id != brief_id:
            raise NotFoundError(f"Brief #{brief_id} has no version #{version_id}.")
        return dict(v.snapshot)


# --------------------------------------------------------------------------- comparing


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value)


def _field_diff(name: str, old: Any, new: Any) -> FieldDiff | None:
    a, b = _text(old), _text(new)
    if a == b:
        return None
    diff = "\n".join(
        difflib.unified_diff(a.splitlines(), b.splitlines(), "before", "after", lineterm="", n=1)
    )
    return FieldDiff(name, a, b, diff)


def word_diff(old: str, new: str) -> str:
    """Words removed as [-...-] and added as {+...+}: readable in a terminal and a tooltip."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        if op in ("delete", "replace"):
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if op in ("insert", "replace"):
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def _shown(q: dict[str, Any]) -> str:
    return str(q.get("display_text") or q["text"])


def _quote_diffs(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[QuoteDiff]:
    old_left = list(old)
    new_left = list(new)
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def match(key: Any) -> None:
        for n in list(new_left):
            for o in old_left:
                if key(o) == key(n):
                    pairs.append((o, n))
                    old_left.remove(o)
                    new_left.remove(n)
                    break

    # Not by id: SQLite hands a removed quote's id to the next one added.
    match(lambda q: (q["source_id"], q["start"], q["end"], q["side"]))
    match(lambda q: (q["text"], q["side"]))
    # Remaining: the most similar pair on the same side is one quote reworded.
    for n in list(new_left):
        best, best_ratio = None, REWORDED_RATIO
        for o in old_left:
            if o["side"] != n["side"]:
                continue
            ratio = difflib.SequenceMatcher(
                a=_shown(o).split(), b=_shown(n).split(), autojunk=False
            ).ratio()
            if ratio >= best_ratio:
                best, best_ratio = o, ratio
        if best is not None:
            pairs.append((best, n))
            old_left.remove(best)
            new_left.remove(n)
    out = []
    for o, n in pairs:
        if o.get("suggested") and not n.get("suggested"):
            # a drafting suggestion accepted since: a change the version comparison must show
            out.append(QuoteDiff("accepted", n["side"], n["source_id"], _shown(o), _shown(n)))
        if _shown(o) != _shown(n):
            out.append(
                QuoteDiff(
                    "reworded",
                    n["side"],
                    n["source_id"],
                    _shown(o),
                    _shown(n),
                    word_diff(_shown(o), _shown(n)),
                )
            )
    out.extend(QuoteDiff("removed", o["side"], o["source_id"], _shown(o), None) for o in old_left)
    out.extend(QuoteDiff("added", n["side"], n["source_id"], None, _shown(n)) for n in new_left)
    return out


def _section_key(sd: dict[str, Any]) -> tuple[str, Any]:
    if sd.get("topic_id") is not None:
        return ("topic", sd["topic_id"])
    return ("heading", str(sd.get("heading", "")).casefold())


def compare_snapshots(old: dict[str, Any], new: dict[str, Any]) -> BriefDiff:
    """What changed from ``old`` to ``new`` (both snapshot dicts)."""
    fields = [
        d
        for key in service.BRIEF_KEYS
        if (d := _field_diff(key, old["brief"].get(key), new["brief"].get(key))) is not None
    ]
    old_by_key = {_section_key(sd): sd for sd in old.get("sections", [])}
    new_keys = {_section_key(sd) for sd in new.get("sections", [])}
    sections: list[SectionDiff] = []
    for sd in new.get("sections", []):
        od = old_by_key.get(_section_key(sd))
        if od is None:
            quotes = _quote_diffs([], sd.get("quotes", []))
            sections.append(SectionDiff(sd["heading"], sd.get("topic"), "added", tuple(quotes)))
            continue
        fdiffs = [
            d
            for key in (*SECTION_TEXT_FIELDS, *SECTION_LIST_FIELDS)
            if (d := _field_diff(key, od.get(key), sd.get(key))) is not None
        ]
        quotes = _quote_diffs(od.get("quotes", []), sd.get("quotes", []))
        status: Literal["changed", "unchanged"] = "changed" if fdiffs or quotes else "unchanged"
        sections.append(
            SectionDiff(sd["heading"], sd.get("topic"), status, tuple(quotes), tuple(fdiffs))
        )
    for od in old.get("sections", []):
        if _section_key(od) not in new_keys:
            quotes = _quote_diffs(od.get("quotes", []), [])
            sections.append(SectionDiff(od["heading"], od.get("topic"), "removed", tuple(quotes)))
    return BriefDiff(tuple(fields), tuple(sections))


def compare_brief(store: Store, brief_id: int, version_id: int) -> BriefDiff:
    """From the version to the brief as it is now."""
    old = get_version_snapshot(store, brief_id, version_id)
    new = service.get_snapshot(store, brief_id)
    return compare_snapshots(old, new)


def compare(store: Store, brief_id: int, version_id: int) -> list[SectionDiff]:
    """Per section, from the version to now: added / removed / reworded quotes and fields."""
    return list(compare_brief(store, brief_id, version_id).sections)
